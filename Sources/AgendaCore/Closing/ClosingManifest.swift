import Foundation

/// The record of a closed quarter (`closed/FY2565-Q2/<n>/manifest.csv`): who closed it, when, with which
/// settings, and every input file the closed report was built from, with its SHA-256, size, modification time and
/// row accounting. A closed quarter is reproduced from the archived copies this manifest lists, after checking each
/// one's SHA-256, so a hand-edited archive is caught instead of silently changing a signed-off report.
///
/// One CSV, so a coordinator can open and filter it in Excel: the `kind` column says what a row is. `closing` rows
/// hold one setting each (`path` names it, `value` holds it); `reference` and `submission` rows one file each;
/// `skipped` rows a path under `submissions/` that was passed over, with the reason in `value` and `value_en`.
/// Dates appear twice: readable in Bangkok time (`modified`) and as the exact seconds since 1970
/// (`modified_seconds`, the shortest text that reads back to the same number), because a reproduced report must
/// show the very same dates.
public struct ClosingManifest: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public enum Kind: String, Sendable, CaseIterable {
            case reference, submission, skipped
        }

        public var kind: Kind
        /// Relative to the inputs folder, `/`-separated.
        public var path: String
        public var sha256: String = ""
        public var bytes: Int = 0
        public var modified: Date = Date(timeIntervalSince1970: 0)
        public var rowsRead = 0
        public var accepted = 0
        public var superseded = 0
        public var rejected = 0
        public var blank = 0
        /// Why a `skipped` path was not read.
        public var reason: BilingualText?

        public init(kind: Kind, path: String) {
            self.kind = kind
            self.path = path
        }
    }

    public var quarter: FiscalQuarter
    public var closedAt: Date
    /// The login name of whoever ran `close`.
    public var closedBy: String
    /// The closed report's as-of instant.
    public var asOf: Date
    public var note: String
    public var programVersion: String
    /// The settings the closed report was written with; a reproduction uses these, not today's flags.
    public var language: Language
    public var fontName: String
    public var timelinessDays: Int
    public var entries: [Entry]

    public init(quarter: FiscalQuarter, closedAt: Date, closedBy: String, asOf: Date, note: String,
                programVersion: String, language: Language, fontName: String, timelinessDays: Int, entries: [Entry]) {
        self.quarter = quarter
        self.closedAt = closedAt
        self.closedBy = closedBy
        self.asOf = asOf
        self.note = note
        self.programVersion = programVersion
        self.language = language
        self.fontName = fontName
        self.timelinessDays = timelinessDays
        self.entries = entries
    }

    public static let header = ["kind", "path", "sha256", "bytes", "modified", "modified_seconds", "rows_read", "accepted",
                                "superseded", "rejected", "blank", "value", "value_en"]

    /// The files a reproduction reads: reference tables and submissions, in manifest order.
    public var files: [Entry] { entries.filter { $0.kind != .skipped } }

    /// The manifest as CSV bytes: UTF-8 with a byte-order mark (so Thai Excel reads the note as Thai), CRLF lines.
    public func csv() -> [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        func record(_ fields: [String]) {
            for (i, field) in fields.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                CSVField.append(field, to: &out)
            }
            out += [13, 10]
        }
        func setting(_ name: String, _ value: String, date: Date? = nil) {
            var fields = [String](repeating: "", count: Self.header.count)
            fields[0] = "closing"
            fields[1] = name
            if let date {
                fields[4] = Self.readable(date)
                fields[5] = Self.exactSeconds(date)
            }
            fields[11] = Self.shielded(value)
            record(fields)
        }
        record(Self.header)
        setting("quarter", quarter.label)
        setting("closed_at", Self.readable(closedAt), date: closedAt)
        setting("closed_by", closedBy)
        setting("as_of", Self.readable(asOf), date: asOf)
        setting("note", note)
        setting("program_version", programVersion)
        setting("language", language.rawValue)
        setting("font", fontName)
        setting("timeliness_days", String(timelinessDays))
        for entry in entries {
            var fields = [entry.kind.rawValue, Self.shielded(entry.path)]
            if entry.kind == .skipped {
                fields += [String](repeating: "", count: 9)
                fields += [Self.shielded(entry.reason?.th ?? ""), Self.shielded(entry.reason?.en ?? "")]
            } else {
                fields += [entry.sha256, String(entry.bytes), Self.readable(entry.modified), Self.exactSeconds(entry.modified)]
                fields += [entry.rowsRead, entry.accepted, entry.superseded, entry.rejected, entry.blank].map(String.init)
                fields += ["", ""]
            }
            record(fields)
        }
        return out
    }

    /// `2565-02-08T07:00:00+07:00`-style text in Bangkok time, Christian-era year as ISO 8601 requires.
    static func readable(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = BangkokCalendar.timeZone
        return formatter.string(from: date)
    }

    static func exactSeconds(_ date: Date) -> String { "\(date.timeIntervalSince1970)" }

    /// Text with a leading apostrophe when Excel would run it as a formula (`CSVField.neutralised`), and also when
    /// it already starts with one, so `plain` can always take exactly one off: the manifest must read back to the
    /// very same note and paths.
    static func shielded(_ text: String) -> String {
        text.hasPrefix("'") ? "'" + text : CSVField.neutralised(text)
    }
}
