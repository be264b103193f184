/// The robust rule that flags a district-month value far from that district's own history.
///
/// Iglewicz and Hoaglin's modified z-score: 0.6745 × (x − median) / MAD, flagged when its absolute value exceeds the
/// threshold (3.5). Counts such as births are often the same for months on end, making MAD 0; then the score falls
/// back to (x − median) / (1.253314 × mean absolute deviation), the usual variant (1.253314 ≈ √(π/2) scales the mean
/// absolute deviation to a standard deviation as 1/0.6745 does the MAD). When that is 0 too, every month of history
/// was identical and there is no spread to measure against: the value is not flagged, because any scale would be an
/// arbitrary choice and a flag on, say, the first non-zero month would be noise.
public enum OutlierRule {
    /// The score of `value` against `history`, with the history's median and MAD; nil when history has no spread.
    public static func score(value: Double, history: [Double]) -> (score: Double, median: Double, mad: Double)? {
        precondition(!history.isEmpty, "outlier score needs history")
        let med = median(history)
        let deviations = history.map { abs($0 - med) }
        let mad = median(deviations)
        if mad > 0 { return (0.6745 * (value - med) / mad, med, mad) }
        let meanDeviation = deviations.reduce(0, +) / Double(deviations.count)
        if meanDeviation > 0 { return ((value - med) / (1.253314 * meanDeviation), med, mad) }
        return nil
    }

    /// The median; the mean of the two middle values for an even count.
    public static func median(_ values: [Double]) -> Double {
        precondition(!values.isEmpty, "median of nothing")
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}

extension ValueIndex {
    /// Outliers among the district-month values in `months` (the report's windows), for every district and
    /// submittable indicator, sorted by district code, indicator id, month.
    ///
    /// The data point is the indicator's value for that one district-month by its own rule (sum over sub-areas for
    /// `sum` and `last`, mean of the raw values for `mean`). History is every earlier month in the inputs that holds
    /// a value (months without a value are skipped, not counted as 0); at least `minimumHistory` are required.
    func outliers(months: Set<Int>, threshold: Double, minimumHistory: Int) -> [Outlier] {
        // A first month has no history to be far from, whatever the option says.
        let needed = max(minimumHistory, 1)
        var result: [Outlier] = []
        for (d, district) in reference.districts.enumerated() {
            for (i, indicator) in reference.indicators.enumerated() where indicator.isSubmittable {
                let ordinals = monthsWithValues(indicator: i, district: d)
                guard ordinals.count > needed else { continue }
                let series = ordinals.map { monthValue(indicator: i, district: d, month: $0)! }
                for (k, ordinal) in ordinals.enumerated() where k >= needed && months.contains(ordinal) {
                    let history = Array(series[..<k])
                    guard let s = OutlierRule.score(value: series[k], history: history), abs(s.score) > threshold
                    else { continue }
                    result.append(Outlier(
                        districtCode: district.code, indicatorID: indicator.id, month: YearMonth(ordinal: ordinal),
                        value: series[k], median: s.median, mad: s.mad, score: s.score, historyMonths: k))
                }
            }
        }
        return result.sorted {
            ($0.districtCode, $0.indicatorID, $0.month.ordinal) < ($1.districtCode, $1.indicatorID, $1.month.ordinal)
        }
    }
}
