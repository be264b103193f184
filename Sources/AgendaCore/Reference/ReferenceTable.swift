import Foundation

/// A broken reference table: the run stops, and the message says where to fix it.
public struct ReferenceDataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// File name inside the reference folder, e.g. `indicators.csv`.
    public var file: String
    /// Physical line (header = 1); 0 when the problem is with the file as a whole.
    public var line: Int
    /// Column name, or empty when the problem is with the whole row or file.
    public var column: String
    public var reason: BilingualText

    public init(file: String, line: Int, column: String, reason: BilingualText) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `file:line:column: message` in one language.
    public func message(_ language: Language) -> String {
        "\(file):\(line):\(column.isEmpty ? "" : column + ":") \(reason.text(language))"
    }

    /// Both languages, so a log read by either audience is useful.
    public var description: String { "\(message(.th)) | \(reason.en)" }
}

/// The bytes of the reference tables by file name (`areas.csv`, `workstreams.csv`, `indicators.csv`,
/// `targets.csv`); a table that could not be read is absent. `AgendaJobs` reads them from `Inputs/reference/`.
public struct ReferenceTables: Sendable {
    public var bytes: [String: [UInt8]]
    /// Where they came from, for messages (a folder path).
    public var location: String?

    public static let fileNames = ["areas.csv", "workstreams.csv", "indicators.csv", "targets.csv"]

    public init(bytes: [String: [UInt8]], location: String? = nil) {
        self.bytes = bytes
        self.location = location
    }
}

/// One reference CSV read into strings: small files, so simplicity beats byte ranges here.
struct ReferenceTable {
    struct Row {
        var line: Int
        var fields: [String: String]
    }

    let file: String
    let rows: [Row]

    /// Parses the table `file` from `tables`, which must be UTF-8 (a BOM is fine) with a header holding every
    /// `required` column; `optional` columns may be present. Names are trimmed and compared case-insensitively.
    init(_ tables: ReferenceTables, file: String, required: [String], optional: [String] = []) throws {
        self.file = file
        func fail(_ line: Int, _ column: String, _ th: String, _ en: String) -> ReferenceDataError {
            ReferenceDataError(file: file, line: line, column: column, reason: BilingualText(th: th, en: en))
        }
        guard var bytes = tables.bytes[file] else {
            let place = tables.location.map { "\($0)/\(file)" } ?? file
            throw fail(0, "", "ไม่พบหรือเปิดไฟล์ \(place) ไม่ได้", "Cannot open \(place).")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var validator = UTF8Validator()
        if let bad = bytes.withUnsafeBufferPointer({ validator.feed($0) }) ?? validator.finish() {
            throw fail(0, "", "ไฟล์ไม่ใช่ UTF-8 (ไบต์ที่ตำแหน่ง \(bad) นับจาก 0) บันทึกจาก Excel แบบ \"CSV UTF-8\"",
                       "Not UTF-8 (byte offset \(bad), from 0); save it from Excel as \"CSV UTF-8\".")
        }
        var reader = CSVReader(source: ByteArraySource(bytes))
        var header: [String]?
        var rows: [Row] = []
        while try reader.next() {
            if reader.isBlank { continue }
            let fields = (0..<reader.fieldCount).map {
                String(decoding: reader.fieldBytes($0), as: UTF8.self).trimmingWhitespace()
            }
            if reader.problem != nil {
                throw fail(reader.line, "", "เครื่องหมายคำพูด (\") ในแถวนี้ไม่ถูกต้อง", "A quote (\") on this line is misplaced or never closed.")
            }
            guard let names = header else {
                let lowered = fields.map { $0.lowercased() }
                for column in required where !lowered.contains(column) {
                    throw fail(reader.line, column, "แถวหัวตารางไม่มีคอลัมน์ \(column)", "The header row has no \(column) column.")
                }
                for (i, name) in lowered.enumerated() where lowered[..<i].contains(name) && !name.isEmpty {
                    throw fail(reader.line, name, "คอลัมน์ \(name) ซ้ำกันในหัวตาราง", "Column \(name) appears twice in the header.")
                }
                header = lowered
                continue
            }
            guard fields.count == names.count else {
                throw fail(reader.line, "", "แถวนี้มี \(fields.count) ช่อง แต่หัวตารางมี \(names.count) ช่อง",
                           "This row has \(fields.count) fields but the header has \(names.count).")
            }
            var map: [String: String] = [:]
            for (name, value) in zip(names, fields) where required.contains(name) || optional.contains(name) {
                map[name] = value
            }
            rows.append(Row(line: reader.line, fields: map))
        }
        guard header != nil else {
            throw fail(0, "", "ไฟล์ว่าง ต้องมีแถวหัวตาราง: \(required.joined(separator: ","))",
                       "The file is empty; it needs a header row: \(required.joined(separator: ",")).")
        }
        self.rows = rows
    }

    func error(_ row: Row, _ column: String, th: String, en: String) -> ReferenceDataError {
        ReferenceDataError(file: file, line: row.line, column: column, reason: BilingualText(th: th, en: en))
    }

    /// A required, non-empty text field.
    func text(_ row: Row, _ column: String) throws -> String {
        let value = row.fields[column] ?? ""
        guard !value.isEmpty else {
            throw error(row, column, th: "ช่อง \(column) ว่าง ต้องใส่ค่า", en: "\(column) is empty; it must be filled in.")
        }
        return value
    }

    /// A code or id: Thai digits become ASCII digits so `๕๖๐๑` and `5601` are the same area.
    func code(_ row: Row, _ column: String) throws -> String {
        String(String.UnicodeScalarView(try text(row, column).unicodeScalars.map { scalar in
            (0x0E50...0x0E59).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0x0E50 + 0x30)! : scalar
        }))
    }

    func optionalCode(_ row: Row, _ column: String) throws -> String? {
        (row.fields[column] ?? "").isEmpty ? nil : try code(row, column)
    }
}
