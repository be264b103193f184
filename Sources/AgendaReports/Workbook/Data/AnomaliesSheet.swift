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

    static func write(_ context: SheetContext) throws -> Worksheet {
        var layout = try DataSheetLayout(context: context, name: name, headers: headers)
        let sheet = layout.sheet
        let styles = context.styles
        let report = context.report
        let anomalies = report.anomalies
        var reasons: [(th: String, en: String)] = []
        reasons.reserveCapacity(anomalies.count)
        for (offset, anomaly) in anomalies.enumerated() {
            let row = offset + 1
            let decimals = report.reference.indicator(anomaly.indicatorID)?.decimals ?? 2
            let valueFormat = context.valueFormat(indicatorID: anomaly.indicatorID)
            let reason = anomaly.reason(decimals: decimals)
            reasons.append((reason.th, reason.en))
            try sheet.write(string: anomaly.districtCode, row: row, col: 0, format: styles.code)
            try sheet.write(string: anomaly.month.label, row: row, col: 1, format: styles.code)
            try sheet.write(string: anomaly.indicatorID, row: row, col: 2, format: styles.code)
            try layout.write(text: anomaly.area, row: row, col: 3, format: styles.text)
            try sheet.write(number: anomaly.value, row: row, col: 4, format: valueFormat)
            try sheet.write(number: anomaly.expected, row: row, col: 5, format: valueFormat)
            try sheet.write(number: (anomaly.score * 10).rounded() / 10, row: row, col: 6,
                            format: styles.number(decimals: 1))
            // Thai first, English on its own line: one cell, as the sheet has one reason column.
            try sheet.write(string: reason.th + "\n" + reason.en, row: row, col: 7, format: styles.wrappedText)
            layout.fit(anomaly.indicatorID, col: 2)
            layout.fit(anomaly.area, col: 3)
            layout.fit(number: anomaly.value, decimals: decimals, col: 4)
            layout.fit(number: anomaly.expected, decimals: decimals, col: 5)
            layout.fit(number: anomaly.score, decimals: 1, col: 6)
            if offset < measuredRows {
                layout.fit(reason.th, col: 7, limit: reasonWidth)
                layout.fit(reason.en, col: 7, limit: reasonWidth)
            }
        }
        // Row heights: the first rows measured glyph by glyph; past them (random village data has flagged hundreds
        // of thousands) each reason's lines are estimated from its UTF-8 length at the widest width per byte the
        // measured rows showed, so a row is never too short and the sheet stays linear.
        var perByte = (th: 0.0, en: 0.0)
        for (offset, reason) in reasons.enumerated() {
            let lines: Int
            if offset < measuredRows {
                let th = layout.lines(reason.th, col: 7), en = layout.lines(reason.en, col: 7)
                perByte.th = max(perByte.th, Double(th) / Double(max(1, reason.th.utf8.count)))
                perByte.en = max(perByte.en, Double(en) / Double(max(1, reason.en.utf8.count)))
                lines = th + en
            } else {
                lines = Int((Double(reason.th.utf8.count) * perByte.th).rounded(.up))
                    + Int((Double(reason.en.utf8.count) * perByte.en).rounded(.up))
            }
            let height = layout.rowHeight(lines: max(1, lines))
            if height > layout.bodyRowHeight { try sheet.setRow(offset + 1, height: height) }
        }
        try layout.finish(context: context, dataRows: anomalies.count)
        return sheet
    }
}
