import AgendaCore
import AgendaJobs
import AgendaReports
import ArgumentParser
import Foundation

/// `phayao-agenda status`: the coordinator's morning screen. Reads only; takes no lock.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each quarter of this and last fiscal year: open, due or closed, missing months, next deadline.",
        discussion: """
            Exit codes: 0 shown; 1 the inputs or a closing record cannot be read; 64 bad flags.
            """)

    @OptionGroup var common: CommonOptions

    func run() throws {
        let configuration = common.jobConfiguration()
        do {
            let (board, reference) = try StatusJob(configuration: configuration, asOf: configuration.asOf ?? Date()).run()
            print(StatusRenderer(language: common.language).render(board, reference: reference), terminator: "")
        } catch {
            let message = (error as? ReportJobFailure)?.message.text(common.language) ?? "\(error)"
            FileHandle.standardError.write(Data(((common.language == .th ? "ล้มเหลว: " : "failed: ") + message + "\n").utf8))
            throw ExitCode.failure
        }
    }
}
