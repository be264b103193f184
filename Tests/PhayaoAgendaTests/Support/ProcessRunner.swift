import Foundation

/// Runs the built `phayao-agenda` binary as a clerk would, capturing its output and exit status.
struct ProcessRunner {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        /// True when `finish(timeout:)` had to kill the process.
        var timedOut = false
        /// The signal that ended the process (then `status` is that signal's number), nil for a normal exit.
        var signal: Int32? = nil
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

    /// Runs `phayao-agenda` but never waits past `timeout` seconds: a hang becomes `timedOut` (and a SIGKILL),
    /// not a stuck suite.
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
                    timeout: TimeInterval) throws -> Outcome {
        try started(executable: executable, arguments, environment: environment, in: directory).finish(timeout: timeout)
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

        func finish() throws -> Outcome {
            let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            try errHandle.close()
            let stderrData = try Data(contentsOf: errURL)
            try? FileManager.default.removeItem(at: errURL)
            return Outcome(
                status: process.terminationStatus,
                stdout: String(decoding: stdoutData, as: UTF8.self),
                stderr: String(decoding: stderrData, as: UTF8.self),
                signal: process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil)
        }

        /// Like `finish()`, but kills the process when it runs longer than `timeout` seconds. stdout is drained
        /// on another thread meanwhile, so a process that fills the pipe is never mistaken for a hung one.
        func finish(timeout: TimeInterval) throws -> Outcome {
            let drained = PipeDrain(out.fileHandleForReading)
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning, Date() < deadline { usleep(10_000) }
            let timedOut = process.isRunning
            if timedOut { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            try errHandle.close()
            let stderrData = try Data(contentsOf: errURL)
            try? FileManager.default.removeItem(at: errURL)
            return Outcome(
                status: process.terminationStatus,
                stdout: String(decoding: drained.wait(), as: UTF8.self),
                stderr: String(decoding: stderrData, as: UTF8.self),
                timedOut: timedOut,
                signal: process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil)
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
    }

    /// Reads a pipe to its end on a thread of its own.
    final class PipeDrain: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var data = Data()  // written by the thread, read after `done` is signalled

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            return data
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
