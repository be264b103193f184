import AgendaCore
import Foundation
import XlsxWriter

/// Which districts sent data for which months, how complete it was, whether it came on time, and the list of
/// district-months with nothing at all. Every colour is backed by a word or a number for black-and-white prints.
enum CompletenessSheet {
    static let headerRow = 4

    static func write(_ context: SheetContext) throws -> Worksheet {
        let sheet = try context.workbook.addWorksheet(name: SheetNames.completeness)
        let cells = PresentationCells(sheet: sheet, context: context)
        let styles = cells.styles
        let report = context.report
        sheet.setZoom(90)
        let months = Array(Set(report.completeness.map(\.month))).sorted()
        let lastCol = max(months.count + 1, 4)

        try cells.merge("ความครบถ้วนและความทันเวลาของข้อมูล", row: 0, cols: 0...lastCol, context.styles.title,
                        bold: true, sizeDelta: 7)
        try cells.merge("Completeness and timeliness · \(report.scope.displayName(.en))", row: 1, cols: 0...lastCol,
                        context.styles.subtitle, bold: true, sizeDelta: 2)
        let note = "ตัวเลข = ตัวชี้วัดที่รายงาน / ที่ต้องรายงาน (ไม่นับตัวชี้วัดอัตราส่วนซึ่งคำนวณเอง) · "
            + "Indicators reported / expected (ratios are computed, not reported)"
        try cells.merge(note, row: 2, cols: 0...lastCol, styles.wrappedNote, sizeDelta: -2, wrap: true)

        var row = headerRow
        try cells.text("ข้อมูลที่ได้รับ / Reported", row - 1, 0, styles.section, fit: false)
        row = try writeGrid(context, cells: cells, months: months, row: row) { cell in
            guard cell.submitted else { return ("ไม่ส่ง", .behind) }
            let text = "\(cell.reported)/\(cell.expected)"
            return (text, cell.reported >= cell.expected ? .achieved : (cell.reported == 0 ? .behind : .onTrack))
        }
        row += 1
        try cells.text("ความทันเวลา / Timeliness", row, 0, styles.section, fit: false)
        try cells.text("ทันเวลา = ไฟล์ถูกแก้ไขล่าสุดไม่เกิน \(report.options.timelinessDays) วันหลังสิ้นเดือน · "
                       + "On time = files last modified within \(report.options.timelinessDays) days after month end",
                       row + 1, 0, styles.note, fit: false)
        row += 2
        row = try writeGrid(context, cells: cells, months: months, row: row) { cell in
            switch cell.onTime {
            case true?: ("ทันเวลา", .achieved)
            case false?: ("ล่าช้า", .behind)
            case nil: (NumberText.blank, nil)
            }
        }
        row += 1
        try writeMissingList(context, cells: cells, row: row)

        try cells.finish(minimum: 8, maximum: 40)
        try sheet.freezePanes(row: headerRow + 1, col: 1)
        try context.applyPrintSetup(sheet, repeatRows: headerRow...headerRow)
        return sheet
    }

    /// A districts × months grid with the province's totals; `describe` gives a cell's word and colour.
    private static func writeGrid(_ context: SheetContext, cells: PresentationCells, months: [YearMonth], row start: Int,
                                  describe: (CompletenessCell) -> (String, Status?)) throws -> Int {
        let report = context.report
        let styles = cells.styles
        var row = start
        try cells.headerRow([BilingualText(th: "อำเภอ", en: "District")]
            + months.map { BilingualText(th: $0.shortName(.th), en: "") }, row: row)
        row += 1
        let byKey = Dictionary(report.completeness.map { ("\($0.districtCode)|\($0.month.ordinal)", $0) },
                               uniquingKeysWith: { a, _ in a })
        for district in report.reference.districts {
            try cells.text(district.nameTH, row, 0, styles.text())
            for (i, month) in months.enumerated() {
                if let cell = byKey["\(district.code)|\(month.ordinal)"] {
                    let (text, status) = describe(cell)
                    try cells.text(text, row, i + 1, styles.status(status), bold: true)
                } else {
                    try cells.dash(row, i + 1)
                }
            }
            row += 1
        }
        // Province: districts that sent something, out of all districts.
        try cells.text("อำเภอที่ส่ง (จาก \(report.reference.districts.count))", row, 0, styles.text(province: true),
                       bold: true)
        for (i, month) in months.enumerated() {
            let sent = report.insights.reporting(month)?.submitted.count ?? 0
            try cells.text("\(sent)/\(report.reference.districts.count)", row, i + 1,
                           styles.format(CellStyle(bold: true, fill: PresentationStyles.provinceFill, align: .center)),
                           bold: true)
        }
        return row + 1
    }

    /// The district-months from which nothing came.
    private static func writeMissingList(_ context: SheetContext, cells: PresentationCells, row start: Int) throws {
        let report = context.report
        let styles = cells.styles
        var row = start
        try cells.text("อำเภอ-เดือนที่ไม่ได้ส่งข้อมูล / District-months with no data", row, 0, styles.section, fit: false)
        row += 1
        let missing = report.completeness.filter { !$0.submitted }
        if missing.isEmpty {
            try cells.text("ไม่มี ทุกอำเภอส่งข้อมูลครบทุกเดือน · None: every district sent data for every month", row, 0,
                           styles.plain, fit: false)
            return
        }
        try cells.headerRow([BilingualText(th: "อำเภอ", en: "District")], row: row)
        try cells.merge("เดือน\nMonth", row: row, cols: 1...2, styles.header, bold: true)
        row += 1
        for cell in missing {
            let name = report.reference.district(cell.districtCode)?.nameTH ?? cell.districtCode
            try cells.text(name, row, 0, styles.text())
            try sheetMonth(cells, cell.month, row: row)
            row += 1
        }
    }

    /// The month as "มกราคม 2565" across two columns so it does not widen a single month column of the grid.
    private static func sheetMonth(_ cells: PresentationCells, _ month: YearMonth, row: Int) throws {
        try cells.merge(month.displayName(.th), row: row, cols: 1...2, cells.styles.text())
    }
}
