import AgendaCore

/// The data-quality part of the summary: rejected rows and files, missing district-months and values to check
/// (anomalies), per district, so the governor's office knows whom to call.
extension SummaryRenderer {
    /// How many anomalies, the strongest, are described one by one.
    static let anomaliesListed = 3
    /// How many missing months are named per district before "…".
    static let missingMonthsNamed = 3

    /// The district a rejected file belongs to: its only district code, else a district code appearing as a
    /// number in its path (`5601/…`, `5601_2565-01.csv`), else nil (shown as "unknown district").
    static func districtCode(ofFile file: String, in report: Report) -> String? {
        let known = Set(report.reference.districts.map(\.code))
        if let source = report.imported.sources.first(where: { $0.path == file }) {
            let codes = source.districtCodes.filter(known.contains)
            if codes.count == 1 { return codes[0] }
        }
        var numbers: [String] = []
        var current = ""
        for character in file {
            if character.isASCII && character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                numbers.append(current)
                current = ""
            }
        }
        if !current.isEmpty { numbers.append(current) }
        let matches = Set(numbers.filter(known.contains))
        return matches.count == 1 ? matches.first : nil
    }

    struct DistrictQuality {
        var rejectedRows = 0
        var rejectedFiles = 0
        var missing: [YearMonth] = []
        var anomalies = 0

        var isClean: Bool { rejectedRows == 0 && rejectedFiles == 0 && missing.isEmpty && anomalies == 0 }
    }

    /// Per district code (nil = unknown district), everything wrong with its data.
    static func quality(_ report: Report) -> [String?: DistrictQuality] {
        var result: [String?: DistrictQuality] = [:]
        var districtOfFile: [String: String?] = [:]
        var rowsSeen = Set<String>()
        for rejection in report.imported.rejections {
            let code: String?
            if let cached = districtOfFile[rejection.file] {
                code = cached
            } else {
                code = districtCode(ofFile: rejection.file, in: report)
                districtOfFile[rejection.file] = .some(code)
            }
            if rejection.wholeFile {
                result[code, default: DistrictQuality()].rejectedFiles += 1
            } else if rowsSeen.insert("\(rejection.line)\u{0}\(rejection.file)").inserted {
                // A row can fail on several columns; it is still one row for the clerk to fix.
                result[code, default: DistrictQuality()].rejectedRows += 1
            }
        }
        for cell in report.completeness where !cell.submitted {
            result[cell.districtCode, default: DistrictQuality()].missing.append(cell.month)
        }
        for anomaly in report.anomalies {
            result[anomaly.districtCode, default: DistrictQuality()].anomalies += 1
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
        table.add([labels.districtColumn, labels.rejectedRows, labels.rejectedFiles, labels.missingMonths, labels.anomalies])
        var total = DistrictQuality()
        for (code, q) in listed {
            let name = code.map { districtName($0, report) } ?? labels.unknownDistrict
            table.add([name, count(q.rejectedRows), count(q.rejectedFiles), missingText(q.missing), count(q.anomalies)])
            total.rejectedRows += q.rejectedRows
            total.rejectedFiles += q.rejectedFiles
            total.missing += q.missing
            total.anomalies += q.anomalies
        }
        table.add([labels.total, count(total.rejectedRows), count(total.rejectedFiles), count(total.missing.count),
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
            let name = (indicator?.name(language) ?? anomaly.indicatorID).truncated(toDisplayWidth: Self.nameWidth)
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
