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

@Suite("Quarter in progress")
struct QuarterInProgressComparisonTests {
    @Test("a quarter in progress is compared with the same months of the previous quarter; a stock with its close")
    func sameStretch() {
        let q3 = FiscalQuarter(fiscalYear: 2565, quarter: 3)
        let april = YearMonth(yearBE: 2565, month: 4)
        let months = ReportScope.quarterToDate(q3, through: april).effectiveMonths(of: .quarter(q3))
        #expect(months == [april])
        let previous = ReportWindow.quarter(q3).previousQuarterMonths(effective: months)
        #expect(previous?.sameStretch == [YearMonth(yearBE: 2565, month: 1)])
        #expect(previous?.whole == FiscalQuarter(fiscalYear: 2565, quarter: 2).months)
        // A finished quarter compares whole with whole.
        let full = ReportWindow.quarter(q3).previousQuarterMonths(effective: q3.months)
        #expect(full?.sameStretch == full?.whole)
        #expect(ReportWindow.month(april).previousQuarterMonths(effective: [april]) == nil)
    }

    @Test("the builder uses them: April's flow against January's, a stock against March's level")
    func builderUsesThem() {
        let reference = ReferenceData(
            province: Area(code: "56", parentCode: nil, nameTH: "พะเยา", nameEN: "Phayao"),
            districts: [Area(code: "5601", parentCode: "56", nameTH: "เมืองพะเยา", nameEN: "Mueang Phayao")],
            workstreams: [Workstream(id: "w", nameTH: "ว", nameEN: "W")],
            indicators: [
                Indicator(id: "flow", workstreamID: "w", nameTH: "ก", nameEN: "F", unitTH: "ครั้ง", unitEN: "times",
                          aggregation: .sum, better: .higher),
                Indicator(id: "stock", workstreamID: "w", nameTH: "ข", nameEN: "S", unitTH: "ไร่", unitEN: "rai",
                          aggregation: .last, better: .higher),
            ],
            targets: [])
        func value(_ indicator: String, _ month: Int, _ v: Double, line: Int) -> AcceptedValue {
            AcceptedValue(key: ValueKey(districtCode: "5601", month: YearMonth(yearBE: 2565, month: month),
                                        indicatorID: indicator, area: ""),
                          value: v, note: "", sourceIndex: 0, line: line)
        }
        // Flow: Jan 10, Feb 20, Mar 30, Apr 12. Stock: Jan 100, Mar 130, Apr 135.
        let values = [value("flow", 1, 10, line: 2), value("flow", 2, 20, line: 3), value("flow", 3, 30, line: 4),
                      value("flow", 4, 12, line: 5), value("stock", 1, 100, line: 6), value("stock", 3, 130, line: 7),
                      value("stock", 4, 135, line: 8)].sorted { $0.key < $1.key }
        let imported = ImportResult(
            sources: [SourceFile(path: "a.csv", modified: Date(timeIntervalSince1970: 0), byteCount: 1, sha256: "",
                                 encoding: .utf8, districtCodes: ["5601"], rowsRead: 7, accepted: 7)],
            accepted: values, superseded: [], rejections: [])
        let q3 = FiscalQuarter(fiscalYear: 2565, quarter: 3)
        let report = ReportBuilder.build(
            scope: .quarterToDate(q3, through: YearMonth(yearBE: 2565, month: 4)), options: ReportOptions(),
            reference: reference, imported: imported, asOf: Date(timeIntervalSince1970: 0))
        let flow = report.fact(.quarter(q3), indicator: "flow", area: "56")
        #expect(flow?.value == 12)
        #expect(flow?.previousQuarterValue == 10)   // January, not 10 + 20 + 30
        let stock = report.fact(.quarter(q3), indicator: "stock", area: "5601")
        #expect(stock?.value == 135)
        #expect(stock?.previousQuarterValue == 130) // March's level, where Q2 closed
    }
}
