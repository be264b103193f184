@testable import AgendaCore
import Testing

/// The totals the `Data` sheet holds when the values do not fit it, against sums worked out by hand.
@Suite struct DistrictMonthTotalsTests {
    static let january = YearMonth(yearBE: 2565, month: 1)
    static let february = YearMonth(yearBE: 2565, month: 2)

    static func value(_ district: String, _ month: YearMonth, _ indicator: String, _ area: String, _ v: Double,
                      source: Int) -> AcceptedValue {
        AcceptedValue(key: ValueKey(districtCode: district, month: month, indicatorID: indicator, area: area),
                      value: v, note: "", sourceIndex: source, line: 2)
    }

    @Test("villages are summed per district × month × indicator, with count, min, max, first file and file count")
    func handComputed() {
        let values: [AcceptedValue] = [
            Self.value("5602", Self.january, "NR01", "หมู่ 1", 10, source: 4),
            Self.value("5601", Self.february, "NR01", "หมู่ 1", 7, source: 2),
            Self.value("5601", Self.january, "NR01", "หมู่ 1", 3, source: 1),
            Self.value("5601", Self.january, "NR01", "หมู่ 2", 0.5, source: 0),
            Self.value("5601", Self.january, "NR01", "หมู่ 3", 12, source: 1),
            Self.value("5601", Self.january, "AG02", "หมู่ 1", 4, source: 3),
        ].sorted { $0.key < $1.key }
        let totals = AcceptedValues(values).districtMonthTotals()
        #expect(totals == [
            DistrictMonthTotal(districtCode: "5601", month: Self.january, indicatorID: "AG02", values: 1, sum: 4,
                               minimum: 4, maximum: 4, firstSourceIndex: 3, files: 1),
            // 3 + 0.5 + 12 from files 1, 0 and 1 again: two files, the first in path order is 0.
            DistrictMonthTotal(districtCode: "5601", month: Self.january, indicatorID: "NR01", values: 3, sum: 15.5,
                               minimum: 0.5, maximum: 12, firstSourceIndex: 0, files: 2),
            DistrictMonthTotal(districtCode: "5601", month: Self.february, indicatorID: "NR01", values: 1, sum: 7,
                               minimum: 7, maximum: 7, firstSourceIndex: 2, files: 1),
            DistrictMonthTotal(districtCode: "5602", month: Self.january, indicatorID: "NR01", values: 1, sum: 10,
                               minimum: 10, maximum: 10, firstSourceIndex: 4, files: 1),
        ])
    }

    @Test("no values, no rows; every value is counted once whatever the order")
    func emptyAndOrder() {
        #expect(AcceptedValues().districtMonthTotals().isEmpty)
        var values: [AcceptedValue] = []
        for village in 0..<500 {
            for district in ["5601", "5602", "5603"] {
                values.append(Self.value(district, Self.january, "NR01", "หมู่ \(village)", Double(village),
                                         source: village % 7))
            }
        }
        let totals = AcceptedValues(values.sorted { $0.key < $1.key }).districtMonthTotals()
        #expect(totals.map(\.districtCode) == ["5601", "5602", "5603"])
        #expect(totals.allSatisfy { $0.values == 500 && $0.sum == 124_750 && $0.files == 7 && $0.maximum == 499 })
    }
}
