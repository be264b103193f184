import AgendaCore
import XlsxWriter

/// `Rejected`: one row per rejected row or file, pinned to file, line and column, with the reason in Thai (what
/// the clerk reads) and in English beside it.
///
/// The offending text is written as a string whatever it holds, so a cell that was `=HYPERLINK(...)` in the
/// submission shows as that text and can never run.
enum RejectedSheet {
    static let name = "Rejected"
    static let headers = ["file", "line", "column", "value", "reason", "reason_en", "whole_file"]
    /// Widest a reason column grows (Excel units) before its text wraps: two reasons side by side on A4.
    static let reasonWidth = 45.0

    static func write(_ context: SheetContext) throws -> Worksheet {
        var layout = try DataSheetLayout(context: context, name: name, headers: headers)
        let sheet = layout.sheet
        let styles = context.styles
        let rejections = context.report.imported.rejections
        // Reasons repeat (a thousand copies of one duplicated key share one message): each distinct text is
        // measured once, which took a 16,000-rejection sheet from seconds to nothing.
        var measured = Set<String>()
        for (offset, rejection) in rejections.enumerated() {
            let row = offset + 1
            try sheet.write(string: rejection.file, row: row, col: 0, format: styles.text)
            // Line 0 means "the whole file, before any line": left empty rather than shown as a line number.
            if rejection.line > 0 {
                try sheet.write(number: Double(rejection.line), row: row, col: 1, format: styles.integer)
            }
            try layout.write(text: rejection.column, row: row, col: 2, format: styles.indentedText)
            try layout.write(text: rejection.text, row: row, col: 3, format: styles.code)
            // Reasons can run to a sentence: they wrap within `reasonWidth` and the row grows (set below).
            try sheet.write(string: rejection.reason.th, row: row, col: 4, format: styles.wrappedText)
            try sheet.write(string: rejection.reason.en, row: row, col: 5, format: styles.wrappedText)
            try sheet.write(bool: rejection.wholeFile, row: row, col: 6, format: styles.text)
            layout.fit(rejection.file, col: 0)
            layout.fit(rejection.column + "  ", col: 2)
            layout.fit(rejection.text, col: 3)
            if measured.insert(rejection.reason.th).inserted { layout.fit(rejection.reason.th, col: 4, limit: reasonWidth) }
            if measured.insert(rejection.reason.en).inserted { layout.fit(rejection.reason.en, col: 5, limit: reasonWidth) }
        }
        layout.fit(width: 8, col: 1)
        var heights: [BilingualText: Double] = [:]
        for (offset, rejection) in rejections.enumerated() {
            let height = heights[rejection.reason] ?? max(layout.rowHeight(wrapping: rejection.reason.th, col: 4),
                                                          layout.rowHeight(wrapping: rejection.reason.en, col: 5))
            heights[rejection.reason] = height
            if height > layout.bodyRowHeight { try sheet.setRow(offset + 1, height: height) }
        }
        try layout.finish(context: context, dataRows: rejections.count)
        return sheet
    }
}
