import AgendaCore
import AgendaReports
import ArgumentParser
import Foundation

/// Flags shared by the commands that write reports (`report`, `nightly`), so both spell and check them the same
/// way. `validate()` checks the flags only; whether the folders hold usable data is the job's business (exit 1).
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Inputs folder with reference/ and submissions/.")
    var inputs: String = "Inputs"

    @Option(name: .long, help: "Folder the reports are written to (created when missing).")
    var out: String = "Reports"

    @Option(name: .customLong("as-of"),
            help: "The report's as-of day, YYYY-MM-DD (Buddhist Era when the year is 2400 or more). Default: the newest input file's modification time.")
    var asOf: String?

    @Option(name: .long, help: "Language of the summary: th or en (the workbook is bilingual).")
    var lang: String = "th"

    @Option(name: .long, help: "Body font of the workbook (TH Sarabun New, TH Sarabun PSK, …).")
    var font: String = "TH Sarabun New"

    @Option(name: .customLong("timeliness-days"),
            help: "A month's values are on time when sent no later than this many days after the month ends.")
    var timelinessDays: Int = 10

    func validate() throws {
        guard Language(rawValue: lang) != nil else {
            throw ValidationError("--lang must be th or en, not '\(lang)'")
        }
        if let asOf, BangkokCalendar.parseDay(asOf) == nil {
            throw ValidationError("--as-of must be a day as YYYY-MM-DD, e.g. 2565-03-31 or 2022-03-31, not '\(asOf)'")
        }
        guard (0...366).contains(timelinessDays) else {
            throw ValidationError("--timeliness-days must be between 0 and 366, not \(timelinessDays)")
        }
        guard !font.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--font must name a font")
        }
    }

    /// The job's configuration from these flags (call after `validate()`).
    func jobConfiguration() -> ReportJobConfiguration {
        ReportJobConfiguration(
            inputs: URL(fileURLWithPath: inputs, isDirectory: true),
            output: URL(fileURLWithPath: out, isDirectory: true),
            asOf: asOf.flatMap(BangkokCalendar.parseDay),
            language: Language(rawValue: lang) ?? .th,
            reportOptions: ReportOptions(timelinessDays: timelinessDays),
            workbookOptions: WorkbookOptions(fontName: font))
    }

    var language: Language { Language(rawValue: lang) ?? .th }
}
