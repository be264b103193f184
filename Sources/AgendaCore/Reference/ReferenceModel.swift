/// An administrative area from `areas.csv`: the province (no parent) or one of its districts.
public struct Area: Sendable, Hashable, Codable {
    public var code: String
    public var parentCode: String?
    public var nameTH: String
    public var nameEN: String

    public init(code: String, parentCode: String?, nameTH: String, nameEN: String) {
        self.code = code
        self.parentCode = parentCode
        self.nameTH = nameTH
        self.nameEN = nameEN
    }

    public func name(_ language: Language) -> String { language == .th ? nameTH : nameEN }
}

/// One of the five workstreams of the Phayao agenda, from `workstreams.csv`.
public struct Workstream: Sendable, Hashable, Codable {
    public var id: String
    public var nameTH: String
    public var nameEN: String

    public init(id: String, nameTH: String, nameEN: String) {
        self.id = id
        self.nameTH = nameTH
        self.nameEN = nameEN
    }

    public func name(_ language: Language) -> String { language == .th ? nameTH : nameEN }
}

/// How an indicator's values combine over months and areas.
///
/// Getting this wrong is the classic reporting error (stocks summed over months, ratios averaged), so every
/// indicator names its rule and the aggregation code switches on it exhaustively.
public enum Aggregation: String, Sendable, Hashable, Codable, CaseIterable {
    /// Flows: summed over areas and months.
    case sum
    /// Stocks: the latest month's level.
    case last
    /// The arithmetic mean of the raw values in scope.
    case mean
    /// 100 × numerator / denominator, each aggregated by its own rule; computed, never submitted.
    case ratio
}

/// Which direction of change is good news.
public enum Direction: String, Sendable, Hashable, Codable, CaseIterable {
    case higher
    case lower
}

/// An indicator from `indicators.csv`.
public struct Indicator: Sendable, Hashable, Codable {
    public var id: String
    public var workstreamID: String
    public var nameTH: String
    public var nameEN: String
    public var unitTH: String
    public var unitEN: String
    public var aggregation: Aggregation
    /// Set only for `.ratio` indicators.
    public var numeratorID: String?
    /// Set only for `.ratio` indicators.
    public var denominatorID: String?
    public var better: Direction
    /// Headline indicators lead the dashboard and the governor's summary (optional column `headline`, 1/0).
    public var isHeadline: Bool
    /// Decimal places shown for values (optional column `decimals`; default 0, ratios 1).
    public var decimals: Int
    /// The name for tight places (the summary's table, chart legends): optional column `short_name_th`, else the
    /// full name. Never cut with "…": a governor reads whole words.
    public var shortNameTH: String
    /// Optional column `short_name_en`, else the full English name.
    public var shortNameEN: String

    public init(
        id: String, workstreamID: String, nameTH: String, nameEN: String, unitTH: String, unitEN: String,
        aggregation: Aggregation, numeratorID: String? = nil, denominatorID: String? = nil,
        better: Direction, isHeadline: Bool = false, decimals: Int? = nil,
        shortNameTH: String? = nil, shortNameEN: String? = nil
    ) {
        self.id = id
        self.workstreamID = workstreamID
        self.nameTH = nameTH
        self.nameEN = nameEN
        self.unitTH = unitTH
        self.unitEN = unitEN
        self.aggregation = aggregation
        self.numeratorID = numeratorID
        self.denominatorID = denominatorID
        self.better = better
        self.isHeadline = isHeadline
        self.decimals = decimals ?? (aggregation == .ratio ? 1 : 0)
        self.shortNameTH = shortNameTH.flatMap { $0.isEmpty ? nil : $0 } ?? nameTH
        self.shortNameEN = shortNameEN.flatMap { $0.isEmpty ? nil : $0 } ?? nameEN
    }

    public func name(_ language: Language) -> String { language == .th ? nameTH : nameEN }
    public func shortName(_ language: Language) -> String { language == .th ? shortNameTH : shortNameEN }
    public func unit(_ language: Language) -> String { language == .th ? unitTH : unitEN }

    /// Ratios are computed from other indicators and may never be submitted.
    public var isSubmittable: Bool { aggregation != .ratio }
}

/// An annual target from `targets.csv`; `fiscalYear` is in Buddhist Era.
public struct Target: Sendable, Hashable, Codable {
    public var fiscalYear: Int
    public var areaCode: String
    public var indicatorID: String
    public var target: Double

    public init(fiscalYear: Int, areaCode: String, indicatorID: String, target: Double) {
        self.fiscalYear = fiscalYear
        self.areaCode = areaCode
        self.indicatorID = indicatorID
        self.target = target
    }
}

/// The validated reference tables, in file order, with lookups.
///
/// Built only by `ReferenceLoader.load` (from `ReferenceFolder.load` or tests), which guarantees the invariants: exactly one province,
/// every district's parent is the province, ids unique, ratio parts exist and are not ratios themselves.
public struct ReferenceData: Sendable {
    public let province: Area
    /// Districts in code order (5601…5609).
    public let districts: [Area]
    /// Workstreams in file order.
    public let workstreams: [Workstream]
    /// Indicators in file order.
    public let indicators: [Indicator]
    public let targets: [Target]

    private let areaByCode: [String: Area]
    private let indicatorByID: [String: Indicator]
    private let workstreamByID: [String: Workstream]
    private let targetByKey: [TargetKey: Double]

    private struct TargetKey: Hashable {
        var fiscalYear: Int
        var areaCode: String
        var indicatorID: String
    }

    public init(province: Area, districts: [Area], workstreams: [Workstream], indicators: [Indicator], targets: [Target]) {
        self.province = province
        self.districts = districts.sorted { $0.code < $1.code }
        self.workstreams = workstreams
        self.indicators = indicators
        self.targets = targets
        var areas = [province.code: province]
        for d in districts { areas[d.code] = d }
        self.areaByCode = areas
        self.indicatorByID = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.workstreamByID = Dictionary(workstreams.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.targetByKey = Dictionary(
            targets.map { (TargetKey(fiscalYear: $0.fiscalYear, areaCode: $0.areaCode, indicatorID: $0.indicatorID), $0.target) },
            uniquingKeysWith: { a, _ in a })
    }

    public func area(_ code: String) -> Area? { areaByCode[code] }
    public func district(_ code: String) -> Area? { code == province.code ? nil : areaByCode[code] }
    public func indicator(_ id: String) -> Indicator? { indicatorByID[id] }
    public func workstream(_ id: String) -> Workstream? { workstreamByID[id] }
    public func indicators(in workstreamID: String) -> [Indicator] { indicators.filter { $0.workstreamID == workstreamID } }
    /// The target row as written in `targets.csv`, without the province roll-up (that is the aggregator's job).
    public func targetValue(fiscalYear: Int, areaCode: String, indicatorID: String) -> Double? {
        targetByKey[TargetKey(fiscalYear: fiscalYear, areaCode: areaCode, indicatorID: indicatorID)]
    }
    /// The districts in code order, then the province (their total) last: the area order of the report's tables.
    public var reportAreas: [Area] { districts + [province] }
}
