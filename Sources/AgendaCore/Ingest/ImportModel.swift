import Foundation

/// How a submission's bytes were decoded.
public enum TextEncoding: String, Sendable, Hashable, Codable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 (BOM)"
    case windows874 = "Windows-874"
}

/// The identity of one value: a district's figure for one indicator, month and (optional) sub-area label.
public struct ValueKey: Sendable, Hashable, Comparable, Codable {
    public var districtCode: String
    public var month: YearMonth
    public var indicatorID: String
    /// Sub-district or village label; empty when the value is for the whole district.
    public var area: String

    public init(districtCode: String, month: YearMonth, indicatorID: String, area: String) {
        self.districtCode = districtCode
        self.month = month
        self.indicatorID = indicatorID
        self.area = area
    }

    /// District code, month, indicator id, area; texts compared in UTF-8 byte order, which is stable across
    /// machines and locales and cheap (Swift's String `<` normalises Thai text on every comparison).
    public static func < (a: ValueKey, b: ValueKey) -> Bool {
        if a.districtCode != b.districtCode { return a.districtCode.utf8.lexicographicallyPrecedes(b.districtCode.utf8) }
        if a.month != b.month { return a.month < b.month }
        if a.indicatorID != b.indicatorID { return a.indicatorID.utf8.lexicographicallyPrecedes(b.indicatorID.utf8) }
        return a.area.utf8.lexicographicallyPrecedes(b.area.utf8)
    }
}

/// One accepted value, with where it came from.
public struct AcceptedValue: Sendable, Hashable, Codable {
    public var key: ValueKey
    public var value: Double
    public var note: String
    /// Index into `ImportResult.sources`.
    public var sourceIndex: Int
    /// Physical line where the record starts (header = line 1).
    public var line: Int

    public init(key: ValueKey, value: Double, note: String, sourceIndex: Int, line: Int) {
        self.key = key
        self.value = value
        self.note = note
        self.sourceIndex = sourceIndex
        self.line = line
    }
}

/// A value that a later file replaced. Kept on record, never added to anything.
public struct SupersededValue: Sendable, Hashable, Codable {
    public var superseded: AcceptedValue
    public var replacedBy: AcceptedValue

    public init(superseded: AcceptedValue, replacedBy: AcceptedValue) {
        self.superseded = superseded
        self.replacedBy = replacedBy
    }
}

/// One rejected row (or whole file), pinned to file, line and column, with a reason a clerk can act on.
public struct Rejection: Sendable, Hashable, Codable {
    /// Path relative to the inputs folder (or as given on the command line for `validate`).
    public var file: String
    /// Physical line where the record starts (header = line 1); 0 when the whole file is rejected before any line.
    public var line: Int
    /// Column name as in the header, or empty when the problem is with the whole row or file.
    public var column: String
    /// The offending text, as decoded (may be empty).
    public var text: String
    public var reason: BilingualText
    /// True when this rejection discarded the entire file.
    public var wholeFile: Bool
    /// The row's district code when it is one of the reference districts (whatever else is wrong with the row), so
    /// the row counts towards the district its file belongs to (`DistrictAttribution`); nil otherwise.
    public var districtCode: String?

    public init(file: String, line: Int, column: String, text: String, reason: BilingualText, wholeFile: Bool = false,
                districtCode: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.text = text
        self.reason = reason
        self.wholeFile = wholeFile
        self.districtCode = districtCode
    }
}

/// One input file and its accounting: `rowsRead == accepted + superseded + rejected + blank`.
public struct SourceFile: Sendable, Hashable, Codable {
    /// Path relative to the inputs folder, `/`-separated.
    public var path: String
    public var modified: Date
    public var byteCount: Int
    /// Lowercase hex SHA-256 of the file's bytes.
    public var sha256: String
    /// nil when the file could not be decoded.
    public var encoding: TextEncoding?
    /// Distinct district codes among the file's accepted and superseded values, sorted.
    public var districtCodes: [String]
    /// Data records read (not counting the header or blank lines).
    public var rowsRead: Int
    public var accepted: Int
    public var superseded: Int
    public var rejected: Int
    /// Records whose value was empty ("not reported").
    public var blank: Int

    public init(
        path: String, modified: Date, byteCount: Int, sha256: String, encoding: TextEncoding?,
        districtCodes: [String] = [], rowsRead: Int = 0, accepted: Int = 0, superseded: Int = 0,
        rejected: Int = 0, blank: Int = 0
    ) {
        self.path = path
        self.modified = modified
        self.byteCount = byteCount
        self.sha256 = sha256
        self.encoding = encoding
        self.districtCodes = districtCodes
        self.rowsRead = rowsRead
        self.accepted = accepted
        self.superseded = superseded
        self.rejected = rejected
        self.blank = blank
    }

    public var isBalanced: Bool { rowsRead == accepted + superseded + rejected + blank }
}

/// A path under `submissions/` that was not read although it looks as if it was meant to be a submission (a
/// hidden or lock file, a name with spaces after `.csv`, a dangling link, a FIFO…), with the reason, so the
/// coordinator sees it in the `Sources` sheet instead of a district silently missing.
public struct SkippedPath: Sendable, Hashable, Codable {
    /// Relative to the inputs folder, `/`-separated.
    public var path: String
    public var reason: BilingualText

    public init(path: String, reason: BilingualText) {
        self.path = path
        self.reason = reason
    }
}

/// Something accepted but not kept exactly as sent, said so the coordinator knows: today, a note longer than an
/// Excel cell holds, which the workbook shows cut, with a marker.
public struct ImportNotice: Sendable, Hashable, Codable {
    /// Excel's limit on the characters (UTF-16 units) of a cell.
    public static let excelCellLimit = 32_767

    public var file: String
    public var line: Int
    public var reason: BilingualText

    public init(file: String, line: Int, reason: BilingualText) {
        self.file = file
        self.line = line
        self.reason = reason
    }
}

/// Everything the importer learned from a set of submissions.
public struct ImportResult: Sendable {
    /// Files in path byte order.
    public var sources: [SourceFile]
    /// The values that count, one per key, sorted by key; stored column by column (`AcceptedValues`) so that
    /// millions of values take less memory than the files they came from.
    public var accepted: AcceptedValues
    /// Values replaced by a later file, sorted by the superseded value's key then file; stored column by column
    /// (`SupersededValues`) because cumulative resubmissions supersede millions of values.
    public var superseded: SupersededValues
    /// Sorted by file, line, column.
    public var rejections: [Rejection]
    /// Paths under `submissions/` passed over on purpose, with the reason, in path byte order.
    public var skipped: [SkippedPath]
    /// Values accepted with something the workbook cannot show in full (a note over 32,767 characters), sorted by
    /// file and line.
    public var notices: [ImportNotice]

    public init(sources: [SourceFile], accepted: AcceptedValues, superseded: SupersededValues, rejections: [Rejection],
                skipped: [SkippedPath] = [], notices: [ImportNotice] = []) {
        self.sources = sources
        self.accepted = accepted
        self.superseded = superseded
        self.rejections = rejections
        self.skipped = skipped
        self.notices = notices
    }

    /// For tests and hand-built reports: `accepted` must already be sorted by key, `superseded` by the superseded
    /// value's key then file.
    public init(sources: [SourceFile], accepted: [AcceptedValue], superseded: [SupersededValue], rejections: [Rejection],
                skipped: [SkippedPath] = []) {
        self.init(sources: sources, accepted: AcceptedValues(accepted), superseded: SupersededValues(superseded),
                  rejections: rejections, skipped: skipped)
    }
}
