import Testing
@testable import AgendaCore

/// Recycled row arrays come back empty with their room, never with an earlier file's rows, and no more are kept
/// than the limit.
@Suite struct RowBuffersTests {
    private static func rows(_ count: Int) -> [CompactRow] {
        (0..<count).map { CompactRow(key: CompactKey(packed: UInt64($0), area: 1), value: Double($0), note: 0, line: Int32($0)) }
    }

    @Test func givenBackEmptyWithRoom() {
        let buffers = RowBuffers(limit: 2)
        #expect(buffers.take().capacity == 0)
        var used = Self.rows(1_000)
        buffers.give(&used)
        #expect(used.isEmpty)
        let again = buffers.take()
        #expect(again.isEmpty && again.capacity >= 1_000)
        #expect(buffers.take().capacity == 0)
    }

    @Test func keepsAtMostTheLimitAndDrains() {
        let buffers = RowBuffers(limit: 2)
        for _ in 0..<5 {
            var used = Self.rows(10)
            buffers.give(&used)
        }
        #expect(buffers.take().capacity >= 10 && buffers.take().capacity >= 10)
        #expect(buffers.take().capacity == 0)
        var used = Self.rows(10)
        buffers.give(&used)
        buffers.drain()
        #expect(buffers.take().capacity == 0)
    }
}
