import Foundation

/// Turns reference data and an import into a `Report`: facts per window × indicator × area, completeness,
/// timeliness and anomalies (values that look like mistakes).
///
/// Pure and deterministic: no clock (deadlines are month ends in Bangkok, UTC+7, computed from the calendar), no
/// dictionary order in the output. Cost: one pass over the accepted values to index them, then work proportional to
/// windows × indicators × areas × months, independent of the number of rows.
public enum ReportBuilder {
    /// Builds the report for `scope`.
    ///
    /// - Values for months after `scope.lastMonth` are ignored: the report is as of that month (this matters only
    ///   for quarter-to-date reports, whose quarter window must not count months after `through`).
    /// - Only `imported.accepted` is read; superseded values are on record in the import and never counted.
    /// - `asOf` is carried into the report for renderers. It changes no number, only the status words: a report
    ///   whose year-to-date window is the whole fiscal year and whose `asOf` is after 30 September of that year
    ///   (`ReportScope.isFinishedYear(asOf:)`) judges targets as achieved or not achieved, no longer on track or
    ///   behind.
    /// - `anomalies`: the scope's flags when already found (`anomalies(for:…)`); found here when nil.
    public static func build(
        scope: ReportScope, options: ReportOptions, reference: ReferenceData, imported: ImportResult, asOf: Date,
        anomalies found: [Anomaly]? = nil
    ) -> Report {
        let index = ValueIndex(reference: reference, imported: imported, lastMonth: scope.lastMonth)
        let windows = scope.windows
        let areas: [(code: String, scope: AreaScope)] =
            reference.districts.enumerated().map { ($0.element.code, .district($0.offset)) }
            + [(reference.province.code, .province)]

        let yearIsOver = scope.isFinishedYear(asOf: asOf)
        var facts: [Fact] = []
        facts.reserveCapacity(windows.count * reference.indicators.count * areas.count)
        for window in windows {
            let months = scope.effectiveMonths(of: window)
            let previousQuarter = window.previousQuarterMonths(effective: months)
            // The same (possibly clipped) months one fiscal year earlier.
            let previousYearMonths = months.map { $0.advanced(by: -12) }
            for (i, indicator) in reference.indicators.enumerated() {
                for area in areas {
                    var fact = Fact(
                        window: window, workstreamID: indicator.workstreamID, indicatorID: indicator.id,
                        areaCode: area.code, value: index.value(indicator: i, area: area.scope, months: months))
                    if window.isYearToDate {
                        fact.target = reference.effectiveTarget(
                            fiscalYear: scope.fiscalYear, areaCode: area.code, indicator: indicator)
                        fact.achievementPct = Status.achievementPercent(value: fact.value, target: fact.target)
                        fact.status = Status.evaluate(
                            value: fact.value, target: fact.target, aggregation: indicator.aggregation,
                            better: indicator.better, elapsedMonths: months.count,
                            yearIsOver: yearIsOver && months.count == 12)
                    }
                    if let previousQuarter {
                        // A stock is compared with the level the previous quarter ended on; flows, means and
                        // ratios with the same stretch of it (a quarter in progress against as many months).
                        let compared = indicator.aggregation == .last ? previousQuarter.whole : previousQuarter.sameStretch
                        fact.previousQuarterValue = index.value(indicator: i, area: area.scope, months: compared)
                    }
                    fact.previousYearValue = index.value(indicator: i, area: area.scope, months: previousYearMonths)
                    facts.append(fact)
                }
            }
        }

        let completeness = index.completeness(
            fiscalYear: scope.fiscalYear, lastMonth: scope.lastMonth, timelinessDays: options.timelinessDays)
        let anomalies = found ?? AnomalyFinder.find(
            reference: reference, imported: imported, lastMonth: scope.lastMonth, months: judgedMonths(scope),
            rule: options.anomalyRule)

        return Report(
            scope: scope, options: options, reference: reference, imported: imported, windows: windows,
            facts: facts, completeness: completeness, anomalies: anomalies, asOf: asOf)
    }

    /// The flags of each of `scopes`, all built from one import with one rule: found once per last month and
    /// shared. A value's judgement depends on the history up to the last month, never on which months a scope
    /// shows, so one pass over the union of the scopes' months, filtered, gives each scope exactly its own flags
    /// (a nightly run's quarter and year to date end on the same month and judged the same history twice).
    public static func anomalies(
        for scopes: [ReportScope], options: ReportOptions, reference: ReferenceData, imported: ImportResult
    ) -> [[Anomaly]] {
        var byLastMonth: [YearMonth: [Anomaly]] = [:]
        for lastMonth in Set(scopes.map(\.lastMonth)) {
            let months = scopes.filter { $0.lastMonth == lastMonth }.reduce(into: Set<Int>()) { $0.formUnion(judgedMonths($1)) }
            byLastMonth[lastMonth] = AnomalyFinder.find(
                reference: reference, imported: imported, lastMonth: lastMonth, months: months, rule: options.anomalyRule)
        }
        return scopes.map { scope in
            let months = judgedMonths(scope)
            return byLastMonth[scope.lastMonth]!.filter { months.contains($0.month.ordinal) }
        }
    }

    /// The months whose values a scope's report judges: every month its windows show.
    static func judgedMonths(_ scope: ReportScope) -> Set<Int> {
        Set(scope.windows.flatMap { scope.effectiveMonths(of: $0) }.map(\.ordinal))
    }

    /// Completeness alone (`Report.completeness` of a year report), for `status`: building a whole report for it
    /// would find every anomaly of the history just to learn who sent which month.
    public static func completeness(reference: ReferenceData, imported: ImportResult, fiscalYear: Int,
                                    timelinessDays: Int) -> [CompletenessCell] {
        let lastMonth = YearMonth(yearBE: fiscalYear, month: 9)
        return ValueIndex(reference: reference, imported: imported, lastMonth: lastMonth)
            .completeness(fiscalYear: fiscalYear, lastMonth: lastMonth, timelinessDays: timelinessDays)
    }
}
