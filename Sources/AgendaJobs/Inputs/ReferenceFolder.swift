import AgendaCore
import Crypto
import Foundation

/// Reads the reference tables of `Inputs/reference/` from disk for the core's `ReferenceLoader`.
public enum ReferenceFolder {
    /// Loads and validates the tables in `folder`; a table that cannot be read is reported by the loader with its
    /// path, like any other problem (`ReferenceDataError`).
    public static func load(_ folder: URL) throws -> ReferenceData {
        var bytes: [String: [UInt8]] = [:]
        for name in ReferenceTables.fileNames {
            let url = folder.appendingPathComponent(name)
            // Small files; a FIFO named areas.csv is not opened (the regular-file check never blocks).
            if let handle = try? RegularFileReader.open(url) {
                var content: [UInt8] = []
                while (try? handle.read(into: &content, maxCount: 1 << 20)).map({ $0 > 0 }) ?? false {}
                bytes[name] = content
            }
        }
        return try ReferenceLoader.load(ReferenceTables(bytes: bytes, location: folder.path))
    }

    /// SHA-256 over the tables' names and bytes: what the scan cache keys on, so an edited table makes every cached
    /// scan a miss (a row valid yesterday may not be today).
    public static func digest(_ folder: URL) -> String {
        var hasher = SHA256()
        for name in ReferenceTables.fileNames {
            hasher.update(data: Data(name.utf8 + [0]))
            let bytes = (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data()
            hasher.update(data: Data(String(bytes.count).utf8 + [0]))
            hasher.update(data: bytes)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The newest modification time among the tables, for a report run on no submissions at all.
    static func newestModification(_ folder: URL) -> Date? {
        ReferenceTables.fileNames.compactMap { name -> Date? in
            var info = stat()
            guard stat(folder.appendingPathComponent(name).path, &info) == 0 else { return nil }
            return Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec))
        }.max()
    }
}
