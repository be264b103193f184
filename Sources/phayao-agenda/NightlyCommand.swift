import ArgumentParser

struct NightlyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "nightly")

    func run() throws {
        throw CleanExit.message("nightly: not built yet")
    }
}
