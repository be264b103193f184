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
/// Rules (issue 2, item 4): a key (district, month, indicator, area) twice in one file rejects both rows; the same
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

    public init(reference: ReferenceData) {
        self.reference = reference
    }

    public func importFiles(_ files: [SubmissionFile]) -> ImportResult {
        let ordered = files.enumerated().sorted { a, b in
            a.element.displayPath == b.element.displayPath
                ? a.offset < b.offset
                : a.element.displayPath.utf8.lexicographicallyPrecedes(b.element.displayPath.utf8)
        }.map(\.element)
        let modified = ordered.map(\.modified)
        // Read in precedence order, so a later file's value always replaces what is already held.
        let precedence = ordered.indices.sorted { a, b in
            modified[a] != modified[b] ? modified[a] < modified[b] : a < b
        }
        let lookups = ReferenceLookups(reference)
        let newest = max(asOf ?? .distantPast, modified.max() ?? .distantPast)
        let latestMonth = BangkokCalendar.day(of: newest == .distantPast ? Date(timeIntervalSince1970: 0) : newest).month
            .advanced(by: 12)
        let scanner = SubmissionScanner(
            lookups: lookups, chunkSize: chunkSize, maxRecordBytes: max(maxRecordBytes, chunkSize), latestMonth: latestMonth)
        var interner = LabelInterner()
        var scans = [FileScan](repeating: FileScan(), count: ordered.count)
        var districtsSeen = [[Bool]](repeating: [Bool](repeating: false, count: lookups.districtCodes.count), count: ordered.count)
        var supersededCount = [Int](repeating: 0, count: ordered.count)
        // Not pre-sized from the input: resubmissions make distinct keys far fewer than rows, and an oversized
        // table costs a cache miss per row (measured: 99 vs 140 MB/s on the 1 GB benchmark).
        // Payload: the key's row in `held`, which carries the winning value, so each file's rows go after merging.
        var winners = CompactKeyTable()
        var held = HeldValues(retainsValues: retainValues)
        // Superseded values (kept only with `retainValues`), in the order they lost.
        var losers = HeldValues(retainsValues: true)
        var loserKeys: [CompactKey] = []

        var rowsSoFar = 0
        for (done, fileIndex) in precedence.enumerated() {
            var scan = scanner.scan(ordered[fileIndex], interner: &interner)
            rowsSoFar += scan.rowsRead
            progress?(done + 1, precedence.count, rowsSoFar)
            let file = UInt32(fileIndex)
            // One probe per row does both checks: a key already held by this same file is a duplicate inside
            // the file; one held by an earlier file is superseded. (A separate per-file table cost a cache miss
            // per row, the largest single cost in the 1 GB benchmark.) The new value takes the key's row at
            // once; what it replaced is kept in `firstTouch` until the file's duplicates are known.
            var firstTouch: [(row: Int, held: Int, previous: HeldValues.Row?)] = []
            var duplicated = false
            for (rowIndex, row) in scan.rows.enumerated() {
                let candidate = HeldValues.Row(value: row.value, note: row.note, file: file, line: UInt32(row.line))
                if let existing = winners.insertIfAbsent(UInt32(held.count), forKey: row.key) {
                    let heldIndex = Int(existing)
                    if held.file(heldIndex) == file {
                        duplicated = true
                        continue
                    }
                    firstTouch.append((rowIndex, heldIndex, held[heldIndex]))
                    held[heldIndex] = candidate
                } else {
                    precondition(held.count < Int(CompactKeyTable.payloadLimit), "more keys than a 32-bit row number holds")
                    firstTouch.append((rowIndex, held.count, nil))
                    held.append(candidate)
                }
            }
            var duplicateRows = Set<Int>()
            if duplicated {
                duplicateRows = rejectDuplicates(
                    in: &scan, file: ordered[fileIndex].displayPath, lookups: lookups, labels: interner.labels)
                // Every row of a duplicated key is rejected, so give the key back to whoever held it before.
                for (rowIndex, heldIndex, previous) in firstTouch where duplicateRows.contains(rowIndex) {
                    if let previous {
                        held[heldIndex] = previous
                    } else {
                        winners.remove(scan.rows[rowIndex].key)
                        held.markDead(heldIndex)
                    }
                }
            }
            for (rowIndex, _, previous) in firstTouch where !duplicated || !duplicateRows.contains(rowIndex) {
                guard let previous else { continue }
                supersededCount[Int(previous.file)] += 1
                if retainValues {
                    losers.append(previous)
                    loserKeys.append(scan.rows[rowIndex].key)
                }
            }
            var seen = districtsSeen[fileIndex]
            for (rowIndex, row) in scan.rows.enumerated() where !duplicated || !duplicateRows.contains(rowIndex) {
                seen[row.key.district] = true
            }
            districtsSeen[fileIndex] = seen
            scan.rows = []
            scans[fileIndex] = scan
        }

        let districtCodes = lookups.districtCodes
        var sources: [SourceFile] = []
        for (i, scan) in scans.enumerated() {
            var source = SourceFile(
                path: ordered[i].displayPath, modified: modified[i], byteCount: scan.byteCount, sha256: scan.sha256,
                encoding: scan.encoding, districtCodes: districtCodes.indices.filter { districtsSeen[i][$0] }.map { districtCodes[$0] },
                rowsRead: scan.rowsRead, accepted: 0, superseded: supersededCount[i], rejected: scan.rejectedRows,
                blank: scan.blank)
            source.accepted = scan.rowsRead - scan.rejectedRows - scan.blank - supersededCount[i]
            precondition(source.isBalanced, "accounting broken for \(source.path)")
            sources.append(source)
        }

        var notices: [ImportNotice] = []
        for (i, scan) in scans.enumerated() {
            for line in scan.longNoteLines {
                notices.append(ImportNotice(file: ordered[i].displayPath, line: line, reason: IngestMessages.longNote))
            }
        }

        var rejections: [Rejection] = []
        for scan in scans {
            rejections += scan.rejections.sorted { a, b in
                a.line != b.line ? a.line < b.line : a.column.utf8.lexicographicallyPrecedes(b.column.utf8)
            }
        }

        guard retainValues else {
            return ImportResult(sources: sources, accepted: AcceptedValues(), superseded: SupersededValues(),
                                rejections: rejections, notices: notices)
        }
        let labels = interner.labels
        // Sort on integer ranks (district, month, indicator id, area label in UTF-8 byte order) before any String
        // is made: comparing Thai labels as Strings normalises them on every comparison.
        let ranks = SortRanks(districtCodes: districtCodes, indicators: lookups.indicators, labels: labels)
        var order: [(rank: (UInt64, UInt32), held: UInt32)] = []
        order.reserveCapacity(winners.count)
        winners.forEachSlot { key, heldIndex in order.append((ranks.key(key), heldIndex)) }
        // Memory peaks here (issue 3, item 7): release the table before the sort buffers and the store exist.
        winners = CompactKeyTable()
        order.sort { $0.rank < $1.rank }
        var accepted = AcceptedValues(
            districtCodes: districtCodes, indicatorIDs: lookups.indicators.map(\.id), labels: labels,
            capacity: order.count)
        for (rank, heldIndex) in order {
            let key = ranks.compactKey(rank)
            let row = held[Int(heldIndex)]
            accepted.append(
                district: key.district, month: key.month, indicator: key.indicator, area: Int(key.area),
                value: row.value, note: Int(row.note), sourceIndex: Int(row.file), line: Int(row.line))
        }
        held = HeldValues(retainsValues: true)
        // Superseded values in key order, then file and line; each one's replacing value is the accepted value
        // with the same key, found by walking both sorted lists together.
        var loserOrder = loserKeys.indices.map { (rank: ranks.key(loserKeys[$0]), loser: UInt32($0)) }
        loserKeys = []
        loserOrder.sort { a, b in
            a.rank != b.rank
                ? a.rank < b.rank
                : (losers[Int(a.loser)].file, losers[Int(a.loser)].line) < (losers[Int(b.loser)].file, losers[Int(b.loser)].line)
        }
        var replaced = AcceptedValues(
            districtCodes: accepted.districtCodes, indicatorIDs: accepted.indicatorIDs, labels: labels,
            capacity: loserOrder.count)
        var replacementIndex: [UInt32] = []
        replacementIndex.reserveCapacity(loserOrder.count)
        var winner = 0
        for (rank, loser) in loserOrder {
            while winner < order.count && order[winner].rank < rank { winner += 1 }
            precondition(winner < order.count && order[winner].rank == rank,
                         "a superseded value without the value that replaced it")
            let key = ranks.compactKey(rank)
            let row = losers[Int(loser)]
            replaced.append(
                district: key.district, month: key.month, indicator: key.indicator, area: Int(key.area),
                value: row.value, note: Int(row.note), sourceIndex: Int(row.file), line: Int(row.line))
            replacementIndex.append(UInt32(winner))
        }
        let superseded = SupersededValues(replaced: replaced, replacements: accepted, replacementIndex: replacementIndex)
        return ImportResult(sources: sources, accepted: accepted, superseded: superseded, rejections: rejections,
                            notices: notices)
    }

    /// Rejects every row whose key appears more than once in this file (only the district knows which is right);
    /// returns the rejected row indices. Rows stay in place so stored indices hold.
    ///
    /// Linear in the file's rows: each key keeps its first line and a count, and each rejection names those two,
    /// never the list of every other line (16,000 copies of one line made 16,000 lists of 15,999 numbers).
    private func rejectDuplicates(in scan: inout FileScan, file: String, lookups: ReferenceLookups, labels: [String]) -> Set<Int> {
        var firstAndCount: [CompactKey: (first: Int, count: Int)] = [:]
        for row in scan.rows {
            let line = Int(row.line)
            if let seen = firstAndCount[row.key] {
                firstAndCount[row.key] = (min(seen.first, line), seen.count + 1)
            } else {
                firstAndCount[row.key] = (line, 1)
            }
        }
        var rejected = Set<Int>()
        for (rowIndex, row) in scan.rows.enumerated() {
            guard let seen = firstAndCount[row.key], seen.count > 1 else { continue }
            rejected.insert(rowIndex)
            let key = row.key
            let keyText = [lookups.districtCodes[key.district], key.month.label, lookups.indicators[key.indicator].id,
                           labels[Int(key.area)]].filter { !$0.isEmpty }.joined(separator: " + ")
            scan.rejections.append(Rejection(
                file: file, line: Int(row.line), column: scan.keyColumns, text: keyText,
                reason: IngestMessages.duplicateKey(firstLine: seen.first, copies: seen.count, thisLine: Int(row.line))))
        }
        scan.rejectedRows += rejected.count
        return rejected
    }
}
