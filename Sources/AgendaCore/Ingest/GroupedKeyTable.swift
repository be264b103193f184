/// The merge's map from `CompactKey` to a 32-bit payload (a row number in `HeldValues`), split by key group:
/// one small table of area labels per (district, month, indicator).
///
/// Why not one table over whole keys (`CompactKeyTable`): a well-spread hash of the whole key sends each row to a
/// random slot of a table as large as the import (512 MB for 17 million village values), so nearly every row of
/// the merge, the one serial phase, was a cache and TLB miss. A file names few groups (one district and month,
/// twenty indicators), so its rows touch only those groups' tables, which stay in cache; and a slot holds just
/// the area label and payload, 8 bytes instead of 16, which halves the largest allocation of a large import.
struct GroupedKeyTable {
    /// One group's areas: open addressing with linear probing over `area << 32 | payload` words.
    private struct AreaTable {
        var slots: [UInt64]
        var shift: UInt64
        var used = 0

        init(bits: Int) {
            slots = [UInt64](repeating: GroupedKeyTable.emptySlot, count: 1 << bits)
            shift = UInt64(64 - bits)
        }

        /// The slot holding `area`, or the empty slot where it would go.
        @inline(__always)
        func find(_ area: UInt32) -> Int {
            slots.withUnsafeBufferPointer { Self.find(area, in: $0, shift: shift) }
        }

        /// `find` over the slots themselves, for a run of inserts that holds them open. Fibonacci hashing: area
        /// ids are small and dense, and the multiply spreads neighbours apart.
        @inline(__always)
        static func find(_ area: UInt32, in slots: UnsafeBufferPointer<UInt64>, shift: UInt64) -> Int {
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: (UInt64(area) &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while true {
                let slot = slots[i]
                if slot == GroupedKeyTable.emptySlot || UInt32(truncatingIfNeeded: slot >> 32) == area { return i }
                i = (i + 1) & mask
            }
        }

        /// Keys that can still be added before the table must grow (at least 1 after `growIfNeeded`).
        var room: Int { slots.count * 7 / 10 - used }

        mutating func growIfNeeded() {
            guard (used + 1) * 10 > slots.count * 7 else { return }
            var bigger = AreaTable(bits: 64 - Int(shift) + 1)
            for slot in slots where slot != GroupedKeyTable.emptySlot {
                bigger.slots[bigger.find(UInt32(truncatingIfNeeded: slot >> 32))] = slot
            }
            bigger.used = used
            self = bigger
        }
    }

    /// Marks a never-used slot (its payload half is `UInt32.max`, which no payload reaches).
    fileprivate static let emptySlot = UInt64.max
    /// Marks a removed key's payload; such keys read as absent.
    fileprivate static let absent = UInt32.max - 1
    /// Payloads must stay below this.
    static var payloadLimit: UInt32 { .max - 1 }

    /// Group number by (district, month, indicator) word: a small table that stays in cache.
    private var groupSlots = [UInt64](repeating: .max, count: 64)
    private var groupNumbers = [Int32](repeating: -1, count: 64)
    private var groupKeys: [UInt64] = []
    private var tables: [AreaTable] = []
    /// Keys stored, removed ones included (a capacity hint for the caller).
    private(set) var count = 0

    /// The group of a (district, month, indicator) word if it has one, and the slot of `groupSlots` it is in or
    /// would go in.
    @inline(__always)
    private func findGroup(_ packed: UInt64) -> (number: Int?, slot: Int) {
        let mask = groupSlots.count - 1
        var h = packed &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            if groupSlots[i] == packed { return (Int(groupNumbers[i]), i) }
            if groupSlots[i] == .max { return (nil, i) }
            i = (i + 1) & mask
        }
    }

    /// The group of a (district, month, indicator) word, created when absent.
    @inline(__always)
    private mutating func group(_ packed: UInt64) -> Int {
        let (found, i) = findGroup(packed)
        if let found { return found }
        let number = tables.count
        // A new group starts at the size the previous group reached: the next month of a district usually names
        // as many areas, and doubling up from 16 slots showed as 4% of `validate` on the village benchmark.
        tables.append(AreaTable(bits: tables.last.map { 64 - Int($0.shift) } ?? 4))
        groupKeys.append(packed)
        if (number + 1) * 2 > groupSlots.count {
            rebuildGroups(size: groupSlots.count * 2)
        } else {
            groupSlots[i] = packed
            groupNumbers[i] = Int32(number)
        }
        return number
    }

    private mutating func rebuildGroups(size: Int) {
        groupSlots = [UInt64](repeating: .max, count: size)
        groupNumbers = [Int32](repeating: -1, count: size)
        for (number, packed) in groupKeys.enumerated() {
            var h = packed &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            var i = Int(truncatingIfNeeded: h) & (size - 1)
            while groupSlots[i] != .max { i = (i + 1) & (size - 1) }
            groupSlots[i] = packed
            groupNumbers[i] = Int32(number)
        }
    }

    /// Stores `payload` under `key` unless the key holds a payload already; returns that payload (then nothing
    /// changed) or nil (then `payload` was stored). One probe for the merge's "new key or held by whom" question.
    mutating func insertIfAbsent(_ payload: UInt32, forKey key: CompactKey) -> UInt32? {
        var held: UInt32?
        insertIfAbsent(group: group(key.packed), count: 1, area: { _ in key.area }, stored: { _ in payload },
                       found: { held = $1 })
        return held
    }

    /// The group number of a (district, month, indicator) word, created when absent: the `group` argument of
    /// `insertIfAbsent(group:count:area:stored:found:)`.
    mutating func groupNumber(_ packed: UInt64) -> Int { group(packed) }

    /// `insertIfAbsent` for `count` keys of one group, in order: for key i, whose area is `area(i)`, calls
    /// `found(i, payload)` when the key holds a payload (nothing changes), else stores the payload `stored(i)`
    /// returns.
    ///
    /// Why a run per group: a village file's rows cycle through its twenty indicators, so row after row landed in
    /// a different group's table, 2.5 MB of tables for one file, and most probes missed the cache (10% of a
    /// village report's CPU). One group at a time its table stays in cache, and the table's size and uniqueness
    /// are checked once per stretch of keys rather than once per key.
    mutating func insertIfAbsent(group g: Int, count keys: Int, area: (Int) -> UInt32, stored: (Int) -> UInt32,
                                 found: (Int, UInt32) -> Void) {
        var table = tables[g]
        tables[g].slots = []  // so `table` holds the only reference to its slots
        defer { tables[g] = table }
        var i = 0
        while i < keys {
            table.growIfNeeded()
            // At most `room` keys of the stretch are new, so the load factor holds without a check per key.
            let end = min(keys, i + table.room)
            var added = 0
            let shift = table.shift
            table.slots.withUnsafeMutableBufferPointer { slots in
                for k in i..<end {
                    let a = area(k)
                    let s = AreaTable.find(a, in: UnsafeBufferPointer(slots), shift: shift)
                    if slots[s] != Self.emptySlot {
                        let held = UInt32(truncatingIfNeeded: slots[s])
                        if held != Self.absent {
                            found(k, held)
                            continue
                        }
                    } else {
                        added += 1
                    }
                    let payload = stored(k)
                    precondition(payload < Self.payloadLimit, "payload out of range")
                    slots[s] = UInt64(a) << 32 | UInt64(payload)
                }
            }
            table.used += added
            count += added
            i = end
        }
    }

    func value(for key: CompactKey) -> UInt32? {
        guard let g = findGroup(key.packed).number else { return nil }
        let slot = tables[g].slots[tables[g].find(key.area)]
        guard slot != Self.emptySlot else { return nil }
        let held = UInt32(truncatingIfNeeded: slot)
        return held == Self.absent ? nil : held
    }

    mutating func remove(_ key: CompactKey) {
        guard let g = findGroup(key.packed).number else { return }
        let i = tables[g].find(key.area)
        if tables[g].slots[i] != Self.emptySlot {
            tables[g].slots[i] = UInt64(key.area) << 32 | UInt64(Self.absent)
        }
    }

    /// How many (district, month, indicator) groups there are; groups are numbered from 0.
    var groupCount: Int { tables.count }

    /// The (district, month, indicator) word of group `group`.
    func groupKey(_ group: Int) -> UInt64 { groupKeys[group] }

    /// Frees one group's slots once the caller has read them (assembling the import, where memory peaks); the
    /// table must not be used again except to be replaced.
    mutating func release(group: Int) {
        tables[group].slots = []
    }

    /// Every live key of one group (area label and payload), in no particular order.
    func forEachSlot(inGroup group: Int, _ body: (_ area: UInt32, _ payload: UInt32) -> Void) {
        for slot in tables[group].slots where slot != Self.emptySlot {
            let payload = UInt32(truncatingIfNeeded: slot)
            if payload != Self.absent { body(UInt32(truncatingIfNeeded: slot >> 32), payload) }
        }
    }
}
