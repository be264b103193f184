import AgendaCore
import XlsxWriter

/// `Data` when the accepted values are too many for one sheet: their totals per district × month × indicator
/// (`AcceptedValues.districtMonthTotals`), with a notice beside the table saying so and where the full list is.
///
/// A year of per-village values is tens of millions of rows: no sheet holds them, and writing them all to a CSV
/// on every run made the output larger than the input. The totals keep what a pivot table of `Data` is used for
/// (district by month by indicator), and each row names a file to check it against. The full list is written
/// only when asked (`--export-values`); the notice says which.
enum DataTotalsSheet {
    static let headers = ["district_code", "period", "indicator_id", "values", "sum", "min", "max", "first_file", "files"]
    /// The notice's column: one empty column after the table, so "select a cell, insert pivot table" picks the
    /// table alone.
    static let noticeColumn = 10

    /// - Parameter exportFileName: the CSV beside the workbook holding every value, when this run writes one.
    static func write(_ context: SheetContext, exportFileName: String?) throws -> Worksheet {
        let accepted = context.report.imported.accepted
        let totals = context.report.dataTotals ?? accepted.districtMonthTotals()
        var layout = try DataSheetLayout(context: context, name: DataSheet.name, headers: headers)
        let sheet = layout.sheet
        let styles = context.styles
        for (offset, total) in totals.enumerated() {
            let row = offset + 1
            let format = context.valueFormat(indicatorID: total.indicatorID)
            let path = context.sourcePath(total.firstSourceIndex)
            try sheet.write(string: total.districtCode, row: row, col: 0, format: styles.code)
            try sheet.write(string: total.month.label, row: row, col: 1, format: styles.code)
            try sheet.write(string: total.indicatorID, row: row, col: 2, format: styles.code)
            try sheet.write(number: Double(total.values), row: row, col: 3, format: styles.integer)
            try sheet.write(number: total.sum, row: row, col: 4, format: format)
            try sheet.write(number: total.minimum, row: row, col: 5, format: format)
            try sheet.write(number: total.maximum, row: row, col: 6, format: format)
            try sheet.write(string: path, row: row, col: 7, format: styles.indentedText)
            try sheet.write(number: Double(total.files), row: row, col: 8, format: styles.integer)
            layout.fit(total.indicatorID, col: 2)
            layout.fit(path + "  ", col: 7)
            let places = context.report.reference.indicator(total.indicatorID)?.decimals ?? 2
            layout.fit(number: total.sum, decimals: places, col: 4)
            layout.fit(number: total.maximum, decimals: places, col: 6)
        }
        layout.fit(number: Double(totals.map(\.values).max() ?? 0), decimals: 0, col: 3)
        for col in [5, 6] { layout.fit(width: layout.widths[4], col: col) }
        try layout.finish(context: context, dataRows: totals.count)

        let notice = Self.notice(count: accepted.count, limit: context.options.dataSheetRowLimit,
                                 exportFileName: exportFileName)
        try sheet.write(string: notice.th, row: 0, col: noticeColumn, format: styles.boldText)
        try sheet.write(string: notice.en, row: 1, col: noticeColumn, format: styles.text)
        try sheet.setColumn(first: noticeColumn, last: noticeColumn, width: 120)
        // Printed, the table alone: the notice is for the screen, and the printout's rows say what they are.
        try sheet.printArea(firstRow: 0, firstCol: 0, lastRow: totals.count, lastCol: headers.count - 1)
        return sheet
    }

    /// What the sheet holds instead of the values, and where (or how to get) the full list.
    static func notice(count: Int, limit: Int, exportFileName: String?) -> BilingualText {
        let n = NumberText.decimal(Double(count), decimals: 0)
        let max = NumberText.decimal(Double(limit), decimals: 0)
        let head = BilingualText(
            th: "ค่าที่รับไว้มี \(n) ค่า เกินกว่าที่แผ่นงานหนึ่งรับได้ (\(max) แถว) แผ่นงานนี้จึงแสดงผลรวมรายอำเภอ × เดือน × ตัวชี้วัด "
                + "(จำนวนค่า ผลรวม ค่าต่ำสุด ค่าสูงสุด และไฟล์ที่ส่ง)",
            en: "The \(n) accepted values exceed what one sheet holds (\(max) rows), so this sheet shows their totals "
                + "per district × month × indicator (count, sum, minimum, maximum and the files that sent them).")
        guard let exportFileName else {
            return BilingualText(
                th: head.th + " รายการทุกค่าได้จากคำสั่ง phayao-agenda report … --export-values",
                en: head.en + " For every value, run phayao-agenda report … --export-values.")
        }
        return BilingualText(
            th: head.th + " รายการทุกค่าอยู่ในไฟล์ \(exportFileName) ในโฟลเดอร์เดียวกับไฟล์นี้",
            en: head.en + " Every value is in \(exportFileName), in the same folder as this workbook.")
    }
}
