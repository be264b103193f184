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
    /// to `keep`, unit by unit, months ascending. Cost: O(values); the look-back to the same month last year
    /// within a unit takes one step when no month is missing in between, at most twelve otherwise.
    func judge(_ series: AnomalySeries, stock: Bool, resolution: Double, isJudged: (Int) -> Bool,
               keep: (Judged) -> Void) {
        let n = series.count
        let scratch = Scratch(capacity: n)
        let value = series.value
        let start = series.unitStart
        let positives = scratch.fill { out in
            var k = 0
            for x in value where x > 0 { out[k] = x; k += 1 }
            return k
        }
        guard positives > 0 else { return }
        let common = max(offsetFraction * scratch.median(positives), resolution)
        let needed = max(minimumMonths, 1)
        var eligible = [Bool](repeating: false, count: series.unitCount)
        var eligibleCount = 0
        for u in 0..<series.unitCount where start[u + 1] - start[u] >= needed {
            eligible[u] = true
            eligibleCount += 1
        }
        guard eligibleCount > minimumPeers else { return }

        // Log scale, each unit's offset and first level; each value's unit.
        var y = [Double](repeating: 0, count: n)
        var offsets = [Double](repeating: 0, count: series.unitCount)
        var level = [Double](repeating: 0, count: series.unitCount)
        var unitOf = [Int32](repeating: -1, count: n)
        for u in 0..<series.unitCount where eligible[u] {
            let count = scratch.fill { out in
                var k = 0
                for e in start[u]..<start[u + 1] where value[e] > 0 { out[k] = value[e]; k += 1 }
                return k
            }
            let c = count == 0 ? common : max(offsetFraction * scratch.median(count), resolution)
            offsets[u] = c
            for e in start[u]..<start[u + 1] {
                y[e] = log(value[e] + c)
                unitOf[e] = Int32(u)
            }
            level[u] = scratch.median(of: y, start[u]..<start[u + 1])
        }
        let months = MonthColumns(series, unitOf: unitOf)
        // Month-major copies of y and of each value's unit (position j is `months.order[j]`): the per-month passes
        // read them in order. Gathering y through `order` in every round missed the cache on nearly every value
        // at village scale (units are tens of thousands, each month's values a unit's length apart); every median
        // is of the same values as before, so nothing changes but the order they are read in.
        let yByMonth = months.gather(y)
        let unitByMonth = months.gather(unitOf)

        // A unit's level is the median of its months after the season is taken out (median polish).
        var season = [Double](repeating: 0, count: months.count)
        for _ in 0..<Self.polishRounds {
            for k in 0..<months.count {
                let entries = months.positions(k)
                guard !entries.isEmpty else { continue }
                let count = scratch.fill { out in
                    var i = 0
                    for j in entries { out[i] = yByMonth[j] - level[Int(unitByMonth[j])]; i += 1 }
                    return i
                }
                season[k] = scratch.median(count)
            }
            for u in 0..<series.unitCount where eligible[u] {
                let count = scratch.fill { out in
                    var i = 0
                    for e in start[u]..<start[u + 1] { out[i] = y[e] - season[months.column[e]]; i += 1 }
                    return i
                }
                level[u] = scratch.median(count)
            }
        }

        // Each check's raw figure (NaN where it cannot be made), then its residuals against the other units; all
        // month-major, like the polish (a value's figures are at `months.position[e]`).
        let peers = residuals(
            (0..<yByMonth.count).map { yByMonth[$0] - level[Int(unitByMonth[$0])] }, months, scratch)
        var raw = [Double](repeating: .nan, count: n)
        var previous: [Double]?
        if stock {
            for e in 0..<n where unitOf[e] >= 0 {
                let first = start[Int(unitOf[e])]
                raw[e] = e > first && series.month[e - 1] == series.month[e] - 1 ? y[e] - y[e - 1] : .nan
            }
            previous = residuals(months.gather(raw), months, scratch)
        }
        for e in 0..<n where unitOf[e] >= 0 {
            let first = start[Int(unitOf[e])]
            let target = series.month[e] - 12
            // Months increase within a unit, so the month a year back is at most twelve entries back: exactly
            // twelve when none is missing in between, and nowhere when the unit starts later.
            if series.month[first] > target {
                raw[e] = .nan
                continue
            }
            var p = e - 1
            if e - 12 >= first && series.month[e - 12] >= target { p = e - 12 }
            while p >= first && series.month[p] > target { p -= 1 }
            raw[e] = p >= first && series.month[p] == target ? y[e] - y[p] : .nan
        }
        let lastYear = residuals(months.gather(raw), months, scratch)
        let scales = [peers, previous, lastYear].map { check -> Double in
            guard let check, let spread = robustScale(check, scratch) else { return scaleFloor }
            return max(spread, scaleFloor)
        }
        let minimumLog = log(max(minimumFactor, 1))
        let judgedColumn = months.ordinals.map(isJudged)

        for u in 0..<series.unitCount where eligible[u] {
            for e in start[u]..<start[u + 1] where judgedColumn[months.column[e]] {
                let j = Int(months.position[e])
                let r0 = peers[j]
                guard !r0.isNaN else { continue }
                var bits: UInt8 = 1
                let sign: Double = r0 >= 0 ? 1 : -1
                func far(_ r: Double, _ s: Double) -> Bool { r * sign > 0 && abs(r) / s > threshold && abs(r) > minimumLog }
                var flagged = far(r0, scales[0])
                var weakest = r0 / scales[0]
                if let r = previous?[j], !r.isNaN {
                    bits |= 2
                    flagged = flagged && far(r, scales[1])
                    if abs(r / scales[1]) < abs(weakest) { weakest = r / scales[1] }
                }
                let r = lastYear[j]
                if !r.isNaN {
                    bits |= 4
                    flagged = flagged && far(r, scales[2])
                    if abs(r / scales[2]) < abs(weakest) { weakest = r / scales[2] }
                }
                keep(Judged(entry: e, unit: u, expected: max(exp(y[e] - r0) - offsets[u], 0), score: weakest,
                            checks: CheckSet(bits: bits), flagged: flagged))
            }
        }
    }

    /// For each value with a `raw` figure (month-major, as `MonthColumns.gather` lays them out): `raw` minus the
    /// median of the other units' `raw` that month, where at least `minimumPeers` others have one; NaN elsewhere.
    /// The median of the others is read off three order statistics of the month: removing one copy of v from the
    /// sorted values shifts the middle only past v.
    private func residuals(_ raw: [Double], _ months: MonthColumns, _ scratch: Scratch) -> [Double] {
        var out = [Double](repeating: .nan, count: raw.count)
        for k in 0..<months.count {
            let entries = months.positions(k)
            let count = scratch.fill { buffer in
                var i = 0
                for e in entries where !raw[e].isNaN { buffer[i] = raw[e]; i += 1 }
                return i
            }
            guard count > minimumPeers, count >= 2 else { continue }
            let n = count - 1
            let h = n / 2
            let (a, b, c) = OrderStatistics.three(scratch.prefix(count), from: n % 2 == 0 ? h - 1 : h)
            for e in entries {
                let v = raw[e]
                guard !v.isNaN else { continue }
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
    private func robustScale(_ values: [Double], _ scratch: Scratch) -> Double? {
        let count = scratch.fill { out in
            var i = 0
            for v in values where !v.isNaN { out[i] = v; i += 1 }
            return i
        }
        guard count > 0 else { return nil }
        let med = scratch.median(count)
        // The median reorders the buffer but keeps its values: their deviations are taken in place.
        let buffer = scratch.prefix(count)
        for i in 0..<count { buffer[i] = abs(buffer[i] - med) }
        return 1.4826 * scratch.median(count)
    }
}

/// One buffer of doubles reused for every median of a judgement, so no median allocates.
private final class Scratch {
    private let buffer: UnsafeMutableBufferPointer<Double>

    init(capacity: Int) { buffer = .allocate(capacity: max(capacity, 1)) }
    deinit { buffer.deallocate() }

    /// Lets `body` write values from the start and return how many it wrote.
    func fill(_ body: (UnsafeMutableBufferPointer<Double>) -> Int) -> Int { body(buffer) }

    func prefix(_ count: Int) -> UnsafeMutableBufferPointer<Double> { UnsafeMutableBufferPointer(rebasing: buffer[0..<count]) }

    /// The median of the first `count` values (reordering them).
    func median(_ count: Int) -> Double { OrderStatistics.median(prefix(count)) }

    /// The median of `values[range]`.
    func median(of values: [Double], _ range: Range<Int>) -> Double {
        for (i, e) in range.enumerated() { buffer[i] = values[e] }
        return median(range.count)
    }
}

/// The values of a series grouped by month: the distinct months in ascending order (compact columns) and, for
/// each, the entries of eligible units in ascending unit order.
private struct MonthColumns {
    /// Compact column of each entry (only meaningful for entries of eligible units).
    var column: [Int]
    /// Where each entry of an eligible unit is in `order` (month-major), -1 for the others.
    private(set) var position: [Int32]
    /// Month ordinal of each column.
    private(set) var ordinals: [Int] = []
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
        position = [Int32](repeating: -1, count: series.count)
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
                ordinals.append(low + i)
                k += 1
            }
            monthCount = k
            let fixed = table
            columnOf = { fixed[$0 - low] }
        } else {
            let distinct = Set(series.month.indices.lazy.filter { unitOf[$0] >= 0 }.map { series.month[$0] }).sorted()
            var table: [Int: Int] = [:]
            for (k, m) in distinct.enumerated() { table[m] = k }
            monthCount = distinct.count
            ordinals = distinct
            let fixed = table
            columnOf = { fixed[$0]! }
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
            position[e] = Int32(next[column[e]])
            next[column[e]] += 1
        }
    }

    /// Positions in `order` (and in any `gather`ed array) of column `k`'s entries.
    func positions(_ k: Int) -> Range<Int> { start[k]..<start[k + 1] }

    /// `values` (one per entry of the series) month-major: column after column, each in ascending unit order.
    func gather<T>(_ values: [T]) -> [T] { order.map { values[Int($0)] } }
}
