import AgendaCore
import XlsxWriter

/// Shared layout of the data sheets: one header row of machine-readable names, data from row 2, filter buttons,
/// the header frozen on screen and repeated on every printed page.
///
/// The data sheets are read by pivot tables and other programs, so their headers are fixed ASCII names and their
/// cells hold plain values (numbers as numbers, a missing value as an empty cell); the presentation sheets carry
/// the Thai wording.
struct DataSheetLayout {
    let sheet: Worksheet
    let headers: [String]
    private(set) var widths: [Double]

    /// Widths are in Excel's character units; TH Sarabun is narrower than Calibri, so a display column of text
    /// needs a little less than one unit, but header buttons need room.
    static let minimumWidth = 6.0
    static let maximumWidth = 60.0

    init(context: SheetContext, name: String, headers: [String]) throws {
        sheet = try context.workbook.addWorksheet(name: name)
        self.headers = headers
        widths = headers.map { Self.width(ofText: $0) + 3 }  // + room for the filter button
        for (col, header) in headers.enumerated() {
            try sheet.write(string: header, row: 0, col: col, format: context.styles.header)
        }
    }

    /// Width in Excel units for `text` in the body font.
    static func width(ofText text: String) -> Double {
        min(maximumWidth, max(minimumWidth, Double(DisplayWidth.of(text)) * 1.05 + 1.5))
    }

    /// Widens `col` so `text` fits (up to `maximumWidth`).
    mutating func fit(_ text: String, col: Int) {
        widths[col] = max(widths[col], Self.width(ofText: text))
    }

    /// Widens `col` to at least `width` units.
    mutating func fit(width: Double, col: Int) {
        widths[col] = max(widths[col], min(Self.maximumWidth, width))
    }

    /// Column widths, filter buttons over `dataRows` rows under the header, frozen header, print setup.
    func finish(context: SheetContext, dataRows: Int) throws {
        for (col, width) in widths.enumerated() {
            try sheet.setColumn(first: col, last: col, width: width)
        }
        try sheet.autofilter(firstRow: 0, firstCol: 0, lastRow: dataRows, lastCol: headers.count - 1)
        try sheet.freezePanes(row: 1, col: 0)
        try context.applyPrintSetup(sheet, repeatRows: 0...0)
    }

    /// Writes `value` when present; `nil` leaves the cell EMPTY (not 0, not ""), which is how "no value" must reach
    /// a pivot table.
    func write(_ value: Double?, row: Int, col: Int, format: Format?) throws {
        guard let value else { return }
        try sheet.write(number: value, row: row, col: col, format: format)
    }

    /// Writes text only when non-empty, so empty fields stay empty cells.
    func write(text: String, row: Int, col: Int, format: Format?) throws {
        guard !text.isEmpty else { return }
        try sheet.write(string: text, row: row, col: col, format: format)
    }
}

extension SheetContext {
    /// The source file path of an accepted value, by its index into `report.imported.sources`.
    func sourcePath(_ index: Int) -> String {
        let sources = report.imported.sources
        precondition(sources.indices.contains(index), "accepted value points at source \(index) of \(sources.count)")
        return sources[index].path
    }

    /// Number format for an indicator's values, by its own decimal places (unknown ids: 2 places, never rounded
    /// away silently).
    func valueFormat(indicatorID: String) -> Format {
        styles.number(decimals: report.reference.indicator(indicatorID)?.decimals ?? 2)
    }
}
