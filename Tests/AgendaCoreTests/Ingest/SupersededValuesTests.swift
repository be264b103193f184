import TestSupport
import AgendaJobs
import Foundation
import Testing
@testable import AgendaCore

/// The column store behind `ImportResult.superseded` must read back exactly what was put in, and the importer's
/// store must point every superseded value at the accepted value that replaced it.
@Suite struct SupersededValuesTests {
    @Test func arrayRoundTripAndLiteral() {
        let values = AcceptedValuesTests.sample
        let pairs = [
            SupersededValue(superseded: values[0], replacedBy: values[3]),
            SupersededValue(superseded: values[2], replacedBy: values[1]),
        ]
        let store = SupersededValues(pairs)
        #expect(store.count == 2)
        #expect(Array(store) == pairs)
        let literal: SupersededValues = [pairs[1]]
        #expect(Array(literal) == [pairs[1]])
        #expect(SupersededValues().isEmpty)
        #expect(Array(ImportResult(sources: [], accepted: [], superseded: pairs, rejections: []).superseded) == pairs)
    }

    /// Three submissions of the same keys, oldest first: each superseded value is listed once, in key then file
    /// order, and replaced by the newest file's accepted value (not by the file that came right after it).
    @Test func importerPointsEachSupersededValueAtTheAcceptedOne() throws {
        let root = try Fixtures.scratch()
        let start = Date(timeIntervalSince1970: 1_650_000_000)
        let header = "district_code,period,indicator_id,value,area\n"
        for (i, name) in ["c.csv", "a.csv", "b.csv"].enumerated() {
            let rows = "5602,2565-01,NR02,\(i + 1),บ้านต๋อม\n5601,2565-02,NR02,\(10 * (i + 1)),\n"
            try Fixtures.write(header + rows, to: root.appendingPathComponent("submissions/\(name)"),
                               modified: start.addingTimeInterval(Double(60 * i)))
        }
        let result = try SubmissionImporter(reference: try Fixtures.reference()).importInputs(root: root)
        #expect(result.accepted.map(\.value) == [30, 3])
        let described = result.superseded.map { pair in
            "\(pair.superseded.key.districtCode) \(result.sources[pair.superseded.sourceIndex].path) "
                + "\(pair.superseded.value)->\(pair.replacedBy.value)"
        }
        #expect(described == [
            "5601 submissions/a.csv 20.0->30.0", "5601 submissions/c.csv 10.0->30.0",
            "5602 submissions/a.csv 2.0->3.0", "5602 submissions/c.csv 1.0->3.0",
        ])
        #expect(result.superseded.allSatisfy { pair in result.accepted.contains(pair.replacedBy) })
        #expect(result.sources.allSatisfy { $0.isBalanced })
    }
}

/// The merge holds each key's winning value beside the key table: a key given back after an in-file duplicate
/// must be taken cleanly by a later file, and a restored earlier value must be superseded by a later file as usual.
@Suite struct HeldWinnerTests {
    @Test(arguments: [true, false])
    func keysGivenBackAfterADuplicateAreTakenByALaterFile(retain: Bool) throws {
        let root = try Fixtures.scratch()
        let start = Date(timeIntervalSince1970: 1_650_000_000)
        let header = "district_code,period,indicator_id,value\n"
        try Fixtures.write(header + "5601,2565-01,NR02,5\n", to: root.appendingPathComponent("submissions/1.csv"),
                           modified: start)
        // Both keys duplicated: January gives back to 1.csv's 5, March (new) is dropped from the table.
        try Fixtures.write(header + "5601,2565-01,NR02,7\n5601,2565-01,NR02,8\n5601,2565-03,NR02,1\n5601,2565-03,NR02,2\n",
                           to: root.appendingPathComponent("submissions/2.csv"), modified: start.addingTimeInterval(60))
        try Fixtures.write(header + "5601,2565-01,NR02,11\n5601,2565-03,NR02,13\n",
                           to: root.appendingPathComponent("submissions/3.csv"), modified: start.addingTimeInterval(120))
        var importer = SubmissionImporter(reference: try Fixtures.reference())
        importer.retainValues = retain
        let result = try importer.importInputs(root: root)
        let counts = result.sources.map { [$0.rowsRead, $0.accepted, $0.superseded, $0.rejected] }
        #expect(counts == [[1, 0, 1, 0], [4, 0, 0, 4], [2, 2, 0, 0]])
        if retain {
            #expect(result.accepted.map { "\($0.key.month) \($0.value) \($0.line)" } == ["2565-01 11.0 2", "2565-03 13.0 3"])
            #expect(result.superseded.map { "\($0.superseded.value)->\($0.replacedBy.value)" } == ["5.0->11.0"])
        } else {
            #expect(result.accepted.isEmpty && result.superseded.isEmpty)
        }
    }
}
