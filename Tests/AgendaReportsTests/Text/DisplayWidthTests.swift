import Testing
@testable import AgendaReports

@Suite struct DisplayWidthTests {
    @Test("the ASCII and Thai short cut answers what the Unicode tables answer")
    func shortCutAgreesWithTables() {
        for v in Array(0x00..<0x100) + Array(0x0E00..<0x0E80) {
            let scalar = Unicode.Scalar(UInt32(v))!
            #expect(DisplayWidth.of(scalar) == DisplayWidth.fromTables(scalar), "U+\(String(v, radix: 16))")
        }
    }

    @Test func thaiMarksTakeNoColumn() {
        // ผ ู ้ ใ ห ญ ่ บ ้ า น: the vowel below and three tone marks stack.
        #expect("ผู้ใหญ่บ้าน".displayWidth == 7)
        // Sara Am takes its own column even though it joins the consonant's Character.
        #expect("น้ำ".displayWidth == 2)
        #expect("น้ำ".count == 1)
        #expect("ที่".displayWidth == 1)
        #expect("เชียงคำ".displayWidth == 6)
        #expect("พฤศจิกายน".displayWidth == 8)
        #expect("สัญชาติ".displayWidth == 5)
        // Mai Han-Akat, Phinthu, Thanthakhat, Nikhahit.
        #expect(DisplayWidth.of(Unicode.Scalar(0x0E31)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x0E3A)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x0E4C)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x0E4D)!) == 0)
        // Leading vowels and Sara Am are letters.
        for leading in ["เ", "แ", "โ", "ใ", "ไ", "ำ"] { #expect(leading.displayWidth == 1) }
    }

    @Test func otherScripts() {
        #expect("Phayao 56".displayWidth == 9)
        #expect("".displayWidth == 0)
        #expect("年报".displayWidth == 4)
        #expect("한국".displayWidth == 4)
        #expect("ｱ".displayWidth == 1)  // halfwidth katakana
        #expect("Ａ".displayWidth == 2)  // fullwidth Latin
        #expect("e\u{301}".displayWidth == 1)
        #expect("a\u{200B}b".displayWidth == 2)
        #expect("–".displayWidth == 1)
    }

    @Test func paddingAlignsByDisplayWidth() {
        let names = ["ผู้ใหญ่บ้าน", "น้ำ", "ที่", "Mueang"]
        let padded = names.map { $0.padded(to: 10) + "|" }
        for line in padded { #expect(line.displayWidth == 11) }
        #expect("น้ำ".padded(to: 5) == "น้ำ   ")
        #expect("1,234".rightAligned(to: 8) == "   1,234")
        #expect("ที่".padded(to: 3, alignment: .right) == "  ที่")
        // Padding never cuts.
        #expect("ผู้ใหญ่บ้าน".padded(to: 3) == "ผู้ใหญ่บ้าน")
    }

    @Test func truncationKeepsMarksWithTheirConsonant() {
        let cut = "ผู้ใหญ่บ้าน".truncated(toDisplayWidth: 4)
        #expect(cut == "ผู้ให…")
        #expect(cut.displayWidth == 4)
        #expect("น้ำ".truncated(toDisplayWidth: 2) == "น้ำ")
        #expect("น้ำท่วม".truncated(toDisplayWidth: 3).displayWidth <= 3)
        #expect("Chiang Kham".truncated(toDisplayWidth: 6) == "Chian…")
        #expect("abc".truncated(toDisplayWidth: 0) == "")
    }

    @Test func tableColumnsAlignAcrossThaiRows() {
        var table = TextTable(alignments: [.left, .right], indent: "  ")
        table.add(["ผู้ใหญ่บ้าน", "1,234"])
        table.addText("a free line that is longer than the table")
        table.add(["น้ำ", "5"])
        table.add(["ที่", "–"])
        let lines = table.lines()
        #expect(lines.count == 4)
        let rowLines = [lines[0], lines[2], lines[3]]
        for line in rowLines { #expect(line.displayWidth == rowLines[0].displayWidth) }
        #expect(lines[3].hasSuffix("–"))
    }
}
