/// How many columns a string takes in a monospaced font, so that Thai text lines up in the governor's summary.
///
/// Neither scalars nor `Character`s count columns: ผู้ใหญ่บ้าน is 11 scalars and 7 columns, while น้ำ is one `Character`
/// (Sara Am joins the cluster) yet 2 columns, because Sara Am is drawn beside its consonant. Thai above/below vowels
/// and tone marks stack on their consonant and take no column, while
/// Chinese, Japanese and Korean characters take two. The rule is the one terminals use (wcwidth): combining marks
/// and format characters 0, East Asian wide and fullwidth characters 2, everything else 1. Sara Am (U+0E33) and the
/// leading vowels เ แ โ ใ ไ are ordinary letters and take one column each.
public enum DisplayWidth {
    /// Columns taken by `text`.
    public static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    /// Columns taken by `character` (a base with its marks).
    public static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars { width += of(scalar) }
        return width
    }

    /// Columns taken by one scalar: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        // Printable ASCII and the Thai block's letters, digits and signs are one column: answered before the
        // Unicode tables, which cost a report with 400,000 anomaly reasons a twentieth of its time.
        if (0x20..<0x7F).contains(v) { return 1 }
        if isThaiCombining(v) { return 0 }
        if (0x0E00..<0x0E80).contains(v) { return 1 }
        return fromTables(scalar)
    }

    /// The width by the Unicode tables alone (what `of` answers for every scalar it does not short-cut).
    static func fromTables(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if isThaiCombining(v) { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            break
        }
        if (0x1160...0x11FF).contains(v) { return 0 }  // Hangul medial vowels and final consonants join the syllable.
        return isWide(v) ? 2 : 1
    }

    /// Mai Han-Akat, the above/below vowels and Phinthu, and Maitaikhu through Yamakkan (tone marks, Thanthakhat,
    /// Nikhahit). Listed explicitly so the Thai rule holds whatever Unicode tables the platform ships.
    static func isThaiCombining(_ v: UInt32) -> Bool {
        v == 0x0E31 || (0x0E34...0x0E3A).contains(v) || (0x0E47...0x0E4E).contains(v)
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, plus the emoji blocks that terminals draw two columns wide.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD,
             0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0,
             0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F,
             0x1F680...0x1F6FF, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

/// Which side of a column the text sits on: words to the left, numbers to the right.
public enum ColumnAlignment: Sendable {
    case left
    case right
}

extension String {
    /// Columns this string takes in a monospaced font (see `DisplayWidth`).
    public var displayWidth: Int { DisplayWidth.of(self) }

    /// The string with spaces added (after it for `.left`, before it for `.right`) until it is `width` columns
    /// wide. A string already as wide or wider comes back unchanged: padding never cuts text; use
    /// `truncated(toDisplayWidth:)` for that.
    public func padded(to width: Int, alignment: ColumnAlignment = .left) -> String {
        let missing = width - displayWidth
        guard missing > 0 else { return self }
        let spaces = String(repeating: " ", count: missing)
        return alignment == .left ? self + spaces : spaces + self
    }

    /// The string right-aligned in `width` columns: the way numbers sit in a table.
    public func rightAligned(to width: Int) -> String { padded(to: width, alignment: .right) }

    /// The string cut to at most `width` columns, ending in `ellipsis` when cut. Cuts only between `Character`s, so
    /// a Thai consonant never loses its vowel or tone mark.
    public func truncated(toDisplayWidth width: Int, ellipsis: String = "…") -> String {
        guard displayWidth > width else { return self }
        let budget = width - ellipsis.displayWidth
        guard budget > 0 else { return String(ellipsis.prefix(max(width, 0))) }
        var out = ""
        var used = 0
        for character in self {
            let w = DisplayWidth.of(character)
            if used + w > budget { break }
            out.append(character)
            used += w
        }
        return out + ellipsis
    }
}
