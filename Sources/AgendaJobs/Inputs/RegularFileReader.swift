import AgendaCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Opens a file for reading only when it is a regular file, without ever blocking.
///
/// A FIFO, a socket or a device named `*.csv` (or a symlink to `/dev/zero`) would otherwise hang the run forever
/// (`open` on a FIFO waits for a writer; `/dev/zero` never ends) and, under cron, keep the lock so that every later
/// night is refused. The file is opened non-blocking, checked with `fstat` on the open descriptor (so a file
/// swapped between a check and the open cannot slip through), and only then read.
enum RegularFileReader {
    /// The chunks of an open regular file: read(2) into a scratch block allocated once, then appended to the
    /// caller's buffer (a memcpy; growing the buffer first would zero-fill a megabyte per chunk).
    final class Chunks: ByteChunkSource {
        private let descriptor: Int32
        private var scratch = UnsafeMutableRawBufferPointer(start: nil, count: 0)

        init(descriptor: Int32) {
            self.descriptor = descriptor
        }

        deinit {
            close(descriptor)
            scratch.deallocate()
        }

        func read(into buffer: inout [UInt8], maxCount: Int) throws -> Int {
            if scratch.count < maxCount {
                scratch.deallocate()
                scratch = .allocate(byteCount: maxCount, alignment: 16)
            }
            var count = 0
            repeat {
                count = Glibc.read(descriptor, scratch.baseAddress!, maxCount)
            } while count < 0 && errno == EINTR
            guard count >= 0 else { throw RegularFileReader.error(errno, path: "") }
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[..<count]))
            return count
        }
    }

    static func open(_ url: URL) throws -> Chunks {
        let fd = Glibc.open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: url.path]) }
            throw error(code, path: url.path)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw error(code, path: url.path)
        }
        let kind = FileStatus.Kind(mode: info.st_mode)
        guard kind == .regular else {
            close(fd)
            throw SubmissionUnreadable(reason: DiscoveryMessages.notRegularFile(kind.label))
        }
        // Regular files never block; clear the flag so reads behave as usual.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return Chunks(descriptor: fd)
    }

    static func error(_ code: Int32, path: String) -> NSError {
        NSError(domain: NSPOSIXErrorDomain, code: Int(code),
                userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(code)), NSFilePathErrorKey: path])
    }
}

extension SubmissionFile {
    /// The file at `url`, shown as `displayPath`, with its modification time (the epoch when it cannot be read:
    /// the read then fails and says why). Opened afresh for each reading attempt, regular files only.
    public static func onDisk(url: URL, displayPath: String) -> SubmissionFile {
        // Foundation's reading of the time (a stat, nothing is opened): the same Date, to the last bit, as every
        // earlier version used, so reports stay byte-identical (a hand-made seconds + nanoseconds sum differed
        // in the last digit of the Sources sheet's serial date).
        let modified = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
            ?? Date(timeIntervalSince1970: 0)
        var file = SubmissionFile(displayPath: displayPath, modified: modified) { try RegularFileReader.open(url) }
        file.identity = DiskScanCache.identity(of: url)
        return file
    }
}
