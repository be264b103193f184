import AgendaCore
import XlsxWriter

/// Sheet names of the presentation sheets, in Thai, always valid for Excel.
///
/// Excel allows 31 UTF-16 units (a Thai letter with a tone mark counts two), none of `[ ] : * ? / \`, and no
/// apostrophe at either end. Workstream names come from `workstreams.csv`, so they are cleaned and shortened here
/// rather than trusted.
enum SheetNames {
    static let dashboard = "ภาพรวม"
    static let completeness = "ความครบถ้วน"
    static let guide = "วิธีอ่านรายงาน"
    static let limit = 31

    /// `1 งานพัฒนาระบบการจัดการทรัพยากร…` for the first workstream: its position (so names stay unique and
    /// never start with an apostrophe), then its Thai name cleaned and cut at a whole letter; its id, then
    /// `ประเด็น N`, when the Thai name leaves nothing usable.
    static func workstream(_ workstream: Workstream, position: Int) -> String {
        let prefix = "\(position) "
        for candidate in [workstream.nameTH, workstream.id, workstream.nameEN] {
            let cleaned = clean(candidate)
            if !cleaned.isEmpty { return shorten(prefix + cleaned) }
        }
        return "ประเด็น \(position)"
    }

    /// Replaces forbidden characters and control characters by spaces, collapses runs of spaces and trims
    /// spaces and apostrophes from both ends.
    static func clean(_ text: String) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var out = ""
        var lastWasSpace = true
        for character in text {
            let isSpace = forbidden.contains(character) || character.isWhitespace
                || character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
            if isSpace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(character)
                lastWasSpace = false
            }
        }
        while let last = out.last, last == " " || last == "'" { out.removeLast() }
        while let first = out.first, first == " " || first == "'" { out.removeFirst() }
        return out
    }

    /// Cuts at a whole `Character` (a consonant keeps its vowels and tone marks) so the name fits 31 UTF-16
    /// units, ending with `…` when cut.
    static func shorten(_ name: String) -> String {
        guard name.utf16.count > limit else { return name }
        var out = ""
        for character in name {
            if out.utf16.count + character.utf16.count + 1 > limit { break }
            out.append(character)
        }
        while let last = out.last, last == " " || last == "'" { out.removeLast() }
        return out + "…"
    }
}
