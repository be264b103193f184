import AgendaCore
import Foundation
import XlsxWriter

/// "How to read this report": what each sheet holds, what the statuses mean, and every indicator's definition,
/// unit, aggregation rule and direction, in plain Thai and English.
enum GuideSheet {
    /// Columns: A label/code, B–C Thai and English text (wrapped), D–F indicator details.
    static let textWidth = 48.0

    static func write(_ context: SheetContext) throws -> Worksheet {
        let sheet = try context.workbook.addWorksheet(name: SheetNames.guide)
        let cells = PresentationCells(sheet: sheet, context: context)
        sheet.setZoom(90)
        sheet.hideGridlines()
        try cells.merge("วิธีอ่านรายงาน", row: 0, cols: 0...4, context.styles.title, bold: true, sizeDelta: 7)
        try cells.merge("How to read this report", row: 1, cols: 0...4, context.styles.subtitle, bold: true,
                        sizeDelta: 2)

        var row = 3
        row = try writeSheets(context, cells: cells, row: row) + 1
        row = try writeStatuses(cells: cells, row: row) + 1
        _ = try writeIndicators(context, cells: cells, row: row)

        try cells.finish(minimum: 8, maximum: textWidth)
        try sheet.freezePanes(row: 2, col: 0)
        try context.applyPrintSetup(sheet, repeatRows: 0...1)
        return sheet
    }

    /// A row of wrapped Thai and English text in columns B and C, with its height set from the longer one.
    private static func wrappedPair(_ cells: PresentationCells, _ label: String, _ pair: BilingualText, row: Int,
                                    labelFormat: Format? = nil) throws {
        let wrap = cells.styles.text(wrap: true)
        try cells.text(label, row, 0, labelFormat ?? cells.styles.text(bold: true), bold: true)
        try cells.text(pair.th, row, 1, wrap, fit: false, wrap: true)
        try cells.text(pair.en, row, 2, wrap, fit: false, wrap: true)
        cells.widths.atLeast(textWidth, col: 1)
        cells.widths.atLeast(textWidth, col: 2)
    }

    private static func writeSheets(_ context: SheetContext, cells: PresentationCells, row start: Int) throws -> Int {
        var row = start
        try cells.text("แผ่นงานในรายงานนี้ / Sheets in this workbook", row, 0, cells.styles.section, fit: false)
        row += 1
        try cells.headerRow([BilingualText(th: "แผ่นงาน", en: "Sheet"), BilingualText(th: "เนื้อหา", en: ""),
                             BilingualText(th: "Contents", en: "")], row: row)
        row += 1
        let minimumFactor = context.report.options.outlierMinimumFactor
        let factor = NumberText.decimal(minimumFactor, decimals: minimumFactor == minimumFactor.rounded() ? 0 : 1)
        let workstreamSheets = context.report.reference.workstreams.enumerated()
            .map { SheetNames.workstream($0.element, position: $0.offset + 1) }
        var rows: [(String, BilingualText)] = [
            (SheetNames.dashboard, BilingualText(
                th: "ภาพรวม: ตัวชี้วัดหลักของแต่ละประเด็นเทียบเป้าหมาย ความก้าวหน้ารายอำเภอ และการส่งข้อมูลรายเดือน",
                en: "Overview: headline indicators against targets, progress by district, and monthly reporting")),
            (workstreamSheets.isEmpty ? "–" : "แผ่นงาน 1–\(workstreamSheets.count)", BilingualText(
                th: "หนึ่งแผ่นต่อประเด็น: ทุกตัวชี้วัด รายอำเภอและรวมจังหวัด ผลงานสะสม เป้าหมาย สถานะ การเปลี่ยนแปลงจากไตรมาสก่อน "
                    + "ค่าที่ควรตรวจสอบที่เด่นที่สุดไม่เกิน \(WorkstreamSheet.anomaliesMarked) ค่า (ดูความเห็นในช่องหมายเหตุ) และแผนภูมิ",
                en: "One sheet per workstream: every indicator by district and province, year-to-date value, target, "
                    + "status, change from the previous quarter, the \(WorkstreamSheet.anomaliesMarked) strongest values "
                    + "to check (see the comment in the Note column) and charts")),
            (SheetNames.completeness, BilingualText(
                th: "อำเภอใดส่งข้อมูลเดือนใด ครบเพียงใด ทันเวลาหรือไม่ และรายการอำเภอ-เดือนที่ไม่ได้ส่ง",
                en: "Which districts sent which months, how complete and how timely, and the district-months missing")),
            ("Facts", BilingualText(
                th: "ตัวเลขทั้งหมดของรายงาน หนึ่งแถวต่อช่วงเวลา × ตัวชี้วัด × พื้นที่ สำหรับทำ PivotTable",
                en: "Every number of the report, one row per window × indicator × area, for pivot tables")),
            ("Rejected", BilingualText(th: "แถวข้อมูลที่ไม่ผ่านการตรวจ พร้อมไฟล์ บรรทัด คอลัมน์ และเหตุผล",
                                       en: "Rows that failed validation, with file, line, column and reason")),
            ("Superseded", BilingualText(th: "ค่าที่ถูกแทนที่ด้วยไฟล์ที่ส่งภายหลัง (ไม่นำมานับ)",
                                         en: "Values replaced by a later file (never counted)")),
            (AnomaliesSheet.name, BilingualText(
                th: "ค่าที่ควรตรวจสอบ: ค่ารายเดือนของอำเภอ (หรือของตำบล/หมู่บ้าน) ที่ห่างจากที่คาดไว้ตั้งแต่ \(factor) เท่าขึ้นไป "
                    + "เมื่อเทียบกับระดับปกติของตนเองและอำเภออื่นในเดือนเดียวกัน (จึงไม่นับฤดูกาล) เดือนก่อน (ตัวชี้วัดแบบยอดคงเหลือ) "
                    + "และเดือนเดียวกันปีก่อน เช่น พิมพ์จุดทศนิยมผิด ใส่หน่วยเป็นพัน หรือส่งยอดสะสมแทนยอดรายเดือน "
                    + "เป็นข้อมูลให้ตรวจสอบเท่านั้น ค่าเหล่านี้ไม่ถูกแก้ไขหรือตัดทิ้ง",
                en: "Values to check: a district's (or sub-area's) monthly value at least \(factor) times away from what its own "
                    + "level and the other districts' same month lead one to expect (so seasons cancel), and from the "
                    + "previous month (stocks) and the same month last year; e.g. a slipped decimal point, a figure in "
                    + "thousands, a cumulative figure sent as a monthly one. Information only: never changed or dropped")),
            ("Data", context.report.imported.accepted.count > context.options.dataSheetRowLimit
                ? BilingualText(th: "ค่าที่ผ่านการตรวจมีมากเกินแผ่นงานเดียว จึงแสดงผลรวมรายอำเภอ × เดือน × ตัวชี้วัด "
                                    + "พร้อมจำนวนค่า ค่าต่ำสุด ค่าสูงสุด และไฟล์ที่มา",
                                en: "Too many accepted values for one sheet, so their totals per district × month × "
                                    + "indicator, with the count, minimum, maximum and source files")
                : BilingualText(th: "ค่าดิบทุกค่าที่ผ่านการตรวจ พร้อมไฟล์และบรรทัดที่มา",
                                en: "Every accepted raw value with its file and line")),
            ("Sources", BilingualText(th: "ไฟล์ข้อมูลทุกไฟล์ จำนวนแถว วันที่แก้ไข และรหัส SHA-256",
                                      en: "Every input file with its row counts, modification time and SHA-256")),
        ]
        if !context.report.revisions.isEmpty, let data = rows.firstIndex(where: { $0.0 == "Data" }) {
            rows.insert((RevisionsSheet.name, BilingualText(
                th: "ตัวเลขของไตรมาสที่ปิดแล้วซึ่งเปลี่ยนไปหลังปิด: ค่าตอนปิด ค่าปัจจุบัน ผลต่าง และไฟล์ที่ทำให้เปลี่ยน",
                en: "Figures of closed quarters that changed after closing: the value as closed, now, the difference "
                    + "and the files that changed it")), at: data)
        }
        for (name, text) in rows {
            try wrappedPair(cells, name, text, row: row)
            row += 1
        }
        return row
    }

    private static func writeStatuses(cells: PresentationCells, row start: Int) throws -> Int {
        var row = start
        try cells.text("สถานะ / Status (ผลงานสะสมเทียบเป้าหมายทั้งปี · year to date against the annual target)", row, 0,
                       cells.styles.section, fit: false)
        row += 1
        for entry in PresentationText.statusLegend {
            try wrappedPair(cells, "\(entry.words.th) · \(entry.words.en)",
                            entry.meaning, row: row, labelFormat: cells.styles.status(entry.status))
            row += 1
        }
        try wrappedPair(cells, "ร้อยละของเป้า · % of target", PresentationText.ceilingNote, row: row)
        row += 1
        try wrappedPair(cells, NumberText.blank, BilingualText(
            th: "ไม่มีข้อมูล หรือไม่มีเป้าหมาย (ไม่ใช่ศูนย์)", en: "No value or no target (not zero)"),
                        row: row, labelFormat: cells.styles.missing())
        return row + 1
    }

    private static func writeIndicators(_ context: SheetContext, cells: PresentationCells, row start: Int) throws
        -> Int {
        let reference = context.report.reference
        let styles = cells.styles
        var row = start
        try cells.text("ตัวชี้วัด / Indicators", row, 0, styles.section, fit: false)
        row += 1
        try cells.headerRow([
            BilingualText(th: "รหัส", en: "Code"),
            BilingualText(th: "ตัวชี้วัด · หน่วย · วิธีรวม", en: ""),
            BilingualText(th: "Indicator · unit · aggregation", en: ""),
            BilingualText(th: "ทิศทาง", en: "Direction"),
            BilingualText(th: "ตัวชี้วัดหลัก", en: "Headline"),
        ], row: row)
        row += 1
        for workstream in reference.workstreams {
            try cells.merge("\(workstream.nameTH) · \(workstream.nameEN)", row: row, cols: 0...4,
                            styles.format(CellStyle(bold: true, fill: WorkbookStyles.bandFill)), bold: true)
            row += 1
            for indicator in reference.indicators(in: workstream.id) {
                let rule = PresentationText.aggregation(indicator, reference: reference)
                let text = BilingualText(
                    th: "\(indicator.nameTH)\nหน่วย: \(indicator.unitTH) · \(rule.th)",
                    en: "\(indicator.nameEN)\nUnit: \(indicator.unitEN) · \(rule.en)")
                try wrappedPair(cells, indicator.id, text, row: row)
                let direction = PresentationText.direction(indicator.better)
                try cells.text("\(direction.th)\n\(direction.en)", row, 3, styles.text(wrap: true), wrap: true)
                try cells.text(indicator.isHeadline ? "ใช่ · yes" : "–", row, 4, styles.text(align: .center))
                row += 1
            }
        }
        return row
    }
}
