/// The value each key currently holds while files are merged, one row per distinct key; the key table's payload
/// is a row number here.
///
/// Why: keeping every file's scanned rows until the end (so the table could point at them) made the rows of all
/// files, the table and the final store live at once, the import's peak memory. With the
/// winner's value, note, file and line held here, each file's rows are dropped as soon as it is merged.
struct HeldValues {
    /// Marks a row whose key was given back (every row of it rejected as an in-file duplicate, nothing earlier).
    static let dead = UInt32.max

    /// One struct per row rather than a column per field: the merge reads and rewrites a whole row at a random
    /// position for nearly every input row of a resubmission, and a row in one place is one cache miss, not four
    /// (measured: columns made `validate` on the 1.1 GB set 30% slower).
    struct Row {
        var value: Double
        var note: UInt32
        var file: UInt32
        var line: UInt32
    }

    /// Empty when values are not retained: then only `files` is kept, small enough to stay in cache (the merge
    /// of the 1.1 GB `validate` benchmark ran 30% slower reading whole rows it did not need).
    private var rows: [Row] = []
    private var files: [UInt32] = []
    let retainsValues: Bool

    init(retainsValues: Bool) {
        self.retainsValues = retainsValues
    }

    var count: Int { retainsValues ? rows.count : files.count }

    /// Without retained values, only `file` reads back.
    subscript(index: Int) -> Row {
        get { retainsValues ? rows[index] : Row(value: 0, note: 0, file: files[index], line: 0) }
        set {
            if retainsValues { rows[index] = newValue } else { files[index] = newValue.file }
        }
    }

    func file(_ index: Int) -> UInt32 { retainsValues ? rows[index].file : files[index] }

    mutating func markDead(_ index: Int) {
        if retainsValues { rows[index].file = Self.dead } else { files[index] = Self.dead }
    }

    mutating func append(_ row: Row) {
        if retainsValues { rows.append(row) } else { files.append(row.file) }
    }
}

extension SortRanks {
    /// The key whose `key(_:)` is `rank`.
    func compactKey(_ rank: (UInt64, UInt32)) -> CompactKey {
        // Unpacked with CompactKey's own accessors: the rank word has its layout.
        let ranked = CompactKey(packed: rank.0, area: rank.1)
        return CompactKey(district: districtByRank[ranked.district], indicator: indicatorByRank[ranked.indicator],
                          month: ranked.month, area: labelByRank[Int(rank.1)])
    }
}
