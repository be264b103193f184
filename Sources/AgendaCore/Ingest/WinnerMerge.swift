/// The merge and assemble phases of an import: which value each key holds as files are read in precedence order,
/// what was superseded or rejected as a duplicate, and, at the end, the sorted stores and every file's accounting.
///
/// Rules: a key (district, month, indicator, area) twice in one file rejects every such row (only the district
/// knows which is right) and gives the key back to whoever held it before; the same key in a later file replaces
/// the held value, which is kept as superseded, never added. For every file, rows read = accepted + superseded +
/// rejected + blank.
struct WinnerMerge {
    /// Split by (district, month, indicator) so a file's rows touch only the few small tables of its groups
    /// (`GroupedKeyTable`); each grows with its own keys, never pre-sized from the input, because resubmissions
    /// make distinct keys far fewer than rows. Payload: the key's row in `held`, which carries the winning value,
    /// so each file's rows can go as soon as it is merged.
    private var winners = GroupedKeyTable()
    private var held: HeldValues
    /// Superseded values (kept only with `retainValues`), in the order they lost, and their keys.
    private var losers = HeldValues(retainsValues: true)
    private var loserKeys: [CompactKey] = []
    /// Per file: what its scan found (rows dropped), the districts among its counted rows, values it lost.
    private var scans: [FileScan]
    private var districtsSeen: [[Bool]]
    private var supersededCount: [Int]
    private let retainValues: Bool
    /// Scratch for `groupRuns`: a group's index among the file's groups, -1 between files.
    private var localGroup: [Int32] = []

    init(fileCount: Int, districtCount: Int, retainValues: Bool) {
        held = HeldValues(retainsValues: retainValues)
        scans = [FileScan](repeating: FileScan(), count: fileCount)
        districtsSeen = [[Bool]](repeating: [Bool](repeating: false, count: districtCount), count: fileCount)
        supersededCount = [Int](repeating: 0, count: fileCount)
        self.retainValues = retainValues
    }

    // MARK: Merge

    /// Merges one file's checked rows into the winners, then keeps only its counts and rejections.
    ///
    /// One probe per row does both checks: a key already held by this same file is a duplicate inside the file;
    /// one held by an earlier file is superseded. (A separate per-file table cost a cache miss per row, the
    /// largest single cost in the 1 GB benchmark.) The new value takes the key's row at once; what it replaced is
    /// kept in `replaced` until the file's duplicates are known. Keys new to the import are not listed there (on
    /// a first submission that is every row): a duplicated one is found again through the table.
    ///
    /// Returns the file's rows, for reuse (`RowBuffers`): the scan keeps only its counts and rejections.
    @discardableResult
    mutating func absorb(_ scan: inout FileScan, file fileIndex: Int, displayPath: String, lookups: ReferenceLookups,
                         labels: [String]) -> [CompactRow] {
        let file = UInt32(fileIndex)
        var replaced: [(row: Int, held: Int, previous: HeldValues.Row)] = []
        var duplicated = false
        var seen = districtsSeen[fileIndex]
        precondition(self.held.count + scan.rows.count < Int(GroupedKeyTable.payloadLimit),
                     "more keys than a 32-bit row number holds")
        // Moved out for this file (and put back at the end): the merge loop's closures change it while `winners`
        // is being changed.
        var held = self.held
        self.held = HeldValues(retainsValues: retainValues)
        let runs = groupRuns(scan.rows)
        scan.rows.withUnsafeBufferPointer { rows in
            for (group, range) in runs.groups {
                let order = runs.order[range]
                winners.insertIfAbsent(
                    group: group, count: order.count, area: { rows[Int(order[range.lowerBound + $0])].key.area },
                    stored: { k in
                        let row = rows[Int(order[range.lowerBound + k])]
                        let payload = UInt32(held.count)
                        held.append(HeldValues.Row(value: row.value, note: row.note, file: file, line: UInt32(row.line)))
                        // Districts among counted rows; recounted below if duplicates take rows away.
                        seen[row.key.district] = true
                        return payload
                    },
                    found: { k, existing in
                        let rowIndex = Int(order[range.lowerBound + k])
                        let row = rows[rowIndex]
                        let heldIndex = Int(existing)
                        if held.file(heldIndex) == file {
                            duplicated = true
                            return
                        }
                        replaced.append((rowIndex, heldIndex, held[heldIndex]))
                        held[heldIndex] = HeldValues.Row(value: row.value, note: row.note, file: file,
                                                         line: UInt32(row.line))
                        seen[row.key.district] = true
                    })
            }
        }
        var duplicateRows = Set<Int>()
        if duplicated {
            duplicateRows = Self.rejectDuplicates(in: &scan, file: displayPath, lookups: lookups, labels: labels)
            // Every row of a duplicated key is rejected, so give the key back to whoever held it before: the
            // replaced value, or nobody when the key was new.
            for (rowIndex, heldIndex, previous) in replaced where duplicateRows.contains(rowIndex) {
                held[heldIndex] = previous
            }
            for rowIndex in duplicateRows.sorted() {
                let key = scan.rows[rowIndex].key
                if let heldIndex = winners.value(for: key).map(Int.init), held.file(heldIndex) == file {
                    winners.remove(key)
                    held.markDead(heldIndex)
                }
            }
            seen = districtsSeen[fileIndex]
            for (rowIndex, row) in scan.rows.enumerated() where !duplicateRows.contains(rowIndex) {
                seen[row.key.district] = true
            }
        }
        for (rowIndex, _, previous) in replaced where !duplicated || !duplicateRows.contains(rowIndex) {
            supersededCount[Int(previous.file)] += 1
            if retainValues {
                losers.append(previous)
                loserKeys.append(scan.rows[rowIndex].key)
            }
        }
        districtsSeen[fileIndex] = seen
        self.held = held
        var spent: [CompactRow] = []
        swap(&spent, &scan.rows)
        scans[fileIndex] = scan
        return spent
    }

    /// A file's rows grouped by key group (`GroupedKeyTable.groupNumber`), each group's rows in file order: the
    /// merge takes one group at a time so its table stays in cache. Groups come in the order the file first names
    /// them. The order of groups changes nothing in the result: each key belongs to one group, and within a key
    /// rows keep their order, which is all the merge's decisions depend on.
    private mutating func groupRuns(_ rows: [CompactRow]) -> (groups: [(group: Int, range: Range<Int>)], order: [Int32]) {
        var local = [Int32](repeating: 0, count: rows.count)
        var groups: [Int] = []
        var counts: [Int] = []
        // A file names few groups: a direct-mapped cache of (group word, local index) answers nearly every row
        // from L1, where the table of every group (thousands over three years) is a cache miss a row. `.max` marks
        // an empty entry: no word is all ones (bits 16–23 of a packed key are always zero, `CompactKey.pack`).
        var cachedWord = [UInt64](repeating: .max, count: 64)
        var cachedLocal = [Int32](repeating: 0, count: 64)
        rows.withUnsafeBufferPointer { rows in
            for r in rows.indices {
                let packed = rows[r].key.packed
                let slot = Int(truncatingIfNeeded: (packed ^ packed >> 24 ^ packed >> 44) & 63)
                var l: Int32
                if cachedWord[slot] == packed {
                    l = cachedLocal[slot]
                } else {
                    let g = winners.groupNumber(packed)
                    if g >= localGroup.count { localGroup += repeatElement(-1, count: g + 1 - localGroup.count) }
                    if localGroup[g] < 0 {
                        localGroup[g] = Int32(groups.count)
                        groups.append(g)
                        counts.append(0)
                    }
                    l = localGroup[g]
                    cachedWord[slot] = packed
                    cachedLocal[slot] = l
                }
                local[r] = l
                counts[Int(l)] += 1
            }
        }
        for g in groups { localGroup[g] = -1 }
        var next = [Int](repeating: 0, count: groups.count)
        var runs: [(group: Int, range: Range<Int>)] = []
        var start = 0
        for (l, g) in groups.enumerated() {
            next[l] = start
            runs.append((g, start..<start + counts[l]))
            start += counts[l]
        }
        var order = [Int32](repeating: 0, count: rows.count)
        order.withUnsafeMutableBufferPointer { order in
            for r in 0..<local.count {
                let l = Int(local[r])
                order[next[l]] = Int32(r)
                next[l] += 1
            }
        }
        return (runs, order)
    }

    /// Rejects every row whose key appears more than once in this file; returns the rejected row indices. Rows
    /// stay in place so stored indices hold.
    ///
    /// Linear in the file's rows: each key keeps its first line and a count, and each rejection names those two,
    /// never the list of every other line (16,000 copies of one line made 16,000 lists of 15,999 numbers).
    private static func rejectDuplicates(in scan: inout FileScan, file: String, lookups: ReferenceLookups,
                                         labels: [String]) -> Set<Int> {
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
                reason: IngestMessages.duplicateKey(firstLine: seen.first, copies: seen.count, thisLine: Int(row.line)),
                districtCode: lookups.districtCodes[key.district]))
        }
        scan.rejectedRows += rejected.count
        return rejected
    }

    // MARK: Assemble

    /// The import's result: accounting per file, rejections and notices in file order, and (with `retainValues`)
    /// the sorted stores of accepted and superseded values.
    mutating func assemble(files: [SubmissionFile], lookups: ReferenceLookups, labels: [String]) -> ImportResult {
        let sources = accounting(files: files, districtCodes: lookups.districtCodes)
        var notices: [ImportNotice] = []
        var rejections: [Rejection] = []
        for (i, scan) in scans.enumerated() {
            for line in scan.longNoteLines {
                notices.append(ImportNotice(file: files[i].displayPath, line: line, reason: IngestMessages.longNote))
            }
            rejections += scan.rejections.sorted { a, b in
                a.line != b.line ? a.line < b.line : a.column.utf8.lexicographicallyPrecedes(b.column.utf8)
            }
        }
        guard retainValues else {
            return ImportResult(sources: sources, accepted: AcceptedValues(), superseded: SupersededValues(),
                                rejections: rejections, notices: notices)
        }
        let ranks = SortRanks(districtCodes: lookups.districtCodes, indicators: lookups.indicators, labels: labels)
        let accepted = acceptedStore(ranks: ranks, lookups: lookups, labels: labels)
        let superseded = supersededStore(ranks: ranks, accepted: accepted, labels: labels)
        return ImportResult(sources: sources, accepted: accepted, superseded: superseded, rejections: rejections,
                            notices: notices)
    }

    /// Each file's counts; accepted is what is left of its rows read, which makes the balance hold by construction
    /// and the precondition a check on the other counts.
    private func accounting(files: [SubmissionFile], districtCodes: [String]) -> [SourceFile] {
        scans.enumerated().map { i, scan in
            var source = SourceFile(
                path: files[i].displayPath, modified: files[i].modified, byteCount: scan.byteCount, sha256: scan.sha256,
                encoding: scan.encoding,
                districtCodes: districtCodes.indices.filter { districtsSeen[i][$0] }.map { districtCodes[$0] },
                rowsRead: scan.rowsRead, accepted: 0, superseded: supersededCount[i], rejected: scan.rejectedRows,
                blank: scan.blank)
            source.accepted = scan.rowsRead - scan.rejectedRows - scan.blank - supersededCount[i]
            precondition(source.isBalanced && source.accepted >= 0, "accounting broken for \(source.path)")
            return source
        }
    }

    /// The winners sorted on integer ranks (district, month, indicator id, area label in UTF-8 byte order) before
    /// any String is made: comparing Thai labels as Strings normalises them on every comparison.
    ///
    /// Groups in rank order, then each group's areas sorted by label rank alone: the same order as sorting every
    /// key at once (ranks are distinct), but thousands of small, cache-resident sorts on one word instead of one
    /// sort of millions of pairs. Memory peaks here, so each group goes straight into the store and no list of
    /// every winner's rank is kept (`supersededStore` reads the ranks back from the store); each group's part of
    /// the key table is freed as soon as it is read, and each chunk of held rows once its last row is taken. Those
    /// frees lower the peak only while large blocks are mapped on their own (`MemoryTuning.forImport`, which a
    /// report run sets): 1.30 GB -> 666 MB at full village scale, with the store's key runs.
    private mutating func acceptedStore(ranks: SortRanks, lookups: ReferenceLookups, labels: [String])
        -> AcceptedValues {
        var accepted = AcceptedValues(
            districtCodes: lookups.districtCodes, indicatorIDs: lookups.indicators.map(\.id), labels: labels,
            capacity: winners.count)
        let groups = (0..<winners.groupCount)
            .map { (rank: ranks.key(CompactKey(packed: winners.groupKey($0), area: 0)).0, group: $0) }
            .sorted { $0.rank < $1.rank }
        // One word per value, label rank above held row, sorted as plain integers: faster than sorting pairs
        // through a closure, and the same order because label ranks are distinct within a group.
        var segment: [UInt64] = []
        var rows: [HeldValues.Row] = []
        var sorter = RadixSorter()
        // Each held row (every live one is a winner) is taken once, in key order; its chunk goes when its last
        // row is taken.
        for (_, group) in groups {
            let packed = winners.groupKey(group)
            segment.removeAll(keepingCapacity: true)
            winners.forEachSlot(inGroup: group) { area, heldIndex in
                segment.append(UInt64(ranks.key(CompactKey(packed: packed, area: area)).1) << 32 | UInt64(heldIndex))
            }
            winners.release(group: group)
            // Sorted on the label rank alone (the high word): ranks are distinct within a group.
            sorter.sortByHighWord(&segment, highWordLimit: labels.count)
            let key = CompactKey(packed: packed, area: 0)
            held.take(count: segment.count, index: { Int(UInt32(truncatingIfNeeded: segment[$0])) }, into: &rows)
            accepted.appendRun(district: key.district, month: key.month, indicator: key.indicator,
                               count: segment.count) { k in
                let row = rows[k]
                return (ranks.labelByRank[Int(segment[k] >> 32)], row.value, row.note, row.file, row.line)
            }
        }
        winners = GroupedKeyTable()
        held = HeldValues(retainsValues: true)
        return accepted
    }

    /// The rank of the accepted value at `index`, read back from the store's columns.
    private static func rank(ofAccepted index: Int, in accepted: AcceptedValues, ranks: SortRanks) -> (UInt64, UInt32) {
        let run = accepted.run(containing: index)
        return ranks.key(CompactKey(district: run.district, indicator: run.indicator, month: YearMonth(ordinal: run.month),
                                    area: Int(accepted.areaLabel[index])))
    }

    /// Superseded values in key order, then file and line; each one's replacing value is the accepted value with
    /// the same key, found by walking both sorted lists together.
    private mutating func supersededStore(ranks: SortRanks, accepted: AcceptedValues, labels: [String])
        -> SupersededValues {
        var loserOrder = loserKeys.indices.map { (rank: ranks.key(loserKeys[$0]), loser: UInt32($0)) }
        loserKeys = []
        let losers = self.losers
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
            var winnerRank = winner < accepted.count ? Self.rank(ofAccepted: winner, in: accepted, ranks: ranks) : nil
            while let current = winnerRank, current < rank {
                winner += 1
                winnerRank = winner < accepted.count ? Self.rank(ofAccepted: winner, in: accepted, ranks: ranks) : nil
            }
            precondition(winnerRank.map { $0 == rank } ?? false, "a superseded value without the value that replaced it")
            let key = ranks.compactKey(rank)
            let row = losers[Int(loser)]
            replaced.append(
                district: key.district, month: key.month, indicator: key.indicator, area: Int(key.area),
                value: row.value, note: Int(row.note), sourceIndex: Int(row.file), line: Int(row.line))
            replacementIndex.append(UInt32(winner))
        }
        self.losers = HeldValues(retainsValues: true)
        return SupersededValues(replaced: replaced, replacements: accepted, replacementIndex: replacementIndex)
    }
}
