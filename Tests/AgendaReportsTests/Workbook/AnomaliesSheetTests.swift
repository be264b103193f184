import TestSupport
import AgendaCore
@testable import AgendaReports
import Foundation
import Testing

/// The `Anomalies` data sheet read back with openpyxl: hand-made flags row by row, and the sample year's one flag.
@Suite("Anomalies sheet")
struct AnomaliesSheetTests {
    /// Two hand-made flags on the data-sheet fixture: a district total with the sub-area behind it, and one
    /// sub-area's own value.
    static var report: Report {
        var report = DataSheetsFixture.report
        report.anomalies = [
            Anomaly(districtCode: "5601", month: YearMonth(yearBE: 2565, month: 1), indicatorID: "NR01", value: 50_000,
                    expected: 5_000, score: 21.04, checks: [.peers, .previousMonth], dominantArea: "บ้านดอนมูล หมู่ 2",
                    dominantAreaValue: 45_500),
            Anomaly(districtCode: "5602", month: YearMonth(yearBE: 2565, month: 2), indicatorID: "NR02",
                    area: "หย่วน", value: 0.004, expected: 4, score: -15.66, checks: [.peers]),
        ]
        return report
    }

    func render(_ report: Report) throws -> (SheetReadBack.Sheet, [String], URL) {
        let folder = try makeTemporaryFolder("anomalies")
        let url = folder.appendingPathComponent("book.xlsx")
        let output = try WorkbookRenderer().write(report, to: url, overflowFileName: "book-data.csv")
        let book = try SheetReadBack.read(url, sheets: ["Anomalies"])
        return (try #require(book.sheets["Anomalies"]), output.sheetNames, folder)
    }

    @Test("headers exactly, one hand-checked row per flag, after Superseded")
    func handChecked() throws {
        let (sheet, names, folder) = try render(Self.report)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(sheet.strings(row: 0) == ["district_code", "period", "indicator_id", "area", "value", "expected",
                                          "score", "reason"])
        #expect(names.firstIndex(of: "Anomalies") == names.firstIndex(of: "Superseded").map { $0 + 1 })
        #expect(sheet.rows.count == 3)
        #expect(sheet.autofilter == "A1:H3")
        #expect(sheet.freeze == "A2")

        let total = sheet.row(1, width: 8)
        #expect(total[0]?.v == .string("5601") && total[1]?.v == .string("2565-01") && total[2]?.v == .string("NR01"))
        #expect(total[3] == nil) // a flag on the district's total leaves the area empty
        #expect(total[4]?.v == .number(50_000) && total[5]?.v == .number(5_000) && total[6]?.v == .number(21.0))
        #expect(total[7]?.v == .string(
            "สูงกว่าที่คาด ×10 (คาดไว้ราว 5,000) เทียบกับอำเภออื่นเดือนเดียวกัน, เดือนก่อน; "
                + "อาจพิมพ์เกิน 10 เท่า (จุดทศนิยมหรือหน่วย); ส่วนใหญ่จาก บ้านดอนมูล หมู่ 2 (45,500)\n"
                + "×10 the expected 5,000, against other districts' same month, the previous month; "
                + "maybe typed 10 times too large (decimal point or unit); mostly from บ้านดอนมูล หมู่ 2 (45,500)"))

        let area = sheet.row(2, width: 8)
        #expect(area[0]?.v == .string("5602") && area[1]?.v == .string("2565-02") && area[2]?.v == .string("NR02"))
        #expect(area[3]?.v == .string("หย่วน"))
        #expect(area[4]?.v == .number(0.004) && area[5]?.v == .number(4) && area[6]?.v == .number(-15.7))
        #expect(area[7]?.v == .string(
            "ต่ำกว่าที่คาด เหลือ 1/1,000 (คาดไว้ราว 4) เทียบกับพื้นที่อื่นเดือนเดียวกัน; "
                + "อาจพิมพ์ขาด 1,000 เท่า (จุดทศนิยมหรือหน่วย)\n"
                + "1/1,000 of the expected 4, against other areas' same month; "
                + "maybe typed 1,000 times too small (decimal point or unit)"))
    }

    @Test("no flags: the header row alone")
    func empty() throws {
        var report = Self.report
        report.anomalies = []
        let (sheet, _, folder) = try render(report)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(sheet.rows.count == 1)
        #expect(sheet.strings(row: 0).count == 8)
    }

    @Test("the sample year flags its deliberate ×10 slip and nothing else")
    func sample() throws {
        let report = try #require(SampleSummaryGoldenTests.sample, "the sample inputs could not be imported")
        // Inputs/submissions/README.md: 5605-dok-khamtai/2565-05.csv line 47, bedridden_cared 700 (about 70 sent
        // every other month).
        #expect(report.anomalies.count == 1)
        let (sheet, _, folder) = try render(report)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(sheet.rows.count == 2)
        let row = sheet.row(1, width: 8)
        #expect(row[0]?.v == .string("5605") && row[1]?.v == .string("2565-05")
                && row[2]?.v == .string("bedridden_cared") && row[3] == nil && row[4]?.v == .number(700))
        let expected = try #require(row[5]?.v.number)
        #expect(expected > 65 && expected < 75)
        #expect(row[7]?.v.string?.contains("previous month") == true)
    }

    @Test("more flags than the sheet holds: the strongest, a notice beside the table, every flag in the CSV")
    func overflow() throws {
        var report = Self.report
        // A third flag, weaker than both: with room for two, the sheet keeps 5601 (21.04) and 5602 (−15.66), in
        // the report's order; with room for one, 5601 alone.
        report.anomalies.append(Anomaly(districtCode: "5603", month: YearMonth(yearBE: 2565, month: 3),
                                        indicatorID: "NR01", value: 9_000, expected: 1_000, score: 5.5,
                                        checks: [.peers]))
        let folder = try makeTemporaryFolder("anomalies-overflow")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (limit, codes) in [(2, ["5601", "5602"]), (1, ["5601"])] {
            let url = folder.appendingPathComponent("book-\(limit).xlsx")
            let output = try WorkbookRenderer(options: WorkbookOptions(dataSheetRowLimit: limit))
                .write(report, to: url, overflowFileName: "book-data.csv")
            #expect(output.anomaliesOverflow)
            let sheet = try #require(try SheetReadBack.read(url, sheets: ["Anomalies"]).sheets["Anomalies"])
            #expect((1...codes.count).map { sheet.row($0, width: 8)[0]?.v.string } == codes)
            #expect(sheet.autofilter == "A1:H\(codes.count + 1)")
            let notice = sheet.row(0, width: 11)[9]?.v.string
            #expect(notice?.contains("book-anomalies.csv") == true && notice?.contains("มี 3 ค่า") == true)
            #expect(sheet.row(1, width: 11)[9]?.v.string?.contains("shows the \(limit) strongest") == true)
            // Printed, the notice is beside the print area, so the page header says it instead.
            let header = try Python.run(["-c", """
                import openpyxl, sys
                print(openpyxl.load_workbook(sys.argv[1])["Anomalies"].oddHeader.center.text)
                """, url.path])
            #expect(String(decoding: header, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                    == "แสดง \(limit) ค่าที่เด่นที่สุดจาก 3 ค่า ทุกค่าอยู่ในไฟล์ book-anomalies.csv")
        }
        let roomy = try WorkbookRenderer(options: WorkbookOptions(dataSheetRowLimit: 3))
            .write(report, to: folder.appendingPathComponent("roomy.xlsx"), overflowFileName: "book-data.csv")
        #expect(!roomy.anomaliesOverflow)

        let csv = folder.appendingPathComponent("book-anomalies.csv")
        try DataExport.writeAnomaliesCSV(report, to: csv)
        let bytes = try Data(contentsOf: csv)
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with a BOM, for Thai Excel")
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines[0] == DataExport.anomaliesHeader.joined(separator: ","))
        #expect(lines[1].hasPrefix("5601,2565-01,NR01,,50000,5000,21.0,peers previous_month,\"สูงกว่าที่คาด ×10"))
        #expect(lines[2].hasPrefix("5602,2565-02,NR02,หย่วน,0.004,4,-15.7,peers,\"ต่ำกว่าที่คาด"))
        #expect(lines[3].hasPrefix("5603,2565-03,NR01,,9000,1000,5.5,peers,"))
        #expect(lines.count == 5 && lines[4].isEmpty)
    }
}
