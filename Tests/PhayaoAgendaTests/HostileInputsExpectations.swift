import Foundation
import Testing

extension HostileInputsTests {
    /// What must become of the hostile file's own rows, where the right outcome is known. Some of these describe
    /// behaviour still being built elsewhere (finite values ≤ 10^15, periods from BE 2500 to a year after the
    /// as-of date, no Windows-874 reading of a file with valid UTF-8 Thai, linear duplicate rejection).
    func expectRows(of outcome: Outcome, _ name: String) {
        guard outcome.book != nil else { return }
        let source = outcome.source
        let data = outcome.data
        let values = data.map(\.value)
        func expectCounts(accepted: Int, rejected: Int? = nil) {
            #expect(source?.accepted == accepted, "\(name): \(String(describing: source))")
            if let rejected { #expect(source?.rejected == rejected, "\(name): \(String(describing: source))") }
            #expect(data.count == accepted, "\(name): Data rows \(data)")
        }
        switch name {
        case "binary-png-named.csv", "only-bom.csv", "empty.csv", "only-header.csv":
            expectCounts(accepted: 0)
            #expect((source?.rowsRead ?? 0) == 0 || name == "binary-png-named.csv")
            if name == "binary-png-named.csv" { #expect(outcome.validate.status == 1) }
        case "utf16le-bom.csv":
            // Rejected whole, or read correctly; never read as bytes of garbage.
            #expect(data.allSatisfy { $0.value == 12 && $0.note == "ทดสอบ" }, "\(data)")
        case "crlf-and-lone-cr.csv":
            // A lone CR ends a line, as in Python's csv and old Mac Excel files.
            expectCounts(accepted: 4, rejected: 0)
            #expect(values.sorted() == [1, 2, 3, 4])
        case "unclosed-quote-midfile.csv":
            #expect(values.contains(1), "the row before the stray quote is kept")
            #expect((source?.rejected ?? 0) >= 1)
            #expect(outcome.validate.status == 1)
        case "nul-bytes.csv":
            #expect(!data.contains { $0.period == "2565-02" }, "a value with a NUL in it is not a number: \(data)")
        case "u-fffe-in-note.csv":
            expectCounts(accepted: 2, rejected: 0)
            // openpyxl shows Excel's escapes literally; Excel shows the characters.
            #expect(data.contains { $0.area == "บ้าน_xFFFE_หมู่ 1" && $0.note == "หมายเหตุ_xFFFF__x0001_จบ" })
        case "formula-injection.csv":
            expectCounts(accepted: 5, rejected: 0)
            let areas = Set(data.map(\.area))
            for text in ["=HYPERLINK(\"http://example.invalid/\",\"click\")", "+cmd|' /C calc'!A0", "@SUM(1+1)",
                         "-2+3"] {
                #expect(areas.contains(text), "\(text) kept as text: \(areas)")
            }
        case "thai-digits-everywhere.csv":
            expectCounts(accepted: 2, rejected: 0)
            #expect(values.sorted() == [12, 1234.5])
            #expect(data.allSatisfy { $0.district == "5601" && $0.area == "หมู่ ๕" })
        case "mixed-utf8-and-windows874.csv":
            // Valid UTF-8 Thai is never re-read as Windows-874 ("บ" would become "เธš").
            #expect(data.allSatisfy { $0.area == "บ้านดอนมูล" }, "\(data.map(\.area))")
            #expect(outcome.validate.status == 1)
        case "huge-values.csv":
            expectCounts(accepted: 2, rejected: 4)
            #expect(values.sorted() == [5, 1e15])
        case "implausible-periods.csv":
            expectCounts(accepted: 1, rejected: 5)
            #expect(data.first?.period == "2565-01")
        case "thousands-of-columns.csv":
            expectCounts(accepted: 1, rejected: 0)
        case "duplicate-key-x2000.csv":
            // The same key twice in one file rejects every copy: one rejection per row.
            expectCounts(accepted: 0, rejected: 2_000)
        default:
            break  // survival and accounting only
        }
    }
}

/// What `Tests/Fixtures/hostile/read_report.py` (openpyxl) sees in a report workbook.
struct ReportReadBack: Decodable {
    struct Source: Decodable, CustomStringConvertible {
        let file: String
        let rowsRead: Int
        let accepted: Int
        let superseded: Int
        let rejected: Int
        let blank: Int

        enum CodingKeys: String, CodingKey {
            case file, accepted, superseded, rejected, blank
            case rowsRead = "rows_read"
        }

        var description: String {
            "\(file): read \(rowsRead), accepted \(accepted), superseded \(superseded), rejected \(rejected), "
                + "blank \(blank)"
        }
    }
    struct Value: Decodable {
        let district: String
        let period: String
        let indicator: String
        let area: String
        let value: Double
        let note: String
        let file: String
        let formula: Bool
    }

    let sheets: [String]
    let sources: [Source]
    let data: [Value]

    static func read(_ url: URL) throws -> ReportReadBack {
        let script = HostileInputsTests.fixtures.appendingPathComponent("hostile/read_report.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, url.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ReadFailure(message: "openpyxl could not read \(url.lastPathComponent)")
        }
        return try JSONDecoder().decode(ReportReadBack.self, from: data)
    }

    struct ReadFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
