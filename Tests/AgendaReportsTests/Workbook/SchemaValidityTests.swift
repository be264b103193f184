import AgendaJobs
import AgendaCore
import Foundation
import TestSupport
import Testing
@testable import AgendaReports

/// Every kind of workbook the program writes passes `openxml-audit` (the Open XML SDK's schemas and semantic
/// checks) with 0 errors: our stand-in for "Excel opens it without offering to repair it", which would drop the
/// charts. The year workbook of the sample once had 60 errors, all Thai chart fonts written as `charset="222"`.
@Suite("Schema validity of every workbook", .serialized)
struct SchemaValidityTests {
    func expectClean(_ url: URL, _ what: Comment) throws {
        let audit = try OpenXMLAudit.run(url)
        #expect(audit.errorCount == 0 && audit.status == 0, "\(what)\n\(audit.report.suffix(2_000))")
    }

    func job(_ root: URL, rowLimit: Int = WorkbookOptions.excelRowLimit - 1, exportValues: Bool = false) throws -> ReportJob {
        let inputs = try ReportFixtureInputs.copy(into: root)
        return ReportJob(configuration: ReportJobConfiguration(
            inputs: inputs, output: root.appendingPathComponent("Reports"),
            workbookOptions: WorkbookOptions(dataSheetRowLimit: rowLimit), showProgress: false,
            exportValues: exportValues))
    }

    @Test("year and quarter reports, with charts in the Thai font")
    func yearAndQuarter() throws {
        let outcome = try job(makeTemporaryFolder("schema-year"))
            .run(scopes: [.year(2565), .quarter(FiscalQuarter(fiscalYear: 2565, quarter: 2))])
        #expect(outcome.status != .failure)
        #expect(outcome.written.count == 2)
        for item in outcome.written { try expectClean(item.workbook, "\(item.scope)") }
    }

    @Test("a report whose values overflow the Data sheet: totals there, with and without the exported CSV")
    func overflow() throws {
        for exportValues in [false, true] {
            let outcome = try job(makeTemporaryFolder("schema-overflow"), rowLimit: 2, exportValues: exportValues)
                .run(scopes: [.year(2565)])
            let written = try #require(outcome.written.first)
            #expect((written.dataCSV != nil) == exportValues)
            try expectClean(written.workbook, "overflow, export \(exportValues)")
        }
    }

    @Test("a report whose flags overflow the Anomalies sheet: the strongest there, a notice beside them")
    func anomaliesOverflow() throws {
        let folder = try makeTemporaryFolder("schema-anomalies")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("book.xlsx")
        let output = try WorkbookRenderer(options: WorkbookOptions(dataSheetRowLimit: 1))
            .write(AnomaliesSheetTests.report, to: url, overflowFileName: "book-data.csv")
        #expect(output.anomaliesOverflow)
        try expectClean(url, "anomalies overflow")
    }

    @Test("the nightly quarter-to-date and year-to-date reports")
    func nightly() throws {
        let root = try makeTemporaryFolder("schema-nightly")
        let inputs = try ReportFixtureInputs.copy(into: root)
        let asOf = BangkokCalendar.parseDay("2565-02-20")!
        let (month, day) = BangkokCalendar.day(of: asOf)
        let result = NightlyJob(
            configuration: ReportJobConfiguration(inputs: inputs, output: root.appendingPathComponent("Reports"),
                                                  asOf: asOf, showProgress: false),
            plan: NightlyPlan(asOfMonth: month, day: day)).run()
        guard case .ran(let outcome) = result else { Issue.record("nightly did not run"); return }
        #expect(outcome.written.count >= 2)
        for item in outcome.written { try expectClean(item.workbook, "nightly \(item.scope)") }
    }

    @Test("the xlsx fill-in template")
    func template() throws {
        let url = try makeTemporaryFolder("schema-template").appendingPathComponent("template.xlsx")
        try TemplateWorkbook().write(
            SubmissionTemplate(reference: SummaryReportFixture.reference, districtCode: "5601", fiscalYear: 2565), to: url)
        try expectClean(url, "template")
    }

    @Test("the realistic sample report (twenty indicators, every chart kind)")
    func sampleReport() throws {
        let url = try makeTemporaryFolder("schema-sample").appendingPathComponent("sample.xlsx")
        _ = try WorkbookRenderer(options: WorkbookOptions()).write(SampleReportFixture.report(), to: url,
                                                                   overflowFileName: "sample-data.csv")
        try expectClean(url, "sample")
    }
}
