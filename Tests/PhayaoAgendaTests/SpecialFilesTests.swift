import Foundation
import Testing

/// Nothing a district (or a broken share) puts in the inputs folder can hang, crash or silently change a run:
/// FIFOs and devices named `*.csv`, an unreadable district folder, an empty folder, impossible as-of days.
/// Every process here runs with a 10-second limit, so a hang fails the test instead of stalling the suite.
@Suite("Special files, broken shares and impossible days", .serialized)
struct SpecialFilesTests {
    static let limit: TimeInterval = 10

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The report fixture with a FIFO and links to endless devices, all named like submissions.
    func trapInputs(in dir: URL) throws -> URL {
        let inputs = try ReportCommandTests().inputs(in: dir)
        let district = inputs.appendingPathComponent("submissions/5601")
        #expect(mkfifo(district.appendingPathComponent("pipe.csv").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: district.appendingPathComponent("zero.csv").path,
                                                   withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: district.appendingPathComponent("random.csv").path,
                                                   withDestinationPath: "/dev/urandom")
        return inputs
    }

    @Test("report and nightly pass over a FIFO and links to /dev/zero and /dev/urandom without opening them")
    func fifoAndDevicesDoNotHangReports() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = try trapInputs(in: dir)
        let out = dir.appendingPathComponent("out").path
        let report = try ProcessRunner.run(["report", "--year", "2565", "--inputs", inputs.path, "--out", out, "--lang", "en"],
                                           timeout: Self.limit)
        #expect(!report.timedOut, "report hung on a FIFO or device")
        #expect(report.status == 2, "\(report.stderr)")
        #expect(report.stdout.contains("3 paths skipped (see the Sources sheet)"), "\(report.stdout)")
        let nightly = try ProcessRunner.run(["nightly", "--as-of", "2565-02-20", "--inputs", inputs.path, "--out", out],
                                            timeout: Self.limit)
        #expect(!nightly.timedOut, "nightly hung on a FIFO or device")
        #expect(nightly.status == 2, "\(nightly.stderr)")
    }

    @Test("validate rejects a FIFO or device given by name, without opening it")
    func fifoAndDevicesDoNotHangValidate() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = try trapInputs(in: dir)
        let district = inputs.appendingPathComponent("submissions/5601")
        let names = ["pipe.csv", "zero.csv", "random.csv"].map { district.appendingPathComponent($0).path }
        let result = try ProcessRunner.run(["validate", "--inputs", inputs.path, "--lang", "en"] + names + ["/dev/zero"],
                                           timeout: Self.limit)
        #expect(!result.timedOut, "validate hung on a FIFO or device")
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(names[0]):0: Not read: this is a FIFO (named pipe), not a regular file"), "\(result.stdout)")
        #expect(result.stdout.contains("/dev/zero:0: Not read: this is a device"))
        #expect(result.stdout.contains("4 files rejected whole"), "\(result.stdout)")
    }

    @Test("an unreadable district folder is rejected; the other districts' report is still written (exit 2)")
    func unreadableFolder() throws {
        let dir = try folder()
        defer {
            _ = chmod(dir.appendingPathComponent("inputs/submissions/5602").path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        let inputs = try ReportCommandTests().inputs(in: dir)
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // As root, chmod 000 stops nobody: run the binary as the unprivileged user `nobody` over world-readable
        // inputs and a world-writable output folder.
        var command = [ProcessRunner.executable.path]
        if getuid() == 0 {
            let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
            try #require(FileManager.default.isExecutableFile(atPath: setpriv.path),
                         "running as root needs setpriv to drop privileges for this test")
            command = [setpriv.path, "--reuid=65534", "--regid=65534", "--clear-groups"] + command
            #expect(chmod(dir.path, 0o755) == 0 && chmod(out.path, 0o777) == 0)
        }
        #expect(chmod(inputs.appendingPathComponent("submissions/5602").path, 0) == 0)
        let result = try ProcessRunner.started(
            executable: URL(fileURLWithPath: command[0]),
            Array(command.dropFirst()) + ["report", "--year", "2565", "--inputs", inputs.path, "--out", out.path, "--lang", "en"]
        ).finish(timeout: Self.limit)
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("read 2 files"), "\(result.stdout)")
        #expect(result.stdout.contains("1 whole file rejected"), "\(result.stdout)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("FY2565/phayao-agenda-FY2565.xlsx").path))
        let summary = try String(contentsOf: out.appendingPathComponent("FY2565/phayao-agenda-FY2565-summary.txt"), encoding: .utf8)
        #expect(!summary.isEmpty)
    }

    @Test("an empty submissions folder fails the run: exit 1, 'is the share mounted?', the previous report kept")
    func emptySubmissions() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = try ReportCommandTests().inputs(in: dir)
        let out = dir.appendingPathComponent("out")
        let first = try ProcessRunner.run(["report", "--year", "2565", "--inputs", inputs.path, "--out", out.path],
                                          timeout: 60)
        #expect(first.status == 2)
        let workbook = out.appendingPathComponent("FY2565/phayao-agenda-FY2565.xlsx")
        let before = try Data(contentsOf: workbook)
        let submissions = inputs.appendingPathComponent("submissions")
        try FileManager.default.removeItem(at: submissions)
        try FileManager.default.createDirectory(at: submissions, withIntermediateDirectories: true)
        for (language, text) in [("en", "no submissions found in \(submissions.path): is the share mounted?"),
                                 ("th", "ไม่พบไฟล์ส่งข้อมูลใน \(submissions.path)")] {
            let result = try ProcessRunner.run(["report", "--year", "2565", "--inputs", inputs.path, "--out", out.path,
                                                "--lang", language], timeout: Self.limit)
            #expect(result.status == 1)
            #expect(result.stderr.contains(text), "\(result.stderr)")
        }
        let nightly = try ProcessRunner.run(["nightly", "--as-of", "2565-02-20", "--inputs", inputs.path, "--out", out.path,
                                             "--lang", "en"], timeout: Self.limit)
        #expect(nightly.status == 1)
        #expect(nightly.stderr.contains("is the share mounted?"))
        #expect(try Data(contentsOf: workbook) == before)
    }

    @Test("an as-of day outside 2500–2700 BE is bad usage (exit 64), never a report named FY544", arguments: [
        ["report", "--year", "2565"], ["nightly"],
    ])
    func asOfBounds(command: [String]) throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        for day in ["0001-01-01", "99999-12-31", "1956-12-31", "2701-01-01"] {
            let result = try ProcessRunner.run(command + ["--as-of", day, "--inputs", dir.path, "--out", out],
                                               timeout: Self.limit)
            #expect(result.status == 64, "\(day): \(result.stderr)")
            #expect(result.stderr.contains("--as-of must fall in 2500–2700 BE (1957–2157 CE)") ||
                    result.stderr.contains("--as-of must be a day"), "\(day): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out), "nothing written")
    }
}
