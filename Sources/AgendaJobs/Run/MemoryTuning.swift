#if canImport(Glibc)
import Glibc
#endif

/// Where large allocations come from: their own mappings while the inputs are imported, the heap afterwards.
///
/// Why during the import: glibc's malloc raises its mmap threshold each time a large block is freed (up to 32 MB),
/// after which blocks of that size come from the heap and freeing them no longer gives memory back. The import
/// frees each file's scanned rows (megabytes) as it merges them, so by the time it assembles the store, the held
/// rows' chunks it frees one by one (`HeldValues.take`) would only go back to the heap, and the peak would stay that
/// of the held rows and the store together. A fixed threshold of 128 KB (glibc's own starting value, no longer
/// raised) keeps every large array mapped on its own, the key table's per-group parts at village scale included:
/// measured on the 685 MB village set, peak RSS 1.19 GB without, 742 MB at 1 MB, 666 MB at 128 KB.
///
/// Only for a run that keeps the values (a report, a night, a closing): `validate` keeps no values, and mapping
/// each file's scan buffers afresh made it 15% slower. The largest of those buffers, the scans' row arrays, are
/// recycled between files (`RowBuffers`), which took the same cost out of a report's import (1 s of 8 at full
/// village scale).
///
/// Why not afterwards: the anomaly rule allocates a dozen arrays of every value of an indicator, indicator after
/// indicator; mapped afresh each time, their pages fault in again and again (a sixth of a village-scale night's
/// CPU). From the heap, each indicator reuses the last one's memory, provided the heap keeps it: a fixed mmap
/// threshold also fixes glibc's trim threshold at 128 KB, so freeing an indicator's arrays at the top of a heap gave
/// the pages back and the next indicator faulted them in again. After the import nothing is trimmed: the heap only
/// ever holds what one indicator's search needs on each thread. Measured on a full-scale three-year night: system
/// time 6.4 s to 4.3 s, wall 12.1 s to 10.7 s; peak RSS unchanged (the import's peak comes first).
public enum MemoryTuning {
    /// Before an import: large blocks mapped on their own, returned when freed; the heap trimmed as glibc's
    /// default does (a run after another in the same process starts from the same state).
    public static func forImport() {
        mallopt(mmapThreshold, 128 << 10)
        mallopt(trimThreshold, 128 << 10)
    }

    /// Once the inputs are in memory: large blocks from the heap, reused and kept.
    public static func afterImport() {
        mallopt(mmapThreshold, 32 << 20)
        mallopt(trimThreshold, Int32.max)
    }

    // M_TRIM_THRESHOLD and M_MMAP_THRESHOLD in <malloc.h>; the macros are not imported.
    private static let trimThreshold: Int32 = -1
    private static let mmapThreshold: Int32 = -3

    private static func mallopt(_ parameter: Int32, _ value: Int32) {
        #if canImport(Glibc)
        // mallopt is not in Swift's Glibc module; found through the dynamic linker (RTLD_DEFAULT is null).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(parameter, value)
        #endif
    }
}
