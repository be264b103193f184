import AgendaCore
@testable import AgendaJobs
import Foundation
import TestSupport
import Testing

/// The scan cache never changes a number: reports built cold, warm, after an edit and over a damaged cache are
/// byte-identical to reports built without it.
@Suite struct ScanCacheReportTests {
    func sampleInputs(_ root: URL) throws -> URL { try SampleInputs.copy(into: root) }

    /// Every file of the FY2565 report folder, by relative path.
    func report(_ inputs: URL, _ out: URL, cache: Bool) throws -> [String: Data] {
        let configuration = ReportJobConfiguration(inputs: inputs, output: out, asOf: BangkokCalendar.parseDay("2565-10-10"),
                                                   showProgress: false, useScanCache: cache)
        let outcome = ReportJob(configuration: configuration).run(scopes: [.year(2565)])
        #expect(outcome.status == .writtenWithRejections, "\(String(describing: outcome.failure))")
        let folder = out.appendingPathComponent("FY2565")
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder.path) ?? FileManager.DirectoryEnumerator() {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder),
               !isFolder.boolValue {
                files[path] = try Data(contentsOf: folder.appendingPathComponent(path))
            }
        }
        return files
    }

    func entries(_ out: URL) -> [URL] {
        let folder = out.appendingPathComponent(".cache/scans")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            .map { folder.appendingPathComponent($0) }
    }

    @Test("cold, warm, edited and damaged: always the bytes of a report built without the cache")
    func byteIdentical() throws {
        let root = try makeTemporaryFolder("scan-cache-report")
        defer { try? FileManager.default.removeItem(at: root) }
        let inputs = try sampleInputs(root)
        let plainOut = root.appendingPathComponent("plain"), cachedOut = root.appendingPathComponent("cached")
        let plain = try report(inputs, plainOut, cache: false)
        #expect(!FileManager.default.fileExists(atPath: plainOut.appendingPathComponent(".cache").path), "--no-cache writes none")
        #expect(try report(inputs, cachedOut, cache: true) == plain, "cold")
        let files = try FileManager.default.subpathsOfDirectory(atPath: inputs.appendingPathComponent("submissions").path)
            .filter { $0.hasSuffix(".csv") }
        #expect(entries(cachedOut).count == files.count, "one entry per submission")
        let stamps = try entries(cachedOut).map { try FileManager.default.attributesOfItem(atPath: $0.path)[.modificationDate] as? Date }
        #expect(try report(inputs, cachedOut, cache: true) == plain, "warm")
        let again = try entries(cachedOut).map { try FileManager.default.attributesOfItem(atPath: $0.path)[.modificationDate] as? Date }
        #expect(again == stamps, "a warm run reads the entries and rewrites none")

        // An edited file: its entry no longer matches, and the report is the plain report of the edited inputs.
        let edited = inputs.appendingPathComponent("submissions/5606-pong/2565-05.csv")
        let modified = try FileManager.default.attributesOfItem(atPath: edited.path)[.modificationDate] as! Date
        let text = try String(contentsOf: edited, encoding: .utf8)
        let changedText = text.replacingOccurrences(of: "\n5606,2565-05,", with: "\n5606,2565-05,", options: [], range: nil)
            + "5606,2565-05,trees_planted,ป่าชุมชนใหม่,7,เพิ่มเติม\n"
        try changedText.write(to: edited, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: edited.path)
        let editedPlain = try report(inputs, root.appendingPathComponent("plain-2"), cache: false)
        #expect(editedPlain != plain, "the edit shows")
        #expect(try report(inputs, cachedOut, cache: true) == editedPlain, "after an edit with the same mtime")

        // Damaged entries: one bit flipped in each, and one cut short.
        for (i, entry) in entries(cachedOut).enumerated() {
            var data = try Data(contentsOf: entry)
            if i % 2 == 0 { data[data.count / 2] ^= 0x01 } else { data = data.prefix(data.count - 5) }
            try data.write(to: entry)
        }
        #expect(try report(inputs, cachedOut, cache: true) == editedPlain, "over a damaged cache")
    }
}
