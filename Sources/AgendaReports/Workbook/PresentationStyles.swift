import AgendaCore
import XlsxWriter

/// What a presentation cell looks like, as a value: two cells with equal styles share one `Format`.
///
/// The presentation sheets need many small variations (bold province rows, per-indicator decimals, status
/// colours, borders); describing them as values and caching the formats keeps every format complete before its
/// first use, which libxlsxwriter requires.
struct CellStyle: Hashable {
    enum Align: Hashable { case general, left, center, right }

    var numberFormat: String?
    var bold = false
    var italic = false
    /// Points added to the body size (negative for notes).
    var sizeDelta: Double = 0
    var fill: Int?
    var fontColor: Int?
    var align: Align = .general
    var wrap = false
    /// A thin grey border on all sides, as in a printed table.
    var border = true
    var topAligned = false
    /// Indent levels from the aligned edge, to keep text off a right-aligned number in the column before.
    var indent = 0
}

/// The cached formats of the presentation sheets, built on demand from `CellStyle`s.
final class PresentationStyles {
    private let workbook: Workbook
    private let options: WorkbookOptions
    private var cache: [CellStyle: Format] = [:]

    static let borderColor = 0xBFBFBF
    static let sectionColor = WorkbookStyles.headerFill
    static let provinceFill = 0xF2F2F2

    init(workbook: Workbook, options: WorkbookOptions) {
        self.workbook = workbook
        self.options = options
    }

    func format(_ style: CellStyle) -> Format {
        if let cached = cache[style] { return cached }
        let format = workbook.addFormat().thaiFont(name: options.fontName, size: options.bodySize + style.sizeDelta)
        format.verticalAlign(style.topAligned ? .top : .center)
        if let code = style.numberFormat { format.numberFormat(code) }
        if style.bold { format.bold() }
        if style.italic { format.italic() }
        if let fill = style.fill { format.backgroundColor(fill) }
        if let color = style.fontColor { format.fontColor(color) }
        switch style.align {
        case .general: break
        case .left: format.align(.left)
        case .center: format.align(.center)
        case .right: format.align(.right)
        }
        if style.wrap { format.textWrap() }
        if style.indent > 0 { format.indent(style.indent) }
        if style.border { format.border(.thin, color: Self.borderColor) }
        cache[style] = format
        return format
    }

    // MARK: Common styles

    /// Column headings: white on dark blue, wrapped (Thai over English), centred.
    var header: Format {
        format(CellStyle(bold: true, fill: WorkbookStyles.headerFill, fontColor: 0xFFFFFF, align: .center, wrap: true))
    }

    /// A heading above a table: larger, bold, dark blue, no border.
    var section: Format {
        format(CellStyle(bold: true, sizeDelta: 1, fontColor: Self.sectionColor, border: false))
    }

    /// Small grey explanatory text without a border.
    var note: Format { format(CellStyle(italic: true, sizeDelta: -2, fontColor: 0x595959, border: false)) }

    /// Wrapped note text for definitions written on the sheet.
    var wrappedNote: Format {
        format(CellStyle(italic: true, sizeDelta: -2, fontColor: 0x595959, wrap: true, border: false,
                         topAligned: true))
    }

    /// Plain label text without a border (title block).
    var label: Format { format(CellStyle(bold: true, border: false)) }
    var plain: Format { format(CellStyle(border: false)) }

    func text(bold: Bool = false, wrap: Bool = false, province: Bool = false, align: CellStyle.Align = .left)
        -> Format {
        format(CellStyle(bold: bold || province, fill: province ? Self.provinceFill : nil, align: align, wrap: wrap))
    }

    /// A value with thousands separators and `decimals` places.
    func number(decimals: Int, province: Bool = false) -> Format {
        format(CellStyle(numberFormat: WorkbookStyles.numberCode(decimals: min(max(decimals, 0), 6)),
                         bold: province, fill: province ? Self.provinceFill : nil))
    }

    /// A change with its sign always shown: `+1,234`, `-56`, `0`.
    func signedNumber(decimals: Int, province: Bool = false) -> Format {
        let code = WorkbookStyles.numberCode(decimals: min(max(decimals, 0), 6))
        return format(CellStyle(numberFormat: "+\(code);-\(code);\(code)", bold: province,
                                fill: province ? Self.provinceFill : nil))
    }

    /// A fraction shown as a percentage with one decimal (0.875 → 87.5%); of a ceiling, it says so
    /// (1.056 → "105.6% ของเพดาน"), so a share of a ceiling is never read as progress.
    func percent(province: Bool = false, kind: TargetKind = .target) -> Format {
        format(CellStyle(numberFormat: Self.percentCode(kind), bold: province, fill: province ? Self.provinceFill : nil))
    }

    /// `0.0%`, or `0.0%" ของเพดาน"` for a ceiling.
    static func percentCode(_ kind: TargetKind, decimals: Int = 1) -> String {
        let code = decimals == 0 ? "0%" : "0." + String(repeating: "0", count: decimals) + "%"
        let suffix = kind.percentSuffix.th
        return suffix.isEmpty ? code : code + "\"" + suffix + "\""
    }

    /// "–" for a missing value, centred and grey: "not reported" is never shown as 0.
    func missing(province: Bool = false) -> Format {
        format(CellStyle(fill: province ? Self.provinceFill : nil, fontColor: WorkbookStyles.missingText,
                         align: .center))
    }

    /// A status word in its colour (word and colour, so a black-and-white print still says it).
    func status(_ status: Status?) -> Format {
        switch status {
        case .achieved:
            format(CellStyle(bold: true, fill: WorkbookStyles.achievedFill, fontColor: WorkbookStyles.achievedText,
                             align: .center))
        case .onTrack:
            format(CellStyle(bold: true, fill: WorkbookStyles.onTrackFill, fontColor: WorkbookStyles.onTrackText,
                             align: .center))
        case .behind, .notAchieved:
            format(CellStyle(bold: true, fill: WorkbookStyles.behindFill, fontColor: WorkbookStyles.behindText,
                             align: .center))
        case nil:
            missing()
        }
    }

    /// All as it should be in green, at least half in yellow, less in red: the status colours.
    func tone(_ tone: ReportInsights.Tone?) -> Format {
        switch tone {
        case .good: status(.achieved)
        case .mixed: status(.onTrack)
        case .poor: status(.behind)
        case nil: missing()
        }
    }

    /// A real date shown in the Buddhist year with the Thai month name: `27 มกราคม 2565`.
    var longDate: Format { format(CellStyle(numberFormat: "[$-7041E]d mmmm yyyy", align: .left, border: false)) }
}
