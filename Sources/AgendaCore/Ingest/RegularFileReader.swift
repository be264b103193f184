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
    /// The path is not a regular file; `kind` says what it is, for the message.
    struct NotRegular: Error, CustomStringConvertible {
        var path: String
        var kind: FileStatus.Kind
        var description: String { "\(path) is \(kind.label.en), not a regular file" }
    }

    static func open(_ url: URL) throws -> FileHandle {
        let fd = Glibc.open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: url.path]) }
            throw NSError(domain: NSPOSIXErrorDomain, code: Int(code),
                          userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(code)), NSFilePathErrorKey: url.path])
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw NSError(domain: NSPOSIXErrorDomain, code: Int(code),
                          userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(code)), NSFilePathErrorKey: url.path])
        }
        let kind = FileStatus.Kind(mode: info.st_mode)
        guard kind == .regular else {
            close(fd)
            throw NotRegular(path: url.path, kind: kind)
        }
        // Regular files never block; clear the flag so reads behave as usual.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }
}
