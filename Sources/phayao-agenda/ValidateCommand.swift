import ArgumentParser

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate")

    func run() throws {
        throw CleanExit.message("validate: not built yet")
    }
}
