import Foundation
import Testing
@testable import AgendaCore

/// Every day and month computation goes through `BangkokCalendar`; these pin the cases that went wrong in
/// hand-written date code: the Buddhist Era year boundary, 29 February, and a machine in another time zone.
@Suite("Bangkok calendar")
struct BangkokCalendarTests {
    static func utc(_ iso: String) -> Date {
        guard let date = ISO8601DateFormatter().date(from: iso) else { preconditionFailure("bad ISO date \(iso)") }
        return date
    }

    @Test("A fixed UTC+7, whatever the machine's zone")
    func zone() {
        #expect(BangkokCalendar.secondsFromGMT == 25_200)
        #expect(BangkokCalendar.timeZone.secondsFromGMT(for: Self.utc("2022-01-01T00:00:00Z")) == 25_200)
        #expect(BangkokCalendar.timeZone.secondsFromGMT(for: Self.utc("2156-07-01T00:00:00Z")) == 25_200)
        #expect(BangkokCalendar.calendar.timeZone == BangkokCalendar.timeZone)
    }

    @Test("New Year in Bangkok comes seven hours before it does in UTC, and the BE year turns with it")
    func buddhistEraYearBoundary() {
        // 31 December 2022 17:00 UTC is midnight, 1 January 2566 BE, in Bangkok.
        let lastSecond = Self.utc("2022-12-31T16:59:59Z")
        let newYear = Self.utc("2022-12-31T17:00:00Z")
        #expect(BangkokCalendar.day(of: lastSecond) == (YearMonth(yearBE: 2565, month: 12), 31))
        #expect(BangkokCalendar.day(of: newYear) == (YearMonth(yearBE: 2566, month: 1), 1))
        #expect(BangkokCalendar.parseDay("2566-01-01") == newYear)
        #expect(BangkokCalendar.parseDay("2023-01-01") == newYear)
        #expect(BangkokCalendar.end(of: YearMonth(yearBE: 2565, month: 12)) == lastSecond)
        #expect(BangkokCalendar.start(of: YearMonth(yearBE: 2566, month: 1)) == newYear)
        // A deadline counted from December lands in January of the next BE year.
        #expect(YearMonth(yearBE: 2565, month: 12).submissionDeadline(afterDays: 10)
                == Self.utc("2023-01-10T16:59:59Z"))
        #expect(BangkokCalendar.day(of: YearMonth(yearBE: 2565, month: 12).submissionDeadline(afterDays: 10))
                == (YearMonth(yearBE: 2566, month: 1), 10))
    }

    @Test("29 February exists in leap years only (every fourth year, not centuries unless divisible by 400)")
    func leapDay() {
        #expect(YearMonth(yearBE: 2567, month: 2).dayCount == 29)  // 2024 CE
        #expect(YearMonth(yearBE: 2565, month: 2).dayCount == 28)  // 2022 CE
        #expect(YearMonth(yearBE: 2543, month: 2).dayCount == 29)  // 2000 CE
        #expect(YearMonth(yearBE: 2643, month: 2).dayCount == 28)  // 2100 CE
        #expect((1...12).map { YearMonth(yearBE: 2567, month: $0).dayCount }
                == [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
        #expect(BangkokCalendar.parseDay("2567-02-29") == Self.utc("2024-02-28T17:00:00Z"))
        #expect(BangkokCalendar.parseDay("2566-02-29") == nil)
        #expect(BangkokCalendar.parseDay("2643-02-29") == nil)
        #expect(BangkokCalendar.end(of: YearMonth(yearBE: 2567, month: 2)) == Self.utc("2024-02-29T16:59:59Z"))
        // Counting days across the leap day: 28 February + 2 days is 1 March.
        let twentyEighth = BangkokCalendar.parseDay("2567-02-28")!
        #expect(BangkokCalendar.day(of: BangkokCalendar.date(twentyEighth, addingDays: 1)).day == 29)
        #expect(BangkokCalendar.day(of: BangkokCalendar.date(twentyEighth, addingDays: 2))
                == (YearMonth(yearBE: 2567, month: 3), 1))
    }

    @Test("Years are read as Buddhist Era from 2400 on")
    func eraOfWrittenYears() {
        #expect(BuddhistEra.readsAsBuddhist(2400))
        #expect(!BuddhistEra.readsAsBuddhist(2399))
        #expect(BangkokCalendar.parseDay("2565-01-27") == BangkokCalendar.parseDay("2022-01-27"))
    }
}
