import AgendaCore
import AgendaReports
import Foundation
import TestSupport

/// What openpyxl sees in a workbook, decoded from `Tests/Fixtures/workbook/inspect_presentation.py`.
struct WorkbookReadBack: Decodable {
    struct Cell: Decodable {
        let value: CellValue
        let font: String?
        let size: Double?
        let numberFormat: String
        let isDate: Bool
    }
    struct ChartInfo: Decodable { let type: String; let title: String?; let series: Int }
    struct Sheet: Decodable {
        let cells: [String: Cell]
        let charts: [ChartInfo]
        let comments: [String: String]
        let freeze: String?
        let zoom: Int?
        let orientation: String?
        let paperSize: Int?
        let fitToWidth: Int?
        let fitToHeight: Int?
        let titleRows: String?
        let footer: [String]
        let conditionalTypes: [String]

        /// Cells of column `letter` by row number.
        func column(_ letter: String) -> [Int: Cell] {
            var out: [Int: Cell] = [:]
            for (coordinate, cell) in cells {
                let letters = coordinate.prefix { $0.isLetter }
                guard letters == letter, let row = Int(coordinate.dropFirst(letters.count)) else { continue }
                out[row] = cell
            }
            return out
        }

        /// The row numbers whose cell in column `letter` holds exactly `text`.
        func rows(where letter: String, is text: String) -> [Int] {
            column(letter).filter { $0.value.value == .string(text) }.map(\.key).sorted()
        }

        func cell(_ coordinate: String) -> Cell? { cells[coordinate] }
    }

    let sheets: [String]
    let active: String
    let sheet: [String: Sheet]

    static func read(_ url: URL) throws -> WorkbookReadBack {
        try JSONDecoder().decode(WorkbookReadBack.self,
                                 from: try Python.runFixture("workbook/inspect_presentation.py", [url.path]))
    }
}

/// A cell value as openpyxl reports it.
enum CellValue: Decodable, Equatable {
    case string(String), number(Double), bool(Bool), null

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let bool = try? container.decode(Bool.self) { self = .bool(bool) }
        else if let number = try? container.decode(Double.self) { self = .number(number) }
        else { self = .string(try container.decode(String.self)) }
    }

    var number: Double? { if case .number(let n) = self { n } else { nil } }
    var string: String? { if case .string(let s) = self { s } else { nil } }
}

/// Writes `report` into a fresh temporary folder and reads it back. When the environment variable
/// `PHAYAO_WORKBOOK_SAMPLE_DIR` is set, the workbook is also copied there (for `scripts/render-workbook.sh`).
func writeAndRead(_ report: Report, name: String, options: WorkbookOptions = WorkbookOptions()) throws
    -> (WorkbookRenderer.Output, WorkbookReadBack, URL) {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("presentation-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    let output = try WorkbookRenderer(options: options).write(report, to: url, overflowFileName: "data.csv")
    if let keep = ProcessInfo.processInfo.environment["PHAYAO_WORKBOOK_SAMPLE_DIR"] {
        let destination = URL(fileURLWithPath: keep).appendingPathComponent(name)
        try? FileManager.default.removeItem(at: destination)
        try FileManager.default.copyItem(at: url, to: destination)
    }
    return (output, try WorkbookReadBack.read(url), folder)
}
