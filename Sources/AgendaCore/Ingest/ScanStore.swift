/// Where an import keeps finished file scans, so a file that has not changed since the last run is not read,
/// decoded and checked again (`AgendaJobs.DiskScanCache` keeps them beside the reports).
///
/// A stored scan must never change a number. The importer asks only for files that carry an `identity` (what the
/// file system says about them: device, inode, size, modification and change times to the nanosecond), and names
/// in `context` everything else a scan depends on (the program version, the scanner's settings); the store adds
/// what it knows of the reference tables. Any difference is a miss. The store checks its entries' integrity; the
/// importer decodes defensively and treats anything out of place as a miss too.
public protocol ScanStore: Sendable {
    /// The bytes saved for this file under exactly this identity and context, or nil.
    func load(path: String, identity: String, context: String) -> [UInt8]?
    /// Keeps `bytes` for this file, identity and context (replacing what was kept for the path); failures are
    /// silent: a store that cannot write only costs the next run time.
    func save(_ bytes: [UInt8], path: String, identity: String, context: String)
}
