import AgendaCore
import XlsxWriter

/// Placeholder until the data sheets land.
enum SupersededSheet {
    static func write(_ context: SheetContext) throws -> Worksheet {
        try context.workbook.addWorksheet(name: "Superseded")
    }
}
