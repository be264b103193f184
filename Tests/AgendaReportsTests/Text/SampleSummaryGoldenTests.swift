import AgendaJobs
import TestSupport
import AgendaCore
import Foundation
import Testing
@testable import AgendaReports

/// The governor's summary of the committed sample inputs (FY2565, nine districts), in Thai and English, compared
/// with golden files reviewed by eye. A change in any rule that moves a number on the page shows up here.
@Suite("Sample report summary")
struct SampleSummaryGoldenTests {
    /// The sample inputs copied aside with their "sent" dates restored by the generator (git keeps no mtimes),
    /// imported once for both languages.
    static let sample: Report? = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sample-summary-\(UUID().uuidString)")
        do {
            let inputs = try SampleInputs.copy(into: root)
            let asOf = BangkokCalendar.parseDay("2565-10-10")!
            let job = ReportJob(configuration: ReportJobConfiguration(
                inputs: inputs, output: root.appendingPathComponent("Reports"), asOf: asOf, showProgress: false))
            let loaded = try job.loadInputs()
            return ReportBuilder.build(scope: .year(2565), options: ReportOptions(), reference: loaded.reference,
                                       imported: loaded.imported, asOf: loaded.asOf)
        } catch {
            return nil
        }
    }()

    @Test("the sample FY2565 summary matches its golden file", arguments: Language.allCases)
    func sampleSummary(language: Language) throws {
        let report = try #require(Self.sample, "the sample inputs could not be imported")
        let text = SummaryRenderer(language: language).render(report, workbookPath: "phayao-agenda-FY2565.xlsx")
        try SummaryRendererTests().expectGolden(text, "sample-FY2565.\(language.rawValue).txt")
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count <= SummaryRenderer.lineBudget + 1)
    }

    @Test("no indicator name in the sample summary is cut: short names where space is tight", arguments: Language.allCases)
    func namesAreWhole(language: Language) throws {
        let report = try #require(Self.sample)
        let text = SummaryRenderer(language: language).render(report, workbookPath: "phayao-agenda-FY2565.xlsx")
        let lines = text.split(separator: "\n").map(String.init)
        // No name anywhere is cut: the headline table, the data-quality table and the anomaly list. (A district's
        // list of missing months may end in "…" after three months; the sample has one missing month.)
        for line in lines { #expect(!line.contains("…"), "\(line)") }
        for workstream in report.reference.workstreams {
            for indicator in report.insights.headlines(workstream.id) {
                #expect(indicator.shortName(language).displayWidth <= SummaryRenderer.nameWidth, "\(indicator.id)")
                #expect(lines.contains { $0.hasPrefix("   " + indicator.shortName(language) + " ") }, "\(indicator.id)")
            }
        }
    }

    @Test("the sample import's accounting matches the documented flaws")
    func sampleAccounting() throws {
        let report = try #require(Self.sample)
        let imported = report.imported
        // Inputs/submissions/README.md: 135 files, 7,316 rows, 8 bad rows, 4 superseded by the resubmission,
        // 51 empty values.
        #expect(imported.sources.count == 135)
        #expect(imported.sources.reduce(0) { $0 + $1.rowsRead } == 7_316)
        #expect(imported.rejections.count == 8)
        #expect(imported.superseded.count == 4)
        #expect(imported.sources.reduce(0) { $0 + $1.blank } == 51)
        #expect(imported.accepted.count == 7_316 - 8 - 4 - 51)
        #expect(imported.superseded.allSatisfy { imported.sources[$0.replacedBy.sourceIndex].path.hasSuffix("2565-03_resubmit.csv") })
    }
}
