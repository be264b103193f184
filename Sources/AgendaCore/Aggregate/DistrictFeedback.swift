import Foundation

/// What one district's clerk needs after a run: the rows to fix, the months missing or late, the values to confirm,
/// and how the district stands against its targets, from one report and the file attribution
/// (`DistrictAttribution`). The feedback pack renderers only format this.
public struct DistrictFeedback: Sendable {
    /// A month sent after its deadline (month end + timeliness days).
    public struct LateMonth: Sendable, Hashable {
        public var month: YearMonth
        public var sent: Date
        public var deadline: Date
    }

    /// One indicator's year to date for the district, the province beside it, and the district's rank among the
    /// districts with a target for it (1 = best; lower is better for a ceiling); nil where ranking means nothing.
    public struct Standing: Sendable, Hashable {
        public var indicator: Indicator
        public var district: Fact?
        public var province: Fact?
        public var rank: Int?
        public var rankedDistricts: Int
    }

    public var districtCode: String
    /// Files attributed to the district, in path order.
    public var files: [String]
    /// The rejections of those files, in the province's order: whole-file ones and rows.
    public var rejections: [Rejection]
    /// Months over (their deadline passed at the report's as-of instant) with nothing accepted from the district.
    public var missingMonths: [YearMonth]
    public var lateMonths: [LateMonth]
    /// The district's anomalies, strongest first.
    public var anomalies: [Anomaly]
    /// Months over that were sent on time, and how many months are over.
    public var onTimeMonths: Int
    public var monthsOver: Int
    public var standings: [Standing]
    /// The next month whose values are due, and by when.
    public var nextDeadline: (month: YearMonth, deadline: Date)

    public var hasSomethingToFix: Bool {
        !rejections.isEmpty || !missingMonths.isEmpty || !lateMonths.isEmpty || !anomalies.isEmpty
    }

    /// Rejected rows (a row rejected for several reasons counts once) and files rejected whole.
    public var rejectedRows: Int { Set(rejections.filter { !$0.wholeFile }.map { "\($0.file)\u{0}\($0.line)" }).count }
    public var rejectedFiles: Int { Set(rejections.filter(\.wholeFile).map(\.file)).count }
}

extension DistrictFeedback {
    /// One feedback per reference district, in code order.
    public static func build(_ report: Report, attribution: DistrictAttribution) -> [DistrictFeedback] {
        let days = report.options.timelinessDays
        let next = StatusBoard.nextDeadline(at: report.asOf, timelinessDays: days)
        let strongest = report.anomaliesByStrength
        let province = report.reference.province.code
        let ytd = report.yearToDate
        return report.reference.districts.map { district in
            let code = district.code
            let files = attribution.files.filter { attribution.district(ofFile: $0) == code }
            let mine = Set(files)
            let cells = report.completeness.filter { $0.districtCode == code }
            let over = cells.filter { $0.month.submissionDeadline(afterDays: days) < report.asOf }
            let late = cells.compactMap { cell -> LateMonth? in
                guard cell.onTime == false, let sent = cell.lastModified else { return nil }
                return LateMonth(month: cell.month, sent: sent, deadline: cell.month.submissionDeadline(afterDays: days))
            }
            let standings = report.reference.indicators.map { indicator -> Standing in
                let fact = report.fact(ytd, indicator: indicator.id, area: code)
                let ranked = report.reference.districts.compactMap {
                    report.fact(ytd, indicator: indicator.id, area: $0.code)?.achievementPct
                }
                var rank: Int?
                if let mine = fact?.achievementPct {
                    let better = ranked.filter { indicator.better == .higher ? $0 > mine : $0 < mine }.count
                    rank = better + 1
                }
                return Standing(indicator: indicator, district: fact,
                                province: report.fact(ytd, indicator: indicator.id, area: province),
                                rank: rank, rankedDistricts: ranked.count)
            }
            return DistrictFeedback(
                districtCode: code, files: files,
                rejections: report.imported.rejections.filter { mine.contains($0.file) },
                missingMonths: over.filter { !$0.submitted }.map(\.month),
                lateMonths: late,
                anomalies: strongest.filter { $0.districtCode == code },
                onTimeMonths: over.filter { $0.onTime == true }.count, monthsOver: over.count,
                standings: standings, nextDeadline: next)
        }
    }
}
