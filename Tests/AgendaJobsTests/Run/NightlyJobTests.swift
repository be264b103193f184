import AgendaCore
import Foundation
import TestSupport
import Testing
@testable import AgendaJobs
import AgendaReports

@Suite("Nightly job")
struct NightlyJobTests {
    private func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nightly-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func job(inputs: URL, out: URL, day: String, workbookOptions: WorkbookOptions = WorkbookOptions(),
                     exportValues: Bool = false) -> NightlyJob {
        let asOf = BangkokCalendar.parseDay(day)!
        let (month, dayOfMonth) = BangkokCalendar.day(of: asOf)
        let configuration = ReportJobConfiguration(inputs: inputs, output: out, asOf: asOf,
                                                   workbookOptions: workbookOptions, showProgress: false,
                                                   exportValues: exportValues)
        return NightlyJob(configuration: configuration, plan: NightlyPlan(asOfMonth: month, day: dayOfMonth))
    }

    /// A first successful night (20 February 2565) on a copy of the fixture inputs: the inputs and output folders,
    /// `latest/`'s year-to-date workbook and its bytes, for tests of what a later night must not change.
    private func firstNight() throws -> (inputs: URL, out: URL, latest: URL, before: Data) {
        let root = try scratch()
        let inputs = try ReportFixtureInputs.copy(into: root)
        let out = root.appendingPathComponent("Reports")
        _ = job(inputs: inputs, out: out, day: "2565-02-20").run()
        let latest = out.appendingPathComponent("latest/phayao-agenda-FY2565-to-2565-02.xlsx")
        return (inputs, out, latest, try Data(contentsOf: latest))
    }

    private func names(in folder: URL) throws -> [String] {
        // The districts' feedback packs have their own tests.
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") && $0 != "districts" }
            .sorted()
    }

    @Test("mid-quarter: quarter-to-date and year-to-date reports, latest/ holds exactly those")
    func midQuarter() throws {
        let root = try scratch()
        let inputs = try ReportFixtureInputs.copy(into: root)
        let out = root.appendingPathComponent("Reports")
        let result = job(inputs: inputs, out: out, day: "2565-02-20").run()
        guard case .ran(let outcome) = result else { Issue.record("expected a run"); return }
        #expect(outcome.status == .writtenWithRejections)
        #expect(try names(in: out) == ["FY2565-Q2-to-2565-02", "FY2565-to-2565-02", "latest"])
        #expect(try names(in: out.appendingPathComponent("FY2565-to-2565-02")) == [
            "phayao-agenda-FY2565-to-2565-02-summary.txt", "phayao-agenda-FY2565-to-2565-02.xlsx",
        ])
        #expect(try names(in: out.appendingPathComponent("latest")) == [
            "phayao-agenda-FY2565-Q2-to-2565-02-summary.txt", "phayao-agenda-FY2565-Q2-to-2565-02.xlsx",
            "phayao-agenda-FY2565-to-2565-02-summary.txt", "phayao-agenda-FY2565-to-2565-02.xlsx",
        ])
        let original = try Data(contentsOf: out.appendingPathComponent("FY2565-to-2565-02/phayao-agenda-FY2565-to-2565-02.xlsx"))
        let copy = try Data(contentsOf: out.appendingPathComponent("latest/phayao-agenda-FY2565-to-2565-02.xlsx"))
        #expect(original == copy)
    }

    @Test("latest/ also holds the CSVs the workbooks point to (exported and superseded values), as hard links")
    func overflowCSVsGoToLatest() throws {
        let root = try scratch()
        let inputs = try ReportFixtureInputs.copy(into: root)
        // A second correction, so that two superseded values overflow a one-row sheet as the accepted ones do.
        let fix = inputs.appendingPathComponent("submissions/5601/2565-01-fix.csv")
        let modified = try FileManager.default.attributesOfItem(atPath: fix.path)[.modificationDate] as! Date
        try (try String(contentsOf: fix, encoding: .utf8) + "5601,2565-01,claims,,21,\n").write(to: fix, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: fix.path)
        let out = root.appendingPathComponent("Reports")
        let result = job(inputs: inputs, out: out, day: "2565-02-20", workbookOptions: WorkbookOptions(dataSheetRowLimit: 1),
                         exportValues: true).run()
        guard case .ran(let outcome) = result else { Issue.record("expected a run"); return }
        let yearToDate = try #require(outcome.written.first { $0.workbook.lastPathComponent == "phayao-agenda-FY2565-to-2565-02.xlsx" })
        let csvs = [yearToDate.dataCSV, yearToDate.supersededCSV].compactMap { $0 }
        #expect(csvs.count == 2, "both sheets overflow at one row")
        for csv in csvs {
            let copy = out.appendingPathComponent("latest").appendingPathComponent(csv.lastPathComponent)
            #expect(try Data(contentsOf: copy) == Data(contentsOf: csv), "\(csv.lastPathComponent) in latest/")
            let (linked, original) = (try FileManager.default.attributesOfItem(atPath: copy.path),
                                      try FileManager.default.attributesOfItem(atPath: csv.path))
            #expect(linked[.systemFileNumber] as? Int == original[.systemFileNumber] as? Int, "one file, two names")
        }
    }

    @Test("across a quarter boundary: the quarter just ended is rebuilt too, latest/ moves to the new quarter")
    func quarterBoundary() throws {
        let root = try scratch()
        let inputs = try ReportFixtureInputs.copy(into: root)
        let out = root.appendingPathComponent("Reports")
        _ = job(inputs: inputs, out: out, day: "2565-03-31").run()
        let result = job(inputs: inputs, out: out, day: "2565-04-02").run()
        guard case .ran(let outcome) = result else { Issue.record("expected a run"); return }
        #expect(outcome.written.map(\.scope.slug) == ["FY2565-Q3-to-2565-04", "FY2565-to-2565-04", "FY2565-Q2"])
        #expect(try names(in: out.appendingPathComponent("latest")) == [
            "phayao-agenda-FY2565-Q3-to-2565-04-summary.txt", "phayao-agenda-FY2565-Q3-to-2565-04.xlsx",
            "phayao-agenda-FY2565-to-2565-04-summary.txt", "phayao-agenda-FY2565-to-2565-04.xlsx",
        ])
        // Last night's quarter-to-date file stays in the output folder as the March snapshot.
        #expect(try names(in: out.appendingPathComponent("FY2565-Q2-to-2565-03")).contains("phayao-agenda-FY2565-Q2-to-2565-03.xlsx"))
        #expect(try names(in: out.appendingPathComponent("FY2565-Q2")).contains("phayao-agenda-FY2565-Q2.xlsx"))
        // latest/ is a real folder (Samba clients need not follow links), and the swap leaves nothing behind.
        let latest = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("latest").path)
        #expect(latest[.type] as? FileAttributeType == .typeDirectory)
        let hidden = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }
        #expect(hidden.sorted() == [".cache", ".nightly-state"], "\(hidden)")
    }

    @Test("unchanged inputs: nothing is written; a touched input or a deleted report makes it run again")
    func unchangedInputs() throws {
        let root = try scratch()
        let inputs = try ReportFixtureInputs.copy(into: root)
        let out = root.appendingPathComponent("Reports")
        guard case .ran = job(inputs: inputs, out: out, day: "2565-02-20").run() else {
            Issue.record("first run should build"); return
        }
        let workbook = out.appendingPathComponent("FY2565-to-2565-02/phayao-agenda-FY2565-to-2565-02.xlsx")
        let stamp = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: workbook.path)

        guard case .unchanged = job(inputs: inputs, out: out, day: "2565-02-20").run() else {
            Issue.record("second run with the same inputs should do nothing"); return
        }
        let after = try FileManager.default.attributesOfItem(atPath: workbook.path)[.modificationDate] as? Date
        #expect(after == stamp)

        // A new as-of day in the same month chooses the same reports: still nothing to do.
        guard case .unchanged = job(inputs: inputs, out: out, day: "2565-02-21").run() else {
            Issue.record("same scopes, same inputs: nothing to do"); return
        }
        // An edited input file runs again.
        let submission = inputs.appendingPathComponent("submissions/5602/2565-02.csv")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_646_500_000)],
                                              ofItemAtPath: submission.path)
        guard case .ran = job(inputs: inputs, out: out, day: "2565-02-21").run() else {
            Issue.record("a touched input should rebuild"); return
        }
        // A report deleted by hand is rebuilt even though nothing changed.
        try FileManager.default.removeItem(at: workbook)
        guard case .ran = job(inputs: inputs, out: out, day: "2565-02-21").run() else {
            Issue.record("a missing report should be rebuilt"); return
        }
        #expect(FileManager.default.fileExists(atPath: workbook.path))
    }

    @Test("a failed night keeps the previous reports and latest/, and records nothing, so the next night retries")
    func failureKeepsPrevious() throws {
        let (inputs, out, latest, before) = try firstNight()
        let state = try Data(contentsOf: out.appendingPathComponent(".nightly-state"))

        let indicators = inputs.appendingPathComponent("reference/indicators.csv")
        let handle = try FileHandle(forWritingTo: indicators)
        handle.seekToEndOfFile()
        handle.write(Data("broken,nowhere,ก,b,c,d,median,,,higher\n".utf8))
        try handle.close()

        guard case .ran(let outcome) = job(inputs: inputs, out: out, day: "2565-02-20").run() else {
            Issue.record("changed inputs should run"); return
        }
        #expect(outcome.status == .failure)
        #expect(outcome.failure?.message.en.contains("indicators.csv") == true)
        #expect(try Data(contentsOf: latest) == before)
        #expect(try Data(contentsOf: out.appendingPathComponent(".nightly-state")) == state)
    }

    @Test("an empty submissions folder (an unmounted share) fails the night and keeps latest/ and the reports")
    func emptySubmissionsKeepLatest() throws {
        let (inputs, out, latest, before) = try firstNight()
        let submissions = inputs.appendingPathComponent("submissions")
        try FileManager.default.removeItem(at: submissions)
        try FileManager.default.createDirectory(at: submissions, withIntermediateDirectories: true)

        guard case .ran(let outcome) = job(inputs: inputs, out: out, day: "2565-02-20").run() else {
            Issue.record("changed inputs should run"); return
        }
        #expect(outcome.status == .failure)
        #expect(outcome.failure?.message.en.contains("no submissions found in \(submissions.path): is the share mounted?") == true,
                "\(outcome.resultLines(.en))")
        #expect(outcome.failure?.message.th.contains("ไม่พบไฟล์ส่งข้อมูล") == true)
        #expect(try Data(contentsOf: latest) == before)
        #expect(try names(in: out.appendingPathComponent("latest")).count == 4)
    }
}
