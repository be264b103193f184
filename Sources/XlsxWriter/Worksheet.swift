import CXlsxWriter
import Foundation

/// One sheet of a `Workbook`. Rows and columns are zero-based `Int`s, checked against Excel's grid before any C
/// call. Every C return code is checked and thrown with the cell and sheet it concerned.
public final class Worksheet {
    let handle: UnsafeMutablePointer<lxw_worksheet>
    /// The sheet name as given (also used in error contexts).
    public let name: String
    /// Strong reference: the C sheet belongs to the workbook and must not outlive it.
    let workbook: Workbook

    /// Added with `streaming: true` (constant-memory mode): rows must be written in order.
    public let isStreaming: Bool
    /// The highest row written so far, for the in-order check of streaming sheets.
    private var highestRow = -1

    init(handle: UnsafeMutablePointer<lxw_worksheet>, name: String, workbook: Workbook, streaming: Bool = false) {
        self.handle = handle
        self.name = name
        self.workbook = workbook
        self.isStreaming = streaming
    }

    /// "cell B7 of sheet 'Facts'" for error contexts.
    func describeCell(_ row: Int, _ col: Int) -> String {
        let cell = row >= 0 && col >= 0 ? CellReference.a1(row: row, col: col) : "(row \(row), column \(col))"
        return "cell \(cell) of sheet '\(name)'"
    }

    func describeArea(_ firstRow: Int, _ firstCol: Int, _ lastRow: Int, _ lastCol: Int) -> String {
        guard min(firstRow, firstCol, lastRow, lastCol) >= 0 else {
            return "range (\(firstRow),\(firstCol))–(\(lastRow),\(lastCol)) of sheet '\(name)'"
        }
        let area = CellRange(sheet: name, firstRow: firstRow, firstCol: firstCol, lastRow: lastRow, lastCol: lastCol)
        return "range \(area.a1) of sheet '\(name)'"
    }

    /// Checks the workbook is open and the cell is on the grid, then returns the context for C errors. The
    /// context's text is built only if an error needs it: a workbook writes millions of cells, and formatting
    /// "writing cell B7 of sheet 'Facts'" for each one cost more than writing the cell.
    /// - Parameter writesRow: false for calls that name a cell without writing it (freezing panes), which a
    ///   streaming sheet allows anywhere.
    func prepare(_ verb: StaticString, row: Int, col: Int, writesRow: Bool = true) throws -> ErrorContext {
        let context = ErrorContext(verb: verb, sheet: self, firstRow: row, firstCol: col, lastRow: nil, lastCol: nil)
        _ = try workbook.openHandle(context.description)
        try checkCell(row: row, col: col, context.description)
        if isStreaming, writesRow {
            // libxlsxwriter has already flushed earlier rows to disk; writing there would be lost.
            guard row >= highestRow else {
                throw XlsxError(kind: .invalidArgument,
                                message: "row \(row + 1) comes after row \(highestRow + 1) was written, but this sheet streams its rows in order",
                                context: context.description)
            }
            highestRow = row
        }
        return context
    }

    func prepare(_ verb: StaticString, firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int) throws -> ErrorContext {
        let context = ErrorContext(verb: verb, sheet: self, firstRow: firstRow, firstCol: firstCol,
                                   lastRow: lastRow, lastCol: lastCol)
        _ = try workbook.openHandle(context.description)
        try checkArea(firstRow: firstRow, firstCol: firstCol, lastRow: lastRow, lastCol: lastCol, context.description)
        return context
    }

    /// The C format for a library call. `cellFormat` is false for conditional formats, which become `<dxf>`
    /// entries instead of cell formats (the workbook tracks cell-format use for the font-charset patch).
    func cFormat(_ format: Format?, cellFormat: Bool = true) -> UnsafeMutablePointer<lxw_format>? {
        guard let format else { return nil }
        precondition(format.workbook === workbook, "XlsxWriter: a Format can only be used in its own workbook")
        if cellFormat { workbook.recordCellFormatUse(format.handle) }
        return format.handle
    }

    // MARK: Cells

    /// Writes text, ALWAYS as a string cell: text such as `=HYPERLINK("x")` or `+1` never becomes a formula.
    /// The text goes through `cellText` (XML-safe, at most 32,767 characters with a visible cut marker). Empty
    /// text with a format writes a formatted blank; without a format it writes nothing.
    public func write(string: String, row: Int, col: Int, format: Format? = nil) throws {
        let context = try prepare("writing", row: row, col: col)
        let clean = Worksheet.cellText(string)
        try check(worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(col), clean, cFormat(format)), context)
    }

    /// The text as it will be stored in a cell, comment or other escaped string: see `XMLText.safe` with
    /// `.escaped` (controls and U+FFFE/U+FFFF as `_xHHHH_`, a literal `_xHHHH_` kept, CR as LF), cut at a whole
    /// Character with a marker when longer than `limit`.
    public static func cellText(_ text: String, limit: Int = XMLText.cellLimit) -> String {
        XMLText.safe(text, .escaped, limit: limit)
    }

    /// Writes a number. NaN and infinities have no Excel representation and throw.
    public func write(number: Double, row: Int, col: Int, format: Format? = nil) throws {
        let context = try prepare("writing", row: row, col: col)
        guard number.isFinite else {
            throw XlsxError(kind: .invalidArgument, message: "\(number) cannot be stored in Excel", context: context)
        }
        try check(worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(col), number, cFormat(format)), context)
    }

    /// Writes an empty cell that carries a format (borders, fill). Without a format nothing is written.
    public func writeBlank(row: Int, col: Int, format: Format?) throws {
        let context = try prepare("writing blank", row: row, col: col)
        try check(worksheet_write_blank(handle, lxw_row_t(row), lxw_col_t(col), cFormat(format)), context)
    }

    /// Writes a boolean cell (TRUE/FALSE).
    public func write(bool: Bool, row: Int, col: Int, format: Format? = nil) throws {
        let context = try prepare("writing", row: row, col: col)
        try check(worksheet_write_boolean(handle, lxw_row_t(row), lxw_col_t(col), bool ? 1 : 0, cFormat(format)),
                  context)
    }

    /// Writes a date as a real Excel date: the `Date` is split into calendar fields in the workbook's time zone
    /// (`Workbook.Options.timeZone`) and passed to `worksheet_write_datetime`, which stores the Excel serial number
    /// (a midnight in that zone becomes a whole number). Give a format with a date number format (e.g.
    /// `[$-7041E]d mmmm yyyy`), or Excel shows the serial.
    public func write(date: Date, row: Int, col: Int, format: Format?) throws {
        let context = try prepare("writing date", row: row, col: col)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = workbook.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        var datetime = lxw_datetime(year: Int32(parts.year!), month: Int32(parts.month!), day: Int32(parts.day!),
                                    hour: Int32(parts.hour!), min: Int32(parts.minute!),
                                    sec: Double(parts.second!) + Double(parts.nanosecond!) / 1e9)
        try check(worksheet_write_datetime(handle, lxw_row_t(row), lxw_col_t(col), &datetime, cFormat(format)),
                  context)
    }

    /// Writes a formula with its computed value cached. `worksheet_write_formula` would cache 0, which readers
    /// that do not recalculate (openpyxl, pandas, previewers) then show; so the caller supplies the value.
    public func write(formula: String, cachedValue: Double, row: Int, col: Int, format: Format? = nil) throws {
        let context = try prepare("writing formula in", row: row, col: col)
        try check(worksheet_write_formula_num(handle, lxw_row_t(row), lxw_col_t(col),
                                              XMLText.safe(formula, .plain), cFormat(format),
                                              cachedValue), context)
    }

    /// Writes a hyperlink (http, https, mailto, or `internal:Sheet!A1`) showing `text` when given.
    public func write(url: String, row: Int, col: Int, text: String? = nil, format: Format? = nil) throws {
        let context = try prepare("writing link in", row: row, col: col)
        let shown = text.map { Worksheet.cellText($0) }
        try check(worksheet_write_url_opt(handle, lxw_row_t(row), lxw_col_t(col), XMLText.safe(url, .plain),
                                          cFormat(format), shown, nil),
                  context)
    }

    /// Adds a cell comment (note). `author`, and `width`/`height` in pixels, are optional.
    public func writeComment(row: Int, col: Int, text: String, author: String? = nil,
                             width: Int? = nil, height: Int? = nil) throws {
        let context = try prepare("writing comment on", row: row, col: col)
        var pool = CStringPool()
        defer { pool.freeAll() }
        var options = lxw_comment_options()
        options.author = pool.copy(author.map { XMLText.safe($0, .plain) })
        if let width { options.width = UInt16(clamping: width) }
        if let height { options.height = UInt16(clamping: height) }
        try check(worksheet_write_comment_opt(handle, lxw_row_t(row), lxw_col_t(col), Worksheet.cellText(text),
                                              &options), context)
    }

    // MARK: Rows, columns, merges

    /// Sets width (in characters of the default font), format and visibility of columns `first…last`.
    public func setColumn(first: Int, last: Int, width: Double, format: Format? = nil, hidden: Bool = false) throws {
        let context = try prepare("setting columns of", firstRow: 0, firstCol: first, lastRow: 0, lastCol: last)
        var options = lxw_row_col_options()
        options.hidden = hidden ? 1 : 0
        try check(worksheet_set_column_opt(handle, lxw_col_t(first), lxw_col_t(last), width, cFormat(format),
                                           &options), context)
    }

    /// Sets a row's height in points (nil keeps the default 15) and its format.
    public func setRow(_ row: Int, height: Double? = nil, format: Format? = nil, hidden: Bool = false) throws {
        let context = try prepare("setting row of", row: row, col: 0)
        var options = lxw_row_col_options()
        options.hidden = hidden ? 1 : 0
        try check(worksheet_set_row_opt(handle, lxw_row_t(row), height ?? LXW_DEF_ROW_HEIGHT, cFormat(format),
                                        &options), context)
    }

    /// Sets the height in points of every row not given its own height: a 15 pt Thai body font needs more than
    /// Excel's default 15 pt row, and a sheet of thousands of rows cannot set each one.
    public func setDefaultRowHeight(_ height: Double) {
        _ = workbook.liveHandle()
        worksheet_set_default_row(handle, height, 0)
    }

    /// Merges a range and writes `text` (as a string, cleaned like `write(string:)`) with `format` into it.
    public func mergeRange(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int, text: String,
                           format: Format? = nil) throws {
        let context = try prepare("merging", firstRow: firstRow, firstCol: firstCol, lastRow: lastRow,
                                  lastCol: lastCol)
        try check(worksheet_merge_range(handle, lxw_row_t(firstRow), lxw_col_t(firstCol), lxw_row_t(lastRow),
                                        lxw_col_t(lastCol), Worksheet.cellText(text), cFormat(format)), context)
    }

    /// Freezes the rows above `row` and the columns left of `col` (0 freezes none in that direction).
    public func freezePanes(row: Int, col: Int) throws {
        _ = try prepare("freezing panes at", row: row, col: col, writesRow: false)
        worksheet_freeze_panes(handle, lxw_row_t(row), lxw_col_t(col))
    }

    /// Adds filter buttons to the header row of the range.
    public func autofilter(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int) throws {
        let context = try prepare("adding autofilter to", firstRow: firstRow, firstCol: firstCol,
                                  lastRow: lastRow, lastCol: lastCol)
        try check(worksheet_autofilter(handle, lxw_row_t(firstRow), lxw_col_t(firstCol), lxw_row_t(lastRow),
                                       lxw_col_t(lastCol)), context)
    }

    /// Places a chart with its top-left corner at the cell, scaled from the default 480 × 288 pixels.
    public func insertChart(row: Int, col: Int, chart: Chart, xScale: Double = 1, yScale: Double = 1) throws {
        let context = try prepare("inserting chart at", row: row, col: col)
        precondition(chart.workbook === workbook, "XlsxWriter: a Chart can only be inserted in its own workbook")
        var options = lxw_chart_options()
        options.x_scale = xScale
        options.y_scale = yScale
        try check(worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(col), chart.handle, &options),
                  context)
    }

    /// Turns a range (header row first) into an Excel table with the given header names and style
    /// (e.g. "Table Style Medium 2" = `.medium(2)`); tables carry their own filter buttons.
    public func addTable(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int, columns: [String],
                         name: String? = nil, style: TableStyle? = nil) throws {
        let context = try prepare("adding table to", firstRow: firstRow, firstCol: firstCol,
                                  lastRow: lastRow, lastCol: lastCol)
        guard columns.isEmpty || columns.count == lastCol - firstCol + 1 else {
            throw XlsxError(kind: .invalidArgument,
                            message: "\(columns.count) header names for \(lastCol - firstCol + 1) columns",
                            context: context)
        }
        var pool = CStringPool()
        var cColumns = columns.map { header -> lxw_table_column in
            var column = lxw_table_column()
            column.header = pool.copy(Worksheet.cellText(header))
            return column
        }
        defer { pool.freeAll() }
        try cColumns.withUnsafeMutableBufferPointer { buffer in
            var pointers: [UnsafeMutablePointer<lxw_table_column>?] = (0..<buffer.count).map { buffer.baseAddress! + $0 }
            pointers.append(nil)
            try pointers.withUnsafeMutableBufferPointer { columnList in
                var options = lxw_table_options()
                options.name = pool.copy(name.map { XMLText.safe($0, .plain) })
                if let style {
                    options.style_type = style.cType
                    options.style_type_number = style.number
                }
                if !columns.isEmpty { options.columns = columnList.baseAddress }
                try check(worksheet_add_table(handle, lxw_row_t(firstRow), lxw_col_t(firstCol), lxw_row_t(lastRow),
                                              lxw_col_t(lastCol), &options), context)
            }
        }
    }
}

/// Excel's built-in table styles: light 1–21, medium 1–28, dark 1–11.
public enum TableStyle: Sendable {
    case light(Int), medium(Int), dark(Int)

    var cType: UInt8 {
        switch self {
        case .light: UInt8(LXW_TABLE_STYLE_TYPE_LIGHT.rawValue)
        case .medium: UInt8(LXW_TABLE_STYLE_TYPE_MEDIUM.rawValue)
        case .dark: UInt8(LXW_TABLE_STYLE_TYPE_DARK.rawValue)
        }
    }

    var number: UInt8 {
        switch self {
        case .light(let n), .medium(let n), .dark(let n): UInt8(clamping: n)
        }
    }
}
