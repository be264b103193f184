import Foundation
import Testing
@testable import AgendaCore

/// `ReportInsights` on a report small enough to compute by hand: three districts, two workstreams, the first
/// quarter of FY2565 (October–December 2564, so a sum's due share is a quarter of its target).
@Suite("Report insights")
struct ReportInsightsTests {
    typealias F = AggregateFixture

    static let oct = F.m(2564, 10), nov = F.m(2564, 11), dec = F.m(2564, 12)

    /// W1: forest (stock, higher, headline), hotspots (sum, lower, headline), trees (sum, no targets).
    /// W2: members (stock, no targets), paid (sum, nothing sent): no headline marked, so members leads.
    static let reference: ReferenceData = {
        func ind(_ id: String, _ ws: String, _ agg: Aggregation, better: Direction = .higher, headline: Bool = false)
            -> Indicator {
            Indicator(id: id, workstreamID: ws, nameTH: id, nameEN: id, unitTH: "หน่วย", unitEN: "unit",
                      aggregation: agg, better: better, isHeadline: headline)
        }
        let targets = ["5601", "5602", "5603"].flatMap { code in
            [Target(fiscalYear: 2565, areaCode: code, indicatorID: "forest", target: 100),
             Target(fiscalYear: 2565, areaCode: code, indicatorID: "hotspots", target: 40)]
        }
        return ReferenceData(
            province: F.province, districts: F.districts(3),
            workstreams: [Workstream(id: "W1", nameTH: "งาน 1", nameEN: "Work 1"),
                          Workstream(id: "W2", nameTH: "งาน 2", nameEN: "Work 2")],
            indicators: [ind("forest", "W1", .last, headline: true), ind("hotspots", "W1", .sum, better: .lower, headline: true),
                         ind("trees", "W1", .sum), ind("members", "W2", .last), ind("paid", "W2", .sum)],
            targets: targets)
    }()

    static let report: Report = {
        var imports = ImportBuilder()
        // 5601 sends October, November and December.
        imports.add("5601", dec, "forest", 100)
        imports.add("5601", oct, "hotspots", 4)
        imports.add("5601", nov, "hotspots", 4)
        imports.add("5601", nov, "trees", 5)
        imports.add("5601", dec, "members", 30)
        // 5602 sends October and December, nothing for November.
        imports.add("5602", dec, "forest", 90)
        imports.add("5602", oct, "hotspots", 9)
        imports.add("5602", oct, "trees", 5)
        imports.add("5602", oct, "members", 20)
        // 5603 sends December only.
        imports.add("5603", dec, "forest", 80)
        imports.add("5603", dec, "hotspots", 50)
        var imported = imports.result
        // A file whose rows name 5603 although its path names 5601: the rows win.
        imported.sources.append(SourceFile(
            path: "shared/upload-5601.csv", modified: F.defaultModified, byteCount: 0, sha256: "", encoding: .utf8,
            districtCodes: ["5603"]))
        let reason = BilingualText(th: "ผิด", en: "wrong")
        imported.rejections = [
            // One row failing on two columns is one row.
            Rejection(file: "5601/2564-10.csv", line: 5, column: "value", text: "x", reason: reason),
            Rejection(file: "5601/2564-10.csv", line: 5, column: "period", text: "x", reason: reason),
            Rejection(file: "5602/2564-11.csv", line: 0, column: "", text: "", reason: reason, wholeFile: true),
            Rejection(file: "mystery.csv", line: 3, column: "value", text: "x", reason: reason),
            Rejection(file: "shared/upload-5601.csv", line: 2, column: "value", text: "x", reason: reason),
        ]
        return ReportBuilder.build(scope: .quarter(q1FY2565), options: ReportOptions(), reference: reference,
                                   imported: imported, asOf: F.defaultModified)
    }()

    var insights: ReportInsights { Self.report.insights }

    @Test("headlines: the marked indicators, else the workstream's first")
    func headlines() {
        #expect(insights.headlines("W1").map(\.id) == ["forest", "hotspots"])
        #expect(insights.headlines("W2").map(\.id) == ["members"])
        #expect(insights.headlines("nothing").isEmpty)
    }

    @Test("the statuses the tallies count, computed by hand")
    func statusesByHand() {
        let ytd = Self.report.yearToDate
        func status(_ id: String, _ area: String) -> Status? { Self.report.fact(ytd, indicator: id, area: area)?.status }
        // Forest (stock, target 100; a level needs the whole target): 100 achieved, 90 and 80 behind.
        #expect([status("forest", "5601"), status("forest", "5602"), status("forest", "5603")]
            == [.achieved, .behind, .behind])
        // Hotspots (ceiling 40, 3 of 12 months: due 10): 8 and 9 on track, 50 behind (over the whole ceiling).
        #expect([status("hotspots", "5601"), status("hotspots", "5602"), status("hotspots", "5603")]
            == [.onTrack, .onTrack, .behind])
        // Province: forest 270 of 300 behind; hotspots 67 against a due 30 of 120 behind.
        #expect(status("forest", "56") == .behind && status("hotspots", "56") == .behind)
        #expect(!insights.isFinishedYear)
    }

    @Test("tallies: indicators achieved or on track out of those with a status")
    func tallies() {
        #expect(insights.tally(workstream: "W1", area: "5601") == ReportInsights.Tally(met: 2, judged: 2))
        #expect(insights.tally(workstream: "W1", area: "5602") == ReportInsights.Tally(met: 1, judged: 2))
        #expect(insights.tally(workstream: "W1", area: "5603") == ReportInsights.Tally(met: 0, judged: 2))
        #expect(insights.tally(workstream: "W1", area: "56") == ReportInsights.Tally(met: 0, judged: 2))
        #expect(insights.tally(workstream: "W1", area: "5601")?.tone == .good)
        #expect(insights.tally(workstream: "W1", area: "5602")?.tone == .mixed)
        #expect(insights.tally(workstream: "W1", area: "5603")?.tone == .poor)
        // No targets in W2: nothing to count.
        #expect(insights.tally(workstream: "W2", area: "5601") == nil)
    }

    @Test("tone: all good, at least half mixed, less poor")
    func tone() {
        typealias T = ReportInsights.Tone
        #expect(T(part: 3, of: 3) == .good)
        #expect(T(part: 2, of: 3) == .mixed)
        #expect(T(part: 1, of: 2) == .mixed)
        #expect(T(part: 1, of: 3) == .poor)
        #expect(T(part: 0, of: 0) == .poor)
    }

    @Test("best and worst district follow the direction; a ceiling's best is the smallest share of it")
    func comparisons() throws {
        // Forest: 100%, 90%, 80% of target.
        let forest = try #require(insights.comparison("forest"))
        #expect(forest.basis == .achievement)
        #expect(forest.best == ReportInsights.RankedDistrict(areaCode: "5601", amount: 100))
        #expect(forest.worst == ReportInsights.RankedDistrict(areaCode: "5603", amount: 80))
        #expect(!forest.allEqual)
        // Hotspots: 8/40 = 20%, 9/40 = 22.5%, 50/40 = 125% of the ceiling: 5601 best, 5603 worst.
        let hotspots = try #require(insights.comparison("hotspots"))
        #expect(hotspots.best == ReportInsights.RankedDistrict(areaCode: "5601", amount: 20))
        #expect(hotspots.worst == ReportInsights.RankedDistrict(areaCode: "5603", amount: 125))
        // Trees: no targets, so by value; 5 and 5 are equal (the tie goes to the lower code).
        let trees = try #require(insights.comparison("trees"))
        #expect(trees.basis == .value && trees.allEqual)
        #expect(trees.best.areaCode == "5601" && trees.worst.areaCode == "5602")
        // Members: 30 and 20 by value; 5603 sent none.
        let members = try #require(insights.comparison("members"))
        #expect(members.basis == .value && members.best.areaCode == "5601" && members.worst.amount == 20)
        // Paid: nobody sent it.
        #expect(insights.comparison("paid") == nil)
    }

    @Test("districts reporting per month come from the completeness")
    func reporting() {
        let months = insights.monthlyReporting
        #expect(months.map(\.month) == [Self.oct, Self.nov, Self.dec])
        #expect(months.map(\.submitted) == [["5601", "5602"], ["5601"], ["5601", "5602", "5603"]])
        #expect(months.map(\.missing) == [["5603"], ["5602", "5603"], []])
        #expect(months.map(\.tone) == [.mixed, .poor, .good])
        #expect(insights.reporting(Self.nov)?.submitted == ["5601"])
        #expect(insights.districtsReportingLatestMonth == 3)
        #expect(insights.districtsReportingInPeriod == 3)
    }

    @Test("data quality per district: rows, whole files and missing months; unknown files apart")
    func quality() {
        let q = insights.quality
        #expect(q["5601"]?.rejectedRows == 1 && q["5601"]?.rejectedFiles == 0 && q["5601"]?.missingMonths == [])
        #expect(q["5602"]?.rejectedRows == 0 && q["5602"]?.rejectedFiles == 1 && q["5602"]?.missingMonths == [Self.nov])
        #expect(q["5603"]?.rejectedRows == 1 && q["5603"]?.missingMonths == [Self.oct, Self.nov])
        #expect(q[nil]?.rejectedRows == 1)
        // The file-to-district guess: the rows' only district, else the path's only district code.
        #expect(insights.district(ofFile: "shared/upload-5601.csv") == "5603")
        #expect(insights.district(ofFile: "5602/2564-11.csv") == "5602")
        #expect(insights.district(ofFile: "mystery.csv") == nil)
        let codes: Set<String> = ["5601", "5602"]
        #expect(ReportInsights.districtCode(ofFile: "5601_5602.csv", source: nil, districtCodes: codes) == nil)
        #expect(ReportInsights.districtCode(ofFile: "2565/5602-01.csv", source: nil, districtCodes: codes) == "5602")
    }
}
