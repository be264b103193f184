/// The Buddhist Era the reports are dated in (BE = CE + 543), and the years a date given by hand may fall in.
public enum BuddhistEra {
    /// Years between the two eras.
    public static let offset = 543

    /// BE years accepted from a person (`--as-of`, `--year`, `--quarter`), a `targets.csv` year and a submitted
    /// period: 2500–2700 BE, 1957–2157 CE. Wider than any data the province keeps, narrow enough that a slip such
    /// as `0001-01-01` or `99999-12-31` is refused (exit 64) instead of writing a report named FY544 or FY100000.
    /// The one place these bounds live.
    public static let plausibleYears: ClosedRange<Int> = 2500...2700

    /// A four-digit year written by hand or in a submission (`--as-of`, a period) is read as Buddhist Era from this
    /// year on and as Christian Era below it: the eras are 543 years apart, so no plausible year of one era can be
    /// taken for the other.
    public static let firstYearReadAsBuddhist = 2400

    /// Whether a written `year` is read as Buddhist Era (see `firstYearReadAsBuddhist`).
    @inline(__always)
    public static func readsAsBuddhist(_ year: Int) -> Bool { year >= firstYearReadAsBuddhist }

    /// `plausibleYears` in the Christian Era.
    public static var plausibleChristianYears: ClosedRange<Int> {
        (plausibleYears.lowerBound - offset)...(plausibleYears.upperBound - offset)
    }
}

extension YearMonth {
    /// The first year a submitted period may name (a period must also be at most a year after the as-of month).
    public static var earliestPlausibleYearBE: Int { BuddhistEra.plausibleYears.lowerBound }
}
