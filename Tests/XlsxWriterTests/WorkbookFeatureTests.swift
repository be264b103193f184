import Foundation
import Testing
@testable import XlsxWriter

/// Writes one workbook touching every feature the renderers use, reads it back with openpyxl and checks what a
/// reader sees.
@Suite struct WorkbookFeatureTests {
    static let created = Date(timeIntervalSince1970: 1_643_241_600)  // 2022-01-27 00:00 UTC

    /// Builds the feature workbook at `url`.
    static func writeFeatureBook(to url: URL) throws {
        let book = try Workbook(path: url.path, options: .init(timeZone: TimeZone(secondsFromGMT: 7 * 3600)!))
        try book.setProperties(DocumentProperties(title: "วาระคนพะเยา", author: "phayao-agenda", created: created))
        let thai = book.addFormat().thaiFont(name: "TH Sarabun New", size: 16)
        let header = book.addFormat().thaiFont(name: "TH Sarabun New", size: 16).bold()
            .backgroundColor(0xDDEBF7).border(.thin).align(.centerAcross).verticalAlign(.center).textWrap()
        let number = book.addFormat().numberFormat("#,##0.0").borders(top: .thin, bottom: .double)
        let date = book.addFormat().numberFormat("[$-7041E]d mmmm yyyy")
        let red = book.addFormat().fontColor(0x9C0006).backgroundColor(0xFFC7CE)
        let editable = book.addFormat().unlocked().indent(1).shrinkToFit()

        let facts = try book.addWorksheet(name: "Facts")
        try facts.write(string: "อำเภอ", row: 0, col: 0, format: header)
        try facts.write(string: "ค่า", row: 0, col: 1, format: header)
        try facts.write(string: "วันที่", row: 0, col: 2, format: header)
        let districts = ["เมืองพะเยา", "จุน", "เชียงคำ"]
        for (index, district) in districts.enumerated() {
            try facts.write(string: district, row: index + 1, col: 0, format: thai)
            try facts.write(number: Double(index) * 10.5, row: index + 1, col: 1, format: number)
            try facts.write(date: created, row: index + 1, col: 2, format: date)
        }
        try facts.write(string: "=HYPERLINK(\"http://x\")", row: 5, col: 0)
        try facts.write(string: "+1", row: 6, col: 0)
        try facts.write(string: "a\u{0}b\u{7}c\td\ne", row: 7, col: 0)
        try facts.write(bool: true, row: 8, col: 0)
        try facts.write(formula: "=SUM(B2:B4)", cachedValue: 31.5, row: 9, col: 1, format: number)
        try facts.writeBlank(row: 9, col: 2, format: header)
        try facts.write(url: "https://www.phayao.go.th", row: 10, col: 0, text: "จังหวัดพะเยา")
        try facts.write(string: "", row: 11, col: 0)
        try facts.write(string: "แก้ไขได้", row: 12, col: 0, format: editable)
        try facts.setColumn(first: 0, last: 0, width: 24, format: thai)
        try facts.setColumn(first: 5, last: 6, width: 8, hidden: true)
        try facts.setRow(0, height: 30)
        try facts.mergeRange(firstRow: 14, firstCol: 0, lastRow: 14, lastCol: 2, text: "รวมทั้งจังหวัด", format: header)
        try facts.freezePanes(row: 1, col: 1)
        try facts.autofilter(firstRow: 0, firstCol: 0, lastRow: 3, lastCol: 2)
        try facts.conditionalFormatThreeColorScale(firstRow: 1, firstCol: 1, lastRow: 3, lastCol: 1,
                                                   minColor: 0xF8696B, midColor: 0xFFEB84, maxColor: 0x63BE7B)
        try facts.conditionalFormat(firstRow: 1, firstCol: 3, lastRow: 3, lastCol: 3, when: .lessThan(50),
                                    format: red)
        try facts.conditionalFormat(firstRow: 1, firstCol: 4, lastRow: 3, lastCol: 4, when: .between(1, 2),
                                    format: red)
        try facts.conditionalFormat(firstRow: 1, firstCol: 0, lastRow: 3, lastCol: 0, textContaining: "เมือง",
                                    format: red)
        try facts.dataValidation(firstRow: 1, firstCol: 7, lastRow: 20, lastCol: 7,
                                 rule: .list(["ผ่าน", "ไม่ผ่าน", "รอข้อมูล"]),
                                 messages: ValidationMessages(inputTitle: "สถานะ", inputMessage: "เลือกจากรายการ"))
        try facts.dataValidation(firstRow: 1, firstCol: 8, lastRow: 20, lastCol: 8,
                                 rule: .listFormula(CellRange(sheet: "Lists", col: 0, firstRow: 0, lastRow: 39).formula))
        try facts.dataValidation(firstRow: 1, firstCol: 9, lastRow: 20, lastCol: 9,
                                 rule: .decimal(.greaterThanOrEqual(0)),
                                 messages: ValidationMessages(errorTitle: "ค่าไม่ถูกต้อง", errorMessage: "ต้องไม่ติดลบ"))
        try facts.dataValidation(firstRow: 1, firstCol: 10, lastRow: 20, lastCol: 10, rule: .decimal(.between(0, 100)))
        try facts.writeComment(row: 2, col: 1, text: "ค่าผิดปกติ: สูงกว่าค่าเฉลี่ย 3 เท่า", author: "ระบบ",
                               width: 300, height: 100)
        try facts.addTable(firstRow: 20, firstCol: 0, lastRow: 23, lastCol: 1, columns: ["อำเภอ", "ค่า"],
                           name: "DistrictTable", style: .medium(2))
        facts.protect(password: "x", options: ProtectionOptions(formatColumns: true, sort: true, autofilter: true))

        let summary = try book.addWorksheet(name: "สรุปผล")
        try summary.write(string: "หัวข้อ", row: 0, col: 0, format: thai)
        let bar = book.addChart(.bar)
        let series = try bar.addSeries(name: "ผลงาน", categories: CellRange(sheet: "Facts", col: 0, firstRow: 1, lastRow: 3),
                                       values: CellRange(sheet: "Facts", col: 1, firstRow: 1, lastRow: 3))
        series.setFill(color: 0x4472C4).setLine(color: 0x203864).showDataLabels(numberFormat: "0.0")
        bar.setTitle("ผลงานรายอำเภอ", font: ChartFont(name: "TH Sarabun New", size: 16, bold: true, thai: true))
        bar.categoryAxis.setName("อำเภอ", font: ChartFont(name: "TH Sarabun New", size: 14, thai: true))
        bar.valueAxis.setName("ร้อยละ")
        bar.valueAxis.setNumberFormat("0%")
        bar.valueAxis.setMin(0)
        bar.valueAxis.setMax(1.5)
        bar.setLegend(.none)
        bar.setStyle(10)
        try summary.insertChart(row: 2, col: 0, chart: bar, xScale: 1.5, yScale: 1.2)
        let line = book.addChart(.line)
        _ = try line.addSeries(name: nil, categories: CellRange(sheet: "Facts", col: 0, firstRow: 1, lastRow: 3),
                               values: CellRange(sheet: "Facts", col: 1, firstRow: 1, lastRow: 3))
        line.setTitle("รายเดือน")
        line.setLegend(.bottom)
        try summary.insertChart(row: 20, col: 0, chart: line)
        summary.setLandscape()
        summary.setPaper(.a4)
        summary.fitToPages(width: 1, height: 0)
        try summary.repeatRows(first: 0, last: 1)
        try summary.repeatColumns(first: 0, last: 0)
        try summary.printArea(firstRow: 0, firstCol: 0, lastRow: 40, lastCol: 8)
        try summary.setHeader("&Cวาระคนพะเยา")
        try summary.setFooter("&Cหน้า &P / &N")
        summary.setMargins(left: 0.5, right: 0.5)
        summary.hideGridlines()
        summary.centerHorizontally()
        summary.setZoom(85)
        summary.setTabColor(0x1F4E78)
        summary.activate()

        let lists = try book.addWorksheet(name: "Lists")
        for row in 0..<40 { try lists.write(string: "ตัวเลือก \(row + 1)", row: row, col: 0) }
        lists.setGridlines(screen: true, print: true)
        lists.hide()

        let quoted = try book.addWorksheet(name: "It's data")
        try quoted.write(number: 1, row: 0, col: 0)
        try book.close()
    }

    @Test func featureWorkbookReadsBackAsWritten() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("features.xlsx")
        let (_, warnings) = try capturingStandardError { try Self.writeFeatureBook(to: url) }
        #expect(!warnings.contains("[WARNING]"), "libxlsxwriter warned: \(warnings)")

        let book = try XlsxReadBack.read(url)
        #expect(book.sheets == ["Facts", "สรุปผล", "Lists", "It's data"])
        #expect(book.active == "สรุปผล")
        #expect(book.properties.title == "วาระคนพะเยา")
        #expect(book.properties.created?.hasPrefix("2022-01-27T00:00:00") == true)

        let facts = try #require(book.sheet["Facts"])
        #expect(facts.cells["A2"]?.value == .string("เมืองพะเยา"))
        #expect(facts.cells["A2"]?.font == "TH Sarabun New")
        #expect(facts.cells["A2"]?.size == 16)
        // libxlsxwriter 1.1.4 does not write <charset>; Workbook.close() adds it (FontCharsetTests).
        #expect(facts.cells["A2"]?.charset == 222)
        #expect(facts.cells["A1"]?.bold == true)
        #expect(facts.cells["B3"]?.value == .number(10.5))
        #expect(facts.cells["B3"]?.type == "n")
        #expect(facts.cells["B3"]?.numberFormat == "#,##0.0")
        // 2022-01-27 07:00 in Bangkok is the instant 00:00 UTC.
        #expect(facts.cells["C2"]?.isDate == true)
        #expect(facts.cells["C2"]?.value == .string("2022-01-27T07:00:00"))
        #expect(facts.cells["A6"]?.value == .string("=HYPERLINK(\"http://x\")"))
        #expect(facts.cells["A6"]?.type == "s")
        #expect(facts.cells["A7"]?.value == .string("+1"))
        #expect(facts.cells["A7"]?.type == "s")
        // Controls are kept as Excel's `_xHHHH_` escapes, which Excel shows as the characters and openpyxl as is.
        #expect(facts.cells["A8"]?.value == .string("a_x0000_b_x0007_c\td\ne"))
        #expect(facts.cells["A9"]?.value == .bool(true))
        #expect(facts.cells["B10"]?.value == .string("=SUM(B2:B4)"))
        #expect(facts.cells["C10"]?.value == .null)
        #expect(facts.cells["C10"]?.bold == true)
        #expect(facts.cells["A11"]?.value == .string("จังหวัดพะเยา"))
        #expect(facts.cells["A13"]?.locked == false)
        #expect(facts.cells["A2"]?.locked == true)
        #expect(facts.merged == ["A15:C15"])
        #expect(facts.freeze == "B2")
        #expect(facts.autofilter == "A1:C4")
        #expect(facts.conditional.map(\.range) == ["A2:A4", "B2:B4", "D2:D4", "E2:E4"])
        #expect(facts.conditional.map(\.types) == [["containsText"], ["colorScale"], ["cellIs"], ["cellIs"]])
        #expect(facts.conditional[2].operators == ["lessThan"])
        #expect(facts.conditional[2].formulas == [["50"]])
        #expect(facts.conditional[3].formulas == [["1", "2"]])
        let validations = facts.validations.sorted { $0.sqref < $1.sqref }
        #expect(validations.map(\.sqref) == ["H2:H21", "I2:I21", "J2:J21", "K2:K21"])
        #expect(validations[0].formula1 == "\"ผ่าน,ไม่ผ่าน,รอข้อมูล\"")
        #expect(validations[0].prompt == "เลือกจากรายการ")
        #expect(validations[1].formula1 == "'Lists'!$A$1:$A$40")
        #expect(validations[2].type == "decimal")
        #expect(validations[2].operator == "greaterThanOrEqual")
        #expect(validations[2].formula1 == "0")
        #expect(validations[2].error == "ต้องไม่ติดลบ")
        #expect(validations[3].formula1 == "0" && validations[3].formula2 == "100")
        #expect(facts.comments["B3"]?.text == "ค่าผิดปกติ: สูงกว่าค่าเฉลี่ย 3 เท่า")
        #expect(facts.comments["B3"]?.author == "ระบบ")
        #expect(facts.tables == ["DistrictTable"])
        #expect(facts.protected)
        #expect(facts.protection.formatColumns == false)  // false = "not protected against" in OOXML
        #expect(facts.protection.sort == false)
        #expect(facts.protection.autoFilter == false)
        #expect(facts.charts.isEmpty)

        let summary = try #require(book.sheet["สรุปผล"])
        #expect(summary.charts.map(\.type) == ["BarChart:bar", "LineChart"])
        #expect(summary.charts[0].title == "ผลงานรายอำเภอ")
        #expect(summary.charts[0].values == ["'Facts'!$B$2:$B$4"])
        #expect(summary.print.orientation == "landscape")
        #expect(summary.print.paperSize == 9)
        #expect((summary.print.fitToWidth ?? 1) == 1)  // libxlsxwriter omits 1, the OOXML default
        #expect(summary.print.fitToHeight == 0)
        #expect(summary.print.fitToPage == true)
        #expect(summary.print.titleRows == "$1:$2")
        #expect(summary.print.titleCols == "$A:$A")
        #expect(summary.print.printArea == "'สรุปผล'!$A$1:$I$41")
        #expect(summary.print.footerCenter == "หน้า &P / &N")
        #expect(summary.print.headerCenter == "วาระคนพะเยา")
        #expect(summary.print.horizontalCentered == true)
        #expect(summary.view.zoom == 85)
        #expect(summary.view.showGridLines == false)
        #expect(summary.view.tabColor == "FF1F4E78")

        #expect(book.sheet["Lists"]?.print.gridLines == true)
        #expect(book.sheet["It's data"]?.cells["A1"]?.value == .number(1))
    }

    @Test func fixedCreatedTimeGivesByteIdenticalFiles() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.xlsx")
        let second = folder.appendingPathComponent("b.xlsx")
        try Self.writeFeatureBook(to: first)
        try Self.writeFeatureBook(to: second)
        let firstBytes = try Data(contentsOf: first)
        #expect(firstBytes.count > 1000)
        #expect(firstBytes == (try Data(contentsOf: second)))
    }
}
