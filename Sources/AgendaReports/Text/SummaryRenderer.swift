import AgendaCore
import Foundation

/// The governor's one-page summary: plain UTF-8 text, Thai by default, short enough to paste into a chat message.
///
/// It says what moved, what lags and which data are missing without opening Excel. Only formats: every number comes
/// from the `Report` and every choice (headlines, best and worst districts, data-quality tallies) from
/// `Report.insights`, which the workbook reads too. A missing fact prints as `–`, never as 0 and never as a crash,
/// so the renderer copes with a report whatever its inputs held. Columns are padded by display width so Thai text
/// aligns in a monospaced font.
public struct SummaryRenderer: Sendable {
    public let language: Language
    /// The summary aims to stay within this many lines; the number of headline indicators shown per workstream
    /// shrinks (down to one) to keep within it.
    public static let lineBudget = 60
    /// Indicator names wider than this many columns wrap (between words, never cut) so a row stays readable in a
    /// chat window; `short_name_th` / `short_name_en` in `indicators.csv` keep them to one line.
    static let nameWidth = 36

    public init(language: Language = .th) {
        self.language = language
    }

    var labels: SummaryLabels { SummaryLabels(language: language) }

    /// The summary text, ending in a newline. `workbookPath` is printed as given (relative or absolute), so the
    /// reader can find the workbook the summary belongs to.
    public func render(_ report: Report, workbookPath: String) -> String {
        let heading = headingLines(report)
        let quality = dataQualityLines(report) + revisionLines(report)
        let footer = ["", labels.workbook + ": " + workbookPath]
        let fixed = heading.count + 1 + quality.count + footer.count
        let workstreams = workstreamLines(report, linesAvailable: Self.lineBudget - fixed)
        let lines = heading + [""] + workstreams + quality + footer
        return lines.joined(separator: "\n") + "\n"
    }

    /// Province, window, as-of date and file count, and the districts that sent data.
    func headingLines(_ report: Report) -> [String] {
        let reference = report.reference
        var table = TextTable(alignments: [.left, .left])
        table.add([labels.window, report.scope.displayName(language)])
        table.add([
            labels.asOf,
            ThaiCalendarNames.dateText(report.asOf, language) + " " + labels.fromFiles(report.imported.sources.count),
        ])
        let total = reference.districts.count
        let latest = report.scope.lastMonth
        let inLatest = report.insights.districtsReportingLatestMonth
        let inPeriod = report.insights.districtsReportingInPeriod
        table.add([
            labels.districtsSubmitted,
            labels.latestMonth(latest.shortName(language)) + ": " + labels.outOf(inLatest, total)
                + " · " + labels.wholePeriod + ": " + labels.outOf(inPeriod, total),
        ])
        return [labels.title(province: reference.province.name(language))] + table.lines()
    }

    /// One line per closed quarter the report covers: how many of its figures changed since it was closed.
    func revisionLines(_ report: Report) -> [String] {
        report.revisions.map { closed in
            let n = NumberText.decimal(Double(closed.revisions.count), decimals: 0)
            let quarter = "\(closed.quarter.quarter)/\(closed.quarter.fiscalYear)"
            switch language {
            case .th: return "ตัวเลขไตรมาส \(quarter) ที่ปิดแล้ว มีการแก้ไขภายหลัง \(n) รายการ (ดูแผ่นงาน Revisions)"
            case .en: return "Closed quarter \(quarter): \(n) figures revised since closing (see the Revisions sheet)"
            }
        }
    }

    /// `อ.ปง` in Thai, `Pong` in English; the bare code when the reference data do not know it.
    func districtName(_ code: String, _ report: Report) -> String {
        guard let area = report.reference.district(code) else { return code }
        return labels.district(area.name(language))
    }
}
