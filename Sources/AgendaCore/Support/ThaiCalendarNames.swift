import Foundation

/// Month names, window labels and dates as the governor's office writes them: Buddhist Era years, Thai month names.
///
/// Everything here is computed by hand rather than through `DateFormatter`, because a Thai-locale formatter depends
/// on the machine's ICU data and locale settings (a cron job on a server with `LANG=C` must print the same words as
/// a coordinator's laptop). English text keeps Buddhist Era years too, marked "BE", so that the English summary, the
/// Thai summary and the workbook's `2565-01` labels all show the same year numbers; no Christian year appears
/// anywhere a reader could mistake it for the other calendar.
public enum ThaiCalendarNames {
    /// มกราคม … ธันวาคม, January first.
    public static let thaiMonthNames: [String] = [
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
        "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
    ]

    /// ม.ค. … ธ.ค., January first.
    public static let thaiMonthAbbreviations: [String] = [
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
        "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    ]

    public static let englishMonthNames: [String] = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    public static let englishMonthAbbreviations: [String] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// Full month name; `month` is 1…12.
    public static func monthName(_ month: Int, _ language: Language) -> String {
        precondition((1...12).contains(month), "month \(month) outside 1…12")
        return language == .th ? thaiMonthNames[month - 1] : englishMonthNames[month - 1]
    }

    /// Abbreviated month name; `month` is 1…12.
    public static func monthAbbreviation(_ month: Int, _ language: Language) -> String {
        precondition((1...12).contains(month), "month \(month) outside 1…12")
        return language == .th ? thaiMonthAbbreviations[month - 1] : englishMonthAbbreviations[month - 1]
    }

    /// `27 มกราคม 2565` (Thai) or `27 January 2565 BE` (English) for the day `date` falls on in Asia/Bangkok.
    public static func dateText(_ date: Date, _ language: Language, thaiDigits useThaiDigits: Bool = false) -> String {
        let (month, day) = BangkokCalendar.day(of: date)
        let text: String
        switch language {
        case .th: text = "\(day) \(monthName(month.month, .th)) \(month.yearBE)"
        case .en: text = "\(day) \(monthName(month.month, .en)) \(month.yearBE) BE"
        }
        return useThaiDigits ? thaiDigits(text) : text
    }

    /// Replaces ASCII digits with Thai digits ๐–๙ (U+0E50–U+0E59), leaving everything else alone.
    ///
    /// Some offices print formal documents in Thai digits; data files never use them, so this is applied only to
    /// finished display text.
    public static func thaiDigits(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0x30...0x39).contains(scalar.value), let thai = Unicode.Scalar(0x0E50 + scalar.value - 0x30) {
                scalars.append(thai)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// A span of months: `ม.ค.–มี.ค. 2565`, `ต.ค. 2564 – มี.ค. 2565`, `ม.ค. 2565`; in English
    /// `Jan–Mar 2565 BE`, `Oct 2564 – Mar 2565 BE`, `Jan 2565 BE`.
    public static func monthRange(from first: YearMonth, to last: YearMonth, _ language: Language) -> String {
        let era = language == .th ? "" : " BE"
        let a = monthAbbreviation(first.month, language)
        let b = monthAbbreviation(last.month, language)
        if first == last { return "\(a) \(first.yearBE)\(era)" }
        if first.yearBE == last.yearBE { return "\(a)–\(b) \(last.yearBE)\(era)" }
        return "\(a) \(first.yearBE) – \(b) \(last.yearBE)\(era)"
    }
}

extension YearMonth {
    /// `มกราคม 2565` or `January 2565 BE`.
    public func displayName(_ language: Language) -> String {
        let name = ThaiCalendarNames.monthName(month, language)
        return language == .th ? "\(name) \(yearBE)" : "\(name) \(yearBE) BE"
    }

    /// `ม.ค. 65` (the form Thai offices print in tables, as Excel's `[$-7041E]mmm yy`) or `Jan 2565`.
    public func shortName(_ language: Language) -> String {
        let name = ThaiCalendarNames.monthAbbreviation(month, language)
        switch language {
        case .th:
            let yy = ((yearBE % 100) + 100) % 100
            return "\(name) \(yy < 10 ? "0" : "")\(yy)"
        case .en:
            return "\(name) \(yearBE)"
        }
    }
}

extension FiscalQuarter {
    /// `ไตรมาส 2 ปีงบประมาณ 2565 (ม.ค.–มี.ค. 2565)` or `FY2565 Q2 (Jan–Mar 2565 BE)`.
    public func displayName(_ language: Language) -> String {
        let span = ThaiCalendarNames.monthRange(from: firstMonth, to: lastMonth, language)
        switch language {
        case .th: return "ไตรมาส \(quarter) ปีงบประมาณ \(fiscalYear) (\(span))"
        case .en: return "FY\(fiscalYear) Q\(quarter) (\(span))"
        }
    }
}

extension ReportWindow {
    /// A month as `มกราคม 2565`, a quarter as `ไตรมาส 2 ปีงบประมาณ 2565 (ม.ค.–มี.ค. 2565)`, year to date as
    /// `ปีงบประมาณ 2565 ถึง มี.ค. 2565`; in English `January 2565 BE`, `FY2565 Q2 (Jan–Mar 2565 BE)`,
    /// `FY2565 to date (Oct 2564 – Mar 2565 BE)`.
    public func displayName(_ language: Language) -> String {
        switch self {
        case .month(let m):
            return m.displayName(language)
        case .quarter(let q):
            return q.displayName(language)
        case .yearToDate(let fy, let through):
            switch language {
            case .th:
                return "ปีงบประมาณ \(fy) ถึง \(ThaiCalendarNames.monthAbbreviation(through.month, .th)) \(through.yearBE)"
            case .en:
                let october = YearMonth(yearBE: fy - 1, month: 10)
                return "FY\(fy) to date (\(ThaiCalendarNames.monthRange(from: october, to: through, .en)))"
            }
        }
    }
}

extension ReportScope {
    /// The months the report is about (not the whole fiscal year before them): a quarter's three months, a
    /// year's twelve, or a quarter's months through `through`.
    public var months: [YearMonth] {
        switch self {
        case .quarter(let q): return q.months
        case .year(let fy): return YearMonth.months(ofFiscalYear: fy)
        case .quarterToDate(let q, let through): return q.months.filter { $0 <= through }
        case .yearToDate(let fy, let through): return YearMonth.months(ofFiscalYear: fy).filter { $0 <= through }
        }
    }

    /// `ไตรมาส 2 ปีงบประมาณ 2565 (ม.ค.–มี.ค. 2565)`, `ปีงบประมาณ 2565 (ต.ค. 2564 – ก.ย. 2565)`,
    /// `ไตรมาส 2 ปีงบประมาณ 2565 ถึงปัจจุบัน (ม.ค.–ก.พ. 2565)`; in English `FY2565 Q2 (Jan–Mar 2565 BE)`,
    /// `FY2565 (Oct 2564 – Sep 2565 BE)`, `FY2565 Q2 to date (Jan–Feb 2565 BE)`.
    public func displayName(_ language: Language) -> String {
        switch self {
        case .quarter(let q):
            return q.displayName(language)
        case .year(let fy):
            let span = ThaiCalendarNames.monthRange(
                from: YearMonth(yearBE: fy - 1, month: 10), to: YearMonth(yearBE: fy, month: 9), language)
            return language == .th ? "ปีงบประมาณ \(fy) (\(span))" : "FY\(fy) (\(span))"
        case .quarterToDate(let q, let through):
            let last = min(max(through, q.firstMonth), q.lastMonth)
            let span = ThaiCalendarNames.monthRange(from: q.firstMonth, to: last, language)
            switch language {
            case .th: return "ไตรมาส \(q.quarter) ปีงบประมาณ \(q.fiscalYear) ถึงปัจจุบัน (\(span))"
            case .en: return "FY\(q.fiscalYear) Q\(q.quarter) to date (\(span))"
            }
        case .yearToDate(let fy, let through):
            let span = ThaiCalendarNames.monthRange(from: YearMonth(yearBE: fy - 1, month: 10), to: through, language)
            return language == .th ? "ปีงบประมาณ \(fy) ถึงปัจจุบัน (\(span))" : "FY\(fy) to date (\(span))"
        }
    }
}
