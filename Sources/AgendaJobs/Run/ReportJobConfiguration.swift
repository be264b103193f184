import AgendaCore
import AgendaReports
import Foundation

/// Everything a report run needs to know, as the command line gave it.
public struct ReportJobConfiguration: Sendable {
    /// The inputs folder: `reference/` (the four reference tables) and `submissions/` (district CSVs).
    public var inputs: URL
    /// The folder the reports go to; created when missing.
    public var output: URL
    /// `--as-of`: the report's as-of instant. nil means the newest input file's modification time (never the
    /// clock, so the same inputs give the same bytes).
    public var asOf: Date?
    /// The summary's language; the workbook is bilingual.
    public var language: Language
    public var reportOptions: ReportOptions
    public var workbookOptions: WorkbookOptions
    /// Progress on stderr (files read, rows per second). Defaults to whether stderr is a terminal, so cron logs
    /// hold only the result lines.
    public var showProgress: Bool
    /// `--export-values`: also write every accepted value to `…-data.csv` beside the workbook. Off by default:
    /// for a year of per-village values that file is larger than all the inputs together, and the workbook's
    /// `Data` sheet then holds the totals per district × month × indicator instead.
    public var exportValues: Bool
    /// `--current`: report a closed quarter from today's inputs (with its `Revisions`) instead of rebuilding the
    /// closed report from the inputs archived when it was closed.
    public var current: Bool = false
    /// Keep each input file's scan in `<out>/.cache/` and reuse it while the file is unchanged (`--no-cache`
    /// turns it off). A report built with the cache is byte-identical to one built without it.
    public var useScanCache: Bool

    public init(
        inputs: URL, output: URL, asOf: Date? = nil, language: Language = .th,
        reportOptions: ReportOptions = ReportOptions(), workbookOptions: WorkbookOptions = WorkbookOptions(),
        showProgress: Bool = isatty(2) == 1, exportValues: Bool = false, useScanCache: Bool = true
    ) {
        self.inputs = inputs
        self.output = output
        self.asOf = asOf
        self.language = language
        self.reportOptions = reportOptions
        self.workbookOptions = workbookOptions
        self.showProgress = showProgress
        self.exportValues = exportValues
        self.useScanCache = useScanCache
    }
}


/// Why a run wrote nothing. The message names the file, line and column to fix where there is one.
public struct ReportJobFailure: Error, Sendable, CustomStringConvertible {
    public var message: BilingualText

    public init(_ message: BilingualText) {
        self.message = message
    }

    public var description: String { "\(message.th) | \(message.en)" }
}
