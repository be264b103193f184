/// XXH64 (Yann Collet's xxHash, 64-bit, seed 0): the scan cache's checksum.
///
/// Why not SHA-256: the checksum guards against a torn or damaged entry, not an attacker (whoever can write the
/// cache can write a matching SHA-256 as easily), and at village scale a night reads the cache's whole size
/// (1.5 GB for three years): SHA-256 was the largest cost of loading it on the CPU this was measured on (no SHA
/// extensions), and XXH64 runs at memory speed on any. Any change of one bit changes the sum; a truncated entry fails it.
enum XXHash64 {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        func word(_ at: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        var at = 0
        var h: UInt64
        if count >= 32 {
            var v1 = p1 &+ p2, v2 = p2, v3: UInt64 = 0, v4 = 0 &- p1
            while at + 32 <= count {
                v1 = round(v1, word(at))
                v2 = round(v2, word(at + 8))
                v3 = round(v3, word(at + 16))
                v4 = round(v4, word(at + 24))
                at += 32
            }
            h = rotate(v1, 1) &+ rotate(v2, 7) &+ rotate(v3, 12) &+ rotate(v4, 18)
            for v in [v1, v2, v3, v4] { h = (h ^ round(0, v)) &* p1 &+ p4 }
        } else {
            h = p5
        }
        h &+= UInt64(count)
        while at + 8 <= count {
            h = rotate(h ^ round(0, word(at)), 27) &* p1 &+ p4
            at += 8
        }
        if at + 4 <= count {
            let half = UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
            h = rotate(h ^ (half &* p1), 23) &* p2 &+ p3
            at += 4
        }
        while at < count {
            h = rotate(h ^ (UInt64(bytes[at]) &* p5), 11) &* p1
            at += 1
        }
        h = (h ^ (h >> 33)) &* p2
        h = (h ^ (h >> 29)) &* p3
        return h ^ (h >> 32)
    }

    @inline(__always)
    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* p2, 31) &* p1
    }

    @inline(__always)
    private static func rotate(_ x: UInt64, _ bits: UInt64) -> UInt64 { x << bits | x >> (64 - bits) }
}
