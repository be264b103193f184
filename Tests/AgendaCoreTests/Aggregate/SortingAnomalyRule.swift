import Foundation
@testable import AgendaCore

/// The anomaly rule as first written (dictionaries and full sorts), kept as the reference the flat, selection-based
/// `AnomalyRule.judge` must agree with value for value. Slow, plain and obviously the rule's definition.
struct SortingAnomalyRule {
    let rule: AnomalyRule

    func assess(series: [[Int: Double]], stock: Bool, months: Set<Int>, resolution: Double = 1) -> [AnomalyRule.Assessment] {
        guard let common = rule.offset(of: series.lazy.flatMap(\.values), resolution: resolution) else { return [] }
        let eligible = series.indices.filter { series[$0].count >= max(rule.minimumMonths, 1) }
        guard eligible.count > rule.minimumPeers else { return [] }
        // Log scale and each unit's level.
        var y: [Int: [Int: Double]] = [:]
        var level: [Int: Double] = [:]
        var offsets: [Int: Double] = [:]
        for u in eligible {
            let c = rule.offset(of: series[u].values, resolution: resolution) ?? common
            offsets[u] = c
            var logs: [Int: Double] = [:]
            for (m, x) in series[u] { logs[m] = log(x + c) }
            y[u] = logs
            level[u] = AnomalyRule.median(Array(logs.values))
        }
        let allMonths = Set(eligible.flatMap { series[$0].keys }).sorted()
        // A unit's level is the median of its months *after* the season is taken out (a few rounds of Tukey's
        // median polish): the plain median of a series that is high half the year and near zero the other half
        // jumps between the two when a single month is missing.
        for _ in 0..<AnomalyRule.polishRounds {
            var season: [Int: Double] = [:]
            for m in allMonths {
                let deviations = eligible.compactMap { u in y[u]![m].map { $0 - level[u]! } }
                if !deviations.isEmpty { season[m] = AnomalyRule.median(deviations) }
            }
            for u in eligible { level[u] = AnomalyRule.median(y[u]!.map { m, v in v - season[m]! }) }
        }

        // Per check: unit → month → (residual, expected log) where the check can be made.
        let peers = residuals(allMonths, eligible) { u, m in
            guard let v = y[u]?[m], let l = level[u] else { return nil }
            return v - l
        }
        let previous = stock ? residuals(allMonths, eligible) { u, m in
            guard let v = y[u]?[m], let p = y[u]?[m - 1] else { return nil }
            return v - p
        } : [:]
        let lastYear = residuals(allMonths, eligible) { u, m in
            guard let v = y[u]?[m], let p = y[u]?[m - 12] else { return nil }
            return v - p
        }
        let scales = [peers, previous, lastYear].map { check -> Double in
            let all = check.values.flatMap(\.values)
            guard !all.isEmpty else { return rule.scaleFloor }
            let med = AnomalyRule.median(all)
            return max(1.4826 * AnomalyRule.median(all.map { abs($0 - med) }), rule.scaleFloor)
        }
        let minimumLog = log(max(rule.minimumFactor, 1))

        var result: [AnomalyRule.Assessment] = []
        for u in eligible {
            for m in series[u].keys.sorted() where months.contains(m) {
                guard let r0 = peers[u]?[m] else { continue }
                var checks: [(AnomalyRule.Check, Double, Double)] = [(.peers, r0, scales[0])]
                if let r = previous[u]?[m] { checks.append((.previousMonth, r, scales[1])) }
                if let r = lastYear[u]?[m] { checks.append((.sameMonthLastYear, r, scales[2])) }
                let sign: Double = r0 >= 0 ? 1 : -1
                let flagged = checks.allSatisfy { _, r, s in
                    r * sign > 0 && abs(r) / s > rule.threshold && abs(r) > minimumLog
                }
                let weakest = checks.map { $0.1 / $0.2 }.min { abs($0) < abs($1) }!
                let x = series[u][m]!
                let expected = max(exp(y[u]![m]! - r0) - offsets[u]!, 0)
                result.append(AnomalyRule.Assessment(unit: u, month: m, value: x, expected: expected, score: weakest,
                                         checks: checks.map(\.0), flagged: flagged))
            }
        }
        return result
    }

    /// For each unit and month, `raw(u, m)` minus the median of the other units' `raw` that month; only where
    /// `raw` exists and at least `rule.minimumPeers` others have it.
    private func residuals(
        _ months: [Int], _ units: [Int], _ raw: (Int, Int) -> Double?
    ) -> [Int: [Int: Double]] {
        var out: [Int: [Int: Double]] = [:]
        for m in months {
            var present: [(unit: Int, value: Double)] = []
            for u in units { if let v = raw(u, m) { present.append((u, v)) } }
            guard present.count > rule.minimumPeers else { continue }
            // Sort by value, then unit, so the median without one element is read off the sorted order.
            present.sort { ($0.value, $0.unit) < ($1.value, $1.unit) }
            let n = present.count - 1
            for (k, entry) in present.enumerated() {
                func at(_ j: Int) -> Double { present[j < k ? j : j + 1].value }
                let others = n % 2 == 1 ? at(n / 2) : (at(n / 2 - 1) + at(n / 2)) / 2
                out[entry.unit, default: [:]][m] = entry.value - others
            }
        }
        return out
    }

}

/// The anomaly finder as first written (dictionaries per area), the reference for `AnomalyFinder`'s flat version.
enum DictionaryAnomalyFinder {
    static func find(
        reference: ReferenceData, imported: ImportResult, lastMonth: YearMonth, months: Set<Int>, rule: AnomalyRule
    ) -> [Anomaly] {
        let accepted = imported.accepted
        var indicatorPosition: [String: Int] = [:]
        for (i, indicator) in reference.indicators.enumerated() { indicatorPosition[indicator.id] = i }
        var districtPosition: [String: Int] = [:]
        for (d, district) in reference.districts.enumerated() { districtPosition[district.code] = d }
        let indicatorOfTable = accepted.indicatorIDs.map { indicatorPosition[$0] }
        let districtOfTable = accepted.districtCodes.map { districtPosition[$0] }
        let districtCount = reference.districts.count

        struct AreaKey: Hashable { var district: Int; var label: Int }
        // totals[i * districtCount + d][month] = (sum, count); areas[i][AreaKey][month] = value.
        var totals = Array(repeating: [Int: (sum: Double, count: Int)](), count: reference.indicators.count * districtCount)
        var areas = Array(repeating: [AreaKey: [Int: Double]](), count: reference.indicators.count)
        let lastOrdinal = lastMonth.ordinal
        for n in accepted.indices {
            let run = accepted.run(containing: n)
            let month = run.month
            guard month <= lastOrdinal,
                  let i = indicatorOfTable[run.indicator],
                  let d = districtOfTable[run.district],
                  reference.indicators[i].isSubmittable
            else { continue }
            let value = accepted.values[n]
            let slot = i * districtCount + d
            let old = totals[slot][month] ?? (0, 0)
            totals[slot][month] = (old.sum + value, old.count + 1)
            let label = Int(accepted.areaLabel[n])
            if label != 0 { areas[i][AreaKey(district: d, label: label), default: [:]][month, default: 0] += value }
        }

        var result: [Anomaly] = []
        for (i, indicator) in reference.indicators.enumerated() where indicator.isSubmittable {
            let stock = indicator.aggregation == .last
            let districtSeries: [[Int: Double]] = (0..<districtCount).map { d in
                totals[i * districtCount + d].mapValues { indicator.aggregation == .mean ? $0.sum / Double($0.count) : $0.sum }
            }
            let resolution = pow(10, -Double(indicator.decimals))
            let districtJudged = SortingAnomalyRule(rule: rule).assess(series: districtSeries, stock: stock, months: months,
                                             resolution: resolution)

            // Areas in a fixed order: district, then the label's UTF-8 bytes.
            let areaKeys = areas[i].keys.sorted {
                $0.district != $1.district
                    ? $0.district < $1.district
                    : accepted.labels[$0.label].utf8.lexicographicallyPrecedes(accepted.labels[$1.label].utf8)
            }
            let areaJudged = areaKeys.isEmpty
                ? [] : SortingAnomalyRule(rule: rule).assess(series: areaKeys.map { areas[i][$0]! }, stock: stock, months: months,
                              resolution: resolution)
            struct DistrictMonth: Hashable { var district: Int; var month: Int }
            var areaFlagged = Set<DistrictMonth>()
            var areaByMonth: [DistrictMonth: [AnomalyRule.Assessment]] = [:]
            for a in areaJudged {
                let key = areaKeys[a.unit]
                let dm = DistrictMonth(district: key.district, month: a.month)
                areaByMonth[dm, default: []].append(a)
                guard a.flagged else { continue }
                areaFlagged.insert(dm)
                result.append(Anomaly(
                    districtCode: reference.districts[key.district].code, month: YearMonth(ordinal: a.month),
                    indicatorID: indicator.id, area: accepted.labels[key.label], value: a.value,
                    expected: a.expected, score: a.score, checks: a.checks))
            }
            for t in districtJudged where t.flagged {
                let dm = DistrictMonth(district: t.unit, month: t.month)
                guard !areaFlagged.contains(dm) else { continue }
                var anomaly = Anomaly(
                    districtCode: reference.districts[t.unit].code, month: YearMonth(ordinal: t.month),
                    indicatorID: indicator.id, value: t.value, expected: t.expected, score: t.score, checks: t.checks)
                // The sub-area that explains most of the gap (sums and stocks only: a mean dilutes its parts).
                let gap = t.value - t.expected
                if indicator.aggregation != .mean, gap != 0, let parts = areaByMonth[dm] {
                    let best = parts.max { ($0.value - $0.expected) * gap < ($1.value - $1.expected) * gap }!
                    if (best.value - best.expected) / gap >= 0.5 {
                        anomaly.dominantArea = accepted.labels[areaKeys[best.unit].label]
                        anomaly.dominantAreaValue = best.value
                    }
                }
                result.append(anomaly)
            }
        }
        let districtRank = districtPosition
        return result.sorted { a, b in
            if a.districtCode != b.districtCode { return districtRank[a.districtCode]! < districtRank[b.districtCode]! }
            if a.month != b.month { return a.month < b.month }
            if a.indicatorID != b.indicatorID {
                return indicatorPosition[a.indicatorID]! < indicatorPosition[b.indicatorID]!
            }
            return a.area.utf8.lexicographicallyPrecedes(b.area.utf8)
        }
    }
}
