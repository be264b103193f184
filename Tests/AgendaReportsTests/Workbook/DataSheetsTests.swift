import AgendaCore
@testable import AgendaReports
import Foundation
import TestSupport
import Testing

/// The data sheets as openpyxl reads them, against the core's own report.
@Suite struct DataSheetsTests {
    let report = DataSheetsFixture.report

    func render(_ options: WorkbookOptions = WorkbookOptions(), exportsValues: Bool = false) throws
        -> (SheetReadBack, WorkbookRenderer.Output, URL)
    {
        let folder = try makeTemporaryFolder("datasheets")
        let url = folder.appendingPathComponent("book.xlsx")
        let output = try WorkbookRenderer(options: options).write(report, to: url, overflowFileName: "book-data.csv",
                                                                  exportsValues: exportsValues)
        return (try SheetReadBack.read(url), output, folder)
    }

    @Test func factsMatchTheCoreRowByRow() throws {
        let (book, _, folder) = try render()
        defer { try? FileManager.default.removeItem(at: folder) }
        let facts = try #require(book.sheets["Facts"])
        #expect(facts.strings(row: 0) == FactsSheet.headers)
        #expect(FactsSheet.headers == ["window", "workstream_id", "indicator_id", "area_code", "value", "target",
                                       "achievement_pct", "status"])
        #expect(facts.rows.count == report.facts.count + 1)
        #expect(facts.autofilter == "A1:H\(report.facts.count + 1)")
        #expect(facts.freeze == "A2")
        #expect(facts.titleRows == "$1:$1")
        var blanks = 0
        for (i, fact) in report.facts.enumerated() {
            let row = facts.row(i + 1, width: 8)
            #expect(row[0]?.v == .string(fact.window.label))
            #expect(row[1]?.v == .string(fact.workstreamID))
            #expect(row[2]?.v == .string(fact.indicatorID))
            #expect(row[3]?.v == .string(fact.areaCode))
            for (col, expected) in [(4, fact.value), (5, fact.target), (6, fact.achievementPct)] {
                if let expected {
                    #expect(row[col]?.t == "n")
                    #expect(row[col]?.v == .number(expected), "row \(i + 2) column \(col)")
                } else {
                    #expect(row[col] == nil, "row \(i + 2) column \(col) must be an empty cell")
                    blanks += 1
                }
            }
            #expect(row[7]?.v.string == fact.status?.rawValue)
        }
        #expect(blanks > 0)
        // Hand-checked anchors: 5601's forest YTD 5,000 of 6,000; the province target is the sum of districts'.
        let ytd = report.yearToDate
        #expect(report.fact(ytd, indicator: "NR01", area: "5601")?.achievementPct.map { ($0 * 100).rounded() / 100 } == 83.33)
        #expect(report.fact(ytd, indicator: "NR01", area: "56")?.target == 10_000)
        #expect(report.fact(ytd, indicator: "NR02", area: "56")?.value == 10)
    }

    @Test func rejectedSupersededAndSources() throws {
        let (book, _, folder) = try render()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rejected = try #require(book.sheets["Rejected"])
        #expect(Array(rejected.strings(row: 0).prefix(5)) == ["file", "line", "column", "value", "reason"])
        #expect(rejected.strings(row: 0).contains("reason_en"))
        #expect(rejected.rows.count == 3)
        let first = rejected.row(1, width: 7)
        #expect(first[0]?.v == .string("submissions/5601-2565-01-แก้ไข.csv"))
        #expect(first[1]?.v == .number(4))
        #expect(first[2]?.v == .string("value"))
        #expect(first[3]?.v == .string("abc"))
        #expect(first[4]?.v == .string("ค่า \"abc\" ไม่ใช่ตัวเลข"))
        #expect(first[5]?.v == .string("Value \"abc\" is not a number."))
        #expect(first[6]?.v == .bool(false))
        let whole = rejected.row(2, width: 7)
        #expect(whole[1] == nil)
        #expect(whole[6]?.v == .bool(true))

        let superseded = try #require(book.sheets["Superseded"])
        #expect(superseded.rows.count == 2)
        let pair = superseded.row(1, width: 12)
        #expect(pair.prefix(4).map { $0?.v } == [.string("5601"), .string("2565-01"), .string("LS01"), nil])
        #expect(pair[4]?.v == .number(7))
        #expect(pair[5]?.v == .string("submissions/5601-2565-01.csv"))
        #expect(pair[6]?.v == .number(4))
        #expect(pair[7]?.t == "d")
        #expect(pair[8]?.v == .number(8))
        #expect(pair[9]?.v == .string("submissions/5601-2565-01-แก้ไข.csv"))
        #expect(pair[10]?.v == .number(2))

        let sources = try #require(book.sheets["Sources"])
        #expect(sources.strings(row: 0) == SourcesSheet.headers)
        let imported = report.imported
        for (i, source) in imported.sources.enumerated() {
            let row = sources.row(i + 1, width: 11)
            #expect(row[0]?.v == .string(source.path))
            let counts = (3...7).map { row[$0]?.v.number ?? -1 }
            #expect(counts == [source.rowsRead, source.accepted, source.superseded, source.rejected, source.blank].map(Double.init))
            #expect(counts[0] == counts[1] + counts[2] + counts[3] + counts[4])
            #expect(row[8]?.t == "d")
            #expect(row[9]?.v == .number(Double(source.byteCount)))
            #expect(row[10]?.v == .string(source.sha256))
        }
        #expect(sources.row(3, width: 11)[2]?.v == .string(SourcesSheet.undecodedLabel))
        let total = sources.row(imported.sources.count + 2, width: 11)
        #expect(total[0]?.v == .string(SourcesSheet.totalLabel))
        #expect((3...7).map { total[$0]?.v.number } == [9, 6, 1, 1, 1])
        #expect(total[9]?.v == .number(670))
    }

    /// Skipped paths appear below the total row, each with its Thai reason and the English one under it.
    @Test func skippedPathsAreListedBelowTheSources() throws {
        var imported = DataSheetsFixture.imported
        imported.skipped = [
            SkippedPath(path: "submissions/5601/2565-02.csv ", reason: BilingualText(th: "ชื่อมีช่องว่าง", en: "Trailing space")),
            SkippedPath(path: "submissions/.old", reason: BilingualText(th: "โฟลเดอร์ซ่อน", en: "Hidden folder")),
        ]
        let report = ReportBuilder.build(scope: .quarter(DataSheetsFixture.q2), options: ReportOptions(),
                                         reference: DataSheetsFixture.reference, imported: imported, asOf: DataSheetsFixture.late)
        let folder = try makeTemporaryFolder("datasheets-skipped")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("book.xlsx")
        _ = try WorkbookRenderer().write(report, to: url, overflowFileName: "book-data.csv")
        let sources = try #require(try SheetReadBack.read(url, sheets: ["Sources"]).sheets["Sources"])
        let heading = imported.sources.count + 4
        #expect(sources.row(heading, width: 2)[0]?.v == .string(SourcesSheet.skippedLabel))
        #expect(sources.strings(row: heading + 1).prefix(2) == ["submissions/5601/2565-02.csv ", "ชื่อมีช่องว่าง"])
        #expect(sources.row(heading + 2, width: 2)[1]?.v == .string("Trailing space"))
        #expect(sources.strings(row: heading + 3).prefix(2) == ["submissions/.old", "โฟลเดอร์ซ่อน"])
        #expect(sources.row(heading + 4, width: 2)[1]?.v == .string("Hidden folder"))
    }

    @Test func dataSheetKeepsEveryValueAndFormulasStayText() throws {
        let (book, output, folder) = try render()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(output.dataOverflow == false)
        let data = try #require(book.sheets["Data"])
        #expect(data.strings(row: 0) == DataSheet.headers)
        #expect(data.rows.count == report.imported.accepted.count + 1)
        for (i, value) in report.imported.accepted.enumerated() {
            let row = data.row(i + 1, width: 8)
            #expect(row[0]?.v == .string(value.key.districtCode))
            #expect(row[1]?.v == .string(value.key.month.label))
            #expect(row[2]?.v == .string(value.key.indicatorID))
            #expect(row[3]?.v.string == (value.key.area.isEmpty ? nil : value.key.area))
            #expect(row[4]?.v == .number(value.value))
            #expect(row[6]?.v == .string(report.imported.sources[value.sourceIndex].path))
            #expect(row[7]?.v == .number(Double(value.line)))
            if value.note.isEmpty {
                #expect(row[5] == nil)
            } else {
                #expect(row[5]?.t == "s", "a note is always text, never a formula")
                #expect(row[5]?.v == .string(value.note))
            }
        }
        let notes = data.rows.compactMap { $0.count > 5 ? $0[5] : nil }
        #expect(notes.contains { $0.v == .string(DataSheetsFixture.formulaNote) && $0.t == "s" })
    }

    /// Too many values for the sheet: it holds their totals per district × month × indicator under fixed headers,
    /// and a notice beside the table (one empty column away, so a pivot table picks the table alone) says so and
    /// how to get every value; with the export, the notice names the CSV instead.
    @Test func overflowWritesTotalsAndANotice() throws {
        let (book, output, folder) = try render(WorkbookOptions(dataSheetRowLimit: 3))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(output.dataOverflow)
        let data = try #require(book.sheets["Data"])
        #expect(Array(data.strings(row: 0).prefix(9)) == ["district_code", "period", "indicator_id", "values", "sum", "min",
                                                   "max", "first_file", "files"])
        #expect(data.autofilter == "A1:I7")
        // One value per district × month × indicator in this fixture, so each total is its value.
        typealias Value = SheetReadBack.Value
        let rows = (1...6).map { data.row($0, width: 9).map { $0?.v } }
        #expect(rows.map { $0[0] } == ["5601", "5601", "5601", "5601", "5602", "5602"].map { Value?.some(.string($0)) })
        #expect(rows.map { $0[2] } == ["LS01", "LS02", "NR01", "NR02", "CW02", "NR01"].map { Value?.some(.string($0)) })
        #expect(rows.map { $0[4] } == [8, 4, 5_000, 10, 1_234.56, 3_000].map { Value?.some(.number($0)) })
        #expect(rows[0][7] == .string("submissions/5601-2565-01-แก้ไข.csv"))
        #expect(rows.allSatisfy { $0[3] == .number(1) && $0[8] == .number(1) && $0[4] == $0[5] && $0[5] == $0[6] })
        #expect(data.row(0, width: 11)[9] == nil, "an empty column between the table and the notice")
        let notice = try #require(data.row(0, width: 11)[10]?.v.string)
        #expect(notice.contains("6 ค่า") && notice.contains("อำเภอ × เดือน × ตัวชี้วัด") && notice.contains("--export-values"))
        #expect(try #require(data.row(1, width: 11)[10]?.v.string).contains("For every value, run phayao-agenda report"))

        let (exported, _, exportFolder) = try render(WorkbookOptions(dataSheetRowLimit: 3), exportsValues: true)
        defer { try? FileManager.default.removeItem(at: exportFolder) }
        let named = try #require(exported.sheets["Data"]?.row(1, width: 11)[10]?.v.string)
        #expect(named.contains("Every value is in book-data.csv"), "\(named)")
    }

    @Test func theExportCSVHoldsEveryValue() throws {
        let folder = try makeTemporaryFolder("datasheets-csv")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("book-data.csv")
        try DataExport.writeCSV(report, to: csv)
        let bytes = try Data(contentsOf: csv)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == report.imported.accepted.count + 1)
        #expect(lines[0] == DataExport.header.joined(separator: ","))
        // The overflow CSV has exactly the Data sheet's columns, spelt out here because tools read them by name.
        #expect(lines[0] == "district_code,period,indicator_id,area,value,note,file,line")
        #expect(DataExport.header == DataSheet.headers)
        #expect(lines.contains("5601,2565-01,LS02,บ้านใหม่,4,,submissions/5601-2565-01-แก้ไข.csv,3"))
        #expect(lines.contains("5602,2565-02,CW02,,1234.56,ยอด ณ สิ้นเดือน,submissions/5602-2565-02.csv,3"))
        #expect(lines.contains("5601,2565-01,NR02,,10,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",submissions/5601-2565-01.csv,3"))
    }
}
