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
/// the total's gap, when one does. Ratios are computed from their parts and never judged. Cost: one pass over the
/// values to group them, then sorting within each month's units: O(values log values).
enum AnomalyFinder {
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
            let month = Int(accepted.monthOrdinal[n])
            guard month <= lastOrdinal,
                  let i = indicatorOfTable[Int(accepted.indicatorIndex[n])],
                  let d = districtOfTable[Int(accepted.districtIndex[n])],
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
            let districtJudged = rule.assess(series: districtSeries, stock: stock, months: months,
                                             resolution: resolution)

            // Areas in a fixed order: district, then the label's UTF-8 bytes.
            let areaKeys = areas[i].keys.sorted {
                $0.district != $1.district
                    ? $0.district < $1.district
                    : accepted.labels[$0.label].utf8.lexicographicallyPrecedes(accepted.labels[$1.label].utf8)
            }
            let areaJudged = areaKeys.isEmpty
                ? [] : rule.assess(series: areaKeys.map { areas[i][$0]! }, stock: stock, months: months,
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
