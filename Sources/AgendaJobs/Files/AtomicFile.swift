import AgendaCore
import Foundation

/// Writes a file so that readers only ever see the previous complete version or the new complete version.
///
/// The content is produced under a temporary name in the destination folder (same file system, so the final
/// `rename(2)` is atomic), flushed to disk, and renamed over the final name only when the producer succeeded.
/// A crash or kill leaves at most a `.partial` file beside the last good report, never a half-written file under
/// the report's name; stale partial files are swept by `removeStalePartials(in:)` at the start of the next run.
public enum AtomicFile {
    /// Marker in temporary names; nothing else in `Reports/` uses it.
    public static let partialMarker = ".partial-"

    /// A failed system call on a report file, with the path and the system's reason.
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var operation: String
        public var code: Int32

        public init(path: String, operation: String, code: Int32) {
            self.path = path
            self.operation = operation
            self.code = code
        }

        public var description: String {
            "\(operation) \(path) failed: \(String(cString: strerror(code))) (errno \(code))"
        }
    }

    /// The temporary path used while `final` is being produced: `.<name>.partial-<pid>-<n>` in the same folder.
    public static func temporaryURL(for final: URL) -> URL {
        let folder = final.deletingLastPathComponent()
        let unique = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        return folder.appendingPathComponent(".\(final.lastPathComponent)\(partialMarker)\(unique)")
    }

    /// Runs `produce` with a temporary path, then moves the finished file over `final`.
    ///
    /// If `produce` throws, the temporary file is removed and `final` is left exactly as it was.
    public static func write(to final: URL, produce: (URL) throws -> Void) throws {
        let temporary = temporaryURL(for: final)
        do {
            try produce(temporary)
            try flushToDisk(temporary)
            try rename(temporary, over: final)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Writes `data` atomically to `final`.
    public static func write(_ data: Data, to final: URL) throws {
        try write(to: final) { temporary in
            try data.write(to: temporary)
        }
    }

    /// Deletes partial files left in `folder` by runs that were killed. Returns how many were removed.
    ///
    /// Only partials whose writer is gone: the pid in the name (`….partial-<pid>-<n>`) must not be a live process.
    /// The report commands also hold the output folder's lock while they sweep, so no other run of this program can
    /// be staging there; the pid check is the second guard, for anything that writes without the lock (an older
    /// binary, an in-process caller, `template --out` into the reports folder). This process's own partials are
    /// left alone too: they may be another job's in the same process. A recycled pid only delays a sweep.
    /// A staging folder of a run killed mid-commit holds whole reports only (new ones not switched in, previous
    /// ones switched out), so it is swept like any partial.
    @discardableResult
    public static func removeStalePartials(in folder: URL) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var removed = 0
        for name in names.sorted() where name.hasPrefix(".") && name.contains(partialMarker) {
            if let pid = writerPID(name), isAlive(pid) { continue }
            if (try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))) != nil {
                removed += 1
            }
        }
        return removed
    }

    /// The pid in a temporary name made by `temporaryURL(for:)` (or `latest/`'s swap folders), nil when absent.
    static func writerPID(_ name: String) -> pid_t? {
        guard let marker = name.range(of: partialMarker, options: .backwards) else { return nil }
        let digits = name[marker.upperBound...].prefix { $0.isASCII && $0.isNumber }
        guard let pid = pid_t(digits), pid > 0 else { return nil }
        return pid
    }

    /// True when `pid` is a running process (EPERM: it exists but belongs to another user).
    static func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// fsync: the content is on disk before a rename makes it the report, so a power cut cannot leave an empty
    /// file under the final name.
    public static func flushToDisk(_ url: URL) throws {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw Failure(path: url.path, operation: "open", code: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw Failure(path: url.path, operation: "fsync", code: errno) }
    }

    /// Swaps two directories (or files) in one step with `renameat2(RENAME_EXCHANGE)` (Linux 3.15 and later):
    /// at every instant each name holds one complete folder. False when the kernel, the C library or the file
    /// system cannot do it (the caller then falls back to two renames); throws on any other failure.
    static func exchange(_ a: URL, _ b: URL) throws -> Bool {
        guard let renameat2 = renameat2Function else { return false }
        let renameExchange: UInt32 = 1 << 1  // RENAME_EXCHANGE in <linux/fs.h>
        if renameat2(AT_FDCWD, a.path, AT_FDCWD, b.path, renameExchange) == 0 { return true }
        let code = errno
        if [EINVAL, ENOSYS, ENOTSUP, EOPNOTSUPP].contains(code) { return false }
        throw Failure(path: b.path, operation: "exchange", code: code)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc has `renameat2` since 2.28, but Swift's Glibc module does not declare it; looked up at run time so
    /// an older C library only loses the one-step swap.
    private static let renameat2Function: RenameAt2? = {
        guard let symbol = dlsym(nil, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    private static func rename(_ from: URL, over to: URL) throws {
        guard Foundation.rename(from.path, to.path) == 0 else {
            throw Failure(path: to.path, operation: "rename", code: errno)
        }
    }
}
