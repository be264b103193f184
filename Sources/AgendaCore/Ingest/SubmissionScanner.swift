import Foundation

/// Reads one submission file from start to end and checks every row against the reference data.
///
/// Encoding: the file is read as strict UTF-8 first (the hot path). At the first invalid byte the attempt is thrown
/// away and the whole file's bytes decide (`EncodingEvidence`): UTF-8 Thai letters or a byte-order mark mean a
/// UTF-8 file with a few foreign bytes, read again as UTF-8 with only the rows holding them rejected; more valid
/// than invalid UTF-8 sequences and no Thai means it cannot be told apart, and the file is rejected whole;
/// otherwise it is read as Windows-874 (what Thai Excel writes), and a file invalid there too is rejected whole.
/// A file is never decoded as Windows-874 when it holds UTF-8 Thai, which would silently turn every Thai label
/// into other text (and so into other keys).
struct SubmissionScanner {
    let lookups: ReferenceLookups
    let chunkSize: Int
    let maxRecordBytes: Int
    /// The last plausible period (see `RowChecker.latestMonth`).
    let latestMonth: YearMonth
    /// Where row arrays come from and go back to between files; nil: each scan grows its own.
    var rowBuffers: RowBuffers? = nil

    /// Scans one file with its own label table (returned in `FileScan.labels`), so files can be scanned in
    /// parallel. The table lives across encoding attempts, as one shared interner did, so label ids stay as they
    /// were.
    func scan(_ file: SubmissionFile) -> FileScan {
        var interner = LabelInterner()
        var result = scan(file, interner: &interner)
        result.labels = interner.labels
        return result
    }

    private func scan(_ file: SubmissionFile, interner: inout LabelInterner) -> FileScan {
        func rejectWhole(_ reason: BilingualText, line: Int = 0, column: String = "") -> FileScan {
            var whole = FileScan()
            if let (count, sha) = Self.hash(file) {
                whole.byteCount = count
                whole.sha256 = sha
            }
            whole.rejections = [Rejection(file: file.displayPath, line: line, column: column, text: "", reason: reason, wholeFile: true)]
            return whole
        }
        do {
            return try attempt(.utf8, file, interner: &interner)
        } catch let utf8Error as SubmissionByteSource.InvalidByte {
            // Not clean UTF-8. What the whole file holds decides; an ambiguous file is never guessed.
            let evidence: EncodingEvidence
            do {
                evidence = try EncodingEvidence.examine(file, hadBOM: utf8Error.hadBOM)
            } catch {
                return rejectWhole(Self.reason(for: error))
            }
            switch evidence {
            case .mixedUTF8:
                do {
                    return try attempt(.utf8Mixed, file, interner: &interner)
                } catch {
                    return rejectWhole(Self.reason(for: error))
                }
            case .ambiguous(let valid, let invalid):
                return rejectWhole(IngestMessages.ambiguousEncoding(
                    utf8Offset: utf8Error.offset, utf8Byte: utf8Error.byte, valid: valid, invalid: invalid),
                    line: Self.line(ofOffset: utf8Error.offset, in: file))
            case .windows874:
                break
            }
            do {
                return try attempt(.windows874, file, interner: &interner)
            } catch let winError as SubmissionByteSource.InvalidByte {
                return rejectWhole(IngestMessages.badEncoding(
                    utf8Offset: utf8Error.offset, utf8Byte: utf8Error.byte, win874Offset: winError.offset,
                    win874Byte: winError.byte, looksUTF8: false),
                    line: Self.line(ofOffset: winError.offset, in: file))
            } catch {
                return rejectWhole(Self.reason(for: error))
            }
        } catch {
            return rejectWhole(Self.reason(for: error))
        }
    }

    private static func reason(for error: Error) -> BilingualText {
        if let unreadable = error as? SubmissionUnreadable { return unreadable.reason }
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain && (ns.code == NSFileNoSuchFileError || ns.code == NSFileReadNoSuchFileError) {
            return IngestMessages.notFound()
        }
        return IngestMessages.unreadable(ns.localizedDescription)
    }

    /// Size and SHA-256 of a file rejected whole, so the record still identifies exactly what was sent.
    static func hash(_ file: SubmissionFile) -> (Int, String)? {
        guard var source = try? SubmissionByteSource(file, attempt: .windows874, validating: false) else { return nil }
        var sink: [UInt8] = []
        while (try? source.read(into: &sink, maxCount: 1 << 20)).map({ $0 > 0 }) ?? false { sink.removeAll(keepingCapacity: true) }
        return (source.byteCount, source.sha256Hex)
    }

    /// The physical line holding byte `offset`, so a clerk can find a broken character.
    static func line(ofOffset offset: Int, in file: SubmissionFile) -> Int {
        guard var source = try? file.open() else { return 0 }
        var line = 1
        var seen = 0
        var chunk: [UInt8] = []
        while seen < offset, (try? source.read(into: &chunk, maxCount: 1 << 20)).map({ $0 > 0 }) ?? false {
            for b in chunk.prefix(offset - seen) where b == 0x0A { line += 1 }
            seen += chunk.count
            chunk.removeAll(keepingCapacity: true)
        }
        return line
    }

    private func attempt(_ kind: SubmissionByteSource.Attempt, _ file: SubmissionFile, interner: inout LabelInterner) throws -> FileScan {
        let source = try SubmissionByteSource(file, attempt: kind)
        var reader = CSVReader(source: source, chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
        let encoding: TextEncoding = kind == .windows874 ? .windows874 : .utf8
        var rows = RowChecker(lookups: lookups, file: file.displayPath, encoding: encoding, latestMonth: latestMonth,
                              invalidBytes: source.invalidLog, rows: rowBuffers?.take() ?? [])
        var headerSeen = false
        let tables = RowChecker.Tables(lookups)
        while try reader.next() {
            if reader.isBlank { continue }
            if !headerSeen {
                headerSeen = true
                if let rejections = rows.readHeader(reader) {
                    // Header problems reject the file whole; the reader is still drained to settle the encoding.
                    while try reader.next() {}
                    return try finish(FileScan(rejections: rejections), reader: &reader, kind: kind)
                }
                continue
            }
            rows.check(reader, interner: &interner, tables: tables)
        }
        var scan = FileScan()
        if !headerSeen {
            scan.rejections = [Rejection(file: file.displayPath, line: 0, column: "", text: "", reason: IngestMessages.emptyFile, wholeFile: true)]
        } else {
            scan = rows.finish()
        }
        return try finish(scan, reader: &reader, kind: kind)
    }

    /// Fills in what only the byte source knows once the whole file went through it.
    private func finish(_ scan: FileScan, reader: inout CSVReader<SubmissionByteSource>, kind: SubmissionByteSource.Attempt) throws -> FileScan {
        var scan = scan
        let source = reader.source
        scan.encoding = kind == .windows874 ? .windows874 : (source.sawBOM ? .utf8WithBOM : .utf8)
        scan.byteCount = source.byteCount
        scan.sha256 = source.sha256Hex
        return scan
    }
}
