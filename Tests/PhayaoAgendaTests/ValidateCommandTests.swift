import Foundation
import Testing

/// `phayao-agenda validate` run as a process: exit codes and the `file:line:column: message` lines.
@Suite struct ValidateCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A working folder holding `inputs/reference` (the minimal reference set) and copies of the named fixtures,
    /// so messages show short relative paths.
    func workspace(_ names: [String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("inputs"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.fixtures.appendingPathComponent("reference/minimal"), to: dir.appendingPathComponent("inputs/reference"))
        for name in names {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("ingest/\(name)"), to: dir.appendingPathComponent(name))
        }
        return dir
    }

    @Test func cleanFilesExitZeroWithASummary() throws {
        let dir = try workspace(["good.csv", "windows874.csv"])
        let r = try ProcessRunner.run(["validate", "--inputs", "inputs", "good.csv", "windows874.csv"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout == "ตรวจ 2 ไฟล์ 7 แถว: ผ่าน 7 ถูกแทนที่ 0 ไม่ผ่าน 0 ไม่ได้รายงาน (ว่าง) 0\n")
    }

    @Test func rejectedRowsExitOneWithThaiMessagesByDefault() throws {
        let dir = try workspace(["bad_rows.csv"])
        let r = try ProcessRunner.run(["validate", "--inputs", "inputs", "bad_rows.csv"], in: dir)
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 11)
        #expect(lines[2] == "bad_rows.csv:4:period: ปี 2565 เดือน 13 ไม่มีอยู่จริง ใช้เดือน 1–12 เช่น 2565-01")
        #expect(lines[9].hasPrefix("bad_rows.csv:11: แถวนี้มี 3 ช่อง"))
        #expect(lines[10] == "ตรวจ 1 ไฟล์ 12 แถว: ผ่าน 1 ถูกแทนที่ 0 ไม่ผ่าน 10 ไม่ได้รายงาน (ว่าง) 1")
    }

    @Test func englishMessages() throws {
        let dir = try workspace(["bad_rows.csv", "invalid_both.csv"])
        let r = try ProcessRunner.run(["validate", "--lang", "en", "--inputs", "inputs", "bad_rows.csv", "invalid_both.csv"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.contains("bad_rows.csv:4:period: Month 13 does not exist; use 1–12, e.g. 2565-01.\n"))
        #expect(r.stdout.contains("bad_rows.csv:2:district_code: District code \"5699\" is not a district of Phayao; use 5601–5609.\n"))
        #expect(r.stdout.contains("invalid_both.csv:3: The file is neither UTF-8"))
        #expect(r.stdout.hasSuffix("1 blank (not reported); 1 file rejected whole\n"))
    }

    @Test func missingFileCountsAsRejected() throws {
        let dir = try workspace(["good.csv"])
        let r = try ProcessRunner.run(["validate", "--lang", "en", "--inputs", "inputs", "good.csv", "absent.csv"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("absent.csv:0: No such file; check the file name and folder.\n"))
    }

    @Test func summaryOnlyPrintsJustTheSummary() throws {
        let dir = try workspace(["bad_rows.csv"])
        let r = try ProcessRunner.run(["validate", "--summary-only", "--lang", "en", "--inputs", "inputs", "bad_rows.csv"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout == "Checked 1 file, 12 rows: 1 accepted, 0 superseded, 10 rejected, 1 blank (not reported)\n")
    }

    @Test(arguments: [["validate"], ["validate", "--lang", "fr", "x.csv"], ["validate", "--bogus", "x.csv"]])
    func badUsageExits64(arguments: [String]) throws {
        let r = try ProcessRunner.run(arguments)
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
        #expect(!r.stderr.isEmpty)
    }

    @Test func brokenReferenceExitsOneNamingTheTable() throws {
        let dir = try workspace(["good.csv"])
        try "id,name_th,name_en\nNR,a,b\nNR,c,d\n".write(
            to: dir.appendingPathComponent("inputs/reference/workstreams.csv"), atomically: true, encoding: .utf8)
        let r = try ProcessRunner.run(["validate", "--lang", "en", "--inputs", "inputs", "good.csv"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "workstreams.csv:3:id: Workstream id NR repeats line 2.\n")
    }
}
