/// A strict UTF-8 checker fed chunk by chunk (sequences may straddle chunks).
///
/// Strict means what the Unicode standard means: no overlong forms, no surrogates, nothing above U+10FFFF, no
/// sequence cut short. It only checks; decoding happens later, per field, when a value is needed.
struct UTF8Validator {
    /// Bytes of input seen so far.
    private(set) var offset = 0
    /// Offset of the lead byte of the sequence in progress.
    private var sequenceStart = 0
    /// Lead byte of the sequence in progress (it may sit in an earlier chunk).
    private(set) var leadByte: UInt8 = 0
    private var pending = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    /// True once a valid multi-byte sequence was seen: a file that has some is UTF-8 with a broken byte, not
    /// Windows-874.
    private(set) var sawMultibyte = false

    /// Returns the offset of the first byte of the first invalid sequence, or nil when all is well so far.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        var i = 0
        while i < n {
            if pending == 0 {
                // Fast path: eight ASCII bytes at a time.
                while i + 8 <= n {
                    let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    i += 8
                }
                if i >= n { break }
                let b = bytes[i]
                if b < 0x80 { i += 1; continue }
                // Fast path for a whole two- or three-byte sequence inside this chunk (Thai is E0 B8/B9 xx);
                // anything else, or a sequence cut by the chunk's end, goes through the state machine below.
                if b >= 0xC2, b <= 0xDF, i + 1 < n, bytes[i + 1] & 0xC0 == 0x80 {
                    sawMultibyte = true
                    i += 2
                    continue
                }
                if b >= 0xE0, b <= 0xEF, b != 0xED, i + 2 < n {
                    let b1 = bytes[i + 1], b2 = bytes[i + 2]
                    if b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b != 0xE0 || b1 >= 0xA0 {
                        sawMultibyte = true
                        i += 3
                        continue
                    }
                }
                sequenceStart = offset + i
                leadByte = b
                guard let lead = Self.lead(b) else { return sequenceStart }
                (pending, lower, upper) = lead
                i += 1
            } else {
                let b = bytes[i]
                if b < lower || b > upper { return sequenceStart }
                lower = 0x80
                upper = 0xBF
                pending -= 1
                if pending == 0 { sawMultibyte = true }
                i += 1
            }
        }
        offset += n
        return nil
    }

    /// What a lead byte promises (the Unicode standard's table of well-formed sequences): how many continuation
    /// bytes follow and the range the first of them must fall in (later ones are 0x80–0xBF); nil for a byte that
    /// cannot start a sequence (0x80–0xC1, 0xF5–0xFF).
    @inline(__always)
    static func lead(_ b: UInt8) -> (pending: Int, lower: UInt8, upper: UInt8)? {
        switch b {
        case 0xC2...0xDF: (1, 0x80, 0xBF)
        case 0xE0: (2, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE, 0xEF: (2, 0x80, 0xBF)
        case 0xED: (2, 0x80, 0x9F)
        case 0xF0: (3, 0x90, 0xBF)
        case 0xF1...0xF3: (3, 0x80, 0xBF)
        case 0xF4: (3, 0x80, 0x8F)
        default: nil
        }
    }

    /// Call at end of input: returns the offset of a sequence cut short by the end of the file, if any.
    func finish() -> Int? { pending == 0 ? nil : sequenceStart }
}

/// Windows-874 (Microsoft's superset of TIS-620), what Thai Excel writes for "CSV (Comma delimited)".
///
/// Written out by hand because the platform decoders are traps: ISO-8859-11 garbles 0x80–0x9F without an error
/// and cp1252 "succeeds" with mojibake. Undefined bytes are errors, never guessed.
enum Windows874 {
    /// Unicode scalar for each byte; 0 marks a byte Windows-874 leaves undefined (0x00 itself is NUL and defined).
    static let table: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 256)
        for b in 0..<0x80 { t[b] = UInt32(b) }
        t[0x80] = 0x20AC  // €
        t[0x85] = 0x2026  // …
        let quotes: [UInt32] = [0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014]  // ‘ ’ “ ” • – —
        for (i, scalar) in quotes.enumerated() { t[0x91 + i] = scalar }
        t[0xA0] = 0x00A0  // no-break space
        for b in 0xA1...0xDA { t[b] = UInt32(b) + 0x0D60 }  // ก … ฺ
        for b in 0xDF...0xFB { t[b] = UInt32(b) + 0x0D60 }  // ฿ … ๛ (including Thai digits ๐–๙ at 0xF0–0xF9)
        return t
    }()

    static func isDefined(_ byte: UInt8) -> Bool { byte == 0 || table[Int(byte)] != 0 }

    /// Offset of the first undefined byte in `bytes`, relative to `base`.
    /// The table is read into a local once per call: touching the lazily initialised global per byte showed
    /// up in profiles.
    static func firstUndefined(in bytes: UnsafeBufferPointer<UInt8>, base: Int) -> Int? {
        table.withUnsafeBufferPointer { t in
            for i in 0..<bytes.count where t[Int(bytes[i])] == 0 && bytes[i] != 0 { return base + i }
            return nil
        }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count * 3)
        let table = Self.table
        for b in bytes {
            let scalar = table[Int(b)]
            if b < 0x80 {
                utf8.append(b)
            } else if scalar < 0x800 {
                utf8.append(UInt8(0xC0 | (scalar >> 6)))
                utf8.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                utf8.append(UInt8(0xE0 | (scalar >> 12)))
                utf8.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                utf8.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}

extension TextEncoding {
    /// Decodes bytes that may not be valid in this encoding (for showing them in a message): invalid UTF-8
    /// becomes U+FFFD, an undefined Windows-874 byte too.
    func decodeLossy(_ bytes: [UInt8]) -> String {
        switch self {
        case .utf8, .utf8WithBOM: return String(decoding: bytes, as: UTF8.self)
        case .windows874:
            let defined = bytes.map { Windows874.isDefined($0) ? $0 : 0x3F }
            return defined.withUnsafeBufferPointer { Windows874.decode($0) }
        }
    }

    /// Decodes bytes already checked against this encoding.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        switch self {
        case .utf8, .utf8WithBOM: String(decoding: bytes, as: UTF8.self)
        case .windows874: Windows874.decode(bytes)
        }
    }

    /// Rewrites a field into plain ASCII for number and code parsing: Thai digits ๐–๙ become 0–9, a no-break
    /// space becomes a space, any other non-ASCII character becomes 0xFF (which no parser accepts).
    func asciiNormalized(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                out.append(b)
                i += 1
                continue
            }
            switch self {
            case .windows874:
                if (0xF0...0xF9).contains(b) { out.append(b - 0xF0 + 0x30) }
                else if b == 0xA0 { out.append(0x20) }
                else { out.append(0xFF) }
                i += 1
            case .utf8, .utf8WithBOM:
                // ๐–๙ are U+0E50–U+0E59 = E0 B9 90–99; U+00A0 = C2 A0.
                if b == 0xE0, i + 2 < n, bytes[i + 1] == 0xB9, (0x90...0x99).contains(bytes[i + 2]) {
                    out.append(bytes[i + 2] - 0x90 + 0x30)
                    i += 3
                } else if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 {
                    out.append(0x20)
                    i += 2
                } else {
                    out.append(0xFF)
                    i += 1
                    while i < n, bytes[i] & 0xC0 == 0x80 { i += 1 }
                }
            }
        }
    }
}
