/// A hash table from byte strings to small integers, looked up straight from a field's bytes.
///
/// Why not `[String: Int]` or `[[UInt8]: Int]`: both need a new allocation per lookup, which is per row on the hot
/// path. Here a lookup hashes the borrowed bytes (FNV-1a) and compares them in place; only an insert copies.
struct ByteStringTable {
    private var slots: [Int32]  // key id, or -1 for an empty slot
    /// All keys back to back; key `id` is `storage[starts[id] ..< starts[id + 1]]`. One flat array avoids a
    /// retain/release per comparison.
    private var storage: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    private var mask: Int

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { hashes.count }

    /// Eight bytes at a time, because area labels (30–60 bytes of Thai) are hashed on every row.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }

    /// The id of `bytes`, or nil when absent.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let h = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { return nil }
            let index = Int(entry)
            if hashes[index] == h, equals(index, bytes) { return index }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private func equals(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[index]
        guard starts[index + 1] - start == bytes.count else { return false }
        return storage.withUnsafeBufferPointer { stored in
            Self.equal(UnsafeBufferPointer(rebasing: stored[start..<starts[index + 1]]), bytes)
        }
    }

    /// Byte-wise equality, eight bytes at a time.
    @inline(__always)
    static func equal(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = x.count
        guard y.count == n else { return false }
        guard n > 0, let xb = x.baseAddress, let yb = y.baseAddress else { return true }
        let a = UnsafeRawPointer(xb), b = UnsafeRawPointer(yb)
        var i = 0
        while i + 8 <= n {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        while i < n {
            if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
            i += 1
        }
        return true
    }

    /// The id of `bytes`, inserting it (ids count up from 0) when absent.
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int, inserted: Bool) {
        if let id = lookup(bytes) { return (id, false) }
        if (count + 1) * 2 > slots.count { grow() }
        let h = Self.hash(bytes)
        let id = count
        storage.append(contentsOf: bytes)
        starts.append(storage.count)
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
        for id in hashes.indices { place(id, hash: hashes[id]) }
    }
}
