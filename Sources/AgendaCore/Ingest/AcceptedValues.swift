/// The accepted values of an import, stored column by column.
///
/// Why not `[AcceptedValue]`: each `AcceptedValue` is ~104 bytes (three Strings and a note String besides the
/// numbers), so a 1 GB input of ~14 million rows would need more memory for its values alone than the input's size.
/// Here a value costs 32 bytes: small integer columns plus shared tables of district codes,
/// indicator ids and labels (area labels and notes), each text stored once however many values name it.
///
/// Reading an element builds an `AcceptedValue` on demand from the shared tables (no allocation per element, only
/// reference counting), so every consumer written for `[AcceptedValue]` keeps working; the aggregation reads the
/// columns directly.
public struct AcceptedValues: RandomAccessCollection, Sendable {
    /// Distinct district codes; `districtIndex` points here.
    public let districtCodes: [String]
    /// Distinct indicator ids; `indicatorIndex` points here.
    public let indicatorIDs: [String]
    /// Distinct area labels and notes; label 0 is the empty string.
    public let labels: [String]

    var districtIndex: [UInt16] = []
    var monthOrdinal: [Int32] = []
    var indicatorIndex: [UInt16] = []
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
        districtIndex.reserveCapacity(capacity)
        monthOrdinal.reserveCapacity(capacity)
        indicatorIndex.reserveCapacity(capacity)
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
        precondition(districtCodes.indices.contains(district) && indicatorIDs.indices.contains(indicator)
                     && labels.indices.contains(area) && labels.indices.contains(note), "table index out of range")
        districtIndex.append(UInt16(district))
        monthOrdinal.append(Int32(month.ordinal))
        indicatorIndex.append(UInt16(indicator))
        areaLabel.append(UInt32(area))
        values.append(value)
        noteLabel.append(UInt32(note))
        self.sourceIndex.append(UInt32(sourceIndex))
        self.line.append(UInt32(line))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { values.count }

    public subscript(position: Int) -> AcceptedValue {
        let key = ValueKey(
            districtCode: districtCodes[Int(districtIndex[position])],
            month: YearMonth(ordinal: Int(monthOrdinal[position])),
            indicatorID: indicatorIDs[Int(indicatorIndex[position])],
            area: labels[Int(areaLabel[position])])
        return AcceptedValue(key: key, value: values[position], note: labels[Int(noteLabel[position])],
                             sourceIndex: Int(sourceIndex[position]), line: Int(line[position]))
    }
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
