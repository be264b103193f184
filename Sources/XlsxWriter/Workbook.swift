import CXlsxWriter
import Foundation

/// An `.xlsx` file being built with libxlsxwriter. Modelled on GRDB's wrapping of SQLite: every C return code is
/// checked at once and thrown as an `XlsxError` with context; C handles live inside `final class`es; no C type is
/// visible to callers.
///
/// ```swift
/// let book = try Workbook(path: "/tmp/report.xlsx")
/// book.setProperties(DocumentProperties(title: "วาระคนพะเยา", created: asOf))  // fixed time ⇒ same bytes
/// let sheet = try book.addWorksheet(name: "สรุป")
/// let body = book.addFormat().thaiFont(name: "TH Sarabun New", size: 16)
/// try sheet.write(string: "อำเภอ", row: 0, col: 0, format: body)
/// try sheet.write(number: 42, row: 0, col: 1)
/// try book.close()           // writes the file; errors are thrown, never ignored
/// ```
///
/// Lifetime: `close()` writes the file and releases every C object (libxlsxwriter's `workbook_close` frees the
/// workbook on success and failure alike). A workbook that is never closed is released in `deinit` with
/// `lxw_workbook_free`, which frees memory and temporary files WITHOUT writing, so an abandoned or failed build
/// never leaves a file behind. After `close()`, throwing methods throw `.workbookClosed`; non-throwing setters
/// (formats, print and screen setup) treat use after close as a programmer error (precondition).
public final class Workbook {
    /// Settings passed to `workbook_new_opt`.
    public struct Options: Sendable {
        /// Stream rows to temporary files instead of keeping them in memory. Rows must then be written in
        /// order, and a row cannot be changed once a later row is written.
        public var constantMemory: Bool
        /// Folder for libxlsxwriter's temporary files; nil uses the system default.
        public var tmpdir: String?
        /// The time zone whose wall-clock time `Worksheet.write(date:…)` stores: an Excel date has no zone, so the
        /// instant is written as it reads on a clock there. UTC unless the caller says otherwise.
        public var timeZone: TimeZone

        public init(constantMemory: Bool = false, tmpdir: String? = nil, timeZone: TimeZone = Options.utc) {
            self.constantMemory = constantMemory
            self.tmpdir = tmpdir
            self.timeZone = timeZone
        }

        /// Coordinated Universal Time, the default `timeZone`.
        public static let utc: TimeZone = {
            guard let zone = TimeZone(secondsFromGMT: 0) else { preconditionFailure("UTC must exist") }
            return zone
        }()
    }

    /// Where the file will be written on `close()`.
    public let path: String
    /// The time zone dates are written in (`Options.timeZone`).
    public let timeZone: TimeZone
    /// The C workbook; nil once closed (the library freed it).
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    /// Lower-cased names already used, because Excel compares sheet names case-insensitively.
    private var usedSheetNames: Set<String> = []
    /// Strings whose pointers libxlsxwriter keeps (file name, tmpdir); freed after the workbook.
    private var retainedCStrings: [UnsafeMutablePointer<CChar>] = []
    /// Font charsets requested per format, with the order of the first request (C formats live as long as the
    /// workbook, so the pointer is a stable key). libxlsxwriter 1.1.4 does not write them; `close()` adds them
    /// to the file (`StylesCharsetPatch`).
    private var requestedCharsets: [UnsafeMutablePointer<lxw_format>: (order: Int, charset: UInt8)] = [:]
    /// Increasing number for `requestedCharsets` orders: unique, so sorting by it is deterministic.
    private var nextCharsetRequest = 0
    /// Formats given to cells, rows, columns or merges (not conditional formats): only these get a cell format
    /// (xf) entry in styles.xml.
    private var cellFormatsInUse: Set<UnsafeMutablePointer<lxw_format>> = []
    /// Whether any chart was added: then `close()` checks the chart parts for Thai fonts (`ChartFontPatch`).
    private var hasCharts = false

    public init(path: String, options: Options = Options()) throws {
        self.path = path
        self.timeZone = options.timeZone
        var cOptions = lxw_workbook_options()
        cOptions.constant_memory = options.constantMemory ? 1 : 0
        let cPath = strdup(path)!
        retainedCStrings.append(cPath)
        if let tmpdir = options.tmpdir {
            let cTmp = strdup(tmpdir)!
            retainedCStrings.append(cTmp)
            cOptions.tmpdir = cTmp
        }
        guard let created = workbook_new_opt(cPath, &cOptions) else {
            throw XlsxError(kind: .library(code: Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue)),
                            message: "libxlsxwriter could not create the workbook (memory or temporary files)",
                            context: "creating workbook \(path)")
        }
        handle = created
    }

    deinit {
        if let handle { lxw_workbook_free(handle) }
        retainedCStrings.forEach { free($0) }
    }

    /// True once `close()` has run (whether it succeeded or not).
    public var isClosed: Bool { handle == nil }

    /// The live C handle, or a thrown `.workbookClosed`.
    func openHandle(_ context: @autoclosure () -> String) throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else {
            throw XlsxError(kind: .workbookClosed, message: "the workbook is already closed", context: context())
        }
        return handle
    }

    /// The live C handle for non-throwing setters: use after close is a programmer error.
    func liveHandle() -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { preconditionFailure("XlsxWriter: workbook used after close()") }
        return handle
    }

    /// Adds a sheet after checking the name in Swift first (Excel's rules, see `validateSheetName`), so a bad
    /// name is a clear error instead of a library warning on stderr.
    ///
    /// - Parameter streaming: write this sheet in libxlsxwriter's constant-memory mode: each row goes to a
    ///   temporary file as soon as the next row is started, and strings are stored inline instead of in the
    ///   shared-string table. Memory stays flat and writing is faster for large data sheets, but rows MUST be
    ///   written in order and a row can no longer be changed (cells, height) once a later row is written.
    ///   The library decides this per sheet when the sheet is added, from the workbook's option, so the option is
    ///   switched on for this one call only; other sheets keep the normal, random-access mode.
    public func addWorksheet(name: String, streaming: Bool = false) throws -> Worksheet {
        let context = "adding sheet '\(name)'"
        let handle = try openHandle(context)
        try Workbook.validateSheetName(name, context: context)
        guard !usedSheetNames.contains(name.lowercased()) else {
            throw XlsxError(kind: .invalidSheetName,
                            message: "a sheet with this name already exists (names are case-insensitive)",
                            context: context)
        }
        let savedMode = handle.pointee.options.constant_memory
        if streaming { handle.pointee.options.constant_memory = 1 }
        let added = workbook_add_worksheet(handle, name)
        handle.pointee.options.constant_memory = savedMode
        guard let sheet = added else {
            throw XlsxError(kind: .invalidSheetName, message: "libxlsxwriter rejected the sheet", context: context)
        }
        usedSheetNames.insert(name.lowercased())
        return Worksheet(handle: sheet, name: name, workbook: self, streaming: streaming)
    }

    /// Excel's sheet-name rules: 1–31 characters, none of `[ ] : * ? / \`, no leading or trailing apostrophe.
    /// Length is counted in UTF-16 units, as Excel does; for Thai (all in the BMP) that equals code points, so
    /// 31 Thai letters pass, but a letter with a tone mark counts two, exactly as Excel and libxlsxwriter count.
    public static func validateSheetName(_ name: String, context: String? = nil) throws {
        let context = context ?? "checking sheet name '\(name)'"
        func fail(_ message: String) -> XlsxError {
            XlsxError(kind: .invalidSheetName, message: message, context: context)
        }
        if name.isEmpty { throw fail("a sheet name cannot be empty") }
        if name.utf16.count > 31 { throw fail("a sheet name is limited to 31 characters (has \(name.utf16.count))") }
        if let bad = name.first(where: { "[]:*?/\\".contains($0) }) {
            throw fail("a sheet name cannot contain '\(bad)' (none of [ ] : * ? / \\)")
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            throw fail("a sheet name cannot start or end with an apostrophe")
        }
        // Refused rather than replaced: formulas and links refer to the sheet by the name as given.
        if XMLText.hasForbiddenCharacters(name) {
            throw fail("a sheet name cannot contain control characters, U+FFFE or U+FFFF")
        }
    }

    /// A new cell format owned by this workbook. Set all its properties before its first use: libxlsxwriter
    /// registers a format's style the first time a cell uses it.
    public func addFormat() -> Format {
        guard let format = workbook_add_format(liveHandle()) else {
            fatalError("libxlsxwriter could not allocate a format (out of memory)")
        }
        return Format(handle: format, workbook: self)
    }

    /// A new chart owned by this workbook; place it with `Worksheet.insertChart`.
    public func addChart(_ type: ChartType) -> Chart {
        hasCharts = true
        guard let chart = workbook_add_chart(liveHandle(), type.cValue) else {
            fatalError("libxlsxwriter could not allocate a chart (out of memory)")
        }
        return Chart(handle: chart, type: type, workbook: self)
    }

    /// Sets the document properties. A fixed `created` makes the output byte-identical between runs (zip entries
    /// already carry a fixed 1980 timestamp; only `docProps/core.xml` would otherwise change).
    public func setProperties(_ properties: DocumentProperties) throws {
        let context = "setting document properties"
        let handle = try openHandle(context)
        var strings = CStringPool()
        defer { strings.freeAll() }
        var props = lxw_doc_properties()
        props.title = strings.copy(properties.title.map { XMLText.safe($0, .plain) })
        props.subject = strings.copy(properties.subject.map { XMLText.safe($0, .plain) })
        props.author = strings.copy(properties.author.map { XMLText.safe($0, .plain) })
        props.manager = strings.copy(properties.manager.map { XMLText.safe($0, .plain) })
        props.company = strings.copy(properties.company.map { XMLText.safe($0, .plain) })
        props.category = strings.copy(properties.category.map { XMLText.safe($0, .plain) })
        props.keywords = strings.copy(properties.keywords.map { XMLText.safe($0, .plain) })
        props.comments = strings.copy(properties.comments.map { XMLText.safe($0, .plain) })
        props.created = time_t(properties.created.timeIntervalSince1970.rounded(.down))
        try check(workbook_set_properties(handle, &props), context)
    }

    /// Remembers a format's font charset so `close()` can write it (0 means none, as in libxlsxwriter).
    func recordFontCharset(_ charset: UInt8, for format: UnsafeMutablePointer<lxw_format>) {
        let order = requestedCharsets[format]?.order ?? nextCharsetRequest
        nextCharsetRequest += 1
        requestedCharsets[format] = charset == 0 ? nil : (order, charset)
    }

    /// Notes that a cell, row, column or merged range uses `format`.
    private var lastRecordedFormat: UnsafeMutablePointer<lxw_format>?

    func recordCellFormatUse(_ format: UnsafeMutablePointer<lxw_format>) {
        // Columns of cells share a format: skip the set lookup when it is the one recorded last.
        guard format != lastRecordedFormat else { return }
        lastRecordedFormat = format
        cellFormatsInUse.insert(format)
    }

    /// The cell-format (xf) index of every used format that asked for a charset. libxlsxwriter numbers formats
    /// lazily while `workbook_close` writes the sheets and frees them right after, so the indices cannot be
    /// read back: this asks for them first (`lxw_format_get_xf_index`), in the order the charsets were
    /// requested. Those formats then come first in `<cellXfs>`, which changes no cell's look. Workbooks
    /// without a charset are not touched, so their file stays exactly libxlsxwriter's.
    private func assignCharsetXfIndices() -> [Int: UInt8] {
        var charsetsByXfIndex: [Int: UInt8] = [:]
        for (format, request) in requestedCharsets.sorted(by: { $0.value.order < $1.value.order })
        where cellFormatsInUse.contains(format) {
            charsetsByXfIndex[Int(lxw_format_get_xf_index(format))] = request.charset
        }
        return charsetsByXfIndex
    }

    /// Writes the file and releases the C workbook. Afterwards the workbook is closed even if writing failed.
    ///
    /// When a format asked for a font charset or the workbook has charts, the finished file is then re-packed once
    /// to add the `<charset>` elements libxlsxwriter 1.1.4 leaves out of styles.xml (`StylesCharsetPatch`) and to
    /// make Thai chart fonts schema-valid (`ChartFontPatch`); otherwise the file is exactly the library's output.
    public func close() throws {
        let handle = try openHandle("closing workbook \(path)")
        let charsetsByXfIndex = assignCharsetXfIndices()  // before workbook_close frees the formats
        requestedCharsets = [:]
        cellFormatsInUse = []
        self.handle = nil  // workbook_close frees the workbook whatever it returns
        try check(workbook_close(handle), "writing workbook \(path)")
        guard !charsetsByXfIndex.isEmpty || hasCharts else { return }
        let patchCharts = hasCharts
        do {
            // One pass over the archive for every part that needs a fix.
            try ZipRepacker.rewriteEntries(inArchiveAt: path, where: { name in
                name == "xl/styles.xml" || (patchCharts && name.hasPrefix("xl/charts/chart") && name.hasSuffix(".xml"))
            }) { name, data in
                name == "xl/styles.xml"
                    ? try StylesCharsetPatch.patch(data, charsetsByXfIndex: charsetsByXfIndex)
                    : ChartFontPatch.patch(data)
            }
        } catch let error as ZipRepackError {
            throw XlsxError(kind: .fileRewrite, message: error.description,
                            context: "adding the font charsets to xl/styles.xml and the charts of \(path)")
        }
    }
}

/// Document metadata shown in File › Properties. `created` is required so no caller forgets it and lets the
/// library stamp the wall clock, which would break byte-identical output.
public struct DocumentProperties: Sendable {
    public var title: String?
    public var subject: String?
    public var author: String?
    public var manager: String?
    public var company: String?
    public var category: String?
    public var keywords: String?
    public var comments: String?
    public var created: Date

    public init(title: String? = nil, subject: String? = nil, author: String? = nil, manager: String? = nil,
                company: String? = nil, category: String? = nil, keywords: String? = nil,
                comments: String? = nil, created: Date) {
        self.title = title
        self.subject = subject
        self.author = author
        self.manager = manager
        self.company = company
        self.category = category
        self.keywords = keywords
        self.comments = comments
        self.created = created
    }
}

/// C strings that must outlive one library call (option structs), freed together afterwards. libxlsxwriter
/// copies the strings it keeps, so freeing after the call is safe.
struct CStringPool {
    private var pointers: [UnsafeMutablePointer<CChar>] = []

    mutating func copy(_ string: String?) -> UnsafeMutablePointer<CChar>? {
        guard let string else { return nil }
        let pointer = strdup(string)!
        pointers.append(pointer)
        return pointer
    }

    /// A NULL-terminated `char **` array of copies, as libxlsxwriter's list options expect.
    mutating func copyArray(_ strings: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
        let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { array[index] = copy(string) }
        array[strings.count] = nil
        arrays.append(array)
        return array
    }

    private var arrays: [UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>] = []

    mutating func freeAll() {
        pointers.forEach { free($0) }
        arrays.forEach { $0.deallocate() }
        pointers = []
        arrays = []
    }
}
