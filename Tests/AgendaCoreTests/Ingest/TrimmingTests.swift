import Testing
@testable import AgendaCore

/// Labels are trimmed of Unicode whitespace at both ends; the short cut for labels that start and end with printable
/// ASCII must answer what the Unicode check answers.
@Suite struct TrimmingTests {
    @Test("trimming with and without the ASCII short cut agree", arguments: [
        "560100001", " 560100001", "560100001\t", "\u{00A0}บ้านต๋อม หมู่ 3\u{3000}", "หมู่ 3", "x", " ", "",
        "a\u{2003}", "\u{2003}a", "a b", "\r\nบ้าน\n", "\u{0085}x", "x\u{200B}",
    ])
    func agrees(label: String) {
        let scalars = label.unicodeScalars
        let expected: String
        if let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) {
            expected = String(scalars[first...scalars.lastIndex(where: { !$0.properties.isWhitespace })!])
        } else {
            expected = ""
        }
        #expect(label.trimmingWhitespace() == expected)
    }
}
