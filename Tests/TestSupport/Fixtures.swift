import AgendaJobs
import Foundation
import AgendaCore

/// Locates committed fixtures and makes scratch folders for tests that need to write files.
public enum Fixtures {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    public static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    public static let minimalReference = url("reference/minimal")

    public static func reference() throws -> ReferenceData { try ReferenceFolder.load(minimalReference) }

    /// A new empty folder under the system temporary directory.
    public static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @discardableResult
    public static func write(_ bytes: [UInt8], to url: URL, modified: Date? = nil) throws -> URL {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        if let modified { try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path) }
        return url
    }

    @discardableResult
    public static func write(_ text: String, to url: URL, modified: Date? = nil) throws -> URL {
        try write(Array(text.utf8), to: url, modified: modified)
    }

    /// Imports committed fixture files from `Tests/Fixtures/ingest/`, shown by their bare names.
    public static func importIngest(_ names: [String], chunkSize: Int = 1 << 20) throws -> ImportResult {
        var importer = SubmissionImporter(reference: try reference())
        importer.chunkSize = chunkSize
        return importer.importFiles(names.map { SubmissionFile.onDisk(url: url("ingest/\($0)"), displayPath: $0) })
    }
}
