import Foundation

/// Calendar arithmetic in Asia/Bangkok (UTC+7, no daylight saving), independent of the machine's time zone.
public enum BangkokCalendar {
    /// Asia/Bangkok. Thailand has kept UTC+7 without daylight saving since 1920, so the fixed offset is the
    /// fallback when the machine lacks time-zone data.
    public static let timeZone: TimeZone = {
        if let zone = TimeZone(identifier: "Asia/Bangkok") { return zone }
        guard let fixed = TimeZone(secondsFromGMT: 7 * 3600) else { preconditionFailure("UTC+7 must exist") }
        return fixed
    }()

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
