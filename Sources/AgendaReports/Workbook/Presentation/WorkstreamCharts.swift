import AgendaCore
import XlsxWriter

/// The charts of a workstream sheet and the cells they read: one bar chart of the districts' year-to-date
/// achievement per headline indicator (their values when no district has a target), and one line chart of the
/// province's monthly values of the headline indicators.
///
/// Native Excel charts read their data from cells, so a labelled "chart data" block sits below the charts; a
/// reader can check every bar against it.
struct WorkstreamCharts {
    let context: SheetContext
    let cells: PresentationCells
    let workstream: Workstream
    let headlines: [Indicator]

    /// Default chart size is 480 × 288 pixels; these scales give about 860 × 630. The indicator table is about
    /// 1,900 pixels wide, so two charts side by side fill the width of the landscape A4 page it prints on and one
    /// row of them most of its height (checked on the rendered sample: smaller charts printed as thumbnails).
    static let xScale = 1.8, yScale = 2.2
    static let chartPixels = (width: 864.0, height: 634.0)
    /// Rows of libxlsxwriter's default 15 pt (20 pixel) height a chart covers, plus a gap.
    static let rowsPerChart = 34
    /// Chart rows (of two charts) per printed page.
    static let chartRowsPerPage = 1

    /// Rows before which a new page starts inside the chart area (after every two rows of charts).
    func pageBreaks(chartRow: Int) -> [Int] {
        let chartRows = (chartCount + 1) / 2
        return stride(from: Self.chartRowsPerPage, to: chartRows, by: Self.chartRowsPerPage)
            // One row above the next chart row: that row is empty (a chart is shorter than its rows), so the break
            // never draws a chart's top border on the page before it.
            .map { chartRow + $0 * Self.rowsPerChart - 1 }
    }

    /// No charts for a workstream without indicators: a chart needs at least one series.
    var chartCount: Int { headlines.isEmpty ? 0 : headlines.count + 1 }
    var rowsNeeded: Int { (chartCount + 1) / 2 * Self.rowsPerChart }

    private var report: Report { context.report }
    private var months: [YearMonth] { report.scope.months }

    /// Where the data block puts things, fixed by `writeData`.
    private var layout: Layout { Layout(start: dataRow, districts: report.reference.districts.count, months: months.count) }
    private var dataRow: Int { cells.dataRow }

    struct Layout {
        let start: Int
        let districts: Int
        let months: Int
        var districtHeader: Int { start + 1 }
        var firstDistrict: Int { start + 2 }
        var lastDistrict: Int { start + 1 + districts }
        var monthHeader: Int { lastDistrict + 2 }
        var firstMonth: Int { monthHeader + 1 }
        var lastMonth: Int { monthHeader + months }
    }

    /// True when some district has an achievement for the headline: then its chart shows achievement, else values.
    private func showsAchievement(_ indicator: Indicator) -> Bool {
        report.reference.districts.contains {
            report.fact(report.yearToDate, indicator: indicator.id, area: $0.code)?.achievementPct != nil
        }
    }

    /// Writes the chart data block starting at `row`.
    func writeData(row: Int) throws {
        cells.dataRow = row
        let styles = cells.styles
        let layout = self.layout
        let ytd = report.yearToDate
        try cells.text("ข้อมูลสำหรับแผนภูมิ / Chart data (the charts above read these cells)", row, 0, styles.section,
                       fit: false)
        try cells.headerRow([BilingualText(th: "อำเภอ", en: "District")] + headlines.map { indicator in
            showsAchievement(indicator)
                ? BilingualText(th: "\(indicator.shortNameTH)\nร้อยละของ\(indicator.targetKind.name.th)", en: "")
                : BilingualText(th: "\(indicator.shortNameTH)\nผลงานสะสม (\(indicator.unitTH))", en: "")
        }, row: layout.districtHeader, fit: false)
        for (i, district) in report.reference.districts.enumerated() {
            let r = layout.firstDistrict + i
            try cells.text(district.nameTH, r, 0, styles.text())
            for (j, indicator) in headlines.enumerated() {
                let fact = report.fact(ytd, indicator: indicator.id, area: district.code)
                // Charts read empty cells as gaps; "–" would be read as zero, so nothing is written for no value.
                if showsAchievement(indicator) {
                    if fact?.achievementPct != nil {
                        try cells.achievement(fact, indicator, r, j + 1)
                    } else {
                        try cells.blank(r, j + 1, styles.text())
                    }
                } else if let value = fact?.value {
                    try cells.value(value, r, j + 1, decimals: indicator.decimals)
                } else {
                    try cells.blank(r, j + 1, styles.text())
                }
            }
        }
        try cells.headerRow([BilingualText(th: "เดือน", en: "Month")] + headlines.map {
            BilingualText(th: "\($0.shortNameTH)\nจังหวัด (\($0.unitTH))", en: "")
        }, row: layout.monthHeader, fit: false)
        let province = report.reference.province.code
        for (i, month) in months.enumerated() {
            let r = layout.firstMonth + i
            try cells.text(month.shortName(.th), r, 0, styles.text())
            for (j, indicator) in headlines.enumerated() {
                if let value = report.fact(.month(month), indicator: indicator.id, area: province)?.value {
                    try cells.value(value, r, j + 1, decimals: indicator.decimals)
                } else {
                    try cells.blank(r, j + 1, styles.text())
                }
            }
        }
    }

    /// Inserts the charts two by two from `row`, after the column widths are final (the second chart of a pair
    /// starts at the first column past the first chart's width).
    func insert(row: Int) throws {
        guard chartCount > 0 else { return }
        let layout = self.layout
        let sheet = cells.sheet
        let name = sheet.name
        let titleFont = ChartFont(name: context.options.fontName, size: 15, bold: true, thai: true)
        let labelFont = ChartFont(name: context.options.fontName, size: 12, thai: true)
        let districts = CellRange(sheet: name, col: 0, firstRow: layout.firstDistrict, lastRow: layout.lastDistrict)
        var charts: [Chart] = []
        for (j, indicator) in headlines.enumerated() {
            let chart = context.workbook.addChart(.bar)
            let values = CellRange(sheet: name, col: j + 1, firstRow: layout.firstDistrict, lastRow: layout.lastDistrict)
            let achievement = showsAchievement(indicator)
            let format = achievement ? "0%" : WorkbookStyles.numberCode(decimals: indicator.decimals)
            try chart.addSeries(name: indicator.shortNameTH, categories: districts, values: values)
                .setFill(color: WorkbookStyles.headerFill)
                .showDataLabels(numberFormat: format, font: labelFont)
            // The bars read as every sheet does: value ÷ target, and for a ceiling the share of it used, where
            // lower is better and past 100% means over the ceiling.
            let title: String
            switch (achievement, indicator.targetKind) {
            case (true, .target): title = "\(indicator.shortNameTH): ร้อยละของเป้าหมาย รายอำเภอ"
            case (true, .ceiling):
                title = "\(indicator.shortNameTH): ร้อยละของเพดาน รายอำเภอ (ยิ่งน้อยยิ่งดี, เกิน 100% = เกินเพดาน)"
            case (false, .target): title = "\(indicator.shortNameTH): ผลงานสะสม รายอำเภอ (\(indicator.unitTH))"
            case (false, .ceiling):
                title = "\(indicator.shortNameTH): ผลงานสะสม รายอำเภอ (\(indicator.unitTH), ยิ่งน้อยยิ่งดี)"
            }
            chart.setTitle(title, font: titleFont)
            chart.setLegend(.none)
            chart.categoryAxis.setLabelFont(labelFont)
            // Districts top-down in the table's order (5601 first), value axis kept along the bottom.
            chart.categoryAxis.setReverse()
            chart.categoryAxis.setCrossingAtMax()
            chart.valueAxis.setLabelFont(labelFont)
            chart.valueAxis.setNumberFormat(format)
            if achievement { chart.valueAxis.setMin(0) }
            charts.append(chart)
        }
        let line = context.workbook.addChart(.line)
        let monthNames = CellRange(sheet: name, col: 0, firstRow: layout.firstMonth, lastRow: layout.lastMonth)
        let palette = [0x1F4E78, 0xC55A11, 0x548235, 0x7030A0, 0xBF9000, 0x2E75B6]
        // One value axis: only headlines in the first headline's unit share it (rai and hotspots on one axis
        // would flatten the smaller series); the others have their bar charts and their cells.
        let unit = headlines.first?.unitTH
        for (j, indicator) in headlines.enumerated() where indicator.unitTH == unit {
            let values = CellRange(sheet: name, col: j + 1, firstRow: layout.firstMonth, lastRow: layout.lastMonth)
            try line.addSeries(name: indicator.shortNameTH, categories: monthNames, values: values)
                .setLine(color: palette[j % palette.count], width: 2.25)
        }
        line.setTitle("ผลงานรายเดือนระดับจังหวัด (\(unit ?? "")) / Province, monthly", font: titleFont)
        line.setLegend(.bottom, font: labelFont)
        line.categoryAxis.setLabelFont(labelFont)
        line.valueAxis.setLabelFont(labelFont)
        line.valueAxis.setNumberFormat(WorkbookStyles.numberCode(decimals: headlines.first?.decimals ?? 0))
        charts.append(line)

        let secondCol = firstColumn(pastPixels: Self.chartPixels.width + 16)
        for (i, chart) in charts.enumerated() {
            try sheet.insertChart(row: row + (i / 2) * Self.rowsPerChart, col: i % 2 == 0 ? 0 : secondCol, chart: chart,
                                  xScale: Self.xScale, yScale: Self.yScale)
        }
    }

    /// The first column whose left edge is at least `pixels` from the sheet's left edge, with Excel's column pixel
    /// rule (width × 7 + 5, truncated).
    private func firstColumn(pastPixels pixels: Double) -> Int {
        var x = 0.0
        var col = 0
        while x < pixels {
            let width = cells.finalWidth(col)
            x += (width * 7 + 5).rounded(.down)
            col += 1
        }
        return col
    }
}
