import AgendaCore
import XlsxWriter

/// `Sources`: every input file with its districts, encoding, accounting, modification time, size and SHA-256,
/// and a total row; below it, the paths under `submissions/` that were skipped, each with its reason.
///
/// The accounting is the import's promise that no row vanished: for every file, rows read = accepted +
/// superseded + rejected + blank. A file that does not balance is a bug in the importer, not bad data, so it
/// stops the run (precondition) rather than printing a report whose totals do not add up.
enum SourcesSheet {
    static let name = "Sources"
    static let headers = [
        "file", "districts", "encoding", "rows_read", "accepted", "superseded", "rejected", "blank",
        "modified", "bytes", "sha256",
    ]
    /// The last column when the report knows which district each file belongs to.
    static let attributionHeader = "attributed_to"
    /// Shown in `attributed_to` for a file no district could be found for: it is in no district's feedback pack.
    static let unattributedLabel = "unattributed"

    /// Thai label of the total row (column `file`).
    static let totalLabel = "รวม / Total"
    /// Shown in `encoding` for a file that could not be decoded.
    static let undecodedLabel = "อ่านไม่ได้ / unreadable"

    /// Heading of the block of skipped paths.
    static let skippedLabel = "ไฟล์ที่ข้ามไป ไม่ได้อ่าน / Skipped, not read"

    /// Heading of the block of notices (values accepted with a note cut to fit a cell).
    static let noticesLabel = "รับค่าแล้ว แต่หมายเหตุถูกตัด / Accepted, note cut to fit a cell"

    /// The notices, like the skipped paths: `file:line` and the Thai reason, the English reason under it.
    static func writeNotices(_ notices: [ImportNotice], startingAt first: Int, sheet: Worksheet,
                             layout: inout DataSheetLayout, styles: WorkbookStyles) throws {
        guard !notices.isEmpty else { return }
        var row = first
        try sheet.write(string: noticesLabel, row: row, col: 0, format: styles.boldText)
        layout.fit(noticesLabel, col: 0)
        for notice in notices {
            row += 1
            let place = "\(notice.file):\(notice.line)"
            try sheet.write(string: place, row: row, col: 0, format: styles.text)
            try sheet.write(string: notice.reason.th, row: row, col: 1, format: styles.text)
            row += 1
            try sheet.write(string: notice.reason.en, row: row, col: 1, format: styles.text)
            layout.fit(place, col: 0)
        }
    }

    /// The skipped paths, one line per language: the path and the Thai reason, then the English reason under it.
    /// The block sits below the total row, outside the filtered range, so it never mixes with the file table; the
    /// reasons are long texts in the wide columns to their right, which stay empty, so they print in full.
    static func writeSkipped(_ skipped: [SkippedPath], below totalRow: Int, sheet: Worksheet,
                             layout: inout DataSheetLayout, styles: WorkbookStyles) throws {
        guard !skipped.isEmpty else { return }
        var row = totalRow + 2
        try sheet.write(string: skippedLabel, row: row, col: 0, format: styles.boldText)
        layout.fit(skippedLabel, col: 0)
        for item in skipped {
            row += 1
            try sheet.write(string: item.path, row: row, col: 0, format: styles.text)
            try sheet.write(string: item.reason.th, row: row, col: 1, format: styles.text)
            row += 1
            try sheet.write(string: item.reason.en, row: row, col: 1, format: styles.text)
            layout.fit(item.path, col: 0)
        }
    }

    static func write(_ context: SheetContext) throws -> Worksheet {
        let attribution = context.report.attribution
        var layout = try DataSheetLayout(context: context, name: name,
                                         headers: headers + (attribution == nil ? [] : [attributionHeader]))
        let sheet = layout.sheet
        let styles = context.styles
        let imported = context.report.imported
        var totals = [Int](repeating: 0, count: 5)  // rows read, accepted, superseded, rejected, blank
        var bytes = 0
        for (offset, source) in imported.sources.enumerated() {
            precondition(source.isBalanced, """
                \(source.path): rows read \(source.rowsRead) ≠ accepted \(source.accepted) + superseded \
                \(source.superseded) + rejected \(source.rejected) + blank \(source.blank)
                """)
            let row = offset + 1
            let districts = source.districtCodes.joined(separator: ", ")
            let counts = [source.rowsRead, source.accepted, source.superseded, source.rejected, source.blank]
            try sheet.write(string: source.path, row: row, col: 0, format: styles.text)
            try layout.write(text: districts, row: row, col: 1, format: styles.code)
            try sheet.write(string: source.encoding?.rawValue ?? undecodedLabel, row: row, col: 2, format: styles.text)
            for (i, count) in counts.enumerated() {
                try sheet.write(number: Double(count), row: row, col: 3 + i, format: styles.integer)
                totals[i] += count
            }
            try sheet.write(date: source.modified, row: row, col: 8, format: styles.dateTime)
            try sheet.write(number: Double(source.byteCount), row: row, col: 9, format: styles.integer)
            try sheet.write(string: source.sha256, row: row, col: 10, format: styles.code)
            if let attribution {
                try sheet.write(string: attribution.district(ofFile: source.path) ?? unattributedLabel, row: row, col: 11,
                                format: styles.code)
            }
            bytes += source.byteCount
            layout.fit(source.path, col: 0)
            layout.fit(districts, col: 1)
        }
        precondition(totals[0] == totals[1] + totals[2] + totals[3] + totals[4], "source totals do not balance")
        precondition(totals[1] == imported.accepted.count || imported.accepted.isEmpty,
                     "files account for \(totals[1]) accepted values, the import holds \(imported.accepted.count)")
        precondition(totals[2] == imported.superseded.count || imported.superseded.isEmpty,
                     "files account for \(totals[2]) superseded values, the import holds \(imported.superseded.count)")

        // The total row sits below the filtered range so sorting or filtering the files never moves it.
        let totalRow = imported.sources.count + 2
        try sheet.write(string: totalLabel, row: totalRow, col: 0, format: styles.boldText)
        for (i, total) in totals.enumerated() {
            try sheet.write(number: Double(total), row: totalRow, col: 3 + i,
                            format: styles.emphasisNumber(decimals: 0))
        }
        try sheet.write(number: Double(bytes), row: totalRow, col: 9, format: styles.emphasisNumber(decimals: 0))
        try writeSkipped(imported.skipped, below: totalRow, sheet: sheet, layout: &layout, styles: styles)
        let skippedRows = imported.skipped.isEmpty ? 0 : 2 + 2 * imported.skipped.count
        try writeNotices(imported.notices, startingAt: totalRow + 2 + skippedRows, sheet: sheet, layout: &layout,
                         styles: styles)
        layout.fit(undecodedLabel, col: 2)
        // As shown by `dateTime` ([$-7041E]d mmm yyyy hh:mm) at its widest: a two-digit day and a long month.
        layout.fit("28 พ.ย. 2569 23:59", col: 8)
        layout.fit(width: 12, col: 9)
        layout.fit(width: 66, col: 10)
        try layout.finish(context: context, dataRows: imported.sources.count)
        return sheet
    }
}
