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
/// CPU). From the heap, each indicator reuses the last one's memory.
public enum MemoryTuning {
    /// Before an import: large blocks mapped on their own, returned when freed.
    public static func forImport() { setMmapThreshold(128 << 10) }

    /// Once the inputs are in memory: large blocks from the heap, reused.
    public static func afterImport() { setMmapThreshold(32 << 20) }

    private static func setMmapThreshold(_ bytes: Int32) {
        #if canImport(Glibc)
        // mallopt is not in Swift's Glibc module; found through the dynamic linker (RTLD_DEFAULT is null).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        // M_MMAP_THRESHOLD in <malloc.h>; the macro is not imported either.
        let mmapThreshold: Int32 = -3
        _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, bytes)
        #endif
    }
}
