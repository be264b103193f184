import AgendaCore
@testable import AgendaReports
import Foundation
import TestSupport
import Testing

/// Printed data sheets were unreadable when columns came out narrower than their headers and ids: every column
/// must be at least as wide as its header (with the filter button), and the header row tall enough for the font.
@Suite struct DataSheetWidthTests {
    /// Column widths (by letter) and the header row's height of each data sheet, as openpyxl reads them.
    struct SheetLayout: Decodable {
        let widths: [String: Double]
        let headerHeight: Double?
        let headers: [String]
    }

    static func layouts(_ url: URL) throws -> [String: SheetLayout] {
        let script = """
            import json, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            out = {}
            for name in ["Facts", "Rejected", "Superseded", "Data", "Sources"]:
                ws = book[name]
                out[name] = {
                    "widths": {k: v.width for k, v in ws.column_dimensions.items() if v.width},
                    "headerHeight": ws.row_dimensions[1].height,
                    "headers": [c.value for c in ws[1] if c.value is not None],
                }
            print(json.dumps(out))
            """
        let data = try Python.run(["-c", script, url.path])
        return try JSONDecoder().decode([String: SheetLayout].self, from: data)
    }

    static func letter(_ col: Int) -> String {
        var n = col + 1, s = ""
        while n > 0 { s = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + s; n = (n - 1) / 26 }
        return s
    }

    @Test func everyDataColumnIsAtLeastAsWideAsItsHeaderAndTheHeaderRowFitsTheFont() throws {
        let folder = try makeTemporaryFolder("datawidths")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("book.xlsx")
        let options = WorkbookOptions()
        _ = try WorkbookRenderer(options: options).write(DataSheetsFixture.report, to: url,
                                                         overflowFileName: "book-data.csv")
        let layouts = try Self.layouts(url)
        let expected = ["Facts": FactsSheet.headers, "Rejected": RejectedSheet.headers]
        for (name, layout) in layouts.sorted(by: { $0.key < $1.key }) {
            if let headers = expected[name] { #expect(layout.headers == headers, "\(name) headers unchanged") }
            #expect(!layout.headers.isEmpty, "\(name)")
            for (col, header) in layout.headers.enumerated() {
                let needed = DataSheetLayout.headerWidth(header, bodySize: options.bodySize)
                let width = try #require(layout.widths[Self.letter(col)], "\(name) column \(header) has a width")
                // openpyxl reads back the width libxlsxwriter stored (plus Excel's padding rounding).
                #expect(width + 0.01 >= needed, "\(name).\(header): \(width) < \(needed)")
            }
            #expect((layout.headerHeight ?? 15) >= options.bodySize * 1.3, "\(name) header row height")
        }
        // At 15 pt, bold "achievement_pct" with its filter button: the old estimate (20 units, one unit per
        // character) wrapped it into a 15 pt row and cut it; measured in TH Sarabun ems it needs about 29.
        #expect(DataSheetLayout.headerWidth("achievement_pct", bodySize: 15) > 25)
    }
}
