import AgendaCore
import XlsxWriter

/// `Facts`: one row per window × indicator × area, exactly `report.facts` in order, for pivot tables.
///
/// The header names are a contract with officials' pivot tables and other tools, which find their columns by
/// these names and break silently when one changes: keep them byte for byte. Numbers are numbers, a missing value is an empty cell (never 0 or ""), and `status` holds the
/// machine value (`achieved`, `on_track`, `behind`, and `not_achieved` once the fiscal year is over) so a filter
/// works in any language.
enum FactsSheet {
    static let name = "Facts"
    static let headers = [
        "window", "workstream_id", "indicator_id", "area_code", "value", "target", "achievement_pct", "status",
    ]

    static func write(_ context: SheetContext) throws -> Worksheet {
        var layout = try DataSheetLayout(context: context, name: name, headers: headers)
        let sheet = layout.sheet
        let styles = context.styles
        var formats: [String: Format] = [:]
        for indicator in context.report.reference.indicators {
            formats[indicator.id] = styles.number(decimals: indicator.decimals)
        }
        for (offset, fact) in context.report.facts.enumerated() {
            let row = offset + 1
            let valueFormat = formats[fact.indicatorID] ?? context.valueFormat(indicatorID: fact.indicatorID)
            try sheet.write(string: fact.window.label, row: row, col: 0, format: styles.code)
            try sheet.write(string: fact.workstreamID, row: row, col: 1, format: styles.code)
            try sheet.write(string: fact.indicatorID, row: row, col: 2, format: styles.code)
            try sheet.write(string: fact.areaCode, row: row, col: 3, format: styles.code)
            try layout.write(fact.value, row: row, col: 4, format: valueFormat)
            try layout.write(fact.target, row: row, col: 5, format: valueFormat)
            try layout.write(fact.achievementPct, row: row, col: 6, format: styles.percent)
            if let status = fact.status {
                try sheet.write(string: status.rawValue, row: row, col: 7, format: styles.status(status))
            }
        }
        for window in context.report.windows { layout.fit(window.label, col: 0) }
        for indicator in context.report.reference.indicators {
            layout.fit(indicator.workstreamID, col: 1)
            layout.fit(indicator.id, col: 2)
        }
        // The widest value and target as their formats show them (a province total can run to nine digits).
        let decimals = Dictionary(uniqueKeysWithValues: context.report.reference.indicators.map { ($0.id, $0.decimals) })
        for fact in context.report.facts {
            let places = decimals[fact.indicatorID] ?? 2
            if let value = fact.value { layout.fit(number: value, decimals: places, col: 4) }
            if let target = fact.target { layout.fit(number: target, decimals: places, col: 5) }
        }
        layout.fit(width: 12, col: 4)
        layout.fit(width: 12, col: 5)
        layout.fit(width: 12, col: 7)
        try layout.finish(context: context, dataRows: context.report.facts.count)
        return sheet
    }
}
