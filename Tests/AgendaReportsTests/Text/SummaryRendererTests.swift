import AgendaCore
import Foundation
import Testing
@testable import AgendaReports

@Suite struct SummaryRendererTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/summary")
    static let workbookPath = "Reports/FY2565-Q2/phayao-agenda-FY2565-Q2.xlsx"

    /// Compares with the golden file; on a mismatch writes the actual text beside it as `.actual` for review.
    func expectGolden(_ text: String, _ name: String) throws {
        let golden = Self.fixtures.appendingPathComponent(name)
        let actual = golden.appendingPathExtension("actual")
        let expected = try? String(contentsOf: golden, encoding: .utf8)
        if expected == text {
            try? FileManager.default.removeItem(at: actual)
        } else {
            try text.write(to: actual, atomically: true, encoding: .utf8)
            Issue.record("\(name) differs from its golden file; actual output written to \(actual.path)")
        }
    }

    @Test(arguments: Language.allCases)
    func smallReportMatchesGolden(language: Language) throws {
        let text = SummaryRenderer(language: language).render(SummaryReportFixture.report, workbookPath: Self.workbookPath)
        try expectGolden(text, "small-report.\(language.rawValue).txt")
    }

    @Test(arguments: Language.allCases)
    func plainShortAndEndsWithTheWorkbook(language: Language) {
        let text = SummaryRenderer(language: language).render(SummaryReportFixture.report, workbookPath: Self.workbookPath)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= 60)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B })
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(text.hasSuffix(Self.workbookPath + "\n"))
        for line in lines { #expect(!line.hasSuffix(" ")) }
    }

    /// The headline rows' value column ends at the same display column, whatever Thai marks precede it.
    @Test(arguments: Language.allCases)
    func valueColumnAlignsByDisplayWidth(language: Language) throws {
        let text = SummaryRenderer(language: language).render(SummaryReportFixture.report, workbookPath: Self.workbookPath)
        let lines = text.split(separator: "\n").map(String.init)
        let reference = SummaryReportFixture.reference
        var ends: [Int] = []
        for (id, value) in [("NR01", "12,500"), ("NR02", "42"), ("LS03", "62.5"), ("CW01", "–")] {
            let name = try #require(reference.indicator(id)).name(language)
            let line = try #require(lines.first { $0.hasPrefix("   " + name) })
            let afterName = line.dropFirst(3 + name.count)
            let range = try #require(afterName.range(of: value))
            ends.append(DisplayWidth.of(String(line[..<range.upperBound])))
        }
        #expect(Set(ends).count == 1, "value column ends at \(ends)")
    }

    @Test func blanksShowAsADashNeverZero() throws {
        let text = SummaryRenderer(language: .th).render(SummaryReportFixture.report, workbookPath: "x.xlsx")
        let members = try #require(text.split(separator: "\n").first { $0.contains("สมาชิกกองทุนสวัสดิการชุมชน") })
        let cells = members.split(separator: " ").dropFirst()
        #expect(cells.contains("–"))
        #expect(!cells.contains("0"))
        // The grant rate has no target: its target and achievement are blanks.
        let rate = try #require(text.split(separator: "\n").first { $0.contains("อัตราการอนุมัติสถานะ") })
        #expect(rate.contains("–"))
    }

    @Test func rejectionsAreAttributedToDistricts() {
        let report = SummaryReportFixture.report
        let codes = Set(report.reference.districts.map(\.code))
        #expect(ReportInsights.districtCode(ofFile: "5601/2565-02.csv", source: nil, districtCodes: codes) == "5601")
        #expect(ReportInsights.districtCode(ofFile: "5602_2565-03.csv", source: nil, districtCodes: codes) == "5602")
        #expect(ReportInsights.districtCode(ofFile: "mystery.csv", source: nil, districtCodes: codes) == nil)
        let quality = report.insights.quality
        #expect(quality["5601"]?.rejectedRows == 2)
        #expect(quality["5602"]?.rejectedFiles == 1)
        #expect(quality[nil]?.rejectedRows == 1)
        #expect(quality["5606"]?.missingMonths.count == 2)
        #expect(quality["5603"]?.anomalies == 1, "anomalies are tallied with the rest, in the core")
    }

    /// A report with no facts, windows, completeness or districts still renders, with blanks and no crash.
    @Test(arguments: Language.allCases)
    func emptyReportRenders(language: Language) {
        let base = SummaryReportFixture.report
        let empty = Report(scope: base.scope, options: base.options, reference: base.reference,
                           imported: ImportResult(sources: [], accepted: [], superseded: [], rejections: []),
                           windows: [], facts: [], completeness: [], anomalies: [], asOf: base.asOf)
        let text = SummaryRenderer(language: language).render(empty, workbookPath: "w.xlsx")
        #expect(text.contains("–"))
        #expect(text.split(separator: "\n").count <= 60)
    }
}
