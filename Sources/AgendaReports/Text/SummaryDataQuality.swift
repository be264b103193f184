import AgendaCore

/// The data-quality part of the summary: rejected rows and files, missing district-months and outliers, per
/// district, so the governor's office knows whom to call.
extension SummaryRenderer {
    /// How many outliers are described one by one.
    static let outliersListed = 3
    /// How many missing months are named per district before "…".
    static let missingMonthsNamed = 3

    struct DistrictQuality {
        var rejectedRows = 0
        var rejectedFiles = 0
        var missing: [YearMonth] = []
        var outliers = 0

        var isClean: Bool { rejectedRows == 0 && rejectedFiles == 0 && missing.isEmpty && outliers == 0 }
    }

    /// Per district code (nil = unknown district), everything wrong with its data: the rejected rows and files and
    /// missing months the core tallied (`ReportInsights.quality`), and the outliers, still counted here.
    static func quality(_ report: Report) -> [String?: DistrictQuality] {
        var result: [String?: DistrictQuality] = [:]
        for (code, tally) in report.insights.quality {
            result[code] = DistrictQuality(rejectedRows: tally.rejectedRows, rejectedFiles: tally.rejectedFiles,
                                           missing: tally.missingMonths)
        }
        for outlier in report.outliers {
            result[outlier.districtCode, default: DistrictQuality()].outliers += 1
        }
        return result
    }

    func dataQualityLines(_ report: Report) -> [String] {
        let quality = Self.quality(report)
        var lines = [labels.dataQuality]
        // Reference districts first in code order, then codes the reference does not know, then "unknown".
        let referenceCodes = report.reference.districts.map(\.code)
        let otherCodes = quality.keys.compactMap { $0 }.filter { !referenceCodes.contains($0) }.sorted()
        let order: [String?] = (referenceCodes + otherCodes).map { .some($0) } + [nil]
        let listed = order.compactMap { code in quality[code].flatMap { $0.isClean ? nil : (code, $0) } }
        guard !listed.isEmpty else { return lines + ["   " + labels.noProblems] }

        var table = TextTable(alignments: [.left, .right, .right, .left, .right], indent: "   ")
        table.add([labels.districtColumn, labels.rejectedRows, labels.rejectedFiles, labels.missingMonths, labels.outliers])
        var total = DistrictQuality()
        for (code, q) in listed {
            let name = code.map { districtName($0, report) } ?? labels.unknownDistrict
            table.add([name, count(q.rejectedRows), count(q.rejectedFiles), missingText(q.missing), count(q.outliers)])
            total.rejectedRows += q.rejectedRows
            total.rejectedFiles += q.rejectedFiles
            total.missing += q.missing
            total.outliers += q.outliers
        }
        table.add([labels.total, count(total.rejectedRows), count(total.rejectedFiles), count(total.missing.count),
                   count(total.outliers)])
        lines += table.lines()
        let months = report.completeness.map(\.month)
        if let first = months.min(), let last = months.max() {
            lines.append("   " + labels.missingPeriod(ThaiCalendarNames.monthRange(from: first, to: last, language)))
        }
        lines += outlierLines(report)
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

    /// The few outliers furthest from their district's history, by absolute modified z-score.
    private func outlierLines(_ report: Report) -> [String] {
        guard !report.outliers.isEmpty else { return [] }
        let ranked = report.outliers.sorted { a, b in
            let (x, y) = (abs(a.score), abs(b.score))
            if x != y { return x > y }
            return (a.districtCode, a.indicatorID, a.month) < (b.districtCode, b.indicatorID, b.month)
        }
        let shown = ranked.prefix(Self.outliersListed)
        var lines = ["   " + labels.topOutliers(shown.count, report.outliers.count)]
        for outlier in shown {
            let indicator = report.reference.indicator(outlier.indicatorID)
            let decimals = indicator?.decimals ?? 0
            let name = (indicator?.name(language) ?? outlier.indicatorID).truncated(toDisplayWidth: Self.nameWidth)
            let value = NumberText.decimal(outlier.value, decimals: decimals)
            let detail = labels.outlierDetail(
                median: NumberText.decimal(outlier.median, decimals: decimals),
                score: NumberText.decimal(outlier.score, decimals: 1))
            lines.append("     " + districtName(outlier.districtCode, report) + " · " + name + " · "
                + outlier.month.shortName(language) + ": "
                + (indicator.map { labels.withUnit(value, $0.unit(language)) } ?? value) + " " + detail)
        }
        return lines
    }
}
