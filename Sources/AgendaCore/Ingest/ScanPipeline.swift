import Foundation

/// Runs the scan phase of an import on several threads and hands the scans back strictly in precedence order.
///
/// Why: files are independent until they are merged, and scanning (splitting, checking, SHA-256) is nearly all
/// of an import's time, so scans run on up to `workers` threads while the caller merges. Why in order: the merge
/// decides winners, superseded values, duplicate rejections and label ids by the order it sees files, so taking
/// scans in precedence order, whatever order they finish in, keeps every result identical to a one-thread run.
///
/// Memory stays bounded: a scan may start only while it is fewer than `window` positions ahead of the next one to
/// merge, so at most `window` scanned files (plus the one being merged) are held at once, however many files
/// there are.
final class ScanPipeline: @unchecked Sendable {
    // @unchecked Sendable is safe here: every stored `var` below is read and written only while `condition` is
    // locked, and the `let`s are immutable after init.
    private let condition = NSCondition()
    private var scans: [FileScan?]
    private var nextToStart = 0
    private var nextToMerge = 0
    private let window: Int

    private init(count: Int, window: Int) {
        scans = [FileScan?](repeating: nil, count: count)
        self.window = max(1, window)
    }

    /// Scans positions `0 ..< count` with `scan` on `workers` threads (none when `workers <= 1`: then each scan
    /// runs on the calling thread just before it is merged) and calls `merge` on the calling thread for each
    /// position in increasing order.
    static func run(count: Int, workers: Int, scan: @escaping @Sendable (Int) -> FileScan,
                    merge: (Int, inout FileScan) -> Void) {
        let workers = min(workers, count)
        guard workers > 1 else {
            for position in 0..<count {
                var result = scan(position)
                merge(position, &result)
            }
            return
        }
        let pipeline = ScanPipeline(count: count, window: workers + 1)
        for _ in 0..<workers {
            let thread = Thread { pipeline.work(scan) }
            // Secondary threads default to a small stack on Linux; give workers what the main thread has.
            thread.stackSize = 8 << 20
            thread.start()
        }
        for position in 0..<count {
            var result = pipeline.take(position)
            merge(position, &result)
        }
    }

    /// A worker: takes the next position allowed by the window, scans it, publishes the scan; ends when every
    /// position has been started.
    private func work(_ scan: (Int) -> FileScan) {
        while true {
            condition.lock()
            while nextToStart < scans.count && nextToStart >= nextToMerge + window { condition.wait() }
            guard nextToStart < scans.count else {
                condition.unlock()
                return
            }
            let position = nextToStart
            nextToStart += 1
            condition.unlock()
            let result = scan(position)
            condition.lock()
            scans[position] = result
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Waits for the scan at `position` (the next in order), takes it out, and lets workers start further ahead.
    private func take(_ position: Int) -> FileScan {
        condition.lock()
        defer { condition.unlock() }
        while scans[position] == nil { condition.wait() }
        let result = scans[position]!
        scans[position] = nil
        nextToMerge = position + 1
        condition.broadcast()
        return result
    }
}

/// The import's label table: every distinct area label and note text once, in the order the merge first meets
/// them (files in precedence order, each file's labels in the order its scan first interned them).
///
/// Why: each scan interns labels into its own table so scans can run in parallel; the merge maps every file's
/// local ids to these ids. Meeting texts in that order gives exactly the ids one shared interner gave when files
/// were scanned one after another.
struct ImportLabels {
    private(set) var labels: [String] = [""]
    private var ids: [String: UInt32] = ["": 0]
    /// The last file's local labels and their global ids, by its first label. A district names the same areas in
    /// the same order month after month, and comparing 8,000 short labels costs far less than hashing them: this
    /// runs in the merge, the import's one serial phase. At most `recentLimit` lists are kept (a district's list
    /// each, with room to spare), so files that each start with a label of their own cannot keep every file's
    /// labels alive to the end of the import.
    private var recent: [String: (local: [String], global: [UInt32])] = [:]
    static let recentLimit = 64
    /// Lists kept in `recent`, for tests.
    var recentCount: Int { recent.count }

    /// The global id of each of a file's local labels (local label 0, the empty string, stays 0).
    mutating func globalIDs(of local: [String]) -> [UInt32] {
        let first = local.count > 1 ? local[1] : ""
        if let known = recent[first], known.local == local { return known.global }
        let global = local.map { text in
            if let id = ids[text] { return id }
            let id = UInt32(labels.count)
            labels.append(text)
            ids[text] = id
            return id
        }
        if recent.count >= Self.recentLimit && recent[first] == nil { recent.removeAll(keepingCapacity: true) }
        recent[first] = (local, global)
        return global
    }
}

extension FileScan {
    /// Rewrites the rows' area and note label ids from this file's own table to the import's.
    mutating func relabel(_ globalIDs: [UInt32]) {
        // Nothing to do when the file's labels already sit at the same ids (the first file, or files naming
        // nothing new in the same order); checking is cheaper than rewriting a file's rows.
        if globalIDs.enumerated().allSatisfy({ UInt32($0.offset) == $0.element }) { return }
        globalIDs.withUnsafeBufferPointer { ids in
            rows.withUnsafeMutableBufferPointer { rows in
                for i in rows.indices {
                    rows[i].key.area = ids[Int(rows[i].key.area)]
                    rows[i].note = ids[Int(rows[i].note)]
                }
            }
        }
    }
}
