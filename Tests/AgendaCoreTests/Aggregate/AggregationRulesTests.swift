import Foundation
import Testing
@testable import AgendaCore

/// Every aggregation rule against hand-computed numbers. Report: FY2565-Q2 (January–March 2565), three districts.
@Suite("Aggregation rules")
struct AggregationRulesTests {
    typealias F = AggregateFixture
    let quarter = ReportWindow.quarter(q2FY2565)
    let jan = ReportWindow.month(F.m(2565, 1))
    let feb = ReportWindow.month(F.m(2565, 2))
    let mar = ReportWindow.month(F.m(2565, 3))

    @Test("sum: over months and sub-areas; province over districts; a silent district is blank, not 0")
    func sums() {
        let reference = F.reference([F.indicator("births", .sum)])
        var imports = ImportBuilder()
        imports.add("5601", F.m(2565, 1), "births", 1, area: "A")
        imports.add("5601", F.m(2565, 1), "births", 2, area: "B")
        imports.add("5601", F.m(2565, 2), "births", 4)
        imports.add("5602", F.m(2565, 3), "births", 10)
        let report = buildReport(.quarter(q2FY2565), reference, imports)
        #expect(report.value(jan, "births", "5601") == 3) // 1 + 2
        #expect(report.value(quarter, "births", "5601") == 7) // 3 + 4
        #expect(report.value(quarter, "births", "5602") == 10)
        #expect(report.value(quarter, "births", "5603") == nil) // nothing reported: blank
        #expect(report.value(quarter, "births", "56") == 17) // 7 + 10
        #expect(report.value(feb, "births", "5602") == nil)
        #expect(report.value(feb, "births", "56") == 4)
    }

    @Test("last: a stock with a gap month keeps the district's latest; the province sums districts' own latest")
    func stockWithGap() {
        let reference = F.reference([F.indicator("beds", .last)])
        var imports = ImportBuilder()
        imports.add("5601", F.m(2564, 12), "beds", 8)
        imports.add("5601", F.m(2565, 1), "beds", 10)
        imports.add("5601", F.m(2565, 2), "beds", 5, area: "A")
        imports.add("5601", F.m(2565, 2), "beds", 7, area: "B")
        // 5601 sends nothing for March.
        imports.add("5602", F.m(2565, 1), "beds", 20)
        imports.add("5602", F.m(2565, 2), "beds", 21)
        imports.add("5602", F.m(2565, 3), "beds", 25)
        let report = buildReport(.quarter(q2FY2565), reference, imports)
        #expect(report.value(quarter, "beds", "5601") == 12) // February's 5 + 7, not 10 + 12 over months
        #expect(report.value(quarter, "beds", "5602") == 25) // March
        #expect(report.value(quarter, "beds", "5603") == nil)
        #expect(report.value(quarter, "beds", "56") == 37) // 12 (Feb) + 25 (Mar)
        #expect(report.value(report.yearToDate, "beds", "56") == 37) // December's 8 is older than February
        #expect(report.value(mar, "beds", "5601") == nil)
        #expect(report.value(mar, "beds", "56") == 25)
        #expect(report.value(jan, "beds", "56") == 30) // 10 + 20
    }

    @Test("ratio: 100 × ΣN / ΣD in the same scope, not the mean of district ratios; blank parts stay blank")
    func ratioOfSums() {
        let reference = F.reference([
            F.indicator("vaccinated", .sum), F.indicator("children", .sum),
            F.indicator("coverage", .ratio, numerator: "vaccinated", denominator: "children"),
        ])
        var imports = ImportBuilder()
        imports.add("5601", F.m(2565, 1), "vaccinated", 4)
        imports.add("5601", F.m(2565, 2), "vaccinated", 5)
        imports.add("5601", F.m(2565, 1), "children", 6)
        imports.add("5601", F.m(2565, 2), "children", 4)
        imports.add("5602", F.m(2565, 1), "vaccinated", 10)
        imports.add("5602", F.m(2565, 1), "children", 50)
        imports.add("5602", F.m(2565, 3), "children", 50)
        imports.add("5603", F.m(2565, 1), "vaccinated", 3)
        imports.add("5603", F.m(2565, 1), "children", 0)
        let report = buildReport(.quarter(q2FY2565), reference, imports)
        #expect(report.value(quarter, "coverage", "5601") == 90) // 100 × 9 / 10
        #expect(report.value(quarter, "coverage", "5602") == 10) // 100 × 10 / 100
        #expect(report.value(quarter, "coverage", "5603") == nil) // denominator 0
        // Province: 100 × (9 + 10 + 3) / (10 + 100 + 0) = 2200 / 110 = 20; the mean of ratios would be 50.
        #expect(report.value(quarter, "coverage", "56") == 20)
        #expect(report.value(feb, "coverage", "5601") == 125) // 100 × 5 / 4
        #expect(report.value(mar, "coverage", "5602") == nil) // numerator blank: blank, not 0
        #expect(report.value(feb, "coverage", "5602") == nil) // both blank
    }

    @Test("mean: of all raw values in scope; province over all districts' raw values")
    func meanOfRawValues() {
        let reference = F.reference([F.indicator("waitDays", .mean, better: .lower)])
        var imports = ImportBuilder()
        imports.add("5601", F.m(2565, 1), "waitDays", 2, area: "A")
        imports.add("5601", F.m(2565, 1), "waitDays", 4, area: "B")
        imports.add("5601", F.m(2565, 2), "waitDays", 9)
        imports.add("5602", F.m(2565, 3), "waitDays", 1)
        let report = buildReport(.quarter(q2FY2565), reference, imports)
        #expect(report.value(jan, "waitDays", "5601") == 3) // (2 + 4) / 2
        #expect(report.value(quarter, "waitDays", "5601") == 5) // (2 + 4 + 9) / 3; mean of monthly means is 6
        #expect(report.value(quarter, "waitDays", "5603") == nil)
        #expect(report.value(quarter, "waitDays", "56") == 4) // 16 / 4; mean of district means is 3
    }

    @Test("An indicator nobody reported is blank everywhere, province included")
    func nothingReported() {
        let reference = F.reference([F.indicator("births", .sum), F.indicator("beds", .last), F.indicator("wait", .mean)])
        let report = buildReport(.quarter(q2FY2565), reference, ImportBuilder())
        #expect(report.facts.count == 5 * 3 * 4)
        #expect(report.facts.allSatisfy { $0.value == nil && $0.status == nil && $0.achievementPct == nil })
    }

    @Test("Superseded values are never counted: only `accepted` is read")
    func supersededNotCounted() {
        let reference = F.reference([F.indicator("births", .sum)])
        var imports = ImportBuilder()
        let later = imports.addSource("5601-fix.csv", modified: F.defaultModified)
        imports.add("5601", F.m(2565, 1), "births", 3, source: later)
        let replaced = AcceptedValue(
            key: ValueKey(districtCode: "5601", month: F.m(2565, 1), indicatorID: "births", area: ""),
            value: 400, note: "", sourceIndex: 0, line: 2)
        imports.superseded = [SupersededValue(superseded: replaced, replacedBy: imports.accepted[0])]
        let report = buildReport(.quarter(q2FY2565), reference, imports)
        #expect(report.value(jan, "births", "5601") == 3)
        #expect(report.value(quarter, "births", "56") == 3) // not 403
        #expect(report.value(report.yearToDate, "births", "56") == 3)
    }

    @Test("Facts: windows, then indicators in reference order, then districts in code order and the province")
    func factOrder() {
        let reference = F.reference([F.indicator("z", .sum), F.indicator("a", .sum)])
        let report = buildReport(.quarter(q2FY2565), reference, ImportBuilder())
        #expect(report.facts.count == 5 * 2 * 4)
        let head = report.facts.prefix(5).map { "\($0.window.label) \($0.indicatorID) \($0.areaCode)" }
        #expect(head == ["2565-01 z 5601", "2565-01 z 5602", "2565-01 z 5603", "2565-01 z 56", "2565-01 a 5601"])
        #expect(report.facts.last.map { "\($0.window.label) \($0.indicatorID) \($0.areaCode)" } == "FY2565-YTD a 56")
        #expect(report.facts.allSatisfy { $0.workstreamID == "W1" })
    }

    @Test("Previous quarter crosses the fiscal-year boundary; previous year is the same months a year earlier")
    func comparisons() {
        let reference = F.reference([F.indicator("births", .sum)])
        var imports = ImportBuilder()
        imports.add("5601", F.m(2563, 10), "births", 2) // FY2564-Q1: a year before FY2565-Q1
        imports.add("5601", F.m(2564, 7), "births", 5) // FY2564-Q4
        imports.add("5601", F.m(2564, 9), "births", 6) // FY2564-Q4
        imports.add("5601", F.m(2564, 10), "births", 7) // FY2565-Q1
        let report = buildReport(.quarter(q1FY2565), reference, imports)
        let q1 = report.fact(.quarter(q1FY2565), indicator: "births", area: "5601")!
        #expect(q1.value == 7)
        #expect(q1.previousQuarterValue == 11) // July 5 + September 6 of 2564 (FY2564-Q4)
        #expect(q1.previousYearValue == 2) // October–December 2563
        #expect(report.fact(.quarter(q1FY2565), indicator: "births", area: "56")?.previousQuarterValue == 11)
        #expect(report.fact(.quarter(q1FY2565), indicator: "births", area: "5602")?.previousQuarterValue == nil)
        let october = report.fact(.month(F.m(2564, 10)), indicator: "births", area: "5601")!
        #expect(october.previousYearValue == 2)
        #expect(october.previousQuarterValue == nil) // months carry no previous-quarter comparison
        #expect(report.fact(.month(F.m(2564, 11)), indicator: "births", area: "5601")?.previousYearValue == nil)
        #expect(report.fact(report.yearToDate, indicator: "births", area: "56")?.previousYearValue == 2)
    }
}
