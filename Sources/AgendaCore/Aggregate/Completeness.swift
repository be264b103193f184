import Foundation

extension YearMonth {
    /// Thailand's offset from UTC: +7 hours all year (no daylight saving), so deadlines need no time-zone database
    /// and come out the same on every machine whatever its `TZ`.
    public static let bangkokSecondsFromGMT = 7 * 3600

    /// The last second of the month in Bangkok: its last day at 23:59:59 (UTC+7).
    public var endInBangkok: Date {
        let days = Self.daysSince1970(yearCE: yearCE, month: month, day: dayCount)
        let seconds = days * 86_400 + 86_399 - Self.bangkokSecondsFromGMT
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// The latest modification time at which a file with this month's values is still on time: the month's end in
    /// Bangkok plus `days` whole days (exactly `days` × 24 hours, as Bangkok has no daylight saving).
    public func submissionDeadline(afterDays days: Int) -> Date {
        endInBangkok.addingTimeInterval(TimeInterval(days * 86_400))
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysSince1970(yearCE: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? yearCE - 1 : yearCE
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension ValueIndex {
    /// One cell per district (code order) × month of the fiscal year from October through `lastMonth`.
    ///
    /// - `reported`: distinct submittable indicators with at least one accepted value in that district-month.
    /// - `expected`: every submittable (non-ratio) indicator in the reference data.
    /// - `submitted`: the district has at least one accepted value for the month. Rows left blank ("not reported")
    ///   are counted per file in `SourceFile.blank` but are not in `ImportResult.accepted` and carry no month key
    ///   there, so a month sent entirely blank reads as not submitted.
    /// - `lastModified`: the latest modification time of the files supplying the month's accepted values.
    /// - `onTime`: `lastModified` ≤ month end (23:59:59 Bangkok) + `timelinessDays` days; nil when nothing came.
    ///   Taking the latest file means a late correction makes the month late, which is what the office wants to see.
    func completeness(fiscalYear: Int, lastMonth: YearMonth, timelinessDays: Int) -> [CompletenessCell] {
        let months = YearMonth.months(ofFiscalYear: fiscalYear).filter { $0 <= lastMonth }
        let submittable = reference.indicators.indices.filter { reference.indicators[$0].isSubmittable }
        var result: [CompletenessCell] = []
        result.reserveCapacity(districtCount * months.count)
        for (d, district) in reference.districts.enumerated() {
            for month in months {
                var reported = 0
                var latest: Date?
                for i in submittable {
                    guard let p = partial(indicator: i, district: d, month: month) else { continue }
                    reported += 1
                    latest = latest.map { max($0, p.lastModified) } ?? p.lastModified
                }
                let onTime = latest.map { $0 <= month.submissionDeadline(afterDays: timelinessDays) }
                result.append(CompletenessCell(
                    districtCode: district.code, month: month, reported: reported, expected: submittable.count,
                    submitted: reported > 0, lastModified: latest, onTime: onTime))
            }
        }
        return result
    }
}

extension Report {
    /// Province totals of completeness for one month: indicators reported and expected summed over districts, and
    /// how many districts submitted and how many of those were on time.
    public func provinceCompleteness(
        month: YearMonth
    ) -> (reported: Int, expected: Int, districtsSubmitted: Int, districtsOnTime: Int) {
        var total = (reported: 0, expected: 0, districtsSubmitted: 0, districtsOnTime: 0)
        for cell in completeness where cell.month == month {
            total.reported += cell.reported
            total.expected += cell.expected
            if cell.submitted { total.districtsSubmitted += 1 }
            if cell.onTime == true { total.districtsOnTime += 1 }
        }
        return total
    }
}
