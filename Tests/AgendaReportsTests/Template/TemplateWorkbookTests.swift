import AgendaCore
@testable import AgendaReports
import Foundation
import TestSupport
import Testing

/// The xlsx template, written and read back with openpyxl. Reference: `SummaryReportFixture` (six submittable
/// indicators and one ratio), district 5601, FY2565, so the submission sheet has 1 + 12 × 6 = 73 rows.
@Suite("Template workbook", .serialized)
struct TemplateWorkbookTests {
    static let reference = SummaryReportFixture.reference
    static let template = SubmissionTemplate(reference: reference, districtCode: "5601", fiscalYear: 2565)

    /// Written once per test (openpyxl is the slow part, not the writer).
    private func written() throws -> (url: URL, book: TemplateWorkbookReadBack) {
        let url = try makeTemporaryFolder("template-tests").appendingPathComponent("template.xlsx")
        try TemplateWorkbook().write(Self.template, to: url)
        return (url, try TemplateWorkbookReadBack.read(url))
    }

    @Test("sheets submission, indicators, instructions; the submission sheet opens first; fixed created time")
    func sheetsAndProperties() throws {
        let book = try written().book
        #expect(book.sheets == ["submission", "indicators", "คำแนะนำ"])
        #expect(book.active == "submission")
        // 1 October 2564 BE, 00:00 in Bangkok = 30 September 2021, 17:00 UTC.
        #expect(book.created == "2021-09-30T17:00:00")
    }

    @Test("row 1 is exactly the submission header, bold in the Thai font; the rows are the CSV template's rows")
    func headerAndRows() throws {
        let sheet = try #require(try written().book.sheet["submission"])
        #expect(sheet.rows.first == SubmissionTemplate.header.map(TemplateCellValue.string))
        #expect(sheet.maxRow == 73)
        for column in ["A1", "B1", "C1", "D1", "E1", "F1"] {
            let cell = try #require(sheet.firstCells[column])
            #expect(cell.bold && cell.font == "TH Sarabun New" && cell.size == 15, "\(column)")
            #expect(cell.charset == 222, "\(column): Excel ignores a Thai font name without the Thai charset")
        }
        let expected = Self.template.rows.map { $0.fields.map(TemplateCellValue.string) }
        #expect(Array(sheet.rows.dropFirst()) == expected)
        #expect(sheet.rows[1] == ["5601", "2564-10", "NR01", "", "", "พื้นที่ป่าชุมชนที่มีการจัดการ (ไร่)"].map(TemplateCellValue.string))
        #expect(sheet.rows[72][1] == .string("2565-09"))
        #expect(!sheet.rows.contains { $0[2] == .string("LS03") }, "a ratio indicator is never submitted")
    }

    @Test("protected: header, district and period locked; indicator, area, value and note unlocked")
    func protection() throws {
        let sheet = try #require(try written().book.sheet["submission"])
        #expect(sheet.protected)
        #expect(sheet.firstCells["A1"]?.locked == true && sheet.firstCells["E1"]?.locked == true)
        #expect(sheet.lockedByColumn["A"] == [true])
        #expect(sheet.lockedByColumn["B"] == [true])
        #expect(sheet.lockedByColumn["C"] == [false])
        #expect(sheet.lockedByColumn["D"] == [false])
        #expect(sheet.lockedByColumn["E"] == [false])
        #expect(sheet.lockedByColumn["F"] == [false])
        // Allowed: widen columns and rows, filter. Not allowed: sort (locked cells), insert or delete rows.
        #expect(!sheet.forbids.formatColumns && !sheet.forbids.formatRows && !sheet.forbids.autoFilter)
        #expect(sheet.forbids.sort && sheet.forbids.insertRows && sheet.forbids.deleteRows)
        #expect(sheet.autofilter == "A1:F73")
    }

    @Test("indicator_id has a drop-down from the indicators sheet; value accepts decimals of 0 or more")
    func validations() throws {
        let sheet = try #require(try written().book.sheet["submission"])
        #expect(sheet.validations.count == 2)
        let list = try #require(sheet.validations.first { $0.sqref == "C2:C73" })
        #expect(list.type == "list")
        #expect(list.formula1 == "'indicators'!$A$2:$A$7")
        #expect(list.errorTitle == "รหัสตัวชี้วัดไม่ถูกต้อง")
        let value = try #require(sheet.validations.first { $0.sqref == "E2:E73" })
        #expect(value.type == "decimal")
        #expect(value.operator == "greaterThanOrEqual")
        #expect(value.formula1 == "0")
        #expect(value.allowBlank, "an empty value means not reported and must stay allowed")
        #expect(value.prompt?.contains("ตัวเลขไม่ติดลบ") == true && value.prompt?.contains("0 or more") == true)
        #expect(value.error?.contains("ตั้งแต่ 0 ขึ้นไป") == true && value.error?.contains("number of 0 or more") == true)
        #expect(value.errorTitle == "ค่าไม่ถูกต้อง / Invalid value")
    }

    @Test("value cells keep the General format, so Excel's CSV export writes plain digits")
    func valueFormat() throws {
        let sheet = try #require(try written().book.sheet["submission"])
        #expect(sheet.firstCells["E2"]?.numberFormat == "General")
        #expect(sheet.firstCells["A2"]?.numberFormat == "@")
        #expect(sheet.firstCells["E2"]?.font == "TH Sarabun New")
        #expect(sheet.firstCells["E2"]?.charset == 222 && sheet.firstCells["F2"]?.charset == 222)
    }

    @Test("header frozen, A4 landscape one page wide with the header repeated; columns fit the notes")
    func layoutAndPrint() throws {
        let sheet = try #require(try written().book.sheet["submission"])
        #expect(sheet.freeze == "A2")
        #expect(sheet.orientation == "landscape")
        #expect(sheet.paperSize == 9)
        #expect(sheet.fitToPage && sheet.fitToWidth == 1 && sheet.fitToHeight == 0)
        #expect(sheet.titleRows == "$1:$1")
        let longestNote = Self.template.rows.map { DisplayWidth.of($0.note) }.max() ?? 0
        #expect((sheet.widths["F"] ?? 0) >= Double(longestNote))
        #expect((sheet.widths["C"] ?? 0) >= Double("indicator_id".count))
        #expect(sheet.comments["E1"]?.contains(TemplateWorkbook.fillInstruction) == true)
    }

    @Test("the indicators sheet lists id, Thai name, unit, English name and aggregation, ratios left out")
    func indicatorsSheet() throws {
        let sheet = try #require(try written().book.sheet["indicators"])
        #expect(sheet.rows.count == 7)
        #expect(Array(sheet.rows[0].prefix(6)) == ["indicator_id", "ชื่อตัวชี้วัด", "หน่วย", "English name", "unit",
                                            "aggregation"].map(TemplateCellValue.string))
        #expect(sheet.rows.dropFirst().map { $0[0] } == ["NR01", "NR02", "LS01", "LS02", "CW01", "CW02"]
            .map(TemplateCellValue.string))
        #expect(Array(sheet.rows[2].prefix(6)) == ["NR02", "จุดความร้อน (ไฟป่า)", "จุด", "Forest fire hotspots", "hotspots",
                                            "sum"].map(TemplateCellValue.string))
        #expect(sheet.rows[5][5] == .string("last"))
        #expect(sheet.protected)
        #expect(!sheet.hidden)
    }

    @Test("the instructions sheet says, in Thai, to fill only value and save as CSV UTF-8")
    func instructionsSheet() throws {
        let sheet = try #require(try written().book.sheet["คำแนะนำ"])
        let text = sheet.rows.flatMap { $0 }.map(\.description).joined(separator: "\n")
        #expect(text.contains("กรอกเฉพาะคอลัมน์ value แล้วบันทึกเป็น CSV UTF-8"))
        #expect(text.contains("อำเภอเมืองพะเยา (5601) ปีงบประมาณ 2565"))
        #expect(sheet.orientation == "landscape" && sheet.paperSize == 9)
    }

    @Test("the same template gives the same bytes")
    func deterministic() throws {
        let folder = try makeTemporaryFolder("template-tests")
        let a = folder.appendingPathComponent("a.xlsx"), b = folder.appendingPathComponent("b.xlsx")
        try TemplateWorkbook().write(Self.template, to: a)
        try TemplateWorkbook().write(Self.template, to: b)
        #expect(try Data(contentsOf: a) == Data(contentsOf: b))
    }

    @Test("the instructions and validation messages fit Excel's limits")
    func messagesFitExcel() {
        for line in TemplateWorkbook.instructions(Self.template) {
            #expect(line.utf16.count < 32_767)
        }
        #expect(TemplateWorkbook.indicatorIDRange(count: 6).formula == "='indicators'!$A$2:$A$7")
    }
}
