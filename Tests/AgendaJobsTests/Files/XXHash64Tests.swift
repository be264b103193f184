import Foundation
import Testing
@testable import AgendaJobs

/// The cache's checksum is XXH64 exactly: the reference values below come from the `xxhash` Python package
/// (`xxhash.xxh64(data).hexdigest()`), covering the short paths (under 4, 8 and 32 bytes) and the 32-byte stripes.
@Suite struct XXHash64Tests {
    @Test(arguments: [
        ("", 0xEF46_DB37_51D8_E999 as UInt64), ("a", 0xD24E_C4F1_A98C_6E5B), ("abc", 0x44BC_2CF5_AD77_0999),
        ("0123456789abcdef0123456789abcdef", 0x642A_9495_8E71_E6C5),
    ])
    func knownValues(text: String, expected: UInt64) {
        #expect(Array(text.utf8).withUnsafeBytes { XXHash64.hash($0) } == expected)
    }

    @Test func longInputWithEveryTail() {
        let bytes = Array((0..<256).map(UInt8.init)) + Array((0..<256).map(UInt8.init)) + Array((0..<256).map(UInt8.init))
            + Array("xyz".utf8)
        #expect(bytes.count == 771)
        #expect(bytes.withUnsafeBytes { XXHash64.hash($0) } == 0xE921_A1B4_5BD7_79F8)
    }

    @Test func everyFlippedBitChangesTheSum() {
        var bytes = Array((0..<100).map { UInt8(truncatingIfNeeded: $0 &* 37) })
        let sum = bytes.withUnsafeBytes { XXHash64.hash($0) }
        for i in bytes.indices {
            for bit in 0..<8 {
                bytes[i] ^= 1 << bit
                #expect(bytes.withUnsafeBytes { XXHash64.hash($0) } != sum)
                bytes[i] ^= 1 << bit
            }
        }
    }
}
