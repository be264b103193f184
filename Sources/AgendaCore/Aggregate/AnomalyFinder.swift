import Foundation

/// Runs `AnomalyRule` over an import at two levels and merges the findings into one flag per mistake.
///
/// - District level: each district's monthly value by the indicator's rule (summed over sub-areas for `sum` and
///   `last`, the mean of the raw values for `mean`); the units are the districts.
/// - Area level: for indicators reported per sub-area, each (district, area) series on its own; the units are all
///   areas of the indicator in the province, so the season cancels as it does between districts. This finds a ×10
///   typed into one of fifteen sub-districts, which moves the district's total too little to show.
///
/// An area flag is reported instead of its district's total flag for the same month and indicator (one mistake,
/// one row). A total flag names the sub-area whose own gap from its expected value accounts for at least half of
/// the total's gap, when one does. Ratios are computed from their parts and never judged.
///
/// Cost: linear in the values (one pass over the store's key runs, then each indicator's series on its own,
/// indicators on every core); only the flags are sorted. Results do not depend on the number of threads.
enum AnomalyFinder {
    /// Every core, at most four: each thread holds one indicator's arrays (about 100 MB for a year of 72,000
    /// villages), and on a many-core server more threads would lift the report's peak above the input's size
    /// for little gain.
    static var defaultWorkers: Int { max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4)) }

    static func find(
        reference: ReferenceData, imported: ImportResult, lastMonth: YearMonth, months: Set<Int>, rule: AnomalyRule,
        workers: Int = defaultWorkers
    ) -> [Anomaly] {
        let accepted = imported.accepted
        var indicatorPosition: [String: Int] = [:]
        for (i, indicator) in reference.indicators.enumerated() { indicatorPosition[indicator.id] = i }
        var districtPosition: [String: Int] = [:]
        for (d, district) in reference.districts.enumerated() { districtPosition[district.code] = d }
        let indicatorOfTable = accepted.indicatorIDs.map { id -> Int in
            guard let i = indicatorPosition[id], reference.indicators[i].isSubmittable else { return -1 }
            return i
        }
        let districtOfTable = accepted.districtCodes.map { districtPosition[$0] ?? -1 }

        // The key runs that count, by indicator in store order, and the (district, area) pairs numbered once for
        // all indicators.
        let lastOrdinal = lastMonth.ordinal
        let indicatorCount = reference.indicators.count
        var runs = [[Int]](repeating: [], count: indicatorCount)
        var areas = AreaNumbers(labelCount: accepted.labels.count)
        // An indicator without a value in the judged months has nothing to flag: a nightly run early in a quarter
        // judges two months, and judging three years of history for none of them was most of its time.
        let judged = JudgedMonths(months)
        var anyJudged = [Bool](repeating: false, count: indicatorCount)
        for r in 0..<accepted.runCount {
            let run = accepted.run(r)
            let i = indicatorOfTable[run.indicator]
            let d = districtOfTable[run.district]
            guard run.month <= lastOrdinal, i >= 0, d >= 0 else { continue }
            runs[i].append(r)
            for n in run.range { areas.number(district: d, label: Int(accepted.areaLabel[n])) }
            if judged.contains(run.month) { anyJudged[i] = true }
        }

        let context = IndicatorJudge(
            reference: reference, accepted: accepted, districtOfTable: districtOfTable, areas: areas, runs: runs,
            months: months, rule: rule)
        let toJudge = anyJudged
        let flagged = ParallelSlots.map(count: indicatorCount, workers: workers) { i in
            toJudge[i] ? context.judge(i) : []
        }.flatMap { $0 }

        // Province order: district, month, indicator, then the area's UTF-8 bytes (a total's empty area first).
        let sorted = flagged.indices.sorted { x, y in
            let a = flagged[x], b = flagged[y]
            if a.district != b.district { return a.district < b.district }
            if a.month != b.month { return a.month < b.month }
            if a.indicator != b.indicator { return a.indicator < b.indicator }
            return accepted.labels[a.label].utf8.lexicographicallyPrecedes(accepted.labels[b.label].utf8)
        }
        return sorted.map { flagged[$0].anomaly }
    }
}

/// Membership in a set of month ordinals without hashing: a table over their span (a handful of months).
struct JudgedMonths {
    private let low: Int
    private let table: [Bool]
    private let others: Set<Int>

    init(_ months: Set<Int>) {
        let low = months.min() ?? 0
        let high = months.max() ?? -1
        self.low = low
        if high - low < 1 << 12 {
            var table = [Bool](repeating: false, count: max(high - low + 1, 0))
            for m in months { table[m - low] = true }
            self.table = table
            others = []
        } else {
            table = []
            others = months
        }
    }

    func contains(_ month: Int) -> Bool {
        let i = month - low
        return table.isEmpty ? others.contains(month) : i >= 0 && i < table.count && table[i]
    }
}

/// Every (district, area label) pair of an import's values, numbered in the order first met.
///
/// Why a table per label and not a dictionary of pairs: nearly every label (a village code) belongs to one
/// district, so one array look-up numbers it; only a label met in a second district goes through the dictionary.
struct AreaNumbers: Sendable {
    private var firstDistrict: [Int32]
    private var firstNumber: [Int32]
    private var others: [Int: Int32] = [:]
    /// District and label of each number.
    private(set) var district: [Int32] = []
    private(set) var label: [Int32] = []

    init(labelCount: Int) {
        firstDistrict = [Int32](repeating: -1, count: labelCount)
        firstNumber = [Int32](repeating: -1, count: labelCount)
    }

    var count: Int { district.count }

    /// Numbers the pair when it is new; label 0 (no area) is never numbered.
    mutating func number(district d: Int, label: Int) {
        guard label != 0, self.number(of: d, label) == nil else { return }
        let number = Int32(district.count)
        district.append(Int32(d))
        self.label.append(Int32(label))
        if firstDistrict[label] < 0 {
            firstDistrict[label] = Int32(d)
            firstNumber[label] = number
        } else {
            others[label << 16 | d] = number
        }
    }

    /// The number of a pair already numbered.
    func number(of d: Int, _ label: Int) -> Int? {
        if firstDistrict[label] == Int32(d) { return Int(firstNumber[label]) }
        if firstDistrict[label] < 0 { return nil }
        return others[label << 16 | d].map(Int.init)
    }
}

/// Runs `body` for `0 ..< count` on up to `workers` threads and returns the results in index order.
enum ParallelSlots {
    static func map<T: Sendable>(count: Int, workers: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        let box = Slots<T>(count: count)
        let threads = max(1, min(workers, count))
        guard threads > 1 else { return (0..<count).map(body) }
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let i = box.claim() { box.put(i, body(i)) }
        }
        return box.results.map { $0! }
    }

    /// @unchecked Sendable: `next` and `results` are touched only while `lock` is held.
    private final class Slots<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private(set) var results: [T?]
        init(count: Int) { results = [T?](repeating: nil, count: count) }
        func claim() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < results.count else { return nil }
            next += 1
            return next - 1
        }
        func put(_ i: Int, _ value: T) {
            lock.lock()
            results[i] = value
            lock.unlock()
        }
    }
}
