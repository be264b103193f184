import AgendaCore
import XlsxWriter

/// Placeholder until the data sheets land.
enum RejectedSheet {
    static func write(_ context: SheetContext) throws -> Worksheet {
        try context.workbook.addWorksheet(name: "Rejected")
    }
}
