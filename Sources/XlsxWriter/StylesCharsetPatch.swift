/// Adds `<charset val="N"/>` to the `<font>` elements of `xl/styles.xml` that formats asked a charset for.
///
/// Why: Debian's libxlsxwriter 1.1.4 stores `format_set_font_charset` (and even uses it to tell fonts apart)
/// but never writes `<charset>`, and Excel ignores a Thai font name such as "TH Sarabun New" unless the font's
/// charset says Thai (222). `Workbook.close()` applies this patch to the finished file.
///
/// Mapping formats to fonts: by cell-format (xf) index, not by font name. Each used format has an xf index
/// (which `Workbook.close()` asks the library for before writing), its position in `<cellXfs>`; that `<xf>`'s
/// `fontId` is the position of its `<font>` in `<fonts>`.
/// Name matching would be wrong when a charset is set on the default font name (Calibri with charset 222 is
/// a separate `<font>` from the default Calibri, which must stay untouched).
///
/// Schema: CT_Font's children come in the order b, i, strike, condense, extend, outline, shadow, u, vertAlign,
/// sz, color, name, family, charset, scheme, so `<charset>` goes right before `<scheme>` or else at the end.
/// A font that already has `<charset>` (a library version that writes it) is left alone. Fonts inside
/// `<dxfs>` (conditional formats) are not patched: the library writes no font name there.
enum StylesCharsetPatch {
    /// The patched XML, or nil when no font needed a change. `charsetsByXfIndex` maps a cell-format index
    /// to the charset its format requested.
    static func patch(_ xml: [UInt8], charsetsByXfIndex: [Int: UInt8]) throws -> [UInt8]? {
        guard !charsetsByXfIndex.isEmpty else { return nil }
        let fontIds = try cellFormatFontIds(in: xml)
        var charsetsByFont: [Int: UInt8] = [:]
        for (xfIndex, charset) in charsetsByXfIndex.sorted(by: { $0.key < $1.key }) {
            guard xfIndex < fontIds.count else {
                throw ZipRepackError("cell format \(xfIndex) is missing from <cellXfs> (\(fontIds.count) formats)")
            }
            let fontId = fontIds[xfIndex]
            if let earlier = charsetsByFont[fontId], earlier != charset {
                throw ZipRepackError("font \(fontId) is shared by formats asking for charsets \(earlier) and \(charset)")
            }
            charsetsByFont[fontId] = charset
        }

        let fonts = try elements(named: "font", inSection: "fonts", of: xml)
        var insertions: [(offset: Int, text: [UInt8])] = []
        for (fontId, charset) in charsetsByFont.sorted(by: { $0.key < $1.key }) {
            guard fontId < fonts.count else {
                throw ZipRepackError("font \(fontId) is missing from <fonts> (\(fonts.count) fonts)")
            }
            let font = fonts[fontId]
            guard let close = xml.firstRange(of: Array("</font>".utf8), in: font) else {
                throw ZipRepackError("font \(fontId) in <fonts> has no children, cannot add a charset")
            }
            if xml.firstRange(of: Array("<charset ".utf8), in: font) != nil { continue }
            let scheme = xml.firstRange(of: Array("<scheme ".utf8), in: font)
            insertions.append((scheme?.lowerBound ?? close.lowerBound, Array("<charset val=\"\(charset)\"/>".utf8)))
        }
        guard !insertions.isEmpty else { return nil }
        var patched = xml
        for insertion in insertions.sorted(by: { $0.offset > $1.offset }) {
            patched.insert(contentsOf: insertion.text, at: insertion.offset)
        }
        return patched
    }

    /// `fontId` of every `<xf>` in `<cellXfs>`, in order (an absent `fontId` means font 0).
    static func cellFormatFontIds(in xml: [UInt8]) throws -> [Int] {
        try elements(named: "xf", inSection: "cellXfs", of: xml).map { xf in
            guard let value = attribute("fontId", of: xf, in: xml) else { return 0 }
            guard let id = Int(value) else { throw ZipRepackError("<xf> has fontId \"\(value)\"") }
            return id
        }
    }

    /// Byte ranges of each `<name …>…</name>` or `<name …/>` element directly inside `<section …>…</section>`.
    /// Enough for the flat, machine-written styles.xml of libxlsxwriter (no comments, CDATA or nesting of
    /// the same element name).
    static func elements(named name: String, inSection section: String, of xml: [UInt8]) throws -> [Range<Int>] {
        guard let open = startTag(section, in: xml, within: 0..<xml.count),
              let sectionEnd = xml.firstRange(of: Array("</\(section)>".utf8), in: open.upperBound..<xml.count)
        else { throw ZipRepackError("xl/styles.xml has no <\(section)> section") }
        if xml[open.upperBound - 2] == UInt8(ascii: "/") { return [] }  // <section …/>
        var result: [Range<Int>] = []
        var cursor = open.upperBound
        while let tag = startTag(name, in: xml, within: cursor..<sectionEnd.lowerBound) {
            if xml[tag.upperBound - 2] == UInt8(ascii: "/") {
                result.append(tag)
                cursor = tag.upperBound
            } else {
                guard let end = xml.firstRange(of: Array("</\(name)>".utf8), in: tag.upperBound..<sectionEnd.lowerBound)
                else { throw ZipRepackError("<\(name)> in <\(section)> is not closed") }
                result.append(tag.lowerBound..<end.upperBound)
                cursor = end.upperBound
            }
        }
        return result
    }

    /// The range of the next start tag `<name>` / `<name …>` / `<name/>` in `range` (not `<names…>`).
    private static func startTag(_ name: String, in xml: [UInt8], within range: Range<Int>) -> Range<Int>? {
        let opener = Array("<\(name)".utf8)
        var cursor = range.lowerBound
        while let found = xml.firstRange(of: opener, in: cursor..<range.upperBound) {
            let next = found.upperBound
            guard next < range.upperBound else { return nil }
            if [UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "/")].contains(xml[next]),
               let close = xml[next..<range.upperBound].firstIndex(of: UInt8(ascii: ">")) {
                return found.lowerBound..<(close + 1)
            }
            cursor = next
        }
        return nil
    }

    /// The value of `name="…"` in the start tag of `element`.
    private static func attribute(_ name: String, of element: Range<Int>, in xml: [UInt8]) -> String? {
        guard let tagEnd = xml[element].firstIndex(of: UInt8(ascii: ">")),
              let found = xml.firstRange(of: Array(" \(name)=\"".utf8), in: element.lowerBound..<tagEnd),
              let quote = xml[found.upperBound..<tagEnd].firstIndex(of: UInt8(ascii: "\""))
        else { return nil }
        return String(decoding: xml[found.upperBound..<quote], as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    /// The first occurrence of `pattern` that lies entirely inside `range`.
    func firstRange(of pattern: [UInt8], in range: Range<Int>) -> Range<Int>? {
        guard !pattern.isEmpty, range.count >= pattern.count else { return nil }
        var index = range.lowerBound
        let last = range.upperBound - pattern.count
        while index <= last {
            if self[index] == pattern[0], self[index..<(index + pattern.count)].elementsEqual(pattern) {
                return index..<(index + pattern.count)
            }
            index += 1
        }
        return nil
    }
}
