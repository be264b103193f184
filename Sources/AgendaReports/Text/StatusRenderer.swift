import AgendaCore
import Foundation

/// The `status` board as plain text, Thai or English: one block per quarter, newest first, short enough to read
/// on a terminal in the morning.
public struct StatusRenderer: Sendable {
    public let language: Language

    public init(language: Language = .th) {
        self.language = language
    }

    public func render(_ board: StatusBoard, reference: ReferenceData) -> String {
        let th = language == .th
        let date = { (d: Date) in ThaiCalendarNames.dateText(d, language) }
        let next = board.nextDeadline
        var lines = [
            th ? "สถานะการส่งข้อมูล \(reference.province.name(.th)) ณ \(date(board.asOf))"
               : "Submission status, \(reference.province.name(.en)), as of \(date(board.asOf))",
            th ? "กำหนดส่งครั้งถัดไป: ข้อมูลเดือน \(next.month.shortName(.th)) ภายใน \(date(next.deadline))"
               : "Next deadline: \(next.month.shortName(.en)) values by \(date(next.deadline))",
        ]
        for item in board.quarters {
            let q = item.quarter
            let range = ThaiCalendarNames.monthRange(from: q.firstMonth, to: q.lastMonth, language)
            let name = th ? "ไตรมาส \(q.quarter)/\(q.fiscalYear) (\(range))" : "Q\(q.quarter)/\(q.fiscalYear) (\(range))"
            let state: String
            switch item.state {
            case .open(let until):
                state = th ? "เปิดรับข้อมูลถึง \(date(until))" : "open until \(date(until))"
            case .due(let since):
                state = th ? "พ้นกำหนดส่งแล้ว (\(date(since))) ยังไม่ปิด" : "due for closing (window ended \(date(since)))"
            case .closed(let at, let by, let revisions):
                let n = NumberText.decimal(Double(revisions), decimals: 0)
                state = th ? "ปิดแล้ว \(date(at)) โดย \(by) · แก้ไขภายหลัง \(n) รายการ"
                           : "closed \(date(at)) by \(by) · \(n) figures revised since"
            }
            lines.append("")
            lines.append("\(name): \(state)")
            if item.missing.isEmpty {
                lines.append(th ? "   ทุกอำเภอส่งครบทุกเดือนที่สิ้นสุดแล้ว" : "   every district sent every month that has ended")
            }
            // Districts missing the same months share a line; nine identical lines say less than one.
            var groups: [(months: [YearMonth], districts: [String])] = []
            for missing in item.missing {
                let district = reference.district(missing.districtCode)?.name(language) ?? missing.districtCode
                if let i = groups.firstIndex(where: { $0.months == missing.months }) {
                    groups[i].districts.append(district)
                } else {
                    groups.append((missing.months, [district]))
                }
            }
            for group in groups {
                let months = group.months.map { $0.shortName(language) }.joined(separator: ", ")
                let who = group.districts.count == reference.districts.count
                    ? (th ? "ทุกอำเภอ" : "every district") : group.districts.joined(separator: ", ")
                lines.append(th ? "   ยังไม่ส่ง \(months): \(who)" : "   not sent, \(months): \(who)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
