import Foundation

/// The coordinator's morning screen (`phayao-agenda status`): for each quarter of the current and previous fiscal
/// year, whether it is open, due for closing or closed, which districts have not sent which months, and the next
/// submission deadline.
public struct StatusBoard: Sendable {
    public enum State: Sendable, Hashable {
        /// Months still to come or the submission window still open, until `until` (the last month's deadline).
        case open(until: Date)
        /// The window has passed and nobody has closed the quarter yet.
        case due(since: Date)
        /// Closed: when, by whom, and how many of its figures differ today.
        case closed(at: Date, by: String, revisions: Int)
    }

    /// A district's months, already ended at the board's date, for which it has sent nothing.
    public struct Missing: Sendable, Hashable {
        public var districtCode: String
        public var months: [YearMonth]

        public init(districtCode: String, months: [YearMonth]) {
            self.districtCode = districtCode
            self.months = months
        }
    }

    public struct Quarter: Sendable, Hashable {
        public var quarter: FiscalQuarter
        public var state: State
        /// In district code order; districts that sent everything are left out.
        public var missing: [Missing]

        public init(quarter: FiscalQuarter, state: State, missing: [Missing]) {
            self.quarter = quarter
            self.state = state
            self.missing = missing
        }
    }

    /// The board's date.
    public var asOf: Date
    /// Newest quarter first.
    public var quarters: [Quarter]
    /// The next month whose values are due, and by when.
    public var nextDeadline: (month: YearMonth, deadline: Date)

    public init(asOf: Date, quarters: [Quarter], nextDeadline: (month: YearMonth, deadline: Date)) {
        self.asOf = asOf
        self.quarters = quarters
        self.nextDeadline = nextDeadline
    }

    /// The quarters a board shows at `date`: every quarter of the current fiscal year up to the current one, then
    /// every quarter of the previous fiscal year, newest first.
    public static func quarters(at date: Date) -> [FiscalQuarter] {
        let month = BangkokCalendar.day(of: date).month
        let current = month.fiscalQuarter
        var result: [FiscalQuarter] = []
        var q = current
        while q.fiscalYear >= current.fiscalYear - 1 {
            result.append(q)
            q = q.previous
        }
        return result
    }

    /// The earliest month whose deadline (month end + `timelinessDays`) is still ahead at `date`.
    public static func nextDeadline(at date: Date, timelinessDays: Int) -> (month: YearMonth, deadline: Date) {
        var month = BangkokCalendar.day(of: date).month.advanced(by: -2)
        while month.submissionDeadline(afterDays: timelinessDays) < date { month = month.advanced(by: 1) }
        return (month, month.submissionDeadline(afterDays: timelinessDays))
    }
}
