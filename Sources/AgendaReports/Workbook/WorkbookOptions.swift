/// Presentation choices for the workbook that do not change any number.
public struct WorkbookOptions: Sendable, Hashable {
    /// The body typeface. Thai government documents use the SIPA national fonts: TH Sarabun New (the later
    /// revision) or TH Sarabun PSK (the 2010 cabinet standard); offices differ, so it is a flag.
    public var fontName: String
    /// Body text size in points; TH Sarabun is small for its size, so 15–16 pt reads like 11 pt Calibri.
    public var bodySize: Double
    /// Values beyond this many rows do not fit the `Data` sheet (Excel's 1,048,576 rows less the header) and go
    /// to a CSV file beside the workbook instead. Lowered in tests.
    public var dataSheetRowLimit: Int

    public static let excelRowLimit = 1_048_576

    public init(fontName: String = "TH Sarabun New", bodySize: Double = 15, dataSheetRowLimit: Int = excelRowLimit - 1) {
        precondition(dataSheetRowLimit >= 1 && dataSheetRowLimit < Self.excelRowLimit, "data sheet row limit out of range")
        self.fontName = fontName
        self.bodySize = bodySize
        self.dataSheetRowLimit = dataSheetRowLimit
    }
}
