/// The accepted values of an import, stored column by column, their keys in runs.
///
/// Why not `[AcceptedValue]`: each `AcceptedValue` is ~104 bytes (three Strings and a note String besides the
/// numbers), so a 1 GB input of ~14 million rows would need more memory for its values alone than the input's size.
/// Here a value costs 24 bytes: its number, area label, note, file and line, plus shared tables of district codes,
/// indicator ids and labels (area labels and notes), each text stored once however many values name it.
///
/// Why runs: values are stored in key order (district, month, indicator, area), so consecutive values share their
/// district, month and indicator; a year of per-village values is a few thousand runs, and storing those three per
/// run instead of per value saves a quarter of the store (8 of 32 bytes a value, 140 MB at village scale). The
/// aggregation walks runs; a single value's key is found by binary search over them.
///
/// Reading an element builds an `AcceptedValue` on demand from the shared tables (no allocation per element, only
/// reference counting), so every consumer written for `[AcceptedValue]` keeps working; the aggregation reads the
/// columns directly.
public struct AcceptedValues: RandomAccessCollection, Sendable {
    /// Distinct district codes; a run's `district` points here.
    public let districtCodes: [String]
    /// Distinct indicator ids; a run's `indicator` points here.
    public let indicatorIDs: [String]
    /// Distinct area labels and notes; label 0 is the empty string.
    public let labels: [String]

    /// Consecutive values with one district, month and indicator.
    struct KeyRun: Sendable {
        var district: Int
        var month: Int
        var indicator: Int
        var range: Range<Int>
    }

    private var runDistrict: [UInt16] = []
    private var runMonth: [Int32] = []
    private var runIndicator: [UInt16] = []
    /// Where each run ends (exclusive); run r starts where run r − 1 ends.
    private var runEnd: [Int] = []

    var areaLabel: [UInt32] = []
    var values: [Double] = []
    var noteLabel: [UInt32] = []
    var sourceIndex: [UInt32] = []
    var line: [UInt32] = []

    /// An empty store over the given tables, with room for `capacity` values (the importer appends to it).
    init(districtCodes: [String], indicatorIDs: [String], labels: [String], capacity: Int) {
        precondition(districtCodes.count <= CompactKey.districtLimit, "more districts than a UInt16 index holds")
        precondition(indicatorIDs.count <= CompactKey.indicatorLimit, "more indicators than a UInt16 index holds")
        precondition(labels.first == "", "label 0 must be the empty string")
        self.districtCodes = districtCodes
        self.indicatorIDs = indicatorIDs
        self.labels = labels
        areaLabel.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        noteLabel.reserveCapacity(capacity)
        sourceIndex.reserveCapacity(capacity)
        line.reserveCapacity(capacity)
    }

    /// No values.
    public init() {
        self.init([])
    }

    /// The store of `values`, in the given order (callers pass them sorted by key, as `ImportResult` promises).
    /// Builds the shared tables; for tests and hand-built reports.
    public init(_ values: [AcceptedValue]) {
        var districts = TextInterner()
        var indicators = TextInterner()
        var labels = TextInterner()
        _ = labels.id("")
        var rows: [(district: Int, indicator: Int, area: Int, note: Int)] = []
        rows.reserveCapacity(values.count)
        for value in values {
            rows.append((districts.id(value.key.districtCode), indicators.id(value.key.indicatorID),
                         labels.id(value.key.area), labels.id(value.note)))
        }
        self.init(districtCodes: districts.texts, indicatorIDs: indicators.texts, labels: labels.texts,
                  capacity: values.count)
        for (value, row) in zip(values, rows) {
            append(district: row.district, month: value.key.month, indicator: row.indicator, area: row.area,
                   value: value.value, note: row.note, sourceIndex: value.sourceIndex, line: value.line)
        }
    }

    /// Appends one value whose texts are already indices into the shared tables.
    mutating func append(
        district: Int, month: YearMonth, indicator: Int, area: Int, value: Double, note: Int, sourceIndex: Int,
        line: Int
    ) {
        appendRun(district: district, month: month, indicator: indicator, count: 1) { _ in
            (area, value, UInt32(note), UInt32(sourceIndex), UInt32(line))
        }
    }

    /// Appends `count` values of one key (district, month, indicator), each from `value(k)`: area label, value,
    /// note label, file and line. The key is checked once, not per value: the import appends millions this way.
    mutating func appendRun(
        district: Int, month: YearMonth, indicator: Int, count: Int,
        _ value: (Int) -> (area: Int, value: Double, note: UInt32, file: UInt32, line: UInt32)
    ) {
        guard count > 0 else { return }
        precondition(districtCodes.indices.contains(district) && indicatorIDs.indices.contains(indicator),
                     "table index out of range")
        let ordinal = Int32(month.ordinal)
        if runEnd.isEmpty || runDistrict.last! != UInt16(district) || runMonth.last! != ordinal
            || runIndicator.last! != UInt16(indicator) {
            runDistrict.append(UInt16(district))
            runMonth.append(ordinal)
            runIndicator.append(UInt16(indicator))
            runEnd.append(values.count)
        }
        let labelCount = UInt32(labels.count)
        // The columns grow by the whole run, then are written through their buffers: appending value by value
        // checked each of the five columns' uniqueness and capacity per value, most of the import's serial
        // assembly.
        let start = values.count
        areaLabel.append(contentsOf: repeatElement(0, count: count))
        values.append(contentsOf: repeatElement(0, count: count))
        noteLabel.append(contentsOf: repeatElement(0, count: count))
        sourceIndex.append(contentsOf: repeatElement(0, count: count))
        line.append(contentsOf: repeatElement(0, count: count))
        areaLabel.withUnsafeMutableBufferPointer { areaLabel in
        values.withUnsafeMutableBufferPointer { values in
        noteLabel.withUnsafeMutableBufferPointer { noteLabel in
        sourceIndex.withUnsafeMutableBufferPointer { sourceIndex in
        line.withUnsafeMutableBufferPointer { line in
            for k in 0..<count {
                let v = value(k)
                precondition(UInt32(v.area) < labelCount && v.note < labelCount, "label index out of range")
                areaLabel[start + k] = UInt32(v.area)
                values[start + k] = v.value
                noteLabel[start + k] = v.note
                sourceIndex[start + k] = v.file
                line[start + k] = v.line
            }
        }
        }
        }
        }
        }
        runEnd[runEnd.count - 1] = values.count
    }

    /// Number of key runs.
    var runCount: Int { runEnd.count }

    /// Run `r`: its key and the positions of its values.
    func run(_ r: Int) -> KeyRun {
        KeyRun(district: Int(runDistrict[r]), month: Int(runMonth[r]), indicator: Int(runIndicator[r]),
               range: (r == 0 ? 0 : runEnd[r - 1])..<runEnd[r])
    }

    /// The run holding position `n` (binary search).
    func run(containing n: Int) -> KeyRun {
        precondition(indices.contains(n), "accepted value \(n) out of range")
        var low = 0
        var high = runEnd.count - 1
        while low < high {
            let mid = (low + high) / 2
            if runEnd[mid] <= n { low = mid + 1 } else { high = mid }
        }
        return run(low)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { values.count }

    public subscript(position: Int) -> AcceptedValue {
        element(at: position, in: run(containing: position))
    }

    private func element(at position: Int, in run: KeyRun) -> AcceptedValue {
        let key = ValueKey(
            districtCode: districtCodes[run.district], month: YearMonth(ordinal: run.month),
            indicatorID: indicatorIDs[run.indicator], area: labels[Int(areaLabel[position])])
        return AcceptedValue(key: key, value: values[position], note: labels[Int(noteLabel[position])],
                             sourceIndex: Int(sourceIndex[position]), line: Int(line[position]))
    }

    /// Walks the runs alongside the positions, so iterating every value costs no search.
    public struct Iterator: IteratorProtocol {
        let store: AcceptedValues
        var position = 0
        var runIndex = 0
        var current: KeyRun?

        public mutating func next() -> AcceptedValue? {
            guard position < store.count else { return nil }
            while current == nil || !current!.range.contains(position) {
                current = store.run(runIndex)
                runIndex += 1
            }
            defer { position += 1 }
            return store.element(at: position, in: current!)
        }
    }

    public func makeIterator() -> Iterator { Iterator(store: self) }
}

extension AcceptedValues: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: AcceptedValue...) {
        self.init(elements)
    }
}

/// Assigns each distinct text an index in order of first appearance.
private struct TextInterner {
    private(set) var texts: [String] = []
    private var idByText: [String: Int] = [:]

    mutating func id(_ text: String) -> Int {
        if let id = idByText[text] { return id }
        texts.append(text)
        idByText[text] = texts.count - 1
        return texts.count - 1
    }
}
