import Foundation

/// A UTF-8 checker that, unlike `UTF8Validator`, carries on past an invalid sequence: it reports each one and
/// resynchronises on the next byte, chunk by chunk (sequences may straddle chunks). It also counts the evidence
/// that decides a file's encoding.
///
/// Why a second checker: the strict one is the hot path for every clean file and stops at the first bad byte;
/// this one runs only on the rare file that has one, to learn what the whole file is.
struct ResyncingUTF8Validator {
    private(set) var offset = 0
    private var sequenceStart = 0
    private var leadByte: UInt8 = 0
    private var secondByte: UInt8 = 0
    private var pending = 0
    private var length = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    /// Valid three-byte sequences for an assigned Thai character (U+0E01–U+0E3A, U+0E3F–U+0E5B). Windows-874 text
    /// almost never forms one by chance: it would take เ (0xE0) followed by ธ or น and then a byte of 0x80–0xBF that
    /// spells a Thai letter, so one is strong evidence that the file was written as UTF-8.
    private(set) var thaiSequences = 0
    /// Valid multi-byte sequences that are not Thai. Windows-874 Thai forms these all the time (า ก = D2 A1 is the
    /// valid UTF-8 for U+04A1), so they prove little on their own.
    private(set) var otherSequences = 0
    /// Invalid sequences seen (each counted at its first byte).
    private(set) var invalidSequences = 0

    /// Feeds one chunk; `report(offset, byte)` is called with the offset and lead byte of each invalid sequence.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, report: (Int, UInt8) -> Void) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if pending == 0 {
                if b < 0x80 { i += 1; continue }
                sequenceStart = offset + i
                leadByte = b
                guard let lead = UTF8Validator.lead(b) else {
                    invalidSequences += 1
                    report(sequenceStart, b)
                    i += 1
                    continue
                }
                (pending, lower, upper) = lead
                length = pending + 1
                i += 1
            } else {
                guard b >= lower && b <= upper else {
                    // The sequence is cut short; this byte starts afresh.
                    invalidSequences += 1
                    report(sequenceStart, leadByte)
                    pending = 0
                    continue
                }
                if pending == length - 1 { secondByte = b }
                lower = 0x80
                upper = 0xBF
                pending -= 1
                if pending == 0 {
                    if length == 3 && leadByte == 0xE0 && Self.isThai(second: secondByte, third: b) {
                        thaiSequences += 1
                    } else {
                        otherSequences += 1
                    }
                }
                i += 1
            }
        }
        offset += n
    }

    /// At the end of input: a sequence cut short by the end of the file is invalid too.
    mutating func finish(report: (Int, UInt8) -> Void) {
        if pending > 0 {
            invalidSequences += 1
            report(sequenceStart, leadByte)
            pending = 0
        }
    }

    private static func isThai(second: UInt8, third: UInt8) -> Bool {
        // U+0E00–U+0E3F is E0 B8 80–BF; U+0E40–U+0E7F is E0 B9 80–BF.
        let scalar = 0x0E00 + (second == 0xB8 ? 0 : second == 0xB9 ? 0x40 : 0x100) + Int(third & 0x3F)
        return (0x0E01...0x0E3A).contains(scalar) || (0x0E3F...0x0E5B).contains(scalar)
    }
}

/// What a file's bytes say about its encoding, once the strict UTF-8 read has found an invalid byte.
enum EncodingEvidence: Equatable {
    /// UTF-8 Thai letters (or a UTF-8 byte-order mark) beside bytes that are not UTF-8: the file is UTF-8 with a few
    /// foreign bytes. It is read as UTF-8 and only the rows holding those bytes are rejected.
    case mixedUTF8
    /// More valid UTF-8 sequences than invalid ones, none of them Thai: it could be UTF-8 with a stray byte or
    /// Windows-874 whose bytes happen to pair up. The file is rejected whole rather than guessed.
    case ambiguous(valid: Int, invalid: Int)
    /// Nothing points to UTF-8: try Windows-874.
    case windows874

    /// Reads the whole file once with the resyncing checker. Stops early once Thai UTF-8 is seen.
    static func examine(_ file: SubmissionFile, hadBOM: Bool) throws -> EncodingEvidence {
        if hadBOM { return .mixedUTF8 }
        var source = try file.open()
        var validator = ResyncingUTF8Validator()
        var chunk: [UInt8] = []
        while try source.read(into: &chunk, maxCount: 1 << 20) > 0 {
            chunk.withUnsafeBufferPointer { validator.feed($0) { _, _ in } }
            chunk.removeAll(keepingCapacity: true)
            if validator.thaiSequences > 0 { return .mixedUTF8 }
        }
        validator.finish { _, _ in }
        if validator.otherSequences > validator.invalidSequences {
            return .ambiguous(valid: validator.otherSequences, invalid: validator.invalidSequences)
        }
        return .windows874
    }
}

/// Bytes that are not UTF-8 in a file read as mixed UTF-8, shared between the byte source that finds them and
/// the row checker that rejects the rows holding them.
///
/// A class because the two sit on either side of the CSV reader, which owns the source by value. It holds only
/// what the reader has read ahead (a chunk plus a record), because the checker takes entries as rows pass.
final class InvalidByteLog {
    /// Stream offsets (file offset minus a skipped byte-order mark) and lead bytes, in order.
    private var offsets: [Int] = []
    private var bytes: [UInt8] = []
    private var head = 0
    /// Bytes skipped before the stream (3 for a byte-order mark): added back for messages.
    var streamShift = 0

    func append(offset: Int, byte: UInt8) {
        offsets.append(offset)
        bytes.append(byte)
    }

    /// Removes and returns the first entry inside `range`, after dropping entries before it (they belong to
    /// records already passed, such as an over-long record's discarded tail); then drops the rest inside `range`.
    func take(in range: Range<Int>) -> (offset: Int, byte: UInt8)? {
        while head < offsets.count && offsets[head] < range.lowerBound { head += 1 }
        var first: (Int, UInt8)?
        while head < offsets.count && offsets[head] < range.upperBound {
            if first == nil { first = (offsets[head], bytes[head]) }
            head += 1
        }
        if head > 4096 && head * 2 > offsets.count {
            offsets.removeFirst(head)
            bytes.removeFirst(head)
            head = 0
        }
        return first
    }
}
