/// An open-addressing map from `CompactKey` to a 32-bit payload (a row number), for the duplicate and resubmission
/// checks.
///
/// Why not `Dictionary`: profiling the benchmark showed SipHash and dictionary probing as the largest costs per
/// row. The key is already a well-spread 12-byte value, so a multiply-xorshift mix and linear probing do, and
/// key, payload and occupancy share one slot so a probe touches one cache line.
struct CompactKeyTable {
    /// 16 bytes: occupancy is a reserved payload, so the slot has no padding. The table holds a slot per distinct
    /// key at up to 70% load, which made it the largest allocation of a large import.
    private struct Slot {
        var packed: UInt64
        var area: UInt32
        var payload: UInt32

        var used: Bool { payload != CompactKeyTable.empty }

        var key: CompactKey { CompactKey(packed: packed, area: area) }
    }

    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 1024
        while size * 7 < capacity * 10 { size <<= 1 }
        slots = [Slot](repeating: Slot(packed: 0, area: 0, payload: Self.empty), count: size)
        mask = size - 1
    }

    @inline(__always)
    private static func index(_ key: CompactKey, mask: Int) -> Int {
        var h = key.packed &+ UInt64(key.area) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 31
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    /// Marks a removed key's slot (linear probing cannot simply empty it); such slots read as absent.
    private static var absent: UInt32 { .max - 1 }
    /// Marks a slot never used.
    fileprivate static var empty: UInt32 { .max }
    /// Payloads must stay below this.
    static var payloadLimit: UInt32 { .max - 1 }

    func value(for key: CompactKey) -> UInt32? {
        var i = Self.index(key, mask: mask)
        while slots[i].used {
            if slots[i].packed == key.packed && slots[i].area == key.area {
                return slots[i].payload == Self.absent ? nil : slots[i].payload
            }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Stores `payload` under `key` and returns the payload it replaced, if any.
    @discardableResult
    mutating func updateValue(_ payload: UInt32, forKey key: CompactKey) -> UInt32? {
        precondition(payload < Self.payloadLimit || payload == Self.absent, "payload out of range")
        if (count + 1) * 10 > slots.count * 7 { grow() }
        let mask = self.mask
        return slots.withUnsafeMutableBufferPointer { slots in
            var i = Self.index(key, mask: mask)
            while slots[i].used {
                if slots[i].packed == key.packed && slots[i].area == key.area {
                    let old = slots[i].payload
                    slots[i].payload = payload
                    return old == Self.absent ? nil : old
                }
                i = (i + 1) & mask
            }
            slots[i] = Slot(packed: key.packed, area: key.area, payload: payload)
            count += 1
            return nil
        }
    }

    mutating func remove(_ key: CompactKey) {
        if value(for: key) != nil { updateValue(Self.absent, forKey: key) }
    }

    /// Stores `payload` under `key` unless the key holds a payload already; returns that payload (then nothing
    /// changed) or nil (then `payload` was stored). One probe for the merge's "new key or held by whom" question.
    mutating func insertIfAbsent(_ payload: UInt32, forKey key: CompactKey) -> UInt32? {
        precondition(payload < Self.payloadLimit, "payload out of range")
        if (count + 1) * 10 > slots.count * 7 { grow() }
        let mask = self.mask
        return slots.withUnsafeMutableBufferPointer { slots in
            var i = Self.index(key, mask: mask)
            while slots[i].used {
                if slots[i].packed == key.packed && slots[i].area == key.area {
                    if slots[i].payload != Self.absent { return slots[i].payload }
                    slots[i].payload = payload
                    return nil
                }
                i = (i + 1) & mask
            }
            slots[i] = Slot(packed: key.packed, area: key.area, payload: payload)
            count += 1
            return nil
        }
    }

    func forEachSlot(_ body: (CompactKey, UInt32) -> Void) {
        for slot in slots where slot.used && slot.payload != Self.absent { body(slot.key, slot.payload) }
    }

    /// Doubles the table. Live slots are placed straight into the new array: no key there can be equal and
    /// nothing can need growing, so the per-insert checks of `updateValue` are skipped (rehashing showed as 4% of
    /// `validate` on the village benchmark, where every key is new).
    private mutating func grow() {
        let newSize = slots.count * 2
        let newMask = newSize - 1
        var fresh = [Slot](repeating: Slot(packed: 0, area: 0, payload: Self.empty), count: newSize)
        var live = 0
        fresh.withUnsafeMutableBufferPointer { fresh in
            for slot in slots where slot.used && slot.payload != Self.absent {
                var i = Self.index(slot.key, mask: newMask)
                while fresh[i].used { i = (i + 1) & newMask }
                fresh[i] = slot
                live += 1
            }
        }
        slots = fresh
        mask = newMask
        count = live
    }
}
