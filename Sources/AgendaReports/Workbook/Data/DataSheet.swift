import AgendaCore
import XlsxWriter

/// `Data`: every accepted raw value with the file and line it came from, so any number in the report can be
/// traced back to a clerk's row.
///
/// Excel holds 1,048,576 rows a sheet. When the accepted values exceed `options.dataSheetRowLimit`, the sheet
/// holds none of them (a partial list would pass for a complete one) but their totals per district × month ×
/// indicator (`DataTotalsSheet`), and says so; the full list goes to a CSV beside the workbook only when asked
/// (`DataExport.writeCSV`, `--export-values`).
enum DataSheet {
    static let name = "Data"
    static let headers = ["district_code", "period", "indicator_id", "area", "value", "note", "file", "line"]

    /// - Parameter exportFileName: the CSV of every value this run writes beside the workbook, if any.
    static func write(_ context: SheetContext, exportFileName: String?) throws -> (sheet: Worksheet, overflow: Bool) {
        let accepted = context.report.imported.accepted
        if accepted.count > context.options.dataSheetRowLimit {
            return (try DataTotalsSheet.write(context, exportFileName: exportFileName), true)
        }
        var layout = try DataSheetLayout(context: context, name: name, headers: headers, streaming: true)
        let sheet = layout.sheet
        let styles = context.styles
        var formats: [String: Format] = [:]
        for indicator in context.report.reference.indicators {
            formats[indicator.id] = styles.number(decimals: indicator.decimals)
            layout.fit(indicator.id, col: 2)
        }
        // Widths from what is known without touching every row: paths come from the source list; areas and notes
        // are measured on the first rows only, which keeps a million-row sheet linear and cheap.
        for source in context.report.imported.sources { layout.fit(source.path, col: 6) }
        for value in accepted.prefix(2_000) {
            layout.fit(value.key.area, col: 3)
            layout.fit(value.note, col: 5)
        }
        for (offset, value) in accepted.enumerated() {
            let row = offset + 1
            let key = value.key
            try sheet.write(string: key.districtCode, row: row, col: 0, format: styles.code)
            try sheet.write(string: key.month.label, row: row, col: 1, format: styles.code)
            try sheet.write(string: key.indicatorID, row: row, col: 2, format: styles.code)
            try layout.write(text: key.area, row: row, col: 3, format: styles.text)
            try sheet.write(number: value.value, row: row, col: 4,
                            format: formats[key.indicatorID] ?? context.valueFormat(indicatorID: key.indicatorID))
            try layout.write(text: value.note, row: row, col: 5, format: styles.text)
            try sheet.write(string: context.sourcePath(value.sourceIndex), row: row, col: 6, format: styles.text)
            try sheet.write(number: Double(value.line), row: row, col: 7, format: styles.integer)
        }
        // The widest value as shown: the largest magnitude at the most decimal places (one pass, no strings).
        let widest = accepted.reduce(0.0) { max($0, abs($1.value)) }
        let places = context.report.reference.indicators.map(\.decimals).max() ?? 2
        if !accepted.isEmpty { layout.fit(number: widest, decimals: places, col: 4) }
        layout.fit(width: 12, col: 4)
        layout.fit(width: 8, col: 7)
        try layout.finish(context: context, dataRows: accepted.count)
        return (sheet, false)
    }

    /// The notice shown instead of the rows: the count, the CSV's name, and why.
    static func overflowNotice(fileName: String, count: Int, limit: Int,
                               what: BilingualText = BilingualText(th: "ข้อมูลที่รับไว้", en: "accepted values")) -> BilingualText {
        let n = NumberText.decimal(Double(count), decimals: 0)
        let max = NumberText.decimal(Double(limit), decimals: 0)
        return BilingualText(
            th: "\(what.th)มี \(n) แถว เกินกว่าที่แผ่นงานนี้รับได้ (\(max) แถว) จึงบันทึกทั้งหมดไว้ในไฟล์ "
                + "\(fileName) ซึ่งอยู่ในโฟลเดอร์เดียวกับไฟล์นี้",
            en: "The \(n) \(what.en) exceed what this sheet holds (\(max) rows), so all of them are in "
                + "\(fileName), in the same folder as this workbook.")
    }

    /// A sheet holding only the overflow notice (used by `Data` and `Superseded`): a partial list would pass for a
    /// complete one, so the sheet holds none of the rows.
    static func writeOverflowNotice(_ context: SheetContext, sheetName: String, overflowFileName: String, count: Int,
                                    what: BilingualText = BilingualText(th: "ข้อมูลที่รับไว้", en: "accepted values"))
        throws -> Worksheet
    {
        let sheet = try context.workbook.addWorksheet(name: sheetName)
        let notice = overflowNotice(fileName: overflowFileName, count: count,
                                    limit: context.options.dataSheetRowLimit, what: what)
        try sheet.write(string: notice.th, row: 0, col: 0, format: context.styles.subtitle)
        try sheet.write(string: notice.en, row: 1, col: 0, format: context.styles.text)
        try sheet.write(string: overflowFileName, row: 2, col: 0, format: context.styles.boldText)
        try sheet.setColumn(first: 0, last: 0, width: 120)
        try context.applyPrintSetup(sheet)
        return sheet
    }
}
