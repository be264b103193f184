import AgendaCore
import XlsxWriter

/// Placeholder until the presentation sheets land: the sheet exists so the workbook's structure is final.
enum DashboardSheet {
    static func write(_ context: SheetContext) throws -> Worksheet {
        let sheet = try context.workbook.addWorksheet(name: "Dashboard")
        try sheet.write(string: context.title.th, row: 0, col: 0, format: context.styles.title)
        return sheet
    }
}
