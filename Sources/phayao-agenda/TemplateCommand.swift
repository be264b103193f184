import ArgumentParser

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "template")

    func run() throws {
        throw CleanExit.message("template: not built yet")
    }
}
