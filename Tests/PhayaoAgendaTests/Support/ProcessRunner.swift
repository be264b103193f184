import Foundation

/// Runs the built `phayao-agenda` binary as a clerk would, capturing its output and exit status.
struct ProcessRunner {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable sits beside the test bundle in the build folder: `/proc/self/exe` resolved, then its folder.
    static let executable: URL = {
        let selfPath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: selfPath).deletingLastPathComponent()
        // On platforms where the test bundle is a directory (…xctest/Contents/MacOS), climb out of it.
        while !FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("phayao-agenda").path),
              dir.pathComponents.count > 1 {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("phayao-agenda")
    }()

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        // stderr goes to a file so the two streams can never block each other on a full pipe.
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let errHandle = try FileHandle(forWritingTo: errURL)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errHandle
        try process.run()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errHandle.close()
        let stderrData = try Data(contentsOf: errURL)
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }
}
