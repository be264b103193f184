import AgendaCore
import XlsxWriter

/// `Superseded`: every value a later file replaced, with both values, both files, their lines and modification
/// times, so a coordinator can see which submission won and why (the later file wins).
///
/// Superseded values are on record only; no number in the report counts them.
enum SupersededSheet {
    static let name = "Superseded"
    static let headers = [
        "district_code", "period", "indicator_id", "area",
        "superseded_value", "superseded_file", "superseded_line", "superseded_modified",
        "replaced_by_value", "replaced_by_file", "replaced_by_line", "replaced_by_modified",
    ]

    /// Like `Data`, more rows than the sheet holds go to a CSV beside the workbook (`overflowFileName`), and the
    /// sheet says so; a district resubmitting everything every month makes this list as long as the data.
    static func write(_ context: SheetContext, overflowFileName: String) throws -> (sheet: Worksheet, overflow: Bool) {
        let count = context.report.imported.superseded.count
        if count > context.options.dataSheetRowLimit {
            let sheet = try DataSheet.writeOverflowNotice(
                context, sheetName: name, overflowFileName: overflowFileName, count: count,
                what: BilingualText(th: "ค่าที่ถูกแทนที่", en: "superseded values"))
            return (sheet, true)
        }
        var layout = try DataSheetLayout(context: context, name: name, headers: headers, streaming: true)
        let sheet = layout.sheet
        let styles = context.styles
        let sources = context.report.imported.sources
        let superseded = context.report.imported.superseded
        for (offset, pair) in superseded.enumerated() {
            let row = offset + 1
            let key = pair.superseded.key
            let valueFormat = context.valueFormat(indicatorID: key.indicatorID)
            try sheet.write(string: key.districtCode, row: row, col: 0, format: styles.code)
            try sheet.write(string: key.month.label, row: row, col: 1, format: styles.code)
            try sheet.write(string: key.indicatorID, row: row, col: 2, format: styles.code)
            try layout.write(text: key.area, row: row, col: 3, format: styles.text)
            layout.fit(key.area, col: 3)
            for (side, value) in [pair.superseded, pair.replacedBy].enumerated() {
                let col = 4 + side * 4
                let path = context.sourcePath(value.sourceIndex)
                try sheet.write(number: value.value, row: row, col: col, format: valueFormat)
                try sheet.write(string: path, row: row, col: col + 1, format: styles.text)
                try sheet.write(number: Double(value.line), row: row, col: col + 2, format: styles.integer)
                try sheet.write(date: sources[value.sourceIndex].modified, row: row, col: col + 3,
                                format: styles.dateTime)
                layout.fit(path, col: col + 1)
            }
        }
        for pair in superseded {
            let places = context.report.reference.indicator(pair.superseded.key.indicatorID)?.decimals ?? 2
            layout.fit(number: pair.superseded.value, decimals: places, col: 4)
            layout.fit(number: pair.replacedBy.value, decimals: places, col: 8)
        }
        for col in [4, 8] { layout.fit(width: 12, col: col) }
        for col in [7, 11] { layout.fit(width: 20, col: col) }
        try layout.finish(context: context, dataRows: superseded.count)
        return (sheet, false)
    }
}
