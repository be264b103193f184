import Foundation

/// `FileScan` to bytes and back, for the scan cache: a nightly run reads a file's scan from the cache instead of
/// reading, decoding and checking the file again. Pure: the cache's files, keys and checksums live in AgendaJobs.
///
/// Little-endian, length-prefixed; rows as fixed 28-byte records so millions of them encode and decode in one
/// tight loop. Decoding checks every length and every index against what the rest of the scan holds and throws
/// on anything out of place: a damaged entry is a cache miss, never a different number.
enum FileScanCodec {
    struct Damaged: Error {}

    static let magic = Array("PHSCAN02".utf8)
    /// Part of every cache key: a change to the format or to what a scan holds bumps it.
    static let formatVersion = 2
    static let rowBytes = 28

    static func encode(_ scan: FileScan) -> [UInt8] {
        var out = magic
        out.reserveCapacity(magic.count + 64 + scan.rows.count * rowBytes + scan.labels.reduce(0) { $0 + $1.utf8.count + 8 })
        func int(_ x: Int) { withUnsafeBytes(of: Int64(x).littleEndian) { out.append(contentsOf: $0) } }
        func string(_ s: String) { int(s.utf8.count); out.append(contentsOf: s.utf8) }
        string(scan.encoding?.rawValue ?? "")
        int(scan.byteCount)
        string(scan.sha256)
        int(scan.rowsRead)
        int(scan.blank)
        int(scan.rejectedRows)
        string(scan.keyColumns)
        int(scan.longNoteLines.count)
        for line in scan.longNoteLines { int(line) }
        int(scan.labels.count)
        for label in scan.labels { string(label) }
        int(scan.rejections.count)
        for r in scan.rejections {
            string(r.file)
            int(r.line)
            string(r.column)
            string(r.text)
            string(r.reason.th)
            string(r.reason.en)
            out.append(r.wholeFile ? 1 : 0)
            out.append(r.districtCode == nil ? 0 : 1)
            string(r.districtCode ?? "")
        }
        int(scan.rows.count)
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: scan.rows.count * rowBytes))
        out.withUnsafeMutableBytes { buffer in
            var offset = start
            for row in scan.rows {
                buffer.storeBytes(of: row.key.packed.littleEndian, toByteOffset: offset, as: UInt64.self)
                buffer.storeBytes(of: row.key.area.littleEndian, toByteOffset: offset + 8, as: UInt32.self)
                buffer.storeBytes(of: row.value.bitPattern.littleEndian, toByteOffset: offset + 12, as: UInt64.self)
                buffer.storeBytes(of: row.note.littleEndian, toByteOffset: offset + 20, as: UInt32.self)
                buffer.storeBytes(of: row.line.littleEndian, toByteOffset: offset + 24, as: Int32.self)
                offset += rowBytes
            }
        }
        return out
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> FileScan {
        var offset = 0
        func take(_ n: Int) throws -> UnsafeRawBufferPointer {
            guard n >= 0, n <= bytes.count - offset else { throw Damaged() }
            defer { offset += n }
            return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)])
        }
        func int() throws -> Int { Int(Int64(littleEndian: try take(8).loadUnaligned(as: Int64.self))) }
        func count(_ unit: Int) throws -> Int {
            let n = try int()
            guard n >= 0, n <= (bytes.count - offset) / max(unit, 1) else { throw Damaged() }
            return n
        }
        func string() throws -> String { String(decoding: try take(try count(1)), as: UTF8.self) }
        guard try Array(take(magic.count)) == magic else { throw Damaged() }
        var scan = FileScan()
        let encoding = try string()
        scan.encoding = encoding.isEmpty ? nil : try TextEncoding(rawValue: encoding) ?? { throw Damaged() }()
        scan.byteCount = try int()
        scan.sha256 = try string()
        scan.rowsRead = try int()
        scan.blank = try int()
        scan.rejectedRows = try int()
        scan.keyColumns = try string()
        scan.longNoteLines = try (0..<count(8)).map { _ in try int() }
        scan.labels = try (0..<count(8)).map { _ in try string() }
        guard scan.labels.first == "" else { throw Damaged() }
        scan.rejections = try (0..<count(8)).map { _ in
            let file = try string(), line = try int(), column = try string(), text = try string()
            let reason = BilingualText(th: try string(), en: try string())
            let flags = try take(2)
            let district = try string()
            return Rejection(file: file, line: line, column: column, text: text, reason: reason,
                             wholeFile: flags[0] == 1, districtCode: flags[1] == 1 ? district : nil)
        }
        let rows = try count(rowBytes)
        let block = try take(rows * rowBytes)
        let labelCount = UInt32(scan.labels.count)
        scan.rows.reserveCapacity(rows)
        var offset2 = 0
        for _ in 0..<rows {
            let packed = UInt64(littleEndian: block.loadUnaligned(fromByteOffset: offset2, as: UInt64.self))
            let area = UInt32(littleEndian: block.loadUnaligned(fromByteOffset: offset2 + 8, as: UInt32.self))
            let value = Double(bitPattern: UInt64(littleEndian: block.loadUnaligned(fromByteOffset: offset2 + 12, as: UInt64.self)))
            let note = UInt32(littleEndian: block.loadUnaligned(fromByteOffset: offset2 + 20, as: UInt32.self))
            let line = Int32(littleEndian: block.loadUnaligned(fromByteOffset: offset2 + 24, as: Int32.self))
            guard area < labelCount, note < labelCount, value.isFinite else { throw Damaged() }
            scan.rows.append(CompactRow(key: CompactKey(packed: packed, area: area), value: value, note: note, line: line))
            offset2 += rowBytes
        }
        guard offset == bytes.count else { throw Damaged() }
        return scan
    }
}

extension FileScan {
    /// Every row's district and indicator index is within the reference data's.
    func fits(districts: Int, indicators: Int) -> Bool {
        rows.allSatisfy { $0.key.district < districts && $0.key.indicator < indicators }
    }
}
