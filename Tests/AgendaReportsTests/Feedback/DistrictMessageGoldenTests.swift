import AgendaCore
import Foundation
import TestSupport
import Testing
@testable import AgendaReports

/// The message a coordinator pastes to a district clerk, on the sample inputs, against golden files read as a clerk
/// would: 5605 (Dok Khamtai: two duplicated rows and a value to confirm) and 5606 (Pong: nothing to fix).
@Suite("District feedback messages")
struct DistrictMessageGoldenTests {
    static let packs: (Report, [DistrictFeedback])? = SampleSummaryGoldenTests.sample.map { report in
        let attribution = DistrictAttribution(imported: report.imported, districtCodes: report.reference.districts.map(\.code))
        return (report, DistrictFeedback.build(report, attribution: attribution))
    }

    @Test("golden messages: a district with problems and one without, in Thai and English",
          arguments: [("5605", Language.th), ("5605", .en), ("5606", .th), ("5606", .en)])
    func golden(district: String, language: Language) throws {
        let (report, packs) = try #require(Self.packs, "the sample inputs could not be imported")
        let feedback = try #require(packs.first { $0.districtCode == district })
        let path = "FY2565/districts/\(district)/phayao-agenda-FY2565-\(district).xlsx"
        let text = DistrictMessageRenderer(language: language).render(feedback, report: report, workbookPath: path)
        try SummaryRendererTests().expectGolden(text, "district-\(district).\(language.rawValue).txt")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= DistrictMessageRenderer.lineLimit)
        if !feedback.hasSomethingToFix { #expect(lines.count == 2, "a two-line thank-you") }
        // Plain text for a chat app: no box-drawing or tab-aligned columns.
        #expect(!text.unicodeScalars.contains { (0x2500...0x257F).contains($0.value) || $0 == "\t" })
    }

    @Test("every rejected row is in exactly one district's feedback or in the unattributed list")
    func nothingLost() throws {
        let (report, packs) = try #require(Self.packs)
        let attribution = DistrictAttribution(imported: report.imported, districtCodes: report.reference.districts.map(\.code))
        let unattributed = Set(attribution.unattributed)
        let inPacks = packs.flatMap(\.rejections)
        let listed = report.imported.rejections.filter { unattributed.contains($0.file) }
        #expect(inPacks.count + listed.count == report.imported.rejections.count)
        #expect(Set(inPacks + listed) == Set(report.imported.rejections))
        #expect(packs.map(\.districtCode) == report.reference.districts.map(\.code))
    }
}
