import Foundation

/// Runs the built `phayao-agenda` binary as a clerk would, capturing its output and exit status.
struct ProcessRunner {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Set by the `timeout:` variants when the process was still running at the deadline and was killed.
        var timedOut = false
    }

    /// Runs the binary but never waits past `timeout`: a hang becomes `timedOut` (and a SIGKILL), not a stuck suite.
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
                    timeout: TimeInterval) throws -> Outcome {
        try started(executable: executable, arguments, environment: environment, in: directory).finish(timeout: timeout)
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
        try run(executable: executable, arguments, in: directory)
    }

    /// Runs any program (the cron wrapper, a shell) with extra environment variables.
    static func run(executable program: URL, _ arguments: [String], environment: [String: String] = [:],
                    in directory: URL? = nil) throws -> Outcome {
        let process = try started(executable: program, arguments, environment: environment, in: directory)
        return try process.finish()
    }

    /// A started process whose output is collected by `finish()`; for tests that run two at once.
    final class Running {
        let process: Process
        let out: Pipe
        let errURL: URL
        let errHandle: FileHandle

        init(process: Process, out: Pipe, errURL: URL, errHandle: FileHandle) {
            self.process = process
            self.out = out
            self.errURL = errURL
            self.errHandle = errHandle
        }

        /// Like `finish()`, but kills the process at the deadline. stdout is drained on another thread meanwhile,
        /// so a chatty process cannot block on a full pipe while we wait.
        func finish(timeout: TimeInterval) throws -> Outcome {
            final class Box: @unchecked Sendable { var data = Data() }
            let box = Box()
            let done = DispatchSemaphore(value: 0)
            let reader = out.fileHandleForReading
            DispatchQueue.global().async {
                box.data = reader.readDataToEndOfFile()
                done.signal()
            }
            let deadline = Date().addingTimeInterval(timeout)
            var timedOut = false
            while process.isRunning {
                if Date() > deadline {
                    timedOut = true
                    kill(process.processIdentifier, SIGKILL)
                    break
                }
                usleep(20_000)
            }
            process.waitUntilExit()
            done.wait()
            try errHandle.close()
            let stderrData = try Data(contentsOf: errURL)
            try? FileManager.default.removeItem(at: errURL)
            return Outcome(status: process.terminationStatus, stdout: String(decoding: box.data, as: UTF8.self),
                           stderr: String(decoding: stderrData, as: UTF8.self), timedOut: timedOut)
        }

        /// True once the process has stopped itself (state `T` in /proc), e.g. at a `PHAYAO_AGENDA_PAUSE_AT` point.
        var isStopped: Bool {
            guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            return stat[close...].dropFirst(2).first == "T"
        }

        /// Waits up to `timeout` for the process to stop itself; false if it ended or kept running instead.
        func waitUntilStopped(timeout: TimeInterval) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline, process.isRunning {
                if isStopped { return true }
                usleep(10_000)
            }
            return false
        }

        func finish() throws -> Outcome {
            let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            try errHandle.close()
            let stderrData = try Data(contentsOf: errURL)
            try? FileManager.default.removeItem(at: errURL)
            return Outcome(
                status: process.terminationStatus,
                stdout: String(decoding: stdoutData, as: UTF8.self),
                stderr: String(decoding: stderrData, as: UTF8.self))
        }
    }

    static func started(executable program: URL, _ arguments: [String], environment: [String: String] = [:],
                        in directory: URL? = nil) throws -> Running {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        if let directory { process.currentDirectoryURL = directory }
        // stderr goes to a file so the two streams can never block each other on a full pipe.
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, out: out, errURL: errURL, errHandle: errHandle)
    }
}
