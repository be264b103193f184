import Foundation
import Testing
@testable import AgendaCore

@Suite("Targets and status")
struct TargetsAndStatusTests {
    typealias F = AggregateFixture

    @Test("Province target: its own row first, else the sum of district rows for sum/last, else blank")
    func provinceTargets() {
        let indicators = [
            F.indicator("births", .sum), F.indicator("beds", .last), F.indicator("wait", .mean),
            F.indicator("births2", .sum),
            F.indicator("rate", .ratio, numerator: "births", denominator: "beds"),
            F.indicator("none", .sum),
        ]
        let targets = [
            Target(fiscalYear: 2565, areaCode: "5601", indicatorID: "births", target: 100),
            Target(fiscalYear: 2565, areaCode: "5602", indicatorID: "births", target: 50),
            Target(fiscalYear: 2565, areaCode: "56", indicatorID: "births", target: 120), // own row wins over 150
            Target(fiscalYear: 2565, areaCode: "5601", indicatorID: "beds", target: 30),
            Target(fiscalYear: 2565, areaCode: "5603", indicatorID: "beds", target: 12),
            Target(fiscalYear: 2565, areaCode: "5601", indicatorID: "wait", target: 5),
            Target(fiscalYear: 2565, areaCode: "5601", indicatorID: "rate", target: 80),
            Target(fiscalYear: 2564, areaCode: "5601", indicatorID: "births2", target: 999), // another year
        ]
        let reference = F.reference(indicators, targets: targets)
        func target(_ id: String, _ area: String) -> Double? {
            reference.effectiveTarget(fiscalYear: 2565, areaCode: area, indicator: reference.indicator(id)!)
        }
        #expect(target("births", "56") == 120)
        #expect(target("births", "5602") == 50)
        #expect(target("births", "5603") == nil)
        #expect(target("beds", "56") == 42) // 30 + 12; 5602 has no row
        #expect(target("wait", "56") == nil) // mean: no roll-up
        #expect(target("rate", "56") == nil) // ratio: no roll-up
        #expect(target("rate", "5601") == 80)
        #expect(target("births2", "56") == nil) // the FY2564 row does not count for FY2565
        #expect(target("none", "56") == nil) // no district row at all: blank, not 0

        var imports = ImportBuilder()
        imports.add("5601", F.m(2565, 1), "births", 30)
        imports.add("5602", F.m(2565, 2), "births", 30)
        let report = buildReport(.quarter(q2FY2565), reference, imports)
        let ytd = report.fact(report.yearToDate, indicator: "births", area: "56")!
        #expect(ytd.value == 60)
        #expect(ytd.target == 120)
        #expect(ytd.achievementPct == 50) // 100 × 60 / 120
        // Six of twelve months elapsed: due 120 × 6 / 12 = 60 and value 60 → on track.
        #expect(ytd.status == .onTrack)
        // Targets appear on YTD rows only.
        #expect(report.fact(.quarter(q2FY2565), indicator: "births", area: "56")?.target == nil)
        #expect(report.facts.filter { !$0.window.isYearToDate }.allSatisfy { $0.target == nil && $0.status == nil })
        // Target without a value: no achievement, no status.
        let silent = report.fact(report.yearToDate, indicator: "beds", area: "56")!
        #expect(silent.target == 42 && silent.achievementPct == nil && silent.status == nil)
    }

    @Test("achievement_pct is blank for a zero target")
    func zeroTarget() {
        #expect(Status.achievementPercent(value: 5, target: 0) == nil)
        #expect(Status.achievementPercent(value: 0, target: 8) == 0)
        #expect(Status.achievementPercent(value: nil, target: 8) == nil)
    }

    @Test("Higher is better: sum due share is pro rata; other rules need the whole target")
    func higherBranches() {
        func s(_ value: Double, _ agg: Aggregation, _ months: Int) -> Status? {
            Status.evaluate(value: value, target: 120, aggregation: agg, better: .higher, elapsedMonths: months)
        }
        // Sum, 3 months elapsed: due = 120 × 3 / 12 = 30.
        #expect(s(120, .sum, 3) == .achieved)
        #expect(s(30, .sum, 3) == .onTrack)
        #expect(s(29.9, .sum, 3) == .behind)
        // Last/mean/ratio: due = whole target, so 30 of 120 is behind even early in the year.
        #expect(s(120, .last, 3) == .achieved)
        #expect(s(119, .last, 3) == .behind)
        #expect(s(130, .mean, 12) == .achieved)
        #expect(s(60, .ratio, 6) == .behind)
        #expect(Status.evaluate(value: nil, target: 1, aggregation: .sum, better: .higher, elapsedMonths: 1) == nil)
        #expect(Status.evaluate(value: 1, target: nil, aggregation: .sum, better: .higher, elapsedMonths: 1) == nil)
    }

    @Test("Lower is better: the target is a ceiling, kept or not only when the year is over")
    func lowerBranches() {
        func s(_ value: Double, _ agg: Aggregation, _ months: Int, over: Bool = false) -> Status? {
            Status.evaluate(value: value, target: 120, aggregation: agg, better: .lower, elapsedMonths: months,
                            yearIsOver: over)
        }
        // Fire hotspots, ceiling 120 a year; 6 months elapsed: due share 60.
        #expect(s(60, .sum, 6) == .onTrack)
        #expect(s(61, .sum, 6) == .behind)
        #expect(s(10, .sum, 6) == .onTrack) // not yet achieved: the year is not over
        #expect(s(130, .sum, 6) == .behind) // already over the ceiling: still "behind" until the year ends
        // Twelve months but the year not over yet (a report on 30 September): still in progress.
        #expect(s(120, .sum, 12) == .onTrack)
        #expect(s(121, .sum, 12) == .behind)
        // The year over: final.
        #expect(s(120, .sum, 12, over: true) == .achieved)
        #expect(s(121, .sum, 12, over: true) == .notAchieved)
        // Levels during the year: within the ceiling is on track, never achieved before the year ends.
        #expect(s(120, .mean, 3) == .onTrack)
        #expect(s(120.5, .mean, 3) == .behind)
        #expect(s(90, .last, 12) == .onTrack)
        #expect(s(90, .last, 12, over: true) == .achieved)
        #expect(s(150, .ratio, 6) == .behind)
        #expect(Status.evaluate(value: nil, target: 1, aggregation: .sum, better: .lower, elapsedMonths: 1) == nil)
    }

    @Test("Higher is better in a finished year: achieved or not achieved, never behind")
    func higherFinishedYear() {
        func s(_ value: Double, _ agg: Aggregation) -> Status? {
            Status.evaluate(value: value, target: 120, aggregation: agg, better: .higher, elapsedMonths: 12,
                            yearIsOver: true)
        }
        #expect(s(120, .sum) == .achieved)
        #expect(s(119, .sum) == .notAchieved)
        #expect(s(119, .last) == .notAchieved)
        #expect(s(200, .ratio) == .achieved)
        // The same 119 with the year still running is behind (due = the whole target after 12 months).
        #expect(Status.evaluate(value: 119, target: 120, aggregation: .sum, better: .higher, elapsedMonths: 12) == .behind)
    }

    @Test("A finished year: the YTD window is the whole fiscal year and the as-of day is after 30 September")
    func finishedYear() {
        let endOfSeptember = YearMonth(yearBE: 2565, month: 9).endInBangkok
        let after = endOfSeptember.addingTimeInterval(1)
        #expect(ReportScope.year(2565).isFinishedYear(asOf: after))
        #expect(!ReportScope.year(2565).isFinishedYear(asOf: endOfSeptember)) // 30 Sep 23:59:59 Bangkok: not yet
        #expect(ReportScope.quarter(FiscalQuarter(fiscalYear: 2565, quarter: 4)).isFinishedYear(asOf: after))
        #expect(!ReportScope.quarter(FiscalQuarter(fiscalYear: 2565, quarter: 3)).isFinishedYear(asOf: after))
        #expect(ReportScope.yearToDate(fiscalYear: 2565, through: YearMonth(yearBE: 2565, month: 9))
            .isFinishedYear(asOf: after))
        #expect(!ReportScope.yearToDate(fiscalYear: 2565, through: YearMonth(yearBE: 2565, month: 8))
            .isFinishedYear(asOf: after))
        #expect(!ReportScope.year(2566).isFinishedYear(asOf: after))
    }

    @Test("Status words: the Facts machine words, and a ceiling's words on the sheets and in the summary")
    func statusWords() {
        #expect(Status.allCases.map(\.rawValue) == ["achieved", "on_track", "behind", "not_achieved"])
        #expect(Status.notAchieved.text == BilingualText(th: "ไม่บรรลุเป้าหมาย", en: "Not achieved"))
        #expect(Status.behind.text == BilingualText(th: "ล่าช้ากว่าแผน", en: "Behind plan"))
        let ceiling = TargetKind.ceiling
        #expect(ceiling.statusText(.notAchieved) == BilingualText(th: "เกินเพดาน", en: "Over the ceiling"))
        #expect(ceiling.statusText(.achieved) == BilingualText(th: "ไม่เกินเพดาน", en: "Within the ceiling"))
        #expect(ceiling.statusText(.onTrack) == Status.onTrack.text)
        // Behind during the year: above the pace, or already over the whole ceiling.
        #expect(ceiling.statusText(.behind, value: 70, target: 120).en == "Above plan")
        #expect(ceiling.statusText(.behind, value: 130, target: 120).en == "Over the ceiling")
        #expect(TargetKind.target.statusText(.notAchieved) == Status.notAchieved.text)
        #expect(ceiling.percentSuffix.th == " ของเพดาน" && TargetKind.target.percentSuffix.en.isEmpty)
    }

    @Test("The builder judges YTD status with the YTD window's elapsed months")
    func builderStatus() {
        let reference = F.reference(
            [F.indicator("hotspots", .sum, better: .lower)],
            targets: [Target(fiscalYear: 2565, areaCode: "5601", indicatorID: "hotspots", target: 24)])
        var imports = ImportBuilder()
        imports.add("5601", F.m(2565, 1), "hotspots", 13)
        // Through March: 6 months, due 24 × 6 / 12 = 12 < 13 → behind.
        let q2 = buildReport(.quarter(q2FY2565), reference, imports)
        #expect(q2.fact(q2.yearToDate, indicator: "hotspots", area: "5601")?.status == .behind)
        // Whole year, as of March 2565 (the fixture's files): the year is still running, 13 ≤ 24 → on track.
        let year = buildReport(.year(2565), reference, imports)
        #expect(!year.isFinishedYear)
        #expect(year.fact(year.yearToDate, indicator: "hotspots", area: "5601")?.status == .onTrack)
        // The same year as of 1 October 2565: over, 13 ≤ 24 → achieved; and 25 hotspots → not achieved.
        let october = YearMonth(yearBE: 2565, month: 9).endInBangkok.addingTimeInterval(1)
        let over = ReportBuilder.build(scope: .year(2565), options: ReportOptions(), reference: reference,
                                       imported: imports.result, asOf: october)
        #expect(over.isFinishedYear)
        #expect(over.fact(over.yearToDate, indicator: "hotspots", area: "5601")?.status == .achieved)
        imports.add("5601", F.m(2565, 8), "hotspots", 12)
        let exceeded = ReportBuilder.build(scope: .year(2565), options: ReportOptions(), reference: reference,
                                           imported: imports.result, asOf: october)
        #expect(exceeded.fact(exceeded.yearToDate, indicator: "hotspots", area: "5601")?.status == .notAchieved)
        // Nightly through 2565-07: October…July = 10 months, due 24 × 10 / 12 = 20 ≥ 13 → on track.
        let q4 = FiscalQuarter(fiscalYear: 2565, quarter: 4)
        let nightly = buildReport(.quarterToDate(q4, through: F.m(2565, 7)), reference, imports)
        #expect(nightly.fact(nightly.yearToDate, indicator: "hotspots", area: "5601")?.status == .onTrack)
        // The province has no row of its own: it takes 5601's 24.
        #expect(nightly.fact(nightly.yearToDate, indicator: "hotspots", area: "56")?.target == 24)
    }
}
