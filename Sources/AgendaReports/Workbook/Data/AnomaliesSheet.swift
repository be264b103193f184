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

    static func write(_ context: SheetContext) throws -> Worksheet {
        var layout = try DataSheetLayout(context: context, name: name, headers: headers)
        let sheet = layout.sheet
        let styles = context.styles
        let report = context.report
        let anomalies = report.anomalies
        var reasons: [String] = []
        for (offset, anomaly) in anomalies.enumerated() {
            let row = offset + 1
            let decimals = report.reference.indicator(anomaly.indicatorID)?.decimals ?? 2
            let valueFormat = context.valueFormat(indicatorID: anomaly.indicatorID)
            let reason = anomaly.reason(decimals: decimals)
            // Thai first, English on its own line: one cell, as the sheet has one reason column.
            let text = reason.th + "\n" + reason.en
            reasons.append(text)
            try sheet.write(string: anomaly.districtCode, row: row, col: 0, format: styles.code)
            try sheet.write(string: anomaly.month.label, row: row, col: 1, format: styles.code)
            try sheet.write(string: anomaly.indicatorID, row: row, col: 2, format: styles.code)
            try layout.write(text: anomaly.area, row: row, col: 3, format: styles.text)
            try sheet.write(number: anomaly.value, row: row, col: 4, format: valueFormat)
            try sheet.write(number: anomaly.expected, row: row, col: 5, format: valueFormat)
            try sheet.write(number: (anomaly.score * 10).rounded() / 10, row: row, col: 6,
                            format: styles.number(decimals: 1))
            try sheet.write(string: text, row: row, col: 7, format: styles.wrappedText)
            layout.fit(anomaly.indicatorID, col: 2)
            layout.fit(anomaly.area, col: 3)
            layout.fit(number: anomaly.value, decimals: decimals, col: 4)
            layout.fit(number: anomaly.expected, decimals: decimals, col: 5)
            layout.fit(number: anomaly.score, decimals: 1, col: 6)
            layout.fit(reason.th, col: 7, limit: reasonWidth)
            layout.fit(reason.en, col: 7, limit: reasonWidth)
        }
        for (offset, text) in reasons.enumerated() {
            let height = layout.rowHeight(wrapping: text, col: 7)
            if height > layout.bodyRowHeight { try sheet.setRow(offset + 1, height: height) }
        }
        try layout.finish(context: context, dataRows: anomalies.count)
        return sheet
    }
}
