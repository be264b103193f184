/// Where a `CSVReader` gets its bytes: one chunk at a time, so memory stays flat however large the file is.
public protocol ByteChunkSource {
    /// Appends up to `maxCount` bytes to `buffer` and returns how many were appended; 0 means end of input.
    mutating func read(into buffer: inout [UInt8], maxCount: Int) throws -> Int
}

/// An in-memory source, for tests and small tables; `chunkSize` can be tiny to exercise carry-over.
public struct ByteArraySource: ByteChunkSource {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public mutating func read(into buffer: inout [UInt8], maxCount: Int) throws -> Int {
        let count = min(maxCount, bytes.count - position)
        buffer.append(contentsOf: bytes[position..<position + count])
        position += count
        return count
    }
}

/// Something structurally wrong with one record, found while splitting it; the importer rejects the row.
public enum CSVRecordProblem: Sendable, Hashable {
    /// A quoted field opened on this record never closes before the end of the file.
    case unclosedQuote
    /// Text follows a field's closing quote (`"abc"def`); the field keeps only the quoted part, and
    /// `problemFieldRawText` gives the field as written.
    case textAfterClosingQuote(field: Int)
    /// The record grew past the reader's limit without ending (almost always a stray quote in a big file). The
    /// reader gives it back with no fields and resumes at the first line break after the record's start, so the
    /// rest of the file is still read.
    case tooLong(limit: Int)
}

/// A streaming RFC 4180 reader that works on bytes.
///
/// Why hand-written: generic CSV libraries measured 13–24× slower than a byte state machine here, and making a
/// `String` per field costs 4×. Fields therefore stay byte ranges into the reader's buffer until a caller asks
/// for a value. The buffer holds one chunk plus the unfinished record carried over from the previous chunk, so
/// memory is bounded by `chunkSize` plus the longest record, not by the file.
///
/// Rules: fields separated by `,`; a field starting with `"` is quoted and may hold commas, line breaks and
/// doubled quotes (`""` → `"`); records end at LF, CRLF or a lone CR, or at the end of input. A blank line comes
/// back as a record with one empty field (callers decide whether to skip it). `line` is the physical line on
/// which the record starts, counting every line break, including those inside quoted fields.
public struct CSVReader<Source: ByteChunkSource> {
    private static var comma: UInt8 { 0x2C }

    /// The high bit of each byte of `word` (loaded little-endian) that is a comma, LF or CR; exact for the lowest
    /// such byte, which is all the caller reads (a byte above a match may be flagged by the borrow as well).
    @inline(__always)
    private static func delimiterMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        return zeroBytes(word ^ (ones &* 0x2C)) | zeroBytes(word ^ (ones &* 0x0A)) | zeroBytes(word ^ (ones &* 0x0D))
    }
    private static var quote: UInt8 { 0x22 }
    private static var lf: UInt8 { 0x0A }
    private static var cr: UInt8 { 0x0D }

    private struct Span {
        var start: Int
        var end: Int
        var hasDoubledQuotes: Bool
    }

    /// The byte source, for whatever it learned while being read (a hash, an encoding).
    public private(set) var source: Source
    private let chunkSize: Int
    private let maxRecordBytes: Int
    private var buffer: [UInt8] = []
    private var recordStart = 0
    private var nextRecordStart = 0
    private var atEndOfInput = false
    private var nextLine = 1
    private var spans: [Span] = []
    /// Stream offset of `buffer[0]`: how many bytes earlier refills dropped.
    private var bufferBase = 0
    /// Set while the rest of an over-long record's first line is being thrown away chunk by chunk.
    private var discardingToLineEnd = false
    /// Buffer range of the field named by `.textAfterClosingQuote`, quotes and trailing text included.
    private var problemRawRange: Range<Int> = 0..<0

    /// Physical line (1-based) where the current record starts.
    public private(set) var line = 0
    /// Set when the current record is malformed; its fields are still available.
    public private(set) var problem: CSVRecordProblem?

    public init(source: Source, chunkSize: Int = 1 << 20, maxRecordBytes: Int = 16 << 20) {
        precondition(chunkSize > 0 && maxRecordBytes >= chunkSize)
        self.source = source
        self.chunkSize = chunkSize
        self.maxRecordBytes = maxRecordBytes
        buffer.reserveCapacity(chunkSize * 2)
        spans.reserveCapacity(16)
    }

    public var fieldCount: Int { spans.count }

    /// Advances to the next record; false at the end of input.
    public mutating func next() throws -> Bool {
        recordStart = nextRecordStart
        while true {
            if discardingToLineEnd {
                if try discardToLineEnd() { return true }
                continue
            }
            if recordStart >= buffer.count {
                if atEndOfInput { spans.removeAll(keepingCapacity: true); return false }
                try refill()
                continue
            }
            let endOfInput = atEndOfInput
            let start = recordStart
            var lines = 0
            // The record's fields are split into arrays moved out of `self` for the call, so the buffer is only
            // read while it is borrowed: a mutating split forced a retain and release of the buffer per record.
            var splitSpans: [Span] = []
            swap(&splitSpans, &spans)
            var splitProblem: CSVRecordProblem?
            var splitProblemRange = problemRawRange
            let finished: Int? = buffer.withUnsafeBufferPointer { buf in
                Self.splitRecord(buf, from: start, endOfInput: endOfInput, lines: &lines, spans: &splitSpans,
                                 problem: &splitProblem, problemRawRange: &splitProblemRange)
            }
            swap(&splitSpans, &spans)
            problem = splitProblem
            problemRawRange = splitProblemRange
            if let end = finished {
                line = nextLine
                nextLine += lines
                nextRecordStart = end
                return true
            }
            if buffer.count - recordStart >= maxRecordBytes {
                // Too long: the record is given back empty, flagged, and reading resumes on the next physical
                // line, as if its opening quote had been a plain character. One stray quote then costs one line,
                // not the rest of the file.
                line = nextLine
                spans.removeAll(keepingCapacity: true)
                problem = .tooLong(limit: maxRecordBytes)
                if let end = lineEnd(from: recordStart) {
                    nextLine += 1
                    nextRecordStart = end
                } else {
                    bufferBase += buffer.count
                    buffer.removeAll(keepingCapacity: true)
                    recordStart = 0
                    nextRecordStart = 0
                    discardingToLineEnd = true
                    if atEndOfInput { discardingToLineEnd = false }
                }
                return true
            }
            try refill()
        }
    }

    /// The index after the first line break (LF, CRLF or lone CR) at or after `from`, ignoring quotes; nil when the
    /// buffer holds none yet (or a CR is its last byte and more input may bring an LF).
    private func lineEnd(from: Int) -> Int? {
        var i = from
        let n = buffer.count
        while i < n {
            let c = buffer[i]
            if c == Self.lf { return i + 1 }
            if c == Self.cr {
                if i + 1 < n { return buffer[i + 1] == Self.lf ? i + 2 : i + 1 }
                return atEndOfInput ? i + 1 : nil
            }
            i += 1
        }
        return nil
    }

    /// Drops input until the line break that ends an over-long record's first line (already returned as flagged),
    /// then positions the reader after it. Returns false: the caller goes on reading records.
    private mutating func discardToLineEnd() throws -> Bool {
        while true {
            if let end = lineEnd(from: 0) {
                discardingToLineEnd = false
                nextLine += 1
                recordStart = end
                nextRecordStart = end
                return false
            }
            // Keep a trailing CR: the LF that may follow belongs to the same line break.
            let keep = buffer.last == Self.cr ? 1 : 0
            bufferBase += buffer.count - keep
            buffer.removeFirst(buffer.count - keep)
            if atEndOfInput {
                discardingToLineEnd = false
                bufferBase += buffer.count
                buffer.removeAll(keepingCapacity: true)
                recordStart = 0
                nextRecordStart = 0
                return false
            }
            if try source.read(into: &buffer, maxCount: chunkSize) == 0 { atEndOfInput = true }
        }
    }

    /// Drops consumed bytes, keeps the unfinished record, and appends the next chunk.
    private mutating func refill() throws {
        if recordStart > 0 {
            bufferBase += recordStart
            buffer.removeSubrange(0..<recordStart)
            recordStart = 0
            nextRecordStart = 0
        }
        if try source.read(into: &buffer, maxCount: chunkSize) == 0 { atEndOfInput = true }
    }

    /// Splits one record starting at `from`; returns the index after its terminator, or nil when more input is
    /// needed to finish it (the caller refills and calls again from the same start).
    private static func splitRecord(
        _ buf: UnsafeBufferPointer<UInt8>, from: Int, endOfInput: Bool, lines: inout Int, spans: inout [Span],
        problem: inout CSVRecordProblem?, problemRawRange: inout Range<Int>
    ) -> Int? {
        let n = buf.count
        var i = from
        spans.removeAll(keepingCapacity: true)
        problem = nil
        while true {
            if i < n && buf[i] == Self.quote {
                i += 1
                let start = i
                var doubled = false
                while true {
                    if i >= n {
                        guard endOfInput else { return nil }
                        spans.append(Span(start: start, end: n, hasDoubledQuotes: doubled))
                        problem = .unclosedQuote
                        return n
                    }
                    let c = buf[i]
                    if c == Self.quote {
                        if i + 1 >= n && !endOfInput { return nil }
                        if i + 1 < n && buf[i + 1] == Self.quote {
                            doubled = true
                            i += 2
                            continue
                        }
                        break
                    } else if c == Self.lf {
                        lines += 1
                    } else if c == Self.cr {
                        if i + 1 >= n && !endOfInput { return nil }
                        if !(i + 1 < n && buf[i + 1] == Self.lf) { lines += 1 }
                    }
                    i += 1
                }
                spans.append(Span(start: start, end: i, hasDoubledQuotes: doubled))
                i += 1
                if i < n, buf[i] != Self.comma, buf[i] != Self.lf, buf[i] != Self.cr {
                    if problem == nil { problem = .textAfterClosingQuote(field: spans.count - 1) }
                    while i < n, buf[i] != Self.comma, buf[i] != Self.lf, buf[i] != Self.cr { i += 1 }
                    if case .textAfterClosingQuote(let field)? = problem, field == spans.count - 1 {
                        problemRawRange = (start - 1)..<i
                    }
                }
                if i >= n && !endOfInput { return nil }
            } else {
                let start = i
                // Eight bytes at a time to the first comma or line break (most fields end in the first word),
                // then byte by byte from there or for the last few bytes of the buffer.
                if let base = buf.baseAddress {
                    while i + 8 <= n {
                        let mask = Self.delimiterMask(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                        if mask != 0 {
                            i += mask.trailingZeroBitCount >> 3
                            break
                        }
                        i += 8
                    }
                }
                while i < n {
                    let c = buf[i]
                    if c == Self.comma || c == Self.lf || c == Self.cr { break }
                    i += 1
                }
                if i >= n && !endOfInput { return nil }
                spans.append(Span(start: start, end: i, hasDoubledQuotes: false))
            }
            if i >= n { return i }
            let c = buf[i]
            if c == Self.comma {
                i += 1
                continue
            }
            if c == Self.cr {
                if i + 1 >= n && !endOfInput { return nil }
                i += (i + 1 < n && buf[i + 1] == Self.lf) ? 2 : 1
            } else {
                i += 1
            }
            lines += 1
            return i
        }
    }

    /// Stream offsets (bytes from the start of what the source delivered) of the current record, terminator
    /// included: lets a caller match bytes flagged by the source to the record holding them.
    public var recordStreamRange: Range<Int> { (bufferBase + recordStart)..<(bufferBase + nextRecordStart) }

    /// The field holding stream offset `offset` in the current record, if any (a delimiter belongs to none).
    public func field(atStreamOffset offset: Int) -> Int? {
        let local = offset - bufferBase
        for (i, span) in spans.enumerated() where span.start <= local && local < span.end { return i }
        // A quoted field's quotes sit just outside its span.
        for (i, span) in spans.enumerated() where span.start - 1 <= local && local <= span.end { return i }
        return nil
    }

    /// The field named by `.textAfterClosingQuote`, exactly as written (quotes and trailing text included).
    public func problemFieldRawBytes() -> [UInt8] {
        guard case .textAfterClosingQuote? = problem, problemRawRange.upperBound <= buffer.count else { return [] }
        return Array(buffer[problemRawRange])
    }

    /// Bytes of field `index` as written (quotes excluded, doubled quotes counted twice): a cheap upper bound of
    /// its length.
    public func fieldByteCount(_ index: Int) -> Int { spans[index].end - spans[index].start }

    /// True when field `index` holds no bytes.
    public func fieldIsEmpty(_ index: Int) -> Bool { spans[index].start == spans[index].end }

    /// True when every field of the record is empty or only spaces/tabs: a blank line, or the `,,,,` Excel
    /// writes for a cleared row.
    public var isBlank: Bool {
        if case .tooLong? = problem { return false }
        return buffer.withUnsafeBufferPointer { buf in
            spans.allSatisfy { span in
                (span.start..<span.end).allSatisfy { buf[$0] == 0x20 || buf[$0] == 0x09 }
            }
        }
    }

    /// Calls `body` with the bytes of field `index` (quotes removed, doubled quotes collapsed).
    ///
    /// The pointer is valid only inside `body`.
    public func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let span = spans[index]
        if !span.hasDoubledQuotes {
            return try buffer.withUnsafeBufferPointer { buf in
                try body(UnsafeBufferPointer(rebasing: buf[span.start..<span.end]))
            }
        }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(span.end - span.start)
        var i = span.start
        while i < span.end {
            let c = buffer[i]
            unescaped.append(c)
            i += (c == Self.quote && i + 1 < span.end && buffer[i + 1] == Self.quote) ? 2 : 1
        }
        return try unescaped.withUnsafeBufferPointer(body)
    }

    /// The bytes of field `index` as an array (quotes removed); convenient off the hot path.
    public func fieldBytes(_ index: Int) -> [UInt8] { withField(index) { Array($0) } }
}
