import Foundation

/// What openpyxl sees in a workbook, decoded from `Tests/Fixtures/xlsx/inspect_xlsx.py`'s JSON.
struct XlsxReadBack: Decodable {
    struct Cell: Decodable {
        let value: JSONValue
        let type: String
        let font: String?
        let size: Double?
        let charset: Int?
        let bold: Bool
        let numberFormat: String
        let locked: Bool?
        let isDate: Bool
    }
    struct Validation: Decodable {
        let sqref: String
        let type: String?
        let `operator`: String?
        let formula1: String?
        let formula2: String?
        let prompt: String?
        let error: String?
    }
    struct Comment: Decodable { let text: String; let author: String? }
    struct ChartInfo: Decodable { let type: String; let series: Int; let title: String?; let values: [String] }
    struct Print: Decodable {
        let orientation: String?
        let paperSize: Int?
        let fitToWidth: Int?
        let fitToHeight: Int?
        let fitToPage: Bool?
        let titleRows: String?
        let titleCols: String?
        let printArea: String?
        let footerCenter: String?
        let headerCenter: String?
        let horizontalCentered: Bool?
        let gridLines: Bool?
    }
    struct View: Decodable { let zoom: Int?; let showGridLines: Bool?; let tabColor: String? }
    struct Protection: Decodable { let formatColumns: Bool?; let autoFilter: Bool?; let sort: Bool? }
    struct Conditional: Decodable {
        let range: String
        let types: [String]
        let operators: [String?]
        let formulas: [[String]]
    }
    struct Sheet: Decodable {
        let cells: [String: Cell]
        let merged: [String]
        let freeze: String?
        let autofilter: String?
        let validations: [Validation]
        let comments: [String: Comment]
        let charts: [ChartInfo]
        let print: Print
        let view: View
        let protected: Bool
        let protection: Protection
        let conditional: [Conditional]
        let tables: [String]
    }
    struct Properties: Decodable { let title: String?; let creator: String?; let created: String? }

    let sheets: [String]
    let active: String
    let properties: Properties
    let sheet: [String: Sheet]

    /// Runs the inspector script with python3 and decodes its output.
    static func read(_ url: URL) throws -> XlsxReadBack {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/xlsx/inspect_xlsx.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, url.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw InspectorFailure(message: errorText)
        }
        return try JSONDecoder().decode(XlsxReadBack.self, from: data)
    }
}

struct InspectorFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { "inspect_xlsx.py failed: \(message)" }
}

/// A JSON scalar as openpyxl reports a cell value.
enum JSONValue: Decodable, Equatable {
    case string(String), number(Double), bool(Bool), null

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let bool = try? container.decode(Bool.self) { self = .bool(bool) }
        else if let number = try? container.decode(Double.self) { self = .number(number) }
        else { self = .string(try container.decode(String.self)) }
    }
}

/// A fresh temporary folder per test, removed afterwards by the caller.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("xlsxwriter-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Runs `body` with file descriptor 2 redirected to a temporary file and returns what was written there, to
/// catch libxlsxwriter's `[WARNING]` lines (it prints them with fprintf(stderr)).
func capturingStandardError<T>(_ body: () throws -> T) throws -> (T, String) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString).txt")
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: url) }
    let handle = try FileHandle(forWritingTo: url)
    let saved = dup(2)
    fflush(nil)
    dup2(handle.fileDescriptor, 2)
    let result: Result<T, Error> = Result { try body() }
    fflush(nil)
    dup2(saved, 2)
    close(saved)
    try handle.close()
    let text = try String(contentsOf: url, encoding: .utf8)
    return (try result.get(), text)
}
