import Foundation
import Testing

/// `phayao-agenda template` run as a process, and its output filled in and checked with `phayao-agenda validate`.
@Suite("template command", .serialized)
struct TemplateCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fillScript = repository.appendingPathComponent("Tests/Fixtures/template/template_xlsx.py")

    /// A working folder with `inputs/reference` copied from the repository's real reference tables.
    func workspace() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("template-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("inputs"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Inputs/reference"),
                                         to: dir.appendingPathComponent("inputs/reference"))
        return dir
    }

    /// Types a number into every empty `value` field except every fifth row, as a clerk would.
    func fillCSV(_ url: URL) throws {
        var text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}"))
        text.removeFirst()
        var lines = text.components(separatedBy: "\r\n")
        for index in 1..<lines.count where !lines[index].isEmpty && index % 5 != 0 {
            var fields = lines[index].split(separator: ",", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
            fields[4] = index % 2 == 0 ? "\(index * 3)" : "\(index).5"
            lines[index] = fields.joined(separator: ",")
        }
        try Data(("\u{FEFF}" + lines.joined(separator: "\r\n")).utf8).write(to: url)
    }

    @Test("csv: written under the default name, filled in, validate exits 0")
    func csvTemplateValidatesClean() throws {
        let dir = try workspace()
        let made = try ProcessRunner.run(["template", "--district", "5601", "--year", "2565", "--inputs", "inputs"], in: dir)
        #expect(made.status == 0, "\(made.stderr)")
        let url = dir.appendingPathComponent("template-5601-FY2565.csv")
        #expect(FileManager.default.fileExists(atPath: url.path))
        #expect(made.stdout.contains("template-5601-FY2565.csv"))
        let lines = String(decoding: try Data(contentsOf: url), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines[0] == "\u{FEFF}district_code,period,indicator_id,area,value,note")
        #expect(lines[1].hasPrefix("5601,2564-10,"))

        try fillCSV(url)
        let checked = try ProcessRunner.run(["validate", "--inputs", "inputs", "template-5601-FY2565.csv"], in: dir)
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        #expect(checked.stdout.contains("ไม่ผ่าน 0"))
    }

    @Test("xlsx: written to --out, filled and saved as CSV UTF-8, validate exits 0")
    func xlsxTemplateValidatesClean() throws {
        let dir = try workspace()
        let made = try ProcessRunner.run(["template", "--district", "5604", "--year", "2565", "--format", "xlsx",
                                          "--out", "chiang-muan.xlsx", "--inputs", "inputs"], in: dir)
        #expect(made.status == 0, "\(made.stderr)")
        let book = dir.appendingPathComponent("chiang-muan.xlsx")
        #expect(try Array(Data(contentsOf: book).prefix(2)) == [0x50, 0x4B])  // a zip file

        let fill = Process()
        fill.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        fill.arguments = ["python3", Self.fillScript.path, "fill", book.path, dir.appendingPathComponent("filled.csv").path]
        fill.standardOutput = FileHandle.nullDevice
        try fill.run()
        fill.waitUntilExit()
        #expect(fill.terminationStatus == 0)

        let checked = try ProcessRunner.run(["validate", "--lang", "en", "--inputs", "inputs", "filled.csv"], in: dir)
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        #expect(checked.stdout.contains(" 0 rejected"))
    }

    @Test("a district that is not in areas.csv is bad usage: exit 64, naming the code")
    func unknownDistrict() throws {
        let dir = try workspace()
        let r = try ProcessRunner.run(["template", "--district", "5610", "--year", "2565", "--inputs", "inputs"], in: dir)
        #expect(r.status == 64)
        #expect(r.stderr.contains("district 5610 is not in"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("template-5610-FY2565.csv").path))
    }

    @Test("bad flags exit 64 before any file is read", arguments: [
        (["--district", "56011", "--year", "2565"], "four digits"),
        (["--district", "56a1", "--year", "2565"], "four digits"),
        (["--district", "5601", "--year", "2022"], "use 2565"),
        (["--district", "5601", "--year", "2565", "--format", "pdf"], "pdf"),
    ])
    func badFlags(arguments: [String], message: String) throws {
        let r = try ProcessRunner.run(["template", "--inputs", "no-such-folder"] + arguments,
                                      in: FileManager.default.temporaryDirectory)
        #expect(r.status == 64)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test("missing reference data is a failure: exit 1, and nothing is written")
    func missingReference() throws {
        let dir = try workspace()
        let r = try ProcessRunner.run(["template", "--district", "5601", "--year", "2565", "--inputs", "elsewhere"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("cannot read reference data"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["inputs"])
    }

    @Test("an output folder that does not exist is a failure: exit 1, no partial file left")
    func unwritableOutput() throws {
        let dir = try workspace()
        let r = try ProcessRunner.run(["template", "--district", "5601", "--year", "2565", "--format", "xlsx",
                                       "--out", "missing/t.xlsx", "--inputs", "inputs"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("cannot write"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["inputs"])
    }

    @Test("an existing file is not replaced without --force: exit 1 naming it, the filled-in file kept")
    func refusesToOverwrite() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let arguments = ["template", "--district", "5601", "--year", "2565", "--inputs", "inputs"]
        #expect(try ProcessRunner.run(arguments, in: dir).status == 0)
        let url = dir.appendingPathComponent("template-5601-FY2565.csv")
        try fillCSV(url)
        let filled = try Data(contentsOf: url)
        let refused = try ProcessRunner.run(arguments, in: dir)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("template-5601-FY2565.csv already exists (it may be filled in)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("มีไฟล์"))
        #expect(try Data(contentsOf: url) == filled)
        let xlsx = try ProcessRunner.run(arguments + ["--format", "xlsx", "--out", "template-5601-FY2565.csv"], in: dir)
        #expect(xlsx.status == 1)
        #expect(try Data(contentsOf: url) == filled)
        let forced = try ProcessRunner.run(arguments + ["--force"], in: dir)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Data(contentsOf: url) != filled)
    }
}
