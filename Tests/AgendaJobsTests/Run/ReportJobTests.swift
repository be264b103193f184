import AgendaCore
@testable import AgendaJobs
import AgendaReports
import Foundation
import TestSupport
import Testing

@Suite struct ReportJobTests {
    static let q2 = ReportScope.quarter(FiscalQuarter(fiscalYear: 2565, quarter: 2))

    func job(_ folder: URL, inputs: URL, limit: Int = WorkbookOptions.excelRowLimit - 1, exportValues: Bool = false)
        -> ReportJob
    {
        ReportJob(configuration: ReportJobConfiguration(
            inputs: inputs, output: folder.appendingPathComponent("out"),
            workbookOptions: WorkbookOptions(dataSheetRowLimit: limit), showProgress: false, exportValues: exportValues))
    }

    /// The report files under `folder` by relative path, without the districts' feedback packs and the scan cache.
    func reportFiles(_ folder: URL) throws -> [String] {
        try contents(folder).keys.filter { !$0.contains("/districts/") && !$0.hasPrefix(".cache/") }.sorted()
    }

    /// Every regular file under `folder` (hidden ones too, so a leftover staging folder shows), by relative path.
    func contents(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let fm = FileManager.default
        for case let path as String in fm.enumerator(atPath: folder.path) ?? FileManager.DirectoryEnumerator() {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if fm.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    @Test func writesWorkbookAndSummaryFromTheFixture() throws {
        let folder = try makeTemporaryFolder("job")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try ReportFixtureInputs.copy(into: folder)
        let job = job(folder, inputs: inputs)
        let outcome = job.run(scopes: [Self.q2])
        #expect(outcome.status == .writtenWithRejections, "\(outcome.resultLines(.en))")
        #expect(outcome.exitCode == 2)
        #expect((outcome.files, outcome.accepted, outcome.superseded, outcome.rejected) == (3, 8, 1, 1))
        let written = try #require(outcome.written.first)
        #expect(written.workbook.lastPathComponent == "phayao-agenda-FY2565-Q2.xlsx")
        #expect(written.summary.lastPathComponent == "phayao-agenda-FY2565-Q2-summary.txt")
        #expect(written.dataCSV == nil)
        let summary = try String(contentsOf: written.summary, encoding: .utf8)
        #expect(summary.split(separator: "\n").last?.hasSuffix("phayao-agenda-FY2565-Q2.xlsx") == true)

        // The workbook's Facts equal the core's own facts for the same inputs.
        let loaded = try job.loadInputs()
        #expect(loaded.asOf == ReportFixtureInputs.times["submissions/5602/2565-02.csv"])
        let report = ReportBuilder.build(scope: Self.q2, options: ReportOptions(), reference: loaded.reference,
                                         imported: loaded.imported, asOf: loaded.asOf)
        let book = try SheetReadBack.read(written.workbook, sheets: ["Facts", "Data", "Superseded", "Rejected", "Sources"])
        let facts = try #require(book.sheets["Facts"])
        #expect(facts.rows.count == report.facts.count + 1)
        for (i, fact) in report.facts.enumerated() {
            let row = facts.row(i + 1, width: 8)
            #expect(row[4]?.v.number == fact.value)
            #expect(row[5]?.v.number == fact.target)
            #expect(row[6]?.v.number == fact.achievementPct)
            #expect(row[7]?.v.string == fact.status?.rawValue)
        }
        // Hand-computed: members is a stock (last), so 5601 counts February's 1,150, January's fix 1,120 only in January.
        let ytd = report.yearToDate
        #expect(report.fact(ytd, indicator: "members", area: "5601")?.value == 1_150)
        #expect(report.fact(ytd, indicator: "members", area: "5602")?.value == 720)
        #expect(report.fact(ytd, indicator: "members", area: "56")?.value == 1_870)
        #expect(report.fact(ytd, indicator: "paid_rate", area: "56")?.value == 100.0 * 27 / 35)
        let january = ReportWindow.month(YearMonth(yearBE: 2565, month: 1))
        #expect(report.fact(january, indicator: "members", area: "5601")?.value == 1_120)

        let data = try #require(book.sheets["Data"])
        #expect(data.rows.count == 9)
        #expect(data.rows.contains { $0.count > 5 && $0[5] == SheetReadBack.Cell(v: .string("=HYPERLINK(\"http://x\",\"y\")"), t: "s", fmt: "General") })
        let superseded = try #require(book.sheets["Superseded"])
        #expect(superseded.rows.count == 2)
        #expect(superseded.row(1, width: 12)[4]?.v == .number(1_100))
        #expect(superseded.row(1, width: 12)[8]?.v == .number(1_120))
        let rejected = try #require(book.sheets["Rejected"])
        #expect(rejected.rows.count == 2)
        #expect(rejected.row(1, width: 7)[3]?.v == .string("abc"))
        let sources = try #require(book.sheets["Sources"])
        let total = sources.row(5, width: 11)
        #expect((3...7).map { total[$0]?.v.number } == [11, 8, 1, 1, 1])
    }

    @Test func cleanInputsExitZero() throws {
        let folder = try makeTemporaryFolder("job")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try ReportFixtureInputs.copy(into: folder)
        try ReportFixtureInputs.removeRejectedRow(in: inputs)
        let outcome = job(folder, inputs: inputs).run(scopes: [Self.q2])
        #expect(outcome.status == .clean)
        #expect(outcome.rejected == 0)
    }

    @Test func sameInputsGiveTheSameBytes() throws {
        let folder = try makeTemporaryFolder("job")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try ReportFixtureInputs.copy(into: folder)
        let first = job(folder, inputs: inputs).run(scopes: [Self.q2, .year(2565)])
        #expect(first.written.count == 2)
        let before = try contents(folder.appendingPathComponent("out"))
        #expect(try reportFiles(folder.appendingPathComponent("out")) == ["FY2565-Q2/phayao-agenda-FY2565-Q2-summary.txt",
                                         "FY2565-Q2/phayao-agenda-FY2565-Q2.xlsx",
                                         "FY2565/phayao-agenda-FY2565-summary.txt", "FY2565/phayao-agenda-FY2565.xlsx"])
        _ = job(folder, inputs: inputs).run(scopes: [Self.q2, .year(2565)])
        #expect(try contents(folder.appendingPathComponent("out")) == before)
    }

    @Test func brokenReferenceFailsAndReplacesNothing() throws {
        let folder = try makeTemporaryFolder("job")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try ReportFixtureInputs.copy(into: folder)
        _ = job(folder, inputs: inputs).run(scopes: [Self.q2])
        let before = try contents(folder.appendingPathComponent("out"))
        let indicators = inputs.appendingPathComponent("reference/indicators.csv")
        let text = try String(contentsOf: indicators, encoding: .utf8).replacingOccurrences(of: ",ratio,", with: ",average,")
        try text.write(to: indicators, atomically: false, encoding: .utf8)
        let outcome = job(folder, inputs: inputs).run(scopes: [Self.q2])
        #expect(outcome.status == .failure)
        let message = try #require(outcome.failure?.message.en)
        #expect(message.contains("indicators.csv:5:aggregation"), "\(message)")
        #expect(try contents(folder.appendingPathComponent("out")) == before)
    }

    @Test func missingSubmissionsFolderFails() throws {
        let folder = try makeTemporaryFolder("job")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try ReportFixtureInputs.copy(into: folder)
        try FileManager.default.removeItem(at: inputs.appendingPathComponent("submissions"))
        let outcome = job(folder, inputs: inputs).run(scopes: [Self.q2])
        #expect(outcome.status == .failure)
        #expect(outcome.failure?.message.en.contains("submissions") == true)
    }

    @Test func aFailingRendererLeavesThePreviousReportAndNoPartialFile() throws {
        let folder = try makeTemporaryFolder("job")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try ReportFixtureInputs.copy(into: folder)
        let out = folder.appendingPathComponent("out")
        _ = job(folder, inputs: inputs).run(scopes: [Self.q2, .year(2565)])
        let before = try contents(out)
        // The second scope's workbook fails after the first scope's files are complete: nothing may be renamed.
        var failing = job(folder, inputs: inputs)
        failing.writeWorkbook = { report, url, name, exportsValues, options in
            if case .year = report.scope {
                try Data("half a workbook".utf8).write(to: url)
                throw CocoaError(.fileWriteOutOfSpace)
            }
            return try WorkbookRenderer(options: options).write(report, to: url, overflowFileName: name,
                                                                exportsValues: exportsValues)
        }
        let outcome = failing.run(scopes: [Self.q2, .year(2565)])
        #expect(outcome.status == .failure)
        #expect(outcome.exitCode == 1)
        #expect(try contents(out) == before, "previous files untouched, no partial left behind")
    }

    /// The commit fails before its second folder switch, when the quarter's new folder is already in place (and
    /// its previous one held overflow CSVs the new one has not): the quarter's previous folder comes back
    /// byte-identical, the year's was never touched, nothing is left behind, and the message's "untouched" is true.
    @Test func aFailureInTheMiddleOfTheCommitLeavesThePreviousSet() throws {
        let folder = try makeTemporaryFolder("job-commit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try ReportFixtureInputs.copy(into: folder)
        let out = folder.appendingPathComponent("out")
        let first = job(folder, inputs: inputs, limit: 3, exportValues: true).run(scopes: [Self.q2, .year(2565)])
        #expect(first.written.allSatisfy { $0.dataCSV != nil }, "the previous set has exported CSVs")
        let before = try contents(out)
        let q2Workbook = "FY2565-Q2/phayao-agenda-FY2565-Q2.xlsx"

        var failing = job(folder, inputs: inputs)
        final class Flag: @unchecked Sendable { var value = false }  // set once, on the job's thread
        let sawNew = Flag()
        failing.beforeCommitSwitch = { k in
            guard k == 1 else { return }
            // The quarter's folder is switched: it holds the new report, whole, without the old CSV.
            let now = try Data(contentsOf: out.appendingPathComponent(q2Workbook))
            let names = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("FY2565-Q2").path)
            sawNew.value = now != before[q2Workbook] && names.sorted() == [
                "districts", "phayao-agenda-FY2565-Q2-summary.txt", "phayao-agenda-FY2565-Q2.xlsx"]
            throw CocoaError(.fileWriteNoPermission)
        }
        let outcome = failing.run(scopes: [Self.q2, .year(2565)])
        #expect(sawNew.value, "the failure came after a new folder was in place")
        #expect(outcome.status == .failure)
        #expect(outcome.failure?.message.en.contains("the previous report is untouched") == true,
                "\(String(describing: outcome.failure?.message.en))")
        #expect(try contents(out) == before, "every previous file byte-identical, nothing new, nothing left behind")

        // The same run without the failure replaces both folders, stale CSVs and all.
        let fine = job(folder, inputs: inputs).run(scopes: [Self.q2, .year(2565)])
        #expect(fine.status == .writtenWithRejections)
        let after = try contents(out)
        #expect(after[q2Workbook] != before[q2Workbook])
        #expect(try reportFiles(out) == [
            "FY2565-Q2/phayao-agenda-FY2565-Q2-summary.txt", "FY2565-Q2/phayao-agenda-FY2565-Q2.xlsx",
            "FY2565/phayao-agenda-FY2565-summary.txt", "FY2565/phayao-agenda-FY2565.xlsx"])
    }

    /// A real failure, not a hook: a file sits where the year's folder goes, so its switch fails after the
    /// quarter's folder is in place. The quarter's previous folder comes back, and the file is left alone.
    @Test func aNameThatCannotBeReplacedRollsTheCommitBack() throws {
        let folder = try makeTemporaryFolder("job-commit-dir")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try ReportFixtureInputs.copy(into: folder)
        let out = folder.appendingPathComponent("out")
        _ = job(folder, inputs: inputs, limit: 3).run(scopes: [Self.q2])
        try Data("someone's notes".utf8).write(to: out.appendingPathComponent("FY2565"))
        let before = try contents(out)

        let outcome = job(folder, inputs: inputs).run(scopes: [Self.q2, .year(2565)])
        #expect(outcome.status == .failure)
        #expect(outcome.failure?.message.en.contains("the previous report is untouched") == true)
        #expect(outcome.failure?.message.en.contains("not a folder") == true, "\(String(describing: outcome.failure))")
        #expect(try contents(out) == before, "the quarter's previous folder back, the file untouched, nothing left")
    }

    /// Reports written at the top of the output folder by the earlier layout are out of date once the scope's
    /// folder exists; a reader who bookmarked them must not keep reading old figures. Other scopes' copies stay.
    @Test func copiesFromTheEarlierLayoutAreRemoved() throws {
        let folder = try makeTemporaryFolder("job-layout")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try ReportFixtureInputs.copy(into: folder)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let old = ["phayao-agenda-FY2565-Q2.xlsx", "phayao-agenda-FY2565-Q2-summary.txt", "phayao-agenda-FY2565-Q2-data.csv",
                   "phayao-agenda-FY2564.xlsx", "notes.txt"]
        for name in old { try Data("old".utf8).write(to: out.appendingPathComponent(name)) }
        let outcome = job(folder, inputs: inputs).run(scopes: [Self.q2])
        #expect(outcome.status == .writtenWithRejections)
        #expect(try reportFiles(out) == [
            "FY2565-Q2/phayao-agenda-FY2565-Q2-summary.txt", "FY2565-Q2/phayao-agenda-FY2565-Q2.xlsx",
            "notes.txt", "phayao-agenda-FY2564.xlsx"])
    }

    /// A reader who opened the previous workbook before the switch keeps reading the previous bytes, whole, and
    /// the next open of the same path gives the new report: the switch never changes an open file.
    @Test func aReaderKeepsTheVersionItOpened() throws {
        let folder = try makeTemporaryFolder("job-reader")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try ReportFixtureInputs.copy(into: folder)
        let out = folder.appendingPathComponent("out")
        _ = job(folder, inputs: inputs, limit: 3).run(scopes: [Self.q2])
        let path = out.appendingPathComponent("FY2565-Q2/phayao-agenda-FY2565-Q2.xlsx")
        let previous = try Data(contentsOf: path)
        let reader = try FileHandle(forReadingFrom: path)
        defer { try? reader.close() }
        _ = job(folder, inputs: inputs).run(scopes: [Self.q2])
        #expect(try reader.readToEnd() == previous)
        #expect(try Data(contentsOf: path) != previous)
    }

    /// Values that overflow the Data sheet become totals there, and no CSV is written unless asked: for per-village
    /// data that file was larger than the inputs. Asked, the CSV holds every value; a later run without the flag
    /// leaves no stale CSV behind.
    @Test func overflowingValuesAreExportedOnlyWhenAsked() throws {
        let folder = try makeTemporaryFolder("job")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try ReportFixtureInputs.copy(into: folder)
        let quiet = job(folder, inputs: inputs, limit: 3).run(scopes: [Self.q2])
        #expect(quiet.written.first?.dataCSV == nil)
        #expect(try reportFiles(folder.appendingPathComponent("out")) == [
            "FY2565-Q2/phayao-agenda-FY2565-Q2-summary.txt", "FY2565-Q2/phayao-agenda-FY2565-Q2.xlsx"])
        let totals = try #require(try SheetReadBack.read(quiet.written[0].workbook, sheets: ["Data"]).sheets["Data"])
        // Hand-computed from the fixture: 5602's two villages of members in February, 300 + 420.
        let members = (1..<totals.rows.count).map { totals.row($0, width: 9) }.first {
            $0[0]?.v.string == "5602" && $0[2]?.v.string == "members"
        }
        #expect(members?[3]?.v.number == 2)
        #expect(members?[4]?.v.number == 720)
        #expect((members?[5]?.v.number, members?[6]?.v.number) == (300, 420))
        #expect(totals.rows.count == 8, "7 district × month × indicator rows for 8 values, and the header")

        let asked = job(folder, inputs: inputs, limit: 3, exportValues: true).run(scopes: [Self.q2])
        let csv = try #require(asked.written.first?.dataCSV)
        #expect(csv.lastPathComponent == "phayao-agenda-FY2565-Q2-data.csv")
        #expect(csv.deletingLastPathComponent().lastPathComponent == "FY2565-Q2")
        let lines = try String(contentsOf: csv, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 9)
        let book = try SheetReadBack.read(asked.written[0].workbook, sheets: ["Data"])
        #expect(book.sheets["Data"]?.row(1, width: 11)[10]?.v.string?.contains("phayao-agenda-FY2565-Q2-data.csv") == true)
        #expect(asked.resultLines(.en).contains(csv.path))

        let again = job(folder, inputs: inputs).run(scopes: [Self.q2])
        #expect(again.written.first?.dataCSV == nil)
        #expect(!FileManager.default.fileExists(atPath: csv.path))
    }

    @Test("flags that overflow the Anomalies sheet all go to their own CSV, beside the workbook")
    func anomaliesOverflowGoesToItsOwnCSV() throws {
        let folder = try makeTemporaryFolder("job")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try ReportFixtureInputs.copy(into: folder)
        // Both districts' twelve villages claim 100 a month for six months; two villages type 10,000 in March:
        // two flags, each far beyond its peers (the other villages' residuals are all 0, so the scale is its
        // floor, 0.1, and log(10,010/110) / 0.1 = 45).
        var lines = ["district_code,period,indicator_id,area,value,note"]
        for d in 1...2 {
            for month in ["2564-10", "2564-11", "2564-12", "2565-01", "2565-02", "2565-03"] {
                for village in 1...12 {
                    let slip = month == "2565-03" && ((d, village) == (1, 2) || (d, village) == (2, 4))
                    lines.append("560\(d),\(month),claims,บ้านทดสอบ \(d)-\(village),\(slip ? 10_000 : 100),")
                }
            }
        }
        let file = inputs.appendingPathComponent("submissions/claims-history.csv")
        try Data((lines.joined(separator: "\r\n") + "\r\n").utf8).write(to: file)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_644_000_000)],
                                              ofItemAtPath: file.path)

        let outcome = job(folder, inputs: inputs, limit: 1).run(scopes: [Self.q2])
        let csv = try #require(outcome.written.first?.anomaliesCSV)
        #expect(csv.lastPathComponent == "phayao-agenda-FY2565-Q2-anomalies.csv")
        #expect(csv.deletingLastPathComponent().lastPathComponent == "FY2565-Q2")
        let rows = try String(contentsOf: csv, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 3)
        #expect(rows[1].hasPrefix("5601,2565-03,claims,บ้านทดสอบ 1-2,10000,100,45.1,peers,"))
        #expect(rows[2].hasPrefix("5602,2565-03,claims,บ้านทดสอบ 2-4,10000,100,45.1,peers,"))
        #expect(outcome.resultLines(.en).contains(csv.path))
        let sheet = try #require(try SheetReadBack.read(outcome.written[0].workbook, sheets: ["Anomalies"])
            .sheets["Anomalies"])
        #expect(sheet.row(0, width: 10)[9]?.v.string?.contains("phayao-agenda-FY2565-Q2-anomalies.csv") == true)

        let roomy = job(folder, inputs: inputs).run(scopes: [Self.q2])
        #expect(roomy.written.first?.anomaliesCSV == nil)
        #expect(!FileManager.default.fileExists(atPath: csv.path))
    }

    @Test func supersededOverflowGoesToItsOwnCSV() throws {
        let folder = try makeTemporaryFolder("job")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try ReportFixtureInputs.copy(into: folder)
        // A district sends its whole file again later: every key of the first file is superseded once more.
        let original = inputs.appendingPathComponent("submissions/5601/2565-01_02.csv")
        let again = inputs.appendingPathComponent("submissions/5601/2565-01_02-again.csv")
        try FileManager.default.copyItem(at: original, to: again)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_650_000_000)],
                                              ofItemAtPath: again.path)
        let loaded = try job(folder, inputs: inputs).loadInputs()
        let supersededCount = loaded.imported.superseded.count
        #expect(supersededCount >= 3)

        let outcome = job(folder, inputs: inputs, limit: 2).run(scopes: [Self.q2])
        let csv = try #require(outcome.written.first?.supersededCSV)
        #expect(csv.lastPathComponent == "phayao-agenda-FY2565-Q2-superseded.csv")
        let text = try String(contentsOf: csv, encoding: .utf8)
        #expect(try Data(contentsOf: csv).starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with a BOM, for Thai Excel")
        #expect(text.replacingOccurrences(of: "\u{FEFF}", with: "")
            .hasPrefix(DataExport.supersededHeader.joined(separator: ",")))
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == supersededCount + 1)
        #expect(outcome.resultLines(.en).contains(csv.path))
        let book = try SheetReadBack.read(outcome.written[0].workbook, sheets: ["Superseded"])
        let notice = book.sheets["Superseded"]?.rows.first?.first??.v.string
        #expect(notice?.contains("phayao-agenda-FY2565-Q2-superseded.csv") == true)
        #expect(notice?.contains("ค่าที่ถูกแทนที่") == true)

        let roomy = job(folder, inputs: inputs).run(scopes: [Self.q2])
        #expect(roomy.written.first?.supersededCSV == nil)
        #expect(!FileManager.default.fileExists(atPath: csv.path))
    }

    @Test("the result line counts rejected rows as the Sources sheet does, and whole files apart")
    func resultLineCountsRows() throws {
        let folder = try makeTemporaryFolder("job-rows")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try ReportFixtureInputs.copy(into: folder)
        // One row with three problems is one rejected row; a file missing two columns is one rejected file.
        let header = "district_code,period,indicator_id,area,value,note\r\n"
        try Data((header + "9999,2565-13,nothing,,abc,\r\n5601,2565-01,members,,1,\r\n").utf8)
            .write(to: inputs.appendingPathComponent("submissions/5602/bad.csv"))
        try Data("district_code,note\r\n5602,x\r\n".utf8).write(to: inputs.appendingPathComponent("submissions/5602/cols.csv"))
        let outcome = job(folder, inputs: inputs).run(scopes: [Self.q2])
        let imported = try job(folder, inputs: inputs).loadInputs().imported
        let rows = imported.sources.reduce(0) { $0 + $1.rejected }
        #expect(imported.rejections.filter { !$0.wholeFile }.count > rows, "the fixture must have rows with several problems")
        #expect(imported.rejections.filter(\.wholeFile).count > 1, "the fixture must have a file with several header problems")
        #expect(outcome.rejected == rows)
        #expect(outcome.rejectedFiles == 1)
        let line = try #require(outcome.resultLines(.en).last)
        #expect(line.contains("\(rows) rows rejected, 1 whole file rejected"), "\(line)")
        #expect(try #require(outcome.resultLines(.th).last).contains("ปฏิเสธ \(rows) แถว และปฏิเสธทั้งไฟล์ 1 ไฟล์"))
    }

    @Test("an empty submissions folder is a failure, not an empty report")
    func emptySubmissionsFail() throws {
        let folder = try makeTemporaryFolder("job-empty")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try ReportFixtureInputs.copy(into: folder)
        let submissions = inputs.appendingPathComponent("submissions")
        try FileManager.default.removeItem(at: submissions)
        try FileManager.default.createDirectory(at: submissions.appendingPathComponent(".snapshot"), withIntermediateDirectories: true)
        let outcome = job(folder, inputs: inputs).run(scopes: [Self.q2])
        #expect(outcome.status == .failure)
        #expect(outcome.failure?.message.en.contains("no submissions found in \(submissions.path): is the share mounted?") == true)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/FY2565-Q2/phayao-agenda-FY2565-Q2.xlsx").path))
    }
}
