import Foundation
import Testing
@testable import AgendaCore

@Suite("Nightly plan")
struct NightlyPlanTests {
    @Test("mid-quarter: quarter to date and year to date only")
    func midQuarter() {
        // 29 November 2569 BE is in FY2570-Q1 (October–December 2569).
        let plan = NightlyPlan(asOfMonth: YearMonth(yearBE: 2569, month: 11), day: 29)
        let q1 = FiscalQuarter(fiscalYear: 2570, quarter: 1)
        #expect(plan.quarterToDate == .quarterToDate(q1, through: YearMonth(yearBE: 2569, month: 11)))
        #expect(plan.yearToDate == .yearToDate(fiscalYear: 2570, through: YearMonth(yearBE: 2569, month: 11)))
        #expect(plan.completedQuarter == nil)
        #expect(plan.scopes.count == 2)
    }

    @Test("first days of a quarter also rebuild the quarter that ended", arguments: [
        (2565, 1, 3, 2565, 1),   // 3 January 2565 → FY2565-Q1 (Oct–Dec 2564) just ended
        (2565, 4, 15, 2565, 2),  // 15 April 2565 → FY2565-Q2, last day of the grace period
        (2565, 7, 1, 2565, 3),
        (2565, 10, 10, 2565, 4), // 10 October 2565 → FY2565-Q4 (Jul–Sep 2565); now in FY2566
    ])
    func quarterBoundary(yearBE: Int, month: Int, day: Int, endedFY: Int, endedQ: Int) {
        let plan = NightlyPlan(asOfMonth: YearMonth(yearBE: yearBE, month: month), day: day)
        #expect(plan.completedQuarter == .quarter(FiscalQuarter(fiscalYear: endedFY, quarter: endedQ)))
        #expect(plan.scopes.count == 3)
    }

    @Test("after the grace period, and in a quarter's second month, no completed quarter")
    func noCompletedQuarter() {
        #expect(NightlyPlan(asOfMonth: YearMonth(yearBE: 2565, month: 1), day: 16).completedQuarter == nil)
        #expect(NightlyPlan(asOfMonth: YearMonth(yearBE: 2565, month: 2), day: 1).completedQuarter == nil)
    }

    @Test("year-to-date scope lists the months, quarters so far and the YTD window")
    func yearToDateWindows() {
        let scope = ReportScope.yearToDate(fiscalYear: 2565, through: YearMonth(yearBE: 2565, month: 2))
        #expect(scope.windows.map(\.label) == [
            "2564-10", "2564-11", "2564-12", "2565-01", "2565-02", "FY2565-Q1", "FY2565-Q2", "FY2565-YTD",
        ])
        #expect(scope.slug == "FY2565-to-2565-02")
        #expect(scope.lastMonth == YearMonth(yearBE: 2565, month: 2))
    }

    @Test("as-of days parse in CE or BE, in Bangkok time, and impossible days are refused")
    func parseDay() {
        let ce = BangkokCalendar.parseDay("2022-01-27")
        let be = BangkokCalendar.parseDay("2565-01-27")
        #expect(ce != nil && ce == be)
        // Midnight in Bangkok is 17:00 UTC the day before.
        #expect(ce == Date(timeIntervalSince1970: 1_643_216_400))
        #expect(BangkokCalendar.parseDay("2565-02-30") == nil)
        #expect(BangkokCalendar.parseDay("2565-13-01") == nil)
        #expect(BangkokCalendar.parseDay("yesterday") == nil)
        let (month, day) = BangkokCalendar.day(of: Date(timeIntervalSince1970: 1_643_216_400))
        #expect(month == YearMonth(yearBE: 2565, month: 1) && day == 27)
    }
}
