import AgendaJobs
import TestSupport
import Testing
@testable import AgendaCore

@Suite struct ValidationReportTests {
    @Test func formatsLikeACompilerWithOrWithoutAColumn() {
        let reason = BilingualText(th: "ผิด", en: "Wrong.")
        #expect(ValidationReport.format(Rejection(file: "a.csv", line: 4, column: "period", text: "x", reason: reason), language: .th)
            == "a.csv:4:period: ผิด")
        #expect(ValidationReport.format(Rejection(file: "a.csv", line: 0, column: "", text: "", reason: reason, wholeFile: true), language: .en)
            == "a.csv:0: Wrong.")
    }

    @Test func summaryAddsUpAcrossFiles() throws {
        let report = ValidationReport(result: try Fixtures.importIngest(["good.csv", "bad_rows.csv", "missing_column.csv"]))
        #expect(report.hasProblems)
        #expect(report.summary(.en) == "Checked 3 files, 16 rows: 5 accepted, 0 superseded, 10 rejected, 1 blank (not reported); 1 file rejected whole")
        #expect(report.problemLines(.en).count == 11)
        #expect(!ValidationReport(result: try Fixtures.importIngest(["good.csv"])).hasProblems)
    }
}
