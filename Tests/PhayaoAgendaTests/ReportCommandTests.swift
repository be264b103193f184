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
        #expect(clean.stdout.contains("0 rejected"))

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

    /// Kills a run while it writes its workbook: the previous report stays byte-identical, the final name never
    /// holds a partial file, and the next run sweeps the leftovers.
    @Test func killedMidWriteLeavesThePreviousReport() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let small = try inputs(in: dir)
        let out = dir.appendingPathComponent("out")
        let first = try ProcessRunner.run(["report", "--year", "2565", "--inputs", small.path, "--out", out.path])
        #expect(first.status == 2)
        let workbook = out.appendingPathComponent("phayao-agenda-FY2565.xlsx")
        let summary = out.appendingPathComponent("phayao-agenda-FY2565-summary.txt")
        let previous = (try Data(contentsOf: workbook), try Data(contentsOf: summary))

        // A large input: 2 districts × 12 months × 3 indicators × 4,000 villages = 288,000 rows.
        let large = dir.appendingPathComponent("large")
        try FileManager.default.copyItem(at: small.appendingPathComponent("reference"),
                                         to: large.appendingPathComponent("reference"))
        let submissions = large.appendingPathComponent("submissions")
        try FileManager.default.createDirectory(at: submissions, withIntermediateDirectories: true)
        var text = "district_code,period,indicator_id,area,value,note\n"
        for district in ["5601", "5602"] {
            for month in ["2564-10", "2564-11", "2564-12", "2565-01", "2565-02", "2565-03", "2565-04", "2565-05",
                          "2565-06", "2565-07", "2565-08", "2565-09"] {
                for indicator in ["members", "claims", "paid"] {
                    for village in 1...4_000 {
                        text += "\(district),\(month),\(indicator),หมู่ \(village),\(village % 97),\n"
                    }
                }
            }
        }
        try text.write(to: submissions.appendingPathComponent("big.csv"), atomically: false, encoding: .utf8)

        let process = Process()
        process.executableURL = ProcessRunner.executable
        process.arguments = ["report", "--year", "2565", "--inputs", large.path, "--out", out.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var sawPartial = false
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
            if names.contains(where: { $0.contains(".partial-") }) {
                sawPartial = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            // The final name must hold the previous report whenever we look.
            if let size = (try? FileManager.default.attributesOfItem(atPath: workbook.path))?[.size] as? Int {
                #expect(size == previous.0.count)
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        #expect(sawPartial, "the run finished before a partial file was seen; make the input larger")
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try Data(contentsOf: workbook) == previous.0)
        #expect(try Data(contentsOf: summary) == previous.1)

        let again = try ProcessRunner.run(["report", "--year", "2565", "--inputs", small.path, "--out", out.path])
        #expect(again.status == 2)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!names.contains { $0.contains(".partial-") }, "stale partial files are swept: \(names)")
        #expect(try Data(contentsOf: workbook) == previous.0, "same inputs, same bytes")
    }
}
