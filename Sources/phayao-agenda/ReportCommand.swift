import ArgumentParser

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report")

    func run() throws {
        throw CleanExit.message("report: not built yet")
    }
}
