/// The one place that says which Buddhist Era years this program believes in.
///
/// Every command, the reference loader and the row checker take their bounds from here, so `--as-of`, a
/// `targets.csv` year and a submitted period can never disagree about what is plausible.
public enum BuddhistEra {
    /// BE = CE + 543.
    public static let offset = 543

    /// Years a real date of this program can fall in: from BE 2500 (1957), long before the agenda began in 2565, to
    /// BE 2700 (2157). A submitted period must also be no more than a year after the report's as-of month.
    public static let plausibleYears: ClosedRange<Int> = 2500...2700
}

extension YearMonth {
    /// The first year a submitted period may name.
    public static var earliestPlausibleYearBE: Int { BuddhistEra.plausibleYears.lowerBound }
}
