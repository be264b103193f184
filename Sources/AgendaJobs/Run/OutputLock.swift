import AgendaCore
import Foundation

/// An advisory `flock(2)` on `<out>/.phayao-agenda-run.lock`, held by `report` and `nightly` for the whole run, so
/// two runs never write into one output folder at once (a manual `report` during the nightly run, two cron
/// entries, a coordinator pressing the button twice).
///
/// Why a file of its own and not the cron wrapper's `.phayao-agenda.lock`: flock locks belong to an open file
/// description, so the binary opening the wrapper's file anew and asking for the lock the wrapper already holds
/// would wait for its own parent forever. With two names the wrapper keeps serialising its runs (and its log
/// rotation) and the binary serialises everything that writes reports, including runs started by hand.
///
/// After locking, the holder writes its pid, command line and start time into the file, so a refused run can say
/// who is busy. The file is never deleted: deleting a lock file lets a third run lock a new inode while the
/// second still holds the old one. The kernel drops the lock when the process ends, however it ends.
public final class OutputLock: @unchecked Sendable {
    public static let fileName = ".phayao-agenda-run.lock"

    public enum Failure: Error {
        /// Another run holds the lock; `holder` is what it wrote about itself (may be empty if it just started).
        case busy(path: String, holder: String, waited: Int)
        case cannotOpen(path: String, code: Int32)

        public var message: BilingualText {
            switch self {
            case .busy(let path, let holder, let waited):
                let who = holder.isEmpty ? "?" : holder
                return BilingualText(
                    th: "ไม่ได้ทำงาน: มีอีกรอบหนึ่งกำลังเขียนรายงานในโฟลเดอร์นี้อยู่ (ล็อก \(path) รอแล้ว \(waited) วินาที; ผู้ถือล็อก: \(who)) ลองใหม่เมื่อรอบนั้นเสร็จ หรือใช้ --wait-lock",
                    en: "Not run: another run is writing reports in this folder (lock \(path), waited \(waited)s; held by: \(who)). Try again when it has finished, or pass --wait-lock.")
            case .cannotOpen(let path, let code):
                let reason = String(cString: strerror(code))
                return BilingualText(
                    th: "เปิดไฟล์ล็อก \(path) ไม่ได้ (\(reason)) ตรวจว่าเขียนโฟลเดอร์ผลลัพธ์ได้",
                    en: "Cannot open the lock file \(path) (\(reason)); check that the output folder is writable.")
            }
        }
    }

    private let descriptor: Int32
    public let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// Locks `folder` (created when missing), polling every 0.1 s for up to `wait` seconds when it is busy.
    public static func acquire(folder: URL, command: String, wait: Int = 0) throws -> OutputLock {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(fileName).path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure.cannotOpen(path: path, code: errno) }
        let deadline = Date().addingTimeInterval(TimeInterval(wait))
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                close(fd)
                throw Failure.cannotOpen(path: path, code: code)
            }
            guard Date() < deadline else {
                let holder = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                close(fd)
                throw Failure.busy(path: path, holder: holder.split(separator: "\n").joined(separator: ", "),
                                   waited: wait)
            }
            usleep(100_000)
        }
        let started = ISO8601DateFormatter().string(from: Date())
        let note = "pid \(getpid())\ncommand \(command)\nstarted \(started)\n"
        _ = ftruncate(fd, 0)
        _ = note.withCString { pwrite(fd, $0, strlen($0), 0) }
        return OutputLock(descriptor: fd, path: path)
    }
}
