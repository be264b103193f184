import CXlsxWriter

/// Paper sizes by Excel's code (the value stored in `pageSetup/@paperSize`).
public enum PaperSize: UInt8, Sendable {
    case letter = 1, a3 = 8, a4 = 9, a5 = 11
}

/// What users may still do on a protected sheet. Defaults match Excel's own dialog: select cells, nothing else.
public struct ProtectionOptions: Sendable, Equatable {
    public var selectLockedCells: Bool
    public var selectUnlockedCells: Bool
    public var formatCells: Bool
    public var formatColumns: Bool
    public var formatRows: Bool
    public var sort: Bool
    public var autofilter: Bool

    public init(selectLockedCells: Bool = true, selectUnlockedCells: Bool = true, formatCells: Bool = false,
                formatColumns: Bool = false, formatRows: Bool = false, sort: Bool = false, autofilter: Bool = false) {
        self.selectLockedCells = selectLockedCells
        self.selectUnlockedCells = selectUnlockedCells
        self.formatCells = formatCells
        self.formatColumns = formatColumns
        self.formatRows = formatRows
        self.sort = sort
        self.autofilter = autofilter
    }
}

/// Print setup, screen view and protection. Setters without a C return code do not throw; using them after
/// the workbook is closed is a programmer error (precondition).
extension Worksheet {
    /// Runs a C setter that cannot fail after checking the workbook is still open.
    private func live(_ body: (UnsafeMutablePointer<lxw_worksheet>) -> Void) {
        _ = workbook.liveHandle()
        body(handle)
    }

    // MARK: Print

    public func setLandscape() { live { worksheet_set_landscape($0) } }
    public func setPortrait() { live { worksheet_set_portrait($0) } }
    public func setPaper(_ paper: PaperSize) { live { worksheet_set_paper($0, paper.rawValue) } }

    /// Fits the printout to `width` pages across and `height` pages down; 0 means "as many as needed", so
    /// `fitToPages(width: 1, height: 0)` is "one page wide".
    public func fitToPages(width: Int, height: Int) {
        live { worksheet_fit_to_pages($0, UInt16(clamping: width), UInt16(clamping: height)) }
    }

    /// Repeats rows `first…last` at the top of every printed page.
    public func repeatRows(first: Int, last: Int) throws {
        let context = try prepare("repeating rows on", firstRow: first, firstCol: 0, lastRow: last, lastCol: 0)
        try check(worksheet_repeat_rows(handle, lxw_row_t(first), lxw_row_t(last)), context)
    }

    /// Repeats columns `first…last` at the left of every printed page.
    public func repeatColumns(first: Int, last: Int) throws {
        let context = try prepare("repeating columns on", firstRow: 0, firstCol: first, lastRow: 0, lastCol: last)
        try check(worksheet_repeat_columns(handle, lxw_col_t(first), lxw_col_t(last)), context)
    }

    /// Limits printing to a range.
    public func printArea(firstRow: Int, firstCol: Int, lastRow: Int, lastCol: Int) throws {
        let context = try prepare("setting print area", firstRow: firstRow, firstCol: firstCol,
                                  lastRow: lastRow, lastCol: lastCol)
        try check(worksheet_print_area(handle, lxw_row_t(firstRow), lxw_col_t(firstCol), lxw_row_t(lastRow),
                                       lxw_col_t(lastCol)), context)
    }

    /// Page header with Excel codes: `&L`/`&C`/`&R` sections, `&P` page, `&N` pages, `&D` date, `&A` sheet,
    /// `&"Font,Bold"`, `&14` size. Excel allows 255 characters; longer text throws.
    public func setHeader(_ text: String) throws {
        let context = "setting page header of sheet '\(name)'"
        _ = try workbook.openHandle(context)
        try check(worksheet_set_header(handle, XMLText.safe(text, .escaped)), context)
    }

    /// Page footer; same codes and limit as `setHeader`.
    public func setFooter(_ text: String) throws {
        let context = "setting page footer of sheet '\(name)'"
        _ = try workbook.openHandle(context)
        try check(worksheet_set_footer(handle, XMLText.safe(text, .escaped)), context)
    }

    /// Page margins in inches (Excel's unit). Nil keeps libxlsxwriter's default for that side.
    public func setMargins(left: Double? = nil, right: Double? = nil, top: Double? = nil, bottom: Double? = nil) {
        live { worksheet_set_margins($0, left ?? -1, right ?? -1, top ?? -1, bottom ?? -1) }
    }

    /// Which gridlines show: on screen (Excel's default true) and on paper (default false).
    public func setGridlines(screen: Bool, print: Bool) {
        let option: lxw_gridlines = switch (screen, print) {
        case (false, false): LXW_HIDE_ALL_GRIDLINES
        case (true, false): LXW_SHOW_SCREEN_GRIDLINES
        case (false, true): LXW_SHOW_PRINT_GRIDLINES
        case (true, true): LXW_SHOW_ALL_GRIDLINES
        }
        live { worksheet_gridlines($0, UInt8(option.rawValue)) }
    }

    /// Hides gridlines on screen and on paper (dashboards look like documents).
    public func hideGridlines() { setGridlines(screen: false, print: false) }

    public func centerHorizontally() { live { worksheet_center_horizontally($0) } }
    public func centerVertically() { live { worksheet_center_vertically($0) } }

    // MARK: Screen

    /// Zoom percentage, 10…400.
    public func setZoom(_ percent: Int) { live { worksheet_set_zoom($0, UInt16(clamping: percent)) } }
    /// Makes this the sheet shown when the file opens.
    public func activate() { live { worksheet_activate($0) } }
    /// Selects this sheet's tab (several may be selected; the active one always is).
    public func select() { live { worksheet_select($0) } }
    /// The first visible tab, when there are more tabs than fit.
    public func setFirstSheet() { live { worksheet_set_first_sheet($0) } }
    public func hide() { live { worksheet_hide($0) } }
    public func setTabColor(_ rgb: Int) { live { worksheet_set_tab_color($0, lxwColor(rgb)) } }

    // MARK: Protection

    /// Protects the sheet: locked cells (the default for every format not marked `unlocked()`) cannot be
    /// edited. The optional password is only a deterrent: Excel stores a 16-bit hash.
    public func protect(password: String? = nil, options: ProtectionOptions = ProtectionOptions()) {
        var cOptions = lxw_protection()
        cOptions.no_select_locked_cells = options.selectLockedCells ? 0 : 1
        cOptions.no_select_unlocked_cells = options.selectUnlockedCells ? 0 : 1
        cOptions.format_cells = options.formatCells ? 1 : 0
        cOptions.format_columns = options.formatColumns ? 1 : 0
        cOptions.format_rows = options.formatRows ? 1 : 0
        cOptions.sort = options.sort ? 1 : 0
        cOptions.autofilter = options.autofilter ? 1 : 0
        live { sheet in
            if let password {
                worksheet_protect(sheet, password, &cOptions)
            } else {
                worksheet_protect(sheet, nil, &cOptions)
            }
        }
    }
}
