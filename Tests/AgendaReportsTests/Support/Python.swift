import Foundation

/// Runs python3 (openpyxl is the independent reader every workbook test checks against) and returns its stdout.
/// A non-zero exit throws with the script's stderr, so a reader failure says what went wrong.
enum Python {
    /// `Tests/Fixtures`, where the reader scripts live.
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    struct Failure: Error, CustomStringConvertible {
        let command: String
        let status: Int32
        let message: String
        var description: String { "\(command) failed (exit \(status)): \(message)" }
    }

    /// `python3 ARGUMENTS…`; the first argument is a script path or `-c`.
    static func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let name = arguments.first == "-c" ? "python3 -c" : (arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "python3")
            throw Failure(command: name, status: process.terminationStatus, message: errorText)
        }
        return data
    }

    /// Runs a script under `Tests/Fixtures` (e.g. `workbook/read_sheets.py`).
    static func runFixture(_ relativePath: String, _ arguments: [String]) throws -> Data {
        try run([fixtures.appendingPathComponent(relativePath).path] + arguments)
    }
}
