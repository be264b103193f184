import AgendaCore
import Foundation

/// Every accepted value as CSV, for reports whose values do not fit the workbook's `Data` sheet.
///
/// UTF-8 with a byte-order mark, because Excel opens a UTF-8 CSV as Thai only when it starts with one (without
/// it Thai Excel assumes Windows-874 and shows mojibake). Fields are quoted per RFC 4180 when needed. Text that
/// Excel would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading apostrophe, the
/// usual defence against CSV injection: a clerk's note `=HYPERLINK(...)` opens as text, never as a live link.
public enum DataExport {
    public static let header = ["district_code", "period", "indicator_id", "area", "value", "note", "file", "line"]
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Columns of the superseded-values CSV, as in the `Superseded` sheet (modification times in ISO 8601).
    public static let supersededHeader = [
        "district_code", "period", "indicator_id", "area",
        "superseded_value", "superseded_file", "superseded_line", "superseded_modified",
        "replaced_by_value", "replaced_by_file", "replaced_by_line", "replaced_by_modified",
    ]

    /// Writes `report.imported.accepted` in order to `url`, replacing any file there. Streams in chunks, so
    /// memory stays small whatever the number of values.
    public static func writeCSV(_ report: Report, to url: URL) throws {
        let paths = report.imported.sources.map(\.path)
        try write(header: header, to: url) { emit in
            for value in report.imported.accepted {
                try emit([
                    value.key.districtCode, value.key.month.label, value.key.indicatorID, safeText(value.key.area),
                    numberText(value.value), safeText(value.note), safeText(paths[value.sourceIndex]),
                    String(value.line),
                ])
            }
        }
    }

    /// Writes `report.imported.superseded` in order to `url`, for reports whose superseded values do not fit the
    /// `Superseded` sheet.
    public static func writeSupersededCSV(_ report: Report, to url: URL) throws {
        let sources = report.imported.sources
        let iso = ISO8601DateFormatter()
        try write(header: supersededHeader, to: url) { emit in
            for pair in report.imported.superseded {
                let key = pair.superseded.key
                var fields = [key.districtCode, key.month.label, key.indicatorID, safeText(key.area)]
                for value in [pair.superseded, pair.replacedBy] {
                    let source = sources[value.sourceIndex]
                    fields += [numberText(value.value), safeText(source.path), String(value.line),
                               iso.string(from: source.modified)]
                }
                try emit(fields)
            }
        }
    }

    /// The file with a BOM and `header`, then the records `body` emits, flushed in 1 MiB chunks.
    private static func write(header: [String], to url: URL,
                              body: (_ emit: ([String]) throws -> Void) throws -> Void) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer: [UInt8] = byteOrderMark
        buffer.reserveCapacity(1 << 20)
        appendRecord(header, to: &buffer)
        try body { fields in
            appendRecord(fields, to: &buffer)
            if buffer.count >= 1 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
    }

    /// A number as a CSV field: whole numbers without a decimal point, others in Swift's shortest round-trip form.
    static func numberText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Free text that Excel could take for a formula, prefixed with an apostrophe.
    static func safeText(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    static func appendRecord(_ fields: [String], to buffer: inout [UInt8]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            appendField(field, to: &buffer)
        }
        buffer.append(13)
        buffer.append(10)
    }

    /// One field, quoted only when it holds a comma, quote or line break; the bytes are scanned once, in place
    /// (millions of fields go through here when a report overflows to CSV).
    static func appendField(_ field: String, to buffer: inout [UInt8]) {
        var field = field
        field.withUTF8 { bytes in
            let needsQuotes = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
            guard needsQuotes else {
                buffer.append(contentsOf: bytes)
                return
            }
            buffer.append(UInt8(ascii: "\""))
            for byte in bytes {
                if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                buffer.append(byte)
            }
            buffer.append(UInt8(ascii: "\""))
        }
    }
}
