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

/// Calendar arithmetic in Asia/Bangkok (UTC+7, no daylight saving), independent of the machine's time zone.
public enum BangkokCalendar {
    public static let timeZone = TimeZone(identifier: "Asia/Bangkok") ?? TimeZone(secondsFromGMT: 7 * 3600)!

    public static var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        return c
    }

    /// The month and day of `date` in Bangkok.
    public static func day(of date: Date) -> (month: YearMonth, day: Int) {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return (YearMonth(yearCE: parts.year!, month: parts.month!), parts.day!)
    }

    /// Midnight at the start of today in Bangkok: the nightly run's default as-of day.
    public static func startOfToday(now: Date = Date()) -> Date {
        calendar.startOfDay(for: now)
    }

    /// Midnight at the start of a Bangkok day.
    public static func startOfDay(yearCE: Int, month: Int, day: Int) -> Date? {
        calendar.date(from: DateComponents(year: yearCE, month: month, day: day))
    }

    /// The first instant after the end of a month (midnight of the 1st of the next month), Bangkok time.
    public static func endOfMonth(_ month: YearMonth) -> Date {
        let next = month.advanced(by: 1)
        return startOfDay(yearCE: next.yearCE, month: next.month, day: 1)!
    }

    /// Parses `YYYY-MM-DD` (CE, or BE when the year is 2400 or more) as the start of that Bangkok day.
    public static func parseDay(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        let yearCE = y >= 2400 ? y - 543 : y
        guard let date = startOfDay(yearCE: yearCE, month: m, day: d) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        return back.year == yearCE && back.month == m && back.day == d ? date : nil
    }
}
