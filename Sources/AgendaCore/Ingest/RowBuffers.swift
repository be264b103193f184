import Foundation

/// The scans' row arrays, handed back by the merge once it has taken a file's rows and reused by the next scans.
///
/// Why: a report's import keeps large blocks mapped on their own (`MemoryTuning.forImport`, so the held rows it
/// frees while assembling return to the system). A scan's rows, grown by doubling to a few megabytes per file and
/// freed after the merge, were then mapped, faulted in, copied and unmapped again for every file: the kernel's
/// memory work was a seventh of the scan phase at village scale. Recycled, each array's pages stay mapped; only as
/// many arrays live as scans are in flight.
final class RowBuffers: @unchecked Sendable {
    // @unchecked Sendable: `spare` is read and written only while `lock` is held.
    private let lock = NSLock()
    private var spare: [[CompactRow]] = []
    /// Arrays kept at most: more than the scans a pipeline holds at once is only memory.
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    /// An empty array, with room from an earlier file when one was handed back.
    func take() -> [CompactRow] {
        lock.withLock { spare.popLast() } ?? []
    }

    /// Takes `rows` back for reuse (emptied, its room kept), leaving `rows` empty.
    func give(_ rows: inout [CompactRow]) {
        var recycled: [CompactRow] = []
        swap(&recycled, &rows)
        guard recycled.capacity > 0 else { return }
        recycled.removeAll(keepingCapacity: true)
        lock.withLock {
            if spare.count < limit { spare.append(recycled) }
        }
    }

    /// Frees every kept array: called once the scans are done, before the store is assembled (the import's peak).
    func drain() {
        lock.withLock { spare = [] }
    }
}
