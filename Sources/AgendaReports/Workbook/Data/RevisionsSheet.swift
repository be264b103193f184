import AgendaCore
import XlsxWriter

/// `Revisions`: every figure of a closed quarter that differs today, one row per `Facts` cell (window ×
/// indicator × area) with the value as closed, the value now, the difference and the files whose change moved it.
/// Only in reports whose windows cover a closed quarter; published figures stay as published, later corrections
/// are shown here, as a statistics office's revision policy does.
enum RevisionsSheet {
    static let name = "Revisions"
    static let headers = ["window", "indicator_id", "area_code", "closed_value", "current_value", "difference", "files"]

    static func write(_ context: SheetContext) throws -> Worksheet {
        var layout = try DataSheetLayout(context: context, name: name, headers: headers)
        let sheet = layout.sheet
        let styles = context.styles
        var row = 0
        for closed in context.report.revisions {
            for revision in closed.revisions {
                row += 1
                let format = context.valueFormat(indicatorID: revision.indicatorID)
                let window = label(revision.window)
                let files = revision.files.joined(separator: "; ")
                try sheet.write(string: window, row: row, col: 0, format: styles.code)
                try sheet.write(string: revision.indicatorID, row: row, col: 1, format: styles.code)
                try sheet.write(string: revision.areaCode, row: row, col: 2, format: styles.code)
                try layout.write(revision.closedValue, row: row, col: 3, format: format)
                try layout.write(revision.currentValue, row: row, col: 4, format: format)
                try layout.write(revision.difference, row: row, col: 5, format: format)
                try layout.write(text: files, row: row, col: 6, format: styles.indentedText)
                layout.fit(window, col: 0)
                layout.fit(revision.indicatorID, col: 1)
                layout.fit(files + "  ", col: 6)
                let places = context.report.reference.indicator(revision.indicatorID)?.decimals ?? 2
                for (col, value) in [(3, revision.closedValue), (4, revision.currentValue), (5, revision.difference)] {
                    if let value { layout.fit(number: value, decimals: places, col: col) }
                }
            }
        }
        try layout.finish(context: context, dataRows: row)
        return sheet
    }

    /// The window as in `Facts`, except that a year to date names its last month (`FY2565-YTD-to-2565-03`): the
    /// closed quarter's year to date is not the year to date of the report the sheet is in.
    static func label(_ window: ReportWindow) -> String {
        if case .yearToDate(_, let through) = window { return "\(window.label)-to-\(through.label)" }
        return window.label
    }
}
