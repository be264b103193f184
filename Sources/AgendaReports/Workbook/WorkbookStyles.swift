import AgendaCore
import XlsxWriter

/// Every cell format the workbook uses, created once per workbook.
///
/// libxlsxwriter records a format's style the first time a cell uses it, so formats are built completely here and
/// never changed afterwards. Every format carries the Thai font (name, charset and family) so no cell falls back
/// to Calibri, which has no Thai glyphs on many office machines.
final class WorkbookStyles {
    let options: WorkbookOptions
    private let workbook: Workbook
    private var numberCache: [Int: Format] = [:]
    private var emphasisNumberCache: [Int: Format] = [:]

    // Colours: Excel's own "Good / Neutral / Bad" pairs, readable in colour and distinct in grey.
    static let headerFill = 0x1F4E78
    static let bandFill = 0xDDEBF7
    static let achievedFill = 0xC6EFCE, achievedText = 0x006100
    static let onTrackFill = 0xFFEB9C, onTrackText = 0x9C5700
    static let behindFill = 0xFFC7CE, behindText = 0x9C0006
    static let missingFill = 0xEDEDED, missingText = 0x595959

    let title: Format
    let subtitle: Format
    let note: Format
    let header: Format
    let text: Format
    /// Text kept one indent off a right-aligned number in the column before it.
    let indentedText: Format
    let wrappedText: Format
    let boldText: Format
    let code: Format
    let integer: Format
    let percent: Format
    let date: Format
    let dateTime: Format
    let blank: Format
    let achieved: Format
    let onTrack: Format
    let behind: Format
    let missing: Format
    /// The presentation sheets' table formats (borders, province rows, per-indicator decimals), built on demand.
    private(set) lazy var presentation = PresentationStyles(workbook: workbook, options: options)

    init(workbook: Workbook, options: WorkbookOptions) {
        self.workbook = workbook
        self.options = options
        let size = options.bodySize
        func base() -> Format { workbook.addFormat().thaiFont(name: options.fontName, size: size).verticalAlign(.center) }
        title = workbook.addFormat().thaiFont(name: options.fontName, size: size + 7).bold().fontColor(Self.headerFill)
        subtitle = workbook.addFormat().thaiFont(name: options.fontName, size: size + 2).bold()
        note = workbook.addFormat().thaiFont(name: options.fontName, size: size - 2).italic().fontColor(0x595959)
        header = base().bold().fontColor(0xFFFFFF).backgroundColor(Self.headerFill).textWrap()
            .align(.center).border(.thin, color: 0xBFBFBF)
        text = base()
        indentedText = base().align(.left).indent(1)
        // Bottom-aligned like every other cell, so a tall row reads as one line of cells ending together, and
        // indented so wrapped text keeps off the number in the column before it.
        wrappedText = base().textWrap().align(.left).indent(1)
        boldText = base().bold()
        code = base().numberFormat("@")
        integer = base().numberFormat("#,##0")
        percent = base().numberFormat("0.0\"%\"")
        // Real dates, shown in the Buddhist year with Thai month names (locale 041E, calendar 07).
        date = base().numberFormat("[$-7041E]d mmm yyyy")
        dateTime = base().numberFormat("[$-7041E]d mmm yyyy hh:mm")
        blank = base()
        achieved = base().bold().fontColor(Self.achievedText).backgroundColor(Self.achievedFill).align(.center)
        onTrack = base().bold().fontColor(Self.onTrackText).backgroundColor(Self.onTrackFill).align(.center)
        behind = base().bold().fontColor(Self.behindText).backgroundColor(Self.behindFill).align(.center)
        missing = base().fontColor(Self.missingText).backgroundColor(Self.missingFill).align(.center)
    }

    /// A number with thousands separators and `decimals` places (0…6).
    func number(decimals: Int) -> Format {
        let d = min(max(decimals, 0), 6)
        if let cached = numberCache[d] { return cached }
        let format = workbook.addFormat().thaiFont(name: options.fontName, size: options.bodySize)
            .verticalAlign(.center).numberFormat(Self.numberCode(decimals: d))
        numberCache[d] = format
        return format
    }

    /// Bold variant of `number(decimals:)`, for province rows and totals.
    func emphasisNumber(decimals: Int) -> Format {
        let d = min(max(decimals, 0), 6)
        if let cached = emphasisNumberCache[d] { return cached }
        let format = workbook.addFormat().thaiFont(name: options.fontName, size: options.bodySize)
            .verticalAlign(.center).bold().numberFormat(Self.numberCode(decimals: d))
        emphasisNumberCache[d] = format
        return format
    }

    /// The format showing a status word in its colour (the word itself is written too: colour alone is lost on a
    /// black-and-white printer).
    func status(_ status: Status?) -> Format {
        switch status {
        case .achieved: achieved
        case .onTrack: onTrack
        case .behind, .notAchieved: behind
        case nil: missing
        }
    }

    static func numberCode(decimals: Int) -> String {
        decimals == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: decimals)
    }
}
