import AgendaCore
import XlsxWriter

/// Placeholder until the data sheets land.
enum DataSheet {
    static func write(_ context: SheetContext, overflowFileName: String) throws -> (sheet: Worksheet, overflow: Bool) {
        (try context.workbook.addWorksheet(name: "Data"), false)
    }
}
