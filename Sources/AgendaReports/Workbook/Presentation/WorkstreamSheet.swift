import AgendaCore
import XlsxWriter

/// Placeholder until the presentation sheets land.
enum WorkstreamSheet {
    static func write(_ context: SheetContext, workstream: Workstream) throws -> Worksheet {
        let sheet = try context.workbook.addWorksheet(name: String(workstream.id.prefix(31)))
        try sheet.write(string: workstream.nameTH, row: 0, col: 0, format: context.styles.title)
        return sheet
    }
}
