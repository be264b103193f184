import Foundation

/// A submission file to read, with the path shown in messages (relative to the inputs folder, or as typed on the
/// command line for `validate`).
public struct SubmissionFile: Sendable, Hashable {
    public var url: URL
    public var displayPath: String

    public init(url: URL, displayPath: String) {
        self.url = url
        self.displayPath = displayPath
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
    /// When false, `accepted` and `superseded` come back empty while every count and rejection is still exact:
    /// for `validate` on very large inputs, where only the problems matter.
    public var retainValues: Bool = true

    public init(reference: ReferenceData) {
        self.reference = reference
    }

    /// Imports every `*.csv` (any case) under `root/submissions/`, at any depth.
    public func importInputs(root: URL) throws -> ImportResult {
        importFiles(try Self.submissionFiles(root: root))
    }

    /// The submission files under `root/submissions/`, paths relative to `root`, `/`-separated, in byte order.
    ///
    /// Hidden files and Office lock files (`~$…`) are skipped: they are never submissions, and a lock file would
    /// otherwise be reported as a broken CSV.
    public static func submissionFiles(root: URL) throws -> [SubmissionFile] {
        let folder = root.appendingPathComponent("submissions", isDirectory: true)
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path])
        }
        let relative = try fm.subpathsOfDirectory(atPath: folder.path)
        var files: [SubmissionFile] = []
        for sub in relative {
            let name = (sub as NSString).lastPathComponent
            guard name.lowercased().hasSuffix(".csv"), !name.hasPrefix("."), !name.hasPrefix("~$") else { continue }
            let url = folder.appendingPathComponent(sub)
            var dir: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &dir), !dir.boolValue else { continue }
            files.append(SubmissionFile(url: url, displayPath: "submissions/" + sub))
        }
        return files.sorted { $0.displayPath.utf8.lexicographicallyPrecedes($1.displayPath.utf8) }
    }

    public func importFiles(_ files: [SubmissionFile]) -> ImportResult {
        let ordered = files.enumerated().sorted { a, b in
            a.element.displayPath == b.element.displayPath
                ? a.offset < b.offset
                : a.element.displayPath.utf8.lexicographicallyPrecedes(b.element.displayPath.utf8)
        }.map(\.element)
        let modified = ordered.map { file in
            (try? FileManager.default.attributesOfItem(atPath: file.url.path))?[.modificationDate] as? Date
                ?? Date(timeIntervalSince1970: 0)
        }
        // Read in precedence order, so a later file's value always replaces what is already held.
        let precedence = ordered.indices.sorted { a, b in
            modified[a] != modified[b] ? modified[a] < modified[b] : a < b
        }
        let lookups = ReferenceLookups(reference)
        let scanner = SubmissionScanner(lookups: lookups, chunkSize: chunkSize)
        var interner = LabelInterner()
        var scans = [FileScan](repeating: FileScan(), count: ordered.count)
        var districtsSeen = [[Bool]](repeating: [Bool](repeating: false, count: lookups.districtCodes.count), count: ordered.count)
        var supersededCount = [Int](repeating: 0, count: ordered.count)
        // Not pre-sized from the input: resubmissions make distinct keys far fewer than rows, and an oversized
        // table costs a cache miss per row (measured: 99 vs 140 MB/s on the 1 GB benchmark).
        var winners = CompactKeyTable()
        // Rows are numbered across files in reading order, so the table stores a 32-bit row number rather than a
        // (file, row) pair: 16-byte slots instead of 24. `rowStarts[k]` is where the k-th file read begins.
        var rowStarts: [Int] = []
        var rowsSoFar = 0
        var losers: [UInt32] = []
        // The last file found: a resubmission supersedes one earlier file row after row, so this usually hits.
        var cachedRange = 0..<0
        var cachedFile = 0
        /// (file, row) of a row number, packed as file << 32 | row.
        func slot(_ number: UInt32) -> UInt64 {
            let n = Int(number)
            if !cachedRange.contains(n) {
                var low = 0, high = rowStarts.count - 1
                while low < high {
                    let mid = (low + high + 1) / 2
                    if rowStarts[mid] <= n { low = mid } else { high = mid - 1 }
                }
                cachedRange = rowStarts[low]..<(low + 1 < rowStarts.count ? rowStarts[low + 1] : rowsSoFar)
                cachedFile = precedence[low]
            }
            return UInt64(cachedFile) << 32 | UInt64(n - cachedRange.lowerBound)
        }

        for fileIndex in precedence {
            var scan = scanner.scan(ordered[fileIndex], interner: &interner)
            let fileStart = rowsSoFar
            rowStarts.append(fileStart)
            rowsSoFar += scan.rows.count
            precondition(rowsSoFar < Int(CompactKeyTable.payloadLimit), "more rows than a 32-bit row number holds")
            // One probe per row does both checks: a key already held by this same file is a duplicate inside
            // the file; one held by an earlier file is superseded. (A separate per-file table cost a cache miss
            // per row, the largest single cost in the 1 GB benchmark.)
            var firstTouch: [(row: Int, previous: UInt32?)] = []
            var duplicated = false
            for (rowIndex, row) in scan.rows.enumerated() {
                if let previous = winners.updateValue(UInt32(fileStart + rowIndex), forKey: row.key) {
                    // Files read earlier have lower row numbers.
                    if Int(previous) >= fileStart {
                        duplicated = true
                        continue
                    }
                    firstTouch.append((rowIndex, previous))
                    supersededCount[Int(slot(previous) >> 32)] += 1
                    if retainValues { losers.append(previous) }
                } else {
                    firstTouch.append((rowIndex, nil))
                }
            }
            var duplicateRows = Set<Int>()
            if duplicated {
                duplicateRows = rejectDuplicates(in: &scan, file: ordered[fileIndex].displayPath)
                // Every row of a duplicated key is rejected, so give the key back to whoever held it before.
                var restored = Set<UInt32>()
                for (rowIndex, previous) in firstTouch where duplicateRows.contains(rowIndex) {
                    if let previous {
                        winners.updateValue(previous, forKey: scan.rows[rowIndex].key)
                        supersededCount[Int(slot(previous) >> 32)] -= 1
                        restored.insert(previous)
                    } else {
                        winners.remove(scan.rows[rowIndex].key)
                    }
                }
                if retainValues && !restored.isEmpty { losers.removeAll { restored.contains($0) } }
            }
            var seen = districtsSeen[fileIndex]
            for (rowIndex, row) in scan.rows.enumerated() where !duplicated || !duplicateRows.contains(rowIndex) {
                seen[row.key.district] = true
            }
            districtsSeen[fileIndex] = seen
            if !retainValues { scan.rows = [] }
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

        var rejections: [Rejection] = []
        for scan in scans {
            rejections += scan.rejections.sorted { a, b in
                a.line != b.line ? a.line < b.line : a.column.utf8.lexicographicallyPrecedes(b.column.utf8)
            }
        }

        guard retainValues else {
            return ImportResult(sources: sources, accepted: AcceptedValues(), superseded: SupersededValues(), rejections: rejections)
        }
        let labels = interner.labels
        func row(_ slot: UInt64) -> CompactRow { scans[Int(slot >> 32)].rows[Int(slot & 0xFFFF_FFFF)] }
        // Memory peaks here (issue 3, item 7): release the table before the sort buffers and the store exist.
        let winnerNumbers = winners.payloadsInSlotOrder
        winners = CompactKeyTable()
        // Sort on integer ranks (district, month, indicator id, area label in UTF-8 byte order) before any String
        // is made: comparing Thai labels as Strings normalises them on every comparison.
        let ranks = SortRanks(districtCodes: districtCodes, indicators: lookups.indicators, labels: labels)
        var order = winnerNumbers.map { number in
            let slot = slot(number)
            return (ranks.key(row(slot).key), slot)
        }
        order.sort { $0.0 < $1.0 }
        var accepted = AcceptedValues(
            districtCodes: districtCodes, indicatorIDs: lookups.indicators.map(\.id), labels: labels,
            capacity: order.count)
        for (_, slot) in order {
            let row = row(slot)
            accepted.append(
                district: row.key.district, month: row.key.month, indicator: row.key.indicator, area: Int(row.key.area),
                value: row.value, note: Int(row.note), sourceIndex: Int(slot >> 32), line: Int(row.line))
        }
        // Superseded values in key order, then file and line; each one's replacing value is the accepted value
        // with the same key, found by walking both sorted lists together.
        var loserOrder = losers.map { number in
            let slot = slot(number)
            return (ranks.key(row(slot).key), slot)
        }
        losers = []
        loserOrder.sort { a, b in
            a.0 != b.0 ? a.0 < b.0 : (a.1 >> 32, row(a.1).line) < (b.1 >> 32, row(b.1).line)
        }
        var replaced = AcceptedValues(
            districtCodes: accepted.districtCodes, indicatorIDs: accepted.indicatorIDs, labels: labels,
            capacity: loserOrder.count)
        var replacementIndex: [UInt32] = []
        replacementIndex.reserveCapacity(loserOrder.count)
        var winner = 0
        for (rank, slot) in loserOrder {
            while winner < order.count && order[winner].0 < rank { winner += 1 }
            precondition(winner < order.count && order[winner].0 == rank, "a superseded value without the value that replaced it")
            let row = row(slot)
            replaced.append(
                district: row.key.district, month: row.key.month, indicator: row.key.indicator, area: Int(row.key.area),
                value: row.value, note: Int(row.note), sourceIndex: Int(slot >> 32), line: Int(row.line))
            replacementIndex.append(UInt32(winner))
        }
        let superseded = SupersededValues(replaced: replaced, replacements: accepted, replacementIndex: replacementIndex)
        return ImportResult(sources: sources, accepted: accepted, superseded: superseded, rejections: rejections)
    }

    /// Rejects every row whose key appears more than once in this file (only the district knows which is right),
    /// naming the other lines; returns the rejected row indices. Rows stay in place so stored indices hold.
    private func rejectDuplicates(in scan: inout FileScan, file: String) -> Set<Int> {
        var linesByKey: [CompactKey: [Int]] = [:]
        for row in scan.rows { linesByKey[row.key, default: []].append(Int(row.line)) }
        var rejected = Set<Int>()
        for (rowIndex, row) in scan.rows.enumerated() {
            guard let lines = linesByKey[row.key], lines.count > 1 else { continue }
            rejected.insert(rowIndex)
            scan.rejections.append(Rejection(
                file: file, line: Int(row.line), column: "", text: "",
                reason: IngestMessages.duplicateKey(otherLines: lines.filter { $0 != Int(row.line) })))
        }
        scan.rejectedRows += rejected.count
        return rejected
    }
}
