import Foundation
import Testing
@testable import AgendaCore

@Suite("Report windows")
struct ReportWindowsTests {
    typealias F = AggregateFixture

    @Test("FY2565-Q1 is October–December 2564 BE")
    func firstQuarterMonths() {
        #expect(q1FY2565.months == [F.m(2564, 10), F.m(2564, 11), F.m(2564, 12)])
        #expect(ReportWindow.quarter(q1FY2565).label == "FY2565-Q1")
        #expect(ReportWindow.month(F.m(2565, 1)).label == "2565-01")
    }

    @Test("A quarter report: its three months, the quarter, and YTD through the quarter's end")
    func quarterScope() {
        let windows = ReportScope.quarter(q2FY2565).windows
        let ytd = ReportWindow.yearToDate(fiscalYear: 2565, through: F.m(2565, 3))
        #expect(windows == [.month(F.m(2565, 1)), .month(F.m(2565, 2)), .month(F.m(2565, 3)), .quarter(q2FY2565), ytd])
        #expect(windows.map(\.label) == ["2565-01", "2565-02", "2565-03", "FY2565-Q2", "FY2565-YTD"])
        // YTD through Q2 = October 2564 … March 2565: six months.
        #expect(ytd.months == [F.m(2564, 10), F.m(2564, 11), F.m(2564, 12), F.m(2565, 1), F.m(2565, 2), F.m(2565, 3)])
    }

    @Test("A year report: twelve months, four quarters, YTD through September")
    func yearScope() {
        let windows = ReportScope.year(2565).windows
        #expect(windows.count == 17)
        #expect(windows.first == .month(F.m(2564, 10)))
        #expect(windows[11] == .month(F.m(2565, 9)))
        #expect(windows[12...15].map(\.label) == ["FY2565-Q1", "FY2565-Q2", "FY2565-Q3", "FY2565-Q4"])
        #expect(windows.last == .yearToDate(fiscalYear: 2565, through: F.m(2565, 9)))
        #expect(windows.last!.months.count == 12)
    }

    @Test("Quarter to date: months so far, the quarter (clipped data), YTD through the month")
    func quarterToDateScope() {
        let scope = ReportScope.quarterToDate(q2FY2565, through: F.m(2565, 2))
        #expect(scope.windows == [
            .month(F.m(2565, 1)), .month(F.m(2565, 2)), .quarter(q2FY2565),
            .yearToDate(fiscalYear: 2565, through: F.m(2565, 2)),
        ])
        #expect(scope.effectiveMonths(of: .quarter(q2FY2565)) == [F.m(2565, 1), F.m(2565, 2)])
        #expect(scope.effectiveMonths(of: scope.windows.last!).count == 5)
    }

    @Test("Quarter to date never counts a month after `through`, even when the inputs hold it")
    func quarterToDateIgnoresLaterMonths() {
        let reference = F.reference([F.indicator("births", .sum), F.indicator("beds", .last)])
        var imports = ImportBuilder()
        imports.add("5601", F.m(2565, 1), "births", 3)
        imports.add("5601", F.m(2565, 2), "births", 4)
        imports.add("5601", F.m(2565, 3), "births", 100) // after `through`: ignored
        imports.add("5601", F.m(2565, 2), "beds", 20)
        imports.add("5601", F.m(2565, 3), "beds", 99) // would be the stock's latest month: ignored
        let report = buildReport(.quarterToDate(q2FY2565, through: F.m(2565, 2)), reference, imports)
        let ytd = report.yearToDate
        #expect(report.value(.quarter(q2FY2565), "births", "5601") == 7) // 3 + 4
        #expect(report.value(ytd, "births", "56") == 7)
        #expect(report.value(.quarter(q2FY2565), "beds", "5601") == 20) // February, not March
        // Elapsed months for the status = Oct…Feb = 5.
        #expect(ytd.months.count == 5)
    }

    @Test("Bangkok month end and deadline, leap February included")
    func deadlines() {
        // 29 February 2567 BE (2024 CE) 23:59:59 at UTC+7 = 16:59:59 UTC.
        #expect(F.m(2567, 2).endInBangkok == F.date("2024-02-29T16:59:59Z"))
        // January 2565 (2022 CE) + 10 days: 10 February 2022 23:59:59 Bangkok.
        #expect(F.m(2565, 1).submissionDeadline(afterDays: 10) == F.date("2022-02-10T16:59:59Z"))
        // December rolls into the next year.
        #expect(F.m(2564, 12).submissionDeadline(afterDays: 0) == F.date("2021-12-31T16:59:59Z"))
    }
}
