import AgendaCore
import AgendaReports
import AgendaJobs
import Foundation
import TestSupport
import Testing

/// The xlsx template filled in (openpyxl stands in for the clerk's Excel), saved as CSV UTF-8 and imported.
@Suite("Template workbook round trip", .serialized)
struct TemplateWorkbookRoundTripTests {
    static let repositoryReference = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Inputs/reference")

    private func expectRoundTrip(_ reference: ReferenceData, district: String) throws {
        let template = SubmissionTemplate(reference: reference, districtCode: district, fiscalYear: 2565)
        let folder = try makeTemporaryFolder("template-tests")
        let book = folder.appendingPathComponent("template.xlsx")
        let csv = folder.appendingPathComponent("filled.csv")
        try TemplateWorkbook().write(template, to: book)
        let typed = try TemplateScript.fill(book, savingCSVTo: csv)
        #expect(typed.count == template.rows.count)
        #expect(try Array(Data(contentsOf: csv).prefix(3)) == [0xEF, 0xBB, 0xBF])

        let result = SubmissionImporter(reference: reference)
            .importFiles([SubmissionFile.onDisk(url: csv, displayPath: "filled.csv")])
        #expect(result.rejections.isEmpty, "\(result.rejections.prefix(3))")
        #expect(result.sources.first?.rowsRead == template.rows.count)
        #expect(result.sources.first?.blank == typed.filter { $0 == nil }.count)
        let accepted = Dictionary(uniqueKeysWithValues: result.accepted.map { ($0.key, $0.value) })
        #expect(accepted.count == typed.compactMap { $0 }.count)
        for (row, value) in zip(template.rows, typed) {
            let key = ValueKey(districtCode: district, month: row.month, indicatorID: row.indicator.id, area: "")
            #expect(accepted[key] == value, "\(key)")
        }
    }

    @Test("a filled xlsx template saved as CSV validates clean (small reference)")
    func smallReference() throws {
        try expectRoundTrip(SummaryReportFixture.reference, district: "5603")
    }

    @Test("a filled xlsx template saved as CSV validates clean (the real reference, 18 indicators)")
    func realReference() throws {
        let reference = try ReferenceFolder.load(Self.repositoryReference)
        try expectRoundTrip(reference, district: "5601")
        // The ids alone, joined with commas, pass libxlsxwriter's 255-byte inline-list limit: hence the range.
        let ids = reference.indicators.filter(\.isSubmittable).map(\.id).joined(separator: ",")
        #expect(ids.utf8.count > 255)
    }

    @Test("the real reference's drop-down range covers exactly the submittable indicators")
    func realReferenceDropDown() throws {
        let reference = try ReferenceFolder.load(Self.repositoryReference)
        let template = SubmissionTemplate(reference: reference, districtCode: "5609", fiscalYear: 2565)
        let url = try makeTemporaryFolder("template-tests").appendingPathComponent("t.xlsx")
        try TemplateWorkbook().write(template, to: url)
        let book = try TemplateWorkbookReadBack.read(url)
        let submittable = reference.indicators.filter(\.isSubmittable)
        let list = try #require(book.sheet["submission"]?.validations.first { $0.type == "list" })
        #expect(list.formula1 == "'indicators'!$A$2:$A$\(submittable.count + 1)")
        let ids = book.sheet["indicators"]?.rows.dropFirst().map { $0[0] }
        #expect(ids == submittable.map { TemplateCellValue.string($0.id) })
        #expect(book.sheet["submission"]?.maxRow == 1 + 12 * submittable.count)
    }
}
