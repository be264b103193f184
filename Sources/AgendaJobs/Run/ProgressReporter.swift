import AgendaCore
import Foundation

/// Progress lines on stderr, only when a person is watching (stderr is a terminal); cron logs stay quiet.
struct ProgressReporter {
    let enabled: Bool

    func say(th: String, en: String) {
        guard enabled else { return }
        emit("\(th) (\(en))")
    }

    /// "read 120 files, 1,234,567 rows in 2.1 s (587,889 rows/s)".
    func rate(files: Int, rows: Int, seconds: Double) {
        guard enabled else { return }
        let perSecond = seconds > 0 ? Int((Double(rows) / seconds).rounded()) : rows
        emit("อ่าน \(files) ไฟล์ \(rows) แถว ใน \(String(format: "%.1f", seconds)) วินาที "
             + "(read \(files) files, \(rows) rows, \(perSecond) rows/s)")
    }

    /// A progress callback for the importer: one line rewritten in place ("\r") at most four times a second,
    /// with files read and rows per second; nil when nobody is watching.
    func importProgress(started: Date) -> (@Sendable (Int, Int, Int) -> Void)? {
        guard enabled else { return nil }
        let last = LastReport()
        return { files, total, rows in
            let now = Date()
            guard files == total || now.timeIntervalSince(last.time) >= 0.25 else { return }
            last.time = now
            let seconds = max(now.timeIntervalSince(started), 0.001)
            let rate = Int((Double(rows) / seconds).rounded())
            let line = "\rอ่านแล้ว \(files)/\(total) ไฟล์ \(rows) แถว (read \(files)/\(total) files, \(rate) rows/s)"
                + (files == total ? "\n" : "")
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// The time of the last progress line; only the importer's single thread touches it.
    private final class LastReport: @unchecked Sendable {
        var time = Date(timeIntervalSince1970: 0)
    }

    private func emit(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
