import TestSupport
import Foundation
import Testing
@testable import AgendaCore

/// The importer with a scan store: a stored scan gives exactly the result of reading the file again, and anything
/// wrong with a stored scan makes it a miss.
@Suite struct ScanStoreTests {
    /// A store in memory that counts what it is asked.
    final class MemoryStore: ScanStore, @unchecked Sendable {
        // Safe: every access to the fields below holds `lock`.
        private let lock = NSLock()
        private var entries: [String: [UInt8]] = [:]
        private(set) var loads = 0
        private(set) var hits = 0
        private(set) var saves = 0

        func load(path: String, identity: String, context: String) -> [UInt8]? {
            lock.withLock {
                loads += 1
                let found = entries[path + "\u{0}" + identity + "\u{0}" + context]
                if found != nil { hits += 1 }
                return found
            }
        }

        func save(_ bytes: [UInt8], path: String, identity: String, context: String) {
            lock.withLock {
                saves += 1
                entries[path + "\u{0}" + identity + "\u{0}" + context] = bytes
            }
        }

        /// Applies `change` to every stored entry.
        func damage(_ change: (inout [UInt8]) -> Void) {
            lock.withLock { for key in entries.keys { change(&entries[key]!) } }
        }
    }

    static func files(identities: Bool = true) -> [SubmissionFile] {
        ParallelScanTests.files().enumerated().map { index, file in
            var file = file
            if identities { file.identity = "id-\(index)" }
            return file
        }
    }

    func expectSame(_ a: ImportResult, _ b: ImportResult, _ comment: Comment? = nil) {
        #expect(a.sources == b.sources, comment)
        #expect(a.rejections == b.rejections, comment)
        #expect(a.notices == b.notices, comment)
        #expect(Array(a.accepted) == Array(b.accepted), comment)
        #expect(a.accepted.labels == b.accepted.labels, comment)
        #expect(Array(a.superseded) == Array(b.superseded), comment)
    }

    @Test("a second import reads every scan from the store and gives the same result as reading the files")
    func hitsGiveTheSameResult() throws {
        let plain = try ParallelScanTests().importer(workers: 2, retain: true).importFiles(Self.files())
        let store = MemoryStore()
        var importer = try ParallelScanTests().importer(workers: 2, retain: true)
        importer.scanStore = store
        let cold = importer.importFiles(Self.files())
        #expect(store.saves == 12 && store.hits == 0)
        expectSame(cold, plain)
        let warm = importer.importFiles(Self.files())
        #expect(store.hits == 12, "every file from the store")
        expectSame(warm, plain)
    }

    @Test("no identity, no caching; a damaged entry is read again; another context is a miss")
    func misses() throws {
        let plain = try ParallelScanTests().importer(workers: 1, retain: true).importFiles(Self.files())
        let store = MemoryStore()
        var importer = try ParallelScanTests().importer(workers: 1, retain: true)
        importer.scanStore = store
        _ = importer.importFiles(Self.files(identities: false))
        #expect(store.loads == 0 && store.saves == 0)

        _ = importer.importFiles(Self.files())
        store.damage { $0.removeLast(3) }
        expectSame(importer.importFiles(Self.files()), plain, "truncated entries are read again")
        // A changed byte inside a row is the store's to catch (`DiskScanCache` checks an XXH64); what the codec
        // can see, it refuses: a wrong format mark, a length running past the end, extra bytes.
        store.damage { $0[0] ^= 0xFF }
        expectSame(importer.importFiles(Self.files()), plain, "entries with a wrong format mark")
        store.damage { $0[0] ^= 0xFF; $0 += [0] }
        expectSame(importer.importFiles(Self.files()), plain, "entries with a byte too many")

        let hitsBefore = store.hits
        importer.asOf = BangkokCalendar.startOfDay(yearCE: 2023, month: 6, day: 30)  // another latest plausible month
        _ = importer.importFiles(Self.files())
        #expect(store.hits == hitsBefore, "a scan made for another latest month is not reused")
    }
}
