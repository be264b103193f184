import Foundation
import TestSupport

/// What openpyxl sees in a template workbook, decoded from `Tests/Fixtures/template/template_xlsx.py inspect`.
struct TemplateWorkbookReadBack: Decodable {
    struct Cell: Decodable {
        let value: TemplateCellValue
        let locked: Bool
        let font: String?
        let size: Double?
        let charset: Int?
        let bold: Bool
        let numberFormat: String
    }
    struct Validation: Decodable {
        let sqref: String
        let type: String?
        let `operator`: String?
        let formula1: String?
        let allowBlank: Bool
        let promptTitle: String?
        let prompt: String?
        let errorTitle: String?
        let error: String?
    }
    struct Forbids: Decodable {
        let formatColumns: Bool
        let formatRows: Bool
        let autoFilter: Bool
        let sort: Bool
        let insertRows: Bool
        let deleteRows: Bool
    }
    struct Sheet: Decodable {
        let rows: [[TemplateCellValue]]
        let maxRow: Int
        let firstCells: [String: Cell]
        let lockedByColumn: [String: [Bool]]
        let protected: Bool
        let forbids: Forbids
        let freeze: String?
        let autofilter: String?
        let validations: [Validation]
        let comments: [String: String]
        let widths: [String: Double]
        let orientation: String?
        let paperSize: Int?
        let fitToWidth: Int
        let fitToHeight: Int
        let fitToPage: Bool
        let titleRows: String?
        let hidden: Bool
    }

    let sheets: [String]
    let active: String
    let created: String?
    let sheet: [String: Sheet]

    static func read(_ url: URL) throws -> TemplateWorkbookReadBack {
        try JSONDecoder().decode(Self.self, from: try TemplateScript.run(["inspect", url.path]))
    }
}

/// A cell value as JSON: openpyxl gives strings for text cells and numbers for numeric ones.
enum TemplateCellValue: Decodable, Equatable, CustomStringConvertible {
    case string(String), number(Double)

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) { self = .number(number) }
        else { self = .string(try container.decode(String.self)) }
    }

    var description: String {
        switch self {
        case .string(let s): s
        case .number(let n): String(n)
        }
    }
}

/// Runs `Tests/Fixtures/template/template_xlsx.py` with python3 and returns its stdout.
enum TemplateScript {
    static func run(_ arguments: [String]) throws -> Data {
        try Python.runFixture("template/template_xlsx.py", arguments)
    }

    /// Fills the template's value column in openpyxl and saves it as CSV UTF-8; returns the values typed.
    static func fill(_ book: URL, savingCSVTo csv: URL) throws -> [Double?] {
        try JSONDecoder().decode([Double?].self, from: try run(["fill", book.path, csv.path]))
    }
}
