import TestSupport
import Foundation
import Testing
@testable import AgendaJobs
@testable import AgendaCore

/// Finding the files under `submissions/`: what is read, what is skipped with a reason, and that nothing found
/// there can block the walk (a FIFO is only ever `stat`ed, never opened).
@Suite("Submission discovery")
struct SubmissionDiscoveryTests {
    static let header = "district_code,period,indicator_id,value\n"

    /// A submissions folder holding one good file per district folder, plus every kind of thing a share collects.
    func messyInputs() throws -> URL {
        let root = try Fixtures.scratch()
        let submissions = root.appendingPathComponent("submissions")
        let row = Self.header + "5601,2565-01,NR02,5\n"
        try Fixtures.write(row, to: submissions.appendingPathComponent("5601/2565-01.csv"))
        try Fixtures.write(row, to: submissions.appendingPathComponent("5601/.hidden.csv"))
        try Fixtures.write(row, to: submissions.appendingPathComponent(".old/5601-2565-01.csv"))
        try Fixtures.write(row, to: submissions.appendingPathComponent("5601/~$2565-01.csv"))
        try Fixtures.write(row, to: submissions.appendingPathComponent("5601/2565-02.csv "))
        try Fixtures.write(row, to: submissions.appendingPathComponent("5601/2565-03.csv."))
        try Fixtures.write("PK", to: submissions.appendingPathComponent("5601/2565-04.xlsx"))
        try Fixtures.write("notes", to: submissions.appendingPathComponent("README.md"))
        try Fixtures.write(".DS_Store", to: submissions.appendingPathComponent(".DS_Store"))
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: submissions.appendingPathComponent("5601/linked.csv").path,
                                  withDestinationPath: "2565-01.csv")
        try fm.createSymbolicLink(atPath: submissions.appendingPathComponent("5601/gone.csv").path,
                                  withDestinationPath: "/nonexistent/file.csv")
        try fm.createSymbolicLink(atPath: submissions.appendingPathComponent("5601/loop.csv").path,
                                  withDestinationPath: "loop.csv")
        try fm.createSymbolicLink(atPath: submissions.appendingPathComponent("5601/back").path,
                                  withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: submissions.appendingPathComponent("5601/zero.csv").path,
                                  withDestinationPath: "/dev/zero")
        #expect(mkfifo(submissions.appendingPathComponent("5601/pipe.csv").path, 0o644) == 0)
        return root
    }

    @Test("regular files and symlinks to them are read; every other would-be submission is listed with a reason")
    func messyShare() throws {
        let root = try messyInputs()
        defer { try? FileManager.default.removeItem(at: root) }
        let found = try SubmissionDiscovery.discover(root: root)
        #expect(found.files.map(\.displayPath) == ["submissions/5601/2565-01.csv", "submissions/5601/linked.csv"])
        let reasons = Dictionary(uniqueKeysWithValues: found.skipped.map { ($0.path, $0.reason.en) })
        #expect(found.skipped.map(\.path) == found.skipped.map(\.path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(reasons["submissions/.old"]?.contains("hidden folder") == true, "\(reasons)")
        #expect(reasons["submissions/5601/.hidden.csv"]?.contains("hidden file") == true)
        #expect(reasons["submissions/5601/~$2565-01.csv"]?.contains("lock file") == true)
        #expect(reasons["submissions/5601/2565-02.csv "]?.contains("spaces or dots after .csv") == true)
        #expect(reasons["submissions/5601/2565-03.csv."]?.contains("spaces or dots after .csv") == true)
        #expect(reasons["submissions/5601/2565-04.xlsx"]?.contains("CSV UTF-8") == true)
        #expect(reasons["submissions/5601/gone.csv"]?.contains("no longer exists") == true)
        #expect(reasons["submissions/5601/loop.csv"]?.contains("loops") == true)
        #expect(reasons["submissions/5601/back"]?.contains("loops") == true)
        #expect(reasons["submissions/5601/zero.csv"]?.contains("a device") == true)
        #expect(reasons["submissions/5601/pipe.csv"]?.contains("FIFO") == true)
        #expect(reasons["submissions/README.md"] == nil && reasons["submissions/.DS_Store"] == nil,
                "non-CSV files are ignored silently")
        #expect(found.skipped.allSatisfy { !$0.reason.th.isEmpty })
        #expect(found.rejections.isEmpty)
    }

    @Test("importInputs carries the skipped list into the result and reads the same files")
    func importCarriesSkipped() throws {
        let root = try messyInputs()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try SubmissionImporter(reference: try Fixtures.reference()).importInputs(root: root)
        #expect(result.sources.map(\.path) == ["submissions/5601/2565-01.csv", "submissions/5601/linked.csv"])
        #expect(result.skipped.count == 11)
        #expect(try SubmissionDiscovery.discover(root: root).files.count == 2)
    }

    @Test("an unreadable district folder is a whole-file rejection; the other districts are still read",
          .enabled(if: getuid() != 0, "root reads any folder; the process-level test covers this as nobody"))
    func unreadableFolder() throws {
        let root = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let row = Self.header + "5601,2565-01,NR02,5\n"
        try Fixtures.write(row, to: root.appendingPathComponent("submissions/5601/a.csv"))
        try Fixtures.write(row, to: root.appendingPathComponent("submissions/5602/b.csv"))
        let locked = root.appendingPathComponent("submissions/5602")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
        let result = try SubmissionImporter(reference: try Fixtures.reference()).importInputs(root: root)
        #expect(result.sources.map(\.path) == ["submissions/5601/a.csv"])
        #expect(result.rejections.map(\.file) == ["submissions/5602/"])
        #expect(result.rejections.first?.wholeFile == true)
        #expect(result.rejections.first?.reason.en.contains("Cannot read this folder") == true)
    }

    @Test("merged folder rejections keep the rejections in file order")
    func mergeOrder() {
        func rejection(_ file: String, _ line: Int) -> Rejection {
            Rejection(file: file, line: line, column: "", text: "", reason: BilingualText(th: "x", en: "x"))
        }
        var result = ImportResult(sources: [], accepted: [], superseded: [],
                                  rejections: [rejection("submissions/a.csv", 3), rejection("submissions/c.csv", 2)])
        result.merge(SubmissionDiscovery(skipped: [SkippedPath(path: "submissions/.x", reason: BilingualText(th: "t", en: "e"))],
                                         rejections: [rejection("submissions/b/", 0)]))
        #expect(result.rejections.map(\.file) == ["submissions/a.csv", "submissions/b/", "submissions/c.csv"])
        #expect(result.skipped.map(\.path) == ["submissions/.x"])
    }

    @Test("a FIFO, device or folder named on the command line is rejected from stat alone; files are not")
    func explicitFiles() throws {
        let root = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let fifo = root.appendingPathComponent("pipe.csv")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let plain = try Fixtures.write(Self.header, to: root.appendingPathComponent("ok.csv"))
        func check(_ url: URL) -> Rejection? {
            SubmissionDiscovery.rejectionForExplicitFile(path: url.path, displayPath: url.path)
        }
        #expect(check(fifo)?.reason.en.contains("FIFO") == true)
        #expect(check(fifo)?.wholeFile == true)
        #expect(check(URL(fileURLWithPath: "/dev/zero"))?.reason.en.contains("device") == true)
        #expect(check(root)?.reason.en.contains("folder") == true)
        #expect(check(plain) == nil)
        #expect(check(root.appendingPathComponent("missing.csv")) == nil, "the importer says 'no such file'")
    }
}
