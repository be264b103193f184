import AgendaCore
import Foundation
import XlsxWriter

/// The first sheet, active on open: what the report covers, the headline indicators of every workstream against
/// their targets (ceilings for lower-is-better indicators), a districts × workstreams grid of indicators on target,
/// and which districts reported each month. Everything beyond the facts comes from `Report.insights`.
///
/// Layout (columns A–G): page 1 is the title block and the headline table; a manual page break puts the grid,
/// its definition and the monthly completeness block on page 2. The columns are kept narrow enough (labels and
/// indicator names wrap) that fitting the sheet one page wide still prints the 15 pt body at 12 pt or more.
enum DashboardSheet {
    static let lastColumn = 6
    /// Indicator names and title-block labels wrap beyond these widths (Excel units) instead of widening the sheet.
    static let labelWidth = 26.0
    static let indicatorWidth = 38.0
    /// Months per row of the compact completeness block (columns B–G).
    static let monthsPerRow = 6

    static func write(_ context: SheetContext) throws -> Worksheet {
        let sheet = try context.workbook.addWorksheet(name: SheetNames.dashboard)
        let cells = PresentationCells(sheet: sheet, context: context)
        sheet.hideGridlines()
        sheet.setZoom(90)

        var row = try writeTitleBlock(context, cells: cells)
        row += 1
        row = try writeHeadlines(context, cells: cells, row: row) + 1
        // Page 2 starts with the grid, so its heading never sits alone at the foot of page 1.
        try sheet.setPageBreaks(beforeRows: [row])
        row = try writeGrid(context, cells: cells, row: row)
        _ = try writeCompleteness(context, cells: cells, row: row)

        // The title block is merged across the table, so its text does not widen column A.
        try cells.finish(minimum: 9, maximum: 45)
        try sheet.freezePanes(row: 2, col: 0)
        // No repeated title rows: the footer names the report on every page, and page 2 (grid and monthly
        // completeness) needs every row of the page.
        try context.applyPrintSetup(sheet)
        return sheet
    }

    /// Title (Thai, English), window, as-of date, input files and rejections. Returns the next free row.
    private static func writeTitleBlock(_ context: SheetContext, cells: PresentationCells) throws -> Int {
        let styles = cells.styles
        let report = context.report
        try cells.merge(context.title.th, row: 0, cols: 0...lastColumn, context.styles.title, bold: true, sizeDelta: 7)
        try cells.merge(context.title.en, row: 1, cols: 0...lastColumn, context.styles.subtitle, bold: true,
                        sizeDelta: 2)

        let rejected = report.imported.rejections.count
        let facts: [(BilingualText, String?)] = [
            (BilingualText(th: "ช่วงเวลา", en: "Window"),
             "\(report.scope.displayName(.th))  ·  \(report.scope.displayName(.en))"),
            (BilingualText(th: "ข้อมูล ณ วันที่", en: "Data as of"), nil),
            (BilingualText(th: "ไฟล์ข้อมูล", en: "Input files"),
             "\(report.imported.sources.count) ไฟล์ จากอำเภอ · \(report.imported.sources.count) files from the districts"),
            (BilingualText(th: "แถวที่ไม่ผ่านการตรวจ", en: "Rejected rows"),
             rejected == 0
                ? "ไม่มี · none"
                : "\(NumberText.decimal(Double(rejected), decimals: 0)) แถว ดูแผ่นงาน Rejected · \(rejected) row\(rejected == 1 ? "" : "s"), see the Rejected sheet"),
        ]
        var row = 2
        for (label, value) in facts {
            // Label over columns A–B, value over C–G: one line each without widening column A.
            try cells.merge("\(label.th) / \(label.en)", row: row, cols: 0...1, styles.label, bold: true)
            if let value {
                try cells.merge(value, row: row, cols: 2...lastColumn, styles.plain)
            } else {
                // A real date, shown in the Buddhist year: `[$-7041E]d mmmm yyyy`; merged like the other values
                // (the merge writes a string, the date then replaces it in the first cell) so it is never `###`.
                try cells.merge("", row: row, cols: 2...lastColumn, styles.longDate)
                try cells.sheet.write(date: report.asOf, row: row, col: 2, format: styles.longDate)
            }
            row += 1
        }
        cells.widths.atLeast(labelWidth, col: 0)
        return row
    }

    /// Headline indicators, province, year to date. Returns the next free row.
    private static func writeHeadlines(_ context: SheetContext, cells: PresentationCells, row start: Int) throws -> Int {
        let report = context.report
        let styles = cells.styles
        let ytd = report.yearToDate
        var row = start
        try cells.text("ตัวชี้วัดหลักระดับจังหวัด \(ytd.displayName(.th))", row, 0, styles.section, fit: false)
        try cells.text("Headline indicators, province, \(ytd.displayName(.en))", row + 1, 0, styles.note, fit: false)
        row += 2
        try cells.headerRow([
            BilingualText(th: "ประเด็น", en: "Workstream"),
            BilingualText(th: "ตัวชี้วัด", en: "Indicator"),
            BilingualText(th: "หน่วย", en: "Unit"),
            BilingualText(th: "ผลงานสะสม", en: "Value YTD"),
            BilingualText(th: "เป้าหมายทั้งปี", en: "Annual target"),
            BilingualText(th: "ร้อยละของเป้า", en: "% of target"),
            BilingualText(th: "สถานะ", en: "Status"),
        ], row: row)
        row += 1
        let province = report.reference.province.code
        for (position, workstream) in report.reference.workstreams.enumerated() {
            let headlines = report.insights.headlines(workstream.id)
            let first = row
            for indicator in headlines {
                let fact = report.fact(ytd, indicator: indicator.id, area: province)
                // Long names wrap within `indicatorWidth`; `finish` then makes the row tall enough for them.
                try cells.text(indicator.nameTH, row, 1, styles.text(wrap: true), fit: false, wrap: true)
                cells.widths.atLeast(min(indicatorWidth, ColumnWidths.excelWidth(
                    ems: ColumnWidths.ems(indicator.nameTH), size: context.options.bodySize)), col: 1)
                try cells.text(indicator.unitTH, row, 2, styles.text(align: .center))
                try cells.value(fact?.value, row, 3, decimals: indicator.decimals)
                try cells.value(fact?.target, row, 4, decimals: indicator.decimals)
                try cells.achievement(fact, indicator, row, 5)
                try cells.status(fact, indicator, row, 6)
                row += 1
            }
            // The workstream's name merged down beside its indicators (wrapped; the rows grow only if needed).
            let name = "\(position + 1). \(workstream.nameTH)"
            let nameFormat = styles.format(CellStyle(bold: true, wrap: true, topAligned: true))
            if row > first {
                try cells.mergeDown(name, rows: first...(row - 1), col: 0, nameFormat, bold: true)
            }
            cells.widths.atLeast(labelWidth, col: 0)
        }
        // One reading of a ceiling everywhere: said once under the table, in both languages.
        let ceilings = report.reference.workstreams.flatMap { report.insights.headlines($0.id) }
            .contains { $0.targetKind == .ceiling }
        if ceilings {
            for text in [PresentationText.ceilingNote.th, PresentationText.ceilingNote.en] {
                try cells.merge(text, row: row, cols: 0...lastColumn, styles.wrappedNote, sizeDelta: -2, wrap: true)
                row += 1
            }
        }
        return row
    }

    /// Districts × workstreams: how many of the workstream's indicators are as planned, out of those with a status
    /// ("3 / 4"), coloured like the statuses. It reads the same statuses as every other sheet, so a ceiling counts
    /// as met only when it is kept. Returns the next free row.
    private static func writeGrid(_ context: SheetContext, cells: PresentationCells, row start: Int) throws -> Int {
        let report = context.report
        let styles = cells.styles
        let workstreams = report.reference.workstreams
        var row = start
        try cells.text("ตัวชี้วัดที่บรรลุเป้าหมายหรือเป็นไปตามแผน รายอำเภอ × ประเด็น", row, 0, styles.section, fit: false)
        try cells.text("Indicators achieved or on track, districts × workstreams (fiscal year to date)", row + 1, 0,
                       styles.note, fit: false)
        row += 2
        // Workstream names are long: they wrap in their heading instead of widening the columns.
        try cells.headerRow([BilingualText(th: "อำเภอ", en: "District")]
            + workstreams.enumerated().map { BilingualText(th: "\($0.offset + 1). \($0.element.nameTH)", en: "") },
            row: row, fit: false, wrapWidth: 24)
        row += 1
        for area in report.reference.reportAreas {
            let isProvince = area.code == report.reference.province.code
            let name = isProvince ? "รวมจังหวัด\(area.nameTH)" : area.nameTH
            try cells.text(name, row, 0, styles.text(province: isProvince), bold: isProvince)
            for (i, workstream) in workstreams.enumerated() {
                if let tally = report.insights.tally(workstream: workstream.id, area: area.code) {
                    try cells.text("\(tally.met) / \(tally.judged)", row, i + 1, styles.tone(tally.tone), bold: true)
                } else {
                    try cells.dash(row, i + 1, province: isProvince)
                }
            }
            row += 1
        }
        let lastCol = max(lastColumn, workstreams.count)
        for text in [gridDefinition.th, gridDefinition.en] {
            try cells.merge(text, row: row, cols: 0...lastCol, styles.wrappedNote, sizeDelta: -2, wrap: true)
            row += 1
        }
        return row
    }

    static let gridDefinition = BilingualText(
        th: "ค่าในตาราง = จำนวนตัวชี้วัดที่บรรลุเป้าหมายหรือเป็นไปตามแผน (ตัวชี้วัดที่ยิ่งน้อยยิ่งดี: ไม่เกินเพดาน) / จำนวนตัวชี้วัดในประเด็นที่มีทั้งผลงานและเป้าหมาย "
            + "สถานะเดียวกับในแผ่นงานแต่ละประเด็น; สีเขียว = ครบทุกตัว, สีเหลือง = อย่างน้อยครึ่งหนึ่ง, สีแดง = น้อยกว่าครึ่ง; \"–\" = ไม่มีตัวชี้วัดที่มีทั้งผลงานและเป้าหมาย",
        en: "Cell = indicators achieved or on track (lower-is-better: within the ceiling) / the workstream's indicators "
            + "with both a value and a target, the statuses of the workstream sheets; green = all, yellow = at least "
            + "half, red = fewer than half; \"–\" = no indicator with both.")

    /// Districts reporting per month, compactly: rows of `monthsPerRow` months (name above, "sent / nine" below,
    /// coloured and worded), then one line naming the district-months with nothing sent. Returns the next free row.
    private static func writeCompleteness(_ context: SheetContext, cells: PresentationCells, row start: Int) throws
        -> Int {
        let report = context.report
        let styles = cells.styles
        let districts = report.reference.districts
        var row = start
        try cells.text("การส่งข้อมูลรายเดือน", row, 0, styles.section, fit: false)
        try cells.text("Districts reporting per month, out of \(districts.count) (details on the "
                       + "\(SheetNames.completeness) sheet)", row + 1, 0, styles.note, fit: false)
        row += 2
        var missingText: [String] = []
        let months = report.scope.months
        for chunk in stride(from: 0, to: months.count, by: monthsPerRow) {
            let slice = months[chunk..<min(chunk + monthsPerRow, months.count)]
            // One-line labels keep the block four body rows high, so it fits under the grid on page 2.
            try cells.text("เดือน / Month", row, 0, styles.header, fit: false, bold: true)
            try cells.text("ส่งแล้ว / Sent", row + 1, 0, styles.format(CellStyle(bold: true)), fit: false, bold: true)
            for (i, month) in slice.enumerated() {
                let reporting = report.insights.reporting(month)
                let missing = (reporting?.missing ?? districts.map(\.code))
                    .map { report.reference.district($0)?.nameTH ?? $0 }
                if !missing.isEmpty {
                    missingText.append("\(month.shortName(.th)): \(missing.joined(separator: ", "))")
                }
                let count = reporting?.submitted.count ?? 0
                try cells.text(month.shortName(.th), row, i + 1, styles.header, bold: true)
                try cells.text("\(count) / \(districts.count)", row + 1, i + 1,
                               styles.tone(ReportInsights.Tone(part: count, of: districts.count)), bold: true)
            }
            row += 2
        }
        let list = missingText.isEmpty
            ? "ทุกอำเภอส่งข้อมูลครบทุกเดือน · every district reported every month"
            : "อำเภอที่ยังไม่ส่งข้อมูล / Districts that sent nothing: " + missingText.joined(separator: "; ")
        try cells.merge(list, row: row, cols: 0...lastColumn, styles.wrappedNote, sizeDelta: -2, wrap: true)
        return row + 1
    }
}
