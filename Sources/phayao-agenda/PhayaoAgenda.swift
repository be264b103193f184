import ArgumentParser

/// The `phayao-agenda` command: the reporting job for Phayao province's development agenda (วาระคนพะเยา).
///
/// Each subcommand parses its flags, calls the core and maps the outcome to an exit code; no reporting logic
/// lives here.
@main
struct PhayaoAgenda: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phayao-agenda",
        abstract: "Reports on Phayao province's development agenda (วาระคนพะเยา) from district CSV submissions.",
        discussion: """
            Exit codes:
              0   success, every row accepted
              2   report written, but some rows or files were rejected (see the Rejected sheet)
              1   failure: nothing (new) was written; the previous report is untouched
              64  bad usage
              75  (report, nightly, close) another run is writing to the same output folder
            `validate` exits 1 when anything was rejected.
            """,
        subcommands: [ReportCommand.self, ValidateCommand.self, NightlyCommand.self, CloseCommand.self, StatusCommand.self, TemplateCommand.self]
    )
}
