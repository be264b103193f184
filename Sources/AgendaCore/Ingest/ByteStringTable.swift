/// A hash table from byte strings to small integers, looked up straight from a field's bytes.
///
/// Why not `[String: Int]` or `[[UInt8]: Int]`: both need a new allocation per lookup, which is per row on the hot
/// path. Here a lookup hashes the borrowed bytes (FNV-1a) and compares them in place; only an insert copies.
struct ByteStringTable {
    private var slots: [Int32]          // index into `keys`, or -1
    private var keys: [[UInt8]] = []
    private var hashes: [UInt64] = []
    private var mask: Int

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { keys.count }

    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// The id of `bytes`, or nil when absent.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let h = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { return nil }
            let index = Int(entry)
            if hashes[index] == h, keys[index].elementsEqual(bytes) { return index }
            slot = (slot + 1) & mask
        }
    }

    /// The id of `bytes`, inserting it (ids count up from 0) when absent.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int, inserted: Bool) {
        if let id = lookup(bytes) { return (id, false) }
        if (keys.count + 1) * 2 > slots.count { grow() }
        let h = Self.hash(bytes)
        let id = keys.count
        keys.append(Array(bytes))
        hashes.append(h)
        place(id, hash: h)
        return (id, true)
    }

    mutating func insert(_ bytes: [UInt8]) -> (id: Int, inserted: Bool) {
        bytes.withUnsafeBufferPointer { insert($0) }
    }

    private mutating func place(_ id: Int, hash h: UInt64) {
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(id)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for id in keys.indices { place(id, hash: hashes[id]) }
    }
}
