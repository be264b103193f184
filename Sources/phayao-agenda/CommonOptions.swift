import AgendaCore
import AgendaJobs
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
    var lang: Language = .th

    @Option(name: .long, help: "Body font of the workbook (TH Sarabun New, TH Sarabun PSK, …).")
    var font: String = "TH Sarabun New"

    @Option(name: .customLong("timeliness-days"),
            help: "A month's values are on time when sent no later than this many days after the month ends.")
    var timelinessDays: Int = 10

    @Option(name: .customLong("wait-lock"),
            help: ArgumentHelp("When another run is writing to the same output folder, wait up to this many seconds for it to finish instead of refusing at once (exit 75).", valueName: "SECONDS"))
    var waitLock: Int?

    @Flag(name: .customLong("export-values"),
          help: "Also write every accepted value to …-data.csv beside the workbook (by default only when asked: for per-village data it is larger than the inputs, and the Data sheet holds totals per district × month × indicator when the values do not fit it).")
    var exportValues = false

    @Flag(name: .customLong("no-cache"),
          help: "Read and check every input file again instead of reusing the scans kept in <out>/.cache/ for files that have not changed.")
    var noCache = false

    func validate() throws {
        if let asOf {
            guard let day = BangkokCalendar.parseDay(asOf) else {
                throw ValidationError("--as-of must be a day as YYYY-MM-DD, e.g. 2565-03-31 or 2022-03-31, not '\(asOf)'")
            }
            let years = BuddhistEra.plausibleYears, christian = BuddhistEra.plausibleChristianYears
            guard years.contains(BangkokCalendar.day(of: day).month.yearBE) else {
                throw ValidationError(
                    "--as-of must fall in \(years.lowerBound)–\(years.upperBound) BE (\(christian.lowerBound)–"
                        + "\(christian.upperBound) CE), not '\(asOf)'")
            }
        }
        if let waitLock, !(0...86_400).contains(waitLock) {
            throw ValidationError("--wait-lock must be between 0 and 86400 seconds, not \(waitLock)")
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
            language: lang,
            reportOptions: ReportOptions(timelinessDays: timelinessDays),
            workbookOptions: WorkbookOptions(fontName: font),
            exportValues: exportValues, useScanCache: !noCache)
    }

    var language: Language { lang }

    /// Prints how a run ended (`ReportOutcome.resultLines`): to stdout, or to stderr when it failed; then exits
    /// with the outcome's code when that is not 0.
    func finish(_ outcome: ReportOutcome) throws {
        let text = Data((outcome.resultLines(language).joined(separator: "\n") + "\n").utf8)
        if outcome.status == .failure {
            FileHandle.standardError.write(text)
        } else {
            FileHandle.standardOutput.write(text)
        }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }

    /// Takes the output folder's run lock (see `OutputLock`) for the caller to hold until it is done; when another
    /// run holds it past `--wait-lock`, says who and exits 75 (EX_TEMPFAIL, as the cron wrapper does).
    func lockOutput() throws -> OutputLock {
        do {
            return try OutputLock.acquire(folder: URL(fileURLWithPath: out, isDirectory: true),
                                          command: CommandLine.arguments.joined(separator: " "), wait: waitLock ?? 0)
        } catch let failure as OutputLock.Failure {
            FileHandle.standardError.write(Data((failure.message.text(language) + "\n").utf8))
            if case .busy = failure { throw ExitCode(75) }
            throw ExitCode.failure
        }
    }
}

/// `--lang th|en`: ArgumentParser refuses any other value (exit 64) and lists the two in `--help`.
extension Language: ExpressibleByArgument {}
