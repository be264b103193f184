import Foundation
import TestSupport
import Testing
@testable import XlsxWriter

/// Thai chart fonts: libxlsxwriter 1.1.4 writes `charset="222"`, a schema error in DrawingML (a signed byte);
/// the patch writes what Office writes, `-34`, and names the font for complex script too.
@Suite struct ChartFontPatchTests {
    @Test func thaiLatinFontBecomesSignedAndGainsAComplexScriptFont() throws {
        let xml = Array(#"<a:defRPr sz="1200"><a:latin typeface="TH Sarabun New" pitchFamily="34" charset="222"/></a:defRPr><a:rPr><a:latin typeface="Calibri"/></a:rPr>"#.utf8)
        let patched = try #require(ChartFontPatch.patch(xml))
        #expect(String(decoding: patched, as: UTF8.self) == #"<a:defRPr sz="1200"><a:latin typeface="TH Sarabun New" pitchFamily="34" charset="-34"/><a:cs typeface="TH Sarabun New" pitchFamily="34" charset="-34"/></a:defRPr><a:rPr><a:latin typeface="Calibri"/></a:rPr>"#)
    }

    @Test func chartsWithoutThaiFontsAreLeftAlone() {
        #expect(ChartFontPatch.patch(Array(#"<c:chart><a:latin typeface="Calibri" charset="0"/></c:chart>"#.utf8)) == nil)
    }

    @Test("a workbook with a Thai chart: 0 openxml-audit errors, the chart font is TH Sarabun New for Latin and complex script")
    func workbookWithAThaiChartIsSchemaValid() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chartfont-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("chart.xlsx")
        let book = try Workbook(path: url.path)
        try book.setProperties(DocumentProperties(created: Date(timeIntervalSince1970: 1_640_995_200)))
        let sheet = try book.addWorksheet(name: "ข้อมูล")
        for (row, (name, value)) in [("เมืองพะเยา", 12.0), ("จุน", 7.0), ("เชียงคำ", 9.0)].enumerated() {
            try sheet.write(string: name, row: row, col: 0)
            try sheet.write(number: value, row: row, col: 1)
        }
        let chart = book.addChart(.bar)
        let thai = ChartFont(name: "TH Sarabun New", size: 14, thai: true)
        _ = try chart.addSeries(name: "จุดความร้อน", categories: CellRange(sheet: "ข้อมูล", col: 0, firstRow: 0, lastRow: 2),
                                values: CellRange(sheet: "ข้อมูล", col: 1, firstRow: 0, lastRow: 2))
        chart.setTitle("จุดความร้อนรายอำเภอ", font: thai)
        try sheet.insertChart(row: 5, col: 0, chart: chart)
        try book.close()

        let audit = try OpenXMLAudit.run(url)
        #expect(audit.errorCount == 0, "\(audit.report)")
        let chartXML = try unzipEntry("xl/charts/chart1.xml", of: url)
        #expect(chartXML.contains(#"<a:cs typeface="TH Sarabun New""#))
        #expect(!chartXML.contains(#"charset="222""#))
    }

    private func unzipEntry(_ name: String, of url: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())", url.path, name]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
