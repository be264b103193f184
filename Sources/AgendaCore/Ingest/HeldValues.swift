/// The value each key currently holds while files are merged, one row per distinct key, column by column; the key
/// table's payload is a row number here.
///
/// Why: keeping every file's scanned rows until the end (so the table could point at them) made the rows of all
/// files, the table and the final store live at once, the import's peak memory (issue 3, item 7). With the
/// winner's value, note, file and line held here, each file's rows are dropped as soon as it is merged.
struct HeldValues {
    /// Marks a row whose key was given back (every row of it rejected as an in-file duplicate, nothing earlier).
    static let dead = UInt32.max

    var value: [Double] = []
    var note: [UInt32] = []
    var file: [UInt32] = []
    var line: [UInt32] = []

    struct Row {
        var value: Double
        var note: UInt32
        var file: UInt32
        var line: UInt32
    }

    var count: Int { file.count }

    subscript(index: Int) -> Row {
        get { Row(value: value[index], note: note[index], file: file[index], line: line[index]) }
        set {
            value[index] = newValue.value
            note[index] = newValue.note
            file[index] = newValue.file
            line[index] = newValue.line
        }
    }

    mutating func append(_ row: Row) {
        value.append(row.value)
        note.append(row.note)
        file.append(row.file)
        line.append(row.line)
    }
}

extension SortRanks {
    /// The key whose `key(_:)` is `rank`.
    func compactKey(_ rank: (UInt64, UInt32)) -> CompactKey {
        CompactKey(district: districtByRank[Int(rank.0 >> 56)], indicator: indicatorByRank[Int(rank.0 & 0xFF_FFFF)],
                   month: YearMonth(ordinal: Int(UInt32(truncatingIfNeeded: rank.0 >> 24))),
                   area: labelByRank[Int(rank.1)])
    }
}

extension AcceptedValues {
    /// The values in the order `order` lists their positions, one column at a time so that only one extra
    /// column exists at once.
    mutating func permute(_ order: [UInt32]) {
        precondition(order.count == count, "a permutation lists every value once")
        func apply<T>(_ column: inout [T]) { column = order.map { column[Int($0)] } }
        apply(&districtIndex)
        apply(&monthOrdinal)
        apply(&indicatorIndex)
        apply(&areaLabel)
        apply(&values)
        apply(&noteLabel)
        apply(&sourceIndex)
        apply(&line)
    }
}
