import Foundation
import Testing
@testable import AgendaCore

/// The flat, selection-based anomaly rule against its sorting definition, and its order statistics against a sort.
///
/// Why exact equality (not a tolerance): the rule decides which values a clerk is asked to confirm; a faster version
/// that flagged a different value, or printed another expected figure, would change the report.
@Suite("Anomaly rule at scale")
struct AnomalySeriesTests {
    /// A small deterministic generator (SplitMix64), so a failure names a seed that reproduces it.
    struct Mix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("select and median give what a sort gives, on ties, runs, sorted and reversed input", arguments: 0..<48)
    func orderStatistics(seed: Int) {
        var random = Mix(state: UInt64(seed))
        let count = [1, 2, 3, 17, 100, 1_001, 5_000, 70_001][seed % 8]
        let values: [Double] = switch seed % 5 {
        case 0: (0..<count).map { _ in Double(Int.random(in: 0..<4, using: &random)) }  // mostly ties
        case 1: (0..<count).map { Double($0) }  // sorted
        case 2: (0..<count).map { Double(count - $0) }  // reversed
        case 3: (0..<count).map { Double($0 % 2 == 0 ? $0 : count - $0) }  // organ pipe
        default: (0..<count).map { _ in Double.random(in: -1e6...1e6, using: &random) }
        }
        let sorted = values.sorted()
        for k in Set([0, count / 2, count - 1, Int.random(in: 0..<count, using: &random)]) {
            var copy = values
            let got = copy.withUnsafeMutableBufferPointer { OrderStatistics.select($0, k) }
            #expect(got == sorted[k], "k \(k) of \(count), seed \(seed)")
            #expect(copy[..<k].allSatisfy { $0 <= got } && copy[(k + 1)...].allSatisfy { $0 >= got })
        }
        var copy = values
        #expect(copy.withUnsafeMutableBufferPointer { OrderStatistics.median($0) } == AnomalyRule.median(values))
        if count >= 3 {
            var copy = values
            let (a, b, c) = copy.withUnsafeMutableBufferPointer { OrderStatistics.three($0, from: count - 3) }
            #expect(a == sorted[count - 3] && b == sorted[count - 2] && c == sorted[count - 1])
        }
    }

    /// The network that sorts twelve values: every one of the 4,096 inputs of zeros and ones comes out sorted (by
    /// the 0-1 principle, then every input does), and select and median on twelve values give what a sort gives.
    @Test func twelveValuesThroughTheNetwork() {
        for bits in 0..<(1 << 12) {
            var values = (0..<12).map { Double(bits >> $0 & 1) }
            values.withUnsafeMutableBufferPointer { OrderStatistics.sortTwelve($0.baseAddress!) }
            #expect(values == values.sorted(), "input \(bits)")
        }
        var random = Mix(state: 12)
        for round in 0..<200 {
            let values = (0..<12).map { _ in
                round % 2 == 0 ? Double(Int.random(in: 0..<5, using: &random)) : Double.random(in: -50...50, using: &random)
            }
            let sorted = values.sorted()
            for k in [0, 5, 6, 11] {
                var copy = values
                #expect(copy.withUnsafeMutableBufferPointer { OrderStatistics.select($0, k) } == sorted[k])
            }
            var copy = values
            #expect(copy.withUnsafeMutableBufferPointer { OrderStatistics.median($0) } == (sorted[5] + sorted[6]) / 2)
        }
    }

    /// Random series shaped like real ones: units of very different sizes, a season, noise, zeros, gaps, a stray
    /// slip, and the history reaching back over a year so every check is made.
    static func series(seed: Int) -> (units: [[Int: Double]], months: Set<Int>, stock: Bool, resolution: Double) {
        var random = Mix(state: UInt64(seed) &* 7919)
        let unitCount = [3, 4, 5, 9, 40, 300][seed % 6]
        let first = 2564 * 12 + 9
        let span = [6, 12, 24, 30][seed % 4]
        var units: [[Int: Double]] = []
        for _ in 0..<unitCount {
            let size = pow(10, Double.random(in: 0...4, using: &random))
            var unit: [Int: Double] = [:]
            for k in 0..<span where Double.random(in: 0...1, using: &random) > 0.1 {
                let season = 1 + 0.5 * sin(Double(k) * .pi / 6)
                var x = (size * season * Double.random(in: 0.8...1.2, using: &random)).rounded()
                if Int.random(in: 0..<60, using: &random) == 0 { x *= 10 }
                if Int.random(in: 0..<15, using: &random) == 0 { x = 0 }
                unit[first + k] = seed % 3 == 0 ? x / 100 : x
            }
            units.append(unit)
        }
        let judged = Set((first + span - 12)..<(first + span))
        return (units, judged, seed % 2 == 1, seed % 3 == 0 ? 0.01 : 1)
    }

    @Test("the flat rule judges every value exactly as the sorting definition does", arguments: 0..<60)
    func sameAsDefinition(seed: Int) {
        let (units, months, stock, resolution) = Self.series(seed: seed)
        for rule in [AnomalyRule(), AnomalyRule(threshold: 2.5, minimumFactor: 1.5, minimumMonths: 2, minimumPeers: 1)] {
            let definition = SortingAnomalyRule(rule: rule)
                .assess(series: units, stock: stock, months: months, resolution: resolution)
            let flat = rule.assess(series: units, stock: stock, months: months, resolution: resolution)
            #expect(flat == definition, "seed \(seed)")
            if seed == 5 { #expect(definition.contains(where: \.flagged) && definition.count > 1_000) }
        }
    }

    @Test("a value from a far-off period costs one entry, not a column per month in between")
    func farOffPeriod() {
        var units = (0..<6).map { u in Dictionary(uniqueKeysWithValues: (0..<12).map { (30_000 + $0, Double(100 + u)) }) }
        units[0][1_000_000] = 5
        units[1][30_011] = 1_000
        let rule = AnomalyRule()
        let flat = rule.assess(series: units, stock: false, months: Set(30_000..<30_012))
        #expect(flat == SortingAnomalyRule(rule: rule).assess(series: units, stock: false, months: Set(30_000..<30_012)))
        #expect(flat.filter(\.flagged).map { [$0.unit, $0.month] } == [[1, 30_011]])
    }
}

@Suite("Anomaly finder on every core")
struct AnomalyFinderThreadsTests {
    typealias F = AggregateFixture

    @Test("scopes that share a last month share one search and get exactly their own flags")
    func sharedAcrossScopes() {
        let (reference, imports) = Self.villages()
        let q2 = FiscalQuarter(fiscalYear: 2565, quarter: 2)
        let scopes: [ReportScope] = [
            .quarterToDate(q2, through: F.m(2565, 2)), .yearToDate(fiscalYear: 2565, through: F.m(2565, 2)),
            .year(2565), .quarter(q2), .quarter(FiscalQuarter(fiscalYear: 2565, quarter: 4)),
        ]
        let shared = ReportBuilder.anomalies(for: scopes, options: ReportOptions(), reference: reference,
                                             imported: imports.result)
        for (scope, found) in zip(scopes, shared) {
            let own = buildReport(scope, reference, imports).anomalies
            #expect(found == own, "\(scope)")
        }
        // The quarter to date shows the year to date too, so both judge October to February; the year judges more.
        #expect(shared.allSatisfy { !$0.isEmpty } && shared[0] == shared[1] && shared[1].count < shared[2].count)
    }

    /// Five districts of thirty villages, three indicators, eighteen months from April 2564, with rare slips.
    static func villages() -> (ReferenceData, ImportBuilder) {
        let reference = F.reference([F.indicator("births", .sum), F.indicator("beds", .last),
                                     F.indicator("visits", .mean)], districtCount: 5)
        var random = AnomalySeriesTests.Mix(state: 42)
        var imports = ImportBuilder()
        for d in 1...5 {
            for village in 1...30 {
                let size = Double.random(in: 5...500, using: &random)
                for k in 0..<18 {
                    for indicator in ["births", "beds", "visits"] {
                        var x = (size * Double.random(in: 0.7...1.3, using: &random)).rounded()
                        if Int.random(in: 0..<150, using: &random) == 0 { x *= 10 }
                        imports.add("560\(d)", F.m(2564, 4).advanced(by: k), indicator, x, area: "v\(d)-\(village)")
                    }
                }
            }
        }
        return (reference, imports)
    }

    @Test("the flags do not depend on how many threads judge the indicators")
    func threadsDoNotMatter() {
        let (reference, imports) = Self.villages()
        let imported = imports.result
        let months = Set((0..<12).map { F.m(2564, 10).advanced(by: $0).ordinal })
        let one = AnomalyFinder.find(reference: reference, imported: imported, lastMonth: F.m(2565, 9), months: months,
                                     rule: AnomalyRule(), workers: 1)
        #expect(one.count >= 10 && one.contains { !$0.area.isEmpty })
        for workers in [2, 3, 8] {
            #expect(AnomalyFinder.find(reference: reference, imported: imported, lastMonth: F.m(2565, 9),
                                       months: months, rule: AnomalyRule(), workers: workers) == one)
        }
    }
}

extension AnomalyFinderThreadsTests {
    /// Districts whose totals are steady while their villages are noisy, so totals are flagged where no single
    /// village is, and the flag must name the village that explains the gap.
    @Test("total flags and the sub-area they name match the dictionary finder", arguments: 0..<12)
    func sameAsDictionaryFinder(seed: Int) {
        let reference = F.reference([F.indicator("births", .sum), F.indicator("beds", .last),
                                     F.indicator("visits", .mean)], districtCount: 6)
        var random = AnomalySeriesTests.Mix(state: UInt64(seed) &+ 1_000)
        var imports = ImportBuilder()
        for d in 1...6 {
            for k in 0..<15 {
                let month = F.m(2564, 7).advanced(by: k)
                // Villages trade shares of a steady total; in one district-month one village sends 20 times its share (within its own noise, far past its district total’s).
                let shares = (0..<8).map { _ in Double.random(in: 0.05...1, using: &random) }
                let slip = d == 1 + seed % 6 && k == 10 + seed % 5
                for indicator in ["births", "beds", "visits"] {
                    for (v, share) in shares.enumerated() {
                        let x = (1_000 * share / shares.reduce(0, +) * (slip && v == seed % 8 ? 20 : 1)).rounded()
                        imports.add("560\(d)", month, indicator, x, area: "บ้าน \(v)")
                    }
                    if seed % 4 == 0 && k == 3 { imports.add("560\(d)", month, indicator, 7) }  // a total sent alone
                }
            }
        }
        let imported = imports.result
        let months = Set((0..<12).map { F.m(2564, 10).advanced(by: $0).ordinal })
        let expected = DictionaryAnomalyFinder.find(reference: reference, imported: imported, lastMonth: F.m(2565, 9),
                                                    months: months, rule: AnomalyRule())
        let got = AnomalyFinder.find(reference: reference, imported: imported, lastMonth: F.m(2565, 9), months: months,
                                     rule: AnomalyRule())
        #expect(got == expected, "seed \(seed)")
        // Where the slipped village's own noise hides it, only the total is flagged, naming that village (seeds 2
        // and 11 of this generator; the others flag the village itself).
        if seed == 2 || seed == 11 {
            #expect(got.contains { $0.area.isEmpty && $0.dominantArea == "บ้าน \(seed % 8)" })
        }
    }
}
