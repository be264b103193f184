import AgendaCore
import Foundation

/// Every accepted value as CSV, for reports whose values do not fit the workbook's `Data` sheet.
///
/// UTF-8 with a byte-order mark, because Excel opens a UTF-8 CSV as Thai only when it starts with one (without
/// it Thai Excel assumes Windows-874 and shows mojibake). Fields are quoted per RFC 4180 when needed. Text that
/// Excel would run as a formula (`CSVField.neutralised`: `=`, `+`, `-`, `@`, their full-width forms, tab or CR)
/// gets a leading apostrophe, the usual defence against CSV injection: a clerk's note `=HYPERLINK(...)` opens as
/// text, never as a live link.
public enum DataExport {
    /// The `Data` sheet's columns: the CSV holds what that sheet would.
    public static let header = DataSheet.headers
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
        let paths = report.imported.sources.map { safeText($0.path) }
        try write(header: header, to: url) { sink in
            // Fields go straight into the buffer: a record array and number strings per value cost more than the
            // rest of the export for a few million values.
            for value in report.imported.accepted {
                appendField(value.key.districtCode, to: &sink.buffer)
                sink.buffer.append(UInt8(ascii: ","))
                appendDigits(value.key.month.yearBE, to: &sink.buffer)
                sink.buffer.append(UInt8(ascii: "-"))
                if value.key.month.month < 10 { sink.buffer.append(UInt8(ascii: "0")) }
                appendDigits(value.key.month.month, to: &sink.buffer)
                sink.buffer.append(UInt8(ascii: ","))
                appendField(value.key.indicatorID, to: &sink.buffer)
                sink.buffer.append(UInt8(ascii: ","))
                appendField(safeText(value.key.area), to: &sink.buffer)
                sink.buffer.append(UInt8(ascii: ","))
                appendNumber(value.value, to: &sink.buffer)
                sink.buffer.append(UInt8(ascii: ","))
                appendField(safeText(value.note), to: &sink.buffer)
                sink.buffer.append(UInt8(ascii: ","))
                appendField(paths[value.sourceIndex], to: &sink.buffer)
                sink.buffer.append(UInt8(ascii: ","))
                appendDigits(value.line, to: &sink.buffer)
                sink.buffer.append(13)
                sink.buffer.append(10)
                try sink.flush()
            }
        }
    }

    /// Writes `report.imported.superseded` in order to `url`, for reports whose superseded values do not fit the
    /// `Superseded` sheet.
    public static func writeSupersededCSV(_ report: Report, to url: URL) throws {
        let sources = report.imported.sources
        let iso = ISO8601DateFormatter()
        try write(header: supersededHeader, to: url) { sink in
            for pair in report.imported.superseded {
                let key = pair.superseded.key
                var fields = [key.districtCode, key.month.label, key.indicatorID, safeText(key.area)]
                for value in [pair.superseded, pair.replacedBy] {
                    let source = sources[value.sourceIndex]
                    fields += [numberText(value.value), safeText(source.path), String(value.line),
                               iso.string(from: source.modified)]
                }
                appendRecord(fields, to: &sink.buffer)
                try sink.flush()
            }
        }
    }

    /// Columns of the flagged values' CSV: the `Anomalies` sheet's, with the reason in Thai and in English apart
    /// and the checks that were made (`peers`, `previous_month`, `same_month_last_year`).
    public static let anomaliesHeader = [
        "district_code", "period", "indicator_id", "area", "value", "expected", "score", "checks", "reason_th",
        "reason_en",
    ]

    /// Writes every flag of `report.anomalies` in the report's order to `url`, for reports whose flags do not fit
    /// the `Anomalies` sheet (a district that sent a year in the wrong unit flags every one of its values).
    public static func writeAnomaliesCSV(_ report: Report, to url: URL) throws {
        try write(header: anomaliesHeader, to: url) { sink in
            for anomaly in report.anomalies {
                let decimals = report.reference.indicator(anomaly.indicatorID)?.decimals ?? 2
                let reason = anomaly.reason(decimals: decimals)
                appendRecord([anomaly.districtCode, anomaly.month.label, anomaly.indicatorID, safeText(anomaly.area),
                              // The expected value as the sheet shows it: exp/log leave 100.00000000000004.
                              numberText(anomaly.value),
                              NumberText.decimal(anomaly.expected, decimals: decimals, grouping: false),
                              NumberText.decimal(anomaly.score, decimals: 1, grouping: false),
                              anomaly.checks.map(\.rawValue).joined(separator: " "), safeText(reason.th),
                              safeText(reason.en)], to: &sink.buffer)
                try sink.flush()
            }
        }
    }

    /// The file with a BOM and `header`, then the records `body` appends to the sink's buffer; `flush()` writes
    /// it out whenever it passes 1 MiB.
    private static func write(header: [String], to url: URL, body: (CSVSink) throws -> Void) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        let sink = CSVSink(handle: try FileHandle(forWritingTo: url))
        defer { try? sink.handle.close() }
        sink.buffer.append(contentsOf: byteOrderMark)
        appendRecord(header, to: &sink.buffer)
        try body(sink)
        try sink.handle.write(contentsOf: sink.buffer)
    }

    /// A file and the bytes not yet written to it.
    final class CSVSink {
        let handle: FileHandle
        var buffer: [UInt8] = []

        init(handle: FileHandle) {
            self.handle = handle
            buffer.reserveCapacity(1 << 20 + 4096)
        }

        func flush() throws {
            guard buffer.count >= 1 << 20 else { return }
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Decimal digits of a non-negative or negative integer, without making a String.
    static func appendDigits(_ number: Int, to buffer: inout [UInt8]) {
        if number < 0 { buffer.append(UInt8(ascii: "-")) }
        var n = number.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[count] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
                count += 1
            } while n > 0
            for i in stride(from: count - 1, through: 0, by: -1) { buffer.append(raw[i]) }
        }
    }

    /// `numberText` appended without a String for whole numbers, the common case.
    static func appendNumber(_ value: Double, to buffer: inout [UInt8]) {
        if value == value.rounded(), abs(value) < 1e15 {
            appendDigits(Int(value), to: &buffer)
        } else {
            buffer.append(contentsOf: numberText(value).utf8)
        }
    }

    /// A number as a CSV field: whole numbers without a decimal point, others in Swift's shortest round-trip form.
    static func numberText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// Free text that Excel could take for a formula, prefixed with an apostrophe (the rule is `CSVField`'s).
    static func safeText(_ text: String) -> String { CSVField.neutralised(text) }

    static func appendRecord(_ fields: [String], to buffer: inout [UInt8]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            appendField(field, to: &buffer)
        }
        buffer.append(13)
        buffer.append(10)
    }

    /// One field, quoted only where needed (`CSVField`).
    @inline(__always)
    static func appendField(_ field: String, to buffer: inout [UInt8]) {
        CSVField.append(field, to: &buffer)
    }
}
