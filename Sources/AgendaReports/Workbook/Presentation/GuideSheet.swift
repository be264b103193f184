import AgendaCore
import XlsxWriter

/// Placeholder until the presentation sheets land: the sheet exists so the workbook's structure is final.
enum GuideSheet {
    static func write(_ context: SheetContext) throws -> Worksheet {
        let sheet = try context.workbook.addWorksheet(name: "Guide")
        try sheet.write(string: context.title.th, row: 0, col: 0, format: context.styles.title)
        return sheet
    }
}
