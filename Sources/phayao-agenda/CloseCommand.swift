import AgendaCore
import AgendaJobs
import ArgumentParser
import Foundation

/// `phayao-agenda close --quarter 2565-Q2`: signs a quarter off, so its report stays reproducible and every later
/// change to its figures shows as a revision. A human decision: cron never closes.
struct CloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Close a fiscal quarter: freeze its report, a manifest and copies of every input.",
        discussion: """
            Writes <out>/closed/FY2565-Q2/<n>/: the quarter's workbook and summary as `report --quarter` writes them, \
            manifest.csv (every input file with its SHA-256, size, modification time and row counts; the reference \
            tables; the program version, as-of date, note and who closed it) and read-only copies of every input \
            under inputs/. Afterwards `report --quarter` rebuilds the closed report from those copies, and year and \
            nightly reports list later changes on a Revisions sheet.

            Exit codes:
              0   closed
              1   not closed: the submission window is still open (see --force), the quarter is already closed \
            (see --reopen), an input cannot be read, or the reference tables are broken
              64  bad flags
              75  another run is writing to the same output folder (see --wait-lock)
            """)

    @Option(name: .long, help: "Fiscal quarter in Buddhist Era: 2565-Q2 or FY2565-Q2 (Q1 = Oct–Dec).")
    var quarter: String

    @Option(name: .long, help: "A note kept in the manifest (e.g. the meeting that signed the quarter off).")
    var note: String = ""

    @Flag(name: .long, help: "Close although the quarter's submission window (month end + timeliness days) is still open.")
    var force = false

    @Flag(name: .long, help: "Close a quarter again; the earlier closing is kept beside the new one.")
    var reopen = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard FiscalQuarter(label: quarter) != nil else {
            throw ValidationError("--quarter must look like 2565-Q2 or FY2565-Q2 (Buddhist Era, quarter 1–4), not '\(quarter)'")
        }
    }

    func run() throws {
        guard let quarter = FiscalQuarter(label: quarter) else { preconditionFailure("validate() checked --quarter") }
        let configuration = common.jobConfiguration()
        let job = CloseJob(configuration: configuration, quarter: quarter, judgedAt: configuration.asOf ?? Date(),
                           note: note, force: force, reopen: reopen, user: Self.userName())
        let lock = try common.lockOutput()
        let result = withExtendedLifetime(lock) { Result { try job.run() } }
        switch result {
        case .success(let closing):
            let th = "ปิดไตรมาส \(quarter.quarter)/\(quarter.fiscalYear) แล้ว: \(closing.folder.path)"
            let en = "Closed quarter \(quarter.quarter)/\(quarter.fiscalYear): \(closing.folder.path)"
            print(common.language == .th ? th : en)
        case .failure(let error):
            let message = (error as? ReportJobFailure)?.message.text(common.language) ?? "\(error)"
            FileHandle.standardError.write(Data(((common.language == .th ? "ล้มเหลว: " : "failed: ") + message + "\n").utf8))
            throw ExitCode.failure
        }
    }

    /// The login name recorded as who closed the quarter.
    static func userName() -> String {
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid \(getuid())"
    }
}
