import AgendaCore
import Crypto
import Foundation

/// A fingerprint of everything under the inputs folder, so the nightly run can tell "nothing changed".
///
/// It hashes each file's relative path, size and modification time (to the nanosecond), in path order, the way
/// `make` and `rsync` decide staleness: reading 1 GB of CSV every night just to learn that nothing changed would
/// cost as much as the report itself. Editing a file in place, adding, removing or renaming one changes the digest.
public enum InputDigest {
    public static func compute(inputs root: URL, extra: String = "") throws -> String {
        let fm = FileManager.default
        let rootPath = root.standardizedFileURL.path
        guard let walker = fm.enumerator(atPath: rootPath) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: rootPath])
        }
        var entries: [(String, UInt64, Int64)] = []
        while let relative = walker.nextObject() as? String {
            let full = rootPath + "/" + relative
            var info = stat()
            guard stat(full, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            let nanos = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            entries.append((relative, UInt64(info.st_size), nanos))
        }
        entries.sort { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
        var hasher = SHA256()
        hasher.update(data: Data("phayao-agenda inputs v1\n\(extra)\n".utf8))
        for (path, size, mtime) in entries {
            hasher.update(data: Data("\(path)\t\(size)\t\(mtime)\n".utf8))
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
