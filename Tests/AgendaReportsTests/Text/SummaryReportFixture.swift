import AgendaCore
import Foundation

/// A small hand-built report for the summary tests: four districts, three workstreams, FY2565 Q2.
///
/// Every number is chosen so the expected text can be worked out by hand: ties, a `lower` indicator, a ratio
/// without targets (ranked by value), a workstream without headline indicators whose province value is blank,
/// rejections that map to districts by source, by path and not at all, and an as-of instant that is already the
/// next day in Bangkok.
enum SummaryReportFixture {
    static let q2 = FiscalQuarter(fiscalYear: 2565, quarter: 2)
    static let march = YearMonth(yearBE: 2565, month: 3)
    static let ytd = ReportWindow.yearToDate(fiscalYear: 2565, through: march)
    static let quarter = ReportWindow.quarter(q2)

    static var reference: ReferenceData {
        let province = Area(code: "56", parentCode: nil, nameTH: "พะเยา", nameEN: "Phayao")
        let districts = [
            Area(code: "5606", parentCode: "56", nameTH: "ปง", nameEN: "Pong"),
            Area(code: "5601", parentCode: "56", nameTH: "เมืองพะเยา", nameEN: "Mueang Phayao"),
            Area(code: "5602", parentCode: "56", nameTH: "จุน", nameEN: "Chun"),
            Area(code: "5603", parentCode: "56", nameTH: "เชียงคำ", nameEN: "Chiang Kham"),
        ]
        let workstreams = [
            Workstream(id: "NR", nameTH: "งานพัฒนาระบบการจัดการทรัพยากรธรรมชาติ", nameEN: "Natural resource management"),
            Workstream(id: "LS", nameTH: "สถานะทางสิทธิของบุคคลไร้รัฐและไร้สัญชาติ", nameEN: "Legal status of stateless persons"),
            Workstream(id: "CW", nameTH: "สวัสดิการชุมชน", nameEN: "Community welfare"),
        ]
        let indicators = [
            Indicator(id: "NR01", workstreamID: "NR", nameTH: "พื้นที่ป่าชุมชนที่มีการจัดการ", nameEN: "Community forest under management",
                      unitTH: "ไร่", unitEN: "rai", aggregation: .last, better: .higher, isHeadline: true),
            Indicator(id: "NR02", workstreamID: "NR", nameTH: "จุดความร้อน (ไฟป่า)", nameEN: "Forest fire hotspots",
                      unitTH: "จุด", unitEN: "hotspots", aggregation: .sum, better: .lower, isHeadline: true),
            Indicator(id: "LS01", workstreamID: "LS", nameTH: "คำขอสถานะที่ยื่น", nameEN: "Status applications filed",
                      unitTH: "คำขอ", unitEN: "applications", aggregation: .sum, better: .higher),
            Indicator(id: "LS02", workstreamID: "LS", nameTH: "คำขอสถานะที่ได้รับอนุมัติ", nameEN: "Status applications granted",
                      unitTH: "คำขอ", unitEN: "applications", aggregation: .sum, better: .higher),
            Indicator(id: "LS03", workstreamID: "LS", nameTH: "อัตราการอนุมัติสถานะ", nameEN: "Status grant rate",
                      unitTH: "%", unitEN: "%", aggregation: .ratio, numeratorID: "LS02", denominatorID: "LS01",
                      better: .higher, isHeadline: true),
            Indicator(id: "CW01", workstreamID: "CW", nameTH: "สมาชิกกองทุนสวัสดิการชุมชน", nameEN: "Community welfare fund members",
                      unitTH: "คน", unitEN: "people", aggregation: .last, better: .higher),
            Indicator(id: "CW02", workstreamID: "CW", nameTH: "เงินกองทุนสวัสดิการชุมชน", nameEN: "Community welfare fund balance",
                      unitTH: "บาท", unitEN: "baht", aggregation: .last, better: .higher, decimals: 2),
        ]
        return ReferenceData(province: province, districts: districts, workstreams: workstreams,
                             indicators: indicators, targets: [])
    }

    static var imported: ImportResult {
        let modified = Date(timeIntervalSince1970: 1_648_000_000)
        let sources = [
            SourceFile(path: "5601/2565-02.csv", modified: modified, byteCount: 900, sha256: "a", encoding: .utf8,
                       districtCodes: ["5601"], rowsRead: 12, accepted: 9, rejected: 3),
            SourceFile(path: "5602_2565-03.csv", modified: modified, byteCount: 400, sha256: "b", encoding: nil),
            SourceFile(path: "5603/2565-03.csv", modified: modified, byteCount: 800, sha256: "c", encoding: .windows874,
                       districtCodes: ["5603"], rowsRead: 10, accepted: 10),
            SourceFile(path: "mystery.csv", modified: modified, byteCount: 100, sha256: "d", encoding: .utf8,
                       rowsRead: 1, rejected: 1),
        ]
        let reason = BilingualText(th: "ค่าไม่ใช่ตัวเลข", en: "value is not a number")
        let rejections = [
            Rejection(file: "5601/2565-02.csv", line: 5, column: "value", text: "abc", reason: reason),
            Rejection(file: "5601/2565-02.csv", line: 5, column: "period", text: "2565-13", reason: reason),
            Rejection(file: "5601/2565-02.csv", line: 9, column: "value", text: "-3", reason: reason),
            Rejection(file: "5602_2565-03.csv", line: 0, column: "", text: "", reason: reason, wholeFile: true),
            Rejection(file: "mystery.csv", line: 2, column: "district_code", text: "9999", reason: reason),
        ]
        return ImportResult(sources: sources, accepted: [], superseded: [], rejections: rejections)
    }

    static func fact(_ window: ReportWindow, _ ws: String, _ id: String, _ area: String, _ value: Double?,
                     target: Double? = nil, status: Status? = nil, previous: Double? = nil) -> Fact {
        let achievement = value.flatMap { v in target.map { 100 * v / $0 } }
        return Fact(window: window, workstreamID: ws, indicatorID: id, areaCode: area, value: value, target: target,
                    achievementPct: achievement, status: status, previousQuarterValue: previous)
    }

    static var facts: [Fact] {
        [
            // Forest: province on track; 5602 and 5603 tie at 75% (the lower code ranks first among equals).
            fact(ytd, "NR", "NR01", "5601", 5_000, target: 5_000, status: .achieved),
            fact(ytd, "NR", "NR01", "5602", 3_000, target: 4_000, status: .onTrack),
            fact(ytd, "NR", "NR01", "5603", 4_500, target: 6_000, status: .onTrack),
            fact(ytd, "NR", "NR01", "5606", nil, target: 2_000),
            fact(ytd, "NR", "NR01", "56", 12_500, target: 15_000, status: .onTrack),
            fact(quarter, "NR", "NR01", "56", 12_500, previous: 11_000),
            // Hotspots: lower is better, so the smallest achievement is best.
            fact(ytd, "NR", "NR02", "5601", 10, target: 30, status: .onTrack),
            fact(ytd, "NR", "NR02", "5602", 20, target: 30, status: .behind),
            fact(ytd, "NR", "NR02", "5603", 12, target: 40, status: .onTrack),
            fact(ytd, "NR", "NR02", "56", 42, target: 100, status: .onTrack),
            fact(quarter, "NR", "NR02", "56", 30, previous: 12),
            // Grant rate: no targets anywhere, ranked by value.
            fact(ytd, "LS", "LS03", "5601", 70),
            fact(ytd, "LS", "LS03", "5602", 50),
            fact(ytd, "LS", "LS03", "5603", nil),
            fact(ytd, "LS", "LS03", "5606", 65),
            fact(ytd, "LS", "LS03", "56", 62.5),
            fact(quarter, "LS", "LS03", "56", 62.5, previous: 60),
            // Welfare members: nothing reported anywhere.
            fact(ytd, "CW", "CW01", "56", nil),
        ]
    }

    static var completeness: [CompletenessCell] {
        let codes = ["5601", "5602", "5603", "5606"]
        let missing: Set<String> = ["5606 2565-02", "5606 2565-03", "5602 2564-10"]
        return codes.flatMap { code in
            YearMonth.months(ofFiscalYear: 2565).filter { $0 <= march }.map { month in
                let sent = !missing.contains("\(code) \(month.label)")
                return CompletenessCell(districtCode: code, month: month, reported: sent ? 5 : 0, expected: 6,
                                        submitted: sent, lastModified: nil, onTime: sent ? true : nil)
            }
        }
    }

    static var anomalies: [Anomaly] {
        [
            Anomaly(districtCode: "5601", month: YearMonth(yearBE: 2565, month: 1), indicatorID: "NR01", value: 9_000,
                    expected: 900, score: 26.98, checks: [.peers]),
            Anomaly(districtCode: "5603", month: YearMonth(yearBE: 2565, month: 2), indicatorID: "NR02",
                    area: "หย่วน", value: 25, expected: 2, score: 15.51, checks: [.peers, .previousMonth]),
        ]
    }

    static var report: Report {
        let windows = q2.months.map(ReportWindow.month) + [quarter, ytd]
        // 31 March 2022 18:00 UTC = 1 April 2565 01:00 in Bangkok.
        return Report(scope: .quarter(q2), options: ReportOptions(), reference: reference, imported: imported,
                      windows: windows, facts: facts, completeness: completeness, anomalies: anomalies,
                      asOf: Date(timeIntervalSince1970: 1_648_749_600))
    }
}
