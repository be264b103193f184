import Foundation
import TestSupport
import Testing

/// `close`, `status` and a closed quarter's `report` as processes: exit codes, messages, a kill in the middle
/// of a closing, and an archive edited by hand.
@Suite(.serialized) struct CloseCommandTests {
    func folder() throws -> (dir: URL, inputs: URL, out: URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("close-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return (dir, try ReportCommandTests().inputs(in: dir), dir.appendingPathComponent("out"))
    }

    func close(_ inputs: URL, _ out: URL, _ extra: [String] = []) throws -> ProcessRunner.Outcome {
        try ProcessRunner.run(["close", "--quarter", "2565-Q2", "--inputs", inputs.path, "--out", out.path, "--lang", "en"]
                              + extra)
    }

    func closings(_ out: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("closed/FY2565-Q2").path)) ?? []).sorted()
    }

    @Test func closeRefusesThenClosesThenRefusesAgainThenReopens() throws {
        let (dir, inputs, out) = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let early = try close(inputs, out, ["--as-of", "2565-04-05"])
        #expect(early.status == 1)
        #expect(early.stderr.contains("submission window is open until 10 April 2565"), "\(early.stderr)")
        #expect(closings(out).isEmpty)

        let forced = try close(inputs, out, ["--as-of", "2565-04-05", "--force", "--note", "signed at meeting 4/2565"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("Closed quarter 2/2565: \(out.path)/closed/FY2565-Q2/1"), "\(forced.stdout)")
        let manifest = try String(contentsOf: out.appendingPathComponent("closed/FY2565-Q2/1/manifest.csv"), encoding: .utf8)
        #expect(manifest.contains("closing,note,,,,,,,,,,signed at meeting 4/2565,"))

        let twice = try close(inputs, out, ["--as-of", "2565-05-01"])
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("was already closed on") && twice.stderr.contains("Use --reopen"), "\(twice.stderr)")
        let reopened = try close(inputs, out, ["--as-of", "2565-05-01", "--reopen"])
        #expect(reopened.status == 0, "\(reopened.stderr)")
        #expect(closings(out) == ["1", "2"])
        #expect(try String(contentsOf: out.appendingPathComponent("closed/FY2565-Q2/1/manifest.csv"), encoding: .utf8)
                == manifest, "the earlier closing is kept as it was")

        let status = try ProcessRunner.run(["status", "--inputs", inputs.path, "--out", out.path, "--as-of", "2565-05-02",
                                            "--lang", "en"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("Q2/2565 (Jan–Mar 2565 BE): closed"), "\(status.stdout)")
        #expect(status.stdout.contains("0 figures revised since"))
        #expect(status.stdout.contains("Q3/2565 (Apr–Jun 2565 BE): open until 10 July 2565 BE"))
        #expect(status.stdout.contains("Next deadline: Apr 2565 values by 10 May 2565 BE"))
        // The fixture: 5601 sent January and February, 5602 February only; nobody March.
        #expect(status.stdout.contains("   not sent, Mar 2565: Mueang Phayao\n   not sent, Jan 2565, Mar 2565: Chun\n"),
                "\(status.stdout)")
        let thai = try ProcessRunner.run(["status", "--inputs", inputs.path, "--out", out.path, "--as-of", "2565-05-02"])
        #expect(thai.stdout.hasPrefix("สถานะการส่งข้อมูล พะเยา ณ 2 พฤษภาคม 2565\n"), "Thai by default: \(thai.stdout)")
    }

    /// A `close` killed with everything staged (`PHAYAO_AGENDA_PAUSE_AT=close-staged`) leaves no closing at all;
    /// the next `close` sweeps what it left and writes a whole one.
    @Test func killedCloseLeavesNoClosing() throws {
        let (dir, inputs, out) = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let running = try ProcessRunner.started(
            executable: ProcessRunner.executable,
            ["close", "--quarter", "2565-Q2", "--inputs", inputs.path, "--out", out.path, "--as-of", "2565-05-01"],
            environment: ["PHAYAO_AGENDA_PAUSE_AT": "close-staged"])
        try #require(running.waitUntilStopped(timeout: 120), "the close never reached the pause point")
        kill(running.process.processIdentifier, SIGKILL)
        _ = try running.finish(timeout: 10)
        #expect(closings(out).isEmpty, "no closing, not even an empty number")
        let staged = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("closed").path)
        #expect(staged.count == 1 && staged[0].hasPrefix(".staging.partial-"), "\(staged)")

        let again = try close(inputs, out, ["--as-of", "2565-05-01"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(closings(out) == ["1"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("closed").path) == ["FY2565-Q2"])
        let closing = out.appendingPathComponent("closed/FY2565-Q2/1")
        #expect(try FileManager.default.contentsOfDirectory(atPath: closing.path).sorted() == [
            "inputs", "manifest.csv", "phayao-agenda-FY2565-Q2-summary.txt", "phayao-agenda-FY2565-Q2.xlsx"])
    }

    /// After closing, `report --quarter` says on its first line that the quarter is closed and rebuilds the same
    /// bytes; `--current` reports today's inputs with a Revisions sheet; an archived copy edited by hand stops it.
    @Test func closedQuarterReport() throws {
        let (dir, inputs, out) = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try close(inputs, out, ["--as-of", "2565-05-01"]).status == 0)
        let closed = try Data(contentsOf: out.appendingPathComponent("closed/FY2565-Q2/1/phayao-agenda-FY2565-Q2.xlsx"))
        let report = try ProcessRunner.run(["report", "--quarter", "2565-Q2", "--inputs", inputs.path, "--out", out.path,
                                            "--lang", "en"])
        #expect(report.status == 2, "\(report.stderr)")
        let first = report.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("Quarter 2/2565 was closed on") && first.contains(" by "), "\(first)")
        let workbook = out.appendingPathComponent("FY2565-Q2/phayao-agenda-FY2565-Q2.xlsx")
        #expect(try Data(contentsOf: workbook) == closed)

        let current = try ProcessRunner.run(["report", "--quarter", "2565-Q2", "--current", "--inputs", inputs.path,
                                             "--out", out.path, "--as-of", "2565-05-01"])
        #expect(current.status == 2, "\(current.stderr)")
        #expect(!current.stdout.contains("closed on"))
        #expect(try SheetReadBack.read(workbook, sheets: ["Revisions"]).sheetNames.contains("Revisions"))

        let copy = out.appendingPathComponent("closed/FY2565-Q2/1/inputs/submissions/5602/2565-02.csv")
        chmod(copy.path, 0o644)
        try Data("district_code,period,indicator_id,area,value,note\n".utf8).write(to: copy)
        let tampered = try ProcessRunner.run(["report", "--quarter", "2565-Q2", "--inputs", inputs.path, "--out", out.path,
                                              "--lang", "en"])
        #expect(tampered.status == 1)
        #expect(tampered.stderr.contains(copy.path) && tampered.stderr.contains("does not match manifest.csv"), "\(tampered.stderr)")
        #expect(try Data(contentsOf: workbook) != closed, "the --current report stays; nothing was replaced")
    }
}
