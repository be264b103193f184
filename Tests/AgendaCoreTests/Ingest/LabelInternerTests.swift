import Testing
@testable import AgendaCore
import TestSupport

/// The scan's label table gives one id per text, whatever bytes spelled it: the raw bytes of each encoding are only
/// a shortcut to the text, never a second label.
@Suite struct LabelInternerTests {
    /// "หมู่ 3" in UTF-8 and in Windows-874, and the same text padded with no-break spaces.
    static let utf8Thai = Array("หมู่ 3".utf8)
    static let win874Thai: [UInt8] = [0xCB, 0xC1, 0xD9, 0xE8, 0x20, 0x33]
    static let paddedThai = [0xC2, 0xA0] + utf8Thai + [0xC2, 0xA0]

    private func intern(_ interner: inout LabelInterner, _ bytes: [UInt8], _ encoding: TextEncoding,
                        column: Int = 0) -> Int {
        bytes.withUnsafeBufferPointer { interner.intern($0, encoding: encoding, column: column) }
    }

    @Test(arguments: [[0, 1, 2], [1, 0, 2], [2, 1, 0], [2, 0, 1]])
    func oneTextIsOneLabelInAnyOrder(order: [Int]) {
        let spellings: [([UInt8], TextEncoding)] = [
            (Self.utf8Thai, .utf8), (Self.win874Thai, .windows874), (Self.paddedThai, .utf8),
        ]
        var interner = LabelInterner()
        // Column 1 so the one-entry cache of column 0 is not what answers.
        let ids = order.flatMap { i in
            [intern(&interner, spellings[i].0, spellings[i].1), intern(&interner, spellings[i].0, spellings[i].1, column: 1)]
        }
        #expect(Set(ids).count == 1)
        #expect(interner.labels == ["", "หมู่ 3"])
    }

    @Test func onlyNoBreakSpacesIsTheEmptyLabel() {
        var interner = LabelInterner()
        #expect(intern(&interner, [0xC2, 0xA0], .utf8) == 0)
        #expect(intern(&interner, [0xA0], .windows874) == 0)
        #expect(interner.labels == [""])
    }

    /// Random spellings of a few texts against a model keyed by text: same text, same id; new text, next id.
    @Test func matchesAModelByText() {
        let texts = ["560300001", "หมู่ 3", "Ban Mae Ka", "บ้านแม่กา", "7"]
        var numbers = SeededNumbers(seed: 874)
        var interner = LabelInterner()
        var model: [String: Int] = ["": 0]
        for _ in 0..<2_000 {
            let text = texts[numbers.next(texts.count)]
            let ascii = text.utf8.allSatisfy { $0 < 0x80 }
            let bytes: [UInt8]
            let encoding: TextEncoding
            switch numbers.next(3) {
            case 0 where text == "หมู่ 3": (bytes, encoding) = (Self.win874Thai, .windows874)
            case 0 where ascii: (bytes, encoding) = (Array(text.utf8), .windows874)
            case 1: (bytes, encoding) = ([0xC2, 0xA0] + Array(text.utf8), .utf8)
            default: (bytes, encoding) = (Array(text.utf8), .utf8)
            }
            let id = intern(&interner, bytes, encoding, column: numbers.next(2))
            let expected = model[text] ?? model.count
            model[text] = expected
            #expect(id == expected, "\(text) as \(bytes)")
        }
        #expect(interner.labels.count == texts.count + 1)
    }
}
