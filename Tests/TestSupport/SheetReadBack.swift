import Foundation

/// A workbook's cells as openpyxl reads them (`Tests/Fixtures/workbook/read_sheets.py`).
public struct SheetReadBack: Decodable {
    public enum Value: Decodable, Equatable {
        case number(Double)
        case string(String)
        case bool(Bool)

        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let b = try? container.decode(Bool.self) {
                self = .bool(b)
            } else if let d = try? container.decode(Double.self) {
                self = .number(d)
            } else {
                self = .string(try container.decode(String.self))
            }
        }

        public var number: Double? { if case .number(let d) = self { d } else { nil } }
        public var string: String? { if case .string(let s) = self { s } else { nil } }
    }

    public struct Cell: Decodable, Equatable {
        public let v: Value
        /// openpyxl's data type: "n" number, "s" string, "b" bool, "d" date, "f" formula.
        public let t: String
        public let fmt: String

        public init(v: Value, t: String, fmt: String) {
            self.v = v
            self.t = t
            self.fmt = fmt
        }
    }

    public struct Sheet: Decodable {
        public let rows: [[Cell?]]
        public let autofilter: String?
        public let freeze: String?
        public let landscape: Bool
        public let titleRows: String?

        /// Row `r` (0-based), padded with empty cells to `width`.
        public func row(_ r: Int, width: Int) -> [Cell?] {
            let cells = r < rows.count ? rows[r] : []
            return cells.count >= width ? Array(cells.prefix(width)) : cells + Array(repeating: nil, count: width - cells.count)
        }

        public func strings(row r: Int) -> [String?] { rows[r].map { $0?.v.string } }
    }

    public let sheetNames: [String]
    public let sheets: [String: Sheet]

    /// Runs openpyxl (`Tests/Fixtures/workbook/read_sheets.py`) on `url`; throws with its stderr when it fails.
    public static func read(_ url: URL, sheets: [String] = []) throws -> SheetReadBack {
        try JSONDecoder().decode(SheetReadBack.self,
                                 from: try Python.runFixture("workbook/read_sheets.py", [url.path] + sheets))
    }
}

/// A fresh temporary folder per test, removed by the caller.
public func makeTemporaryFolder(_ label: String = "agenda") throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("\(label)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
