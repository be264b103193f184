/// The one place where text becomes safe to hand to libxlsxwriter, which writes strings into the package's XML.
///
/// XML 1.0 allows only tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF. Checked in 1.1.4:
/// libxlsxwriter escapes C0 controls (including CR) as `_xHHHH_` in cell strings only, shared and inline; in
/// comments, headers and footers, data-validation prompts, chart text and document properties it writes them
/// raw, and U+FFFE/U+FFFF raw everywhere. One such character makes the part unparseable: openpyxl refuses
/// the file and Excel "repairs" it, dropping text. A NUL would also cut the C string short.
///
/// Every public entry point of this module that passes text to C goes through `safe(_:_:limit:)`, in one of two
/// modes (see `Mode`). Text with nothing to change is returned as it is, without allocating: one scan over its
/// UTF-8 bytes, because a workbook writes hundreds of thousands of cells and almost none need work.
public enum XMLText {
    public enum Mode: Sendable {
        /// For Excel's escaped string type (ST_Xstring): cell text, comments, headers and footers,
        /// data-validation titles and messages, table headers. Forbidden characters become `_xHHHH_`, which
        /// Excel turns back into the character (openpyxl 3.1 shows such cells literally, except in headers and
        /// footers). An underscore that starts a literal `_xHHHH_` is written `_x005F_`, Excel's own rule, so
        /// text a user typed as `_x0041_` reads back as itself and not as "A".
        case escaped
        /// For text nothing unescapes: chart text (DrawingML), document properties, formulas, number formats,
        /// font and author names. Forbidden characters become U+FFFD, visibly "a character that was here".
        case plain
    }

    /// Excel's limit on the characters of a cell (and of a comment).
    public static let cellLimit = 32_767

    /// `text` as it can be written in `mode`. CR and CRLF become LF in both modes: Excel breaks lines in a cell
    /// on LF only, and a raw CR in XML would be read back as LF anyway.
    ///
    /// With a `limit`, text longer than Excel allows is cut at a whole Character (a Thai consonant keeps its
    /// vowels and tone marks) and ends with a visible marker, e.g. "… [ตัด/cut: 40,000 → 32,767]", instead of
    /// being refused by the library or silently shortened. The length is counted so that both Excel (UTF-16
    /// units of the text as read) and libxlsxwriter (code points of the escaped text) stay within the limit.
    public static func safe(_ text: String, _ mode: Mode, limit: Int? = nil) -> String {
        let escaped = mode == .escaped
        let clean = !scan(text, escaped: escaped)
        // A UTF-8 byte count within the limit bounds both UTF-16 units and code points.
        if clean, limit.map({ text.utf8.count <= $0 }) ?? true { return text }

        let scalars = Array(text.unicodeScalars)
        if let limit, cost(of: scalars, escaped: escaped) > limit {
            return cut(text, escaped: escaped, limit: limit)
        }
        return transform(scalars[...], escaped: escaped)
    }

    /// True when `name` holds a character XML 1.0 cannot hold (or CR), for names that must be refused rather
    /// than changed: sheet names and validation-list items, which other formulas refer to as written.
    public static func hasForbiddenCharacters(_ name: String) -> Bool {
        scan(name, escaped: false)
    }

    /// `needsWork` over the string's own UTF-8 storage (native strings), or a copy for bridged ones.
    private static func scan(_ text: String, escaped: Bool) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { needsWork($0, escaped: escaped) }
            ?? Array(text.utf8).withUnsafeBufferPointer { needsWork($0, escaped: escaped) }
    }

    // MARK: Scanning

    /// The byte scan of the fast path: C0 controls other than tab and LF, U+FFFE and U+FFFF (EF BF BE,
    /// EF BF BF in UTF-8), and in escaped mode "_x", which may start a literal escape. CR counts too, for the
    /// LF normalisation.
    static func needsWork(_ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A { return true }
            } else if byte == 0xEF {
                if index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return true }
            } else if byte == 0x5F, escaped {
                if index + 1 < count, bytes[index + 1] == 0x78 { return true }
            }
            index += 1
        }
        return false
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE
            || value == 0xFFFF
    }

    /// True when the scalars from `index` read `_xHHHH_`.
    static func startsLiteralEscape(_ scalars: ArraySlice<Unicode.Scalar>, at index: Int) -> Bool {
        guard index + 6 < scalars.endIndex, scalars[index] == "_", scalars[index + 1] == "x",
              scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    // MARK: Transforming

    /// What one scalar becomes, and what it costs against a limit. `next` is the following scalar (for CRLF).
    private enum Piece {
        case keep, drop, replace(Unicode.Scalar), escape(UInt32)
    }

    private static func piece(_ scalars: ArraySlice<Unicode.Scalar>, _ index: Int, escaped: Bool) -> Piece {
        let scalar = scalars[index]
        if scalar == "\r" {
            return index + 1 < scalars.endIndex && scalars[index + 1] == "\n" ? .drop : .replace("\n")
        }
        if isForbidden(scalar) { return escaped ? .escape(scalar.value) : .replace("\u{FFFD}") }
        if escaped, scalar == "_", startsLiteralEscape(scalars, at: index) { return .escape(0x5F) }
        return .keep
    }

    /// Excel's UTF-16 units after unescaping or libxlsxwriter's code points of the escaped text, whichever is
    /// more: an escape is 7 code points for the library, a character outside the BMP 2 units for Excel.
    private static func cost(_ piece: Piece, _ scalar: Unicode.Scalar) -> Int {
        switch piece {
        case .keep: scalar.utf16.count
        case .drop: 0
        case .replace: 1
        case .escape: 7
        }
    }

    static func cost(of scalars: [Unicode.Scalar], escaped: Bool) -> Int {
        let slice = scalars[...]
        var total = 0
        for index in slice.indices { total += cost(piece(slice, index, escaped: escaped), slice[index]) }
        return total
    }

    private static func append(_ piece: Piece, _ scalar: Unicode.Scalar, to output: inout String.UnicodeScalarView) {
        switch piece {
        case .keep: output.append(scalar)
        case .drop: break
        case .replace(let replacement): output.append(replacement)
        case .escape(let value):
            output.append(contentsOf: "_x".unicodeScalars)
            output.append(contentsOf: hex4(value).unicodeScalars)
            output.append("_")
        }
    }

    private static func transform(_ scalars: ArraySlice<Unicode.Scalar>, escaped: Bool) -> String {
        var output = String.UnicodeScalarView()
        for index in scalars.indices {
            append(piece(scalars, index, escaped: escaped), scalars[index], to: &output)
        }
        return String(output)
    }

    /// Whole Characters while they fit with the marker, then the marker.
    private static func cut(_ text: String, escaped: Bool, limit: Int) -> String {
        let marker = "… [ตัด/cut: \(grouped(text.utf16.count)) → \(grouped(limit))]"
        let budget = max(0, limit - marker.utf16.count)
        let scalars = Array(text.unicodeScalars)[...]
        var output = String.UnicodeScalarView()
        var spent = 0
        var index = 0
        for character in text {
            let end = index + character.unicodeScalars.count
            var pieces: [(Piece, Unicode.Scalar)] = []
            var characterCost = 0
            for position in index..<end {
                let piece = piece(scalars, position, escaped: escaped)
                pieces.append((piece, scalars[position]))
                characterCost += cost(piece, scalars[position])
            }
            if spent + characterCost > budget { break }
            spent += characterCost
            for (piece, scalar) in pieces { append(piece, scalar, to: &output) }
            index = end
        }
        return String(output) + marker
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// 40000 → "40,000", independent of the locale.
    static func grouped(_ number: Int) -> String {
        var digits = Array(String(number))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        return String(digits)
    }
}
