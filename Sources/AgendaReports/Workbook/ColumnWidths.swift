import AgendaCore
import XlsxWriter

/// Column widths computed from what the cells will show, because libxlsxwriter 1.1.4 has no autofit.
///
/// Excel measures a column in "characters" of the workbook's default font (Calibri 11: 7 pixels a digit, plus 5
/// pixels of padding), while our cells are set in TH Sarabun at 14–16 pt. So the text is measured in ems of the
/// Thai font and converted to pixels at its size, then to Excel's unit. The em widths are the advance widths of
/// Laksaman, TLWG's metric-compatible copy of TH Sarabun PSK, rounded up: Thai letters 0.61 em on average (up to
/// 0.82), digits 0.54, comma and full stop 0.25. Thai above/below vowels and tone marks take no width
/// (`DisplayWidth` says which scalars are combining). Bold text is about 6% wider.
struct ColumnWidths {
    /// Needed width per column, in Excel's width unit.
    private(set) var widths: [Int: Double] = [:]
    let bodySize: Double

    init(bodySize: Double) {
        self.bodySize = bodySize
    }

    /// Pixels of Calibri 11's digit (Excel's width unit) and of the cell padding Excel adds.
    static let unitPixels = 7.0
    static let paddingPixels = 16.0

    /// Width of `text` in ems of TH Sarabun; the widest line when it has line breaks.
    static func ems(_ text: String, bold: Bool = false) -> Double {
        var widest = 0.0
        var current = 0.0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                widest = max(widest, current)
                current = 0
                continue
            }
            let columns = DisplayWidth.of(scalar)
            if columns == 0 { continue }
            current += Double(columns) * em(of: scalar)
        }
        widest = max(widest, current)
        return bold ? widest * 1.06 : widest
    }

    private static func em(of scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case "0"..."9": return 0.55
        case ",", ".", ":", ";", "'", "!", "|", "i", "l", "I", "j": return 0.26
        case " ": return 0.33
        case "(", ")", "-", "/", "–": return 0.36
        case "%", "ม", "ฒ", "ฬ", "ฆ", "ฑ", "ฌ", "ญ", "ณ", "ฯ", "ๆ", "W", "M", "m", "w": return 0.82
        case "a"..."z": return 0.51
        case "A"..."Z": return 0.62
        default: return 0.63
        }
    }

    /// Excel width for text of `ems` at `size` points.
    static func excelWidth(ems: Double, size: Double) -> Double {
        let pixels = ems * size * 96.0 / 72.0 + paddingPixels
        return (pixels / unitPixels * 10).rounded(.up) / 10
    }

    /// Thai text as LibreOffice sets it in Laksaman is about 0.8 of what `ems` reserves (measured on the rendered
    /// sample dashboard: 0.72–0.84). Column widths keep the generous figure, so nothing is cut; counting wrapped
    /// lines with it made rows a line too tall and pushed tables onto another page.
    static let thaiWrapFactor = 0.82

    /// Width of `text` in ems for counting wrapped lines: as `ems`, with Thai letters at `thaiWrapFactor`.
    static func wrapEms(_ text: String, bold: Bool = false) -> Double {
        var thai = "", other = ""
        for scalar in text.unicodeScalars {
            if (0x0E00...0x0E7F).contains(scalar.value) { thai.unicodeScalars.append(scalar) }
            else { other.unicodeScalars.append(scalar) }
        }
        return ems(thai, bold: bold) * thaiWrapFactor + ems(other, bold: bold)
    }

    /// Makes column `col` wide enough for `text` at the body size plus `sizeDelta` points.
    mutating func fit(_ text: String, col: Int, bold: Bool = false, sizeDelta: Double = 0) {
        atLeast(Self.excelWidth(ems: Self.ems(text, bold: bold), size: bodySize + sizeDelta), col: col)
    }

    /// Makes column `col` wide enough for a number as its format `#,##0.00` shows it; a little wider than the text,
    /// since a number too wide for its column shows as `####`.
    mutating func fit(number: Double, decimals: Int, col: Int, bold: Bool = false, signed: Bool = false) {
        let text = signed ? NumberText.signed(number, decimals: decimals) : NumberText.decimal(number, decimals: decimals)
        fit(text + "0", col: col, bold: bold)
    }

    /// Makes column `col` wide enough for a fraction shown as `0.0%`.
    mutating func fit(percentOf fraction: Double, col: Int, bold: Bool = false) {
        fit(NumberText.percent(fraction * 100) + "0", col: col, bold: bold)
    }

    mutating func atLeast(_ width: Double, col: Int) {
        widths[col] = max(widths[col] ?? 0, width)
    }

    func width(_ col: Int) -> Double { widths[col] ?? 0 }

    /// Sets every measured column, clamped to `minimum…maximum` (text wider than `maximum` must wrap).
    func apply(to sheet: Worksheet, minimum: Double = 6, maximum: Double = 60) throws {
        for col in widths.keys.sorted() {
            try sheet.setColumn(first: col, last: col, width: min(max(widths[col] ?? minimum, minimum), maximum))
        }
    }

    /// Lines that `text` takes when wrapped in a column of `width` Excel units (at least 1), for setting row
    /// heights of wrapped text: LibreOffice and Excel do not agree on automatic heights.
    func lines(_ text: String, width: Double, bold: Bool = false, sizeDelta: Double = 0) -> Int {
        let size = bodySize + sizeDelta
        let usable = max(width * Self.unitPixels - Self.paddingPixels, 1)
        var count = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let pixels = Self.wrapEms(String(line), bold: bold) * size * 96.0 / 72.0
            // Wrapping breaks between words, which wastes some of each line.
            count += max(1, Int((pixels * 1.05 / usable).rounded(.up)))
        }
        return max(count, 1)
    }

    /// Row height in points for `lines` lines at the body size. TH Sarabun's glyphs are small for its size but its
    /// line spacing is large (ascent + descent ≈ 1.96 em): one line reads well in a 1.3 em row, while wrapped
    /// lines need about 1.6 em each or LibreOffice pushes the first line above the cell.
    func rowHeight(lines: Int, sizeDelta: Double = 0) -> Double {
        let size = bodySize + sizeDelta
        if lines <= 1 { return (size * 1.3 + 5).rounded(.up) }
        return (Double(lines) * size * 1.6 + 4).rounded(.up)
    }
}
