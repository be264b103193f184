import Foundation

/// Progress against the annual target, shown on year-to-date rows.
///
/// The words follow time: while the fiscal year runs a value is `onTrack` or `behind` against the months elapsed
/// (or already `achieved`, for a higher-is-better target that is reached); once the report's window is the whole
/// fiscal year and the year is over at the report's as-of date (`Report.isFinishedYear`), only `achieved` or
/// `notAchieved` remain. The raw values are the machine words of the `Facts` sheet.
public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
    case achieved
    case onTrack = "on_track"
    case behind
    /// The fiscal year is over and the target was missed (for lower-is-better indicators: the ceiling exceeded).
    case notAchieved = "not_achieved"

    /// The plain words, for higher-is-better indicators (and legends that must not depend on one).
    public var text: BilingualText {
        switch self {
        case .achieved: BilingualText(th: "บรรลุเป้าหมาย", en: "Achieved")
        case .onTrack: BilingualText(th: "เป็นไปตามแผน", en: "On track")
        case .behind: BilingualText(th: "ล่าช้ากว่าแผน", en: "Behind plan")
        case .notAchieved: BilingualText(th: "ไม่บรรลุเป้าหมาย", en: "Not achieved")
        }
    }

    /// True for the two statuses that mean "as planned": achieved and on track.
    public var isMet: Bool { self == .achieved || self == .onTrack }
}

/// How a target reads. A lower-is-better indicator's target is a *ceiling* (`Direction.lower`): every sheet, chart
/// and the summary show its value against the ceiling (value ÷ ceiling, "105.6% ของเพดาน") and say "เกินเพดาน / Over
/// the ceiling" rather than "behind plan" — never an inverted percentage that reads as progress.
public enum TargetKind: String, Sendable, Hashable, Codable {
    case target
    case ceiling

    public init(_ better: Direction) { self = better == .higher ? .target : .ceiling }

    public var name: BilingualText {
        switch self {
        case .target: BilingualText(th: "เป้าหมาย", en: "target")
        case .ceiling: BilingualText(th: "เพดาน", en: "ceiling")
        }
    }

    /// What follows a percentage of the target: nothing for a target ("97.3%"), " ของเพดาน" / " of ceiling" for a
    /// ceiling ("105.6% ของเพดาน"), so the share of a ceiling is never read as progress.
    public var percentSuffix: BilingualText {
        switch self {
        case .target: BilingualText(th: "", en: "")
        case .ceiling: BilingualText(th: " ของเพดาน", en: " of ceiling")
        }
    }

    /// The status in this kind's words. For a ceiling: "ไม่เกินเพดาน / Within the ceiling" when achieved, "เกิน
    /// เพดาน / Over the ceiling" when not achieved or when the value is already above the ceiling during the year,
    /// "สูงกว่าแผน / Above plan" when the ceiling is being used faster than the months elapsed.
    public func statusText(_ status: Status, value: Double? = nil, target: Double? = nil) -> BilingualText {
        guard self == .ceiling else { return status.text }
        switch status {
        case .achieved: return BilingualText(th: "ไม่เกินเพดาน", en: "Within the ceiling")
        case .onTrack: return status.text
        case .notAchieved: return BilingualText(th: "เกินเพดาน", en: "Over the ceiling")
        case .behind:
            if let value, let target, value > target { return BilingualText(th: "เกินเพดาน", en: "Over the ceiling") }
            return BilingualText(th: "สูงกว่าแผน", en: "Above plan")
        }
    }
}

extension Indicator {
    /// `.ceiling` for lower-is-better indicators.
    public var targetKind: TargetKind { TargetKind(better) }
}

extension Fact {
    /// The status in the words of `indicator`'s target kind (see `TargetKind.statusText`); nil without a status.
    public func statusText(_ indicator: Indicator) -> BilingualText? {
        status.map { indicator.targetKind.statusText($0, value: value, target: target) }
    }
}

/// One indicator in one area over one window: a row of the `Facts` sheet.
///
/// `nil` always means "no value" (nothing reported, or a ratio without its parts), never zero.
public struct Fact: Sendable, Hashable, Codable {
    public var window: ReportWindow
    public var workstreamID: String
    public var indicatorID: String
    /// A district code or the province code `56`.
    public var areaCode: String
    public var value: Double?
    /// The annual target; set on year-to-date rows only.
    public var target: Double?
    /// 100 × value / target.
    public var achievementPct: Double?
    public var status: Status?
    /// The same indicator and area in the previous fiscal quarter; set on quarter windows only. For a quarter in
    /// progress it covers the same first months of the previous quarter (stocks: its closing level).
    public var previousQuarterValue: Double?
    /// The same window one fiscal year earlier, where the inputs hold it.
    public var previousYearValue: Double?

    public init(
        window: ReportWindow, workstreamID: String, indicatorID: String, areaCode: String, value: Double?,
        target: Double? = nil, achievementPct: Double? = nil, status: Status? = nil,
        previousQuarterValue: Double? = nil, previousYearValue: Double? = nil
    ) {
        self.window = window
        self.workstreamID = workstreamID
        self.indicatorID = indicatorID
        self.areaCode = areaCode
        self.value = value
        self.target = target
        self.achievementPct = achievementPct
        self.status = status
        self.previousQuarterValue = previousQuarterValue
        self.previousYearValue = previousYearValue
    }
}

/// Completeness and timeliness of one district in one month.
public struct CompletenessCell: Sendable, Hashable, Codable {
    public var districtCode: String
    public var month: YearMonth
    /// Distinct submittable indicators with at least one accepted value.
    public var reported: Int
    /// Every submittable (non-ratio) indicator.
    public var expected: Int
    /// The district has at least one accepted value for the month. Rows sent blank ("not reported") leave no
    /// trace in the import, so a month sent entirely blank counts as not submitted.
    public var submitted: Bool
    /// Latest modification time of the files that supplied the month's accepted values.
    public var lastModified: Date?
    /// True when every file supplying the month was modified no later than the deadline; nil when nothing came.
    public var onTime: Bool?

    public init(
        districtCode: String, month: YearMonth, reported: Int, expected: Int, submitted: Bool,
        lastModified: Date?, onTime: Bool?
    ) {
        self.districtCode = districtCode
        self.month = month
        self.reported = reported
        self.expected = expected
        self.submitted = submitted
        self.lastModified = lastModified
        self.onTime = onTime
    }
}

/// A value that looks like a mistake by `AnomalyRule`: information only, the value is never changed or dropped.
public struct Anomaly: Sendable, Hashable, Codable {
    public var districtCode: String
    public var month: YearMonth
    public var indicatorID: String
    /// The sub-area whose own value was flagged; empty when the flag is on the district's monthly total.
    public var area: String
    /// The value as sent (for a total: by the indicator's rule, summed over sub-areas or their mean).
    public var value: Double
    /// What the rule expected from the district's (or area's) own level and the other districts' (areas') same
    /// month.
    public var expected: Double
    /// Signed robust z-score of the weakest check that found the value far: positive when too high.
    public var score: Double
    /// The checks that were made; every one found the value far.
    public var checks: [AnomalyRule.Check]
    /// On a total flag: the sub-area whose value accounts for most of the gap from the expected total, if one does.
    public var dominantArea: String?
    public var dominantAreaValue: Double?

    public init(
        districtCode: String, month: YearMonth, indicatorID: String, area: String = "", value: Double,
        expected: Double, score: Double, checks: [AnomalyRule.Check], dominantArea: String? = nil,
        dominantAreaValue: Double? = nil
    ) {
        self.districtCode = districtCode
        self.month = month
        self.indicatorID = indicatorID
        self.area = area
        self.value = value
        self.expected = expected
        self.score = score
        self.checks = checks
        self.dominantArea = dominantArea
        self.dominantAreaValue = dominantAreaValue
    }

    /// value / expected, nil when nothing (0) was expected.
    public var factor: Double? { expected > 0 ? value / expected : nil }
}

/// What a report covers.
public enum ReportScope: Sendable, Hashable, Codable {
    /// Each month of the quarter, the quarter, and FY-YTD through the quarter's end.
    case quarter(FiscalQuarter)
    /// Every month, every quarter and the whole year (as its YTD).
    case year(Int)
    /// Nightly: the months of the quarter so far, the quarter so far, and FY-YTD through `through`.
    case quarterToDate(FiscalQuarter, through: YearMonth)
    /// Nightly: every month of the fiscal year so far, every quarter so far (the last one to date), and FY-YTD
    /// through `through`.
    case yearToDate(fiscalYear: Int, through: YearMonth)

    public var fiscalYear: Int {
        switch self {
        case .quarter(let q): q.fiscalYear
        case .year(let fy): fy
        case .quarterToDate(let q, _): q.fiscalYear
        case .yearToDate(let fy, _): fy
        }
    }

    /// The last month the report covers.
    public var lastMonth: YearMonth {
        switch self {
        case .quarter(let q): q.lastMonth
        case .year(let fy): YearMonth(yearBE: fy, month: 9)
        case .quarterToDate(_, let through): through
        case .yearToDate(_, let through): through
        }
    }

    /// Short identifier used in file names: `FY2565-Q2`, `FY2565`, `FY2565-Q2-to-2565-01`, `FY2565-to-2565-01`.
    public var slug: String {
        switch self {
        case .quarter(let q): q.label
        case .year(let fy): "FY\(fy)"
        case .quarterToDate(let q, let through): "\(q.label)-to-\(through.label)"
        case .yearToDate(let fy, let through): "FY\(fy)-to-\(through.label)"
        }
    }
}

/// Options that change the numbers.
public struct ReportOptions: Sendable, Hashable, Codable {
    /// A month's values are on time when their file was modified no later than this many days after month end.
    public var timelinessDays: Int
    /// The anomaly rule's robust z-score threshold (`AnomalyRule.threshold`).
    public var outlierThreshold: Double
    /// Months with a value a district's or area's series needs before it is judged (`AnomalyRule.minimumMonths`).
    public var outlierMinimumHistory: Int
    /// The smallest factor from the expected value that is flagged (`AnomalyRule.minimumFactor`).
    public var outlierMinimumFactor: Double

    public init(
        timelinessDays: Int = 10, outlierThreshold: Double = 4, outlierMinimumHistory: Int = 4,
        outlierMinimumFactor: Double = 3
    ) {
        self.timelinessDays = timelinessDays
        self.outlierThreshold = outlierThreshold
        self.outlierMinimumHistory = outlierMinimumHistory
        self.outlierMinimumFactor = outlierMinimumFactor
    }

    /// The anomaly rule these options describe.
    public var anomalyRule: AnomalyRule {
        AnomalyRule(threshold: outlierThreshold, minimumFactor: outlierMinimumFactor,
                    minimumMonths: outlierMinimumHistory)
    }
}

/// Everything a renderer needs: the reference data, the import, and the computed facts. Renderers only format.
public struct Report: Sendable {
    public var scope: ReportScope
    public var options: ReportOptions
    public var reference: ReferenceData
    public var imported: ImportResult
    /// The windows covered, in `ReportWindow` order (months, quarters, YTD).
    public var windows: [ReportWindow]
    /// One per window × indicator (reference order) × area (districts in code order, then the province).
    public var facts: [Fact]
    /// One per district × month of the fiscal year up to `scope.lastMonth`, districts then months.
    public var completeness: [CompletenessCell]
    /// Values that look like mistakes, sorted by district, month, indicator (reference order), area.
    public var anomalies: [Anomaly] {
        didSet { strengthOrder = Self.strengthOrder(anomalies) }
    }
    /// Indices of `anomalies`, strongest first (`anomaliesByStrength`): sorted once, because every workstream
    /// sheet, the summary and each district's feedback ask, and random village data has flagged 400,000.
    private(set) var strengthOrder: [Int] = []
    /// The report's as-of instant: the newest input's modification time or `--as-of`; never the clock.
    public var asOf: Date
    /// What the renderers say about the facts (headlines, best and worst districts, tallies, data quality,
    /// reporting per month), computed once from the other fields when the report is made.
    public private(set) var insights: ReportInsights!
    /// For each closed quarter this report's windows cover, the figures that changed since it was closed (set by
    /// the job that knows the closings; empty when none is covered). Renderers add a `Revisions` sheet and a
    /// summary line for each.
    public var revisions: [QuarterRevisions] = []
    /// Which district each input file belongs to (set by the job that writes district feedback); the `Sources`
    /// sheet then names it, or "unattributed".
    public var attribution: DistrictAttribution?
    /// `imported.accepted.districtMonthTotals()` when the job worked them out already (once for all its scopes);
    /// nil: the Data sheet works them out if it needs them.
    public var dataTotals: [DistrictMonthTotal]?

    private var factIndex: [FactKey: Int]

    private struct FactKey: Hashable {
        var window: ReportWindow
        var indicatorID: String
        var areaCode: String
    }

    public init(
        scope: ReportScope, options: ReportOptions, reference: ReferenceData, imported: ImportResult,
        windows: [ReportWindow], facts: [Fact], completeness: [CompletenessCell], anomalies: [Anomaly], asOf: Date
    ) {
        self.scope = scope
        self.options = options
        self.reference = reference
        self.imported = imported
        self.windows = windows
        self.facts = facts
        self.completeness = completeness
        self.anomalies = anomalies
        self.strengthOrder = Self.strengthOrder(anomalies)
        self.asOf = asOf
        var index: [FactKey: Int] = [:]
        for (i, f) in facts.enumerated() {
            index[FactKey(window: f.window, indicatorID: f.indicatorID, areaCode: f.areaCode)] = i
        }
        self.factIndex = index
        self.insights = ReportInsights(self)
    }

    /// The report's year to date is the whole fiscal year and the year is over at `asOf`: statuses are final.
    public var isFinishedYear: Bool { scope.isFinishedYear(asOf: asOf) }

    public func fact(_ window: ReportWindow, indicator: String, area: String) -> Fact? {
        factIndex[FactKey(window: window, indicatorID: indicator, areaCode: area)].map { facts[$0] }
    }

    /// The year-to-date window of this report.
    public var yearToDate: ReportWindow { windows.first { $0.isYearToDate }! }

    /// The report's latest quarter window (the quarter in progress for nightly reports).
    public var latestQuarter: ReportWindow? {
        windows.last { if case .quarter = $0 { return true } else { return false } }
    }
}
