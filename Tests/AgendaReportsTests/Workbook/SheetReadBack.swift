import Foundation

/// A workbook's cells as openpyxl reads them (`Tests/Fixtures/workbook/read_sheets.py`).
struct SheetReadBack: Decodable {
    enum Value: Decodable, Equatable {
        case number(Double)
        case string(String)
        case bool(Bool)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let b = try? container.decode(Bool.self) {
                self = .bool(b)
            } else if let d = try? container.decode(Double.self) {
                self = .number(d)
            } else {
                self = .string(try container.decode(String.self))
            }
        }

        var number: Double? { if case .number(let d) = self { d } else { nil } }
        var string: String? { if case .string(let s) = self { s } else { nil } }
    }

    struct Cell: Decodable, Equatable {
        let v: Value
        /// openpyxl's data type: "n" number, "s" string, "b" bool, "d" date, "f" formula.
        let t: String
        let fmt: String
    }

    struct Sheet: Decodable {
        let rows: [[Cell?]]
        let autofilter: String?
        let freeze: String?
        let landscape: Bool
        let titleRows: String?

        /// Row `r` (0-based), padded with empty cells to `width`.
        func row(_ r: Int, width: Int) -> [Cell?] {
            let cells = r < rows.count ? rows[r] : []
            return cells.count >= width ? Array(cells.prefix(width)) : cells + Array(repeating: nil, count: width - cells.count)
        }

        func strings(row r: Int) -> [String?] { rows[r].map { $0?.v.string } }
    }

    let sheetNames: [String]
    let sheets: [String: Sheet]

    /// Runs openpyxl (`Tests/Fixtures/workbook/read_sheets.py`) on `url`; throws with its stderr when it fails.
    static func read(_ url: URL, sheets: [String] = []) throws -> SheetReadBack {
        try JSONDecoder().decode(SheetReadBack.self,
                                 from: try Python.runFixture("workbook/read_sheets.py", [url.path] + sheets))
    }
}

/// A fresh temporary folder per test, removed by the caller.
func makeTemporaryFolder(_ label: String = "agenda") throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("\(label)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
