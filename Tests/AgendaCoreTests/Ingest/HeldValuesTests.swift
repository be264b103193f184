import Testing
@testable import AgendaCore
import TestSupport

/// The merge's held rows: read back exactly across chunk boundaries, and taken once each in any order, every chunk
/// freed when its last row goes.
@Suite struct HeldValuesTests {
    @Test("rows round-trip across chunks, values bit for bit, taken in batches in any order, each chunk freed with its last row")
    func chunks() {
        var held = HeldValues(retainsValues: true)
        let size = HeldValues.chunkSize
        let count = size * 2 + 5
        let values: [Double] = [0, -0.0, 1.5, .greatestFiniteMagnitude, 1e-300, 123_456.789]
        for i in 0..<count {
            held.append(.init(value: values[i % values.count], note: UInt32(i % 7), file: UInt32(i / 1000),
                              line: UInt32(i)))
        }
        #expect(held.count == count)
        held[size] = .init(value: 42, note: 1, file: 2, line: 3)
        held.markDead(count - 1)
        #expect(held.file(count - 1) == HeldValues.dead && held[size].value == 42)
        #expect(held.chunksHeld == 3)

        // Batches as the store takes key groups: each in its own order, some crossing a chunk boundary.
        var numbers = SeededNumbers(seed: 11)
        var order = Array(0..<(count - 1))  // every live row
        for i in order.indices.reversed() { order.swapAt(i, numbers.next(i + 1)) }
        // Chunk 1's rows last, so chunks 0 and 2 are seen to go while it stays.
        order = order.filter { $0 / size != 1 } + order.filter { $0 / size == 1 }
        var rows: [HeldValues.Row] = []
        var taken = 0
        var untakenPerChunk = [0, 0, 0]
        for i in order { untakenPerChunk[i / size] += 1 }
        while taken < order.count {
            let batch = Array(order[taken..<min(taken + 1 + numbers.next(5_000), order.count)])
            held.take(count: batch.count, index: { batch[$0] }, into: &rows)
            #expect(rows.count == batch.count)
            for (k, i) in batch.enumerated() {
                untakenPerChunk[i / size] -= 1
                let row = rows[k]
                if i == size {
                    #expect(row.value == 42 && row.line == 3)
                } else {
                    #expect(row.value.bitPattern == values[i % values.count].bitPattern && row.line == UInt32(i)
                            && row.note == UInt32(i % 7) && row.file == UInt32(i / 1000))
                }
            }
            taken += batch.count
            // A chunk is held exactly while one of its live rows is still to be taken (chunk 2's dead row does
            // not hold it).
            #expect(held.chunksHeld == untakenPerChunk.count { $0 > 0 }, "after \(taken) rows")
        }
        #expect(held.chunksHeld == 0)
    }

    @Test("the radix sort orders words by their distinct high words, as a sort of the whole words does",
          arguments: [0, 1, 63, 65, 3_000, 70_000])
    func radix(count: Int) {
        var numbers = SeededNumbers(seed: UInt64(count) &+ 1)
        var ranks = Array(0..<UInt64(count * 3 + 1))
        for i in ranks.indices.reversed() { ranks.swapAt(i, numbers.next(i + 1)) }  // a deterministic shuffle
        var sorter = RadixSorter()
        for round in 0..<2 {  // the sorter's buffers are reused: the second call is shorter than its buffer
            let words = (0..<(round == 0 ? count : count / 2)).map { ranks[$0] << 32 | UInt64(($0 * 7 + round) % 1_000) }
            var sorted = words
            sorter.sortByHighWord(&sorted, highWordLimit: count * 3 + 1)
            #expect(sorted == words.sorted())
        }
    }

    @Test("dense high words (a span at most twice their count) are placed, sparse ones radix-sorted, one sorter reused",
          arguments: [65, 1_000, 70_000])
    func denseAndSparse(count: Int) {
        var numbers = SeededNumbers(seed: UInt64(count))
        var sorter = RadixSorter()
        // Spans: exactly the count, twice it (the edge), then sparse, then dense again at another base.
        for (round, (base, span)) in [(7, count), (100_000, 2 * count), (0, 3 * count + 5), (42, count + 3)].enumerated() {
            var ranks = Array(0..<span)
            for i in ranks.indices.reversed() { ranks.swapAt(i, numbers.next(i + 1)) }
            let words = ranks.prefix(count).map { UInt64(base + $0) << 32 | UInt64(numbers.next(1_000_000) + round) }
            var sorted = words
            sorter.sortByHighWord(&sorted, highWordLimit: base + span)
            #expect(sorted == words.sorted())
        }
    }

    @Test("a row is 20 bytes: the value's two halves keep it from being padded to 24")
    func rowSize() {
        #expect(MemoryLayout<HeldValues.Row>.stride == 20)
    }
}
