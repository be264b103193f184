import Foundation
@testable import AgendaCore

/// Hand-built reference data and imports for the aggregation tests: no files, every number visible in the test.
enum AggregateFixture {
    static let province = Area(code: "56", parentCode: nil, nameTH: "พะเยา", nameEN: "Phayao")

    /// Districts 5601…560n.
    static func districts(_ count: Int) -> [Area] {
        (1...count).map { Area(code: "560\($0)", parentCode: "56", nameTH: "อำเภอ \($0)", nameEN: "District \($0)") }
    }

    static func indicator(
        _ id: String, _ aggregation: Aggregation, better: Direction = .higher,
        numerator: String? = nil, denominator: String? = nil, workstream: String = "W1"
    ) -> Indicator {
        Indicator(
            id: id, workstreamID: workstream, nameTH: id, nameEN: id, unitTH: "หน่วย", unitEN: "unit",
            aggregation: aggregation, numeratorID: numerator, denominatorID: denominator, better: better)
    }

    static func reference(_ indicators: [Indicator], targets: [Target] = [], districtCount: Int = 3) -> ReferenceData {
        ReferenceData(
            province: province, districts: districts(districtCount),
            workstreams: [Workstream(id: "W1", nameTH: "งาน 1", nameEN: "Work 1")],
            indicators: indicators, targets: targets)
    }

    /// 2022-03-01 00:00 UTC: a modification time safely on time for any month up to January 2565.
    static let defaultModified = Date(timeIntervalSince1970: 1_646_092_800)

    static func date(_ iso: String) -> Date {
        let f = ISO8601DateFormatter()
        return f.date(from: iso)!
    }

    /// `YearMonth(yearBE:month:)` in a shorter spelling: `m(2565, 1)`.
    static func m(_ yearBE: Int, _ month: Int) -> YearMonth { YearMonth(yearBE: yearBE, month: month) }
}

/// Accumulates accepted values and their source files into an `ImportResult`.
struct ImportBuilder {
    var sources: [SourceFile] = []
    var accepted: [AcceptedValue] = []
    var superseded: [SupersededValue] = []

    init() {
        addSource("default.csv", modified: AggregateFixture.defaultModified)
    }

    /// Adds a source file and returns its index.
    @discardableResult
    mutating func addSource(_ path: String, modified: Date) -> Int {
        sources.append(SourceFile(path: path, modified: modified, byteCount: 0, sha256: "", encoding: .utf8))
        return sources.count - 1
    }

    mutating func add(
        _ district: String, _ month: YearMonth, _ indicator: String, _ value: Double, area: String = "", source: Int = 0
    ) {
        let key = ValueKey(districtCode: district, month: month, indicatorID: indicator, area: area)
        accepted.append(AcceptedValue(key: key, value: value, note: "", sourceIndex: source, line: accepted.count + 2))
    }

    var result: ImportResult {
        ImportResult(sources: sources, accepted: accepted.sorted { $0.key < $1.key }, superseded: superseded, rejections: [])
    }
}

extension Report {
    /// The value of a fact that must exist.
    func value(_ window: ReportWindow, _ indicator: String, _ area: String) -> Double? {
        guard let f = fact(window, indicator: indicator, area: area) else {
            preconditionFailure("no fact \(window) \(indicator) \(area)")
        }
        return f.value
    }
}

/// Builds a report with default options and a fixed as-of instant.
func buildReport(
    _ scope: ReportScope, _ reference: ReferenceData, _ imports: ImportBuilder, options: ReportOptions = ReportOptions()
) -> Report {
    ReportBuilder.build(
        scope: scope, options: options, reference: reference, imported: imports.result,
        asOf: AggregateFixture.defaultModified)
}

let q2FY2565 = FiscalQuarter(fiscalYear: 2565, quarter: 2)
let q1FY2565 = FiscalQuarter(fiscalYear: 2565, quarter: 1)
