import Foundation
import Testing
@testable import XlsxWriter

/// Streaming (constant-memory) sheets: chosen per sheet, read back like any other, and out-of-order writes throw
/// instead of being silently lost.
@Suite struct StreamingSheetTests {
    @Test func streamingAndNormalSheetsInOneWorkbookReadBack() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("streaming.xlsx")
        let book = try Workbook(path: url.path)
        let normal = try book.addWorksheet(name: "Normal")
        let data = try book.addWorksheet(name: "Data", streaming: true)
        #expect(!normal.isStreaming && data.isStreaming)
        // A normal sheet may be written in any order…
        try normal.write(string: "second", row: 1, col: 0)
        try normal.write(string: "first", row: 0, col: 0)
        // …a streaming one row by row.
        try data.write(string: "อำเภอ", row: 0, col: 0)
        try data.write(string: "value", row: 0, col: 1)
        for row in 1...3 {
            try data.write(string: "56\(row)", row: row, col: 0)
            try data.write(number: Double(row) * 1.5, row: row, col: 1)
        }
        try data.write(string: "=HYPERLINK(\"http://x\",\"y\")", row: 4, col: 0)
        try book.close()

        let back = try XlsxReadBack.read(url)
        #expect(back.sheets == ["Normal", "Data"])
        #expect(back.sheet["Normal"]?.cells["A1"]?.value == .string("first"))
        #expect(back.sheet["Normal"]?.cells["A2"]?.value == .string("second"))
        let sheet = try #require(back.sheet["Data"])
        #expect(sheet.cells["A1"]?.value == .string("อำเภอ"))
        #expect(sheet.cells["A4"]?.value == .string("563"))
        #expect(sheet.cells["B4"]?.value == .number(4.5))
        #expect(sheet.cells["A5"]?.value == .string("=HYPERLINK(\"http://x\",\"y\")"))
        #expect(sheet.cells["A5"]?.type == "s")
    }

    @Test func writingAnEarlierRowOfAStreamingSheetThrows() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = try Workbook(path: folder.appendingPathComponent("order.xlsx").path)
        let data = try book.addWorksheet(name: "Data", streaming: true)
        try data.write(number: 1, row: 5, col: 0)
        try data.write(number: 2, row: 5, col: 1)
        #expect(throws: XlsxError.self) { try data.write(number: 3, row: 4, col: 0) }
        try book.close()
    }
}
