import AgendaCore
import Foundation

/// A realistic report for the workbook tests and the rendered sample: Phayao's nine districts, five workstreams,
/// twenty indicators (sums, stocks, means and ratios; higher- and lower-is-better), FY2565 with the six months
/// before it as history, targets with statuses of every kind, two district-months missing, late files and one
/// planted outlier. Built through `ReportBuilder.build`, so every number in the workbook is the core's.
///
/// Values come from a fixed-seed generator keyed by indicator, district and month, so the report is the same on
/// every run and machine.
enum SampleReportFixture {
    static let fiscalYear = 2565
    /// 5 October 2565 (2022), 10:00 in Bangkok.
    static let asOf = Date(timeIntervalSince1970: 1_664_938_800)

    static let province = Area(code: "56", parentCode: nil, nameTH: "พะเยา", nameEN: "Phayao")
    static let districts: [Area] = [
        ("5601", "เมืองพะเยา", "Mueang Phayao"), ("5602", "จุน", "Chun"), ("5603", "เชียงคำ", "Chiang Kham"),
        ("5604", "เชียงม่วน", "Chiang Muan"), ("5605", "ดอกคำใต้", "Dok Khamtai"), ("5606", "ปง", "Pong"),
        ("5607", "แม่ใจ", "Mae Chai"), ("5608", "ภูซาง", "Phu Sang"), ("5609", "ภูกามยาว", "Phu Kamyao"),
    ].map { Area(code: $0.0, parentCode: "56", nameTH: $0.1, nameEN: $0.2) }

    static let workstreams = [
        Workstream(id: "NR", nameTH: "การบริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม", nameEN: "Natural resources and environment"),
        Workstream(id: "LS", nameTH: "สถานะทางทะเบียนและสิทธิของบุคคล", nameEN: "Legal status and personal rights"),
        Workstream(id: "CW", nameTH: "สวัสดิการชุมชน", nameEN: "Community welfare"),
        Workstream(id: "EC", nameTH: "เศรษฐกิจฐานรากและวิสาหกิจชุมชน", nameEN: "Grassroots economy and community enterprises"),
        Workstream(id: "HL", nameTH: "สุขภาพผู้สูงอายุและผู้มีภาวะพึ่งพิง", nameEN: "Health of older and dependent people"),
    ]

    /// How an indicator's monthly district values are generated.
    struct Profile {
        var indicator: Indicator
        /// Typical monthly value in the smallest district.
        var base: Double
        /// Relative noise.
        var spread: Double
        /// Growth per month (stocks).
        var growth: Double = 0
        /// Multiplies `base` in January–April (fire season).
        var season: Double = 1
        /// Annual target as a multiple of the generated year's expected total (or level); nil = no targets.
        var targetFactor: Double? = 1
    }

    static func ind(_ id: String, _ ws: String, _ th: String, _ en: String, _ uTH: String, _ uEN: String,
                    _ agg: Aggregation, better: Direction = .higher, headline: Bool = false, decimals: Int? = nil,
                    num: String? = nil, den: String? = nil) -> Indicator {
        Indicator(id: id, workstreamID: ws, nameTH: th, nameEN: en, unitTH: uTH, unitEN: uEN, aggregation: agg,
                  numeratorID: num, denominatorID: den, better: better, isHeadline: headline, decimals: decimals)
    }

    static let profiles: [Profile] = [
        Profile(indicator: ind("NR01", "NR", "พื้นที่ป่าชุมชนที่มีการจัดการ", "Community forest under management", "ไร่", "rai",
                               .last, headline: true), base: 2_400, spread: 0.01, growth: 0.012, targetFactor: 0.97),
        Profile(indicator: ind("NR02", "NR", "จุดความร้อน (ไฟป่า)", "Forest fire hotspots", "จุด", "hotspots", .sum,
                               better: .lower, headline: true), base: 2, spread: 0.6, season: 14, targetFactor: 0.95),
        Profile(indicator: ind("NR03", "NR", "ฝายชะลอน้ำที่สร้างใหม่", "New check dams", "แห่ง", "dams", .sum),
                base: 2, spread: 0.7, targetFactor: 1.1),
        Profile(indicator: ind("NR04", "NR", "ขยะที่นำกลับมาใช้ใหม่", "Waste recycled", "ตัน", "tonnes", .sum,
                               decimals: 1), base: 11.5, spread: 0.3, targetFactor: 0.9),
        Profile(indicator: ind("LS01", "LS", "คำขอสถานะที่ยื่น", "Status applications filed", "คำขอ", "applications",
                               .sum), base: 14, spread: 0.35, targetFactor: nil),
        Profile(indicator: ind("LS02", "LS", "คำขอสถานะที่ได้รับอนุมัติ", "Status applications granted", "คำขอ",
                               "applications", .sum, headline: true), base: 10, spread: 0.35, targetFactor: 1.15),
        Profile(indicator: ind("LS03", "LS", "อัตราการอนุมัติสถานะ", "Status grant rate", "%", "%", .ratio,
                               headline: true, num: "LS02", den: "LS01"), base: 0, spread: 0, targetFactor: nil),
        Profile(indicator: ind("LS04", "LS", "ระยะเวลาพิจารณาเฉลี่ย", "Mean days to decide", "วัน", "days", .mean,
                               better: .lower, decimals: 1), base: 38, spread: 0.25, targetFactor: 0.9),
        Profile(indicator: ind("CW01", "CW", "สมาชิกกองทุนสวัสดิการชุมชน", "Community welfare fund members", "คน",
                               "people", .last, headline: true), base: 1_900, spread: 0.005, growth: 0.006,
                targetFactor: 0.98),
        Profile(indicator: ind("CW02", "CW", "เงินกองทุนสวัสดิการชุมชน", "Community welfare fund balance", "บาท",
                               "baht", .last, decimals: 2), base: 1_250_000.25, spread: 0.01, growth: 0.01,
                targetFactor: 1.0),
        Profile(indicator: ind("CW03", "CW", "ผู้ได้รับสวัสดิการ", "Welfare recipients", "คน", "people", .sum),
                base: 45, spread: 0.3, targetFactor: 1.0),
        Profile(indicator: ind("CW04", "CW", "ครัวเรือนเปราะบางที่ได้รับการช่วยเหลือ", "Vulnerable households helped",
                               "ครัวเรือน", "households", .sum), base: 12, spread: 0.4, targetFactor: 1.3),
        Profile(indicator: ind("EC01", "EC", "วิสาหกิจชุมชนที่จดทะเบียนใหม่", "New community enterprises", "แห่ง",
                               "enterprises", .sum, headline: true), base: 1.5, spread: 0.8, targetFactor: 1.0),
        Profile(indicator: ind("EC02", "EC", "รายได้จากผลิตภัณฑ์ชุมชน", "Community product income", "บาท", "baht",
                               .sum, headline: true), base: 180_000, spread: 0.25, targetFactor: 0.95),
        Profile(indicator: ind("EC03", "EC", "ครัวเรือนที่ได้รับการพัฒนาอาชีพ", "Households trained", "ครัวเรือน",
                               "households", .sum), base: 25, spread: 0.3, targetFactor: 1.0),
        Profile(indicator: ind("EC04", "EC", "ราคาข้าวเปลือกเฉลี่ย", "Mean paddy price", "บาท/ตัน", "baht/tonne",
                               .mean), base: 9_100, spread: 0.04, targetFactor: nil),
        Profile(indicator: ind("HL01", "HL", "ผู้สูงอายุที่ได้รับการคัดกรองสุขภาพ", "Older people screened", "คน",
                               "people", .sum, headline: true), base: 260, spread: 0.3, targetFactor: 0.9),
        Profile(indicator: ind("HL02", "HL", "ผู้สูงอายุทั้งหมด", "Older people (population)", "คน", "people", .last),
                base: 6_500, spread: 0.002, growth: 0.002, targetFactor: nil),
        Profile(indicator: ind("HL03", "HL", "ร้อยละผู้สูงอายุที่ได้รับการคัดกรอง", "Share of older people screened", "%",
                               "%", .ratio, num: "HL01", den: "HL02"), base: 0, spread: 0, targetFactor: nil),
        Profile(indicator: ind("HL04", "HL", "ผู้ป่วยติดเตียงที่ได้รับการเยี่ยมบ้าน", "Bedridden patients visited at home",
                               "คน", "people", .sum), base: 22, spread: 0.3, targetFactor: 1.0),
    ]

    /// District size: Mueang Phayao is the largest.
    static func scale(_ district: Int) -> Double { [3.2, 1.4, 2.1, 1.3, 1.6, 1.8, 1.5, 1.0, 1.1][district] }

    /// Months with values: six months of FY2564 as history, then FY2565.
    static var months: [YearMonth] {
        (0..<18).map { YearMonth(yearBE: 2564, month: 4).advanced(by: $0) }
    }

    /// Nothing came from Pong for February and March 2565, nor from Phu Kamyao for November 2564.
    static func isMissing(_ district: String, _ month: YearMonth) -> Bool {
        (district == "5606" && (month == YearMonth(yearBE: 2565, month: 2) || month == YearMonth(yearBE: 2565, month: 3)))
            || (district == "5609" && month == YearMonth(yearBE: 2564, month: 11))
    }

    /// Chiang Kham's files for January–March 2565 came 18 days after month end (late); the rest after 4 days.
    static func modified(_ district: String, _ month: YearMonth) -> Date {
        let late = district == "5603" && (1...3).contains(month.month) && month.yearBE == 2565
        let next = month.advanced(by: 1)
        var parts = DateComponents()
        parts.year = next.yearCE
        parts.month = next.month
        parts.day = late ? 18 : 4
        parts.hour = 9
        return BangkokCalendar.calendar.date(from: parts)!
    }

    /// The planted outlier: Mueang Phayao's recycled waste in June 2565 is ten times its usual.
    static let outlierDistrict = "5601", outlierIndicator = "NR04"
    static let outlierMonth = YearMonth(yearBE: 2565, month: 6)

    /// SplitMix64 of a key, as a fraction in [0, 1).
    static func unit(_ key: Int) -> Double {
        var z = UInt64(bitPattern: Int64(key)) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }

    static func generatedValue(_ p: Profile, profileIndex: Int, district: Int, monthIndex: Int, month: YearMonth)
        -> Double {
        let noise = 1 + p.spread * (2 * unit(profileIndex * 1_000_003 + district * 10_007 + monthIndex) - 1)
        let season = (1...4).contains(month.month) ? p.season : 1
        let growth = pow(1 + p.growth, Double(monthIndex))
        let raw = p.base * scale(district) * season * growth * noise
        let places = Double(p.indicator.decimals)
        let factor = pow(10, places)
        return (raw * factor).rounded() / factor
    }

    static var reference: ReferenceData {
        ReferenceData(province: province, districts: districts, workstreams: workstreams,
                      indicators: profiles.map(\.indicator), targets: targets)
    }

    /// Targets: per district, the generated year's expected total (sums), level (stocks) or mean, times the
    /// profile's factor and a district factor so statuses differ; Phu Sang has no target for NR03; the province has
    /// its own row for the hotspots and the grant rate.
    static var targets: [Target] {
        var result: [Target] = []
        for (pi, p) in profiles.enumerated() {
            guard let factor = p.targetFactor else { continue }
            for (d, district) in districts.enumerated() {
                if district.code == "5608" && p.indicator.id == "NR03" { continue }
                let districtFactor = 0.85 + 0.3 * unit(pi * 7 + d * 131 + 99)
                let typical = p.base * scale(d)
                let target: Double
                switch p.indicator.aggregation {
                case .sum: target = typical * (8 + 4 * p.season) * factor * districtFactor
                case .last: target = typical * pow(1 + p.growth, 17) * factor * districtFactor
                case .mean, .ratio: target = typical * factor
                }
                result.append(Target(fiscalYear: fiscalYear, areaCode: district.code, indicatorID: p.indicator.id,
                                     target: target.rounded()))
            }
        }
        result.append(Target(fiscalYear: fiscalYear, areaCode: "56", indicatorID: "NR02", target: 1_300))
        result.append(Target(fiscalYear: fiscalYear, areaCode: "56", indicatorID: "LS03", target: 72))
        return result
    }

    static var imported: ImportResult {
        var sources: [SourceFile] = []
        var accepted: [AcceptedValue] = []
        for (d, district) in districts.enumerated() {
            for (mi, month) in months.enumerated() where !isMissing(district.code, month) {
                let sourceIndex = sources.count
                var count = 0
                for (pi, p) in profiles.enumerated() where p.indicator.isSubmittable {
                    var value = generatedValue(p, profileIndex: pi, district: d, monthIndex: mi, month: month)
                    if district.code == outlierDistrict && p.indicator.id == outlierIndicator && month == outlierMonth {
                        value *= 10
                    }
                    // Chiang Muan leaves the check dams out in the last quarter (partial completeness).
                    if district.code == "5604" && p.indicator.id == "NR03" && month.fiscalQuarterNumber == 4
                        && month.fiscalYear == fiscalYear { continue }
                    count += 1
                    accepted.append(AcceptedValue(
                        key: ValueKey(districtCode: district.code, month: month, indicatorID: p.indicator.id, area: ""),
                        value: value, note: "", sourceIndex: sourceIndex, line: count + 1))
                }
                sources.append(SourceFile(
                    path: "\(district.code)/\(month.label).csv", modified: modified(district.code, month),
                    byteCount: 60 * count, sha256: String(repeating: "0", count: 64), encoding: .utf8,
                    districtCodes: [district.code], rowsRead: count, accepted: count))
            }
        }
        let order = sources.indices.sorted { sources[$0].path.utf8.lexicographicallyPrecedes(sources[$1].path.utf8) }
        var newIndex = Array(repeating: 0, count: sources.count)
        for (new, old) in order.enumerated() { newIndex[old] = new }
        let sortedSources = order.map { sources[$0] }
        let remapped = accepted.map { value -> AcceptedValue in
            var copy = value
            copy.sourceIndex = newIndex[value.sourceIndex]
            return copy
        }.sorted { $0.key < $1.key }
        return ImportResult(sources: sortedSources, accepted: remapped, superseded: [], rejections: [
            Rejection(file: "5602/2565-05.csv", line: 7, column: "value", text: "สิบสอง",
                      reason: BilingualText(th: "ค่าไม่ใช่ตัวเลข", en: "value is not a number")),
        ])
    }

    static func report(scope: ReportScope = .year(2565)) -> Report {
        ReportBuilder.build(scope: scope, options: ReportOptions(), reference: reference, imported: imported,
                            asOf: asOf)
    }
}
