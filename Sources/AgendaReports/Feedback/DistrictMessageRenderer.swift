import AgendaCore
import Foundation

/// The short message a coordinator pastes into a chat with a district clerk: plain lines, no table art (a chat app
/// breaks columns), at most `lineLimit` lines, Thai by default. A district with nothing to fix gets a two-line
/// thank-you with its on-time record.
public struct DistrictMessageRenderer: Sendable {
    public static let lineLimit = 20
    /// Rejected rows named one by one before "and n more".
    static let rowsListed = 5
    /// Values to confirm named one by one.
    static let anomaliesListed = 2

    public let language: Language

    public init(language: Language = .th) {
        self.language = language
    }

    /// - Parameter workbookPath: where the district's workbook is, as the clerk will be told.
    public func render(_ feedback: DistrictFeedback, report: Report, workbookPath: String) -> String {
        let th = language == .th
        let name = report.reference.district(feedback.districtCode)?.name(language) ?? feedback.districtCode
        let window = report.scope.displayName(language)
        let date = { (d: Date) in ThaiCalendarNames.dateText(d, language) }
        let n = { (x: Int) in NumberText.decimal(Double(x), decimals: 0) }
        let next = feedback.nextDeadline
        let deadline = th ? "กำหนดส่งข้อมูลเดือน \(next.month.shortName(.th)): ภายใน \(date(next.deadline))"
                          : "\(next.month.shortName(.en)) values are due by \(date(next.deadline))"
        let record = th ? "ส่งตรงเวลา \(n(feedback.onTimeMonths)) จาก \(n(feedback.monthsOver)) เดือน"
                        : "On time: \(n(feedback.onTimeMonths)) of \(n(feedback.monthsOver)) months"
        // English counts take a plural; Thai ones do not.
        let count = { (x: Int, one: String, many: String) in "\(n(x)) \(x == 1 ? one : many)" }
        guard feedback.hasSomethingToFix else {
            return [
                th ? "เรียน ผู้รับผิดชอบข้อมูลอำเภอ\(name) ขอบคุณที่ส่งข้อมูล\(window) ครบถ้วนและถูกต้อง"
                   : "Dear \(name) data clerk, thank you: your data for \(window) are complete and correct.",
                "\(record) · \(deadline)",
            ].joined(separator: "\n") + "\n"
        }
        var counts: [String] = []
        if feedback.rejectedRows > 0 {
            counts.append(th ? "ปฏิเสธ \(n(feedback.rejectedRows)) แถว" : count(feedback.rejectedRows, "row rejected", "rows rejected"))
        }
        if feedback.rejectedFiles > 0 {
            counts.append(th ? "ปฏิเสธทั้งไฟล์ \(n(feedback.rejectedFiles)) ไฟล์"
                             : count(feedback.rejectedFiles, "file rejected whole", "files rejected whole"))
        }
        if !feedback.missingMonths.isEmpty {
            counts.append(th ? "ยังไม่ส่ง \(n(feedback.missingMonths.count)) เดือน"
                             : count(feedback.missingMonths.count, "month missing", "months missing"))
        }
        if !feedback.lateMonths.isEmpty {
            counts.append(th ? "ส่งช้า \(n(feedback.lateMonths.count)) เดือน"
                             : count(feedback.lateMonths.count, "month late", "months late"))
        }
        if !feedback.anomalies.isEmpty {
            counts.append(th ? "ค่าที่ควรตรวจสอบ \(n(feedback.anomalies.count)) ค่า"
                             : count(feedback.anomalies.count, "value to confirm", "values to confirm"))
        }
        var lines = [
            th ? "เรียน ผู้รับผิดชอบข้อมูลอำเภอ\(name)" : "Dear \(name) data clerk,",
            th ? "ผลการตรวจข้อมูล\(window) (ข้อมูล ณ \(date(report.asOf))): " + counts.joined(separator: " · ")
               : "Your data for \(window) (as of \(date(report.asOf))): " + counts.joined(separator: " · "),
        ]
        if !feedback.rejections.isEmpty {
            lines.append(th ? "แถวที่ต้องแก้ไขแล้วส่งใหม่:" : "Rows to correct and send again:")
            for rejection in feedback.rejections.prefix(Self.rowsListed) {
                lines.append("- " + rowText(rejection))
            }
            if feedback.rejections.count > Self.rowsListed {
                let more = n(feedback.rejections.count - Self.rowsListed)
                lines.append(th ? "- และอีก \(more) รายการ ดูในไฟล์ Excel" : "- and \(more) more, see the workbook")
            }
        }
        if !feedback.missingMonths.isEmpty {
            let months = feedback.missingMonths.map { $0.shortName(language) }.joined(separator: ", ")
            lines.append(th ? "เดือนที่ยังไม่ได้รับข้อมูล: \(months)" : "Months not received: \(months)")
        }
        if !feedback.lateMonths.isEmpty {
            let months = feedback.lateMonths.map { $0.month.shortName(language) }.joined(separator: ", ")
            lines.append(th ? "เดือนที่ส่งหลังกำหนด: \(months)" : "Months sent after the deadline: \(months)")
        }
        for anomaly in feedback.anomalies.prefix(Self.anomaliesListed) {
            let indicator = report.reference.indicator(anomaly.indicatorID)
            let decimals = indicator?.decimals ?? 0
            let what = indicator?.shortName(language) ?? anomaly.indicatorID
            let place = anomaly.area.isEmpty ? "" : " (\(anomaly.area))"
            let value = NumberText.decimal(anomaly.value, decimals: decimals)
            let reason = anomaly.reason(decimals: decimals).text(language)
            lines.append(th ? "โปรดยืนยันค่า \(what)\(place) เดือน \(anomaly.month.shortName(.th)) = \(value): \(reason)"
                            : "Please confirm \(what)\(place), \(anomaly.month.shortName(.en)) = \(value): \(reason)")
        }
        lines.append(deadline)
        lines.append(th ? "รายละเอียดทั้งหมด: \(workbookPath)" : "Everything in detail: \(workbookPath)")
        lines.append(th ? "ขอบคุณค่ะ/ครับ" : "Thank you.")
        precondition(lines.count <= Self.lineLimit, "the message fits a chat screen")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `2565-03.csv บรรทัด 14 คอลัมน์ value "abc": ค่า "abc" ไม่ใช่ตัวเลข` — the file as the clerk named it (the
    /// path under `submissions/`), the line and column to open, the text found, and what is wrong.
    func rowText(_ rejection: Rejection) -> String {
        let th = language == .th
        var file = rejection.file
        if file.hasPrefix("submissions/") { file.removeFirst("submissions/".count) }
        var place = file
        if rejection.wholeFile {
            place += th ? " (ทั้งไฟล์)" : " (whole file)"
        } else {
            place += th ? " บรรทัด \(rejection.line)" : " line \(rejection.line)"
            if !rejection.column.isEmpty { place += th ? " คอลัมน์ \(rejection.column)" : " column \(rejection.column)" }
        }
        let text = rejection.text.isEmpty ? "" : " \"\(Self.clipped(rejection.text))\""
        return "\(place)\(text): \(rejection.reason.text(language))"
    }

    /// Offending text cut to 40 characters: a stray quote can swallow a whole file into one field.
    static func clipped(_ text: String) -> String {
        let oneLine = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        return oneLine.count > 40 ? String(oneLine.prefix(40)) + "…" : oneLine
    }
}
