import Foundation
import Testing

/// `phayao-agenda report` as a process: exit codes, and a run killed mid-write.
@Suite(.serialized) struct ReportCommandTests {
    static let fixture = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/report/inputs")

    /// A copy of the report fixture with fixed modification times.
    func inputs(in folder: URL) throws -> URL {
        let inputs = folder.appendingPathComponent("inputs")
        try FileManager.default.copyItem(at: Self.fixture, to: inputs)
        var time = 1_644_000_000.0
        for file in try FileManager.default.subpathsOfDirectory(atPath: inputs.path).sorted() where file.hasSuffix(".csv") {
            time += 86_400
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: time)],
                                                  ofItemAtPath: inputs.appendingPathComponent(file).path)
        }
        return inputs
    }

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("report-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func exitCodes() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = try inputs(in: dir)
        let out = dir.appendingPathComponent("out").path

        let withRejection = try ProcessRunner.run(["report", "--quarter", "2565-Q2", "--inputs", inputs.path, "--out", out])
        #expect(withRejection.status == 2, "\(withRejection.stderr)")
        #expect(withRejection.stdout.contains("phayao-agenda-FY2565-Q2.xlsx"))
        #expect(withRejection.stderr.isEmpty, "quiet when stderr is not a terminal")

        let data = inputs.appendingPathComponent("submissions/5601/2565-01_02.csv")
        let kept = try String(contentsOf: data, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.contains(",abc,") }
        try kept.joined(separator: "\r\n").write(to: data, atomically: false, encoding: .utf8)
        let clean = try ProcessRunner.run(["report", "--year", "2565", "--inputs", inputs.path, "--out", out, "--lang", "en"])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.contains("0 rows rejected"), "\(clean.stdout)")

        let indicators = inputs.appendingPathComponent("reference/indicators.csv")
        try String(contentsOf: indicators, encoding: .utf8).replacingOccurrences(of: "paid,claims", with: "paid,nothing")
            .write(to: indicators, atomically: false, encoding: .utf8)
        let broken = try ProcessRunner.run(["report", "--year", "2565", "--inputs", inputs.path, "--out", out])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("indicators.csv:5:"), "\(broken.stderr)")

        for flags in [["--year", "2565", "--quarter", "2565-Q1"], [], ["--quarter", "2565-Q7"], ["--quarter", "65-Q1"],
                      ["--year", "2022"], ["--year", "2565", "--lang", "fr"], ["--year", "2565", "--as-of", "31/03/2565"]] {
            let bad = try ProcessRunner.run(["report"] + flags + ["--inputs", inputs.path, "--out", out])
            #expect(bad.status == 64, "\(flags)")
        }
        #expect(try ProcessRunner.run(["report", "--quarter", "FY2565-Q2", "--inputs", inputs.path, "--out", out,
                                       "--as-of", "2565-03-31"]).status == 1, "flags fine, reference still broken")
    }

    /// `--export-values` writes every accepted value beside the workbook, in the report's folder; without it
    /// nothing but the workbook and the summary.
    @Test func exportValuesFlag() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = try inputs(in: dir)
        let out = dir.appendingPathComponent("out")
        let plain = try ProcessRunner.run(["report", "--quarter", "2565-Q2", "--inputs", inputs.path, "--out", out.path])
        #expect(plain.status == 2, "\(plain.stderr)")
        let folder = out.appendingPathComponent("FY2565-Q2")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
            "districts", "phayao-agenda-FY2565-Q2-summary.txt", "phayao-agenda-FY2565-Q2.xlsx"])
        let exported = try ProcessRunner.run(["report", "--quarter", "2565-Q2", "--export-values", "--inputs", inputs.path,
                                              "--out", out.path])
        #expect(exported.status == 2, "\(exported.stderr)")
        let csv = folder.appendingPathComponent("phayao-agenda-FY2565-Q2-data.csv")
        #expect(exported.stdout.contains(csv.path))
        let lines = try String(contentsOf: csv, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 9, "the header and the 8 accepted values")
    }

    /// The killed run reads inputs whose report differs from the previous one: without the last row's fix.
    func changedInputs(from small: URL, in dir: URL) throws -> URL {
        let changed = dir.appendingPathComponent("changed")
        try FileManager.default.copyItem(at: small, to: changed)
        let data = changed.appendingPathComponent("submissions/5601/2565-01_02.csv")
        let kept = try String(contentsOf: data, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.contains(",abc,") }
        try kept.joined(separator: "\r\n").write(to: data, atomically: false, encoding: .utf8)
        return changed
    }

    /// The staging folders (`.staging.partial-<pid>-<n>`) in `out`.
    func stagingFolders(in out: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".staging.partial-") }
            .sorted().map { out.appendingPathComponent($0) }
    }

    /// The files staged in a staging folder, without the commit's own bookkeeping.
    /// What a kill test starts from: a first report written from `small`, and a second run on `changed` inputs
    /// stopped at a pause point.
    struct PausedRun {
        var small: URL
        var changed: URL
        var out: URL
        var workbook: URL
        var summary: URL
        /// The first run's workbook and summary bytes.
        var previous: (Data, Data)
    }

    /// Writes the year report once, then starts a second run on changed inputs that stops itself at `point`
    /// (`PHAYAO_AGENDA_PAUSE_AT`, debug builds only).
    func reportThenPauseSecondRun(in dir: URL, at point: String) throws -> (PausedRun, ProcessRunner.Running) {
        let small = try inputs(in: dir)
        let out = dir.appendingPathComponent("out")
        let first = try ProcessRunner.run(["report", "--year", "2565", "--inputs", small.path, "--out", out.path])
        #expect(first.status == 2)
        let workbook = out.appendingPathComponent("FY2565/phayao-agenda-FY2565.xlsx")
        let summary = out.appendingPathComponent("FY2565/phayao-agenda-FY2565-summary.txt")
        let previous = (try Data(contentsOf: workbook), try Data(contentsOf: summary))
        let changed = try changedInputs(from: small, in: dir)
        let running = try ProcessRunner.started(
            executable: ProcessRunner.executable,
            ["report", "--year", "2565", "--inputs", changed.path, "--out", out.path],
            environment: ["PHAYAO_AGENDA_PAUSE_AT": point])
        try #require(running.waitUntilStopped(timeout: 120), "the run never reached the pause point \(point)")
        return (PausedRun(small: small, changed: changed, out: out, workbook: workbook, summary: summary,
                          previous: previous), running)
    }

    func stagedNames(in staging: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: staging.path).filter { !$0.hasPrefix(".") && $0 != "districts" }
            .sorted()
    }

    /// Kills a nightly run in the middle of its commit (`PHAYAO_AGENDA_PAUSE_AT=mid-commit`: the quarter-to-date
    /// folder switched in, the year-to-date one not yet). Each report folder is whole, never a new workbook beside
    /// an old summary: the quarter's holds the new report, the year's and `latest/` the previous ones,
    /// byte-identical. The next run sweeps the killed run's staging folder and finishes the job.
    @Test func killedMidCommitLeavesEveryReportWhole() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let small = try inputs(in: dir)
        let out = dir.appendingPathComponent("out")
        let nightly = ["nightly", "--as-of", "2565-02-20", "--out", out.path, "--inputs"]
        let first = try ProcessRunner.run(nightly + [small.path])
        #expect(first.status == 2, "\(first.stderr)")
        func files(_ name: String) throws -> [String: Data] {
            let folder = out.appendingPathComponent(name)
            var files: [String: Data] = [:]
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file != "districts" {
                files[file] = try Data(contentsOf: folder.appendingPathComponent(file))
            }
            return files
        }
        let (quarter, year) = ("FY2565-Q2-to-2565-02", "FY2565-to-2565-02")
        let previous = (quarter: try files(quarter), year: try files(year), latest: try files("latest"))
        let changed = try changedInputs(from: small, in: dir)
        let running = try ProcessRunner.started(executable: ProcessRunner.executable, nightly + [changed.path],
                                                environment: ["PHAYAO_AGENDA_PAUSE_AT": "mid-commit"])
        try #require(running.waitUntilStopped(timeout: 120), "the run never reached the pause point")
        kill(running.process.processIdentifier, SIGKILL)
        _ = try running.finish(timeout: 10)
        #expect(running.process.terminationReason == .uncaughtSignal)

        let quarterNow = try files(quarter)
        #expect(quarterNow.keys.sorted() == previous.quarter.keys.sorted())
        #expect(quarterNow.keys.allSatisfy { quarterNow[$0] != previous.quarter[$0] },
                "the quarter's folder holds the new report, workbook and summary alike")
        #expect(try files(year) == previous.year, "the year's folder is the previous report, byte-identical")
        #expect(try files("latest") == previous.latest)
        #expect(try stagingFolders(in: out).count == 1)

        let next = try ProcessRunner.run(nightly + [changed.path])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try stagingFolders(in: out).isEmpty, "the killed run's staging folder is swept")
        #expect(try files(year) != previous.year)
        #expect(try files(quarter) == quarterNow, "same inputs, same bytes")
    }

    /// Kills a run at the exact moment every new file is complete under its temporary name and none is renamed yet
    /// (the debug build's `PHAYAO_AGENDA_PAUSE_AT=staged` stops the process there): the previous report stays
    /// byte-identical, the final names never hold a partial file, and the next run sweeps the leftovers.
    @Test func killedAfterStagingLeavesThePreviousReport() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (paused, running) = try reportThenPauseSecondRun(in: dir, at: "staged")
        let (small, out, workbook, summary, previous) = (paused.small, paused.out, paused.workbook, paused.summary, paused.previous)
        let staging = try #require(try stagingFolders(in: out).first).appendingPathComponent("FY2565")
        #expect(try stagedNames(in: staging) == ["phayao-agenda-FY2565-summary.txt", "phayao-agenda-FY2565.xlsx"],
                "workbook and summary staged together, in the report's folder")
        #expect(try Data(contentsOf: staging.appendingPathComponent("phayao-agenda-FY2565-summary.txt")) != previous.1,
                "the killed run would have changed the report")
        kill(running.process.processIdentifier, SIGKILL)
        _ = try running.finish(timeout: 10)
        #expect(running.process.terminationReason == .uncaughtSignal)
        #expect(try Data(contentsOf: workbook) == previous.0)
        #expect(try Data(contentsOf: summary) == previous.1)

        let again = try ProcessRunner.run(["report", "--year", "2565", "--inputs", small.path, "--out", out.path])
        #expect(again.status == 2)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!names.contains { $0.contains(".partial-") }, "stale partial files are swept: \(names)")
        #expect(try Data(contentsOf: workbook) == previous.0, "same inputs, same bytes")
    }

    /// Two runs into one output folder: while the first holds the run lock (stopped after staging), a second
    /// `report` or `nightly` refuses with exit 75 naming the holder, and one given `--wait-lock` waits and then
    /// succeeds; the first's staged files survive both and it completes normally.
    @Test func concurrentRunsIntoOneFolder() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let small = try inputs(in: dir)
        let out = dir.appendingPathComponent("out")
        let arguments = ["report", "--year", "2565", "--inputs", small.path, "--out", out.path, "--lang", "en"]
        let holder = try ProcessRunner.started(executable: ProcessRunner.executable, arguments,
                                               environment: ["PHAYAO_AGENDA_PAUSE_AT": "staged"])
        try #require(holder.waitUntilStopped(timeout: 120), "the first run never reached the staged point")
        let pid = holder.process.processIdentifier

        let refused = try ProcessRunner.run(arguments, timeout: 10)
        #expect(refused.status == 75, "\(refused.stderr)")
        #expect(refused.stderr.contains("another run is writing reports in this folder"), "\(refused.stderr)")
        #expect(refused.stderr.contains("pid \(pid)"), "the holder is named: \(refused.stderr)")
        let nightly = try ProcessRunner.run(["nightly", "--as-of", "2565-02-20", "--inputs", small.path, "--out", out.path],
                                            timeout: 10)
        #expect(nightly.status == 75, "\(nightly.stderr)")
        let staging = try stagingFolders(in: out)
        #expect(staging.count == 1, "a refused run never touches the holder's staging folder")
        #expect(try stagedNames(in: try #require(staging.first).appendingPathComponent("FY2565")).count == 2,
                "a refused run never touches the holder's staged files")

        let waiter = try ProcessRunner.started(executable: ProcessRunner.executable, arguments + ["--wait-lock", "60"])
        usleep(500_000)
        #expect(waiter.process.isRunning, "the waiter waits for the lock")
        kill(pid, SIGCONT)
        let first = try holder.finish(timeout: 60)
        #expect(first.status == 2, "\(first.stderr)")
        let second = try waiter.finish(timeout: 60)
        #expect(second.status == 2, "\(second.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!names.contains { $0.contains(".partial-") }, "\(names)")
        #expect(names.contains(".phayao-agenda-run.lock"))
    }
}
