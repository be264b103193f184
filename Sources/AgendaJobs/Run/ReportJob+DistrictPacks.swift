import AgendaCore
import AgendaReports
import Foundation

extension ReportJob {
    /// For every district, `districts/<code>/phayao-agenda-<window>-<code>.xlsx` and `….txt` beside the report, so
    /// they switch in with it. Returns the files and the districts that have something to fix.
    func produceDistrictPacks(_ report: Report, attribution: DistrictAttribution, configuration: ReportJobConfiguration,
                              put: (String, (URL) throws -> Void) throws -> URL) throws -> ([URL], [String]) {
        let names = ReportFileNames(scope: report.scope)
        var files: [URL] = []
        var toFix: [String] = []
        for feedback in DistrictFeedback.build(report, attribution: attribution) {
            let pack = names.districtPack(feedback.districtCode)
            files.append(try put(pack.workbook) { url in
                try DistrictWorkbookRenderer(options: configuration.workbookOptions).write(feedback, report: report, to: url)
            })
            let message = DistrictMessageRenderer(language: configuration.language)
                .render(feedback, report: report, workbookPath: names.folder + "/" + pack.workbook)
            files.append(try put(pack.message) { url in try Data(message.utf8).write(to: url) })
            if feedback.hasSomethingToFix { toFix.append(feedback.districtCode) }
        }
        return (files, toFix)
    }
}
