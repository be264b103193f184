import AgendaCore

/// The data-quality part of the summary: rejected rows and files, missing district-months and values to check
/// (anomalies), per district, so the governor's office knows whom to call.
extension SummaryRenderer {
    /// How many anomalies, the strongest, are described one by one.
    static let anomaliesListed = 3
    /// How many missing months are named per district before "…".
    static let missingMonthsNamed = 3

    func dataQualityLines(_ report: Report) -> [String] {
        let quality = report.insights.quality
        var lines = [labels.dataQuality]
        // Reference districts first in code order, then codes the reference does not know, then "unknown".
        let referenceCodes = report.reference.districts.map(\.code)
        let otherCodes = quality.keys.compactMap { $0 }.filter { !referenceCodes.contains($0) }.sorted()
        let order: [String?] = (referenceCodes + otherCodes).map { .some($0) } + [nil]
        let listed = order.compactMap { code in quality[code].flatMap { $0.isClean ? nil : (code, $0) } }
        guard !listed.isEmpty else { return lines + ["   " + labels.noProblems] }

        var table = TextTable(alignments: [.left, .right, .right, .left, .right], indent: "   ")
        table.add([labels.districtColumn, labels.rejectedRows, labels.rejectedFiles, labels.missingMonths, labels.anomalies])
        var total = ReportInsights.DistrictQuality()
        for (code, q) in listed {
            let name = code.map { districtName($0, report) } ?? labels.unknownDistrict
            table.add([name, count(q.rejectedRows), count(q.rejectedFiles), missingText(q.missingMonths), count(q.anomalies)])
            total.rejectedRows += q.rejectedRows
            total.rejectedFiles += q.rejectedFiles
            total.missingMonths += q.missingMonths
            total.anomalies += q.anomalies
        }
        table.add([labels.total, count(total.rejectedRows), count(total.rejectedFiles), count(total.missingMonths.count),
                   count(total.anomalies)])
        lines += table.lines()
        let months = report.completeness.map(\.month)
        if let first = months.min(), let last = months.max() {
            lines.append("   " + labels.missingPeriod(ThaiCalendarNames.monthRange(from: first, to: last, language)))
        }
        lines += anomalyLines(report)
        return lines
    }

    /// A count in the quality table; zero prints as `0` there because it is a real count, not a missing value.
    private func count(_ n: Int) -> String { NumberText.decimal(Double(n), decimals: 0) }

    /// `2 (ก.พ. 65, มี.ค. 65)`, or `0`.
    private func missingText(_ months: [YearMonth]) -> String {
        guard !months.isEmpty else { return "0" }
        let sorted = months.sorted()
        var names = sorted.prefix(Self.missingMonthsNamed).map { $0.shortName(language) }
        if sorted.count > Self.missingMonthsNamed { names.append("…") }
        return "\(sorted.count) (" + names.joined(separator: ", ") + ")"
    }

    /// The few strongest anomalies (by absolute robust score): where, what was sent, what was expected.
    private func anomalyLines(_ report: Report) -> [String] {
        guard !report.anomalies.isEmpty else { return [] }
        let shown = report.anomaliesByStrength.prefix(Self.anomaliesListed)
        var lines = ["   " + labels.topAnomalies(shown.count, report.anomalies.count)]
        for anomaly in shown {
            let indicator = report.reference.indicator(anomaly.indicatorID)
            let decimals = indicator?.decimals ?? 0
            // The short name, whole: a governor reads whole words.
            let name = indicator?.shortName(language) ?? anomaly.indicatorID
            let value = NumberText.decimal(anomaly.value, decimals: decimals)
            let detail = labels.anomalyDetail(
                expected: NumberText.decimal(anomaly.expected, decimals: decimals), factor: anomaly.factorText)
            let place: String = anomaly.area.isEmpty ? "" : " (\(anomaly.area))"
            let where_: String = districtName(anomaly.districtCode, report) + place
            let shown: String = indicator.map { labels.withUnit(value, $0.unit(language)) } ?? value
            let month: String = anomaly.month.shortName(language)
            lines.append("     \(where_) · \(name) · \(month): \(shown) \(detail)")
        }
        return lines
    }
}
