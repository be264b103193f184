import Foundation
import Testing

/// Files a district might really send, or an attacker might: each goes through `validate` and `report` as a
/// process, beside one good district file. Whatever the file, the run ends within 10 seconds with a documented
/// exit code (never a signal), the workbook opens in openpyxl, every row read is accounted for in the Sources
/// sheet, and the good district's values are in the Data sheet. Some cases also check what must happen to
/// their rows. The small files are in `Tests/Fixtures/hostile` (made by `make_hostile.py`); large ones are made
/// here so the repository stays small.
@Suite(.serialized) struct HostileInputsTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let sampleReference = fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Inputs/reference")
    static let header = "district_code,period,indicator_id,area,value,note\n"
    /// The good district's file, and the values it must contribute to the Data sheet.
    static let good = header + "5609,2565-01,forest_fire_hotspots,,111,good\n5609,2565-02,pm25_mean,,22.5,good\n"
    static let goodValues: Set<String> = ["2565-01 forest_fire_hotspots 111.0", "2565-02 pm25_mean 22.5"]
    static let timeout: TimeInterval = 10

    /// The committed files, by name.
    static let committed = [
        "binary-png-named.csv", "utf16le-bom.csv", "only-header.csv", "only-bom.csv", "empty.csv",
        "crlf-and-lone-cr.csv", "unclosed-quote-midfile.csv", "nul-bytes.csv", "u-fffe-in-note.csv",
        "formula-injection.csv", "thai-digits-everywhere.csv", "windows874-with-utf8-lookalike-pairs.csv",
        "mixed-utf8-and-windows874.csv", "huge-values.csv", "implausible-periods.csv", "control-chars-in-area.csv",
    ]

    /// The large files, made on the fly.
    static func generated(_ name: String) -> Data {
        switch name {
        case "thousands-of-columns.csv":
            let extra = (0..<5_000).map { "x\($0)" }.joined(separator: ",")
            let values = (0..<5_000).map(String.init).joined(separator: ",")
            return Data((header.dropLast() + "," + extra + "\n"
                + "5601,2565-01,forest_fire_hotspots,,1,," + values + "\n").utf8)
        case "very-long-field-200k.csv":
            let long = String(repeating: "ป่า", count: 200_000 / 9)  // 200,000 UTF-8 bytes of Thai
            return Data((header + "5601,2565-01,forest_fire_hotspots,,1,\"" + long + "\"\n"
                + "5601,2565-02,forest_fire_hotspots," + long + ",2,\n").utf8)
        case "duplicate-key-x2000.csv":
            return Data((header + String(repeating: "5601,2565-01,forest_fire_hotspots,บ้านดอนมูล,1,\n",
                                         count: 2_000)).utf8)
        default:
            preconditionFailure("no generator for \(name)")
        }
    }

    /// What one file's runs produced.
    struct Outcome {
        var validate: ProcessRunner.Outcome
        var report: ProcessRunner.Outcome
        var book: ReportReadBack?
        /// The Sources row of the hostile file (nil when it was not listed).
        var source: ReportReadBack.Source? { book?.sources.first { $0.file.hasSuffix("/" + file) } }
        var data: [ReportReadBack.Value] { book?.data.filter { $0.file.hasSuffix("/" + file) } ?? [] }
        let file: String
    }

    /// Copies the sample reference tables, the good file and the hostile one (or a FIFO) into a fresh inputs
    /// folder with fixed modification times (as-of in FY2565), runs both commands and reads the workbook back.
    func run(_ name: String, contents: Data?, fifo: Bool = false) throws -> Outcome {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = dir.appendingPathComponent("inputs")
        let submissions = inputs.appendingPathComponent("submissions")
        try FileManager.default.createDirectory(at: submissions.appendingPathComponent("5601"),
                                                withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: submissions.appendingPathComponent("5609"),
                                                withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.sampleReference, to: inputs.appendingPathComponent("reference"))
        let goodURL = submissions.appendingPathComponent("5609/good.csv")
        try Data(Self.good.utf8).write(to: goodURL)
        let hostile = submissions.appendingPathComponent("5601/" + name)
        let sent = Date(timeIntervalSince1970: 1_646_438_400)  // 5 March 2022 = 5 มี.ค. 2565
        try FileManager.default.setAttributes([.modificationDate: sent], ofItemAtPath: goodURL.path)
        if fifo {
            #expect(mkfifo(hostile.path, 0o644) == 0)
        } else {
            try (contents ?? Data()).write(to: hostile)
            try FileManager.default.setAttributes([.modificationDate: sent], ofItemAtPath: hostile.path)
        }

        let validate = try ProcessRunner.run(["validate", "--inputs", inputs.path, hostile.path, goodURL.path],
                                             timeout: Self.timeout)
        let out = dir.appendingPathComponent("out")
        let report = try ProcessRunner.run(["report", "--year", "2565", "--inputs", inputs.path, "--out", out.path],
                                           timeout: Self.timeout)
        var book: ReportReadBack?
        let workbook = out.appendingPathComponent("FY2565/phayao-agenda-FY2565.xlsx")
        if FileManager.default.fileExists(atPath: workbook.path) {
            book = try ReportReadBack.read(workbook)
        }
        return Outcome(validate: validate, report: report, book: book, file: name)
    }

    /// The checks every hostile file must pass.
    func expectSurvived(_ outcome: Outcome, _ name: String) {
        for (command, run) in [("validate", outcome.validate), ("report", outcome.report)] {
            #expect(!run.timedOut, "\(command) \(name) ran longer than \(Self.timeout) s and was killed")
            #expect(run.signal == nil, "\(command) \(name) died of signal \(run.signal ?? 0): \(run.stderr)")
        }
        #expect([0, 1].contains(outcome.validate.status), "validate \(name): \(outcome.validate.stderr)")
        #expect([0, 2].contains(outcome.report.status), "report \(name): \(outcome.report.stderr)")
        guard let book = outcome.book else {
            Issue.record("report \(name) wrote no workbook that openpyxl could read")
            return
        }
        for source in book.sources {
            #expect(source.rowsRead == source.accepted + source.superseded + source.rejected + source.blank,
                    "\(source.file) does not balance: \(source)")
        }
        let good = Set(book.data.filter { $0.district == "5609" }.map { "\($0.period) \($0.indicator) \($0.value)" })
        #expect(good == Self.goodValues, "good district's values beside \(name)")
        #expect(!book.data.contains { $0.formula }, "text became a formula beside \(name)")
    }

    @Test(arguments: committed)
    func committedFile(name: String) throws {
        let contents = try Data(contentsOf: Self.fixtures.appendingPathComponent("hostile/" + name))
        let outcome = try run(name, contents: contents)
        expectSurvived(outcome, name)
        expectRows(of: outcome, name)
    }

    @Test(arguments: ["thousands-of-columns.csv", "very-long-field-200k.csv", "duplicate-key-x2000.csv"])
    func generatedFile(name: String) throws {
        let outcome = try run(name, contents: Self.generated(name))
        expectSurvived(outcome, name)
        expectRows(of: outcome, name)
    }

    /// A FIFO named like a submission: reading it would wait forever for a writer. It must be skipped or
    /// rejected, not waited on (the timeout kills the run otherwise, and the test fails without hanging).
    @Test func fifoNamedLikeASubmission() throws {
        let outcome = try run("fifo-named.csv", contents: nil, fifo: true)
        expectSurvived(outcome, "fifo-named.csv")
    }
}
