import Testing
@testable import AgendaCore

@Suite struct CSVReaderTests {
    struct Record: Equatable {
        var line: Int
        var fields: [String]
        var problem: CSVRecordProblem?
    }

    /// Reads `text` with the given chunk size; tiny chunks force every carry-over path.
    func records(_ text: String, chunkSize: Int = 1 << 16) throws -> [Record] {
        var reader = CSVReader(source: ByteArraySource(Array(text.utf8)), chunkSize: chunkSize, maxRecordBytes: 1 << 16)
        var out: [Record] = []
        while try reader.next() {
            out.append(Record(
                line: reader.line,
                fields: (0..<reader.fieldCount).map { String(decoding: reader.fieldBytes($0), as: UTF8.self) },
                problem: reader.problem))
        }
        return out
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

    @Test func recordLongerThanTheLimitThrows() throws {
        let text = "\"" + String(repeating: "x", count: 200)
        var reader = CSVReader(source: ByteArraySource(Array(text.utf8)), chunkSize: 16, maxRecordBytes: 64)
        #expect(throws: CSVRecordTooLong.self) { _ = try reader.next() }
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
