import Foundation

/// Which reports the nightly run builds for a given as-of day.
///
/// Every night: the current fiscal quarter to date and the fiscal year to date, both through the as-of month.
/// In the first days of a quarter (`completedQuarterDays`, default 15: districts have until the 10th to send the
/// last month, and a few days' slack covers stragglers) it also rebuilds the quarter that just ended, so its report
/// settles as late files arrive.
public struct NightlyPlan: Sendable, Hashable {
    public var asOfDay: Int
    public var asOfMonth: YearMonth
    public var quarterToDate: ReportScope
    public var yearToDate: ReportScope
    public var completedQuarter: ReportScope?

    public init(asOfMonth: YearMonth, day: Int, completedQuarterDays: Int = 15) {
        precondition((1...31).contains(day), "day \(day) outside 1…31")
        self.asOfDay = day
        self.asOfMonth = asOfMonth
        let quarter = asOfMonth.fiscalQuarter
        self.quarterToDate = .quarterToDate(quarter, through: asOfMonth)
        self.yearToDate = .yearToDate(fiscalYear: asOfMonth.fiscalYear, through: asOfMonth)
        let isQuarterStart = asOfMonth == quarter.firstMonth
        self.completedQuarter = isQuarterStart && day <= completedQuarterDays ? .quarter(quarter.previous) : nil
    }

    /// The scopes to build, in the order they are written.
    public var scopes: [ReportScope] {
        [quarterToDate, yearToDate] + (completedQuarter.map { [$0] } ?? [])
    }
}
