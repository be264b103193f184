import Testing
@testable import AgendaCore
import TestSupport

@Suite struct CSVReaderTests {
    struct Record: Equatable {
        var line: Int
        var fields: [String]
        var problem: CSVRecordProblem?
    }

    /// Reads `text` with the given chunk size; tiny chunks force every carry-over path.
    func records(_ text: String, chunkSize: Int = 1 << 16) throws -> [Record] {
        try limitedRecords(text, chunkSize: chunkSize, limit: 1 << 16)
    }

    static let tricky = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n\"multi\r\nline\nfield\",2,3\r\n\nlast,,\"\""

    static let trickyExpected = [
        Record(line: 1, fields: ["a", "b", "c"]),
        Record(line: 2, fields: ["1", "x, y", "say \"hi\""]),
        Record(line: 3, fields: ["multi\r\nline\nfield", "2", "3"]),
        Record(line: 6, fields: [""]),
        Record(line: 7, fields: ["last", "", ""]),
    ]

    @Test func quotedCommasDoubledQuotesLineBreaksAndStartLines() throws {
        #expect(try records(Self.tricky) == Self.trickyExpected)
    }

    @Test(arguments: [1, 2, 3, 5, 7, 64])
    func chunkBoundariesDoNotChangeTheRecords(chunkSize: Int) throws {
        #expect(try records(Self.tricky, chunkSize: chunkSize) == Self.trickyExpected)
    }

    /// Unquoted fields of every length around a machine word, Thai bytes (high bit set) included, each ended by a
    /// comma, LF, CR or CRLF at every offset: the reader's eight-bytes-at-a-time scan must split them exactly as a
    /// byte-by-byte reading does (here: the naive split of the generated text), in any chunking.
    @Test("fields of every length split exactly, eight bytes at a time", arguments: [3, 8, 1 << 16])
    func wordAtATimeSplitting(chunkSize: Int) throws {
        let alphabet = ["a", "7", "ต", "๙", " ", "\"", "-", "ก่"]
        var text = ""
        var expected: [Record] = []
        var line = 1
        var numbers = SeededNumbers(seed: 2565)
        for _ in 0..<300 {
            var fields: [String] = []
            for f in 0..<(1 + numbers.next(4)) {
                // The first field is never empty: a record of one empty field is a blank line, skipped.
                let length = max(numbers.next(20), f == 0 ? 1 : 0)
                // A field may not start with a quote (that would make it a quoted field).
                var field = ""
                for k in 0..<length {
                    var piece = alphabet[numbers.next(alphabet.count)]
                    if k == 0 && piece == "\"" { piece = "x" }
                    field += piece
                }
                fields.append(field)
            }
            let end = ["\n", "\r\n", "\r"][numbers.next(3)]
            text += fields.joined(separator: ",") + end
            expected.append(Record(line: line, fields: fields))
            line += 1
        }
        #expect(try records(text, chunkSize: chunkSize) == expected)
    }

    @Test func loneCarriageReturnEndsARecord() throws {
        #expect(try records("a,b\rc,d\r") == [Record(line: 1, fields: ["a", "b"]), Record(line: 2, fields: ["c", "d"])])
    }

    @Test func unclosedQuoteIsReportedOnTheRecordWhereItStarts() throws {
        let r = try records("a,b\n1,\"open\n2,3\n")
        #expect(r.count == 2)
        #expect(r[1].line == 2)
        #expect(r[1].problem == .unclosedQuote)
    }

    @Test func textAfterClosingQuoteIsFlagged() throws {
        let r = try records("\"abc\"def,x\n")
        #expect(r == [Record(line: 1, fields: ["abc", "x"], problem: .textAfterClosingQuote(field: 0))])
    }

    @Test func blankDetectionCoversEmptyLinesAndExcelClearedRows() throws {
        var reader = CSVReader(source: ByteArraySource(Array("\n,,,\n , \t,\na,\n".utf8)))
        var blanks: [Bool] = []
        while try reader.next() { blanks.append(reader.isBlank) }
        #expect(blanks == [true, true, true, false])
    }

    /// Reads with a small record limit, so that a stray quote makes a record too long.
    func limitedRecords(_ text: String, chunkSize: Int, limit: Int) throws -> [Record] {
        var reader = CSVReader(source: ByteArraySource(Array(text.utf8)), chunkSize: chunkSize, maxRecordBytes: limit)
        var out: [Record] = []
        while try reader.next() {
            out.append(Record(
                line: reader.line,
                fields: (0..<reader.fieldCount).map { String(decoding: reader.fieldBytes($0), as: UTF8.self) },
                problem: reader.problem))
        }
        return out
    }

    @Test("a stray quote costs one line: the over-long record is flagged with its line and reading resumes on the next",
          arguments: [16, 64])
    func recordLongerThanTheLimitIsFlaggedAndReadingResumes(chunkSize: Int) throws {
        let filler = String(repeating: "x", count: 30)
        var text = "h1,h2\n1,\"broken " + filler + "\n"
        for i in 2...8 { text += "\(i),\(filler)\n" }
        let r = try limitedRecords(text, chunkSize: chunkSize, limit: 64)
        #expect(r.first == Record(line: 1, fields: ["h1", "h2"]))
        #expect(r[1] == Record(line: 2, fields: [], problem: .tooLong(limit: 64)))
        #expect(r.dropFirst(2).map(\.line) == Array(3...9))
        #expect(r.dropFirst(2).map { $0.fields.first } == (2...8).map { "\($0)" })
    }

    @Test func anOverLongFirstLineWithoutABreakIsDiscardedInChunks() throws {
        // One 10,000-byte line with no line break before the next record: thrown away a chunk at a time.
        let text = "\"" + String(repeating: "y", count: 10_000) + "\r\nok,1\n"
        let r = try limitedRecords(text, chunkSize: 16, limit: 64)
        #expect(r == [Record(line: 1, fields: [], problem: .tooLong(limit: 64)), Record(line: 2, fields: ["ok", "1"])])
    }

    @Test func anOverLongRecordAtTheEndOfInputEndsTheFile() throws {
        let r = try limitedRecords("a\n\"" + String(repeating: "z", count: 500), chunkSize: 16, limit: 64)
        #expect(r == [Record(line: 1, fields: ["a"]), Record(line: 2, fields: [], problem: .tooLong(limit: 64))])
    }

    @Test func textAfterAClosingQuoteKeepsTheFieldAsWritten() throws {
        var reader = CSVReader(source: ByteArraySource(Array("\"5\"x,7\n".utf8)))
        #expect(try reader.next())
        #expect(reader.problem == .textAfterClosingQuote(field: 0))
        #expect(String(decoding: reader.problemFieldRawBytes(), as: UTF8.self) == "\"5\"x")
    }

    @Test func streamOffsetsLocateRecordsAndFieldsAcrossRefills() throws {
        let text = "aa,bb\nccc,\"d,d\"\n"
        var reader = CSVReader(source: ByteArraySource(Array(text.utf8)), chunkSize: 4, maxRecordBytes: 64)
        #expect(try reader.next())
        #expect(reader.recordStreamRange == 0..<6)
        #expect(reader.field(atStreamOffset: 4) == 1)
        #expect(try reader.next())
        #expect(reader.recordStreamRange == 6..<16)
        #expect(reader.field(atStreamOffset: 7) == 0)
        #expect(reader.field(atStreamOffset: 12) == 1)
    }

    @Test func memoryStaysNearTheChunkSizeForALongFile() throws {
        // 200,000 short rows read in 4 KiB chunks: the reader never holds more than a chunk plus one record.
        let row = Array("5601,2565-01,NR02,12,บ้านต๋อม,\n".utf8)
        var bytes: [UInt8] = []
        for _ in 0..<200_000 { bytes += row }
        var reader = CSVReader(source: ByteArraySource(bytes), chunkSize: 4096, maxRecordBytes: 4096)
        var count = 0
        while try reader.next() { count += 1 }
        #expect(count == 200_000)
        #expect(reader.line == 200_000)
    }
}
