import Foundation

/// A manifest that cannot be read back: the line and what is wrong, so the coordinator can see which closing is
/// damaged. A damaged manifest is never guessed at; the closed quarter cannot be reproduced until it is repaired.
public struct ClosingManifestError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { line > 0 ? "manifest.csv line \(line): \(reason)" : "manifest.csv: \(reason)" }
}

extension ClosingManifest {
    /// Reads back what `csv()` wrote.
    public static func parse(_ bytes: [UInt8]) throws -> ClosingManifest {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var reader = CSVReader(source: ByteArraySource(bytes))
        var settings: [String: (value: String, seconds: String)] = [:]
        var entries: [Entry] = []
        var sawHeader = false
        while try reader.next() {
            if reader.isBlank { continue }
            let line = reader.line
            func fail(_ reason: String) -> ClosingManifestError { ClosingManifestError(line: line, reason: reason) }
            guard reader.problem == nil else { throw fail("a quote is misplaced or never closed") }
            let fields = (0..<reader.fieldCount).map { String(decoding: reader.fieldBytes($0), as: UTF8.self) }
            guard sawHeader else {
                guard fields == header else { throw fail("the header is not \(header.joined(separator: ","))") }
                sawHeader = true
                continue
            }
            guard fields.count == header.count else { throw fail("\(fields.count) fields, expected \(header.count)") }
            let path = plain(fields[1])
            if fields[0] == "closing" {
                settings[path] = (plain(fields[11]), fields[5])
                continue
            }
            guard let kind = Entry.Kind(rawValue: fields[0]) else { throw fail("unknown kind '\(fields[0])'") }
            var entry = Entry(kind: kind, path: path)
            if kind == .skipped {
                entry.reason = BilingualText(th: plain(fields[11]), en: plain(fields[12]))
            } else {
                guard fields[2].count == 64, fields[2].allSatisfy(\.isHexDigit) else { throw fail("sha256 is not 64 hex digits") }
                entry.sha256 = fields[2]
                guard let modified = Double(fields[5]), modified.isFinite else { throw fail("modified_seconds is not a number") }
                entry.modified = Date(timeIntervalSince1970: modified)
                let counts = try [3, 6, 7, 8, 9, 10].map { column -> Int in
                    guard let n = Int(fields[column]), n >= 0 else { throw fail("\(header[column]) is not a count") }
                    return n
                }
                (entry.bytes, entry.rowsRead, entry.accepted, entry.superseded, entry.rejected, entry.blank) =
                    (counts[0], counts[1], counts[2], counts[3], counts[4], counts[5])
            }
            entries.append(entry)
        }
        func setting(_ name: String) throws -> String {
            guard let value = settings[name]?.value else {
                throw ClosingManifestError(line: 0, reason: "no closing row '\(name)'")
            }
            return value
        }
        func date(_ name: String) throws -> Date {
            guard let seconds = settings[name].flatMap({ Double($0.seconds) }), seconds.isFinite else {
                throw ClosingManifestError(line: 0, reason: "closing row '\(name)' has no modified_seconds")
            }
            return Date(timeIntervalSince1970: seconds)
        }
        guard let quarter = FiscalQuarter(label: try setting("quarter")) else {
            throw ClosingManifestError(line: 0, reason: "quarter is not like FY2565-Q2")
        }
        guard let language = Language(rawValue: try setting("language")) else {
            throw ClosingManifestError(line: 0, reason: "language is not th or en")
        }
        guard let days = Int(try setting("timeliness_days")) else {
            throw ClosingManifestError(line: 0, reason: "timeliness_days is not a number")
        }
        return ClosingManifest(
            quarter: quarter, closedAt: try date("closed_at"), closedBy: try setting("closed_by"), asOf: try date("as_of"),
            note: try setting("note"), programVersion: try setting("program_version"), language: language,
            fontName: try setting("font"), timelinessDays: days, entries: entries)
    }

    /// Undoes `shielded`: one leading apostrophe off.
    static func plain(_ text: String) -> String {
        text.hasPrefix("'") ? String(text.dropFirst()) : text
    }
}

extension FiscalQuarter {
    /// Reads `FY2565-Q2` (the label) or `2565-Q2`, any case, surrounding spaces ignored; nil for anything else,
    /// including a year outside `BuddhistEra.plausibleYears` (a Christian-era year such as 2022 never passes).
    public init?(label: String) {
        var rest = Substring(label.trimmingCharacters(in: .whitespaces).uppercased())
        if rest.hasPrefix("FY") { rest = rest.dropFirst(2) }
        let parts = rest.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCII), let year = Int(parts[0]),
              BuddhistEra.plausibleYears.contains(year), parts[1].count == 2, parts[1].first == "Q",
              let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter)
        else { return nil }
        self.init(fiscalYear: year, quarter: quarter)
    }
}
