import Foundation

/// A calendar month with its year in Buddhist Era (BE = CE + 543).
///
/// Everything inside the program counts in BE so that no label, file name or sheet can show a Christian year by
/// mistake; `yearCE` exists for building real dates.
public struct YearMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let yearBE: Int
    /// 1 = January … 12 = December.
    public let month: Int

    public init(yearBE: Int, month: Int) {
        precondition((1...12).contains(month), "month \(month) outside 1…12")
        self.yearBE = yearBE
        self.month = month
    }

    public init(yearCE: Int, month: Int) {
        self.init(yearBE: yearCE + BuddhistEra.offset, month: month)
    }

    public var yearCE: Int { yearBE - BuddhistEra.offset }

    /// The Thai fiscal year (BE) this month belongs to: October starts the next year's budget.
    public var fiscalYear: Int { month >= 10 ? yearBE + 1 : yearBE }

    /// 1…4, Q1 = October–December.
    public var fiscalQuarterNumber: Int { month >= 10 ? 1 : (month - 1) / 3 + 2 }

    public var fiscalQuarter: FiscalQuarter { FiscalQuarter(fiscalYear: fiscalYear, quarter: fiscalQuarterNumber) }

    /// 1 for October … 12 for September.
    public var monthOfFiscalYear: Int { month >= 10 ? month - 9 : month + 3 }

    /// Months since a fixed origin; handy for arithmetic and dense indexing.
    public var ordinal: Int { yearBE * 12 + (month - 1) }

    public init(ordinal: Int) {
        self.init(yearBE: ordinal / 12, month: ordinal % 12 + 1)
    }

    public func advanced(by months: Int) -> YearMonth { YearMonth(ordinal: ordinal + months) }

    /// `2565-01`: the label used in the workbook's `window` column.
    public var label: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        return "\(yearBE)-\(m)"
    }

    public var description: String { label }

    /// The twelve months of a fiscal year (BE), October first.
    public static func months(ofFiscalYear fiscalYear: Int) -> [YearMonth] {
        let october = YearMonth(yearBE: fiscalYear - 1, month: 10)
        return (0..<12).map { october.advanced(by: $0) }
    }

    /// Number of days in this month (Gregorian), from `BangkokCalendar`.
    public var dayCount: Int { BangkokCalendar.dayCount(of: self) }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { a.ordinal < b.ordinal }
}

/// A Thai fiscal quarter: Q1 = Oct–Dec of the previous BE year, Q2 = Jan–Mar, Q3 = Apr–Jun, Q4 = Jul–Sep.
public struct FiscalQuarter: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Fiscal year in Buddhist Era, named by the year in which it ends.
    public let fiscalYear: Int
    public let quarter: Int

    public init(fiscalYear: Int, quarter: Int) {
        precondition((1...4).contains(quarter), "quarter \(quarter) outside 1…4")
        self.fiscalYear = fiscalYear
        self.quarter = quarter
    }

    public var months: [YearMonth] {
        let first = YearMonth(yearBE: fiscalYear - 1, month: 10).advanced(by: (quarter - 1) * 3)
        return (0..<3).map { first.advanced(by: $0) }
    }

    public var firstMonth: YearMonth { months[0] }
    public var lastMonth: YearMonth { months[2] }

    public var previous: FiscalQuarter {
        quarter == 1 ? FiscalQuarter(fiscalYear: fiscalYear - 1, quarter: 4) : FiscalQuarter(fiscalYear: fiscalYear, quarter: quarter - 1)
    }

    public var next: FiscalQuarter {
        quarter == 4 ? FiscalQuarter(fiscalYear: fiscalYear + 1, quarter: 1) : FiscalQuarter(fiscalYear: fiscalYear, quarter: quarter + 1)
    }

    /// `FY2565-Q2`.
    public var label: String { "FY\(fiscalYear)-Q\(quarter)" }
    public var description: String { label }

    public static func < (a: FiscalQuarter, b: FiscalQuarter) -> Bool {
        (a.fiscalYear, a.quarter) < (b.fiscalYear, b.quarter)
    }
}

/// A time window that facts are aggregated over.
public enum ReportWindow: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    case month(YearMonth)
    case quarter(FiscalQuarter)
    /// From 1 October of the fiscal year through the end of `through` (inclusive).
    case yearToDate(fiscalYear: Int, through: YearMonth)

    public var months: [YearMonth] {
        switch self {
        case .month(let m): return [m]
        case .quarter(let q): return q.months
        case .yearToDate(let fy, let through):
            return YearMonth.months(ofFiscalYear: fy).filter { $0 <= through }
        }
    }

    public var fiscalYear: Int {
        switch self {
        case .month(let m): m.fiscalYear
        case .quarter(let q): q.fiscalYear
        case .yearToDate(let fy, _): fy
        }
    }

    /// `2565-01`, `FY2565-Q2` or `FY2565-YTD`.
    public var label: String {
        switch self {
        case .month(let m): m.label
        case .quarter(let q): q.label
        case .yearToDate(let fy, _): "FY\(fy)-YTD"
        }
    }

    public var description: String { label }

    public var isYearToDate: Bool {
        if case .yearToDate = self { return true }
        return false
    }

    /// The kinds of window in the order they are listed.
    private var kindRank: Int {
        switch self {
        case .month: 0
        case .quarter: 1
        case .yearToDate: 2
        }
    }

    /// Order used everywhere windows are listed: all months first, then all quarters, then the years to date.
    /// Within a kind: months chronologically; quarters by fiscal year, then quarter number; years to date by fiscal
    /// year, then by the month they run through (a shorter year to date first).
    public static func < (a: ReportWindow, b: ReportWindow) -> Bool {
        switch (a, b) {
        case (.month(let x), .month(let y)):
            return x < y
        case (.quarter(let x), .quarter(let y)):
            return x < y
        case (.yearToDate(let fx, let tx), .yearToDate(let fy, let ty)):
            return fx != fy ? fx < fy : tx < ty
        default:
            return a.kindRank < b.kindRank
        }
    }
}
