/// Checks the rows of one file: header mapping, field count and each field's rule.
///
/// A row with several bad fields gets one rejection per bad field (the clerk fixes them all at once) but counts
/// once in `rejectedRows`. Key fields are checked even when the value is empty, so a template row with a wrong
/// district is reported; a row whose only gap is the value is "not reported" and counted as blank.
struct RowChecker {
    let lookups: ReferenceLookups
    let file: String
    let encoding: TextEncoding
    /// The last month a row may name (a year after the report's as-of month); later periods are implausible.
    let latestMonth: YearMonth
    /// Set when the file is read as mixed UTF-8: bytes that are not UTF-8, for rejecting the rows holding them.
    let invalidBytes: InvalidByteLog?

    /// Field index for each `SubmissionColumn` (in `allCases` order), -1 when absent.
    private var columns = [Int](repeating: -1, count: SubmissionColumn.allCases.count)
    private var headerNames: [String] = []
    private var scan = FileScan()
    private var districtMemo = FieldMemo<Int>()
    private var periodMemo = FieldMemo<YearMonth>()

    /// `rows`: an empty array to collect the file's rows in (one recycled by `RowBuffers`, with room already).
    init(lookups: ReferenceLookups, file: String, encoding: TextEncoding, latestMonth: YearMonth,
         invalidBytes: InvalidByteLog? = nil, rows: [CompactRow] = []) {
        precondition(rows.isEmpty, "rows are collected from empty")
        scan.rows = rows
        self.lookups = lookups
        self.file = file
        self.encoding = encoding
        self.latestMonth = latestMonth
        self.invalidBytes = invalidBytes
    }

    /// Field index per column, resolved once from the header (looking it up per row showed in profiles).
    private var fieldOf = (district: -1, period: -1, indicator: -1, value: -1, area: -1, note: -1)

    private func index(_ column: SubmissionColumn) -> Int {
        switch column {
        case .districtCode: fieldOf.district
        case .period: fieldOf.period
        case .indicatorID: fieldOf.indicator
        case .value: fieldOf.value
        case .area: fieldOf.area
        case .note: fieldOf.note
        }
    }

    /// Maps the header; returns whole-file rejections when a required column is missing or doubled.
    mutating func readHeader<S>(_ reader: CSVReader<S>) -> [Rejection]? {
        _ = invalidBytes?.take(in: reader.recordStreamRange)
        headerNames = (0..<reader.fieldCount).map { text(reader, $0) }
        var rejections: [Rejection] = []
        for (i, name) in headerNames.enumerated() {
            guard let column = SubmissionColumn.match(name) else { continue }
            let slot = SubmissionColumn.allCases.firstIndex(of: column)!
            if columns[slot] >= 0 {
                rejections.append(Rejection(
                    file: file, line: reader.line, column: name, text: name,
                    reason: IngestMessages.duplicateColumn(column, headerNames[columns[slot]], name), wholeFile: true))
            } else {
                columns[slot] = i
            }
        }
        let columns = self.columns
        let slot = { (c: SubmissionColumn) in columns[SubmissionColumn.allCases.firstIndex(of: c)!] }
        fieldOf = (slot(.districtCode), slot(.period), slot(.indicatorID), slot(.value), slot(.area), slot(.note))
        scan.keyColumns = [fieldOf.district, fieldOf.period, fieldOf.indicator, fieldOf.area]
            .filter { $0 >= 0 }.map { headerNames[$0] }.joined(separator: " + ")
        for column in SubmissionColumn.allCases where column.isRequired && index(column) < 0 {
            rejections.append(Rejection(
                file: file, line: reader.line, column: column.rawValue, text: "",
                reason: IngestMessages.missingColumn(column), wholeFile: true))
        }
        return rejections.isEmpty ? nil : rejections
    }

    /// The decoded, trimmed text of a field, for messages and headers.
    private func text<S>(_ reader: CSVReader<S>, _ field: Int) -> String {
        reader.withField(field) { encoding.decode($0) }.trimmingWhitespace()
    }

    /// Runs `body` on the field as ASCII: as-is when it is ASCII already (the hot path), else decoded with Thai
    /// digits turned into ASCII digits and no-break spaces into spaces.
    ///
    /// Static, and called with closures that capture locals only: a closure capturing `self` made Swift copy the
    /// whole checker (and retain its arrays) on every row, which profiling showed as a quarter of the time.
    @inline(__always)
    private static func withASCII<S, R>(
        _ reader: CSVReader<S>, _ field: Int, _ encoding: TextEncoding, _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        reader.withField(field) { raw in
            let trimmed = FieldParsers.trimmed(raw)
            var ascii = true
            for b in trimmed where b >= 0x80 { ascii = false; break }
            if ascii { return body(trimmed) }
            var out: [UInt8] = []
            encoding.asciiNormalized(trimmed, into: &out)
            return out.withUnsafeBufferPointer { body(FieldParsers.trimmed($0)) }
        }
    }

    private mutating func reject<S>(_ reader: CSVReader<S>, _ field: Int?, _ reason: BilingualText, text: String? = nil) {
        let column = field.map { headerNames[$0] } ?? ""
        let offending = text ?? field.map { self.text(reader, $0) } ?? ""
        scan.rejections.append(Rejection(file: file, line: reader.line, column: column, text: offending, reason: reason))
    }

    /// The per-row lookup tables, made once per file by the caller and passed to `check` as an argument, so
    /// the row path never touches `lookups`: that one instance is shared by every scanning thread, and
    /// retaining and releasing it per row (contended reference counting) took a quarter of the scan's time on
    /// two cores.
    struct Tables {
        let district: ByteStringTable
        let indicator: ByteStringTable
        let submittable: [Bool]

        init(_ lookups: ReferenceLookups) {
            district = lookups.districtTable
            indicator = lookups.indicatorTable
            submittable = lookups.submittable
        }
    }

    mutating func check<S>(_ reader: CSVReader<S>, interner: inout LabelInterner, tables: borrowing Tables) {
        scan.rowsRead += 1
        let foreignByte = invalidBytes?.take(in: reader.recordStreamRange)
        if let problem = reader.problem {
            switch problem {
            case .unclosedQuote: reject(reader, nil, IngestMessages.unclosedQuote, text: "")
            case .textAfterClosingQuote(let field):
                reject(reader, field < headerNames.count ? field : nil, IngestMessages.textAfterQuote,
                       text: encoding.decodeLossy(reader.problemFieldRawBytes()).trimmingWhitespace())
            case .tooLong(let limit):
                reject(reader, nil, IngestMessages.recordTooLong(limit: limit, line: reader.line), text: "")
            }
            scan.rejectedRows += 1
            return
        }
        if let (offset, byte) = foreignByte {
            let field = reader.field(atStreamOffset: offset).flatMap { $0 < headerNames.count ? $0 : nil }
            reject(reader, field, IngestMessages.invalidUTF8InRow(byte: byte, offset: offset + (invalidBytes?.streamShift ?? 0)))
            scan.rejectedRows += 1
            return
        }
        if reader.fieldCount != headerNames.count {
            let row = (0..<reader.fieldCount).map { text(reader, $0) }.joined(separator: ",")
            reject(reader, nil, IngestMessages.fieldCount(reader.fieldCount, expected: headerNames.count),
                   text: row.count > 80 ? String(row.prefix(80)) + "…" : row)
            scan.rejectedRows += 1
            return
        }
        var ok = true
        let firstRejection = scan.rejections.count
        // `lookups` is read only on the paths that reject: binding it here retained and released the one
        // instance every scanning thread shares on every row, and contended reference counting took a quarter
        // of the scan's time on two cores.
        let encoding = self.encoding

        let districtField = index(.districtCode)
        var district = districtMemo.value(reader, districtField)
        if district == nil {
            district = Self.withASCII(reader, districtField, encoding) { tables.district.lookup($0) }
            if let district { districtMemo.remember(reader, districtField, district) }
        }
        if district == nil {
            let t = text(reader, districtField)
            reject(reader, districtField, t.isEmpty
                ? IngestMessages.emptyField(.districtCode, example: self.lookups.districtCodes.first ?? "5601")
                : IngestMessages.unknownDistrict(t, range: self.lookups.districtRange))
            ok = false
        }

        let periodField = index(.period)
        var month = periodMemo.value(reader, periodField)
        if month == nil {
            switch Self.withASCII(reader, periodField, encoding, { FieldParsers.parsePeriod($0) }) {
            case .month(let m):
                if m.yearBE >= YearMonth.earliestPlausibleYearBE && m <= latestMonth {
                    month = m
                    periodMemo.remember(reader, periodField, m)
                } else {
                    let t = text(reader, periodField)
                    let readAsCE = Self.withASCII(reader, periodField, encoding) { FieldParsers.periodYearIsCE($0) }
                    reject(reader, periodField, IngestMessages.implausiblePeriod(t, month: m, readAsCE: readAsCE, latest: latestMonth))
                    ok = false
                }
            case .malformed:
                let t = text(reader, periodField)
                reject(reader, periodField, t.isEmpty
                    ? IngestMessages.emptyField(.period, example: "2565-01") : IngestMessages.malformedPeriod(t))
                ok = false
            case .monthOutOfRange(let year, let m):
                reject(reader, periodField, IngestMessages.monthOutOfRange(year: year, month: m))
                ok = false
            }
        }

        let indicatorField = index(.indicatorID)
        let indicator = Self.withASCII(reader, indicatorField, encoding) { tables.indicator.lookup($0) }
        if let indicator {
            if !tables.submittable[indicator] {
                reject(reader, indicatorField, IngestMessages.ratioSubmitted(self.lookups.indicators[indicator]))
                ok = false
            }
        } else {
            let t = text(reader, indicatorField)
            reject(reader, indicatorField, t.isEmpty
                ? IngestMessages.emptyField(.indicatorID, example: self.lookups.indicators.first(where: \.isSubmittable)?.id ?? "-")
                : IngestMessages.unknownIndicator(t))
            ok = false
        }

        let valueField = index(.value)
        var value: Double?
        switch Self.withASCII(reader, valueField, encoding, { FieldParsers.parseValue($0) }) {
        case .number(let v): value = v
        case .blank: break
        case .negative:
            reject(reader, valueField, IngestMessages.negativeValue(text(reader, valueField)))
            ok = false
        case .badGrouping:
            reject(reader, valueField, IngestMessages.badGrouping(text(reader, valueField)))
            ok = false
        case .notANumber:
            reject(reader, valueField, IngestMessages.notANumber(text(reader, valueField)))
            ok = false
        case .outOfRange(let v):
            reject(reader, valueField, IngestMessages.valueOutOfRange(text(reader, valueField), value: v))
            ok = false
        }

        // The area is interned before the verdict (one probe of the label cache, which usually hits): a label
        // holding a control character is known from its first decoding, not scanned on every row.
        let areaField = index(.area)
        let area = areaField < 0 ? 0 : reader.withField(areaField) { interner.intern(FieldParsers.trimmed($0), encoding: encoding, column: 0) }
        if let scalar = interner.controlCharacter(in: area) {
            reject(reader, areaField, IngestMessages.controlCharacterInKey(scalar))
            ok = false
        }

        guard ok, let district, let month, let indicator else {
            scan.rejectedRows += 1
            // The row still names a district: it counts towards the district its file belongs to.
            if let district {
                let code = self.lookups.districtCodes[district]
                for i in firstRejection..<scan.rejections.count { scan.rejections[i].districtCode = code }
            }
            return
        }
        guard let value else {
            scan.blank += 1
            return
        }
        let noteField = index(.note)
        let note = noteField < 0 ? 0 : reader.withField(noteField) { interner.intern(FieldParsers.trimmed($0), encoding: encoding, column: 1) }
        if noteField >= 0, reader.fieldByteCount(noteField) > ImportNotice.excelCellLimit,
           interner.labels[note].utf16.count > ImportNotice.excelCellLimit {
            scan.longNoteLines.append(reader.line)
        }
        let key = CompactKey(district: district, indicator: indicator, month: month, area: area)
        scan.rows.append(CompactRow(key: key, value: value, note: UInt32(note), line: Int32(reader.line)))
    }

    /// The file's outcome; keys repeated inside the file are found when the importer merges it.
    func finish() -> FileScan { scan }
}

/// The last value a key field gave when it checked out, with the field's bytes as written.
///
/// Why: a file names one district and usually one month on every row; comparing a few bytes with the previous
/// row's skips a table lookup and a parse (about 8% of `validate` on the village benchmark). Only accepted
/// results are kept, and the result is a function of the bytes alone within one file (one encoding), so a hit
/// gives exactly what checking again would.
struct FieldMemo<Value> {
    private var bytes: [UInt8] = []
    private var remembered: Value?

    /// The remembered value when field `index` holds exactly the remembered bytes.
    @inline(__always)
    func value<S>(_ reader: CSVReader<S>, _ index: Int) -> Value? {
        guard let remembered else { return nil }
        return reader.withField(index) { raw in bytes.withUnsafeBufferPointer { ByteStringTable.equal($0, raw) } }
            ? remembered : nil
    }

    mutating func remember<S>(_ reader: CSVReader<S>, _ index: Int, _ value: Value) {
        bytes.removeAll(keepingCapacity: true)
        reader.withField(index) { bytes.append(contentsOf: $0) }
        remembered = value
    }
}
