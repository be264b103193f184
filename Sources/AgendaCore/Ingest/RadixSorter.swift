/// Sorts words on their high 32 bits by least-significant-digit radix, reusing its buffers from call to call.
///
/// Why: assembling the store sorts each (district, month, indicator) group's values by their area's label rank,
/// packed in the high word: thousands of sorts of thousands of words at village scale, where a comparison sort
/// was a fifth of the assembly. Label ranks are distinct within a group, so the order is the one a sort of the
/// whole words gives.
struct RadixSorter {
    private var buffer: [UInt64] = []
    private var counts: [Int] = []
    /// `placeDense`'s table, all ones between calls.
    private var table: [UInt64] = []
    private static let digitBits = 11

    /// Sorts `words`, whose high words are distinct and below `highWordLimit`.
    mutating func sortByHighWord(_ words: inout [UInt64], highWordLimit: Int) {
        let n = words.count
        precondition(highWordLimit <= Int(UInt32.max), "high words must fit 32 bits")
        guard n > 64, highWordLimit > 0 else {
            words.sort()
            return
        }
        if placeDense(&words) { return }
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

    /// When the high words span at most twice their count (a district's areas have neighbouring label ranks, so
    /// nearly every group does), each word goes straight to its place in a table over that span, read back in
    /// order: one pass over the words and two over the span, where the radix sort's digit counts cost more than
    /// the words themselves for a group of a thousand. Returns false, changing nothing, for a sparse group.
    private mutating func placeDense(_ words: inout [UInt64]) -> Bool {
        var low = UInt64.max
        var high: UInt64 = 0
        for w in words {
            low = min(low, w >> 32)
            high = max(high, w >> 32)
        }
        let span = Int(high - low) + 1
        guard span <= 2 * words.count else { return false }
        // No word is all ones: its high word would be UInt32.max, above any label count.
        if table.count < span { table = [UInt64](repeating: .max, count: span) }
        table.withUnsafeMutableBufferPointer { table in
            words.withUnsafeMutableBufferPointer { words in
                for w in words { table[Int((w >> 32) - low)] = w }
                var k = 0
                for i in 0..<span where table[i] != .max {
                    words[k] = table[i]
                    table[i] = .max
                    k += 1
                }
                precondition(k == words.count, "high words must be distinct")
            }
        }
        return true
    }
}
