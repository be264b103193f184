import TestSupport
import Foundation
import Testing
@testable import AgendaCore

/// Files are scanned on several threads but merged in one fixed order: the result must not depend on how many
/// threads scan or which scan finishes first.
@Suite struct ParallelScanTests {
    static let header = "district_code,period,indicator_id,value,area,note\n"

    /// Windows-874 bytes of `text` (Thai Excel's "CSV (Comma delimited)").
    static func windows874(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { s in
            s.value < 0x80 ? UInt8(s.value) : UInt8(Windows874.table.firstIndex(of: s.value)!)
        }
    }

    /// Twelve files over three districts: cumulative resubmissions (the same keys again in later files, with
    /// labels met in a different order), keys repeated inside a file, a Windows-874 file, a file with a
    /// broken header, bad rows and blank values. Modification times tie on purpose, so the path decides too.
    static func files() -> [SubmissionFile] {
        let villages = ["บ้านก หมู่ 1", "บ้านข หมู่ 2", "Moo 3", "บ้านง หมู่ 4", "บ้านจ หมู่ 5"]
        let notes = ["", "", "ส่งล่าช้า", "revised"]
        var files: [SubmissionFile] = []
        for index in 0..<12 {
            let district = "560\(1 + index % 3)"
            var lines: [String] = []
            for month in 1...3 {
                for (v, village) in villages.enumerated() {
                    // Later files name villages in another order and add one of their own, so label ids must be
                    // mapped, not copied.
                    let area = (v + index) % 4 == 0 ? "\(village) ชุด \(index)" : villages[(v + index) % villages.count]
                    for indicator in ["NR01", "NR02", "ST01"] {
                        let roll = (index * 31 + month * 7 + v * 3 + indicator.utf8.count) % 23
                        let value = roll == 0 ? "" : roll == 1 ? "-4" : "\(index * 100 + month * 10 + v)"
                        lines.append("\(district),2565-0\(month),\(indicator),\(value),\(area),\(notes[(index + v) % notes.count])")
                    }
                }
            }
            if index % 4 == 1 { lines.append(lines[2]); lines.append(lines[7]) }  // in-file duplicates
            if index == 5 { lines.append("5601,2565-13,NR01,1,,") }
            let text = (index == 9 ? "district_code,period,value\n" : header) + lines.joined(separator: "\n") + "\n"
            let bytes = index == 7 ? windows874(text) : Array(text.utf8)
            let modified = Date(timeIntervalSince1970: 1_650_000_000 + Double(index / 2) * 3600)
            files.append(SubmissionFile(bytes: bytes, displayPath: "d\(district)/f\(index).csv", modified: modified))
        }
        return files
    }

    func importer(workers: Int, retain: Bool) throws -> SubmissionImporter {
        var importer = SubmissionImporter(reference: try Fixtures.reference())
        importer.asOf = BangkokCalendar.startOfDay(yearCE: 2022, month: 6, day: 30)
        importer.scanWorkers = workers
        importer.retainValues = retain
        importer.chunkSize = 64  // many refills per file, so scans interleave
        return importer
    }

    @Test(arguments: [true, false])
    func oneWorkerAndSeveralGiveTheSameResult(retain: Bool) throws {
        let files = Self.files()
        let one = try importer(workers: 1, retain: retain).importFiles(files)
        #expect(one.superseded.count > 0 || !retain)
        #expect(one.rejections.contains { $0.reason.en.contains("other line(s)") })
        #expect(one.sources.contains { $0.superseded > 0 })
        for workers in [2, 3, 8] {
            for _ in 0..<3 {
                let many = try importer(workers: workers, retain: retain).importFiles(files)
                #expect(many.sources == one.sources)
                #expect(many.rejections == one.rejections)
                #expect(many.notices == one.notices)
                #expect(Array(many.accepted) == Array(one.accepted))
                #expect(many.accepted.labels == one.accepted.labels)
                #expect(Array(many.superseded) == Array(one.superseded))
            }
        }
    }

    @Test func progressIsReportedInPrecedenceOrder() throws {
        let files = Self.files()
        final class Calls: @unchecked Sendable {
            // Safe: `progress` is called on the importing thread only, one call after another.
            var seen: [Int] = []
        }
        let calls = Calls()
        var importer = try importer(workers: 4, retain: false)
        importer.progress = { done, total, _ in
            calls.seen.append(done)
            #expect(total == files.count)
        }
        _ = importer.importFiles(files)
        #expect(calls.seen == Array(1...files.count))
    }

    @Test func labelIDsFollowFirstSightingAcrossFilesInPrecedenceOrder() throws {
        let old = Self.header + "5601,2565-01,NR02,1,B,n1\n5601,2565-01,NR01,1,A,\n"
        let new = Self.header + "5601,2565-01,NR02,2,C,\n5601,2565-02,NR02,2,A,n1\n5601,2565-03,NR02,2,D,n2\n"
        let files = [
            SubmissionFile(bytes: Array(new.utf8), displayPath: "a-new.csv", modified: Date(timeIntervalSince1970: 2_000)),
            SubmissionFile(bytes: Array(old.utf8), displayPath: "z-old.csv", modified: Date(timeIntervalSince1970: 1_000)),
        ]
        for workers in [1, 2] {
            let result = try importer(workers: workers, retain: true).importFiles(files)
            #expect(result.accepted.labels == ["", "B", "n1", "A", "C", "D", "n2"])
            #expect(result.accepted.map(\.key.area) == ["A", "B", "C", "A", "D"])
        }
    }
}
