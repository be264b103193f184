import Foundation
import Testing
@testable import AgendaCore

/// Hand-computed cases for `AnomalyRule` and the anomalies a report carries. Four districts are the fewest the rule
/// judges (each needs three others to compare with); every case's arithmetic is in its comments.
@Suite("Anomaly flags")
struct AnomalyRuleTests {
    typealias F = AggregateFixture

    let reference = F.reference([
        F.indicator("births", .sum), F.indicator("beds", .last),
        F.indicator("coverage", .ratio, numerator: "births", denominator: "beds"),
    ], districtCount: 4)

    /// October 2564 … March 2565: six months of FY2565.
    let months = (0..<6).map { F.m(2564, 10).advanced(by: $0) }

    /// `values[d][k]` for district 560(d+1) in month k of `months`.
    func imports(_ indicator: String, _ values: [[Double]]) -> ImportBuilder {
        var imports = ImportBuilder()
        for (d, row) in values.enumerated() {
            for (k, v) in row.enumerated() { imports.add("560\(d + 1)", months[k], indicator, v) }
        }
        return imports
    }

    @Test("A ×10 slip in one district is flagged with what was expected, and kept")
    func tenfold() throws {
        // Every district 100 a month; 5604 sends 1000 in March. Offset c = 0.1 × median positive (100) = 10, so
        // y = log 110 everywhere but log 1010 there. Levels stay log 110 (the median polish moves nothing), the
        // others' March deviation is 0: residual log(1010/110) = log 9.18 = 2.2172. All other 23 residuals are 0,
        // MAD 0, so the scale is the floor 0.1: z = 22.17 > 4 and 9.18 > ×3. Expected exp(log 110) − 10 = 100.
        var rows = Array(repeating: Array(repeating: 100.0, count: 6), count: 4)
        rows[3][5] = 1000
        let report = buildReport(.year(2565), reference, imports("births", rows))
        #expect(report.anomalies.count == 1)
        let a = try #require(report.anomalies.first)
        #expect(a.districtCode == "5604" && a.month == F.m(2565, 3) && a.indicatorID == "births" && a.area.isEmpty)
        #expect(a.value == 1000 && abs(a.expected - 100) < 1e-9)
        #expect(abs(a.score - log(1010.0 / 110) / 0.1) < 1e-9)
        #expect(a.checks == [.peers])
        #expect(a.factorText == "×10")
        let reason = a.reason(decimals: 0)
        #expect(reason.en == "×10 the expected 100, against other districts' same month; "
                + "maybe typed 10 times too large (decimal point or unit)")
        #expect(reason.th.hasPrefix("สูงกว่าที่คาด ×10 (คาดไว้ราว 100) เทียบกับอำเภออื่นเดือนเดียวกัน"))
        // Never changed or dropped: the year's total still counts the 1000.
        #expect(report.value(report.yearToDate, "births", "5604") == 1500)
    }

    @Test("A seasonal peak every district shares is not flagged")
    func sharedSeason() {
        // Levels 10, 20, 40, 80 with a ×10 peak in December for all. Each district's c is 0.1 × its own median
        // positive value (1, 2, 4, 8), so on log(x + c) every series is its level plus the same shape:
        // log(1.1a) … log(10.1a) with a = level / 10. Every residual is exactly 0.
        let rows = [10.0, 20, 40, 80].map { level in (0..<6).map { $0 == 2 ? level * 10 : level } }
        #expect(buildReport(.year(2565), reference, imports("births", rows)).anomalies.isEmpty)
        // The same peak in one district alone is a slip: flagged.
        var alone = Array(repeating: Array(repeating: 10.0, count: 6), count: 4)
        alone[1][2] = 100
        #expect(buildReport(.year(2565), reference, imports("births", alone)).anomalies.map(\.districtCode) == ["5602"])
    }

    @Test("A stock collapsing to 1% is flagged on both its checks; the month it recovers is not")
    func stockCollapse() throws {
        // Beds 200 everywhere; 5602 sends 2 in January. c = 20: log(22/220) = −2.3026 against the peers (z −23.03)
        // and the same change from December against the others' 0 (z −23.03). February's jump back up is large
        // against January but ordinary against the peers, and a stock needs both: not flagged.
        var rows = Array(repeating: Array(repeating: 200.0, count: 6), count: 4)
        rows[1][3] = 2
        let report = buildReport(.year(2565), reference, imports("beds", rows))
        #expect(report.anomalies.count == 1)
        let a = try #require(report.anomalies.first)
        #expect(a.districtCode == "5602" && a.month == F.m(2565, 1) && a.value == 2)
        #expect(abs(a.expected - 200) < 1e-9)
        #expect(a.checks == [.peers, .previousMonth])
        #expect(abs(a.score - log(22.0 / 220) / 0.1) < 1e-9)
        #expect(a.factorText == "1/100")
        #expect(a.reason(decimals: 0).en.hasSuffix("maybe typed 100 times too small (decimal point or unit)"))
    }

    @Test("Zeros neither crash nor flag")
    func zeros() {
        // All zero: no positive value, no offset, nothing to compare.
        let none = Array(repeating: Array(repeating: 0.0, count: 6), count: 4)
        #expect(buildReport(.year(2565), reference, imports("births", none)).anomalies.isEmpty)
        // Zeros with a 1 and a 2: c is at least the resolution 1, so 0 → 2 is (2 + 1) / (0 + 1) = ×3, not more.
        var sparse = none
        sparse[0][3] = 1
        sparse[1][4] = 2
        #expect(buildReport(.year(2565), reference, imports("births", sparse)).anomalies.isEmpty)
        // A ×10 typed into zero is still zero; one into a lone 1 among zeros is 10, and c = max(0.1 × 10, 1) = 1:
        // (10 + 1) / (0 + 1) = ×11, against a MAD of 0 (scale 0.1): flagged.
        sparse[0][3] = 10
        #expect(buildReport(.year(2565), reference, imports("births", sparse)).anomalies.map(\.districtCode) == ["5601"])
    }

    @Test("Too short a history, or too few districts, flags nothing")
    func tooShort() {
        // Three months per district (the minimum is four): a ×1000 is not judged.
        var rows = Array(repeating: Array(repeating: 100.0, count: 3), count: 4)
        rows[0][2] = 100_000
        #expect(buildReport(.year(2565), reference, imports("births", rows)).anomalies.isEmpty)
        // With the minimum at three it is.
        let three = ReportOptions(outlierMinimumHistory: 3)
        #expect(buildReport(.year(2565), reference, imports("births", rows), options: three).anomalies.count == 1)
        // Three districts: each has only two others to compare with (three are needed).
        let small = F.reference([F.indicator("births", .sum)], districtCount: 3)
        var six = Array(repeating: Array(repeating: 100.0, count: 6), count: 3)
        six[0][5] = 100_000
        #expect(buildReport(.year(2565), small, imports("births", six)).anomalies.isEmpty)
    }

    @Test("A slip in one sub-area is flagged on that area, not also on the district total")
    func areaSlip() throws {
        // Three villages per district, 10 each a month; 5601's village B sends 100 in January. At the area level
        // (twelve villages) c = max(0.1 × 10, 1) = 1: log(101 / 11) = 2.2172, z 22.17. The district total 120
        // against 30 (c 3: ×3.7) is flagged too, but one mistake gives one row: the area's.
        var imports = ImportBuilder()
        for d in 1...4 {
            for month in months {
                for area in ["A", "B", "C"] {
                    let slip = d == 1 && month == F.m(2565, 1) && area == "B"
                    imports.add("560\(d)", month, "births", slip ? 100 : 10, area: area)
                }
            }
        }
        let report = buildReport(.year(2565), reference, imports)
        #expect(report.anomalies.count == 1)
        let a = try #require(report.anomalies.first)
        #expect(a.districtCode == "5601" && a.area == "B" && a.value == 100 && abs(a.expected - 10) < 1e-9)
        #expect(abs(a.score - log(101.0 / 11) / 0.1) < 1e-9)
        #expect(a.reason(decimals: 0).en.contains("other areas' same month"))
    }

    @Test("The same month last year vetoes a district's own recurring peak")
    func recurringPeak() {
        // Unit 0 is 100 in month 0 and month 12, 10 otherwise; units 1–3 are 10 throughout. Against the peers
        // month 12 is ×9.2 on the x + c scale, but against its own month 0 it changed by 0 while the others
        // changed by 0 too: that check finds nothing, so the value is not flagged. Month 0 has no year before.
        let rule = AnomalyRule()
        var series = Array(repeating: Dictionary(uniqueKeysWithValues: (0...12).map { ($0, 10.0) }), count: 4)
        series[0][0] = 100
        series[0][12] = 100
        let judged = rule.assess(series: series, stock: false, months: [0, 12])
        #expect(judged.first { $0.unit == 0 && $0.month == 12 }?.flagged == false)
        #expect(judged.first { $0.unit == 0 && $0.month == 12 }?.checks == [.peers, .sameMonthLastYear])
        #expect(judged.first { $0.unit == 0 && $0.month == 0 }?.flagged == true)
    }

    @Test("Only months inside the report are flagged")
    func onlyReportMonths() {
        // The slip is in September 2564 (FY2564): a FY2565 report judges October onwards only; a FY2564 report,
        // which reads June to September, flags it.
        var imports = ImportBuilder()
        for d in 1...4 {
            for k in 0..<7 {
                let month = F.m(2564, 6).advanced(by: k)
                imports.add("560\(d)", month, "births", d == 2 && k == 3 ? 1000 : 100)
            }
        }
        #expect(buildReport(.year(2565), reference, imports).anomalies.isEmpty)
        #expect(buildReport(.year(2564), reference, imports).anomalies.map(\.month) == [F.m(2564, 9)])
    }
}
