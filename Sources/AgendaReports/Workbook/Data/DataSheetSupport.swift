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
    /// Measures text the way the presentation sheets do (TH Sarabun ems at the body size, in Excel's unit).
    private let measure: ColumnWidths
    /// The text last fitted per column: consecutive rows mostly repeat it (one file's path, one reason for a
    /// thousand duplicates), and measuring Thai text per row was most of a 16,000-rejection sheet's time.
    private var lastFitted: [String?]

    /// Widths in Excel's character units. Text wider than `maximumWidth` is cut off at the column edge (or wraps,
    /// where a sheet gives the column a wrapping format).
    static let minimumWidth = 6.0
    static let maximumWidth = 60.0
    /// Room for the filter button Excel and LibreOffice draw at the right of each header cell (about 18 pixels).
    static let filterButtonWidth = 3.0

    /// - Parameter streaming: write the sheet in constant-memory mode (rows strictly in order, nothing changed
    ///   afterwards), for sheets that grow with the input (`Data`, `Superseded`): memory stays flat and a
    ///   million rows write faster. The header row is finished here, before any data row.
    init(context: SheetContext, name: String, headers: [String], streaming: Bool = false) throws {
        sheet = try context.workbook.addWorksheet(name: name, streaming: streaming)
        self.headers = headers
        measure = ColumnWidths(bodySize: context.options.bodySize)
        widths = headers.map { Self.headerWidth($0, bodySize: context.options.bodySize) }
        lastFitted = [String?](repeating: nil, count: headers.count)
        try sheet.setRow(0, height: measure.rowHeight(lines: 1))
        for (col, header) in headers.enumerated() {
            try sheet.write(string: header, row: 0, col: col, format: context.styles.header)
        }
    }

    /// Width in Excel units a header needs in the bold body font, with its filter button; never cut.
    static func headerWidth(_ header: String, bodySize: Double) -> Double {
        ColumnWidths.excelWidth(ems: ColumnWidths.ems(header, bold: true), size: bodySize) + filterButtonWidth
    }

    /// Width in Excel units for `text` in the body font, within `minimumWidth…maximumWidth`.
    func width(ofText text: String) -> Double {
        min(Self.maximumWidth, max(Self.minimumWidth,
                                   ColumnWidths.excelWidth(ems: ColumnWidths.ems(text), size: measure.bodySize)))
    }

    /// Widens `col` so `text` fits (up to `maximumWidth`).
    mutating func fit(_ text: String, col: Int) {
        guard lastFitted[col] != text else { return }
        lastFitted[col] = text
        widths[col] = max(widths[col], width(ofText: text))
    }

    /// Widens `col` so `text` fits, up to `limit` units (wider text wraps in a wrapping column).
    mutating func fit(_ text: String, col: Int, limit: Double) {
        guard lastFitted[col] != text else { return }
        lastFitted[col] = text
        widths[col] = max(widths[col], min(limit, width(ofText: text)))
    }

    /// Widens `col` so a number shown with `decimals` places fits (one digit of slack: `####` otherwise).
    mutating func fit(number: Double, decimals: Int, col: Int) {
        fit(NumberText.decimal(number, decimals: decimals) + "0", col: col)
    }

    /// Widens `col` to at least `width` units.
    mutating func fit(width: Double, col: Int) {
        widths[col] = max(widths[col], min(Self.maximumWidth, width))
    }

    /// Height in points of a row whose tallest cell is `text` wrapped in column `col` (as finally sized).
    func rowHeight(wrapping text: String, col: Int) -> Double {
        measure.rowHeight(lines: measure.lines(text, width: widths[col]))
    }

    /// Height in points of a row of `lines` lines of body text.
    func rowHeight(lines: Int) -> Double { measure.rowHeight(lines: lines) }

    /// Lines `text` takes in column `col` when wrapped, measured glyph by glyph.
    func lines(_ text: String, col: Int) -> Int { measure.lines(text, width: widths[col]) }

    /// Height of a one-line row in the body font: Excel's default 15 pt clips a 15 pt Thai font.
    var bodyRowHeight: Double { measure.rowHeight(lines: 1) }

    /// Column widths, filter buttons over `dataRows` rows under the header, frozen header, print setup.
    func finish(context: SheetContext, dataRows: Int) throws {
        for (col, width) in widths.enumerated() {
            try sheet.setColumn(first: col, last: col, width: width)
        }
        sheet.setDefaultRowHeight(bodyRowHeight)
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
