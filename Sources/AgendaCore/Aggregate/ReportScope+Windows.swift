import Foundation

/// The windows a report covers, and the months whose data each window may read.
///
/// A report is *as of* `scope.lastMonth`: a nightly `quarterToDate` report for FY2565-Q2 through 2565-01 lists the
/// window `FY2565-Q2` but must not count a February value that some early file already holds. Rather than invent a
/// "clipped quarter" window type (the contract has none, and the workbook label stays `FY2565-Q2`), the builder
/// restricts the *data*: values for months after `scope.lastMonth` are ignored entirely, and comparisons read the
/// same clipped months (see `ReportScope.effectiveMonths(of:)`).
extension ReportScope {
    /// The windows of this report in `ReportWindow` order: months, then quarters, then the year to date.
    ///
    /// - `.quarter(q)`: q's three months, q, and FY-YTD through q's last month.
    /// - `.year(fy)`: the twelve months, the four quarters, and FY-YTD through September (the whole year).
    /// - `.quarterToDate(q, through: m)`: q's months up to m, q itself, and FY-YTD through m.
    /// - `.yearToDate(fy, through: m)`: the months up to m, the quarters up to m's (the last one to date), and
    ///   FY-YTD through m.
    public var windows: [ReportWindow] {
        var result: [ReportWindow]
        switch self {
        case .quarter(let q):
            result = q.months.map { .month($0) } + [.quarter(q), .yearToDate(fiscalYear: q.fiscalYear, through: q.lastMonth)]
        case .year(let fy):
            let quarters = (1...4).map { ReportWindow.quarter(FiscalQuarter(fiscalYear: fy, quarter: $0)) }
            result = YearMonth.months(ofFiscalYear: fy).map { .month($0) } + quarters
                + [.yearToDate(fiscalYear: fy, through: YearMonth(yearBE: fy, month: 9))]
        case .quarterToDate(let q, let through):
            precondition(q.months.contains(through), "quarter-to-date month \(through) is not in \(q)")
            result = q.months.filter { $0 <= through }.map { .month($0) }
                + [.quarter(q), .yearToDate(fiscalYear: q.fiscalYear, through: through)]
        case .yearToDate(let fy, let through):
            precondition(through.fiscalYear == fy, "year-to-date month \(through) is not in FY\(fy)")
            let months = YearMonth.months(ofFiscalYear: fy).filter { $0 <= through }
            let quarters = (1...through.fiscalQuarterNumber).map { ReportWindow.quarter(FiscalQuarter(fiscalYear: fy, quarter: $0)) }
            result = months.map { .month($0) } + quarters + [.yearToDate(fiscalYear: fy, through: through)]
        }
        return result.sorted()
    }

    /// The months of `window` whose values this report counts: the window's months up to `lastMonth`.
    ///
    /// Only a quarter-to-date report's quarter window is actually shortened by this; for the other scopes every
    /// window already ends on or before `lastMonth`.
    public func effectiveMonths(of window: ReportWindow) -> [YearMonth] {
        window.months.filter { $0 <= lastMonth }
    }

    /// True when this report's year to date is the whole fiscal year (it runs through September: a `year` report,
    /// the fourth quarter, or a nightly report through September) and the year is over at `asOf`: later than
    /// 30 September 23:59:59 in Bangkok. Statuses are then final (achieved / not achieved). A year report run in
    /// August, or a nightly report on 30 September, is still a year in progress.
    public func isFinishedYear(asOf: Date) -> Bool {
        let september = YearMonth(yearBE: fiscalYear, month: 9)
        return lastMonth == september && asOf > september.endInBangkok
    }
}

extension ReportWindow {
    /// For a quarter window, the previous fiscal quarter's months: `whole`, and `sameStretch`, its first as many
    /// months as this report counts of the quarter (all three for a finished quarter; one for a nightly report on
    /// the first month). Comparing a quarter in progress with a whole quarter would show every flow falling by
    /// two thirds at the start of each quarter. Nil for other windows.
    public func previousQuarterMonths(effective months: [YearMonth]) -> (whole: [YearMonth], sameStretch: [YearMonth])? {
        guard case .quarter(let q) = self else { return nil }
        let whole = q.previous.months
        return (whole, Array(whole.prefix(max(months.count, 1))))
    }
}
