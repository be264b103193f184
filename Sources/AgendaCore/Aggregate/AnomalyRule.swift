import Foundation

/// The rule that flags a value that looks like a clerk's mistake (a ×10 or ×1000 slip, a stock collapsing, a
/// cumulative figure sent as a monthly one) and stays quiet about seasons and ordinary noise.
///
/// It works on one indicator at one level: a set of series ("units": the districts, or the sub-areas of all
/// districts), each a month → value map. Values are compared on the scale y = log(x + c), where the offset c is,
/// per unit, `offsetFraction` × the median of the unit's positive values (a unit without any: of all units'
/// positive values), never less than the indicator's resolution (1 for a count shown without decimals). So zeros
/// (no hotspots in the rainy season) are ordinary values, a change from 0 to a small number is a small change, and
/// since c grows with the unit's size a small district's season has the same shape on this scale as a large one's
/// (log(a·s + k·a) = log a + log(s + k)).
///
/// Checks, each a robust z-score (residual ÷ max(1.4826 × MAD of all residuals of the check, `scaleFloor`)):
/// - **peers** (always): y − the unit's own level − the median over the *other* units of their same-month
///   (y − level). The season cancels, since every unit shares it; so does each unit's size. The level is the
///   median of the unit's y once the season is taken out (median polish), robust to a slip in one of its months.
/// - **previous month** (stocks, when the unit has the previous month): the change y(m) − y(m−1) against the
///   median change of the other units that month.
/// - **same month last year** (when the unit has it): y(m) − y(m−12) against the other units' median change.
///
/// A value is flagged when *every* check that can be made finds it beyond `threshold` and more than
/// `minimumFactor` times away on the x + c scale, all in the same direction. Its score is the weakest of those
/// z-scores. Flags are information only: nothing is changed or dropped.
public struct AnomalyRule: Sendable, Hashable, Codable {
    /// Robust z-score a check must exceed.
    public var threshold: Double
    /// (x + c) / (expected + c) must be more than this, or less than its inverse, in every check.
    public var minimumFactor: Double
    /// Months with a value a unit needs before it is judged or serves as a peer.
    public var minimumMonths: Int
    /// Other units with a value in the month needed for a peer comparison.
    public var minimumPeers: Int
    /// Lower bound on a check's robust scale (log units), so a perfectly regular indicator does not turn tiny
    /// wiggles into large z-scores.
    public var scaleFloor: Double
    /// The offset c as a fraction of the unit's median positive value.
    public var offsetFraction: Double

    public init(
        threshold: Double = 4, minimumFactor: Double = 3, minimumMonths: Int = 4, minimumPeers: Int = 3,
        scaleFloor: Double = 0.1, offsetFraction: Double = 0.1
    ) {
        self.threshold = threshold
        self.minimumFactor = minimumFactor
        self.minimumMonths = minimumMonths
        self.minimumPeers = minimumPeers
        self.scaleFloor = scaleFloor
        self.offsetFraction = offsetFraction
    }

    /// One of the comparisons a value is judged by.
    public enum Check: String, Sendable, Hashable, Codable, CaseIterable {
        case peers
        case previousMonth = "previous_month"
        case sameMonthLastYear = "same_month_last_year"
    }

    /// The judgement of one value.
    public struct Assessment: Sendable, Hashable {
        /// Position of the unit in the series passed in.
        public var unit: Int
        /// Month ordinal.
        public var month: Int
        public var value: Double
        /// What the peers check expected: exp(level + peers' same-month deviation) − c, at least 0.
        public var expected: Double
        /// Signed robust z-score of the weakest check (the one closest to zero).
        public var score: Double
        /// The checks that could be made.
        public var checks: [Check]
        public var flagged: Bool
    }

    /// The offset c for a set of values: `offsetFraction` × median of the positive ones, at least `resolution`;
    /// nil when none is positive (all zero: nothing to compare).
    public func offset<S: Sequence>(of values: S, resolution: Double) -> Double? where S.Element == Double {
        let positive = values.filter { $0 > 0 }
        guard !positive.isEmpty else { return nil }
        return max(offsetFraction * Self.median(positive), resolution)
    }

    /// Judges every value of every unit whose month is in `months` (the units with too few months are not judged,
    /// nor are months without enough peers). `stock` adds the previous-month check; `resolution` is the smallest
    /// step the indicator is reported in (10^−decimals). Sorted by unit, then month.
    public func assess(series: [[Int: Double]], stock: Bool, months: Set<Int>, resolution: Double = 1) -> [Assessment] {
        let flat = AnomalySeries(series)
        var result: [Assessment] = []
        judge(flat, stock: stock, resolution: resolution, isJudged: { months.contains($0) }) { j in
            result.append(Assessment(unit: j.unit, month: flat.month[j.entry], value: flat.value[j.entry],
                                     expected: j.expected, score: j.score, checks: j.checks.checks,
                                     flagged: j.flagged))
        }
        return result
    }

    /// Rounds of median polish for the units' levels; the levels settle within two or three.
    static let polishRounds = 3

    /// The median; the mean of the two middle values for an even count.
    public static func median(_ values: [Double]) -> Double {
        precondition(!values.isEmpty, "median of nothing")
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}
