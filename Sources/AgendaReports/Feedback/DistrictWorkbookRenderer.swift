import AgendaCore
import Foundation
import XlsxWriter

/// A district's feedback workbook, for its clerk, Thai first: what to fix (rows, missing and late months, values to
/// confirm), the district's `Rejected` rows with exactly the province workbook's columns, and its indicators for
/// the window against its targets with the province beside them. Same fonts, print setup and determinism as the
/// province workbook (created time = the report's as-of instant).
public struct DistrictWorkbookRenderer: Sendable {
    public static let toFixSheet = "สิ่งที่ต้องแก้ไข"
    public static let indicatorsSheet = "ตัวชี้วัด"
    /// Rows of the to-fix sheet's lists: the rejected rows (all of them are in `Rejected`) and the strongest values
    /// to confirm (all of them are in the province workbook's `Anomalies`). A clerk works through a page, not
    /// forty thousand lines, and the sheet stays quick to write whatever the data.
    static let rejectedListed = 1_000
    static let anomaliesListed = 200

    public let options: WorkbookOptions

    public init(options: WorkbookOptions = WorkbookOptions()) {
        self.options = options
    }

    public func write(_ feedback: DistrictFeedback, report: Report, to url: URL) throws {
        let workbook = try Workbook(path: url.path, options: .init(timeZone: BangkokCalendar.timeZone))
        // The district's own rows stand in for the province's, so the shared Rejected sheet writes only them.
        var mine = report
        mine.imported.rejections = feedback.rejections
        let styles = WorkbookStyles(workbook: workbook, options: options)
        let context = SheetContext(report: mine, workbook: workbook, styles: styles, options: options)
        let name = report.reference.district(feedback.districtCode)?.name(.th) ?? feedback.districtCode
        try workbook.setProperties(DocumentProperties(
            title: "\(context.title.th) อำเภอ\(name)", subject: "\(context.title.en), \(feedback.districtCode)",
            author: "phayao-agenda", company: "สำนักงานจังหวัดพะเยา",
            keywords: "วาระคนพะเยา; \(report.scope.slug); \(feedback.districtCode)",
            comments: "Feedback for district \(feedback.districtCode)", created: report.asOf))
        let first = try writeToFix(feedback, context: context, district: name)
        _ = try RejectedSheet.write(context)
        try writeIndicators(feedback, context: context, district: name)
        first.activate()
        first.select()
        try workbook.close()
    }

    /// A sheet of sections, each a heading and a small table; widths fixed for A4 landscape, long text wraps.
    private func writeToFix(_ feedback: DistrictFeedback, context: SheetContext, district: String) throws -> Worksheet {
        let sheet = try context.workbook.addWorksheet(name: Self.toFixSheet)
        let styles = context.styles
        let measure = ColumnWidths(bodySize: options.bodySize)
        let widths: [Double] = [30, 8, 16, 22, 46, 40]
        for (col, width) in widths.enumerated() { try sheet.setColumn(first: col, last: col, width: width) }
        var row = 0
        try sheet.write(string: "สิ่งที่ต้องแก้ไข อำเภอ\(district) · To fix", row: row, col: 0, format: styles.title)
        row += 1
        try sheet.write(string: "\(context.title.th) · ข้อมูล ณ \(context.asOfText)", row: row, col: 0, format: styles.note)
        row += 2
        var measured: [String: Int] = [:]
        func measuredLines(_ text: String, _ col: Int) -> Int {
            let key = "\(col)\u{0}" + text
            if let known = measured[key] { return known }
            let n = measure.lines(text, width: widths[col])
            measured[key] = n
            return n
        }
        func table(_ heading: String, _ headers: [String], _ rows: [[String]], more: (count: Int, note: String)? = nil) throws {
            guard !rows.isEmpty else { return }
            try sheet.write(string: heading, row: row, col: 0, format: styles.subtitle)
            row += 1
            for (col, header) in headers.enumerated() { try sheet.write(string: header, row: row, col: col, format: styles.header) }
            try sheet.setRow(row, height: measure.rowHeight(lines: 2))
            row += 1
            for cells in rows {
                var lines = 1
                for (col, text) in cells.enumerated() where !text.isEmpty {
                    // Everything wraps within its column: a long path or key never runs into the next cell.
                    try sheet.write(string: text, row: row, col: col, format: styles.wrappedText)
                    lines = max(lines, measuredLines(text, col))
                }
                try sheet.setRow(row, height: measure.rowHeight(lines: lines))
                row += 1
            }
            if let more, more.count > 0 {
                try sheet.write(string: more.note, row: row, col: 0, format: styles.boldText)
                row += 1
            }
            row += 1
        }
        let rejected = feedback.rejections.prefix(Self.rejectedListed).map { r -> [String] in
            [r.file.hasPrefix("submissions/") ? String(r.file.dropFirst("submissions/".count)) : r.file, r.line > 0 ? String(r.line) : (r.wholeFile ? "ทั้งไฟล์" : ""), r.column,
             DistrictMessageRenderer.clipped(r.text), r.reason.th, r.reason.en]
        }
        try table("แถวที่ต้องแก้ไขแล้วส่งใหม่ · Rows to correct and send again",
                  ["ไฟล์ · File", "บรรทัด · Line", "คอลัมน์ · Column", "ข้อความที่พบ · Found", "สิ่งที่ต้องแก้ไข", "What to fix"],
                  Array(rejected), more: (feedback.rejections.count - rejected.count,
                                          "และอีก \(feedback.rejections.count - rejected.count) รายการ ดูแผ่นงาน Rejected · "
                                              + "and \(feedback.rejections.count - rejected.count) more in the Rejected sheet"))
        let days = context.report.options.timelinessDays
        try table("เดือนที่ยังไม่ได้รับข้อมูล · Months not received",
                  ["เดือน · Month", "", "", "", "กำหนดส่ง · Deadline", ""],
                  feedback.missingMonths.map {
                      [$0.displayName(.th), "", "", "", ThaiCalendarNames.dateText($0.submissionDeadline(afterDays: days), .th), ""]
                  })
        try table("เดือนที่ส่งหลังกำหนด · Months sent after the deadline",
                  ["เดือน · Month", "", "", "", "ส่งเมื่อ · Sent", "กำหนดส่ง · Deadline"],
                  feedback.lateMonths.map {
                      [$0.month.displayName(.th), "", "", "", ThaiCalendarNames.dateText($0.sent, .th),
                       ThaiCalendarNames.dateText($0.deadline, .th)]
                  })
        try table("ค่าที่ควรตรวจสอบและยืนยัน · Values to confirm",
                  ["ตัวชี้วัด · Indicator", "เดือน", "พื้นที่ · Area", "ค่าที่ส่ง · Sent", "เหตุผล", "Why"],
                  feedback.anomalies.prefix(Self.anomaliesListed).map { a in
                      let indicator = context.report.reference.indicator(a.indicatorID)
                      let decimals = indicator?.decimals ?? 0
                      let reason = a.reason(decimals: decimals)
                      return [indicator?.shortName(.th) ?? a.indicatorID, a.month.shortName(.th), a.area,
                              NumberText.decimal(a.value, decimals: decimals), reason.th, reason.en]
                  }, more: (feedback.anomalies.count - min(feedback.anomalies.count, Self.anomaliesListed),
                            "แสดง \(Self.anomaliesListed) ค่าที่เด่นที่สุดจาก \(feedback.anomalies.count) ค่า ที่เหลือดูแผ่นงาน Anomalies "
                                + "ในรายงานของจังหวัด · the strongest \(Self.anomaliesListed) of \(feedback.anomalies.count); "
                                + "the rest are in the province workbook's Anomalies sheet"))
        if !feedback.hasSomethingToFix {
            try sheet.write(string: "ไม่มีสิ่งที่ต้องแก้ไข ขอบคุณที่ส่งข้อมูลครบถ้วนและถูกต้อง · Nothing to fix. Thank you.",
                            row: row, col: 0, format: styles.subtitle)
            row += 1
        }
        let next = feedback.nextDeadline
        try sheet.write(string: "กำหนดส่งข้อมูลเดือน \(next.month.displayName(.th)): ภายใน \(ThaiCalendarNames.dateText(next.deadline, .th))",
                        row: row + 1, col: 0, format: styles.boldText)
        try context.applyPrintSetup(sheet)
        sheet.setPortrait()
        return sheet
    }

    /// The district's year to date per indicator against its target, the province beside it, and its rank.
    private func writeIndicators(_ feedback: DistrictFeedback, context: SheetContext, district: String) throws {
        let sheet = try context.workbook.addWorksheet(name: Self.indicatorsSheet)
        let styles = context.styles
        let headers = ["ตัวชี้วัด · Indicator", "หน่วย · Unit", "อำเภอ\(district)", "เป้าหมาย · Target", "% ของเป้าหมาย",
                       "สถานะ · Status", "จังหวัด · Province", "อันดับ · Rank"]
        let widths: [Double] = [44, 13, 16, 16, 14, 22, 16, 12]
        // The number columns grow to their widest value (a fund balance in baht runs to 14 digits): too narrow
        // shows ####.
        var measure = ColumnWidths(bodySize: options.bodySize)
        for (col, width) in widths.enumerated() { measure.atLeast(width, col: col) }
        for standing in feedback.standings {
            let decimals = standing.indicator.decimals
            for (col, value) in [(2, standing.district?.value), (3, standing.district?.target), (6, standing.province?.value)] {
                if let value { measure.fit(number: value, decimals: decimals, col: col) }
            }
        }
        try measure.apply(to: sheet)
        try sheet.write(string: "\(context.report.yearToDate.displayName(.th)) · อำเภอ\(district)", row: 0, col: 0,
                        format: styles.subtitle)
        for (col, header) in headers.enumerated() { try sheet.write(string: header, row: 1, col: col, format: styles.header) }
        try sheet.setRow(1, height: measure.rowHeight(lines: 2))
        for (offset, standing) in feedback.standings.enumerated() {
            let row = offset + 2
            let indicator = standing.indicator
            let format = context.valueFormat(indicatorID: indicator.id)
            try sheet.write(string: indicator.name(.th), row: row, col: 0, format: styles.wrappedText)
            try sheet.setRow(row, height: measure.rowHeight(lines: measure.lines(indicator.name(.th), width: measure.width(0))))
            try sheet.write(string: indicator.unit(.th), row: row, col: 1, format: styles.text)
            if let value = standing.district?.value { try sheet.write(number: value, row: row, col: 2, format: format) }
            if let target = standing.district?.target { try sheet.write(number: target, row: row, col: 3, format: format) }
            if let pct = standing.district?.achievementPct { try sheet.write(number: pct, row: row, col: 4, format: styles.percent) }
            if let fact = standing.district, let text = fact.statusText(indicator) {
                try sheet.write(string: text.th, row: row, col: 5, format: styles.indentedText)
            }
            if let value = standing.province?.value { try sheet.write(number: value, row: row, col: 6, format: format) }
            if let rank = standing.rank {
                try sheet.write(string: "\(rank)/\(standing.rankedDistricts)", row: row, col: 7, format: styles.indentedText)
            }
        }
        try sheet.freezePanes(row: 2, col: 1)
        try context.applyPrintSetup(sheet, repeatRows: 1...1)
    }
}
