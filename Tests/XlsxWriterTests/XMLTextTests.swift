import Foundation
import TestSupport
import Testing
@testable import XlsxWriter

/// `XMLText.safe`: every string handed to libxlsxwriter is valid XML 1.0, keeps what the user typed where Excel
/// can unescape it, and is cut visibly at Excel's cell limit.
@Suite struct XMLTextTests {
    /// The address of a string's UTF-8 storage: equal addresses mean no copy was made. Only for strings longer
    /// than 15 bytes, which live on the heap (shorter ones are stored inline and have no stable address).
    private func storage(_ text: String) -> UnsafeRawPointer? {
        text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    @Test(arguments: [
        "district_code,period,indicator_id,area,value,note with tab\tand line\nfeed",
        "บ้านสันป่าม่วง หมู่ ๕ สร้างเสร็จ ๓ หลัง",
        "emoji 😀 and snake_case_names and x_y and _X0041_ (capital X is not an escape)",
        String(repeating: "ก", count: 10_000),
    ])
    func cleanTextIsReturnedWithoutACopy(text: String) {
        for mode in [XMLText.Mode.escaped, .plain] {
            let result = XMLText.safe(text, mode, limit: XMLText.cellLimit)
            #expect(result == text)
            #expect(storage(result) == storage(text))
        }
    }

    @Test func everyForbiddenClassIsEscapedInEscapedMode() {
        for code in UInt32(0)..<0x20 where ![0x09, 0x0A, 0x0D].contains(code) {
            let text = "a" + String(Unicode.Scalar(code)!) + "b"
            #expect(XMLText.safe(text, .escaped) == "a_x" + String(format: "%04X", code) + "_b")
        }
        #expect(XMLText.safe("a\u{FFFE}b\u{FFFF}c", .escaped) == "a_xFFFE_b_xFFFF_c")
        #expect(XMLText.safe("a\tb\nc", .escaped) == "a\tb\nc")
        #expect(XMLText.safe("a\r\nb\rc", .escaped) == "a\nb\nc")
        // Other noncharacters are allowed by XML 1.0 and pass unchanged.
        let others = String(String.UnicodeScalarView([0xFDD0, 0x1FFFE, 0x10FFFF].map { Unicode.Scalar($0)! }))
        #expect(XMLText.safe(others, .escaped) == others)
    }

    @Test func aLiteralEscapeKeepsItsMeaning() {
        #expect(XMLText.safe("_x0041_", .escaped) == "_x005F_x0041_")
        #expect(XMLText.safe("code _x00e9_ and _x005F_", .escaped) == "code _x005F_x00e9_ and _x005F_x005F_")
        // Not the full pattern: nothing to protect.
        #expect(XMLText.safe("_x004_ _xGGGG_ _x0041", .escaped) == "_x004_ _xGGGG_ _x0041")
        // Plain text is never unescaped, so it stays as typed.
        #expect(XMLText.safe("_x0041_", .plain) == "_x0041_")
    }

    @Test func plainModeReplacesForbiddenCharacters() {
        #expect(XMLText.safe("t\u{0}i\u{1}t\u{FFFE}l\u{FFFF}e\r\n", .plain) == "t\u{FFFD}i\u{FFFD}t\u{FFFD}l\u{FFFD}e\n")
    }

    @Test func sheetNamesAndListItemsWithForbiddenCharactersAreRefused() throws {
        #expect(XMLText.hasForbiddenCharacters("Facts\u{FFFE}"))
        #expect(!XMLText.hasForbiddenCharacters("ข้อมูล_x0041_"))
        #expect(throws: XlsxError.self) { try Workbook.validateSheetName("Data\u{FFFF}") }
        #expect(throws: XlsxError.self) { try Worksheet.checkValidationList(["ok", "bad\u{FFFE}"]) }
    }

    @Test func theCutCountsEscapesAndSurrogatePairs() {
        let marker = "… [ตัด/cut: 40,000 → 32,767]"
        let emoji = XMLText.safe(String(repeating: "😀", count: 20_000), .escaped, limit: XMLText.cellLimit)
        #expect(emoji.hasSuffix(marker))
        #expect(emoji.utf16.count <= XMLText.cellLimit)
        #expect(emoji.utf16.count > XMLText.cellLimit - 2)
        // Each control is one character for Excel but seven code points for libxlsxwriter's length check.
        let controls = XMLText.safe(String(repeating: "\u{1}", count: 40_000), .escaped, limit: XMLText.cellLimit)
        #expect(controls.hasSuffix(marker))
        #expect(controls.unicodeScalars.count <= XMLText.cellLimit)
        #expect(controls.hasPrefix("_x0001__x0001_"))
        // At the limit exactly: nothing is cut.
        let exact = String(repeating: "a", count: XMLText.cellLimit)
        #expect(XMLText.safe(exact, .escaped, limit: XMLText.cellLimit) == exact)
        #expect(XMLText.grouped(1_234_567) == "1,234,567")
        #expect(XMLText.grouped(999) == "999")
    }

    /// One cell per class, in a normal sheet (shared strings) and a streaming one (inline strings), plus every
    /// other kind of text the module writes; openpyxl must open the file and the audit must find no error.
    @Test func workbookWithEveryClassOpensAndPassesTheAudit() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("hostile-text.xlsx")
        let book = try Workbook(path: url.path)
        try book.setProperties(DocumentProperties(title: "วาระ\u{1}\u{FFFE}", created: Date(timeIntervalSince1970: 0)))
        var samples: [(String, String)] = (UInt32(0)..<0x20).map {
            (String(format: "C0 %02X", $0), "a" + String(Unicode.Scalar($0)!) + "b")
        }
        samples += [("FFFE", "a\u{FFFE}b"), ("FFFF", "a\u{FFFF}b"), ("literal", "_x0041_"),
                    ("thai", "บ้านสันป่าม่วง หมู่ ๕"), ("emoji", "ไฟป่า 🔥"),
                    ("long", String(repeating: "ก่", count: 20_000)),
                    ("controls", String(repeating: "\u{1}", count: 5_000))]
        let shared = try book.addWorksheet(name: "Shared")
        let inline = try book.addWorksheet(name: "Inline", streaming: true)
        for (row, (label, text)) in samples.enumerated() {
            for sheet in [shared, inline] {
                try sheet.write(string: label, row: row, col: 0)
                try sheet.write(string: text, row: row, col: 1)
            }
        }
        try shared.writeComment(row: 0, col: 1, text: "note\u{1}\u{FFFF}", author: "อำเภอ\u{2}")
        try shared.setHeader("&Cหัว\u{1}\u{FFFF}")
        try shared.setFooter("&Cท้าย\u{1F}")
        try shared.dataValidation(firstRow: 0, firstCol: 3, lastRow: 5, lastCol: 3, rule: .decimal(.greaterThanOrEqual(0)),
                                  messages: ValidationMessages(inputTitle: "t\u{2}", inputMessage: "m\u{FFFE}",
                                                               errorTitle: "e\u{3}", errorMessage: "x\u{FFFF}"))
        let chart = book.addChart(.column)
        _ = try chart.addSeries(name: "s\u{1}",
                                categories: CellRange(sheet: "Shared", col: 0, firstRow: 0, lastRow: 3),
                                values: CellRange(sheet: "Shared", col: 2, firstRow: 0, lastRow: 3))
        // No `thai: true`: its charset="222" is a schema error of its own (see the field notes), not this test's.
        chart.setTitle("ชื่อ\u{FFFE}\u{1}", font: ChartFont(name: "TH Sarabun New"))
        chart.valueAxis.setName("แกน\u{FFFF}")
        try shared.insertChart(row: 10, col: 5, chart: chart)
        try book.close()

        let read = try XlsxReadBack.read(url)
        for name in ["Shared", "Inline"] {
            let cells = try #require(read.sheet[name]).cells
            func value(_ row: Int) -> JSONValue? { cells["B\(row + 1)"]?.value }
            // openpyxl 3.1 does not unescape `_xHHHH_` in cells (Excel does): it shows the escape itself.
            for code in 0..<0x20 where ![0x09, 0x0A, 0x0D].contains(code) {
                #expect(value(code) == .string("a_x" + String(format: "%04X", code) + "_b"), "C0 \(code) in \(name)")
            }
            #expect(value(0x09) == .string("a\tb"))
            #expect(value(0x0A) == .string("a\nb"))
            #expect(value(0x0D) == .string("a\nb"))
            #expect(value(0x20) == .string("a_xFFFE_b"))
            #expect(value(0x21) == .string("a_xFFFF_b"))
            // openpyxl drops `x005F_` in shared strings only; Excel reads "_x0041_" from both.
            #expect(value(0x22) == .string(name == "Shared" ? "_x0041_" : "_x005F_x0041_"))
            #expect(value(0x23) == .string("บ้านสันป่าม่วง หมู่ ๕"))
            #expect(value(0x24) == .string("ไฟป่า 🔥"))
            guard case .string(let long)? = value(0x25), case .string(let controls)? = value(0x26) else {
                Issue.record("long cells missing in \(name)")
                continue
            }
            #expect(long.hasSuffix("… [ตัด/cut: 40,000 → 32,767]") && long.utf16.count <= 32_767)
            #expect(controls.hasSuffix("… [ตัด/cut: 5,000 → 32,767]"))
        }
        let sheet = try #require(read.sheet["Shared"])
        #expect(sheet.comments["B1"]?.text == "note_x0001__xFFFF_")
        #expect(sheet.comments["B1"]?.author == "อำเภอ\u{FFFD}")
        #expect(sheet.print.headerCenter == "หัว\u{1}\u{FFFF}")  // openpyxl unescapes headers and footers
        #expect(sheet.print.footerCenter == "ท้าย\u{1F}")
        #expect(sheet.validations.first?.prompt == "m_xFFFE_")
        #expect(sheet.validations.first?.error == "x_xFFFF_")
        #expect(sheet.charts.first?.title == "ชื่อ\u{FFFD}\u{FFFD}")
        #expect(read.properties.title == "วาระ\u{FFFD}\u{FFFD}")

        let audit = try OpenXMLAudit.run(url)
        #expect(audit.status == 0 && audit.errorCount == 0, "\(audit.report)")
    }
}
