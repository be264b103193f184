import CXlsxWriter

/// A cell format (font, number format, fill, borders, alignment, protection), owned by its workbook: the C
/// format lives as long as the workbook and is never freed separately. Setters return the format so they chain:
/// `book.addFormat().thaiFont(name: "TH Sarabun New", size: 16).bold().numberFormat("#,##0")`.
///
/// Set everything before the format's first use: libxlsxwriter registers the style when a cell first uses it.
/// Colours are `0xRRGGBB`.
public final class Format {
    let handle: UnsafeMutablePointer<lxw_format>
    /// Kept so the C format (owned by the workbook) cannot outlive it.
    let workbook: Workbook

    init(handle: UnsafeMutablePointer<lxw_format>, workbook: Workbook) {
        self.handle = handle
        self.workbook = workbook
    }

    /// Runs a C setter after checking the workbook is still open (use after close is a programmer error).
    @discardableResult
    private func set(_ body: (UnsafeMutablePointer<lxw_format>) -> Void) -> Format {
        _ = workbook.liveHandle()
        body(handle)
        return self
    }

    // MARK: Font

    @discardableResult public func fontName(_ name: String) -> Format {
        set { format_set_font_name($0, XMLText.safe(name, .plain)) }
    }
    @discardableResult public func fontSize(_ points: Double) -> Format { set { format_set_font_size($0, points) } }
    @discardableResult public func bold() -> Format { set { format_set_bold($0) } }
    @discardableResult public func italic() -> Format { set { format_set_italic($0) } }
    @discardableResult public func underline(_ style: Underline = .single) -> Format {
        set { format_set_underline($0, style.rawValue) }
    }
    @discardableResult public func fontColor(_ rgb: Int) -> Format {
        set { format_set_font_color($0, lxwColor(rgb)) }
    }
    /// Font charset, e.g. 222 for Thai. Excel ignores a Thai font name unless its charset says Thai.
    /// libxlsxwriter 1.1.4 (Debian) keeps the value but does not write `<charset>` into styles.xml, so the
    /// workbook remembers it and `Workbook.close()` adds it to the finished file.
    @discardableResult public func fontCharset(_ charset: Int) -> Format {
        set {
            format_set_font_charset($0, UInt8(clamping: charset))
            workbook.recordFontCharset(UInt8(clamping: charset), for: $0)
        }
    }
    /// Font family (1 roman, 2 swiss, 3 modern …), written with the charset for Excel's font matching.
    @discardableResult public func fontFamily(_ family: Int) -> Format {
        set { format_set_font_family($0, UInt8(clamping: family)) }
    }
    /// A Thai font: name and size plus charset 222 and family 2, without which Excel falls back to its default.
    @discardableResult public func thaiFont(name: String, size: Double) -> Format {
        fontName(name).fontSize(size).fontCharset(222).fontFamily(2)
    }

    // MARK: Number format, fill, borders

    /// Excel number format, e.g. `#,##0.0`, `0.0%`, `[$-7041E]d mmmm yyyy` (Thai Buddhist-era date).
    @discardableResult public func numberFormat(_ code: String) -> Format {
        set { format_set_num_format($0, XMLText.safe(code, .plain)) }
    }
    /// Solid background colour (libxlsxwriter implies the solid pattern when only a background is set).
    @discardableResult public func backgroundColor(_ rgb: Int) -> Format {
        set { format_set_bg_color($0, lxwColor(rgb)) }
    }
    @discardableResult public func foregroundColor(_ rgb: Int) -> Format {
        set { format_set_fg_color($0, lxwColor(rgb)) }
    }
    @discardableResult public func pattern(_ pattern: FillPattern) -> Format {
        set { format_set_pattern($0, pattern.rawValue) }
    }
    /// The same border on all four sides.
    @discardableResult public func border(_ style: BorderStyle, color: Int? = nil) -> Format {
        set {
            format_set_border($0, style.rawValue)
            if let color { format_set_border_color($0, lxwColor(color)) }
        }
    }
    /// Borders per side; nil leaves a side unchanged.
    @discardableResult public func borders(top: BorderStyle? = nil, bottom: BorderStyle? = nil,
                                           left: BorderStyle? = nil, right: BorderStyle? = nil) -> Format {
        set {
            if let top { format_set_top($0, top.rawValue) }
            if let bottom { format_set_bottom($0, bottom.rawValue) }
            if let left { format_set_left($0, left.rawValue) }
            if let right { format_set_right($0, right.rawValue) }
        }
    }
    @discardableResult public func borderColor(_ rgb: Int) -> Format {
        set { format_set_border_color($0, lxwColor(rgb)) }
    }

    // MARK: Alignment

    @discardableResult public func align(_ alignment: HorizontalAlignment) -> Format {
        set { format_set_align($0, alignment.cValue) }
    }
    @discardableResult public func verticalAlign(_ alignment: VerticalAlignment) -> Format {
        set { format_set_align($0, alignment.cValue) }
    }
    @discardableResult public func textWrap() -> Format { set { format_set_text_wrap($0) } }
    @discardableResult public func indent(_ level: Int) -> Format {
        set { format_set_indent($0, UInt8(clamping: level)) }
    }
    @discardableResult public func shrinkToFit() -> Format { set { format_set_shrink($0) } }
    /// Text rotation in degrees, -90…90, or 270 for stacked text.
    @discardableResult public func rotation(_ degrees: Int) -> Format {
        set { format_set_rotation($0, Int16(clamping: degrees)) }
    }

    // MARK: Protection (takes effect only on a protected sheet)

    /// Lets users edit this cell when the sheet is protected (cells are locked by default).
    @discardableResult public func unlocked() -> Format { set { format_set_unlocked($0) } }
    /// Hides the cell's formula when the sheet is protected.
    @discardableResult public func hiddenFormula() -> Format { set { format_set_hidden($0) } }
}

public enum Underline: UInt8, Sendable {
    case single = 1, double = 2, singleAccounting = 3, doubleAccounting = 4
}

public enum FillPattern: UInt8, Sendable {
    case none = 0, solid = 1, mediumGray = 2, darkGray = 3, lightGray = 4, lightHorizontal = 11,
         lightVertical = 12, lightDown = 13, lightUp = 14, gray125 = 17
}

public enum BorderStyle: UInt8, Sendable {
    case none = 0, thin = 1, medium = 2, dashed = 3, dotted = 4, thick = 5, double = 6, hair = 7
}

public enum HorizontalAlignment: Sendable {
    case left, center, right, fill, justify, centerAcross, distributed

    var cValue: UInt8 {
        switch self {
        case .left: UInt8(LXW_ALIGN_LEFT.rawValue)
        case .center: UInt8(LXW_ALIGN_CENTER.rawValue)
        case .right: UInt8(LXW_ALIGN_RIGHT.rawValue)
        case .fill: UInt8(LXW_ALIGN_FILL.rawValue)
        case .justify: UInt8(LXW_ALIGN_JUSTIFY.rawValue)
        case .centerAcross: UInt8(LXW_ALIGN_CENTER_ACROSS.rawValue)
        case .distributed: UInt8(LXW_ALIGN_DISTRIBUTED.rawValue)
        }
    }
}

public enum VerticalAlignment: Sendable {
    case top, center, bottom, justify, distributed

    var cValue: UInt8 {
        switch self {
        case .top: UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)
        case .center: UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue)
        case .bottom: UInt8(LXW_ALIGN_VERTICAL_BOTTOM.rawValue)
        case .justify: UInt8(LXW_ALIGN_VERTICAL_JUSTIFY.rawValue)
        case .distributed: UInt8(LXW_ALIGN_VERTICAL_DISTRIBUTED.rawValue)
        }
    }
}

/// An `0xRRGGBB` colour as libxlsxwriter's `lxw_color_t`; anything else is a programmer error.
func lxwColor(_ rgb: Int) -> lxw_color_t {
    precondition((0...0xFFFFFF).contains(rgb), "colour must be 0xRRGGBB, got \(rgb)")
    return lxw_color_t(rgb)
}
