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
    /// `yearIsOver` (the window is the whole fiscal year and the report is as of a day after 30 September; see
    /// `ReportScope.isFinishedYear(asOf:)`) turns the judgement final: `achieved` when value ≥ target (lower is
    /// better: value ≤ target), else `notAchieved`. It needs `elapsedMonths == 12`.
    ///
    /// While the year runs, higher is better:
    /// - `achieved` when value ≥ target (a target reached during the year is reported as reached);
    /// - `onTrack` when value ≥ the due share (only reachable for `sum` before the year is complete);
    /// - `behind` otherwise.
    ///
    /// While the year runs, lower is better: the target is a *ceiling*, which is kept only when the year is over, so
    /// there is no `achieved` yet:
    /// - `onTrack` when value ≤ the due share (a `sum` spending its ceiling no faster than evenly; a level at or
    ///   under its ceiling);
    /// - `behind` otherwise (including a value already above the ceiling).
    public static func evaluate(
        value: Double?, target: Double?, aggregation: Aggregation, better: Direction, elapsedMonths: Int,
        yearIsOver: Bool = false
    ) -> Status? {
        guard let value, let target else { return nil }
        precondition((1...12).contains(elapsedMonths), "elapsed months \(elapsedMonths) outside 1…12")
        if yearIsOver {
            precondition(elapsedMonths == 12, "a finished year has 12 months, not \(elapsedMonths)")
            switch better {
            case .higher: return value >= target ? .achieved : .notAchieved
            case .lower: return value <= target ? .achieved : .notAchieved
            }
        }
        let due = aggregation == .sum ? target * Double(elapsedMonths) / 12 : target
        switch better {
        case .higher:
            if value >= target { return .achieved }
            return value >= due ? .onTrack : .behind
        case .lower:
            return value <= due ? .onTrack : .behind
        }
    }

    /// 100 × value / target; nil when either is missing or the target is 0.
    public static func achievementPercent(value: Double?, target: Double?) -> Double? {
        guard let value, let target, target != 0 else { return nil }
        return 100 * value / target
    }
}
