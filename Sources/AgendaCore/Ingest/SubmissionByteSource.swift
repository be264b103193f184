import Crypto
import Foundation

/// Reads a submission's raw bytes in chunks, hashing every byte and checking each chunk against the encoding being
/// tried before the CSV reader sees it, so no field is ever decoded from bytes that are not valid.
///
/// The raw bytes come from `SubmissionFile.open` (a file on disk, or memory); they are appended straight into the
/// CSV reader's buffer and checked in place, so no chunk is copied twice.
struct SubmissionByteSource: ByteChunkSource {
    /// `utf8Mixed` reads a UTF-8 file known to hold some invalid bytes: instead of failing, it records each in
    /// `invalidLog` for the row checker, which rejects the rows holding them.
    enum Attempt { case utf8, windows874, utf8Mixed }

    /// The bytes are not valid in the encoding being tried.
    struct InvalidByte: Error {
        var offset: Int
        var byte: UInt8
        /// For UTF-8: valid multi-byte sequences came before the bad one.
        var sawMultibyte: Bool
        /// For UTF-8: the file began with a byte-order mark, so Windows-874 is out of the question.
        var hadBOM: Bool
    }

    private var raw: any ByteChunkSource
    private let attempt: Attempt
    private var utf8 = UTF8Validator()
    private var offset = 0
    private var hasher = SHA256()
    private(set) var sawBOM = false

    private let validating: Bool
    private var resyncing = ResyncingUTF8Validator()
    /// Set for `utf8Mixed`.
    let invalidLog: InvalidByteLog?

    init(_ file: SubmissionFile, attempt: Attempt, validating: Bool = true) throws {
        raw = try file.open()
        self.attempt = attempt
        self.validating = validating
        invalidLog = attempt == .utf8Mixed ? InvalidByteLog() : nil
    }

    var byteCount: Int { offset }

    /// Lowercase hex SHA-256 of everything read so far (all of it, once the reader reached the end).
    var sha256Hex: String {
        hasher.finalize().map { b in
            let s = String(b, radix: 16)
            return b < 16 ? "0" + s : s
        }.joined()
    }

    mutating func read(into buffer: inout [UInt8], maxCount: Int) throws -> Int {
        while true {
            let start = buffer.count
            let count = try raw.read(into: &buffer, maxCount: maxCount)
            guard count > 0 else {
                if attempt == .utf8, let start = utf8.finish() {
                    throw InvalidByte(offset: start, byte: utf8.leadByte, sawMultibyte: utf8.sawMultibyte, hadBOM: sawBOM)
                }
                if attempt == .utf8Mixed, let log = invalidLog {
                    let shift = log.streamShift
                    resyncing.finish { offset, byte in log.append(offset: offset - shift, byte: byte) }
                }
                return 0
            }
            let base = offset
            var skip = 0
            try buffer.withUnsafeBufferPointer { all in
                let bytes = UnsafeBufferPointer(rebasing: all[start..<(start + count)])
                hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes))
                if base == 0, attempt != .windows874, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                    sawBOM = true
                    skip = 3
                    invalidLog?.streamShift = 3
                }
                guard validating else { return }
                switch attempt {
                case .utf8:
                    if let bad = utf8.feed(bytes) {
                        let byte = bad >= base ? bytes[bad - base] : utf8.leadByte
                        throw InvalidByte(offset: bad, byte: byte, sawMultibyte: utf8.sawMultibyte, hadBOM: sawBOM)
                    }
                case .windows874:
                    if let bad = Windows874.firstUndefined(in: bytes, base: base) {
                        throw InvalidByte(offset: bad, byte: bytes[bad - base], sawMultibyte: false, hadBOM: false)
                    }
                case .utf8Mixed:
                    if let log = invalidLog {
                        let shift = log.streamShift
                        resyncing.feed(bytes) { offset, byte in log.append(offset: offset - shift, byte: byte) }
                    }
                }
            }
            offset += count
            if skip > 0 { buffer.removeSubrange(start..<(start + skip)) }
            if count > skip { return count - skip }
        }
    }
}
