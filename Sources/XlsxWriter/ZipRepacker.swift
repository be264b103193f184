import CXlsxWriter
import Foundation

/// Rewrites ONE entry of a finished ZIP archive (an .xlsx) and copies every other entry byte for byte.
///
/// Why it exists: libxlsxwriter 1.1.4 drops some settings when it writes XML (the font charset, see
/// `StylesCharsetPatch`), and the only place to add them back is the finished file. Copying the other entries
/// unchanged keeps the library's entry order, flags and fixed 1980 timestamps, so the output stays
/// byte-identical between runs. No new dependency: zlib already comes with libxlsxwriter.
///
/// Limits: classic ZIP only (no Zip64: archives, entries and offsets below 4 GiB, fewer than 65,535 entries);
/// single disk; the rewritten entry must be stored or deflated. Anything else throws `ZipRepackError`.
enum ZipRepacker {
    /// Replaces the data of the entry `entryName` in the archive at `path` with `transform(oldData)`.
    /// When `transform` returns nil the file is left untouched and the result is false. Otherwise the new
    /// archive is written to a temporary file beside `path` and renamed over it (so a failure never leaves a
    /// half-written workbook) and the result is true.
    @discardableResult
    static func rewriteEntry(named entryName: String, inArchiveAt path: String,
                             transform: ([UInt8]) throws -> [UInt8]?) throws -> Bool {
        var found = false
        let changed = try rewriteEntries(inArchiveAt: path, where: { $0 == entryName }) { _, data in
            found = true
            return try transform(data)
        }
        if !found { throw ZipRepackError("the archive has no entry \(entryName)") }
        return changed
    }

    /// Rewrites every entry whose name passes `selects` with `transform(name, oldData)` (nil keeps an entry as it
    /// is), in one read and one write of the archive however many entries change. Returns false, leaving the
    /// file untouched, when nothing changed.
    @discardableResult
    static func rewriteEntries(inArchiveAt path: String, where selects: (String) -> Bool,
                               transform: (String, [UInt8]) throws -> [UInt8]?) throws -> Bool {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw ZipRepackError("cannot read the archive: \(error.localizedDescription)")
        }
        let archive = try ZipArchiveLayout(bytes)
        var replacements: [Int: [UInt8]] = [:]
        for (index, entry) in archive.entries.enumerated() {
            let name = String(decoding: entry.name, as: UTF8.self)
            guard selects(name) else { continue }
            if let newData = try transform(name, try entry.uncompressedData(in: bytes)) { replacements[index] = newData }
        }
        guard !replacements.isEmpty else { return false }
        let output = try archive.rebuilt(from: bytes, replacing: replacements)
        try replaceFile(at: path, with: output)
        return true
    }

    /// Writes `bytes` to a new file beside `path`, then renames it over `path` (atomic on one file system).
    private static func replaceFile(at path: String, with bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).repack-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            .path
        // 0666 before the umask, as libxlsxwriter's fopen creates the original.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o666)
        guard fd >= 0 else {
            throw ZipRepackError("cannot create \(temporary): \(String(cString: strerror(errno)))")
        }
        var written = 0
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = "cannot write \(temporary): \(String(cString: strerror(errno)))"
                    return
                }
                written += result
            }
        }
        if close(fd) != 0, failure == nil {
            failure = "cannot close \(temporary): \(String(cString: strerror(errno)))"
        }
        if failure == nil, rename(temporary, path) != 0 {
            failure = "cannot rename \(temporary) to \(path): \(String(cString: strerror(errno)))"
        }
        if let failure {
            unlink(temporary)
            throw ZipRepackError(failure)
        }
    }
}

/// Why re-packing failed; `Workbook` wraps it in an `XlsxError` with the file and the purpose.
struct ZipRepackError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Where things are in a classic ZIP archive: the central directory records (kept raw, patched in place when
/// rebuilding) and the span of each entry's local record (header, data and any data descriptor).
struct ZipArchiveLayout {
    struct Entry {
        /// The raw central directory record (46 fixed bytes, name, extra field, comment).
        var centralRecord: [UInt8]
        let name: [UInt8]
        let localOffset: Int
        /// End of this entry's local record: the next entry's local header or the central directory.
        var localEnd: Int = 0

        var flags: UInt16 { centralRecord.u16(at: 8) }
        var method: UInt16 { centralRecord.u16(at: 10) }
        var crc: UInt32 { centralRecord.u32(at: 16) }
        var compressedSize: Int { Int(centralRecord.u32(at: 20)) }
        var uncompressedSize: Int { Int(centralRecord.u32(at: 24)) }

        /// The entry's data, inflated when deflated, checked against its CRC.
        func uncompressedData(in bytes: [UInt8]) throws -> [UInt8] {
            let start = try dataStart(in: bytes)
            guard start + compressedSize <= localEnd else {
                throw ZipRepackError("entry \(String(decoding: name, as: UTF8.self)) runs past its record")
            }
            let stored = bytes[start..<(start + compressedSize)]
            let data: [UInt8]
            switch method {
            case 0: data = Array(stored)
            case 8: data = try RawDeflate.inflate(stored, expectedSize: uncompressedSize)
            default:
                throw ZipRepackError("entry \(String(decoding: name, as: UTF8.self)) uses compression method "
                                     + "\(method); only stored (0) and deflated (8) are supported")
            }
            guard RawDeflate.crc32(data) == crc else {
                throw ZipRepackError("entry \(String(decoding: name, as: UTF8.self)) fails its CRC check")
            }
            return data
        }

        /// Offset of the entry's data: after the local header, its name and its extra field.
        func dataStart(in bytes: [UInt8]) throws -> Int {
            guard localOffset + 30 <= bytes.count, bytes.u32(at: localOffset) == 0x0403_4B50 else {
                throw ZipRepackError("no local header at offset \(localOffset)")
            }
            let nameLength = Int(bytes.u16(at: localOffset + 26))
            let extraLength = Int(bytes.u16(at: localOffset + 28))
            guard localOffset + 30 + nameLength <= bytes.count,
                  Array(bytes[(localOffset + 30)..<(localOffset + 30 + nameLength)]) == name else {
                throw ZipRepackError("local header at offset \(localOffset) does not match the central directory")
            }
            return localOffset + 30 + nameLength + extraLength
        }
    }

    /// Central directory entries in their original order.
    var entries: [Entry]
    let centralDirectoryOffset: Int
    /// The end-of-central-directory record including its comment, patched when rebuilding.
    let endRecord: [UInt8]

    init(_ bytes: [UInt8]) throws {
        let endOffset = try Self.findEndRecord(in: bytes)
        endRecord = Array(bytes[endOffset...])
        if endOffset >= 20, bytes.u32(at: endOffset - 20) == 0x0706_4B50 {
            throw ZipRepackError("Zip64 archives are not supported")
        }
        guard endRecord.u16(at: 4) == 0, endRecord.u16(at: 6) == 0,
              endRecord.u16(at: 8) == endRecord.u16(at: 10) else {
            throw ZipRepackError("multi-disk archives are not supported")
        }
        let count = Int(endRecord.u16(at: 10))
        let size = Int(endRecord.u32(at: 12))
        centralDirectoryOffset = Int(endRecord.u32(at: 16))
        guard count != 0xFFFF, size != 0xFFFF_FFFF, centralDirectoryOffset != 0xFFFF_FFFF else {
            throw ZipRepackError("Zip64 archives are not supported")
        }
        guard centralDirectoryOffset + size == endOffset else {
            throw ZipRepackError("the central directory does not end where the end record starts")
        }
        var entries: [Entry] = []
        var position = centralDirectoryOffset
        for _ in 0..<count {
            guard position + 46 <= endOffset, bytes.u32(at: position) == 0x0201_4B50 else {
                throw ZipRepackError("bad central directory record at offset \(position)")
            }
            let nameLength = Int(bytes.u16(at: position + 28))
            let length = 46 + nameLength + Int(bytes.u16(at: position + 30)) + Int(bytes.u16(at: position + 32))
            guard position + length <= endOffset else {
                throw ZipRepackError("central directory record at offset \(position) is truncated")
            }
            let record = Array(bytes[position..<(position + length)])
            entries.append(Entry(centralRecord: record, name: Array(record[46..<(46 + nameLength)]),
                                 localOffset: Int(record.u32(at: 42))))
            position += length
        }
        guard position == endOffset else {
            throw ZipRepackError("the central directory holds more than its \(count) records")
        }
        // Each local record runs to the next one, so data descriptors and extra bytes are copied unchanged.
        let starts = Set(entries.map(\.localOffset)).sorted()
        guard starts.count == entries.count, (starts.last ?? 0) < centralDirectoryOffset else {
            throw ZipRepackError("local records overlap or lie inside the central directory")
        }
        for index in entries.indices {
            let next = starts.first { $0 > entries[index].localOffset }
            entries[index].localEnd = next ?? centralDirectoryOffset
        }
        self.entries = entries
    }

    /// The end-of-central-directory record: its signature, with a comment that reaches exactly to the end.
    private static func findEndRecord(in bytes: [UInt8]) throws -> Int {
        guard bytes.count >= 22 else { throw ZipRepackError("the file is too short to be a ZIP archive") }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        for offset in stride(from: bytes.count - 22, through: lowest, by: -1)
        where bytes.u32(at: offset) == 0x0605_4B50 && offset + 22 + Int(bytes.u16(at: offset + 20)) == bytes.count {
            return offset
        }
        throw ZipRepackError("no end-of-central-directory record: not a ZIP archive")
    }

    /// The archive with the data of each entry in `replacements` (by index) replaced (compressed with the
    /// entry's method) and everything else copied: bytes before the first entry, local records in file order,
    /// central records in their order, the end record with its comment.
    func rebuilt(from bytes: [UInt8], replacing replacements: [Int: [UInt8]]) throws -> [UInt8] {
        struct Replaced {
            var localHeader: [UInt8]
            var compressed: [UInt8]
            var flags: UInt16
            var crc: UInt32
            var size: Int
        }
        var replaced: [Int: Replaced] = [:]
        for (target, newData) in replacements {
            let entry = entries[target]
            let compressed = entry.method == 8 ? try RawDeflate.deflate(newData) : newData
            guard compressed.count < 0xFFFF_FFFF, newData.count < 0xFFFF_FFFF else {
                throw ZipRepackError("the new entry would need Zip64")
            }
            let crc = RawDeflate.crc32(newData)
            // The data's size is now known up front, so the new record has no data descriptor (flag bit 3 off).
            let flags = entry.flags & ~UInt16(0x0008)
            var localHeader = Array(bytes[entry.localOffset..<(try entry.dataStart(in: bytes))])
            localHeader.put(flags, at: 6)
            localHeader.put(crc, at: 14)
            localHeader.put(UInt32(compressed.count), at: 18)
            localHeader.put(UInt32(newData.count), at: 22)
            replaced[target] = Replaced(localHeader: localHeader, compressed: compressed, flags: flags, crc: crc,
                                        size: newData.count)
        }

        let firstLocal = entries.map(\.localOffset).min() ?? centralDirectoryOffset
        var output = Array(bytes[0..<firstLocal])
        output.reserveCapacity(bytes.count + replaced.values.reduce(0) { $0 + $1.compressed.count })
        var newOffsets = [Int](repeating: 0, count: entries.count)
        for index in entries.indices.sorted(by: { entries[$0].localOffset < entries[$1].localOffset }) {
            newOffsets[index] = output.count
            if let new = replaced[index] {
                output += new.localHeader
                output += new.compressed
            } else {
                output += bytes[entries[index].localOffset..<entries[index].localEnd]
            }
        }
        let directoryOffset = output.count
        for (index, original) in entries.enumerated() {
            var record = original.centralRecord
            if let new = replaced[index] {
                record.put(new.flags, at: 8)
                record.put(new.crc, at: 16)
                record.put(UInt32(new.compressed.count), at: 20)
                record.put(UInt32(new.size), at: 24)
            }
            guard newOffsets[index] < 0xFFFF_FFFF else { throw ZipRepackError("the archive would need Zip64") }
            record.put(UInt32(newOffsets[index]), at: 42)
            output += record
        }
        var end = endRecord
        guard output.count < 0xFFFF_FFFF else { throw ZipRepackError("the archive would need Zip64") }
        end.put(UInt32(output.count - directoryOffset), at: 12)
        end.put(UInt32(directoryOffset), at: 16)
        output += end
        return output
    }
}

/// zlib's raw deflate (no zlib header: windowBits −15), the format of ZIP entries.
enum RawDeflate {
    static func crc32(_ data: [UInt8]) -> UInt32 {
        data.withUnsafeBufferPointer { UInt32(truncatingIfNeeded: CXlsxWriter.crc32(0, $0.baseAddress, uInt($0.count))) }
    }

    /// Inflates `input`, which must produce exactly `expectedSize` bytes (the size the directory records).
    static func inflate(_ input: ArraySlice<UInt8>, expectedSize: Int) throws -> [UInt8] {
        var source = Array(input)
        var output = [UInt8](repeating: 0, count: expectedSize + 1)  // one spare byte exposes a size mismatch
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ZipRepackError("zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }
        let result = source.withUnsafeMutableBufferPointer { sourceBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = sourceBuffer.baseAddress
                stream.avail_in = uInt(sourceBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = uInt(outputBuffer.count)
                return CXlsxWriter.inflate(&stream, Z_FINISH)
            }
        }
        guard result == Z_STREAM_END, Int(stream.total_out) == expectedSize else {
            throw ZipRepackError("the deflated data is corrupt or not \(expectedSize) bytes (zlib \(result))")
        }
        output.removeLast()
        return output
    }

    /// Deflates `input` at zlib's default level.
    static func deflate(_ input: [UInt8]) throws -> [UInt8] {
        var source = input
        var stream = z_stream()
        guard deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
                            zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ZipRepackError("zlib could not start deflating")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))))
        let result = source.withUnsafeMutableBufferPointer { sourceBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = sourceBuffer.baseAddress
                stream.avail_in = uInt(sourceBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = uInt(outputBuffer.count)
                return CXlsxWriter.deflate(&stream, Z_FINISH)
            }
        }
        guard result == Z_STREAM_END else { throw ZipRepackError("zlib could not deflate (zlib \(result))") }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }
}

/// Little-endian fields, as ZIP stores them.
extension Array where Element == UInt8 {
    func u16(at offset: Int) -> UInt16 { UInt16(self[offset]) | UInt16(self[offset + 1]) << 8 }
    func u32(at offset: Int) -> UInt32 { UInt32(u16(at: offset)) | UInt32(u16(at: offset + 2)) << 16 }

    mutating func put(_ value: UInt16, at offset: Int) {
        self[offset] = UInt8(value & 0xFF)
        self[offset + 1] = UInt8(value >> 8)
    }

    mutating func put(_ value: UInt32, at offset: Int) {
        put(UInt16(value & 0xFFFF), at: offset)
        put(UInt16(value >> 16), at: offset + 2)
    }
}
