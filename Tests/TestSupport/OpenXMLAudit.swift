import Foundation

/// Runs `openxml-audit -m 0 BOOK` (pip package openxml-audit: the Open XML SDK's schema and semantic checks) and
/// returns its exit status and report. It exits 0 when the file has no errors.
public struct OpenXMLAudit {
    public let status: Int32
    public let report: String

    public var errorCount: Int? {
        guard let line = report.split(separator: "\n").last(where: { $0.hasPrefix("Errors: ") }) else { return nil }
        return Int(line.dropFirst("Errors: ".count).trimmingCharacters(in: .whitespaces))
    }

    public static func run(_ url: URL) throws -> OpenXMLAudit {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openxml-audit", "-m", "0", url.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // One pipe for both streams, read to its end before waiting: the report is small, but a blocked writer
        // must never wait on a reader that waits for it.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return OpenXMLAudit(status: process.terminationStatus, report: String(decoding: data, as: UTF8.self))
    }
}
