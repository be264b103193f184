import Foundation
import Testing
@testable import XlsxWriter

/// A horizontal bar chart lists its first category at the bottom unless its category axis is reversed; the
/// report reverses it so districts read top-down in table order, and keeps the value axis at the bottom.
@Suite struct ChartAxisTests {
    /// The `<c:catAx>` and `<c:valAx>` elements of the workbook's first chart, as written.
    static func axisXML(_ url: URL) throws -> (category: String, value: String) {
        let script = """
            import re, sys, zipfile
            xml = zipfile.ZipFile(sys.argv[1]).read('xl/charts/chart1.xml').decode()
            cat = re.search(r'<c:catAx>.*?</c:catAx>', xml, re.S).group(0)
            val = re.search(r'<c:valAx>.*?</c:valAx>', xml, re.S).group(0)
            print(cat); print('----'); print(val)
            """
        let text = String(decoding: try runTool("python3", ["-c", script, url.path]), as: UTF8.self)
        let parts = text.components(separatedBy: "----")
        return (parts[0], parts.count > 1 ? parts[1] : "")
    }

    static func writeBar(to url: URL, reversed: Bool) throws {
        let book = try Workbook(path: url.path)
        let sheet = try book.addWorksheet(name: "Data")
        for (row, name) in ["เมืองพะเยา", "จุน", "เชียงคำ"].enumerated() {
            try sheet.write(string: name, row: row, col: 0)
            try sheet.write(number: Double(row + 1), row: row, col: 1)
        }
        let bar = book.addChart(.bar)
        _ = try bar.addSeries(name: "ผลงาน", categories: CellRange(sheet: "Data", col: 0, firstRow: 0, lastRow: 2),
                              values: CellRange(sheet: "Data", col: 1, firstRow: 0, lastRow: 2))
        if reversed {
            bar.categoryAxis.setReverse()
            bar.categoryAxis.setCrossingAtMax()
        }
        try sheet.insertChart(row: 4, col: 0, chart: bar)
        try book.close()
    }

    @Test func reversedCategoryAxisListsFirstCategoryOnTopWithValueAxisAtBottom() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = folder.appendingPathComponent("plain.xlsx")
        let reversed = folder.appendingPathComponent("reversed.xlsx")
        try Self.writeBar(to: plain, reversed: false)
        try Self.writeBar(to: reversed, reversed: true)

        let before = try Self.axisXML(plain)
        #expect(before.category.contains(#"<c:orientation val="minMax"/>"#))

        let after = try Self.axisXML(reversed)
        #expect(after.category.contains(#"<c:orientation val="maxMin"/>"#))
        #expect(!after.category.contains(#"<c:orientation val="minMax"/>"#))
        // The value axis crosses the category axis at its maximum, i.e. at the bottom once reversed.
        #expect(after.value.contains(#"<c:crosses val="max"/>"#))
    }
}
