import AgendaCore
import Foundation

/// What a report run did: the files written per scope, the import's counts and the exit code.
public struct ReportOutcome: Sendable {
    /// One scope's report, under its final names.
    public struct Written: Sendable, Hashable {
        public var scope: ReportScope
        public var workbook: URL
        public var summary: URL
        /// Set when every accepted value was exported to this CSV (`--export-values`).
        public var dataCSV: URL?
        /// Set when the superseded values overflowed the `Superseded` sheet and went to this CSV.
        public var supersededCSV: URL? = nil
        /// Set when the flagged values overflowed the `Anomalies` sheet and went, all of them, to this CSV.
        public var anomaliesCSV: URL? = nil
        /// Each district's feedback workbook and message (`districts/<code>/…` in the report's folder).
        public var districtPacks: [URL] = []
        /// Districts whose pack has something to fix, in code order.
        public var districtsToFix: [String] = []
    }

    /// Exit codes, as documented in `phayao-agenda --help` and the README.
    public enum ExitStatus: Int32, Sendable {
        /// Written, every row accepted.
        case clean = 0
        /// Nothing new written; the previous report is untouched.
        case failure = 1
        /// Written, but some rows or files were rejected (see the `Rejected` sheet).
        case writtenWithRejections = 2
    }

    public var written: [Written]
    /// Input files read.
    public var files: Int
    public var accepted: Int
    public var superseded: Int
    /// Rejected rows: the sum of `SourceFile.rejected`, the same count as the `Sources` sheet's total (several
    /// problems on one row are one rejected row, not several).
    public var rejected: Int
    /// Files (and unreadable folders) rejected as a whole, counted once however many problems their header had;
    /// their rows are not in `rejected`, because a file rejected whole reads no rows.
    public var rejectedFiles: Int
    public var status: ExitStatus
    /// Set when `status == .failure`.
    public var failure: ReportJobFailure?
    /// Paths under `submissions/` skipped with a reason (see the `Sources` sheet).
    public var skipped: Int = 0
    /// Said before everything else when the run ends: a closed quarter rebuilt from its archive, and by whom and
    /// when it was closed.
    public var notices: [BilingualText] = []
    /// Districts with something to fix in any scope's feedback pack, and how many districts there are; nil when no
    /// pack was written.
    public var districtsToFix: (count: Int, of: Int)?

    public var exitCode: Int32 { status.rawValue }

    static func failed(_ failure: ReportJobFailure) -> ReportOutcome {
        ReportOutcome(written: [], files: 0, accepted: 0, superseded: 0, rejected: 0, rejectedFiles: 0,
                      status: .failure, failure: failure)
    }

    /// The lines printed when the run ends (stdout), in `language`: paths written, then the counts.
    public func resultLines(_ language: Language) -> [String] {
        if let failure {
            return [(language == .th ? "ล้มเหลว: " : "failed: ") + failure.message.text(language)]
        }
        var lines = notices.map { $0.text(language) }
        for item in written {
            lines.append(item.workbook.path)
            lines.append(item.summary.path)
            if let csv = item.dataCSV { lines.append(csv.path) }
            if let csv = item.supersededCSV { lines.append(csv.path) }
            if let csv = item.anomaliesCSV { lines.append(csv.path) }
        }
        let n = { (x: Int) in NumberText.decimal(Double(x), decimals: 0) }
        if let toFix = districtsToFix {
            // The cron wrapper reads this line (in either language) into its one-line result.
            lines.append(language == .th ? "อำเภอที่มีเรื่องต้องแก้ไข: \(toFix.count) จาก \(toFix.of)"
                                         : "districts with something to fix: \(toFix.count) of \(toFix.of)")
        }
        switch language {
        case .th:
            var line = "อ่าน \(n(files)) ไฟล์ รับ \(n(accepted)) ค่า แทนที่ \(n(superseded)) ค่า ปฏิเสธ \(n(rejected)) แถว"
            if rejectedFiles > 0 { line += " และปฏิเสธทั้งไฟล์ \(n(rejectedFiles)) ไฟล์" }
            if skipped > 0 { line += " ข้าม \(n(skipped)) รายการ (ดูชีต Sources)" }
            lines.append(line)
        case .en:
            var line = "read \(n(files)) files: \(n(accepted)) values accepted, \(n(superseded)) superseded, "
                + "\(n(rejected)) rows rejected"
            if rejectedFiles > 0 { line += ", \(n(rejectedFiles)) whole file\(rejectedFiles == 1 ? "" : "s") rejected" }
            if skipped > 0 { line += ", \(n(skipped)) path\(skipped == 1 ? "" : "s") skipped (see the Sources sheet)" }
            lines.append(line)
        }
        return lines
    }
}
