import Testing
@testable import AgendaCore

@Suite struct TextDecodingTests {
    func utf8Error(_ bytes: [UInt8], split: Int? = nil) -> Int? {
        var v = UTF8Validator()
        let cut = split ?? bytes.count
        let first = Array(bytes[..<cut]), second = Array(bytes[cut...])
        if let bad = first.withUnsafeBufferPointer({ v.feed($0) }) { return bad }
        if let bad = second.withUnsafeBufferPointer({ v.feed($0) }) { return bad }
        return v.finish()
    }

    @Test func strictUTF8() {
        #expect(utf8Error(Array("ก,ข,€ 😀 ascii".utf8)) == nil)
        #expect(utf8Error(Array("ก".utf8), split: 1) == nil, "a sequence may straddle chunks")
        #expect(utf8Error([0x41, 0xC0, 0x80]) == 1, "overlong")
        #expect(utf8Error([0x41, 0xED, 0xA0, 0x80]) == 1, "surrogate")
        #expect(utf8Error([0x41, 0x42, 0xE0, 0xB8]) == 2, "cut short at the end")
        #expect(utf8Error([0xA1]) == 0, "a Windows-874 ก is not UTF-8")
        #expect(utf8Error([0xF5, 0x80, 0x80, 0x80]) == 0)
    }

    @Test func windows874TableMatchesTheCodePage() {
        func decode(_ bytes: [UInt8]) -> String { bytes.withUnsafeBufferPointer { Windows874.decode($0) } }
        #expect(decode([0xA1, 0xD2, 0xC3]) == "การ")
        #expect(decode([0xF0, 0xF9]) == "๐๙")
        #expect(decode([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0xA0]) == "€…‘’“”•–—\u{00A0}")
        #expect(decode([0xDA, 0xDF, 0xFB]) == "\u{0E3A}฿\u{0E5B}")
        let undefined: [UInt8] = [0x81, 0x82, 0x83, 0x84] + Array(0x86...0x90) + Array(0x98...0x9F) + Array(0xDB...0xDE) + Array(0xFC...0xFF)
        for b in 0...255 {
            #expect(Windows874.isDefined(UInt8(b)) == !undefined.contains(UInt8(b)), "byte \(b)")
        }
    }

    @Test func thaiDigitsBecomeASCIIDigitsInBothEncodings() {
        var out: [UInt8] = []
        Array("๒๕๖๕-๐๑".utf8).withUnsafeBufferPointer { TextEncoding.utf8.asciiNormalized($0, into: &out) }
        #expect(String(decoding: out, as: UTF8.self) == "2565-01")
        [0xF2, 0xF5, 0xF6, 0xF5, 0x2D, 0xF0, 0xF1].withUnsafeBufferPointer { TextEncoding.windows874.asciiNormalized($0, into: &out) }
        #expect(String(decoding: out, as: UTF8.self) == "2565-01")
    }
}
