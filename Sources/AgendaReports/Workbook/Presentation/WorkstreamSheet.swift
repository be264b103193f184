import AgendaCore
import Foundation
import XlsxWriter

/// One sheet per workstream: for each indicator, the nine districts and the province with the year-to-date value,
/// annual target, achievement and status, the latest quarter against the one before and against the same quarter
/// of the previous fiscal year (where the inputs hold it); the few strongest values to check (`AnomalyRule`)
/// marked with a comment saying why, the rest counted under the table and listed in `Anomalies`; then the charts
/// and the cells they read.
enum WorkstreamSheet {
    /// Columns of the indicator table.
    enum Column {
        static let area = 0, value = 1, target = 2, achievement = 3, status = 4
        static let quarter = 5, previousQuarter = 6, change = 7, lastYear = 8, lastYearChange = 9, note = 10
        static let last = note
    }

    static let headerRow = 3
    /// How many of a workstream's anomalies, the strongest, are marked in its Note column.
    static let anomaliesMarked = 3

    static func write(_ context: SheetContext, workstream: Workstream) throws -> Worksheet {
        let report = context.report
        let position = (report.reference.workstreams.firstIndex(of: workstream) ?? 0) + 1
        let sheet = try context.workbook.addWorksheet(name: SheetNames.workstream(workstream, position: position))
        let cells = PresentationCells(sheet: sheet, context: context)
        sheet.setZoom(90)

        try writeTitle(context, cells: cells, workstream: workstream, position: position)
        var row = try writeTable(context, cells: cells, workstream: workstream)
        try writeAnomalyCount(context, cells: cells, workstream: workstream, row: row)
        row += 1

        let headlines = report.insights.headlines(workstream.id)
        let charts = WorkstreamCharts(context: context, cells: cells, workstream: workstream, headlines: headlines)
        // The charts start a printed page, and their data the next, so no page boundary cuts a chart in half.
        let chartsHeading = row
        try cells.text("แผนภูมิ / Charts", row, 0, cells.styles.section, fit: false)
        row += 1
        let chartRow = row
        row += charts.rowsNeeded + 1
        try charts.writeData(row: row)
        try sheet.setPageBreaks(beforeRows: [chartsHeading, row] + charts.pageBreaks(chartRow: chartRow))

        try cells.finish(minimum: 10, maximum: 40)
        try charts.insert(row: chartRow)
        try sheet.freezePanes(row: headerRow + 1, col: 1)
        try context.applyPrintSetup(sheet, repeatRows: headerRow...headerRow)
        return sheet
    }

    private static func writeTitle(_ context: SheetContext, cells: PresentationCells, workstream: Workstream,
                                   position: Int) throws {
        let report = context.report
        try cells.merge("ประเด็นที่ \(position): \(workstream.nameTH)", row: 0, cols: 0...Column.last,
                        context.styles.title, bold: true, sizeDelta: 7)
        try cells.merge("Workstream \(position): \(workstream.nameEN) · \(report.scope.displayName(.en))", row: 1,
                        cols: 0...Column.last, context.styles.subtitle, bold: true, sizeDelta: 2)
        let note = "ผลงานสะสมและเป้าหมาย: \(report.yearToDate.displayName(.th)) · ไตรมาสล่าสุดเทียบไตรมาสก่อนหน้าและไตรมาส"
            + "เดียวกันของปีงบประมาณก่อน · \"–\" = ไม่มีข้อมูล (ไม่ใช่ศูนย์) · Year-to-date value against the annual "
            + "target; latest quarter against the one before and the same quarter of the previous fiscal year; "
            + "\"–\" = no data (not zero)"
        // Said where it matters: only sheets with a lower-is-better indicator explain the ceiling.
        let ceiling = report.reference.indicators(in: workstream.id).contains { $0.targetKind == .ceiling }
            ? "\n" + PresentationText.ceilingNote.th + " · " + PresentationText.ceilingNote.en : ""
        try cells.merge(note + ceiling, row: 2, cols: 0...Column.last, cells.styles.wrappedNote, sizeDelta: -2, wrap: true)
    }

    /// Writes the header and one block per indicator; returns the next free row.
    private static func writeTable(_ context: SheetContext, cells: PresentationCells, workstream: Workstream) throws
        -> Int {
        let report = context.report
        let styles = cells.styles
        let quarter = report.latestQuarter
        let previousLabel: String = {
            if case .quarter(let q)? = quarter { return q.previous.label }
            return ""
        }()
        let lastYearLabel: String = {
            if case .quarter(let q)? = quarter { return FiscalQuarter(fiscalYear: q.fiscalYear - 1, quarter: q.quarter).label }
            return ""
        }()
        try cells.headerRow([
            BilingualText(th: "อำเภอ", en: "District"),
            BilingualText(th: "ผลงานสะสม", en: "Value YTD"),
            BilingualText(th: "เป้าหมายทั้งปี", en: "Annual target"),
            BilingualText(th: "ร้อยละของเป้า", en: "% of target"),
            BilingualText(th: "สถานะ", en: "Status"),
            BilingualText(th: "ไตรมาสล่าสุด", en: quarter?.label ?? "Latest quarter"),
            previousQuarterHeader(label: previousLabel, monthsSoFar: quarter.map { report.scope.effectiveMonths(of: $0).count }),
            BilingualText(th: "เปลี่ยนแปลง", en: "Change"),
            BilingualText(th: "ไตรมาสเดียวกันปีก่อน", en: lastYearLabel.isEmpty ? "Same quarter last FY" : lastYearLabel),
            BilingualText(th: "เทียบปีก่อน", en: "vs last FY"),
            BilingualText(th: "หมายเหตุ", en: "Note"),
        ], row: headerRow)

        let marked = Dictionary(grouping: strongestAnomalies(report, workstream: workstream)) {
            "\($0.districtCode)|\($0.indicatorID)"
        }
        let ytd = report.yearToDate
        let bandFormat = styles.format(CellStyle(bold: true, fill: WorkbookStyles.bandFill, align: .left, wrap: true))
        var row = headerRow + 1
        for indicator in report.reference.indicators(in: workstream.id) {
            let direction = indicator.targetKind == .ceiling
                ? "ยิ่งน้อยยิ่งดี: เป้าหมายเป็นเพดาน · lower is better: the target is a ceiling"
                : PresentationText.direction(indicator.better).th
            let heading = "\(indicator.nameTH) (\(indicator.unitTH)) · \(indicator.nameEN) (\(indicator.unitEN))"
                + " · \(direction)"
            try cells.merge(heading, row: row, cols: 0...Column.last, bandFormat, bold: true, wrap: true)
            row += 1
            for area in report.reference.reportAreas {
                let isProvince = area.code == report.reference.province.code
                let fact = report.fact(ytd, indicator: indicator.id, area: area.code)
                let quarterFact = quarter.flatMap { report.fact($0, indicator: indicator.id, area: area.code) }
                let d = indicator.decimals
                try cells.text(isProvince ? "รวมจังหวัด" : area.nameTH, row, Column.area,
                               styles.text(province: isProvince), bold: isProvince)
                try cells.value(fact?.value, row, Column.value, decimals: d, province: isProvince)
                try cells.value(fact?.target, row, Column.target, decimals: d, province: isProvince)
                try cells.achievement(fact, indicator, row, Column.achievement, province: isProvince)
                try cells.status(fact, indicator, row, Column.status)
                try cells.value(quarterFact?.value, row, Column.quarter, decimals: d, province: isProvince)
                try cells.value(quarterFact?.previousQuarterValue, row, Column.previousQuarter, decimals: d,
                                province: isProvince)
                let change = quarterFact.flatMap { f in f.value.flatMap { v in f.previousQuarterValue.map { v - $0 } } }
                try cells.change(change, row, Column.change, decimals: d, province: isProvince)
                try cells.value(quarterFact?.previousYearValue, row, Column.lastYear, decimals: d,
                                province: isProvince)
                let yearChange = quarterFact.flatMap { f in f.value.flatMap { v in f.previousYearValue.map { v - $0 } } }
                try cells.change(yearChange, row, Column.lastYearChange, decimals: d, province: isProvince)
                let flagged = marked["\(area.code)|\(indicator.id)"] ?? []
                if flagged.isEmpty {
                    try cells.blank(row, Column.note, styles.text(province: isProvince))
                } else {
                    try writeAnomalyNote(cells, flagged, indicator: indicator, area: area, row: row)
                }
                row += 1
            }
        }
        return row
    }

    /// "ไตรมาสก่อน / FY2565-Q2"; for a quarter still in progress the comparison covers only as many months of the
    /// previous quarter (stocks: its closing level), and the heading says so.
    private static func previousQuarterHeader(label: String, monthsSoFar: Int?) -> BilingualText {
        let en = label.isEmpty ? "Previous quarter" : label
        guard let n = monthsSoFar, n < 3 else { return BilingualText(th: "ไตรมาสก่อน", en: en) }
        return BilingualText(th: "ไตรมาสก่อน (\(n) เดือนแรก)", en: "\(en), first \(n) mo.")
    }

    /// The workstream's anomalies, strongest first, at most `anomaliesMarked`, in the report's order.
    static func strongestAnomalies(_ report: Report, workstream: Workstream) -> [Anomaly] {
        let ids = Set(report.reference.indicators(in: workstream.id).map(\.id))
        return Array(report.anomaliesByStrength.filter { ids.contains($0.indicatorID) }.prefix(anomaliesMarked))
    }

    /// Under the table, when the workstream has anomalies: how many, and where the rest are.
    private static func writeAnomalyCount(_ context: SheetContext, cells: PresentationCells, workstream: Workstream,
                                          row: Int) throws {
        let ids = Set(context.report.reference.indicators(in: workstream.id).map(\.id))
        let count = context.report.anomalies.filter { ids.contains($0.indicatorID) }.count
        guard count > 0 else { return }
        let text: String
        if count <= anomaliesMarked {
            text = "ค่าที่ควรตรวจสอบในประเด็นนี้ \(count) ค่า มีหมายเหตุในตารางและอยู่ในแผ่นงาน \(AnomaliesSheet.name) "
                + "(ไม่ได้แก้ไขหรือตัดทิ้ง) · \(count) value\(count == 1 ? "" : "s") to check in this workstream, noted in "
                + "the table and listed in the \(AnomaliesSheet.name) sheet (never changed or dropped)"
        } else {
            text = "ค่าที่ควรตรวจสอบในประเด็นนี้ \(count) ค่า: \(anomaliesMarked) ค่าที่เด่นที่สุดมีหมายเหตุในตาราง ทั้งหมดอยู่ในแผ่นงาน "
                + "\(AnomaliesSheet.name) (ไม่ได้แก้ไขหรือตัดทิ้ง) · \(count) values to check in this workstream: the "
                + "\(anomaliesMarked) strongest noted in the table, all in the \(AnomaliesSheet.name) sheet (never changed "
                + "or dropped)"
        }
        try cells.merge(text, row: row, cols: 0...Column.last, cells.styles.wrappedNote, sizeDelta: -2, wrap: true)
    }

    /// "ตรวจสอบ พ.ค. 65" in the note column, and a comment giving each marked month's value, what was expected and
    /// why, in Thai and English.
    private static func writeAnomalyNote(_ cells: PresentationCells, _ anomalies: [Anomaly], indicator: Indicator,
                                         area: Area, row: Int) throws {
        let label = "ควรตรวจสอบ " + anomalies.map { $0.month.shortName(.th) }.joined(separator: ", ")
        let style = cells.styles.format(CellStyle(bold: true, fontColor: WorkbookStyles.behindText, align: .left, indent: 1))
        try cells.text(label, row, Column.note, style, bold: true)
        let d = indicator.decimals
        let lines = anomalies.map { a -> String in
            let reason = a.reason(decimals: d)
            let place = a.area.isEmpty ? "" : " (\(a.area))"
            return "\(a.month.displayName(.th))\(place): ค่า \(NumberText.decimal(a.value, decimals: d)) "
                + "\(indicator.unitTH) \(reason.th)\n"
                + "\(a.month.displayName(.en))\(place): value \(NumberText.decimal(a.value, decimals: d)) "
                + "\(indicator.unitEN), \(reason.en)"
        }
        let text = "ค่าที่ควรตรวจสอบ / Value to check – \(area.nameTH), \(indicator.nameTH)\n" + lines.joined(separator: "\n")
            + "\nไม่ได้แก้ไขหรือตัดทิ้ง โปรดตรวจสอบกับอำเภอ · Not changed or dropped; please check with the district."
        try cells.sheet.writeComment(row: row, col: Column.note, text: text, author: "phayao-agenda",
                                     width: 460, height: 110 + 90 * anomalies.count)
    }
}
