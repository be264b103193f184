import Foundation
import Testing
@testable import AgendaCore

@Suite("Completeness and timeliness")
struct CompletenessTests {
    typealias F = AggregateFixture

    /// births (sum) and beds (last) are expected; coverage (ratio) is computed, never submitted.
    let reference = F.reference([
        F.indicator("births", .sum), F.indicator("beds", .last),
        F.indicator("coverage", .ratio, numerator: "births", denominator: "beds"),
    ])

    @Test("Completeness per district × month from October; timeliness at the deadline boundary")
    func completenessAndTimeliness() {
        var imports = ImportBuilder()
        // January 2565 closes 31 Jan 2022 23:59:59 Bangkok; +10 days = 2022-02-10 23:59:59 Bangkok = 16:59:59 UTC.
        let exactly = imports.addSource("5601-jan.csv", modified: F.date("2022-02-10T16:59:59Z"))
        let oneSecondLate = imports.addSource("5602-jan.csv", modified: F.date("2022-02-10T17:00:00Z"))
        // February's deadline: 2022-03-10 16:59:59 UTC.
        let febLate = imports.addSource("5601-feb-fix.csv", modified: F.date("2022-03-10T17:00:00Z"))
        imports.add("5601", F.m(2565, 1), "births", 3, source: exactly)
        imports.add("5601", F.m(2565, 1), "beds", 9, source: exactly)
        imports.add("5602", F.m(2565, 1), "births", 4, area: "A", source: oneSecondLate)
        imports.add("5602", F.m(2565, 1), "births", 5, area: "B", source: oneSecondLate)
        imports.add("5601", F.m(2565, 2), "births", 1) // default source, 2022-03-01: on time
        imports.add("5601", F.m(2565, 2), "beds", 9, source: febLate) // a late file makes the month late
        imports.add("5601", F.m(2565, 4), "births", 1) // after the report's last month: no cell
        let report = buildReport(.quarter(q2FY2565), reference, imports)

        #expect(report.completeness.count == 3 * 6) // three districts × October 2564 … March 2565
        #expect(report.completeness.first.map { "\($0.districtCode) \($0.month)" } == "5601 2564-10")
        #expect(report.completeness.last.map { "\($0.districtCode) \($0.month)" } == "5603 2565-03")
        #expect(report.completeness.allSatisfy { $0.expected == 2 })
        func cell(_ d: String, _ m: YearMonth) -> CompletenessCell {
            report.completeness.first { $0.districtCode == d && $0.month == m }!
        }
        let a = cell("5601", F.m(2565, 1))
        #expect(a.reported == 2 && a.submitted && a.onTime == true) // exactly ten days: on time
        #expect(a.lastModified == F.date("2022-02-10T16:59:59Z"))
        let b = cell("5602", F.m(2565, 1))
        #expect(b.reported == 1 && b.submitted && b.onTime == false) // one second later: late
        let c = cell("5601", F.m(2565, 2))
        #expect(c.reported == 2 && c.onTime == false && c.lastModified == F.date("2022-03-10T17:00:00Z"))
        let silent = cell("5603", F.m(2565, 1))
        #expect(silent.reported == 0 && !silent.submitted && silent.onTime == nil && silent.lastModified == nil)

        let jan = report.provinceCompleteness(month: F.m(2565, 1))
        #expect(jan.reported == 3 && jan.expected == 6 && jan.districtsSubmitted == 2 && jan.districtsOnTime == 1)

        // Eleven days of grace make 5602's January on time.
        let lenient = buildReport(.quarter(q2FY2565), reference, imports, options: ReportOptions(timelinessDays: 11))
        #expect(lenient.completeness.first { $0.districtCode == "5602" && $0.month == F.m(2565, 1) }?.onTime == true)
    }

    @Test("200,000 values build in one pass (sanity, not timed)")
    func linearSize() {
        let indicators = (0..<10).map { F.indicator("i\($0)", $0 % 2 == 0 ? .sum : .last) }
        let reference = F.reference(indicators, districtCount: 9)
        var imports = ImportBuilder()
        imports.accepted.reserveCapacity(200_000)
        // 9 districts × 10 indicators × 12 months × 185 sub-areas = 199,800 values of 1.
        for d in 1...9 {
            for month in YearMonth.months(ofFiscalYear: 2565) {
                for i in 0..<10 {
                    for a in 0..<185 { imports.add("560\(d)", month, "i\(i)", 1, area: "v\(a)") }
                }
            }
        }
        #expect(imports.accepted.count == 199_800)
        let report = buildReport(.year(2565), reference, imports)
        #expect(report.facts.count == 17 * 10 * 10)
        // Sum over the year: 9 × 12 × 185 = 19,980; stock: each district's September 185, × 9 = 1,665.
        #expect(report.value(report.yearToDate, "i0", "56") == 19_980)
        #expect(report.value(report.yearToDate, "i1", "56") == 1_665)
        #expect(report.completeness.count == 9 * 12)
        #expect(report.completeness.allSatisfy { $0.reported == 10 && $0.submitted })
    }
}
