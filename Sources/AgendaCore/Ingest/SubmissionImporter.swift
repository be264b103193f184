import Foundation

/// A submission to read: the path shown in messages (relative to the inputs folder, or as typed on the command
/// line for `validate`), when it was last modified (the later file wins a key), and how to open its bytes, afresh
/// for each reading attempt (an encoding retry reads the file again).
///
/// The core never touches the file system: `AgendaJobs` makes these for files on disk (`SubmissionFile.onDisk`),
/// tests and the fuzzer from bytes in memory.
public struct SubmissionFile: Sendable {
    public var displayPath: String
    public var modified: Date
    /// What the file system says identifies this version of the file (device, inode, size, modification and
    /// change times), when it is on disk: the scan cache's key (`ScanStore`). nil: never cached.
    public var identity: String?
    /// Opens the raw bytes; throws `SubmissionUnreadable` (or any error) when the file cannot be read.
    public let open: @Sendable () throws -> any ByteChunkSource

    public init(displayPath: String, modified: Date, open: @escaping @Sendable () throws -> any ByteChunkSource) {
        self.displayPath = displayPath
        self.modified = modified
        self.open = open
    }

    /// A submission held in memory.
    public init(bytes: [UInt8], displayPath: String, modified: Date = Date(timeIntervalSince1970: 0)) {
        self.init(displayPath: displayPath, modified: modified) { ByteArraySource(bytes) }
    }
}

/// Thrown by `SubmissionFile.open` when a submission cannot be read, with the reason the clerk is shown (a FIFO,
/// a device, a missing or unreadable file).
public struct SubmissionUnreadable: Error, Sendable {
    public var reason: BilingualText

    public init(reason: BilingualText) {
        self.reason = reason
    }
}

/// Reads district submissions, checks every row against the reference data and decides which value counts.
///
/// Rules: a key (district, month, indicator, area) twice in one file rejects both rows; the same
/// key in two files is won by the file modified later (a tie goes to the later path in byte order) and the loser
/// is kept as superseded, never added. One unreadable or broken file never stops the others. For every file,
/// rows read = accepted + superseded + rejected + blank; rows read counts data records, not the header, blank
/// lines or all-empty rows (`,,,,` from a cleared Excel row), and a file rejected whole reads no rows.
public struct SubmissionImporter: Sendable {
    public let reference: ReferenceData
    /// Bytes read per chunk; memory stays near this plus the longest record.
    public var chunkSize: Int = 1 << 20
    /// The longest record read; a longer one (a stray quote) is rejected and reading resumes on its next line.
    public var maxRecordBytes: Int = 16 << 20
    /// When false, `accepted` and `superseded` come back empty while every count and rejection is still exact:
    /// for `validate` on very large inputs, where only the problems matter.
    public var retainValues: Bool = true
    /// Called after each file with (files read, files in all, data rows read so far): the progress line a
    /// coordinator sees on a terminal during a long import.
    public var progress: (@Sendable (_ filesRead: Int, _ filesTotal: Int, _ rowsRead: Int) -> Void)?
    /// The report's as-of instant, when given (`--as-of`; `validate` passes the current time). A period more than
    /// a year after the later of this and the newest file's modification time is implausible and rejected. The
    /// later of the two, so that a report run for an old as-of day never rejects data sent since.
    public var asOf: Date?
    /// Threads that scan files at once; nil means one per active processor. Results never depend on it: scans
    /// are merged in the same fixed order (`ScanPipeline`), so tests compare 1 and several workers.
    public var scanWorkers: Int?
    /// Where finished scans are kept and found again (`ScanStore`); nil: every file is read.
    public var scanStore: (any ScanStore)?

    public init(reference: ReferenceData) {
        self.reference = reference
    }

    /// Imports `files` in three named phases, each in its own type:
    /// 1. **order** (`ImportOrder`): files in path byte order for the output, and in precedence order (oldest
    ///    modification first, ties by path) for reading, so a later file's value always replaces what is held;
    /// 2. **scan and merge**: `SubmissionScanner` reads and checks each file's rows, on up to `scanWorkers`
    ///    threads at once and with a label table of its own; then, strictly in precedence order on this thread,
    ///    the file's labels are mapped to the import's (`ImportLabels`) and `WinnerMerge.absorb` merges its rows
    ///    into the table of winning values (rejecting keys repeated in the file, keeping what a later file
    ///    replaced as superseded) and drops them;
    /// 3. **assemble** (`WinnerMerge.assemble`): the winners and the superseded values become the sorted column
    ///    stores of `ImportResult`, with each file's accounting.
    public func importFiles(_ files: [SubmissionFile]) -> ImportResult {
        let order = ImportOrder(files)
        let lookups = ReferenceLookups(reference)
        let newest = max(asOf ?? .distantPast, order.files.map(\.modified).max() ?? .distantPast)
        let latestMonth = BangkokCalendar.day(of: newest == .distantPast ? Date(timeIntervalSince1970: 0) : newest).month
            .advanced(by: 12)
        let workers = scanWorkers ?? ProcessInfo.processInfo.activeProcessorCount
        let rowBuffers = RowBuffers(limit: workers + 2)
        let scanner = SubmissionScanner(
            lookups: lookups, chunkSize: chunkSize, maxRecordBytes: max(maxRecordBytes, chunkSize), latestMonth: latestMonth,
            rowBuffers: rowBuffers)
        var labels = ImportLabels()
        var merge = WinnerMerge(fileCount: order.files.count, districtCount: lookups.districtCodes.count,
                                retainValues: retainValues)
        var rowsSoFar = 0
        let files = order.files, precedence = order.precedence
        let store = scanStore
        let context = "scan \(FileScanCodec.formatVersion) program \(ProgramVersion.current) latest \(latestMonth.label) "
            + "record \(max(maxRecordBytes, chunkSize)) chunk \(chunkSize)"
        ScanPipeline.run(count: precedence.count, workers: workers,
                         scan: { Self.scan(files[precedence[$0]], scanner, store: store, context: context, lookups: lookups) })
        { done, scan in
            let fileIndex = precedence[done]
            rowsSoFar += scan.rowsRead
            progress?(done + 1, precedence.count, rowsSoFar)
            scan.relabel(labels.globalIDs(of: scan.labels))
            scan.labels = []
            var spent = merge.absorb(&scan, file: fileIndex, displayPath: files[fileIndex].displayPath, lookups: lookups,
                                     labels: labels.labels)
            rowBuffers.give(&spent)
        }
        rowBuffers.drain()
        return merge.assemble(files: order.files, lookups: lookups, labels: labels.labels)
    }
}

extension SubmissionImporter {
    /// A file's scan: from `store` when it holds one for exactly this file version and context, else read, and
    /// then kept there. A stored scan that does not decode or does not fit the reference data is a miss.
    static func scan(_ file: SubmissionFile, _ scanner: SubmissionScanner, store: (any ScanStore)?, context: String,
                     lookups: ReferenceLookups) -> FileScan {
        guard let store, let identity = file.identity else { return scanner.scan(file) }
        if let bytes = store.load(path: file.displayPath, identity: identity, context: context),
           let scan = try? bytes.withUnsafeBytes({ try FileScanCodec.decode($0) }),
           scan.fits(districts: lookups.districtCodes.count, indicators: lookups.indicators.count) {
            return scan
        }
        let scan = scanner.scan(file)
        store.save(FileScanCodec.encode(scan), path: file.displayPath, identity: identity, context: context)
        return scan
    }
}

/// The order phase: which order files are reported in, and which order they are read in.
struct ImportOrder {
    /// In path byte order (a path given twice keeps its first place): the order of `ImportResult.sources`.
    let files: [SubmissionFile]
    /// Indices into `files`, oldest modification first, ties in path order: the order files are merged in.
    let precedence: [Int]

    init(_ given: [SubmissionFile]) {
        files = given.enumerated().sorted { a, b in
            a.element.displayPath == b.element.displayPath
                ? a.offset < b.offset
                : a.element.displayPath.utf8.lexicographicallyPrecedes(b.element.displayPath.utf8)
        }.map(\.element)
        let modified = files.map(\.modified)
        precedence = files.indices.sorted { a, b in modified[a] != modified[b] ? modified[a] < modified[b] : a < b }
    }
}
