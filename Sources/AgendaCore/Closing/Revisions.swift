import Foundation

/// A figure of a closed quarter that is different today: one `Facts` cell (window × indicator × area) of the
/// quarter's report whose value as closed and value now differ, a blank that became a value or a value that
/// became blank included, with the input files whose change moved it.
public struct Revision: Sendable, Hashable {
    public var window: ReportWindow
    public var indicatorID: String
    public var areaCode: String
    /// nil: the cell was blank (nothing reported) when the quarter was closed.
    public var closedValue: Double?
    /// nil: the cell is blank today.
    public var currentValue: Double?
    /// Input paths (relative to the inputs folder, in byte order) that are new, edited or gone since the closing
    /// and hold a value for this cell's indicator (or, for a ratio, its numerator or denominator), district and
    /// months, in today's files or in the archived ones.
    public var files: [String]

    public init(window: ReportWindow, indicatorID: String, areaCode: String, closedValue: Double?, currentValue: Double?,
                files: [String]) {
        self.window = window
        self.indicatorID = indicatorID
        self.areaCode = areaCode
        self.closedValue = closedValue
        self.currentValue = currentValue
        self.files = files
    }

    /// current − closed; nil when either side is blank (a blank is "not reported", not 0).
    public var difference: Double? {
        guard let closedValue, let currentValue else { return nil }
        return currentValue - closedValue
    }
}

/// The revisions of one closed quarter, with who closed it and when, for the `Revisions` sheet and the summary.
public struct QuarterRevisions: Sendable, Hashable {
    public var quarter: FiscalQuarter
    public var closedAt: Date
    public var closedBy: String
    /// In the closed report's `Facts` order: window, indicator (reference order), area.
    public var revisions: [Revision]

    public init(quarter: FiscalQuarter, closedAt: Date, closedBy: String, revisions: [Revision]) {
        self.quarter = quarter
        self.closedAt = closedAt
        self.closedBy = closedBy
        self.revisions = revisions
    }
}

public enum RevisionFinder {
    /// Compares the quarter's report as closed (`closed`, rebuilt from the archived inputs) with the same quarter
    /// built from today's inputs (`current`), cell by cell over the closed report's `Facts`: the quarter's months,
    /// the quarter and the year to date through its last month, every district and the province.
    public static func revisions(closed: Report, current: Report) -> [Revision] {
        precondition(closed.scope == current.scope, "revisions compare the same quarter")
        let changed = changedFiles(closed: closed.imported.sources, current: current.imported.sources)
        let before = counted(closed.imported, files: changed.closedSide)
        let after = counted(current.imported, files: changed.currentSide)
        let changedPaths = Set(before.keys).union(after.keys)
        let province = closed.reference.province.code
        let districts = closed.reference.districts.map(\.code)
        var result: [Revision] = []
        for fact in closed.facts {
            let now = current.fact(fact.window, indicator: fact.indicatorID, area: fact.areaCode)?.value
            guard now != fact.value else { continue }
            var indicators = [fact.indicatorID]
            if let indicator = closed.reference.indicator(fact.indicatorID) {
                indicators += [indicator.numeratorID, indicator.denominatorID].compactMap { $0 }
            }
            let areas = fact.areaCode == province ? districts : [fact.areaCode]
            let cells = indicators.flatMap { indicator in
                areas.flatMap { area in fact.window.months.map { CellKey(indicator: indicator, district: area, month: $0) } }
            }
            // A file moved the figure when what it counts for these cells differs between then and now.
            let files = changedPaths.filter { path in
                cells.contains { before[path]?[$0] != after[path]?[$0] }
            }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            result.append(Revision(window: fact.window, indicatorID: fact.indicatorID, areaCode: fact.areaCode,
                                   closedValue: fact.value, currentValue: now, files: files))
        }
        return result
    }

    private struct CellKey: Hashable {
        var indicator: String
        var district: String
        var month: YearMonth
    }

    /// What counts of a value: its area and value. Sorted per cell, so the comparison ignores order.
    private struct Counted: Hashable, Comparable {
        var area: String
        var value: Double

        static func < (a: Counted, b: Counted) -> Bool { (a.area, a.value) < (b.area, b.value) }
    }

    /// Files on each side whose path and SHA-256 have no twin on the other: added, edited or removed since the
    /// closing. Returned as source indices of each side.
    private static func changedFiles(closed: [SourceFile], current: [SourceFile]) -> (closedSide: Set<Int>, currentSide: Set<Int>) {
        struct Identity: Hashable { var path: String; var sha256: String }
        let closedIDs = Set(closed.map { Identity(path: $0.path, sha256: $0.sha256) })
        let currentIDs = Set(current.map { Identity(path: $0.path, sha256: $0.sha256) })
        let closedSide = Set(closed.indices.filter { !currentIDs.contains(Identity(path: closed[$0].path, sha256: closed[$0].sha256)) })
        let currentSide = Set(current.indices.filter { !closedIDs.contains(Identity(path: current[$0].path, sha256: current[$0].sha256)) })
        return (closedSide, currentSide)
    }

    /// For each of `files` (by path), the accepted values it supplies per indicator × district × month: what it
    /// counts in the report. A file that only lost values to another file counts for nothing.
    private static func counted(_ imported: ImportResult, files: Set<Int>) -> [String: [CellKey: [Counted]]] {
        var result: [String: [CellKey: [Counted]]] = [:]
        for file in files { result[imported.sources[file].path] = [:] }
        guard !files.isEmpty else { return result }
        for value in imported.accepted where files.contains(value.sourceIndex) {
            let key = CellKey(indicator: value.key.indicatorID, district: value.key.districtCode, month: value.key.month)
            result[imported.sources[value.sourceIndex].path, default: [:]][key, default: []]
                .append(Counted(area: value.key.area, value: value.value))
        }
        for path in result.keys {
            for key in result[path]!.keys { result[path]![key]!.sort() }
        }
        return result
    }
}
