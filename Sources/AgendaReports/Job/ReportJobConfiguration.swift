import AgendaCore
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

    public init(
        inputs: URL, output: URL, asOf: Date? = nil, language: Language = .th,
        reportOptions: ReportOptions = ReportOptions(), workbookOptions: WorkbookOptions = WorkbookOptions(),
        showProgress: Bool = isatty(2) == 1
    ) {
        self.inputs = inputs
        self.output = output
        self.asOf = asOf
        self.language = language
        self.reportOptions = reportOptions
        self.workbookOptions = workbookOptions
        self.showProgress = showProgress
    }
}

/// The file names of one scope's report: `phayao-agenda-<slug>.xlsx`, `…-summary.txt`, and `…-data.csv` when
/// the accepted values overflow the `Data` sheet.
public struct ReportFileNames: Sendable, Hashable {
    public var workbook: String
    public var summary: String
    public var dataCSV: String
    /// `…-superseded.csv`, when the superseded values overflow the `Superseded` sheet.
    public var supersededCSV: String

    public init(scope: ReportScope) {
        let base = "phayao-agenda-\(scope.slug)"
        workbook = base + ".xlsx"
        summary = base + "-summary.txt"
        dataCSV = base + "-data.csv"
        supersededCSV = Self.supersededCSVName(dataCSV: dataCSV)
    }

    /// The superseded-values CSV named after the data CSV: `…-data.csv` → `…-superseded.csv`.
    public static func supersededCSVName(dataCSV: String) -> String {
        dataCSV.hasSuffix("-data.csv") ? String(dataCSV.dropLast("-data.csv".count)) + "-superseded.csv"
            : "superseded-" + dataCSV
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
