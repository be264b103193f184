import TestSupport
import AgendaJobs
import Foundation
import Testing
@testable import AgendaCore

@Suite struct ReferenceLoaderTests {
    /// A copy of the minimal valid set with one file's lines edited.
    func broken(_ file: String, _ edit: (inout [String]) -> Void) throws -> URL {
        let dir = try Fixtures.scratch()
        for name in ["areas.csv", "workstreams.csv", "indicators.csv", "targets.csv"] {
            var lines = try String(contentsOf: Fixtures.minimalReference.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if name == file { edit(&lines) }
            try Fixtures.write(lines.joined(separator: "\n"), to: dir.appendingPathComponent(name))
        }
        return dir
    }

    func error(_ file: String, _ edit: (inout [String]) -> Void) throws -> ReferenceDataError? {
        do {
            _ = try ReferenceFolder.load(try broken(file, edit))
            return nil
        } catch let e as ReferenceDataError {
            return e
        }
    }

    @Test("short names: optional columns, the full name when absent or empty")
    func shortNames() throws {
        // The minimal set has no short-name columns at all.
        let minimal = try ReferenceFolder.load(Fixtures.minimalReference)
        #expect(minimal.indicators.allSatisfy { $0.shortNameTH == $0.nameTH && $0.shortNameEN == $0.nameEN })
        // The sample reference fills them for the long names and leaves short names empty.
        let inputs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Inputs/reference")
        let sample = try ReferenceFolder.load(inputs)
        let hotspots = try #require(sample.indicator("forest_fire_hotspots"))
        #expect(hotspots.shortName(.th) == "จุดความร้อน" && hotspots.shortName(.en) == "Fire hotspots")
        #expect(hotspots.name(.th) == "จุดความร้อน (ไฟป่าและการเผาในที่โล่ง)")
        let members = try #require(sample.indicator("welfare_fund_members"))
        #expect(members.shortNameTH == members.nameTH && members.shortNameEN == members.nameEN)
    }

    @Test func minimalSetLoads() throws {
        let data = try ReferenceFolder.load(Fixtures.minimalReference)
        #expect(data.province.code == "56" && data.province.nameTH == "พะเยา")
        #expect(data.districts.map(\.code) == (1...9).map { "560\($0)" })
        #expect(data.workstreams.map(\.id) == ["NR", "ST"])
        #expect(data.indicators.map(\.id) == ["NR01", "NR02", "NR03", "ST01", "ST02", "ST03"])
        let rate = try #require(data.indicator("ST03"))
        #expect(rate.aggregation == .ratio && rate.numeratorID == "ST02" && rate.denominatorID == "ST01")
        #expect(rate.isHeadline && rate.decimals == 1)
        #expect(data.indicator("NR01")!.isHeadline && data.indicator("NR01")!.decimals == 0)
        #expect(data.indicator("NR03")!.decimals == 1 && !data.indicator("NR03")!.isHeadline)
        #expect(data.indicator("NR02")!.better == .lower)
        #expect(data.targetValue(fiscalYear: 2565, areaCode: "56", indicatorID: "ST01") == 1200)
    }

    @Test func optionalColumnsMayBeAbsent() throws {
        let dir = try broken("indicators.csv") { lines in
            lines = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(10).joined(separator: ",") }
        }
        let data = try ReferenceFolder.load(dir)
        #expect(data.indicators.allSatisfy { !$0.isHeadline })
        #expect(data.indicator("ST03")!.decimals == 1)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String
        var line: Int
        var column: String
        var en: String
        var edit: @Sendable (inout [String]) -> Void
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "two provinces", file: "areas.csv", line: 3, column: "parent_code", en: "found 2") { $0[2] = "5601,,เมืองพะเยา,Mueang Phayao" },
        Case(name: "no province", file: "areas.csv", line: 0, column: "parent_code", en: "found 0") { $0[1] = "56,99,พะเยา,Phayao" },
        Case(name: "district under another parent", file: "areas.csv", line: 4, column: "parent_code", en: "must have parent_code 56") { $0[3] = "5602,5601,จุน,Chun" },
        Case(name: "duplicate area", file: "areas.csv", line: 4, column: "code", en: "repeats line 3") { $0[3] = "5601,56,จุน,Chun" },
        Case(name: "missing column", file: "areas.csv", line: 1, column: "name_en", en: "no name_en column") { $0[0] = "code,parent_code,name_th,english" },
        Case(name: "duplicate workstream", file: "workstreams.csv", line: 3, column: "id", en: "repeats line 2") { $0[2] = "NR,x,y" },
        Case(name: "unknown workstream", file: "indicators.csv", line: 2, column: "workstream_id", en: "ZZ is not in workstreams.csv") { $0[1] = $0[1].replacingOccurrences(of: ",NR,", with: ",ZZ,") },
        Case(name: "duplicate indicator", file: "indicators.csv", line: 3, column: "id", en: "repeats line 2") { $0[2] = $0[2].replacingOccurrences(of: "NR02,", with: "NR01,") },
        Case(name: "ratio without denominator", file: "indicators.csv", line: 7, column: "denominator_id", en: "needs denominator_id") { $0[6] = $0[6].replacingOccurrences(of: "ST02,ST01", with: "ST02,") },
        Case(name: "ratio pointing at unknown id", file: "indicators.csv", line: 7, column: "numerator_id", en: "\"ST09\" of ST03 is not an indicator") { $0[6] = $0[6].replacingOccurrences(of: "ST02,ST01", with: "ST09,ST01") },
        Case(name: "ratio pointing at a ratio", file: "indicators.csv", line: 7, column: "numerator_id", en: "is itself a ratio") { $0[6] = $0[6].replacingOccurrences(of: "ST02,ST01", with: "ST03,ST01") },
        Case(name: "non-ratio with numerator", file: "indicators.csv", line: 5, column: "numerator_id", en: "not a ratio, so numerator_id must be empty") { $0[4] = $0[4].replacingOccurrences(of: "sum,,", with: "sum,ST02,") },
        Case(name: "bad aggregation", file: "indicators.csv", line: 3, column: "aggregation", en: "\"total\" is not one of") { $0[2] = $0[2].replacingOccurrences(of: ",sum,", with: ",total,") },
        Case(name: "bad better", file: "indicators.csv", line: 3, column: "better", en: "\"less\" is not higher or lower") { $0[2] = $0[2].replacingOccurrences(of: ",lower,", with: ",less,") },
        Case(name: "bad headline", file: "indicators.csv", line: 2, column: "headline", en: "must be 1 or 0") { $0[1] = $0[1].replacingOccurrences(of: ",higher,1,", with: ",higher,maybe,") },
        Case(name: "bad decimals", file: "indicators.csv", line: 4, column: "decimals", en: "whole number") { $0[3] = $0[3].replacingOccurrences(of: ",0,1", with: ",0,x") },
        Case(name: "target for unknown area", file: "targets.csv", line: 3, column: "area_code", en: "Area 5699 is not in areas.csv") { $0[2] = "2565,5699,NR02,40" },
        Case(name: "target for unknown indicator", file: "targets.csv", line: 3, column: "indicator_id", en: "Indicator NR99") { $0[2] = "2565,5601,NR99,40" },
        Case(name: "duplicate target", file: "targets.csv", line: 3, column: "indicator_id", en: "repeats line 2") { $0[2] = "2565,56,ST01,5" },
        Case(name: "non-numeric target", file: "targets.csv", line: 3, column: "target", en: "\"forty\" is not a non-negative number") { $0[2] = "2565,5601,NR02,forty" },
        Case(name: "Christian fiscal year", file: "targets.csv", line: 3, column: "fiscal_year", en: "Buddhist Era") { $0[2] = "2022,5601,NR02,40" },
        Case(name: "wrong field count", file: "workstreams.csv", line: 2, column: "", en: "has 2 fields") { $0[1] = "NR,only" },
    ]

    @Test(arguments: cases)
    func brokenTableNamesFileLineAndColumn(_ c: Case) throws {
        let e = try #require(try error(c.file, c.edit))
        #expect(e.file == c.file)
        #expect(e.line == c.line)
        #expect(e.column == c.column)
        #expect(e.reason.en.contains(c.en), "\(e.reason.en)")
        #expect(!e.reason.th.isEmpty)
        #expect(e.description.hasPrefix("\(c.file):\(c.line):"))
        #expect(e.description.contains(e.reason.th) && e.description.contains(e.reason.en))
    }

    func loadError(_ dir: URL) -> ReferenceDataError? {
        do { _ = try ReferenceFolder.load(dir); return nil } catch { return error as? ReferenceDataError }
    }

    @Test func missingFileIsReported() throws {
        let dir = try broken("areas.csv") { _ in }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("targets.csv"))
        let e = try #require(loadError(dir))
        #expect(e.file == "targets.csv" && e.reason.en.hasPrefix("Cannot open"))
    }

    @Test func nonUTF8TableIsReported() throws {
        let dir = try broken("areas.csv") { _ in }
        try Fixtures.write([0x69, 0x64, 0x0A, 0xA1], to: dir.appendingPathComponent("workstreams.csv"))
        let e = try #require(loadError(dir))
        #expect(e.file == "workstreams.csv" && e.reason.en.contains("Not UTF-8 (byte offset 3"))
    }
}
