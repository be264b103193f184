/// Sorts words on their high 32 bits by least-significant-digit radix, reusing its buffers from call to call.
///
/// Why: assembling the store sorts each (district, month, indicator) group's values by their area's label rank,
/// packed in the high word: thousands of sorts of thousands of words at village scale, where a comparison sort
/// was a fifth of the assembly. Label ranks are distinct within a group, so the order is the one a sort of the
/// whole words gives.
struct RadixSorter {
    private var buffer: [UInt64] = []
    private var counts: [Int] = []
    private static let digitBits = 11

    /// Sorts `words`, whose high words are distinct and below `highWordLimit`.
    mutating func sortByHighWord(_ words: inout [UInt64], highWordLimit: Int) {
        let n = words.count
        guard n > 64, highWordLimit > 0 else {
            words.sort()
            return
        }
        let bits = Int.bitWidth - highWordLimit.leadingZeroBitCount
        let passes = (bits + Self.digitBits - 1) / Self.digitBits
        let radix = 1 << Self.digitBits
        if buffer.count < n { buffer = [UInt64](repeating: 0, count: n) }
        if counts.count != radix + 1 { counts = [Int](repeating: 0, count: radix + 1) }
        for pass in 0..<passes {
            let shift = UInt64(32 + pass * Self.digitBits)
            let mask = UInt64(radix - 1)
            for d in counts.indices { counts[d] = 0 }
            for w in words { counts[Int((w >> shift) & mask) + 1] += 1 }
            for d in 0..<radix { counts[d + 1] += counts[d] }
            for w in words {
                let d = Int((w >> shift) & mask)
                buffer[counts[d]] = w
                counts[d] += 1
            }
            // The buffer may be longer than this group: keep its tail out of the result.
            if buffer.count == n {
                swap(&words, &buffer)
            } else {
                for i in 0..<n { words[i] = buffer[i] }
            }
        }
    }
}
