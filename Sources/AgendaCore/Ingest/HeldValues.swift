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
    ///
    /// The value is kept as two 32-bit halves so a row is 20 bytes, not 24 (a Double would align the row to 8 and
    /// pad it): 70 MB less at the import's peak at village scale, where the held rows and the key table meet.
    struct Row {
        private var valueLow: UInt32
        private var valueHigh: UInt32
        var note: UInt32
        var file: UInt32
        var line: UInt32

        init(value: Double, note: UInt32, file: UInt32, line: UInt32) {
            valueLow = UInt32(truncatingIfNeeded: value.bitPattern)
            valueHigh = UInt32(truncatingIfNeeded: value.bitPattern >> 32)
            self.note = note
            self.file = file
            self.line = line
        }

        var value: Double {
            get { Double(bitPattern: UInt64(valueHigh) << 32 | UInt64(valueLow)) }
            set {
                valueLow = UInt32(truncatingIfNeeded: newValue.bitPattern)
                valueHigh = UInt32(truncatingIfNeeded: newValue.bitPattern >> 32)
            }
        }
    }

    /// Rows in chunks of `chunkSize`, so the store can be assembled while the rows go: `take(count:index:into:)`
    /// frees a chunk as soon as its last row is taken. At village scale the held rows (415 MB) and the finished
    /// store were otherwise both in memory at the end of the import, its peak.
    private var chunks: [[Row]] = []
    private var rowCount = 0
    /// Per chunk, its live rows (appended and not marked dead): each is taken once when the store is assembled.
    private var untaken: [Int] = []
    static let chunkShift = 16
    static let chunkSize = 1 << chunkShift
    /// Empty when values are not retained: then only `files` is kept, small enough to stay in cache (the merge
    /// of the 1.1 GB `validate` benchmark ran 30% slower reading whole rows it did not need).
    private var files: [UInt32] = []
    let retainsValues: Bool

    init(retainsValues: Bool) {
        self.retainsValues = retainsValues
    }

    /// Chunks still holding their rows, for tests: a chunk is freed when its last live row is taken.
    var chunksHeld: Int { chunks.count { !$0.isEmpty } }

    var count: Int { retainsValues ? rowCount : files.count }

    /// Without retained values, only `file` reads back.
    subscript(index: Int) -> Row {
        get {
            retainsValues ? chunks[index >> Self.chunkShift][index & (Self.chunkSize - 1)]
                : Row(value: 0, note: 0, file: files[index], line: 0)
        }
        set {
            if retainsValues {
                chunks[index >> Self.chunkShift][index & (Self.chunkSize - 1)] = newValue
            } else {
                files[index] = newValue.file
            }
        }
    }

    func file(_ index: Int) -> UInt32 {
        retainsValues ? chunks[index >> Self.chunkShift][index & (Self.chunkSize - 1)].file : files[index]
    }

    mutating func markDead(_ index: Int) {
        if retainsValues {
            chunks[index >> Self.chunkShift][index & (Self.chunkSize - 1)].file = Self.dead
            untaken[index >> Self.chunkShift] -= 1
        } else {
            files[index] = Self.dead
        }
    }

    mutating func append(_ row: Row) {
        guard retainsValues else {
            files.append(row.file)
            return
        }
        if rowCount & (Self.chunkSize - 1) == 0 {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(Self.chunkSize)
            untaken.append(0)
        }
        chunks[chunks.count - 1].append(row)
        untaken[untaken.count - 1] += 1
        rowCount += 1
    }

    /// Reads `count` live rows, the k-th at `index(k)`, each once, into `rows` (emptied first) in that order, and
    /// frees every chunk whose last live row was among them. How the store takes a key group's rows: the chunk
    /// counters are held open once per group rather than checked per row (per-row takes were a fifth of the
    /// serial assembly at village scale).
    mutating func take(count: Int, index: (Int) -> Int, into rows: inout [Row]) {
        precondition(retainsValues, "rows are taken only when values are retained")
        rows.removeAll(keepingCapacity: true)
        rows.reserveCapacity(count)
        var emptied: [Int] = []
        untaken.withUnsafeMutableBufferPointer { untaken in
            for k in 0..<count {
                let i = index(k)
                let chunk = i >> Self.chunkShift
                rows.append(chunks[chunk][i & (Self.chunkSize - 1)])
                untaken[chunk] -= 1
                if untaken[chunk] == 0 { emptied.append(chunk) }
            }
        }
        for chunk in emptied { chunks[chunk] = [] }
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
