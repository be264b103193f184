/// The accepted values summed up per district × month × indicator: what the workbook's `Data` sheet holds when
/// the values themselves are too many for one sheet (a year of per-village values is tens of millions of rows).
///
/// Each row keeps what lets a reader check it against a clerk's file: how many values it sums, their smallest
/// and largest, the first file (in path order) that supplied one and how many files did. The full list is one
/// flag away (`report --export-values`), so nothing is hidden, only not copied by default.
public struct DistrictMonthTotal: Sendable, Hashable {
    public var districtCode: String
    public var month: YearMonth
    public var indicatorID: String
    /// Accepted values summed in this row.
    public var values: Int
    public var sum: Double
    public var minimum: Double
    public var maximum: Double
    /// The lowest source index (`ImportResult.sources` is in path order) among the values.
    public var firstSourceIndex: Int
    /// Distinct files that supplied a value.
    public var files: Int

    public init(districtCode: String, month: YearMonth, indicatorID: String, values: Int, sum: Double,
                minimum: Double, maximum: Double, firstSourceIndex: Int, files: Int) {
        self.districtCode = districtCode
        self.month = month
        self.indicatorID = indicatorID
        self.values = values
        self.sum = sum
        self.minimum = minimum
        self.maximum = maximum
        self.firstSourceIndex = firstSourceIndex
        self.files = files
    }
}

extension AcceptedValues {
    /// One `DistrictMonthTotal` per district × month × indicator that has a value, ordered by district code,
    /// month, then indicator id. One pass over the columns; memory grows with the rows returned, not the values.
    public func districtMonthTotals() -> [DistrictMonthTotal] {
        struct Running {
            var values = 0
            var sum = 0.0
            var minimum = Double.infinity
            var maximum = -Double.infinity
            var firstSource = Int.max
            var files = 0
        }
        var slotByKey: [UInt64: Int] = [:]
        var keys: [UInt64] = []
        var running: [Running] = []
        // (slot, source) pairs already counted; the last one is remembered because consecutive values mostly
        // share both, which keeps the set's probes far below one per value.
        var counted: Set<UInt64> = []
        var lastPair: UInt64 = .max
        // One hash probe per key run (values come sorted by key, so a group is nearly always one run).
        for r in 0..<runCount {
            let run = run(r)
            let key = UInt64(run.district) << 48 | UInt64(run.indicator) << 32
                |  UInt64(UInt32(bitPattern: Int32(run.month)))
            let slot: Int
            if let known = slotByKey[key] {
                slot = known
            } else {
                slot = running.count
                slotByKey[key] = slot
                keys.append(key)
                running.append(Running())
            }
            for i in run.range {
                let value = values[i]
                let source = Int(sourceIndex[i])
                running[slot].values += 1
                running[slot].sum += value
                running[slot].minimum = Swift.min(running[slot].minimum, value)
                running[slot].maximum = Swift.max(running[slot].maximum, value)
                running[slot].firstSource = Swift.min(running[slot].firstSource, source)
                let pair = UInt64(slot) << 32 | UInt64(source)
                if pair != lastPair {
                    lastPair = pair
                    if counted.insert(pair).inserted { running[slot].files += 1 }
                }
            }
        }
        var rows: [DistrictMonthTotal] = []
        rows.reserveCapacity(running.count)
        for (key, total) in zip(keys, running) {
            rows.append(DistrictMonthTotal(
                districtCode: districtCodes[Int(key >> 48)],
                month: YearMonth(ordinal: Int(Int32(bitPattern: UInt32(truncatingIfNeeded: key)))),
                indicatorID: indicatorIDs[Int(key >> 32 & 0xFFFF)],
                values: total.values, sum: total.sum, minimum: total.minimum, maximum: total.maximum,
                firstSourceIndex: total.firstSource, files: total.files))
        }
        return rows.sorted { a, b in
            if a.districtCode != b.districtCode { return a.districtCode.utf8.lexicographicallyPrecedes(b.districtCode.utf8) }
            if a.month != b.month { return a.month < b.month }
            return a.indicatorID.utf8.lexicographicallyPrecedes(b.indicatorID.utf8)
        }
    }
}
