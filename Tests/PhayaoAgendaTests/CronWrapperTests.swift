import Foundation
import Testing

/// Runs `cron/phayao-agenda-cron.sh` for real, as cron would: the normal night, two runs at once, a failing run,
/// log retention and the completed-quarter mode.
@Suite("Cron wrapper", .serialized)
struct CronWrapperTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let wrapper = repository.appendingPathComponent("cron/phayao-agenda-cron.sh")
    static let bash = URL(fileURLWithPath: "/bin/bash")

    /// A project folder with the report fixture's inputs, every file dated 1 March 2022.
    private func project() throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cron-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let inputs = home.appendingPathComponent("Inputs")
        try FileManager.default.copyItem(
            at: Self.repository.appendingPathComponent("Tests/Fixtures/report/inputs"), to: inputs)
        for file in try FileManager.default.subpathsOfDirectory(atPath: inputs.path) {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_646_092_800)],
                                                  ofItemAtPath: inputs.appendingPathComponent(file).path)
        }
        return home
    }

    private func runWrapper(home: URL, _ arguments: [String], binary: URL = ProcessRunner.executable,
                            extra: [String: String] = [:]) throws -> ProcessRunner.Outcome {
        try ProcessRunner.run(executable: Self.bash, [Self.wrapper.path] + arguments,
                              environment: environment(home: home, binary: binary, extra: extra))
    }

    private func environment(home: URL, binary: URL, extra: [String: String]) -> [String: String] {
        ["PHAYAO_HOME": home.path, "PHAYAO_BIN": binary.path].merging(extra) { _, new in new }
    }

    private func logs(_ home: URL) throws -> [URL] {
        let folder = home.appendingPathComponent("Reports/logs")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// A stand-in for the binary that records its arguments and sleeps, to hold the lock for a while.
    private func fakeBinary(in home: URL, sleep seconds: Int, exit status: Int = 0) throws -> URL {
        let url = home.appendingPathComponent("fake-phayao-agenda")
        try "#!/bin/bash\necho \"fake run: $*\"\nsleep \(seconds)\nexit \(status)\n".write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url
    }

    @Test("a normal night: one result line for cron's mail, a dated log, the job's own exit status")
    func normalRun() throws {
        let home = try project()
        let result = try runWrapper(home: home, ["nightly", "--as-of", "2565-02-20"])
        // The fixture holds one bad row on purpose: written with rejections is exit 2.
        #expect(result.status == 2)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("phayao-agenda nightly: OK with rejected rows") == true)
        // The bad row is 5601's; 5602 has not sent January (due 10 February): both districts have something to fix.
        #expect(result.stdout.contains("(see the Rejected sheet); districts to fix: 2 of 2; exit 2; log Reports/logs/"),
                "\(result.stdout)")
        let log = try String(contentsOf: try #require(logs(home).first), encoding: .utf8)
        #expect(log.contains("nightly --inputs Inputs --out Reports --as-of 2565-02-20"))
        #expect(log.contains("phayao-agenda-FY2565-to-2565-02.xlsx"))
        #expect(log.contains("# ") && log.contains(" exit 2"))
        #expect(FileManager.default.fileExists(
            atPath: home.appendingPathComponent("Reports/latest/phayao-agenda-FY2565-to-2565-02.xlsx").path))
    }

    @Test("two runs at once: the second refuses at once and says so, or waits for the lock when asked to")
    func overlappingRuns() throws {
        let home = try project()
        let slow = try fakeBinary(in: home, sleep: 3)
        let first = try ProcessRunner.started(executable: Self.bash, [Self.wrapper.path, "nightly"],
                                              environment: environment(home: home, binary: slow, extra: [:]))
        // Wait until the first run holds the lock: its log names the binary only after flock succeeded.
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let log = try? logs(home).first, let text = try? String(contentsOf: log, encoding: .utf8),
               text.contains("# host") { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let refused = try runWrapper(home: home, ["nightly"], binary: slow)
        #expect(refused.status == 75)
        #expect(refused.stdout.contains("NOT RUN: another run still holds"))
        let waited = try ProcessRunner.started(
            executable: Self.bash, [Self.wrapper.path, "nightly"],
            environment: environment(home: home, binary: slow, extra: ["PHAYAO_LOCK_WAIT": "30"]))
        let firstResult = try first.finish()
        #expect(firstResult.status == 0)
        #expect(firstResult.stdout.hasPrefix("phayao-agenda nightly: OK; exit 0"))
        let waitedResult = try waited.finish()
        #expect(waitedResult.status == 0)
    }

    @Test("a failing run keeps the last good report, exits non-zero and the log says why")
    func failingRun() throws {
        let home = try project()
        _ = try runWrapper(home: home, ["nightly", "--as-of", "2565-02-20"])
        let workbook = home.appendingPathComponent("Reports/latest/phayao-agenda-FY2565-to-2565-02.xlsx")
        let before = try Data(contentsOf: workbook)

        let indicators = home.appendingPathComponent("Inputs/reference/indicators.csv")
        let handle = try FileHandle(forWritingTo: indicators)
        handle.seekToEndOfFile()
        handle.write(Data("broken,nowhere,ก,b,c,d,median,,,higher\n".utf8))
        try handle.close()

        let result = try runWrapper(home: home, ["nightly", "--as-of", "2565-02-20"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAILED (last good report kept)"))
        #expect(result.stdout.contains("indicators.csv"))
        #expect(try Data(contentsOf: workbook) == before)
        let newest = try #require(logs(home).last)
        let log = try String(contentsOf: newest, encoding: .utf8)
        #expect(log.contains("indicators.csv") && log.contains(" exit 1"))
    }

    @Test("logs older than 90 days are deleted, newer ones kept")
    func logRetention() throws {
        let home = try project()
        let folder = home.appendingPathComponent("Reports/logs")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let old = folder.appendingPathComponent("2000-01-01_013000-nightly.log")
        let recent = folder.appendingPathComponent("2000-02-01_013000-nightly.log")
        try Data("old".utf8).write(to: old)
        try Data("recent".utf8).write(to: recent)
        let day = 86_400.0
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-100 * day)], ofItemAtPath: old.path)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-10 * day)], ofItemAtPath: recent.path)
        _ = try runWrapper(home: home, ["nightly"], binary: try fakeBinary(in: home, sleep: 0))
        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(FileManager.default.fileExists(atPath: recent.path))
    }

    @Test("quarter mode asks for the fiscal quarter that ended most recently", arguments: [
        ("2023-01-10", "2566-Q1"), // Oct–Dec 2565 BE
        ("2023-04-10", "2566-Q2"),
        ("2023-07-10", "2566-Q3"),
        ("2023-10-10", "2566-Q4"), // Jul–Sep 2566 BE; October already belongs to FY2567
        ("2023-11-29", "2566-Q4"),
    ])
    func quarterMode(today: String, quarter: String) throws {
        let home = try project()
        let result = try runWrapper(home: home, ["quarter"], binary: try fakeBinary(in: home, sleep: 0),
                                    extra: ["PHAYAO_TODAY": today])
        #expect(result.status == 0)
        let log = try String(contentsOf: try #require(logs(home).first), encoding: .utf8)
        #expect(log.contains("fake run: report --quarter \(quarter) --inputs Inputs --out Reports"))
    }

    @Test("a job that runs past PHAYAO_TIMEOUT is stopped: exit 124, the result line says so, the lock is free again")
    func timeLimit() throws {
        let home = try project()
        let started = Date()
        // Processes started from the test runner inherit its blocked signals, SIGTERM included, so the job here
        // only ends by the SIGKILL that follows: the same path as a job that ignores SIGTERM.
        let result = try runWrapper(home: home, ["nightly"], binary: try fakeBinary(in: home, sleep: 60),
                                    extra: ["PHAYAO_TIMEOUT": "1", "PHAYAO_KILL_AFTER": "1"])
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(result.status == 124 || result.status == 137, "\(result.stdout)")
        #expect(result.stdout.contains("FAILED: stopped after the time limit PHAYAO_TIMEOUT=1"), "\(result.stdout)")
        let next = try runWrapper(home: home, ["nightly"], binary: try fakeBinary(in: home, sleep: 0))
        #expect(next.status == 0)
    }

    @Test("runs started in the same second write separate logs")
    func separateLogs() throws {
        let home = try project()
        let quick = try fakeBinary(in: home, sleep: 0)
        let runs = try (0..<3).map { _ in
            try ProcessRunner.started(executable: Self.bash, [Self.wrapper.path, "nightly"],
                                      environment: environment(home: home, binary: quick, extra: ["PHAYAO_LOCK_WAIT": "30"]))
        }
        for run in runs { #expect(try run.finish().status == 0) }
        let logs = try logs(home)
        #expect(logs.count == 3, "\(logs.map(\.lastPathComponent))")
        for log in logs {
            let text = try String(contentsOf: log, encoding: .utf8)
            #expect(text.components(separatedBy: "# host").count == 2, "one run per log: \(text)")
        }
    }
}
