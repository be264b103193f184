import AgendaCore
import Crypto
import Foundation

/// The scan cache on disk, `<out>/.cache/scans/`: one entry per input path, like git's index keyed by what `stat`
/// says of the file, so a nightly run reads only new and changed files.
///
/// An entry is `PHAYAO-SCAN-CACHE 2\n`, one line naming the path, the file's identity, the scanner's context and
/// the reference tables' SHA-256, then the scan's bytes, then the XXH64 of everything before it (8 bytes, little
/// endian; version 1 ended in a SHA-256, see `XXHash64` for why no longer). `load` returns
/// the scan only when the checksum holds and the line matches exactly, so a truncated or corrupt entry, an edited
/// file, changed reference tables or another program version is a miss, never a wrong number. Entries are written
/// to a temporary name and renamed; a file modified within `racyWindow` of the run's start is not cached at all,
/// because a second change within the same clock tick could leave its identity unchanged (git's "racy" rule).
public final class DiskScanCache: ScanStore, @unchecked Sendable {
    // @unchecked Sendable: `used` is the only mutable state and is touched only under `lock`.
    public static let folderName = ".cache"
    static let magic = "PHAYAO-SCAN-CACHE 2\n"
    public static let racyWindow: TimeInterval = 2

    let folder: URL
    let referenceDigest: String
    let startedAt: Date
    private let lock = NSLock()
    private var used: Set<String> = []

    /// - Parameters:
    ///   - referenceDigest: SHA-256 of the reference tables the import checks rows against.
    ///   - program: what identifies the running binary; a rebuilt program never trusts scans an earlier build
    ///     made, even when its version number did not change.
    public init(output: URL, referenceDigest: String, program: String = DiskScanCache.programIdentity,
                startedAt: Date = Date()) {
        folder = output.appendingPathComponent(Self.folderName, isDirectory: true).appendingPathComponent("scans", isDirectory: true)
        self.referenceDigest = referenceDigest + " " + program
        self.startedAt = startedAt
    }

    /// The running executable's identity (`identity(of:)` of `/proc/self/exe`).
    public static let programIdentity: String = identity(of: URL(fileURLWithPath: "/proc/self/exe")) ?? "unknown"


    private func entryURL(_ path: String) -> URL {
        let name = SHA256.hash(data: Data(path.utf8)).map { String(format: "%02x", $0) }.joined()
        return folder.appendingPathComponent(name + ".scan")
    }

    private func keyLine(path: String, identity: String, context: String) -> [UInt8] {
        // Tabs and newlines cannot occur in the fields the importer passes; escape them anyway so the line is one.
        let fields = [path, identity, context, referenceDigest].map {
            $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
                .replacingOccurrences(of: "\t", with: "\\t")
        }
        return Array((fields.joined(separator: "\t") + "\n").utf8)
    }

    public func load(path: String, identity: String, context: String) -> [UInt8]? {
        let url = entryURL(path)
        lock.withLock { _ = used.insert(url.lastPathComponent) }
        guard let data = try? Data(contentsOf: url), data.count > 8 else { return nil }
        let body = data.prefix(data.count - 8)
        guard Self.checksum(body) == data.suffix(8) else { return nil }
        let header = Array(Self.magic.utf8) + keyLine(path: path, identity: identity, context: context)
        guard body.starts(with: header) else { return nil }
        return Array(body.dropFirst(header.count))
    }

    public func save(_ bytes: [UInt8], path: String, identity: String, context: String) {
        guard let modified = Self.modificationTime(identity), modified < startedAt.addingTimeInterval(-Self.racyWindow) else {
            return
        }
        let url = entryURL(path)
        lock.withLock { _ = used.insert(url.lastPathComponent) }
        var body = Data(Self.magic.utf8)
        body.append(contentsOf: keyLine(path: path, identity: identity, context: context))
        body.append(contentsOf: bytes)
        body.append(Self.checksum(body))
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Not fsynced: a cache entry lost in a crash is only a miss (its checksum catches a torn one).
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard (try? body.write(to: temporary)) != nil else { return }
        if rename(temporary.path, url.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    }

    /// The 8 bytes that end an entry: XXH64 of the rest, little endian.
    static func checksum(_ body: Data) -> Data {
        withUnsafeBytes(of: body.withUnsafeBytes { XXHash64.hash($0) }.littleEndian) { Data($0) }
    }

    /// Removes entries no path of this run asked for (files deleted or renamed since) and temporary files a killed
    /// run left, so the cache stays the size of the inputs. Called after the import, when no scan is writing.
    public func prune() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let keep = lock.withLock { used }
        for name in names where !keep.contains(name) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// The identity of the file at `url`: device, inode, size, modification and change times to the nanosecond;
    /// nil when it cannot be stat'ed (then it is not cached).
    public static func identity(of url: URL) -> String? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
            + ":\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
    }

    /// The modification time an identity records.
    static func modificationTime(_ identity: String) -> Date? {
        let parts = identity.split(separator: ":")
        guard parts.count == 5, let seconds = Double(parts[3]) else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }
}
