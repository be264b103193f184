import Foundation

/// One indicator's series at one level for `AnomalyRule`: for each unit (a district, or a district's sub-area),
/// its months in ascending order with one value each, stored as flat arrays (unit after unit).
///
/// Why flat: at village scale one indicator has hundreds of thousands of units; a month → value dictionary per
/// unit cost an allocation per unit and a hash probe per look-up, and was most of a report's time. Storage is
/// linear in the number of values whatever months they name (a value from 1900 next to this year's does not
/// make a units × months table).
struct AnomalySeries {
    /// Unit u's values are at `unitStart[u] ..< unitStart[u + 1]`.
    private(set) var unitStart: [Int] = [0]
    /// Month ordinal of each value, strictly increasing within a unit.
    private(set) var month: [Int] = []
    private(set) var value: [Double] = []

    var unitCount: Int { unitStart.count - 1 }
    var count: Int { value.count }

    init() {}

    /// Reserves room for `values` values.
    init(capacity values: Int) {
        month.reserveCapacity(values)
        value.reserveCapacity(values)
    }

    /// Appends a unit with the given (month, value) pairs, which must be in strictly increasing month order.
    mutating func appendUnit<S: Sequence>(_ entries: S) where S.Element == (month: Int, value: Double) {
        for (m, v) in entries {
            precondition(month.count == unitStart.last! || month.last! < m, "a unit's months must increase")
            month.append(m)
            value.append(v)
        }
        unitStart.append(month.count)
    }

    /// The series of `units`, each a month → value map.
    init(_ units: [[Int: Double]]) {
        self.init(capacity: units.reduce(0) { $0 + $1.count })
        for unit in units {
            appendUnit(unit.sorted { $0.key < $1.key }.lazy.map { (month: $0.key, value: $0.value) })
        }
    }
}

extension AnomalyRule {
    /// The checks that were made on one value, as bits (peers 1, previous month 2, same month last year 4).
    struct CheckSet: Hashable, Sendable {
        var bits: UInt8
        var checks: [Check] {
            var out: [Check] = [.peers]
            if bits & 2 != 0 { out.append(.previousMonth) }
            if bits & 4 != 0 { out.append(.sameMonthLastYear) }
            return out
        }
    }

    /// The judgement of the value at `entry` of a series.
    struct Judged {
        var entry: Int
        var unit: Int
        var expected: Double
        var score: Double
        var checks: CheckSet
        var flagged: Bool
    }

    /// Judges every value of `series` whose month `isJudged` (see `assess` for the rule) and hands each judgement
    /// to `keep`, unit by unit, months ascending. Cost: O(values), plus O(values × months in the history) for the
    /// look-back of the same month last year within a unit (at most 12 steps each).
    func judge(_ series: AnomalySeries, stock: Bool, resolution: Double, isJudged: (Int) -> Bool,
               keep: (Judged) -> Void) {
        var scratch: [Double] = []
        let n = series.count
        guard let common = series.value.contains(where: { $0 > 0 })
            ? max(offsetFraction * OrderStatistics.median(of: series.value.lazy.filter { $0 > 0 }, scratch: &scratch),
                  resolution)
            : nil
        else { return }
        let needed = max(minimumMonths, 1)
        var eligible = [Bool](repeating: false, count: series.unitCount)
        var eligibleCount = 0
        for u in 0..<series.unitCount where series.unitStart[u + 1] - series.unitStart[u] >= needed {
            eligible[u] = true
            eligibleCount += 1
        }
        guard eligibleCount > minimumPeers else { return }

        // Log scale, each unit's offset and first level; each value's unit and compact month.
        var y = [Double](repeating: 0, count: n)
        var offsets = [Double](repeating: 0, count: series.unitCount)
        var level = [Double](repeating: 0, count: series.unitCount)
        var unitOf = [Int32](repeating: -1, count: n)
        for u in 0..<series.unitCount where eligible[u] {
            let range = series.unitStart[u]..<series.unitStart[u + 1]
            let positive = series.value[range].lazy.filter { $0 > 0 }
            let c = positive.isEmpty
                ? common : max(offsetFraction * OrderStatistics.median(of: positive, scratch: &scratch), resolution)
            offsets[u] = c
            for e in range {
                y[e] = log(series.value[e] + c)
                unitOf[e] = Int32(u)
            }
            level[u] = OrderStatistics.median(of: y[range], scratch: &scratch)
        }
        let months = MonthColumns(series, unitOf: unitOf)

        // A unit's level is the median of its months after the season is taken out (median polish).
        var season = [Double](repeating: 0, count: months.count)
        for _ in 0..<Self.polishRounds {
            for k in 0..<months.count {
                let entries = months.entries(k)
                if !entries.isEmpty {
                    season[k] = OrderStatistics.median(
                        of: entries.lazy.map { y[Int($0)] - level[Int(unitOf[Int($0)])] }, scratch: &scratch)
                }
            }
            for u in 0..<series.unitCount where eligible[u] {
                let range = series.unitStart[u]..<series.unitStart[u + 1]
                level[u] = OrderStatistics.median(of: range.lazy.map { y[$0] - season[months.column[$0]] },
                                                  scratch: &scratch)
            }
        }

        // Each check's residuals (NaN where it cannot be made).
        let previousEntry: (Int) -> Int? = { e in
            let u = Int(unitOf[e])
            return e > series.unitStart[u] && series.month[e - 1] == series.month[e] - 1 ? e - 1 : nil
        }
        let lastYearEntry: (Int) -> Int? = { e in
            let start = series.unitStart[Int(unitOf[e])]
            let target = series.month[e] - 12
            var p = e - 1
            while p >= start && series.month[p] > target { p -= 1 }
            return p >= start && series.month[p] == target ? p : nil
        }
        let peers = residuals(months, count: n, scratch: &scratch) { e in y[e] - level[Int(unitOf[e])] }
        let previous = stock
            ? residuals(months, count: n, scratch: &scratch) { e in previousEntry(e).map { y[e] - y[$0] } } : nil
        let lastYear = residuals(months, count: n, scratch: &scratch) { e in lastYearEntry(e).map { y[e] - y[$0] } }
        let scales = [peers, previous, lastYear].map { check -> Double in
            guard let check, let spread = robustScale(check, scratch: &scratch) else { return scaleFloor }
            return max(spread, scaleFloor)
        }
        let minimumLog = log(max(minimumFactor, 1))

        for u in 0..<series.unitCount where eligible[u] {
            for e in series.unitStart[u]..<series.unitStart[u + 1] where isJudged(series.month[e]) {
                let r0 = peers[e]
                guard !r0.isNaN else { continue }
                var bits: UInt8 = 1
                let sign: Double = r0 >= 0 ? 1 : -1
                func far(_ r: Double, _ s: Double) -> Bool { r * sign > 0 && abs(r) / s > threshold && abs(r) > minimumLog }
                var flagged = far(r0, scales[0])
                var weakest = r0 / scales[0]
                for (bit, check, scale) in [(UInt8(2), previous, scales[1]), (UInt8(4), lastYear, scales[2])] {
                    guard let r = check?[e], !r.isNaN else { continue }
                    bits |= bit
                    flagged = flagged && far(r, scale)
                    if abs(r / scale) < abs(weakest) { weakest = r / scale }
                }
                keep(Judged(entry: e, unit: u, expected: max(exp(y[e] - r0) - offsets[u], 0), score: weakest,
                            checks: CheckSet(bits: bits), flagged: flagged))
            }
        }
    }

    /// For each value with a `raw` figure: `raw` minus the median of the other units' `raw` that month, where at
    /// least `minimumPeers` others have one; NaN elsewhere. The median of the others is read off three order
    /// statistics of the month: removing one copy of v from the sorted values shifts the middle only past v.
    private func residuals(
        _ months: MonthColumns, count: Int, scratch: inout [Double], _ raw: (Int) -> Double?
    ) -> [Double] {
        var out = [Double](repeating: .nan, count: count)
        var present: [(entry: Int, value: Double)] = []
        for k in 0..<months.count {
            present.removeAll(keepingCapacity: true)
            for e in months.entries(k) { if let v = raw(Int(e)) { present.append((Int(e), v)) } }
            guard present.count > minimumPeers, present.count >= 2 else { continue }
            let n = present.count - 1
            let h = n / 2
            let (a, b, c) = withScratch(present.lazy.map(\.value), &scratch) { OrderStatistics.three($0, from: n % 2 == 0 ? h - 1 : h) }
            for (e, v) in present {
                let others: Double
                if n % 2 == 1 {
                    others = v > a ? a : b!  // sorted[h], sorted[h + 1]
                } else {
                    let low = v > a ? a : b!    // sorted[h - 1], sorted[h]
                    let high = v > b! ? b! : c!  // sorted[h], sorted[h + 1]
                    others = (low + high) / 2
                }
                out[e] = v - others
            }
        }
        return out
    }

    /// 1.4826 × the median absolute deviation of the values that are not NaN; nil when there are none.
    private func robustScale(_ values: [Double], scratch: inout [Double]) -> Double? {
        let present = values.lazy.filter { !$0.isNaN }
        guard !present.isEmpty else { return nil }
        let med = OrderStatistics.median(of: present, scratch: &scratch)
        return 1.4826 * OrderStatistics.median(of: present.map { abs($0 - med) }, scratch: &scratch)
    }

    private func withScratch<C: Collection, R>(
        _ values: C, _ scratch: inout [Double], _ body: (UnsafeMutableBufferPointer<Double>) -> R
    ) -> R where C.Element == Double {
        let count = values.count
        if scratch.count < count { scratch = [Double](repeating: 0, count: max(count, scratch.count * 2)) }
        return scratch.withUnsafeMutableBufferPointer { all in
            let part = UnsafeMutableBufferPointer(rebasing: all[0..<count])
            _ = part.initialize(from: values)
            return body(part)
        }
    }
}

/// The values of a series grouped by month: the distinct months in ascending order (compact columns) and, for
/// each, the entries of eligible units in ascending unit order.
private struct MonthColumns {
    /// Compact column of each entry (only meaningful for entries of eligible units).
    var column: [Int]
    private var start: [Int]
    private var order: [Int32]
    var count: Int { start.count - 1 }

    init(_ series: AnomalySeries, unitOf: [Int32]) {
        // Months are compacted through a table over their span when it is small (always, for real periods), else
        // through a dictionary, so a stray far-off period costs one entry, not a column per month in between.
        var low = Int.max
        var high = Int.min
        for e in 0..<series.count where unitOf[e] >= 0 {
            low = min(low, series.month[e])
            high = max(high, series.month[e])
        }
        column = [Int](repeating: -1, count: series.count)
        guard low <= high else {
            start = [0]
            order = []
            return
        }
        let columnOf: (Int) -> Int
        let monthCount: Int
        if high - low < 1 << 16 {
            var table = [Int](repeating: -1, count: high - low + 1)
            for e in 0..<series.count where unitOf[e] >= 0 { table[series.month[e] - low] = 0 }
            var k = 0
            for i in table.indices where table[i] == 0 {
                table[i] = k
                k += 1
            }
            monthCount = k
            columnOf = { table[$0 - low] }
        } else {
            let distinct = Set(series.month.indices.lazy.filter { unitOf[$0] >= 0 }.map { series.month[$0] }).sorted()
            var table: [Int: Int] = [:]
            for (k, m) in distinct.enumerated() { table[m] = k }
            monthCount = distinct.count
            columnOf = { table[$0]! }
        }
        var counts = [Int](repeating: 0, count: monthCount + 1)
        for e in 0..<series.count where unitOf[e] >= 0 {
            let k = columnOf(series.month[e])
            column[e] = k
            counts[k + 1] += 1
        }
        let distinct = 0..<monthCount
        for k in 0..<distinct.count { counts[k + 1] += counts[k] }
        start = counts
        order = [Int32](repeating: 0, count: counts[distinct.count])
        var next = counts
        for e in 0..<series.count where unitOf[e] >= 0 {
            order[next[column[e]]] = Int32(e)
            next[column[e]] += 1
        }
    }

    func entries(_ k: Int) -> ArraySlice<Int32> { order[start[k]..<start[k + 1]] }
}
