import AgendaCore
import AgendaJobs
import ArgumentParser
import Foundation

/// `phayao-agenda validate FILE…`: a district clerk's dry run, with the same rules and reference data as the
/// report but nothing written.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check submission CSV files without writing a report (a dry run for district clerks).",
        discussion: """
            Prints each problem as `file:line:column: message` (Thai unless --lang en), then a one-line summary.
            Exit codes:
              0   every row of every file accepted (blank values and superseded rows are not problems)
              1   something was rejected, including a FILE that does not exist or cannot be read,
                  or is not a regular file (a FIFO, device or folder is rejected without being opened),
                  or the reference tables in DIR/reference are broken (message on stderr)
              64  bad usage (no FILE, unknown option, --lang other than th or en)
            """)

    @Argument(help: "Submission CSV files to check.")
    var files: [String] = []

    @Option(name: .customLong("inputs"), help: ArgumentHelp("Inputs folder; reference tables are read from DIR/reference.", valueName: "DIR"))
    var inputs: String = "Inputs"

    @Option(help: ArgumentHelp("Language of the messages: th or en.", valueName: "th|en"))
    var lang: Language = .th

    @Flag(help: "Print only the summary line, not each problem (for very large inputs and benchmarks).")
    var summaryOnly = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one FILE to check.") }
    }

    func run() throws {
        let language = lang
        let referenceFolder = URL(fileURLWithPath: inputs).appendingPathComponent("reference")
        let reference: ReferenceData
        do {
            reference = try ReferenceFolder.load(referenceFolder)
        } catch let error as ReferenceDataError {
            FileHandle.standardError.write(Data((error.message(language) + "\n").utf8))
            throw ExitCode(1)
        }
        var importer = SubmissionImporter(reference: reference)
        importer.retainValues = false
        // A clerk checks a file before sending it: periods up to a year from today are plausible.
        importer.asOf = Date()
        // A FIFO, device or folder given on the command line is rejected from its `stat` alone and never opened:
        // opening a FIFO blocks until something writes to it, and /dev/zero never ends.
        let given = files.map { SubmissionFile.onDisk(url: URL(fileURLWithPath: $0), displayPath: $0) }
        let notFiles = files.compactMap { SubmissionDiscovery.rejectionForExplicitFile(path: $0, displayPath: $0) }
        let rejected = Set(notFiles.map(\.file))
        var result = importer.importFiles(given.filter { !rejected.contains($0.displayPath) })
        result.merge(SubmissionDiscovery(rejections: notFiles))
        let report = ValidationReport(result: result)
        var out = summaryOnly ? "" : report.problemLines(language).map { $0 + "\n" }.joined()
        out += report.summary(language) + "\n"
        FileHandle.standardOutput.write(Data(out.utf8))
        if report.hasProblems { throw ExitCode(1) }
    }
}
