import Foundation

/// A flag with the integer keys the province list is sorted by.
struct FlaggedValue: Sendable {
    var district: Int
    var month: Int
    var indicator: Int
    /// The area's label id; 0 for a flag on a district's total.
    var label: Int
    var anomaly: Anomaly
}

/// Judges one indicator at both levels (see `AnomalyFinder`); one per indicator, run on any thread.
struct IndicatorJudge: Sendable {
    let reference: ReferenceData
    let accepted: AcceptedValues
    let districtOfTable: [Int]
    let areas: AreaNumbers
    /// The store's key runs of each indicator, in store order.
    let runs: [[Int]]
    let months: Set<Int>
    let rule: AnomalyRule

    func judge(_ i: Int) -> [FlaggedValue] {
        let indicator = reference.indicators[i]
        guard indicator.isSubmittable, !runs[i].isEmpty else { return [] }
        let (districtSeries, areaSeries, areaOfUnit) = series(runs[i], mean: indicator.aggregation == .mean)
        let stock = indicator.aggregation == .last
        let resolution = pow(10, -Double(indicator.decimals))
        let isJudged: (Int) -> Bool = { months.contains($0) }

        struct Total { var district: Int; var month: Int; var judged: AnomalyRule.Judged }
        var totals: [Total] = []
        rule.judge(districtSeries, stock: stock, resolution: resolution, isJudged: isJudged) { j in
            if j.flagged { totals.append(Total(district: j.unit, month: districtSeries.month[j.entry], judged: j)) }
        }

        var result: [FlaggedValue] = []
        var expected = [Double](repeating: .nan, count: areaSeries.count)
        var areaFlagged = Set<Int>()
        rule.judge(areaSeries, stock: stock, resolution: resolution, isJudged: isJudged) { j in
            expected[j.entry] = j.expected
            guard j.flagged else { return }
            let area = Int(areaOfUnit[j.unit])
            let d = Int(areas.district[area])
            let label = Int(areas.label[area])
            let month = areaSeries.month[j.entry]
            areaFlagged.insert(d << 32 | month)
            result.append(FlaggedValue(
                district: d, month: month, indicator: i, label: label,
                anomaly: Anomaly(districtCode: reference.districts[d].code, month: YearMonth(ordinal: month),
                                 indicatorID: indicator.id, area: accepted.labels[label],
                                 value: areaSeries.value[j.entry], expected: j.expected, score: j.score,
                                 checks: j.checks.checks)))
        }

        // A total flag names the sub-area that explains most of the gap (sums and stocks only: a mean dilutes its
        // parts): the largest (value − expected) × gap among the month's judged areas, ties to the first label.
        let shown = totals.filter { !areaFlagged.contains($0.district << 32 | $0.month) }
        var best: [Int: (entry: Int, label: Int)] = [:]
        var gaps: [Int: Double] = [:]
        for t in shown where indicator.aggregation != .mean {
            let gap = t.judged.value(in: districtSeries) - t.judged.expected
            if gap != 0 { gaps[t.district << 32 | t.month] = gap }
        }
        if !gaps.isEmpty {
            for u in 0..<areaSeries.unitCount {
                let area = Int(areaOfUnit[u])
                let d = Int(areas.district[area])
                for e in areaSeries.unitStart[u]..<areaSeries.unitStart[u + 1] where !expected[e].isNaN {
                    let key = d << 32 | areaSeries.month[e]
                    guard let gap = gaps[key] else { continue }
                    let label = Int(areas.label[area])
                    guard let current = best[key] else {
                        best[key] = (e, label)
                        continue
                    }
                    let mine = (areaSeries.value[e] - expected[e]) * gap
                    let theirs = (areaSeries.value[current.entry] - expected[current.entry]) * gap
                    if theirs < mine || (!(mine < theirs)
                        && accepted.labels[label].utf8.lexicographicallyPrecedes(accepted.labels[current.label].utf8)) {
                        best[key] = (e, label)
                    }
                }
            }
        }
        for t in shown {
            let value = t.judged.value(in: districtSeries)
            var anomaly = Anomaly(
                districtCode: reference.districts[t.district].code, month: YearMonth(ordinal: t.month),
                indicatorID: indicator.id, value: value, expected: t.judged.expected, score: t.judged.score,
                checks: t.judged.checks.checks)
            let key = t.district << 32 | t.month
            if let gap = gaps[key], let part = best[key],
               (areaSeries.value[part.entry] - expected[part.entry]) / gap >= 0.5 {
                anomaly.dominantArea = accepted.labels[part.label]
                anomaly.dominantAreaValue = areaSeries.value[part.entry]
            }
            result.append(FlaggedValue(district: t.district, month: t.month, indicator: i, label: 0, anomaly: anomaly))
        }
        return result
    }

    /// The indicator's district series (unit = district position; monthly sums, or means for `mean`) and area
    /// series (units in the order their areas are first met, each area's months summed in import order), with the
    /// area number of each area unit.
    private func series(_ runs: [Int], mean: Bool)
        -> (AnomalySeries, AnomalySeries, [Int32]) {
        let districtCount = reference.districts.count
        // Totals: the running sum of a (district, month) is kept while the values run in that key, so every value
        // is added in import order exactly as one pass over a dictionary would.
        var totals = [[Int: (sum: Double, count: Int)]](repeating: [:], count: districtCount)
        var run = (district: -1, month: -1, sum: 0.0, count: 0)
        func flush() { if run.district >= 0 { totals[run.district][run.month] = (run.sum, run.count) } }
        var unitOfArea = [Int32](repeating: -1, count: areas.count)
        var areaOfUnit: [Int32] = []
        var unitCounts: [Int] = [0]
        var entries: [(unit: Int32, month: Int32, value: Double)] = []
        for r in runs {
            let keyRun = accepted.run(r)
            let d = districtOfTable[keyRun.district]
            let month = keyRun.month
            if d != run.district || month != run.month {
                flush()
                let old = totals[d][month] ?? (0, 0)
                run = (d, month, old.sum, old.count)
            }
            for n in keyRun.range {
                let value = accepted.values[n]
                run.sum += value
                run.count += 1
                let label = Int(accepted.areaLabel[n])
                guard label != 0 else { continue }
                let area = areas.number(of: d, label)!
                if unitOfArea[area] < 0 {
                    unitOfArea[area] = Int32(areaOfUnit.count)
                    areaOfUnit.append(Int32(area))
                    unitCounts.append(0)
                }
                let unit = unitOfArea[area]
                unitCounts[Int(unit) + 1] += 1
                entries.append((unit, Int32(month), value))
            }
        }
        flush()

        var districtSeries = AnomalySeries()
        for d in 0..<districtCount {
            districtSeries.appendUnit(totals[d].sorted { $0.key < $1.key }.lazy.map {
                (month: $0.key, value: mean ? $0.value.sum / Double($0.value.count) : $0.value.sum)
            })
        }

        // Area entries grouped by unit (a stable counting sort), then each unit's months in order, a month met
        // twice summed in import order.
        for u in 0..<areaOfUnit.count { unitCounts[u + 1] += unitCounts[u] }
        var grouped = [Int32](repeating: 0, count: entries.count)
        var next = unitCounts
        for (k, entry) in entries.enumerated() {
            grouped[next[Int(entry.unit)]] = Int32(k)
            next[Int(entry.unit)] += 1
        }
        var areaSeries = AnomalySeries(capacity: entries.count)
        var unitEntries: [(month: Int, order: Int, value: Double)] = []
        var merged: [(month: Int, value: Double)] = []
        for u in 0..<areaOfUnit.count {
            unitEntries.removeAll(keepingCapacity: true)
            for k in grouped[unitCounts[u]..<unitCounts[u + 1]] {
                let entry = entries[Int(k)]
                unitEntries.append((Int(entry.month), Int(k), entry.value))
            }
            // Months in order; a month met twice keeps import order, so its values add up as they were met.
            if zip(unitEntries, unitEntries.dropFirst()).contains(where: { $0.month >= $1.month }) {
                unitEntries.sort { ($0.month, $0.order) < ($1.month, $1.order) }
            }
            merged.removeAll(keepingCapacity: true)
            for (month, _, value) in unitEntries {
                if let last = merged.last, last.month == month {
                    merged[merged.count - 1].value += value
                } else {
                    merged.append((month, 0 + value))
                }
            }
            areaSeries.appendUnit(merged)
        }
        return (districtSeries, areaSeries, areaOfUnit)
    }
}

extension AnomalyRule.Judged {
    func value(in series: AnomalySeries) -> Double { series.value[entry] }
}
