import Foundation

extension YearMonth {
    /// The last second of the month in Bangkok: its last day at 23:59:59 (`BangkokCalendar.end(of:)`).
    public var endInBangkok: Date { BangkokCalendar.end(of: self) }

    /// The latest modification time at which a file with this month's values is still on time: the month's end in
    /// Bangkok plus `days` whole days.
    public func submissionDeadline(afterDays days: Int) -> Date {
        BangkokCalendar.date(endInBangkok, addingDays: days)
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
