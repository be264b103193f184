import Foundation

/// What one district reported for one indicator in one month, folded over its sub-areas.
struct MonthPartial: Sendable, Hashable {
    /// Sum of the month's raw values (over sub-areas).
    var sum: Double
    /// Number of raw values: the divisor for `mean`.
    var count: Int
    /// Latest modification time of the files that supplied these values (for timeliness).
    var lastModified: Date
}

/// Accepted values grouped once by (indicator, district, month) into per-month partial sums and counts.
///
/// Built in one pass over `ImportResult.accepted` (linear in rows); every window, comparison and completeness cell
/// reads from here, so the cost of a report is rows + (windows × indicators × areas × 12), never
/// rows × windows. Superseded values are never read: they live only in `ImportResult.superseded`.
struct ValueIndex: Sendable {
    let reference: ReferenceData
    /// Indicator position in `reference.indicators`, by id.
    let indicatorPosition: [String: Int]
    /// District position in `reference.districts`, by code.
    let districtPosition: [String: Int]
    /// `cells[indicator * districtCount + district]` maps a month ordinal to that month's partial.
    private(set) var cells: [[Int: MonthPartial]]

    var districtCount: Int { reference.districts.count }

    /// - Parameter lastMonth: values for later months are ignored (the report is as of this month).
    init(reference: ReferenceData, imported: ImportResult, lastMonth: YearMonth) {
        self.reference = reference
        var positions: [String: Int] = [:]
        for (i, indicator) in reference.indicators.enumerated() { positions[indicator.id] = i }
        indicatorPosition = positions
        var districts: [String: Int] = [:]
        for (i, district) in reference.districts.enumerated() { districts[district.code] = i }
        districtPosition = districts
        cells = Array(repeating: [:], count: reference.indicators.count * reference.districts.count)

        let modified = imported.sources.map(\.modified)
        let lastOrdinal = lastMonth.ordinal
        let accepted = imported.accepted
        // Read the store's columns, mapping its own table indices to reference positions once, so no String is
        // hashed or even built per value. Unknown codes cannot occur after ingestion's validation and are skipped
        // rather than trusted.
        let indicatorOfTable = accepted.indicatorIDs.map { positions[$0] }
        let districtOfTable = accepted.districtCodes.map { districts[$0] }
        let districtCount = reference.districts.count
        for r in 0..<accepted.runCount {
            let run = accepted.run(r)
            let month = run.month
            // Later months are outside an as-of report.
            guard month <= lastOrdinal,
                  let i = indicatorOfTable[run.indicator],
                  let d = districtOfTable[run.district]
            else { continue }
            // The run's cell is read and written once; its values are added in order, as one by one.
            let slot = i * districtCount + d
            var partial = cells[slot][month]
            for n in run.range {
                let source = Int(accepted.sourceIndex[n])
                precondition(modified.indices.contains(source), "accepted value points at a missing source")
                let fileTime = modified[source]
                let value = accepted.values[n]
                if var known = partial {
                    known.sum += value
                    known.count += 1
                    known.lastModified = max(known.lastModified, fileTime)
                    partial = known
                } else {
                    partial = MonthPartial(sum: value, count: 1, lastModified: fileTime)
                }
            }
            cells[slot][month] = partial
        }
    }

    func partial(indicator: Int, district: Int, month: YearMonth) -> MonthPartial? {
        cells[indicator * districtCount + district][month.ordinal]
    }
}

/// An area a fact is computed for: one district (by position) or the whole province.
enum AreaScope: Hashable, Sendable {
    case district(Int)
    case province
}

extension ValueIndex {
    /// The value of an indicator over `months` in `area`, by the indicator's own aggregation rule; nil when the scope
    /// holds no accepted value (never 0), or for a ratio without both parts or with a zero denominator.
    func value(indicator i: Int, area: AreaScope, months: [YearMonth]) -> Double? {
        let indicator = reference.indicators[i]
        switch indicator.aggregation {
        case .sum:
            return total(indicator: i, area: area, months: months)?.sum
        case .mean:
            guard let t = total(indicator: i, area: area, months: months) else { return nil }
            return t.sum / Double(t.count)
        case .last:
            switch area {
            case .district(let d):
                return latest(indicator: i, district: d, months: months)
            case .province:
                // Each district counts with its own latest month, even when that differs between districts.
                var sum = 0.0
                var any = false
                for d in 0..<districtCount {
                    if let v = latest(indicator: i, district: d, months: months) {
                        sum += v
                        any = true
                    }
                }
                return any ? sum : nil
            }
        case .ratio:
            guard let numeratorID = indicator.numeratorID, let denominatorID = indicator.denominatorID,
                  let n = indicatorPosition[numeratorID], let dn = indicatorPosition[denominatorID]
            else { preconditionFailure("ratio \(indicator.id) without resolvable parts") }
            guard let numerator = value(indicator: n, area: area, months: months),
                  let denominator = value(indicator: dn, area: area, months: months),
                  denominator != 0
            else { return nil }
            return 100 * numerator / denominator
        }
    }

    /// Sum and count of raw values over `months` and `area`; nil when there are none.
    private func total(indicator i: Int, area: AreaScope, months: [YearMonth]) -> (sum: Double, count: Int)? {
        var sum = 0.0
        var count = 0
        func add(_ d: Int) {
            let cell = cells[i * districtCount + d]
            for m in months {
                if let p = cell[m.ordinal] {
                    sum += p.sum
                    count += p.count
                }
            }
        }
        switch area {
        case .district(let d): add(d)
        case .province: for d in 0..<districtCount { add(d) }
        }
        return count > 0 ? (sum, count) : nil
    }

    /// The district's value in the latest of `months` that holds any value of the indicator, summed over sub-areas.
    private func latest(indicator i: Int, district d: Int, months: [YearMonth]) -> Double? {
        let cell = cells[i * districtCount + d]
        for m in months.sorted(by: >) {
            if let p = cell[m.ordinal] { return p.sum }
        }
        return nil
    }
}
