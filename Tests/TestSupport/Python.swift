import Foundation

/// Runs python3 (openpyxl is the independent reader every workbook test checks against) and returns its stdout.
/// A non-zero exit throws with the script's stderr, so a reader failure says what went wrong.
public enum Python {
    /// `Tests/Fixtures`, where the reader scripts live.
    public static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    public struct Failure: Error, CustomStringConvertible {
        public let command: String
        public let status: Int32
        public let message: String
        public var description: String { "\(command) failed (exit \(status)): \(message)" }
    }

    /// `python3 ARGUMENTS…`; the first argument is a script path or `-c`. stderr goes to a file while stdout is
    /// read, so a script that writes a lot to both can never block on a full pipe.
    public static func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        let errorURL = FileManager.default.temporaryDirectory.appendingPathComponent("python-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let errorHandle = try FileHandle(forWritingTo: errorURL)
        defer { try? FileManager.default.removeItem(at: errorURL) }
        process.standardOutput = output
        process.standardError = errorHandle
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? errorHandle.close()
        guard process.terminationStatus == 0 else {
            let errorText = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
            let name = arguments.first == "-c" ? "python3 -c" : (arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "python3")
            throw Failure(command: name, status: process.terminationStatus, message: errorText)
        }
        return data
    }

    /// Runs a script under `Tests/Fixtures` (e.g. `workbook/read_sheets.py`).
    public static func runFixture(_ relativePath: String, _ arguments: [String]) throws -> Data {
        try run([fixtures.appendingPathComponent(relativePath).path] + arguments)
    }
}
