import Testing
@testable import AgendaCore

/// The merge's held rows: read back exactly across chunk boundaries, and taken once each in any order, every chunk
/// freed when its last row goes.
@Suite struct HeldValuesTests {
    @Test("rows round-trip across chunks, values bit for bit, and are taken in any order")
    func chunks() {
        var held = HeldValues(retainsValues: true)
        let count = HeldValues.chunkSize * 2 + 5
        let values: [Double] = [0, -0.0, 1.5, .greatestFiniteMagnitude, 1e-300, 123_456.789]
        for i in 0..<count {
            held.append(.init(value: values[i % values.count], note: UInt32(i % 7), file: UInt32(i / 1000),
                              line: UInt32(i)))
        }
        #expect(held.count == count)
        held[HeldValues.chunkSize] = .init(value: 42, note: 1, file: 2, line: 3)
        held.markDead(count - 1)
        #expect(held.file(count - 1) == HeldValues.dead && held[HeldValues.chunkSize].value == 42)
        // Take every live row, last first, as the store's key order might.
        for i in 0..<(count - 1) { held.expectTaking(i) }
        for i in stride(from: count - 2, through: 0, by: -1) {
            let row = held.take(i)
            if i == HeldValues.chunkSize {
                #expect(row.value == 42 && row.line == 3)
            } else {
                #expect(row.value.bitPattern == values[i % values.count].bitPattern && row.line == UInt32(i)
                        && row.note == UInt32(i % 7) && row.file == UInt32(i / 1000))
            }
        }
    }

    @Test("a row is 20 bytes: the value's two halves keep it from being padded to 24")
    func rowSize() {
        #expect(MemoryLayout<HeldValues.Row>.stride == 20)
    }
}
