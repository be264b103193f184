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

    private func emit(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
