import Foundation

/// Everything the workbook and the summary say *about* the facts, decided once: which indicators lead each
/// workstream, the best and worst district of each indicator, how many indicators of each district and workstream
/// are as planned, each district's data-quality tallies, the district a file belongs to, and which districts
/// reported each month.
///
/// Built once with the report (`Report.insights`) and read by both renderers, which only format it, so the workbook
/// and the summary can never disagree.
public struct ReportInsights: Sendable {
    /// How much of something is as it should be: all of it, at least half, or less than half.
    public enum Tone: String, Sendable, Hashable, Codable {
        case good, mixed, poor

        /// `good` when `part == whole`, `mixed` when at least half, `poor` otherwise (also for `whole == 0`).
        public init(part: Int, of whole: Int) {
            if whole > 0 && part >= whole { self = .good }
            else if whole > 0 && part * 2 >= whole { self = .mixed }
            else { self = .poor }
        }
    }

    /// A district and the number it is ranked by.
    public struct RankedDistrict: Sendable, Hashable {
        public var areaCode: String
        public var amount: Double
    }

    /// The best and the worst district of one indicator, year to date.
    public struct DistrictComparison: Sendable, Hashable {
        public enum Basis: String, Sendable, Hashable {
            /// 100 × value ÷ target of each district's own target (for a ceiling: the share of it used).
            case achievement
            /// The value itself, when no district has a target.
            case value
        }
        public var basis: Basis
        public var best: RankedDistrict
        public var worst: RankedDistrict
        /// Best and worst read the same once formatted (percentages to one decimal, values to the indicator's
        /// decimals): then no district is singled out.
        public var allEqual: Bool
    }

    /// Indicators as planned (status achieved or on track) out of those with a status.
    public struct Tally: Sendable, Hashable {
        public var met: Int
        public var judged: Int
        public var tone: Tone { Tone(part: met, of: judged) }
    }

    /// What went wrong with one district's data, or looks as if it did.
    public struct DistrictQuality: Sendable, Hashable {
        /// Rejected rows (a row failing on several columns counts once).
        public var rejectedRows = 0
        /// Files rejected as a whole.
        public var rejectedFiles = 0
        /// Months of the fiscal year to date from which nothing came, in order.
        public var missingMonths: [YearMonth] = []
        /// Values flagged as anomalies (information only: they count as sent).
        public var anomalies = 0

        public init() {}
        public var isClean: Bool { rejectedRows == 0 && rejectedFiles == 0 && missingMonths.isEmpty && anomalies == 0 }
    }

    /// Which districts sent data for one month.
    public struct MonthReporting: Sendable, Hashable {
        public var month: YearMonth
        /// District codes in reference order.
        public var submitted: [String]
        public var missing: [String]
        public var districtCount: Int { submitted.count + missing.count }
        public var tone: Tone { Tone(part: submitted.count, of: districtCount) }
    }

    /// The report's year to date is the whole fiscal year and the year is over: statuses are final.
    public let isFinishedYear: Bool
    /// One per month of the fiscal year to date (`Report.completeness`'s months), in order.
    public let monthlyReporting: [MonthReporting]
    /// Districts with data for the report's last month.
    public let districtsReportingLatestMonth: Int
    /// Districts with data for at least one month of the report's months.
    public let districtsReportingInPeriod: Int
    /// Per district code (nil = a file whose district cannot be told), only districts with something wrong.
    public let quality: [String?: DistrictQuality]

    private let headlinesByWorkstream: [String: [Indicator]]
    private let comparisons: [String: DistrictComparison]
    private let tallies: [String: Tally]
    private let fileDistricts: [String: String]

    /// The indicators a workstream leads with: those marked headline, else its first indicator.
    public func headlines(_ workstreamID: String) -> [Indicator] { headlinesByWorkstream[workstreamID] ?? [] }

    /// Best and worst district of an indicator; nil when fewer than two districts have a number to compare.
    public func comparison(_ indicatorID: String) -> DistrictComparison? { comparisons[indicatorID] }

    /// Indicators of `workstreamID` as planned in `areaCode`, year to date; nil when none has a status.
    public func tally(workstream workstreamID: String, area areaCode: String) -> Tally? {
        tallies[workstreamID + "|" + areaCode]
    }

    /// The district a submission file belongs to (see `districtCode(ofFile:sources:districtCodes:)`).
    public func district(ofFile path: String) -> String? { fileDistricts[path] }

    public func reporting(_ month: YearMonth) -> MonthReporting? { monthlyReporting.first { $0.month == month } }

    public init(_ report: Report) {
        let reference = report.reference
        let ytd = report.windows.first(where: \.isYearToDate)
        isFinishedYear = report.scope.isFinishedYear(asOf: report.asOf)

        var headlines: [String: [Indicator]] = [:]
        for workstream in reference.workstreams {
            let all = reference.indicators(in: workstream.id)
            let marked = all.filter(\.isHeadline)
            headlines[workstream.id] = marked.isEmpty ? Array(all.prefix(1)) : marked
        }
        headlinesByWorkstream = headlines

        var comparisons: [String: DistrictComparison] = [:]
        var tallies: [String: Tally] = [:]
        if let ytd {
            for indicator in reference.indicators {
                let facts = reference.districts.compactMap { report.fact(ytd, indicator: indicator.id, area: $0.code) }
                comparisons[indicator.id] = Self.compare(indicator, facts)
            }
            for workstream in reference.workstreams {
                for area in reference.reportAreas {
                    var tally = Tally(met: 0, judged: 0)
                    for indicator in reference.indicators(in: workstream.id) {
                        guard let status = report.fact(ytd, indicator: indicator.id, area: area.code)?.status
                        else { continue }
                        tally.judged += 1
                        if status.isMet { tally.met += 1 }
                    }
                    if tally.judged > 0 { tallies[workstream.id + "|" + area.code] = tally }
                }
            }
        }
        self.comparisons = comparisons
        self.tallies = tallies

        // Reporting per month, from the core's completeness.
        let districtCodes = reference.districts.map(\.code)
        var sentByMonth: [YearMonth: Set<String>] = [:]
        for cell in report.completeness {
            if sentByMonth[cell.month] == nil { sentByMonth[cell.month] = [] }
            if cell.submitted { sentByMonth[cell.month]!.insert(cell.districtCode) }
        }
        monthlyReporting = sentByMonth.keys.sorted().map { month in
            let sent = sentByMonth[month]!
            return MonthReporting(month: month, submitted: districtCodes.filter(sent.contains),
                                  missing: districtCodes.filter { !sent.contains($0) })
        }
        let latest = sentByMonth[report.scope.lastMonth] ?? []
        districtsReportingLatestMonth = districtCodes.filter(latest.contains).count
        let periodMonths = Set(report.scope.months)
        let inPeriod = sentByMonth.filter { periodMonths.contains($0.key) }.values.reduce(into: Set<String>()) {
            $0.formUnion($1)
        }
        districtsReportingInPeriod = districtCodes.filter(inPeriod.contains).count

        // Data quality per district: rejected rows and files, missing months.
        var quality: [String?: DistrictQuality] = [:]
        var fileDistricts: [String: String] = [:]
        var guessed: [String: String?] = [:]
        let known = Set(districtCodes)
        let sourceByPath = Dictionary(report.imported.sources.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        func districtOf(_ path: String) -> String? {
            if let cached = guessed[path] { return cached }
            let code = Self.districtCode(ofFile: path, source: sourceByPath[path], districtCodes: known)
            guessed[path] = .some(code)
            if let code { fileDistricts[path] = code }
            return code
        }
        var rowsSeen = Set<String>()
        for rejection in report.imported.rejections {
            let code = districtOf(rejection.file)
            if rejection.wholeFile {
                quality[code, default: DistrictQuality()].rejectedFiles += 1
            } else if rowsSeen.insert("\(rejection.line)\u{0}\(rejection.file)").inserted {
                // A row can fail on several columns; it is still one row for the clerk to fix.
                quality[code, default: DistrictQuality()].rejectedRows += 1
            }
        }
        for cell in report.completeness where !cell.submitted {
            quality[cell.districtCode, default: DistrictQuality()].missingMonths.append(cell.month)
        }
        for anomaly in report.anomalies {
            quality[anomaly.districtCode, default: DistrictQuality()].anomalies += 1
        }
        for source in report.imported.sources { _ = districtOf(source.path) }
        self.quality = quality
        self.fileDistricts = fileDistricts
    }

    /// Best and worst district by year-to-date achievement of their own targets, or by the value itself when no
    /// district has a target. "Best" follows the indicator's direction: for lower-is-better indicators the smallest
    /// share of the ceiling (or value) is best. Ties go to the lower district code, so the choice is deterministic.
    static func compare(_ indicator: Indicator, _ facts: [Fact]) -> DistrictComparison? {
        let byAchievement = facts.compactMap { f in
            f.achievementPct.flatMap { $0.isFinite ? RankedDistrict(areaCode: f.areaCode, amount: $0) : nil }
        }
        let byValue = facts.compactMap { f in
            f.value.flatMap { $0.isFinite ? RankedDistrict(areaCode: f.areaCode, amount: $0) : nil }
        }
        let basis: DistrictComparison.Basis = byAchievement.isEmpty ? .value : .achievement
        let candidates = basis == .achievement ? byAchievement : byValue
        guard candidates.count >= 2 else { return nil }
        let ranked = candidates.sorted { a, b in
            if a.amount != b.amount { return indicator.better == .higher ? a.amount > b.amount : a.amount < b.amount }
            return a.areaCode < b.areaCode
        }
        let best = ranked.first!, worst = ranked.last!
        func shown(_ x: Double) -> String {
            basis == .achievement ? NumberText.percent(x) : NumberText.decimal(x, decimals: indicator.decimals)
        }
        return DistrictComparison(basis: basis, best: best, worst: worst, allEqual: shown(best.amount) == shown(worst.amount))
    }

    /// The district a submission file belongs to: the only known district code among the rows it sent, else the
    /// only known district code appearing as a number in its path (`5601/…`, `5601_2565-01.csv`), else nil.
    public static func districtCode(ofFile file: String, source: SourceFile?, districtCodes known: Set<String>)
        -> String? {
        if let source {
            let codes = source.districtCodes.filter(known.contains)
            if codes.count == 1 { return codes[0] }
        }
        var numbers: [String] = []
        var current = ""
        for character in file {
            if character.isASCII && character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                numbers.append(current)
                current = ""
            }
        }
        if !current.isEmpty { numbers.append(current) }
        let matches = Set(numbers.filter(known.contains))
        return matches.count == 1 ? matches.first : nil
    }
}
