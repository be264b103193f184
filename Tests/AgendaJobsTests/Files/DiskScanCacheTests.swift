@testable import AgendaJobs
import Foundation
import TestSupport
import Testing

@Suite struct DiskScanCacheTests {
    static let identity = "2049:1234:42:1600000000.123456789:1600000000.123456789"

    @Test("a saved scan comes back only for the same path, identity, context and reference tables")
    func keyed() throws {
        let out = try makeTemporaryFolder("scan-cache")
        defer { try? FileManager.default.removeItem(at: out) }
        let cache = DiskScanCache(output: out, referenceDigest: "ref-1")
        let bytes: [UInt8] = Array("scan bytes\n\t\0".utf8)
        cache.save(bytes, path: "submissions/a.csv", identity: Self.identity, context: "v1")
        #expect(cache.load(path: "submissions/a.csv", identity: Self.identity, context: "v1") == bytes)
        #expect(cache.load(path: "submissions/b.csv", identity: Self.identity, context: "v1") == nil)
        #expect(cache.load(path: "submissions/a.csv", identity: Self.identity + "1", context: "v1") == nil)
        #expect(cache.load(path: "submissions/a.csv", identity: Self.identity, context: "v2") == nil)
        #expect(DiskScanCache(output: out, referenceDigest: "ref-2")
            .load(path: "submissions/a.csv", identity: Self.identity, context: "v1") == nil)
    }

    @Test("a corrupt or truncated entry is a miss, never trusted")
    func damaged() throws {
        let out = try makeTemporaryFolder("scan-cache-damaged")
        defer { try? FileManager.default.removeItem(at: out) }
        let cache = DiskScanCache(output: out, referenceDigest: "ref")
        cache.save([UInt8](repeating: 7, count: 1_000), path: "p", identity: Self.identity, context: "c")
        let folder = out.appendingPathComponent(".cache/scans")
        let entry = folder.appendingPathComponent(try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first))
        var data = try Data(contentsOf: entry)
        data[data.count / 2] ^= 1
        try data.write(to: entry)
        #expect(cache.load(path: "p", identity: Self.identity, context: "c") == nil)
        try data.prefix(100).write(to: entry)
        #expect(cache.load(path: "p", identity: Self.identity, context: "c") == nil)
        try Data().write(to: entry)
        #expect(cache.load(path: "p", identity: Self.identity, context: "c") == nil)
    }

    @Test("a file modified moments before the run is not cached; prune removes entries no path asked for")
    func racyAndPrune() throws {
        let out = try makeTemporaryFolder("scan-cache-racy")
        defer { try? FileManager.default.removeItem(at: out) }
        let now = Date()
        let fresh = "1:1:1:\(now.timeIntervalSince1970 - 1):\(now.timeIntervalSince1970 - 1)"
        let cache = DiskScanCache(output: out, referenceDigest: "r", startedAt: now)
        cache.save([1], path: "fresh", identity: fresh, context: "c")
        #expect(cache.load(path: "fresh", identity: fresh, context: "c") == nil)
        cache.save([1], path: "kept", identity: Self.identity, context: "c")
        cache.save([2], path: "gone", identity: Self.identity, context: "c")
        let leftover = out.appendingPathComponent(".cache/scans/.abc.scan.999-1")
        try Data([9]).write(to: leftover)  // a temporary file of a run killed while saving
        let next = DiskScanCache(output: out, referenceDigest: "r")
        #expect(next.load(path: "kept", identity: Self.identity, context: "c") == [1])
        next.prune()
        #expect(next.load(path: "kept", identity: Self.identity, context: "c") == [1])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent(".cache/scans").path).count == 1)
    }
}
