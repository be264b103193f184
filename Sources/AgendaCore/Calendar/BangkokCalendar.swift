import Foundation

/// Calendar arithmetic in Bangkok, independent of the machine's time zone: the one place that owns the province's
/// time zone and every day and month computation (month lengths, month ends, deadlines, parsing a day). Other code
/// asks here rather than building its own `Calendar` or counting seconds.
public enum BangkokCalendar {
    /// Thailand's offset from UTC: +7 hours all year. Thailand has kept UTC+7 without daylight saving since 1920,
    /// long before any year the program accepts (`BuddhistEra.plausibleYears`).
    public static let secondsFromGMT = 7 * 3600

    /// The province's time zone as a fixed UTC+7 offset rather than the `Asia/Bangkok` database entry: the two
    /// agree for every date since 1920, and the fixed offset gives the same days, deadlines and workbook dates on
    /// every machine, whatever its `TZ` and whether or not it has time-zone data.
    public static let timeZone: TimeZone = {
        guard let fixed = TimeZone(secondsFromGMT: secondsFromGMT) else { preconditionFailure("UTC+7 must exist") }
        return fixed
    }()

    /// The Gregorian calendar in `timeZone`.
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

    /// Midnight at the start of the first day of `month` in Bangkok.
    public static func start(of month: YearMonth) -> Date {
        guard let date = startOfDay(yearCE: month.yearCE, month: month.month, day: 1) else {
            preconditionFailure("no first day in \(month)")
        }
        return date
    }

    /// The last second of `month` in Bangkok: its last day at 23:59:59, one second before the next month starts.
    public static func end(of month: YearMonth) -> Date {
        start(of: month.advanced(by: 1)).addingTimeInterval(-1)
    }

    /// The number of days in `month` (Gregorian: February has 29 in leap years).
    public static func dayCount(of month: YearMonth) -> Int {
        guard let days = calendar.range(of: .day, in: .month, for: start(of: month)) else {
            preconditionFailure("no days in \(month)")
        }
        return days.count
    }

    /// `date` moved by `days` whole Bangkok days (exactly `days` × 24 hours, as Bangkok has no daylight saving).
    public static func date(_ date: Date, addingDays days: Int) -> Date {
        guard let moved = calendar.date(byAdding: .day, value: days, to: date) else {
            preconditionFailure("cannot add \(days) days to \(date)")
        }
        return moved
    }

    /// Parses `YYYY-MM-DD` (CE, or BE when the year is `BuddhistEra.firstYearReadAsBuddhist` or more) as the start
    /// of that Bangkok day.
    public static func parseDay(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        let yearCE = BuddhistEra.readsAsBuddhist(y) ? y - BuddhistEra.offset : y
        guard let date = startOfDay(yearCE: yearCE, month: m, day: d) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        return back.year == yearCE && back.month == m && back.day == d ? date : nil
    }
}
