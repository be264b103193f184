/// A value's key packed into 12 bytes, so the duplicate and resubmission maps stay small and hash fast even for
/// millions of rows: one word holds (district, month ordinal, indicator) as `district << 44 | month << 24 |
/// indicator`, the area label id sits beside it. `SortRanks` packs its ranks in the same layout.
///
/// Field widths: 20 bits of district, 20 bits of month ordinal (BE year × 12, enough past BE 87,000) and 24 bits
/// of indicator. The reference loader refuses more than `districtLimit` districts or `indicatorLimit` indicators,
/// which is what `AcceptedValues` stores per value (16 bits each).
struct CompactKey: Hashable {
    var packed: UInt64
    var area: UInt32

    static let districtLimit = 1 << 16
    static let indicatorLimit = 1 << 16
    private static let monthMask: UInt64 = (1 << 20) - 1

    init(packed: UInt64, area: UInt32) {
        self.packed = packed
        self.area = area
    }

    init(district: Int, indicator: Int, month: YearMonth, area: Int) {
        self.init(packed: Self.pack(district: UInt64(district), month: month, indicator: UInt64(indicator)),
                  area: UInt32(area))
    }

    /// The one packing of (district, month, indicator); callers pass indices or ranks below the limits.
    @inline(__always)
    static func pack(district: UInt64, month: YearMonth, indicator: UInt64) -> UInt64 {
        district << 44 | (UInt64(truncatingIfNeeded: month.ordinal) & monthMask) << 24 | indicator
    }

    var district: Int { Int(packed >> 44) }
    var indicator: Int { Int(packed & 0xFF_FFFF) }
    var month: YearMonth { YearMonth(ordinal: Int((packed >> 24) & Self.monthMask)) }
}

/// One candidate value while a file is being read; turned into an `AcceptedValue` only at the end.
struct CompactRow {
    var key: CompactKey
    var value: Double
    var note: UInt32
    var line: Int32
}

/// Reference data rearranged for byte-level lookups on the hot path.
///
/// A class so that capturing it in a per-row closure costs one reference, not a copy of every table.
final class ReferenceLookups: Sendable {
    let districtCodes: [String]
    let indicators: [Indicator]
    /// `indicators[i].isSubmittable`, kept apart so the per-row check does not copy an `Indicator`.
    let submittable: [Bool]
    let districtTable: ByteStringTable
    let indicatorTable: ByteStringTable
    /// "5601–5609", for messages.
    let districtRange: String

    init(_ reference: ReferenceData) {
        districtCodes = reference.districts.map(\.code)
        indicators = reference.indicators
        submittable = indicators.map(\.isSubmittable)
        var districts = ByteStringTable(capacity: districtCodes.count)
        for code in districtCodes { _ = districts.insert(Array(code.utf8)) }
        var indicatorIDs = ByteStringTable(capacity: indicators.count)
        for indicator in indicators { _ = indicatorIDs.insert(Array(indicator.id.utf8)) }
        districtTable = districts
        indicatorTable = indicatorIDs
        // The reference loader refuses tables beyond these, with a message naming the file.
        precondition(indicators.count < CompactKey.indicatorLimit && districtCodes.count < CompactKey.districtLimit)
        districtRange = districtCodes.count > 1
            ? "\(districtCodes.first!)–\(districtCodes.last!)" : districtCodes.first ?? "-"
    }
}

/// Shares one `String` per distinct area label or note, so a million rows naming the same village hold one copy.
///
/// Labels are looked up by their raw bytes per encoding (no decoding on a hit); label 0 is the empty string.
struct LabelInterner {
    private(set) var labels: [String] = [""]
    /// Per label, the first control character it holds (C0 including tab, DEL, C1) as a scalar value, or
    /// `Self.clean`: checked once when a label is first decoded, so the row checker's per-row test is one load.
    private var controlScalars: [UInt32] = [Self.clean]
    private static let clean = UInt32.max
    /// Labels whose text is not their raw bytes read as UTF-8 (Windows-874, trimmed, or repaired), by text. The
    /// others are found through `utf8Raw` under their text's bytes, so a file of plain UTF-8 labels (every
    /// village file) hashes no String: that was 5% of `validate` at village scale, 8,000 new labels a file.
    private var idByLabel: [String: Int] = [:]
    private var utf8Raw = ByteStringTable(capacity: 256)
    private var utf8RawToLabel: [Int] = []
    private var win874Raw = ByteStringTable(capacity: 256)
    private var win874RawToLabel: [Int] = []

    /// The last label seen per column (0 = area, 1 = note), because consecutive rows usually name the same
    /// village: comparing against it is cheaper than hashing. Two flat buffers rather than an array of arrays:
    /// the nested array was retained on every row and reallocated on every miss.
    private var lastRawArea: [UInt8] = []
    private var lastRawNote: [UInt8] = []
    private var lastLabel = (area: 0, note: 0)
    private var lastWasWindows874 = (area: false, note: false)

    /// `bytes` must already be trimmed of spaces and tabs; `column` picks the one-entry cache (0 or 1).
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, encoding: TextEncoding, column: Int) -> Int {
        if bytes.isEmpty { return 0 }
        let isWindows874 = encoding == .windows874
        if column == 0 {
            if isWindows874 == lastWasWindows874.area,
               lastRawArea.withUnsafeBufferPointer({ ByteStringTable.equal($0, bytes) }) {
                return lastLabel.area
            }
        } else if isWindows874 == lastWasWindows874.note,
                  lastRawNote.withUnsafeBufferPointer({ ByteStringTable.equal($0, bytes) }) {
            return lastLabel.note
        }
        let label = lookupOrAdd(bytes, encoding: encoding, isWindows874: isWindows874)
        if column == 0 {
            lastRawArea.removeAll(keepingCapacity: true)
            lastRawArea.append(contentsOf: bytes)
            lastLabel.area = label
            lastWasWindows874.area = isWindows874
        } else {
            lastRawNote.removeAll(keepingCapacity: true)
            lastRawNote.append(contentsOf: bytes)
            lastLabel.note = label
            lastWasWindows874.note = isWindows874
        }
        return label
    }

    /// The first control character in `label`, if any: invisible in a workbook, so two area labels that print
    /// alike would count as two areas.
    func controlCharacter(in label: Int) -> Unicode.Scalar? {
        let value = controlScalars[label]
        return value == Self.clean ? nil : Unicode.Scalar(value)
    }

    private mutating func lookupOrAdd(_ bytes: UnsafeBufferPointer<UInt8>, encoding: TextEncoding, isWindows874: Bool) -> Int {
        if isWindows874 {
            if let raw = win874Raw.lookup(bytes) { return win874RawToLabel[raw] }
        } else {
            if let raw = utf8Raw.lookup(bytes) { return utf8RawToLabel[raw] }
        }
        var text = encoding.decode(bytes).trimmingWhitespace()
        // Plain: the text is the raw UTF-8 bytes, which `utf8Raw` was just asked for; then only a label kept by
        // text can already hold it.
        let plain = !isWindows874 && text.withUTF8 { ByteStringTable.equal($0, bytes) }
        let label: Int
        if text.isEmpty {
            label = 0
        } else if let existing = plain ? idByLabel[ifAny: text] : existingLabel(&text) {
            label = existing
        } else {
            label = labels.count
            labels.append(text)
            if !plain { idByLabel[text] = label }
            let control = text.unicodeScalars.first { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
            controlScalars.append(control?.value ?? Self.clean)
        }
        if isWindows874 {
            _ = win874Raw.insert(bytes)
            win874RawToLabel.append(label)
        } else {
            _ = utf8Raw.insert(bytes)
            utf8RawToLabel.append(label)
        }
        return label
    }

    /// The label whose text is `text`, if any: a label is either plain (its text's bytes are a raw UTF-8 key of
    /// `utf8Raw`, and any raw key equal to a text's bytes reads back as that text) or kept in `idByLabel`.
    private func existingLabel(_ text: inout String) -> Int? {
        if let raw = text.withUTF8({ utf8Raw.lookup($0) }) { return utf8RawToLabel[raw] }
        return idByLabel[ifAny: text]
    }
}

extension Dictionary {
    /// `self[key]`, without hashing the key when the dictionary is empty (the common case it is kept for).
    fileprivate subscript(ifAny key: Key) -> Value? { isEmpty ? nil : self[key] }
}

extension String {
    /// Trims spaces, tabs, line breaks and no-break spaces from both ends.
    func trimmingWhitespace() -> String {
        // Most labels (village codes, "หมู่ 3") start and end with printable ASCII: nothing to trim, and no
        // Unicode property to look up.
        if let first = utf8.first, let last = utf8.last, Self.isSolid(first), Self.isSolid(last) { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    /// A UTF-8 byte that is neither whitespace nor part of a scalar that could be: printable ASCII other than
    /// space (0x21–0x7E). Any other byte sends the label through the Unicode check.
    private static func isSolid(_ byte: UInt8) -> Bool { (0x21...0x7E).contains(byte) }
}

/// What one file yielded before it is merged with the others.
struct FileScan {
    var encoding: TextEncoding?
    var byteCount = 0
    var sha256 = ""
    var rowsRead = 0
    var blank = 0
    var rejectedRows = 0
    /// Candidates that passed every field check (keys repeated in the file are rejected at merge).
    var rows: [CompactRow] = []
    var rejections: [Rejection] = []
    /// The header names of the key columns as the file spells them (`district_code + period + …`), for naming
    /// the columns of a duplicate-key rejection.
    var keyColumns = ""
    /// Lines whose note is longer than an Excel cell holds.
    var longNoteLines: [Int] = []
    /// This file's own label table (area labels and notes), which `rows` point into until the merge maps them to
    /// the import's ids: every text its scan interned, failed encoding attempts included, in first-seen order.
    var labels: [String] = [""]
}

/// Integer ranks that order compact keys exactly as `ValueKey`'s `<` orders the finished values (district code,
/// month, indicator id, area label, each text in UTF-8 byte order), so the import can sort millions of values
/// without making or comparing a single String.
struct SortRanks {
    private let district: [UInt64]
    private let indicator: [UInt64]
    private let label: [UInt32]
    /// The inverses: index of the text with a given rank.
    let districtByRank: [Int]
    let indicatorByRank: [Int]
    let labelByRank: [Int]

    init(districtCodes: [String], indicators: [Indicator], labels: [String]) {
        district = Self.ranks(districtCodes).map(UInt64.init)
        indicator = Self.ranks(indicators.map(\.id)).map(UInt64.init)
        label = Self.ranks(labels).map(UInt32.init)
        districtByRank = Self.inverse(district.map(Int.init))
        indicatorByRank = Self.inverse(indicator.map(Int.init))
        labelByRank = Self.inverse(label.map(Int.init))
    }

    private static func inverse(_ rank: [Int]) -> [Int] {
        var byRank = [Int](repeating: 0, count: rank.count)
        for (index, r) in rank.enumerated() { byRank[r] = index }
        return byRank
    }

    /// (district, month, indicator) ranks packed into one word as `CompactKey` packs them, then the area
    /// label's rank.
    func key(_ key: CompactKey) -> (UInt64, UInt32) {
        (CompactKey.pack(district: district[key.district], month: key.month, indicator: indicator[key.indicator]),
         label[Int(key.area)])
    }

    /// rank[i] = position of texts[i] in UTF-8 byte order.
    private static func ranks(_ texts: [String]) -> [Int] {
        let order = texts.indices.sorted { texts[$0].utf8.lexicographicallyPrecedes(texts[$1].utf8) }
        var rank = [Int](repeating: 0, count: texts.count)
        for (position, index) in order.enumerated() { rank[index] = position }
        return rank
    }
}
