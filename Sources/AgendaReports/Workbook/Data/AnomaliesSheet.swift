import AgendaCore
import XlsxWriter

/// `Anomalies`: one row per value that looks like a mistake (`AnomalyRule`), in the report's order (district,
/// month, indicator, area), with the value as sent, what the rule expected, its robust score and the reason in
/// Thai and English (one cell, Thai first and English on the next line).
///
/// Information only: every flagged value is in `Data` and counted in every figure exactly as sent.
enum AnomaliesSheet {
    static let name = "Anomalies"
    static let headers = ["district_code", "period", "indicator_id", "area", "value", "expected", "score", "reason"]
    /// Widest the reason column grows (Excel units) before its text wraps.
    static let reasonWidth = 70.0

    /// Rows measured glyph by glyph; the rest are sized from them (see `write`).
    static let measuredRows = 2_000

    /// The notice's column when the flags overflow: one empty column after the table, as on `Data`.
    static let noticeColumn = 9

    /// More flags than the sheet holds (a district that sent a year in the wrong unit flags every value of it):
    /// the sheet keeps the strongest, in the report's order, says so beside the table, and every flag goes to
    /// `overflowFileName` beside the workbook.
    static func write(_ context: SheetContext, overflowFileName: String) throws -> (sheet: Worksheet, overflow: Bool) {
        // Streamed (constant memory), like Data: random village data has flagged 400,000 values, and a sheet held
        // in memory until the end took most of a gigabyte. A streamed row takes its height before its cells, so
        // the column is sized first from the rows measured glyph by glyph, and every row's height known as it goes.
        var layout = try DataSheetLayout(context: context, name: name, headers: headers, streaming: true)
        let sheet = layout.sheet
        let styles = context.styles
        let report = context.report
        let limit = context.options.dataSheetRowLimit
        let overflow = report.anomalies.count > limit
        let anomalies = overflow
            ? report.strengthOrderPrefix(limit).sorted().map { report.anomalies[$0] } : report.anomalies
        let notice = overflow ? Self.notice(shown: limit, of: report.anomalies.count, fileName: overflowFileName) : nil
        if let notice {
            try sheet.write(string: notice.th, row: 0, col: noticeColumn, format: styles.boldText)
            try sheet.setColumn(first: noticeColumn, last: noticeColumn, width: 120)
        }
        func reason(_ anomaly: Anomaly) -> BilingualText {
            anomaly.reason(decimals: report.reference.indicator(anomaly.indicatorID)?.decimals ?? 2)
        }
        for anomaly in anomalies.prefix(measuredRows) {
            let text = reason(anomaly)
            layout.fit(text.th, col: 7, limit: reasonWidth)
            layout.fit(text.en, col: 7, limit: reasonWidth)
        }
        // Past the measured rows each reason's lines are estimated from its UTF-8 length at the widest width per
        // byte the measured rows showed, so a row is never too short and the sheet stays linear.
        var perByte = (th: 0.0, en: 0.0)
        for (offset, anomaly) in anomalies.enumerated() {
            let row = offset + 1
            let decimals = report.reference.indicator(anomaly.indicatorID)?.decimals ?? 2
            let valueFormat = context.valueFormat(indicatorID: anomaly.indicatorID)
            let text = reason(anomaly)
            let lines: Int
            if offset < measuredRows {
                let th = layout.lines(text.th, col: 7), en = layout.lines(text.en, col: 7)
                perByte.th = max(perByte.th, Double(th) / Double(max(1, text.th.utf8.count)))
                perByte.en = max(perByte.en, Double(en) / Double(max(1, text.en.utf8.count)))
                lines = th + en
            } else {
                lines = Int((Double(text.th.utf8.count) * perByte.th).rounded(.up))
                    + Int((Double(text.en.utf8.count) * perByte.en).rounded(.up))
            }
            let height = layout.rowHeight(lines: max(1, lines))
            if height > layout.bodyRowHeight { try sheet.setRow(row, height: height) }
            if row == 1, let notice { try sheet.write(string: notice.en, row: 1, col: noticeColumn, format: styles.text) }
            try sheet.write(string: anomaly.districtCode, row: row, col: 0, format: styles.code)
            try sheet.write(string: anomaly.month.label, row: row, col: 1, format: styles.code)
            try sheet.write(string: anomaly.indicatorID, row: row, col: 2, format: styles.code)
            try layout.write(text: anomaly.area, row: row, col: 3, format: styles.text)
            try sheet.write(number: anomaly.value, row: row, col: 4, format: valueFormat)
            try sheet.write(number: anomaly.expected, row: row, col: 5, format: valueFormat)
            try sheet.write(number: (anomaly.score * 10).rounded() / 10, row: row, col: 6,
                            format: styles.number(decimals: 1))
            // Thai first, English on its own line: one cell, as the sheet has one reason column.
            try sheet.write(string: text.th + "\n" + text.en, row: row, col: 7, format: styles.wrappedText)
            layout.fit(anomaly.indicatorID, col: 2)
            layout.fit(anomaly.area, col: 3)
            layout.fit(number: anomaly.value, decimals: decimals, col: 4)
            layout.fit(number: anomaly.expected, decimals: decimals, col: 5)
            layout.fit(number: anomaly.score, decimals: 1, col: 6)
        }
        try layout.finish(context: context, dataRows: anomalies.count)
        if overflow {
            // Printed, the table alone, as on `Data`; the page header says it is the strongest only, so a printout
            // is never taken for the whole list.
            try sheet.printArea(firstRow: 0, firstCol: 0, lastRow: anomalies.count, lastCol: headers.count - 1)
            try sheet.setHeader("&C" + SheetContext.footerSafe(
                printedNotice(shown: limit, of: report.anomalies.count, fileName: overflowFileName)))
        }
        return (sheet, overflow)
    }

    /// The printed page header's short form of the notice (Excel allows 255 characters there).
    static func printedNotice(shown: Int, of count: Int, fileName: String) -> String {
        let n = NumberText.decimal(Double(shown), decimals: 0)
        let total = NumberText.decimal(Double(count), decimals: 0)
        return "แสดง \(n) ค่าที่เด่นที่สุดจาก \(total) ค่า ทุกค่าอยู่ในไฟล์ \(fileName)"
    }

    /// What the sheet holds when the flags overflow it, and where all of them are.
    static func notice(shown: Int, of count: Int, fileName: String) -> BilingualText {
        let n = NumberText.decimal(Double(shown), decimals: 0)
        let total = NumberText.decimal(Double(count), decimals: 0)
        return BilingualText(
            th: "ค่าที่ควรตรวจสอบมี \(total) ค่า เกินกว่าที่แผ่นงานเดียวรับได้ แผ่นงานนี้แสดง \(n) ค่าที่เด่นที่สุด "
                + "ทุกค่าอยู่ในไฟล์ \(fileName) ข้างสมุดงานนี้",
            en: "\(total) values were flagged, more than one sheet holds: this sheet shows the \(n) strongest; every "
                + "one is in \(fileName) beside this workbook.")
    }
}
