import AgendaCore
import AgendaJobs
import AgendaReports
import ArgumentParser
import Foundation

/// `phayao-agenda report --quarter 2565-Q2 | --year 2565`: one workbook and one summary for a fiscal quarter or
/// year, from every submission under the inputs folder.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the workbook and the governor's summary for a fiscal quarter or year.",
        discussion: """
            A quarter report covers each month of the quarter, the quarter, and the fiscal year to date; a year \
            report covers every month, every quarter and the whole year. Files are written to a folder of their own \
            in the output folder, <FY2565-Q2|FY2565>/phayao-agenda-<FY2565-Q2|FY2565>.xlsx and …-summary.txt, with \
            a feedback pack per district under districts/ (and …-data.csv with --export-values; …-superseded.csv \
            or …-anomalies.csv when that list does not fit its sheet); the folder is replaced whole, in one step, \
            only when every file is complete.

            Exit codes:
              0   written, every row accepted
              2   written, but some rows or files were rejected (see the Rejected sheet)
              1   failure (broken reference table, unreadable inputs, no submissions at all, output not
                  writable): nothing replaced
              64  bad flags
              75  another report or nightly run is writing to the same output folder (see --wait-lock)
            """)

    @Option(name: .long, help: "Fiscal quarter in Buddhist Era: 2565-Q2 or FY2565-Q2 (Q1 = Oct–Dec).")
    var quarter: String?

    @Option(name: .long, help: "Fiscal year in Buddhist Era, e.g. 2565 (1 Oct 2564 – 30 Sep 2565).")
    var year: Int?

    @Flag(name: .long, help: "For a closed quarter: report today's inputs (with a Revisions sheet) instead of rebuilding the closed report from its archive.")
    var current = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        switch (quarter, year) {
        case (nil, nil), (.some, .some):
            throw ValidationError("give exactly one of --quarter (e.g. 2565-Q2) or --year (e.g. 2565)")
        case (let text?, nil):
            guard Self.parseQuarter(text) != nil else {
                throw ValidationError("--quarter must look like 2565-Q2 or FY2565-Q2 (Buddhist Era, quarter 1–4), not '\(text)'")
            }
        case (nil, let fy?):
            guard Self.isBuddhistEraYear(fy) else {
                throw ValidationError("--year is a Buddhist Era fiscal year such as 2565 (CE + 543), not \(fy)")
            }
        }
    }

    func run() throws {
        let scope: ReportScope
        if let quarter, let parsed = Self.parseQuarter(quarter) {
            scope = .quarter(parsed)
        } else if let year {
            scope = .year(year)
        } else {
            preconditionFailure("validate() lets exactly one of --quarter and --year through")
        }
        let lock = try common.lockOutput()
        let outcome = withExtendedLifetime(lock) {
            var configuration = common.jobConfiguration()
            configuration.current = current
            return ReportJob(configuration: configuration).run(scopes: [scope])
        }
        try common.finish(outcome)
    }

    /// Buddhist Era years a person may ask for (`BuddhistEra.plausibleYears`), which no Christian-era year reaches.
    static func isBuddhistEraYear(_ year: Int) -> Bool { BuddhistEra.plausibleYears.contains(year) }

    /// `2565-Q2`, `FY2565-Q2` (case-insensitive) → fiscal quarter 2 of FY2565.
    static func parseQuarter(_ text: String) -> FiscalQuarter? { FiscalQuarter(label: text) }
}
