import AgendaCore
import Foundation
import XlsxWriter

/// The clerk's fill-in template as an Excel workbook: the same rows as `SubmissionTemplate.csvData()`, with
/// guard rails that a CSV cannot carry.
///
/// The clerk opens it, types values, and saves the `submission` sheet as "CSV UTF-8". So that saved file is a valid
/// submission, sheet `submission` holds nothing but the header in row 1 and one row per indicator and month:
/// instructions live on their own sheet (Excel saves only the active sheet as CSV), the `value` column keeps the
/// General number format (a `#,##0` format would be saved as "1,234", quoted), and the header, district and period
/// are locked so they cannot be mistyped. The indicator drop-down reads its list from the `indicators` sheet,
/// because the ids joined with commas soon pass libxlsxwriter's 255-byte inline-list limit.
///
/// The document's created time is 1 October of the fiscal year's first month in Bangkok, never the clock, so the
/// same reference data give the same bytes.
public struct TemplateWorkbook: Sendable {
    public let options: WorkbookOptions

    /// Sheet names, fixed: the `submission` sheet's name becomes the default CSV file name in some Excel versions.
    public static let submissionSheetName = "submission"
    public static let indicatorsSheetName = "indicators"
    public static let instructionsSheetName = "คำแนะนำ"

    /// The instruction the clerk must not miss; also the `value` column's input prompt.
    public static let fillInstruction = "กรอกเฉพาะคอลัมน์ value แล้วบันทึกเป็น CSV UTF-8"

    public init(options: WorkbookOptions = WorkbookOptions()) {
        self.options = options
    }

    /// Row height in points: TH Sarabun's tall vowel and tone marks are clipped at Excel's default 15 pt.
    var rowHeight: Double { (options.bodySize * 1.45).rounded() }

    /// Column positions on the `submission` sheet, from `SubmissionTemplate.header`.
    enum Column {
        static let district = 0, period = 1, indicator = 2, area = 3, value = 4, note = 5
    }

    /// Writes the workbook straight to `url` (the caller makes that atomic).
    public func write(_ template: SubmissionTemplate, to url: URL) throws {
        let workbook = try Workbook(path: url.path, options: .init(timeZone: BangkokCalendar.timeZone))
        let styles = TemplateStyles(workbook: workbook, options: options)
        let district = template.district
        try workbook.setProperties(DocumentProperties(
            title: "แบบฟอร์มส่งข้อมูลวาระคนพะเยา อำเภอ\(district.nameTH) ปีงบประมาณ \(template.fiscalYear)",
            subject: "Phayao agenda submission template, \(district.nameEN) (\(district.code)), FY\(template.fiscalYear)",
            author: "phayao-agenda",
            company: "สำนักงานจังหวัดพะเยา",
            keywords: "วาระคนพะเยา; submission template; \(district.code); FY\(template.fiscalYear)",
            created: Self.createdDate(fiscalYear: template.fiscalYear)))

        let indicators = Self.indicators(of: template)
        let submission = try writeSubmissionSheet(template, indicatorCount: indicators.count, workbook, styles)
        try writeIndicatorsSheet(indicators, workbook, styles)
        try writeInstructionsSheet(template, workbook, styles)
        submission.activate()
        submission.select()
        try workbook.close()
    }

    /// Midnight in Bangkok at the start of the fiscal year: 1 October of BE year `fiscalYear - 1`.
    public static func createdDate(fiscalYear: Int) -> Date {
        BangkokCalendar.start(of: YearMonth.months(ofFiscalYear: fiscalYear)[0])
    }

    /// The template's indicators in row order, each once.
    static func indicators(of template: SubmissionTemplate) -> [Indicator] {
        var seen = Set<String>()
        return template.rows.map(\.indicator).filter { seen.insert($0.id).inserted }
    }

    // MARK: submission

    private func writeSubmissionSheet(_ template: SubmissionTemplate, indicatorCount: Int, _ workbook: Workbook,
                                      _ styles: TemplateStyles) throws -> Worksheet {
        let sheet = try workbook.addWorksheet(name: Self.submissionSheetName)
        for (col, name) in SubmissionTemplate.header.enumerated() {
            try sheet.write(string: name, row: 0, col: col, format: styles.header)
        }
        for (index, row) in template.rows.enumerated() {
            let r = index + 1
            try sheet.write(string: row.districtCode, row: r, col: Column.district, format: styles.lockedCode)
            try sheet.write(string: row.month.label, row: r, col: Column.period, format: styles.lockedCode)
            try sheet.write(string: row.indicator.id, row: r, col: Column.indicator, format: styles.entryText)
            try sheet.writeBlank(row: r, col: Column.area, format: styles.entryText)
            try sheet.writeBlank(row: r, col: Column.value, format: styles.entryValue)
            try sheet.write(string: row.note, row: r, col: Column.note, format: styles.entryText)
            try sheet.setRow(r, height: rowHeight)
        }
        let lastRow = max(template.rows.count, 1)

        try sheet.dataValidation(
            firstRow: 1, firstCol: Column.indicator, lastRow: lastRow, lastCol: Column.indicator,
            rule: .listFormula(Self.indicatorIDRange(count: indicatorCount).formula),
            messages: ValidationMessages(
                inputTitle: "indicator_id",
                inputMessage: "เลือกรหัสตัวชี้วัดจากรายการ (ดูแผ่นงาน indicators)\nPick an indicator id from the list.",
                errorTitle: "รหัสตัวชี้วัดไม่ถูกต้อง",
                errorMessage: "รหัสนี้ไม่มีในแผ่นงาน indicators กรุณาเลือกจากรายการ\n"
                    + "This id is not on the indicators sheet; pick one from the list."))
        try sheet.dataValidation(
            firstRow: 1, firstCol: Column.value, lastRow: lastRow, lastCol: Column.value,
            rule: .decimal(.greaterThanOrEqual(0)),
            messages: ValidationMessages(
                inputTitle: "value",
                inputMessage: "ใส่ตัวเลขไม่ติดลบ ไม่ต้องใส่หน่วย เว้นว่างถ้ายังไม่มีข้อมูล\n"
                    + "A number of 0 or more, no unit; leave empty if not reported.",
                errorTitle: "ค่าไม่ถูกต้อง / Invalid value",
                errorMessage: "ต้องเป็นตัวเลขตั้งแต่ 0 ขึ้นไป (ทศนิยมได้) ไม่มีหน่วยหรือข้อความ\n"
                    + "The value must be a number of 0 or more (decimals allowed), without unit or text."))

        try sheet.writeComment(row: 0, col: Column.value,
                               text: Self.fillInstruction + "\nFill in the value column only, then save as CSV UTF-8.",
                               author: "phayao-agenda", width: 320, height: 80)

        let widths = Self.columnWidths(template)
        for (col, width) in widths.enumerated() {
            try sheet.setColumn(first: col, last: col, width: width, format: styles.columnDefault)
        }
        try sheet.setRow(0, height: rowHeight + 2)
        try sheet.freezePanes(row: 1, col: 0)
        try sheet.autofilter(firstRow: 0, firstCol: 0, lastRow: lastRow, lastCol: SubmissionTemplate.header.count - 1)
        try applyPrintSetup(sheet, template: template, landscape: true, repeatHeader: true)
        // Editing stays on the unlocked entry cells; widening columns and filtering by month or indicator are
        // harmless and useful. Sorting is left off: Excel refuses to sort ranges holding locked cells anyway.
        sheet.protect(options: ProtectionOptions(formatColumns: true, formatRows: true, autofilter: true))
        return sheet
    }

    /// Where the drop-down reads the ids from: column A of the `indicators` sheet, below its header.
    static func indicatorIDRange(count: Int) -> CellRange {
        CellRange(sheet: indicatorsSheetName, col: 0, firstRow: 1, lastRow: max(count, 1))
    }

    /// Widths in Excel's units (characters of the default font), from the longest text each column will show.
    /// TH Sarabun runs a little wider than Calibri's digits at the body size, hence the factor; Thai vowel and tone
    /// marks take no width.
    static func columnWidths(_ template: SubmissionTemplate) -> [Double] {
        var longest = SubmissionTemplate.header.map { DisplayWidth.of($0) + 3 }  // room for the filter button
        for row in template.rows {
            for (col, field) in row.fields.enumerated() {
                longest[col] = max(longest[col], DisplayWidth.of(field))
            }
        }
        longest[Column.area] = max(longest[Column.area], 14)
        longest[Column.value] = max(longest[Column.value], 14)
        return longest.map { min(Double($0) * 1.1 + 2, 90) }
    }

    // MARK: indicators

    private func writeIndicatorsSheet(_ indicators: [Indicator], _ workbook: Workbook,
                                      _ styles: TemplateStyles) throws {
        let sheet = try workbook.addWorksheet(name: Self.indicatorsSheetName)
        let header = ["indicator_id", "ชื่อตัวชี้วัด", "หน่วย", "English name", "unit", "aggregation", "การรวมค่า"]
        for (col, name) in header.enumerated() {
            try sheet.write(string: name, row: 0, col: col, format: styles.header)
        }
        var longest = header.map { DisplayWidth.of($0) + 3 }
        for (index, indicator) in indicators.enumerated() {
            let fields = [indicator.id, indicator.nameTH, indicator.unitTH, indicator.nameEN, indicator.unitEN,
                          indicator.aggregation.rawValue, Self.aggregationTH(indicator.aggregation)]
            for (col, field) in fields.enumerated() {
                try sheet.write(string: field, row: index + 1, col: col, format: styles.text)
                longest[col] = max(longest[col], DisplayWidth.of(field))
            }
            try sheet.setRow(index + 1, height: rowHeight)
        }
        for (col, width) in longest.enumerated() {
            try sheet.setColumn(first: col, last: col, width: min(Double(width) * 1.1 + 2, 90))
        }
        try sheet.setRow(0, height: rowHeight + 2)
        try sheet.freezePanes(row: 1, col: 1)
        try sheet.autofilter(firstRow: 0, firstCol: 0, lastRow: max(indicators.count, 1), lastCol: header.count - 1)
        sheet.setLandscape()
        sheet.setPaper(.a4)
        sheet.fitToPages(width: 1, height: 0)
        try sheet.repeatRows(first: 0, last: 0)
        // The drop-down reads this list: protect it so a stray keystroke cannot change the valid ids.
        sheet.protect(options: ProtectionOptions(formatColumns: true, autofilter: true))
    }

    /// How values combine, in words a clerk understands (why a stock is reported as the month's level).
    static func aggregationTH(_ aggregation: Aggregation) -> String {
        switch aggregation {
        case .sum: "ยอดของเดือนนั้น (นำไปรวมทุกเดือน)"
        case .last: "ยอดคงอยู่ ณ สิ้นเดือน"
        case .mean: "ค่าเฉลี่ยของเดือน"
        case .ratio: "คำนวณจากตัวชี้วัดอื่น ไม่ต้องกรอก"
        }
    }

    // MARK: instructions

    private func writeInstructionsSheet(_ template: SubmissionTemplate, _ workbook: Workbook,
                                        _ styles: TemplateStyles) throws {
        let sheet = try workbook.addWorksheet(name: Self.instructionsSheetName)
        let lines = Self.instructions(template)
        let width = 100.0
        try sheet.write(string: lines[0], row: 0, col: 0, format: styles.title)
        try sheet.setRow(0, height: rowHeight * 1.4)
        for (index, line) in lines.dropFirst().enumerated() {
            try sheet.write(string: line, row: index + 2, col: 0, format: styles.wrapped)
            // Neither Excel nor LibreOffice grows a row for wrapped text written by a library: size it here.
            let wrappedLines = max(1, Int((Double(DisplayWidth.of(line)) * 1.1 / width).rounded(.up)))
            try sheet.setRow(index + 2, height: rowHeight * Double(wrappedLines))
        }
        try sheet.setColumn(first: 0, last: 0, width: width)
        sheet.hideGridlines()
        try applyPrintSetup(sheet, template: template, landscape: true, repeatHeader: false)
        sheet.protect()
    }

    /// The instructions, title first. Thai for the clerk, with English where an official may need it.
    static func instructions(_ template: SubmissionTemplate) -> [String] {
        let d = template.district
        return [
            "แบบฟอร์มส่งข้อมูลวาระคนพะเยา อำเภอ\(d.nameTH) (\(d.code)) ปีงบประมาณ \(template.fiscalYear)",
            "1. \(fillInstruction)",
            "   ในแผ่นงาน submission ให้กรอกตัวเลขในคอลัมน์ value ของแต่ละเดือนและตัวชี้วัด "
                + "ชื่อและหน่วยของตัวชี้วัดอยู่ในคอลัมน์ note",
            "2. ช่องที่เว้นว่างหมายถึง \"ยังไม่รายงาน\" ถ้าค่าเป็นศูนย์จริงให้ใส่ 0",
            "3. ใส่เฉพาะตัวเลขตั้งแต่ 0 ขึ้นไป ทศนิยมได้ ไม่ต้องใส่หน่วยหรือข้อความ",
            "4. ห้ามแก้แถวหัวตาราง คอลัมน์ district_code และ period (ล็อกไว้แล้ว) "
                + "คอลัมน์ indicator_id เลือกได้เฉพาะรหัสในแผ่นงาน indicators",
            "5. บันทึก: แฟ้ม > บันทึกเป็น > ชนิดแฟ้ม \"CSV UTF-8 (Comma delimited) (*.csv)\" "
                + "ขณะเปิดแผ่นงาน submission (Excel บันทึก CSV เฉพาะแผ่นงานที่เปิดอยู่)",
            "6. ตรวจไฟล์ก่อนส่งได้ด้วยคำสั่ง phayao-agenda validate ชื่อไฟล์.csv",
            "",
            "English: fill in the value column only, then save the submission sheet as \"CSV UTF-8\". "
                + "Empty means not reported; type 0 for a true zero. Values are numbers of 0 or more, without units.",
        ]
    }

    // MARK: print

    private func applyPrintSetup(_ sheet: Worksheet, template: SubmissionTemplate, landscape: Bool,
                                 repeatHeader: Bool) throws {
        if landscape { sheet.setLandscape() } else { sheet.setPortrait() }
        sheet.setPaper(.a4)
        sheet.fitToPages(width: 1, height: 0)
        sheet.setMargins(left: 0.4, right: 0.4, top: 0.6, bottom: 0.6)
        if repeatHeader { try sheet.repeatRows(first: 0, last: 0) }
        let title = "อำเภอ\(template.district.nameTH) (\(template.district.code)) ปีงบประมาณ \(template.fiscalYear)"
        try sheet.setFooter("&L\(title.replacingOccurrences(of: "&", with: "&&"))&Cหน้า &P / &N")
    }
}

/// The template's cell formats, each carrying the Thai font. Locked is Excel's default; the entry cells are the
/// only unlocked ones, so a protected sheet lets the clerk type there and nowhere else.
final class TemplateStyles {
    let header: Format
    let lockedCode: Format
    let entryText: Format
    let entryValue: Format
    let columnDefault: Format
    let text: Format
    let title: Format
    let wrapped: Format

    /// Light yellow: the usual "type here" colour on government forms.
    static let entryFill = 0xFFF9DB
    static let lockedFill = 0xEDEDED
    static let headerFill = 0x1F4E78

    init(workbook: Workbook, options: WorkbookOptions) {
        let name = options.fontName, size = options.bodySize
        func base() -> Format { workbook.addFormat().thaiFont(name: name, size: size).verticalAlign(.center) }
        header = base().bold().fontColor(0xFFFFFF).backgroundColor(Self.headerFill).align(.center)
            .border(.thin, color: 0xBFBFBF)
        lockedCode = base().numberFormat("@").backgroundColor(Self.lockedFill).border(.thin, color: 0xD9D9D9)
        entryText = base().unlocked().border(.thin, color: 0xD9D9D9)
        // General, not "#,##0": Excel's CSV export writes what the cell shows, and the thousands comma would
        // come back quoted. The importer accepts commas, but plain digits are the cleaner file.
        entryValue = base().unlocked().backgroundColor(Self.entryFill).border(.thin, color: 0xBFBFBF)
        columnDefault = base()
        text = base()
        title = workbook.addFormat().thaiFont(name: name, size: size + 5).bold().fontColor(Self.headerFill)
        wrapped = base().textWrap().verticalAlign(.top)
    }
}
