import CXlsxWriter

/// Chart kinds. Bar charts are horizontal, column charts vertical.
public enum ChartType: Sendable {
    case bar, column, line, pie, area, barStacked, columnStacked

    var cValue: UInt8 {
        let value = switch self {
        case .bar: LXW_CHART_BAR
        case .column: LXW_CHART_COLUMN
        case .line: LXW_CHART_LINE
        case .pie: LXW_CHART_PIE
        case .area: LXW_CHART_AREA
        case .barStacked: LXW_CHART_BAR_STACKED
        case .columnStacked: LXW_CHART_COLUMN_STACKED
        }
        return UInt8(value.rawValue)
    }
}

/// Font for chart text. Give a Thai font name with `thai: true` (charset 222) or Excel falls back to its default.
public struct ChartFont: Sendable, Equatable {
    public var name: String?
    public var size: Double?
    public var bold: Bool
    public var color: Int?
    public var thai: Bool

    public init(name: String? = nil, size: Double? = nil, bold: Bool = false, color: Int? = nil, thai: Bool = false) {
        self.name = name
        self.size = size
        self.bold = bold
        self.color = color
        self.thai = thai
    }

    /// Calls `body` with a C font; libxlsxwriter copies the font (and its name) before returning.
    func withCFont<R>(_ body: (UnsafeMutablePointer<lxw_chart_font>) -> R) -> R {
        var pool = CStringPool()
        defer { pool.freeAll() }
        var font = lxw_chart_font()
        font.name = pool.copy(name.map { XMLText.safe($0, .plain) })
        font.size = size ?? 0
        font.bold = bold ? 1 : 0
        if let color { font.color = lxwColor(color) }
        if thai {
            font.charset = 222
            font.pitch_family = 34  // variable pitch, swiss family: what Excel writes for Thai fonts
        }
        return body(&font)
    }
}

public enum LegendPosition: Sendable {
    case none, top, bottom, left, right

    var cValue: UInt8 {
        let value = switch self {
        case .none: LXW_CHART_LEGEND_NONE
        case .top: LXW_CHART_LEGEND_TOP
        case .bottom: LXW_CHART_LEGEND_BOTTOM
        case .left: LXW_CHART_LEGEND_LEFT
        case .right: LXW_CHART_LEGEND_RIGHT
        }
        return UInt8(value.rawValue)
    }
}

/// A chart owned by its workbook. Add at least one series, then place it once with `Worksheet.insertChart`.
/// Setters do not throw (the C functions return nothing); use after close is a programmer error.
public final class Chart {
    let handle: UnsafeMutablePointer<lxw_chart>
    public let type: ChartType
    let workbook: Workbook

    init(handle: UnsafeMutablePointer<lxw_chart>, type: ChartType, workbook: Workbook) {
        self.handle = handle
        self.type = type
        self.workbook = workbook
    }

    /// The axis that lists the categories (districts, months). libxlsxwriter swaps axes for bar charts: there
    /// the category axis is its Y axis (drawn vertically), elsewhere its X axis. Pie charts have no axes.
    public var categoryAxis: ChartAxis {
        precondition(type != .pie, "XlsxWriter: pie charts have no axes")
        let isBar = type == .bar || type == .barStacked
        return ChartAxis(handle: chart_axis_get(handle, isBar ? LXW_CHART_AXIS_TYPE_Y : LXW_CHART_AXIS_TYPE_X),
                         chart: self)
    }

    /// The axis that measures values (where min, max and number format apply); horizontal for bar charts.
    public var valueAxis: ChartAxis {
        precondition(type != .pie, "XlsxWriter: pie charts have no axes")
        let isBar = type == .bar || type == .barStacked
        return ChartAxis(handle: chart_axis_get(handle, isBar ? LXW_CHART_AXIS_TYPE_X : LXW_CHART_AXIS_TYPE_Y),
                         chart: self)
    }

    /// Adds a data series. Ranges become `='Sheet name'!$A$1:$A$9` formulas with the sheet name quoted.
    public func addSeries(name: String? = nil, categories: CellRange, values: CellRange) throws -> ChartSeries {
        let context = "adding chart series \(values.absoluteReference)"
        _ = try workbook.openHandle(context)
        guard let series = chart_add_series(handle, categories.formula, values.formula) else {
            throw XlsxError(kind: .library(code: Int(LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue)),
                            message: "libxlsxwriter could not add the series", context: context)
        }
        if let name { chart_series_set_name(series, XMLText.safe(name, .plain)) }
        return ChartSeries(handle: series, chart: self)
    }

    /// Chart title, with an optional font (give a Thai font for Thai titles).
    public func setTitle(_ title: String, font: ChartFont? = nil) {
        _ = workbook.liveHandle()
        chart_title_set_name(handle, XMLText.safe(title, .plain))
        font?.withCFont { chart_title_set_name_font(handle, $0) }
    }

    public func setLegend(_ position: LegendPosition, font: ChartFont? = nil) {
        _ = workbook.liveHandle()
        chart_legend_set_position(handle, position.cValue)
        font?.withCFont { chart_legend_set_font(handle, $0) }
    }

    /// One of Excel's 48 built-in chart styles (1…48; 2 is Excel's default).
    public func setStyle(_ style: Int) {
        _ = workbook.liveHandle()
        chart_set_style(handle, UInt8(clamping: style))
    }
}

/// An axis of a chart; a view onto the chart's C axis, valid while the workbook is open.
public struct ChartAxis {
    let handle: UnsafeMutablePointer<lxw_chart_axis>
    let chart: Chart

    public func setName(_ name: String, font: ChartFont? = nil) {
        _ = chart.workbook.liveHandle()
        chart_axis_set_name(handle, XMLText.safe(name, .plain))
        font?.withCFont { chart_axis_set_name_font(handle, $0) }
    }

    /// Font of the tick labels (category names, numbers).
    public func setLabelFont(_ font: ChartFont) {
        _ = chart.workbook.liveHandle()
        font.withCFont { chart_axis_set_num_font(handle, $0) }
    }

    public func setNumberFormat(_ code: String) {
        _ = chart.workbook.liveHandle()
        chart_axis_set_num_format(handle, XMLText.safe(code, .plain))
    }

    public func setMin(_ value: Double) {
        _ = chart.workbook.liveHandle()
        chart_axis_set_min(handle, value)
    }

    public func setMax(_ value: Double) {
        _ = chart.workbook.liveHandle()
        chart_axis_set_max(handle, value)
    }

    /// Draws the axis in reverse order. On a bar chart's category axis this lists the categories top-down in
    /// the order of the sheet's rows (Excel otherwise draws the first category at the bottom).
    public func setReverse() {
        _ = chart.workbook.liveHandle()
        chart_axis_set_reverse(handle)
    }

    /// Makes the other axis cross this one at its maximum. With a reversed category axis the value axis would
    /// otherwise follow the first category to the top; crossing at the maximum keeps it at the bottom.
    public func setCrossingAtMax() {
        _ = chart.workbook.liveHandle()
        chart_axis_set_crossing_max(handle)
    }

    public func setMajorGridlines(visible: Bool) {
        _ = chart.workbook.liveHandle()
        chart_axis_major_gridlines_set_visible(handle, visible ? 1 : 0)
    }
}

/// A series of a chart; valid while the workbook is open.
public final class ChartSeries {
    let handle: UnsafeMutablePointer<lxw_chart_series>
    let chart: Chart

    init(handle: UnsafeMutablePointer<lxw_chart_series>, chart: Chart) {
        self.handle = handle
        self.chart = chart
    }

    /// Solid fill of bars/columns/areas.
    @discardableResult public func setFill(color: Int) -> ChartSeries {
        _ = chart.workbook.liveHandle()
        var fill = lxw_chart_fill()
        fill.color = lxwColor(color)
        chart_series_set_fill(handle, &fill)
        return self
    }

    /// Line colour and width in points (the series line of a line chart, the outline of a bar).
    @discardableResult public func setLine(color: Int, width: Double? = nil) -> ChartSeries {
        _ = chart.workbook.liveHandle()
        var line = lxw_chart_line()
        line.color = lxwColor(color)
        if let width { line.width = Float(width) }
        chart_series_set_line(handle, &line)
        return self
    }

    /// Shows each point's value on the chart, optionally with a number format and font.
    @discardableResult public func showDataLabels(numberFormat: String? = nil, font: ChartFont? = nil)
        -> ChartSeries {
        _ = chart.workbook.liveHandle()
        chart_series_set_labels(handle)
        if let numberFormat { chart_series_set_labels_num_format(handle, XMLText.safe(numberFormat, .plain)) }
        font?.withCFont { chart_series_set_labels_font(handle, $0) }
        return self
    }
}
