import TestSupport
import AgendaCore
import AgendaJobs
import Foundation
import Testing

/// The promise of the template: filled in and sent back, it validates clean, and every typed value arrives.
@Suite("Submission template round trip")
struct TemplateRoundTripTests {
    static let repositoryReference = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Inputs/reference")

    /// Writes the filled template, imports it and checks: no rejections, every typed value accepted under its
    /// key, every empty value counted blank.
    private func expectFilledTemplateValidatesClean(_ reference: ReferenceData, district: String, year: Int) throws {
        let template = SubmissionTemplate(reference: reference, districtCode: district, fiscalYear: year)
        let (filled, values) = TemplateFilling.fill(template.csvData())
        let folder = try TemplateFixture.scratchFolder("template-roundtrip")
        let url = folder.appendingPathComponent("\(district)-FY\(year).csv")
        try filled.write(to: url)

        let result = SubmissionImporter(reference: reference)
            .importFiles([SubmissionFile.onDisk(url: url, displayPath: url.lastPathComponent)])
        #expect(result.rejections.isEmpty, "\(result.rejections.prefix(3))")
        let source = try #require(result.sources.first)
        #expect(source.encoding == .utf8WithBOM)
        #expect(source.rowsRead == template.rows.count)
        #expect(source.blank == values.filter { $0 == nil }.count)
        #expect(source.accepted == values.compactMap { $0 }.count)

        let accepted = Dictionary(uniqueKeysWithValues: result.accepted.map { ($0.key, $0) })
        for (row, value) in zip(template.rows, values) {
            let key = ValueKey(districtCode: district, month: row.month, indicatorID: row.indicator.id, area: "")
            #expect(accepted[key]?.value == value, "\(key)")
            if value != nil { #expect(accepted[key]?.note == row.note) }
        }
    }

    @Test("the fixture's template (a quoted note, a ratio left out) filled in validates clean")
    func fixtureTemplate() throws {
        try expectFilledTemplateValidatesClean(TemplateFixture.reference, district: "5602", year: 2565)
    }

    @Test("every district's template from the real reference tables, filled in, validates clean",
          arguments: ["5601", "5602", "5603", "5604", "5605", "5606", "5607", "5608", "5609"])
    func realReference(district: String) throws {
        let reference = try ReferenceFolder.load(Self.repositoryReference)
        try expectFilledTemplateValidatesClean(reference, district: district, year: 2565)
    }

    @Test("an unfilled template is all blanks: nothing rejected, nothing accepted")
    func emptyTemplate() throws {
        let reference = TemplateFixture.reference
        let template = SubmissionTemplate(reference: reference, districtCode: "5601", fiscalYear: 2566)
        let url = try TemplateFixture.scratchFolder("template-empty").appendingPathComponent("t.csv")
        try template.csvData().write(to: url)
        let result = SubmissionImporter(reference: reference)
            .importFiles([SubmissionFile.onDisk(url: url, displayPath: "t.csv")])
        #expect(result.rejections.isEmpty)
        #expect(result.accepted.isEmpty)
        #expect(result.sources.first?.blank == template.rows.count)
    }
}
