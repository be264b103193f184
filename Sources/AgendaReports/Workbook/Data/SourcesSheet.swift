import AgendaCore
import XlsxWriter

/// Placeholder until the data sheets land.
enum SourcesSheet {
    static func write(_ context: SheetContext) throws -> Worksheet {
        try context.workbook.addWorksheet(name: "Sources")
    }
}
