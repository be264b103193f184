import Foundation
import Testing
@testable import XlsxWriter

/// Limits checked in Swift before C: bad input throws a clear `XlsxError` and the process survives.
@Suite struct LimitsTests {
    private func withBook(_ body: (Workbook, URL) throws -> Void) throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("limits.xlsx")
        try body(try Workbook(path: url.path), url)
    }

    @Test func thaiListOver255BytesThrowsInsteadOfAborting() throws {
        try withBook { book, url in
            let sheet = try book.addWorksheet(name: "Form")
            // 30 Thai items of 3 letters = 9 bytes each: 299 bytes with commas, but only 119 characters.
            let items = (0..<30).map { _ in "กขค" }
            #expect(items.joined(separator: ",").count < 255)
            let error = #expect(throws: XlsxError.self) {
                try sheet.dataValidation(firstRow: 0, firstCol: 0, lastRow: 9, lastCol: 0, rule: .list(items))
            }
            #expect(error?.kind == .limitExceeded)
            #expect(error?.context == "adding data validation to range A1:A10 of sheet 'Form'")
            try sheet.write(string: "still alive", row: 0, col: 1)
            try book.close()
            #expect(FileManager.default.fileExists(atPath: url.path))
        }
    }

    @Test func listAtExactly255BytesIsAccepted() throws {
        try withBook { book, _ in
            let sheet = try book.addWorksheet(name: "Form")
            let padded = Array(repeating: "ก", count: 63) + ["abc"]  // 63 × 3 bytes + 63 commas + 3 = 255 bytes
            #expect(padded.joined(separator: ",").utf8.count == 255)
            try sheet.dataValidation(firstRow: 0, firstCol: 0, lastRow: 0, lastCol: 0, rule: .list(padded))
            var tooLong = padded
            tooLong[tooLong.count - 1] = "abcd"
            #expect(throws: XlsxError.self) {
                try sheet.dataValidation(firstRow: 0, firstCol: 1, lastRow: 0, lastCol: 1, rule: .list(tooLong))
            }
            try book.close()
        }
    }

    @Test func sheetNamesFollowExcelRules() throws {
        try withBook { book, _ in
            for bad in ["", "a/b", "x[1]", "what?", "a:b", "star*", "back\\slash", "'quoted", "trailing'"] {
                let error = #expect(throws: XlsxError.self) { _ = try book.addWorksheet(name: bad) }
                #expect(error?.kind == .invalidSheetName, "\(bad)")
            }
            #expect(throws: XlsxError.self) { _ = try book.addWorksheet(name: String(repeating: "a", count: 32)) }
            _ = try book.addWorksheet(name: String(repeating: "ก", count: 31))
            _ = try book.addWorksheet(name: String(repeating: "a", count: 31))
            _ = try book.addWorksheet(name: "Facts")
            let duplicate = #expect(throws: XlsxError.self) { _ = try book.addWorksheet(name: "FACTS") }
            #expect(duplicate?.message.contains("already exists") == true)
            _ = try book.addWorksheet(name: "It's fine")
            try book.close()
        }
    }

    @Test func cellsOutsideTheGridThrowWithContext() throws {
        try withBook { book, _ in
            let sheet = try book.addWorksheet(name: "Facts")
            let error = #expect(throws: XlsxError.self) {
                try sheet.write(number: 1, row: CellReference.maxRows, col: 0)
            }
            #expect(error?.kind == .cellOutOfRange)
            #expect(throws: XlsxError.self) { try sheet.write(string: "x", row: 0, col: 16_384) }
            #expect(throws: XlsxError.self) { try sheet.write(string: "x", row: -1, col: 0) }
            #expect(throws: XlsxError.self) { try sheet.write(number: .nan, row: 0, col: 0) }
            #expect(throws: XlsxError.self) {
                try sheet.mergeRange(firstRow: 2, firstCol: 0, lastRow: 1, lastCol: 0, text: "reversed")
            }
            try sheet.write(number: 1, row: CellReference.maxRows - 1, col: CellReference.maxColumns - 1)
            try book.close()
        }
    }

    @Test func libraryErrorsCarryCodeMessageAndContext() throws {
        try withBook { book, _ in
            let sheet = try book.addWorksheet(name: "Facts")
            let error = #expect(throws: XlsxError.self) {
                try sheet.setFooter(String(repeating: "x", count: 300))
            }
            #expect(error?.code != nil)
            #expect(error?.message.isEmpty == false)
            #expect(error?.context == "setting page footer of sheet 'Facts'")
        }
    }

    @Test func writingAfterCloseThrows() throws {
        try withBook { book, _ in
            let sheet = try book.addWorksheet(name: "Facts")
            try book.close()
            #expect(book.isClosed)
            let error = #expect(throws: XlsxError.self) { try sheet.write(string: "late", row: 0, col: 0) }
            #expect(error?.kind == .workbookClosed)
            #expect(throws: XlsxError.self) { try book.close() }
            #expect(throws: XlsxError.self) { _ = try book.addWorksheet(name: "More") }
        }
    }

    @Test func abandonedWorkbookWritesNoFile() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("never.xlsx")
        do {
            let book = try Workbook(path: url.path, options: .init(constantMemory: true, tmpdir: folder.path))
            let sheet = try book.addWorksheet(name: "Facts")
            for row in 0..<100 { try sheet.write(number: Double(row), row: row, col: 0) }
        }
        #expect(!FileManager.default.fileExists(atPath: url.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func cellTextIsEscapedAndCappedWithAMarker() {
        #expect(Worksheet.cellText("a\u{0}b\u{1F}c\r\nd\te") == "a_x0000_b_x001F_c\nd\te")
        let long = String(repeating: "ก่", count: 20_000)  // 2 UTF-16 units per Character
        let capped = Worksheet.cellText(long)
        #expect(capped.utf16.count <= 32_767)
        #expect(capped.hasSuffix("… [ตัด/cut: 40,000 → 32,767]"))
        #expect(capped.hasPrefix("ก่ก่"))
        // Whole Characters only: the text before the marker is still pairs of consonant and tone mark.
        let body = capped.dropLast("… [ตัด/cut: 40,000 → 32,767]".count)
        #expect(body.allSatisfy { $0 == "ก่" })
    }
}
