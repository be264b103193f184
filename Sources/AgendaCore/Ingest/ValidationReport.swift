/// What `phayao-agenda validate` prints: one line per problem in the compiler-style `file:line:column: message`
/// form (editors and terminals make it clickable), then a one-line summary.
///
/// Kept in the core rather than the command so the exact text is unit-tested.
public struct ValidationReport: Sendable {
    public let result: ImportResult

    public init(result: ImportResult) {
        self.result = result
    }

    /// True when any row or file was rejected; `validate` then exits 1.
    public var hasProblems: Bool { !result.rejections.isEmpty }

    /// `file:line:column: message`; the column part is left out when the problem is with the whole row or file
    /// (`file:line: message`), and a file rejected before any line reads `file:0: message`.
    public static func format(_ rejection: Rejection, language: Language) -> String {
        let column = rejection.column.isEmpty ? "" : "\(rejection.column):"
        return "\(rejection.file):\(rejection.line):\(column) \(rejection.reason.text(language))"
    }

    /// The rejections, then the notices (accepted, but the workbook cannot show something in full), each notice
    /// marked as such so a clerk does not take it for a rejection; notices never change the exit code.
    public func problemLines(_ language: Language) -> [String] {
        let mark = language == .th ? "แจ้งให้ทราบ" : "notice"
        return result.rejections.map { Self.format($0, language: language) }
            + result.notices.map { "\($0.file):\($0.line): \(mark): \($0.reason.text(language))" }
    }

    /// Totals over all files; "rows" are data records, so the parts add up to the rows read.
    public func summary(_ language: Language) -> String {
        let s = result.sources
        let files = s.count
        let rows = s.reduce(0) { $0 + $1.rowsRead }
        let accepted = s.reduce(0) { $0 + $1.accepted }
        let superseded = s.reduce(0) { $0 + $1.superseded }
        let rejected = s.reduce(0) { $0 + $1.rejected }
        let blank = s.reduce(0) { $0 + $1.blank }
        let wholeFiles = Set(result.rejections.filter(\.wholeFile).map(\.file)).count
        switch language {
        case .th:
            let whole = wholeFiles > 0 ? " ไฟล์ที่ไม่ถูกนับทั้งไฟล์ \(wholeFiles)" : ""
            return "ตรวจ \(files) ไฟล์ \(rows) แถว: ผ่าน \(accepted) ถูกแทนที่ \(superseded) ไม่ผ่าน \(rejected) ไม่ได้รายงาน (ว่าง) \(blank)\(whole)"
        case .en:
            let whole = wholeFiles > 0 ? "; \(wholeFiles) file\(wholeFiles == 1 ? "" : "s") rejected whole" : ""
            return "Checked \(files) file\(files == 1 ? "" : "s"), \(rows) rows: \(accepted) accepted, \(superseded) superseded, \(rejected) rejected, \(blank) blank (not reported)\(whole)"
        }
    }
}
