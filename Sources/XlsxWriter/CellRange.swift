/// Excel's grid limits and A1-style names, so callers and the renderers never build references by hand.
public enum CellReference {
    /// Number of rows in an Excel 2007+ sheet.
    public static let maxRows = 1_048_576
    /// Number of columns in an Excel 2007+ sheet.
    public static let maxColumns = 16_384

    /// The column letters for a zero-based column: 0 → "A", 25 → "Z", 26 → "AA".
    public static func columnName(_ col: Int) -> String {
        precondition(col >= 0, "column must be zero or more")
        var n = col + 1
        var letters: [Character] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// A1 name of a zero-based cell: (0, 0) → "A1"; with `absolute` → "$A$1".
    public static func a1(row: Int, col: Int, absolute: Bool = false) -> String {
        let dollar = absolute ? "$" : ""
        return "\(dollar)\(columnName(col))\(dollar)\(row + 1)"
    }

    /// Quotes a sheet name for a formula: `Facts` → `'Facts'`, `It's` → `'It''s'`. Always quoting is valid
    /// Excel syntax and spares us deciding which names (spaces, Thai, digits) need it.
    public static func quotedSheetName(_ name: String) -> String {
        "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

/// A rectangle of cells on a named sheet, zero-based and inclusive, used for chart data, validation lists
/// and anything else that refers to cells by formula.
public struct CellRange: Hashable, Sendable {
    public var sheet: String
    public var firstRow: Int
    public var firstCol: Int
    public var lastRow: Int
    public var lastCol: Int

    public init(sheet: String, firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int) {
        self.sheet = sheet
        self.firstRow = firstRow
        self.firstCol = firstCol
        self.lastRow = lastRow
        self.lastCol = lastCol
    }

    /// A single column `col` from `firstRow` to `lastRow`.
    public init(sheet: String, col: Int, firstRow: Int, lastRow: Int) {
        self.init(sheet: sheet, firstRow: firstRow, firstCol: col, lastRow: lastRow, lastCol: col)
    }

    /// A single row `row` from `firstCol` to `lastCol`.
    public init(sheet: String, row: Int, firstCol: Int, lastCol: Int) {
        self.init(sheet: sheet, firstRow: row, firstCol: firstCol, lastRow: row, lastCol: lastCol)
    }

    /// Relative A1 area without the sheet: "A1:C9", or "B2" for one cell.
    public var a1: String {
        let start = CellReference.a1(row: firstRow, col: firstCol)
        if firstRow == lastRow && firstCol == lastCol { return start }
        return start + ":" + CellReference.a1(row: lastRow, col: lastCol)
    }

    /// Absolute reference with the quoted sheet and no leading '=': `'Sheet name'!$A$1:$A$9`.
    public var absoluteReference: String {
        let start = CellReference.a1(row: firstRow, col: firstCol, absolute: true)
        let area = firstRow == lastRow && firstCol == lastCol
            ? start
            : start + ":" + CellReference.a1(row: lastRow, col: lastCol, absolute: true)
        return CellReference.quotedSheetName(sheet) + "!" + area
    }

    /// The formula form libxlsxwriter wants for chart series and validation: `='Sheet name'!$A$1:$A$9`.
    public var formula: String { "=" + absoluteReference }
}

/// Checks a zero-based cell against Excel's grid before it reaches C, where rows and columns are unsigned.
func checkCell(row: Int, col: Int, _ context: @autoclosure () -> String) throws {
    guard (0..<CellReference.maxRows).contains(row), (0..<CellReference.maxColumns).contains(col) else {
        throw XlsxError(kind: .cellOutOfRange,
                        message: "row \(row), column \(col) is outside Excel's 1,048,576 × 16,384 grid",
                        context: context())
    }
}

/// Checks both corners of an area and that it is not reversed.
func checkArea(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int,
               _ context: @autoclosure () -> String) throws {
    try checkCell(row: firstRow, col: firstCol, context())
    try checkCell(row: lastRow, col: lastCol, context())
    guard firstRow <= lastRow, firstCol <= lastCol else {
        throw XlsxError(kind: .cellOutOfRange,
                        message: "range is reversed (first row/column after last)", context: context())
    }
}
