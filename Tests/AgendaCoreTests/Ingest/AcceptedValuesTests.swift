import AgendaJobs
import TestSupport
import Foundation
import Testing
@testable import AgendaCore

/// The column store behind `ImportResult.accepted` must read back exactly what was put in, in the same order, and
/// the aggregation that reads its columns directly must agree with one built from plain values.
@Suite struct AcceptedValuesTests {
    static let sample: [AcceptedValue] = [
        AcceptedValue(key: ValueKey(districtCode: "5601", month: YearMonth(yearBE: 2565, month: 1), indicatorID: "NR01",
                                    area: "บ้านต๋อม"), value: 1250, note: "“ไฟป่า” ช่วงแล้ง…", sourceIndex: 0, line: 3),
        AcceptedValue(key: ValueKey(districtCode: "5601", month: YearMonth(yearBE: 2565, month: 1), indicatorID: "NR02",
                                    area: ""), value: 12.5, note: "", sourceIndex: 1, line: 2),
        AcceptedValue(key: ValueKey(districtCode: "5602", month: YearMonth(yearBE: 2564, month: 12), indicatorID: "NR01",
                                    area: "บ้านต๋อม"), value: 0, note: "=HYPERLINK(\"x\")", sourceIndex: 1, line: 4_000_000),
        AcceptedValue(key: ValueKey(districtCode: "5609", month: YearMonth(yearBE: 2565, month: 9), indicatorID: "ST01",
                                    area: "หมู่ ๓"), value: -0.25, note: "บ้านต๋อม", sourceIndex: 7, line: 5),
    ]

    @Test func roundTripKeepsEveryFieldOrderAndCount() {
        let store = AcceptedValues(Self.sample)
        #expect(store.count == 4)
        #expect(Array(store) == Self.sample)
        #expect(store[2].key.area == "บ้านต๋อม" && store[3].note == "บ้านต๋อม")
        #expect(store.map(\.line) == [3, 2, 4_000_000, 5])
    }

    @Test("keys are stored once per run of values sharing district, month and indicator, in any order")
    func keyRuns() {
        // Two values of one key run, then a different run, then the first key again: three runs, each value's key
        // read back by subscript (binary search) and by iteration (walking the runs) alike.
        let first = Self.sample[0]
        var second = first
        second.key.area = "บ้านร่องไฮ"
        let values = [first, second, Self.sample[1], Self.sample[0]]
        let store = AcceptedValues(values)
        #expect(store.runCount == 3)
        #expect((0..<store.runCount).map { store.run($0).range } == [0..<2, 2..<3, 3..<4])
        #expect(Array(store) == values)
        #expect(store.indices.map { store[$0] } == values)
        #expect(store.indices.map { store.run(containing: $0).range.lowerBound } == [0, 0, 2, 3])
        #expect(AcceptedValues().runCount == 0 && Array(AcceptedValues()).isEmpty)
    }

    @Test func tablesHoldEachTextOnce() {
        let store = AcceptedValues(Self.sample)
        #expect(store.districtCodes == ["5601", "5602", "5609"])
        #expect(store.indicatorIDs == ["NR01", "NR02", "ST01"])
        #expect(store.labels.first == "")
        #expect(store.labels.filter { $0 == "บ้านต๋อม" }.count == 1, "an area label and a note share one entry")
    }

    @Test func emptyAndLiteralStores() {
        #expect(AcceptedValues().isEmpty)
        let literal: AcceptedValues = [Self.sample[1], Self.sample[0]]
        #expect(Array(literal) == [Self.sample[1], Self.sample[0]])
        #expect(ImportResult(sources: [], accepted: [], superseded: [], rejections: []).accepted.isEmpty)
    }

    @Test func importerStoreMatchesTheSortedValuesItHolds() throws {
        let result = try Fixtures.importIngest(["good.csv", "windows874.csv", "utf8_bom_thai_headers.csv"])
        let values = Array(result.accepted)
        #expect(values.count == 9)
        #expect(values == values.sorted { $0.key < $1.key })
        #expect(Array(AcceptedValues(values)) == values)
        #expect(values.contains { $0.key.area == "บ้านห้วยข้าวก่ำ" && $0.note == "“ไฟป่า” ช่วงแล้ง…" })
    }

    @Test func reportFromImporterStoreEqualsReportFromEquivalentArray() throws {
        let reference = try Fixtures.reference()
        let imported = try Fixtures.importIngest(["good.csv", "windows874.csv", "utf8_bom_thai_headers.csv"])
        var rebuilt = imported
        rebuilt.accepted = AcceptedValues(Array(imported.accepted))
        let asOf = Date(timeIntervalSince1970: 1_660_000_000)
        let a = ReportBuilder.build(scope: .year(2565), options: ReportOptions(), reference: reference,
                                    imported: imported, asOf: asOf)
        let b = ReportBuilder.build(scope: .year(2565), options: ReportOptions(), reference: reference,
                                    imported: rebuilt, asOf: asOf)
        #expect(a.facts.contains { $0.value != nil })
        #expect(a.facts == b.facts)
        #expect(a.completeness == b.completeness)
        #expect(a.anomalies == b.anomalies)
    }
}
