import Foundation
@testable import AgendaCore

/// Locates committed fixtures and makes scratch folders for tests that need to write files.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    static let minimalReference = url("reference/minimal")

    static func reference() throws -> ReferenceData { try ReferenceLoader.load(from: minimalReference) }

    /// A new empty folder under the system temporary directory.
    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @discardableResult
    static func write(_ bytes: [UInt8], to url: URL, modified: Date? = nil) throws -> URL {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        if let modified { try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path) }
        return url
    }

    @discardableResult
    static func write(_ text: String, to url: URL, modified: Date? = nil) throws -> URL {
        try write(Array(text.utf8), to: url, modified: modified)
    }

    /// Imports committed fixture files from `Tests/Fixtures/ingest/`, shown by their bare names.
    static func importIngest(_ names: [String], chunkSize: Int = 1 << 20) throws -> ImportResult {
        var importer = SubmissionImporter(reference: try reference())
        importer.chunkSize = chunkSize
        return importer.importFiles(names.map { SubmissionFile(url: url("ingest/\($0)"), displayPath: $0) })
    }
}
