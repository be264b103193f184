import AgendaCore
import Foundation
import XlsxWriter

/// The first sheet, active on open: what the report covers, the headline indicators of every workstream against
/// their targets, a districts × workstreams grid of achievement, and which districts reported each month.
///
/// Layout (columns A–G): a title block, then three tables one below the other, so the sheet prints one page
/// wide in portrait reading order without side-by-side blocks that would shrink the print.
enum DashboardSheet {
    static let lastColumn = 6

    static func write(_ context: SheetContext) throws -> Worksheet {
        let sheet = try context.workbook.addWorksheet(name: SheetNames.dashboard)
        let cells = PresentationCells(sheet: sheet, context: context)
        sheet.hideGridlines()
        sheet.setZoom(90)

        var row = try writeTitleBlock(context, cells: cells)
        row += 1
        row = try writeHeadlines(context, cells: cells, row: row) + 1
        row = try writeGrid(context, cells: cells, row: row) + 1
        _ = try writeCompleteness(context, cells: cells, row: row)

        // The title block is merged across the table, so its text does not widen column A.
        try cells.finish(minimum: 9, maximum: 45)
        try sheet.freezePanes(row: 2, col: 0)
        try context.applyPrintSetup(sheet, repeatRows: 0...1)
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
            try cells.text("\(label.th) / \(label.en)", row, 0, styles.label, bold: true)
            if let value {
                try cells.merge(value, row: row, cols: 1...lastColumn, styles.plain)
            } else {
                // A real date, shown in the Buddhist year: `[$-7041E]d mmmm yyyy`.
                try cells.sheet.write(date: report.asOf, row: row, col: 1, format: styles.longDate)
            }
            row += 1
        }
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
            BilingualText(th: "ร้อยละของเป้า", en: "Achievement"),
            BilingualText(th: "สถานะ", en: "Status"),
        ], row: row)
        row += 1
        let province = report.reference.province.code
        for (position, workstream) in report.reference.workstreams.enumerated() {
            let headlines = PresentationText.headlines(workstream, reference: report.reference)
            let first = row
            for indicator in headlines {
                let fact = report.fact(ytd, indicator: indicator.id, area: province)
                try cells.text(indicator.nameTH, row, 1, styles.text(wrap: true))
                try cells.text(indicator.unitTH, row, 2, styles.text(align: .center))
                try cells.value(fact?.value, row, 3, decimals: indicator.decimals)
                try cells.value(fact?.target, row, 4, decimals: indicator.decimals)
                try cells.percent(fact?.achievementPct, row, 5)
                try cells.status(fact?.status, row, 6)
                row += 1
            }
            // The workstream's name on its first row (wrapped, the row grows), empty bordered cells below it.
            let name = "\(position + 1). \(workstream.nameTH)"
            let nameFormat = styles.format(CellStyle(bold: true, wrap: true, topAligned: true))
            if row > first {
                try cells.text(name, first, 0, nameFormat, fit: false, bold: true, wrap: true)
                for r in (first + 1)..<row { try cells.blank(r, 0, nameFormat) }
            }
            cells.widths.atLeast(24, col: 0)
        }
        return row
    }

    /// Districts × workstreams achievement grid with a three-colour scale. Returns the next free row.
    private static func writeGrid(_ context: SheetContext, cells: PresentationCells, row start: Int) throws -> Int {
        let report = context.report
        let styles = cells.styles
        let workstreams = report.reference.workstreams
        var row = start
        try cells.text("ความก้าวหน้าเทียบเป้าหมาย รายอำเภอ × ประเด็น", row, 0, styles.section, fit: false)
        try cells.text("Progress against targets, districts × workstreams (fiscal year to date)", row + 1, 0,
                       styles.note, fit: false)
        row += 2
        // Workstream names are long: they wrap in their heading instead of widening the columns.
        try cells.headerRow([BilingualText(th: "อำเภอ", en: "District")]
            + workstreams.enumerated().map { BilingualText(th: "\($0.offset + 1). \($0.element.nameTH)", en: "") },
            row: row, fit: false, wrapWidth: 16)
        row += 1
        let first = row
        for area in report.reference.reportAreas {
            let isProvince = area.code == report.reference.province.code
            let name = isProvince ? "รวมจังหวัด\(area.nameTH)" : area.nameTH
            try cells.text(name, row, 0, styles.text(province: isProvince), bold: isProvince)
            for (i, workstream) in workstreams.enumerated() {
                let score = AchievementScore.score(report: report, workstream: workstream, areaCode: area.code)
                try cells.percent(score, row, i + 1, province: isProvince)
            }
            row += 1
        }
        if !workstreams.isEmpty {
            // Red below target, yellow around it, green above: colours only support the numbers in the cells.
            try cells.sheet.conditionalFormatThreeColorScale(
                firstRow: first, firstCol: 1, lastRow: row - 1, lastCol: workstreams.count,
                minColor: 0xF8696B, midColor: 0xFFEB84, maxColor: 0x63BE7B)
        }
        let lastCol = max(lastColumn, workstreams.count)
        for text in [AchievementScore.definition.th, AchievementScore.definition.en] {
            try cells.merge(text, row: row, cols: 0...lastCol, styles.wrappedNote, sizeDelta: -2, wrap: true)
            row += 1
        }
        return row
    }

    /// Districts reporting per month of the report, and which did not. Returns the next free row.
    private static func writeCompleteness(_ context: SheetContext, cells: PresentationCells, row start: Int) throws
        -> Int {
        let report = context.report
        let styles = cells.styles
        let districts = report.reference.districts
        var row = start
        try cells.text("การส่งข้อมูลรายเดือน", row, 0, styles.section, fit: false)
        try cells.text("Districts reporting per month (details on the \(SheetNames.completeness) sheet)", row + 1, 0,
                       styles.note, fit: false)
        row += 2
        try cells.headerRow([
            BilingualText(th: "เดือน", en: "Month"),
            BilingualText(th: "อำเภอที่ยังไม่ส่งข้อมูล", en: "Districts that sent nothing"),
            BilingualText(th: "ส่งแล้ว", en: "Reporting"),
        ], row: row)
        row += 1
        let byMonth = Dictionary(grouping: report.completeness, by: \.month)
        for month in report.scope.months {
            let monthCells = byMonth[month] ?? []
            let sent = Set(monthCells.filter(\.submitted).map(\.districtCode))
            let missing = districts.filter { !sent.contains($0.code) }.map(\.nameTH)
            try cells.text(month.displayName(.th), row, 0, styles.text())
            let list = missing.isEmpty ? "ครบทุกอำเภอ (all districts)" : missing.joined(separator: ", ")
            try cells.text(list, row, 1, styles.text(wrap: true), fit: false, wrap: true)
            let count = sent.count
            let status: Status? = count == districts.count ? .achieved : (count * 2 >= districts.count ? .onTrack : .behind)
            try cells.text("\(count) / \(districts.count)", row, 2, styles.status(status), bold: true)
            row += 1
        }
        return row
    }
}
