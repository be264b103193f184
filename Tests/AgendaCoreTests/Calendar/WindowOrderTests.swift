import Testing
@testable import AgendaCore

/// Windows are listed months first, then quarters, then years to date; each kind in time order.
@Suite("Window order")
struct WindowOrderTests {
    static func m(_ yearBE: Int, _ month: Int) -> YearMonth { YearMonth(yearBE: yearBE, month: month) }
    static func q(_ fiscalYear: Int, _ quarter: Int) -> ReportWindow {
        .quarter(FiscalQuarter(fiscalYear: fiscalYear, quarter: quarter))
    }

    @Test("Kinds first, then fiscal year, then quarter or month")
    func mixedWindowsSort() {
        let ordered: [ReportWindow] = [
            .month(Self.m(2564, 12)), .month(Self.m(2565, 1)), .month(Self.m(2566, 1)),
            Self.q(2565, 1), Self.q(2565, 4), Self.q(2566, 1),
            .yearToDate(fiscalYear: 2565, through: Self.m(2565, 2)),
            .yearToDate(fiscalYear: 2565, through: Self.m(2565, 9)),
            .yearToDate(fiscalYear: 2566, through: Self.m(2565, 10)),
        ]
        #expect(ordered.reversed().sorted() == ordered)
        #expect(ordered.shuffled().sorted() == ordered)
        // A later fiscal year's month still comes before any quarter; a quarter before any year to date.
        #expect(ReportWindow.month(Self.m(2600, 1)) < Self.q(2500, 1))
        #expect(Self.q(2600, 4) < .yearToDate(fiscalYear: 2500, through: Self.m(2499, 10)))
        #expect(!(ordered[4] < ordered[4]))
    }

    @Test("Years to date of one fiscal year order by their last month, across the BE year boundary")
    func yearsToDateAcrossTheYearBoundary() {
        // FY2500 runs October 2499 – September 2500: December 2499 comes before January 2500.
        let december = ReportWindow.yearToDate(fiscalYear: 2500, through: Self.m(2499, 12))
        let january = ReportWindow.yearToDate(fiscalYear: 2500, through: Self.m(2500, 1))
        #expect(december < january)
        #expect(!(january < december))
        #expect(ReportWindow.yearToDate(fiscalYear: 2565, through: Self.m(2565, 9))
                < .yearToDate(fiscalYear: 2566, through: Self.m(2565, 10)))
    }
}
