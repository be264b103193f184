extension ReferenceData {
    /// The annual target of an indicator for an area, with the province roll-up.
    ///
    /// A district's target is its own row in `targets.csv`. The province's is its own row when present; otherwise,
    /// for `sum` and `last` indicators (quantities that add up over districts), the sum of the district rows that
    /// exist, provided at least one does; otherwise nil. A `mean` or `ratio` target does not add up over districts
    /// (nine districts at 80 % is not 720 %), so those use their own province row or nothing.
    public func effectiveTarget(fiscalYear: Int, areaCode: String, indicator: Indicator) -> Double? {
        if let own = targetValue(fiscalYear: fiscalYear, areaCode: areaCode, indicatorID: indicator.id) { return own }
        guard areaCode == province.code else { return nil }
        switch indicator.aggregation {
        case .sum, .last:
            let rows = districts.compactMap {
                targetValue(fiscalYear: fiscalYear, areaCode: $0.code, indicatorID: indicator.id)
            }
            return rows.isEmpty ? nil : rows.reduce(0, +)
        case .mean, .ratio:
            return nil
        }
    }
}

extension Status {
    /// Progress of a year-to-date value against an annual target; nil without a value or a target.
    ///
    /// `elapsedMonths` is the number of months in the YTD window (1 for October … 12 for September). The share of the
    /// target due by now is `target × elapsedMonths / 12` for `sum` indicators (flows accumulate through the year)
    /// and the whole target for `last`, `mean` and `ratio` (a level is judged against its target at any time).
    ///
    /// Higher is better:
    /// - `achieved` when value ≥ target;
    /// - `onTrack` when value ≥ the due share (only reachable for `sum` before the year is complete);
    /// - `behind` otherwise.
    ///
    /// Lower is better, the mirror image. For a `sum` indicator (e.g. fire hotspots) the target is a *ceiling* on
    /// the year's total, so it cannot be "achieved" until the year is over:
    /// - `achieved` when the year is complete (12 months) and value ≤ target;
    /// - `onTrack` when the year is not complete and value ≤ the due share (spending the ceiling no faster than
    ///   evenly);
    /// - `behind` otherwise (including a value already above the ceiling, or above it at year end).
    ///
    /// For `last`, `mean` and `ratio` lower-is-better indicators the due share is the whole target: `achieved` when
    /// value ≤ target, else `behind`.
    public static func evaluate(
        value: Double?, target: Double?, aggregation: Aggregation, better: Direction, elapsedMonths: Int
    ) -> Status? {
        guard let value, let target else { return nil }
        precondition((1...12).contains(elapsedMonths), "elapsed months \(elapsedMonths) outside 1…12")
        let due = aggregation == .sum ? target * Double(elapsedMonths) / 12 : target
        switch better {
        case .higher:
            if value >= target { return .achieved }
            return value >= due ? .onTrack : .behind
        case .lower:
            if aggregation == .sum {
                if elapsedMonths == 12 { return value <= target ? .achieved : .behind }
                return value <= due ? .onTrack : .behind
            }
            return value <= target ? .achieved : .behind
        }
    }

    /// 100 × value / target; nil when either is missing or the target is 0.
    public static func achievementPercent(value: Double?, target: Double?) -> Double? {
        guard let value, let target, target != 0 else { return nil }
        return 100 * value / target
    }
}
