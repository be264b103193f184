import TestSupport
import AgendaJobs
import Foundation
import Testing
@testable import AgendaCore

@Suite struct SubmissionImporterTests {
    func source(_ result: ImportResult, _ path: String) -> SourceFile? { result.sources.first { $0.path == path } }

    @Test func goodFileIsAcceptedWithProvenance() throws {
        let result = try Fixtures.importIngest(["good.csv"])
        let file = try #require(source(result, "good.csv"))
        #expect(file.encoding == .utf8)
        #expect((file.rowsRead, file.accepted, file.rejected, file.blank) == (4, 4, 0, 0))
        #expect(file.districtCodes == ["5601", "5602", "5603"])
        #expect(file.byteCount == 188)
        #expect(file.sha256.count == 64)
        #expect(result.rejections.isEmpty)
        let values = result.accepted.map { "\($0.key.districtCode) \($0.key.month) \($0.key.indicatorID) \($0.key.area) \($0.value) \($0.line)" }
        #expect(values == [
            "5601 2565-01 NR01 บ้านต๋อม 1250.0 3",
            "5601 2565-01 NR02  12.0 2",
            "5602 2564-12 ST01  3.0 4",
            "5603 2565-01 ST02  2.0 5",
        ])
        #expect(result.accepted.last?.note == "note, with comma")
    }

    @Test func sha256MatchesAnIndependentDigest() throws {
        let result = try Fixtures.importIngest(["good.csv"])
        let expected = try shellSHA256(Fixtures.url("ingest/good.csv"))
        #expect(result.sources[0].sha256 == expected)
    }

    @Test func windows874FileIsDecodedByTheHandWrittenTable() throws {
        let result = try Fixtures.importIngest(["windows874.csv"])
        let file = try #require(result.sources.first)
        #expect(file.encoding == .windows874)
        #expect(result.rejections.isEmpty)
        #expect(file.accepted == 3)
        #expect(result.accepted.map(\.key.area) == ["บ้านห้วยข้าวก่ำ", "บ้านห้วยข้าวก่ำ", "ตำบลจุน"])
        #expect(result.accepted.map(\.value) == [3, 12, 1500.5])
        #expect(result.accepted.map(\.note) == ["“ไฟป่า” ช่วงแล้ง…", "", "€"])
        #expect(result.accepted[1].key.month == YearMonth(yearBE: 2565, month: 2), "Thai digits in the period")
        #expect(result.accepted[1].key.districtCode == "5602", "Thai digits in the district code")
    }

    @Test func bomThaiHeadersAnyOrderExtraColumnAndThaiDigits() throws {
        let result = try Fixtures.importIngest(["utf8_bom_thai_headers.csv"])
        let file = try #require(result.sources.first)
        #expect(file.encoding == .utf8WithBOM)
        #expect(result.rejections.isEmpty)
        #expect(result.accepted.map { "\($0.key.districtCode) \($0.key.month) \($0.key.indicatorID) \($0.key.area) \($0.value)" } == [
            "5604 2565-03 NR02 หมู่ ๓ 12.0",
            "5604 2565-03 ST01  1234.5",
        ])
    }

    @Test func fileInvalidInBothEncodingsIsRejectedWholeNamingTheByte() throws {
        let result = try Fixtures.importIngest(["invalid_both.csv"])
        let file = try #require(result.sources.first)
        #expect(file.encoding == nil)
        #expect(file.rowsRead == 0 && file.isBalanced)
        #expect(file.byteCount == 89)
        let rejection = try #require(result.rejections.first)
        #expect(rejection.wholeFile)
        #expect(rejection.line == 3, "the 0xFF that Windows-874 cannot read is on line 3")
        #expect(rejection.reason.en.contains("0xA1 at offset 65"))
        #expect(rejection.reason.en.contains("0xFF at offset 87"))
        #expect(rejection.reason.th.contains("Windows-874"))
    }

    @Test("UTF-8 Thai with one broken byte: only the row holding it is rejected, named by line, column and offset")
    func brokenUTF8RejectsOnlyItsRow() throws {
        let result = try Fixtures.importIngest(["broken_utf8.csv"])
        let file = try #require(result.sources.first)
        #expect(file.encoding == .utf8)
        #expect((file.rowsRead, file.accepted, file.rejected) == (2, 1, 1))
        #expect(result.accepted.map(\.key.area) == ["บ้านต๋อม"], "the Thai label read as UTF-8, never as Windows-874")
        let rejection = try #require(result.rejections.first)
        #expect(!rejection.wholeFile && rejection.line == 3 && rejection.column == "area")
        #expect(rejection.reason.en.hasPrefix("This row holds byte 0xFF at offset 110"))
        #expect(rejection.reason.th.contains("0xFF"))
    }

    @Test func bomThenInvalidIsReadAsUTF8RejectingTheRow() throws {
        let result = try Fixtures.importIngest(["bom_then_invalid.csv"])
        let rejection = try #require(result.rejections.first)
        #expect(!rejection.wholeFile && rejection.line == 2 && rejection.column == "value")
        #expect(rejection.reason.en.contains("byte 0xA1 at offset 61"), "offsets count the byte-order mark")
        #expect(result.sources[0].encoding == .utf8WithBOM && result.sources[0].isBalanced)
    }

    @Test func multilineQuotedFieldKeepsItsStartLine() throws {
        let result = try Fixtures.importIngest(["multiline.csv"])
        #expect(result.accepted.map(\.line) == [2, 4])
        #expect(result.accepted[0].note == "first line\nsecond \"quoted\" line")
    }

    @Test func everyRowRuleRejectsWithLineColumnTextAndBothLanguages() throws {
        let result = try Fixtures.importIngest(["bad_rows.csv"])
        let file = try #require(result.sources.first)
        #expect((file.rowsRead, file.accepted, file.rejected, file.blank) == (12, 1, 10, 1))
        let got = result.rejections.map { "\($0.line) \($0.column) \($0.text)" }
        #expect(got == [
            "2 district_code 5699", "3 district_code 56", "4 period 2565-13", "5 period 65-01",
            "6 indicator_id XX99", "7 indicator_id ST03", "8 value -5", "9 value abc", "10 value 1,23",
            "11  5601,2565-05,NR02",
        ])
        let month = try #require(result.rejections.first { $0.line == 4 })
        #expect(month.reason.th == "ปี 2565 เดือน 13 ไม่มีอยู่จริง ใช้เดือน 1–12 เช่น 2565-01")
        #expect(month.reason.en == "Month 13 does not exist; use 1–12, e.g. 2565-01.")
        #expect(result.rejections.allSatisfy { !$0.reason.th.isEmpty && !$0.reason.en.isEmpty && !$0.wholeFile })
        #expect(result.rejections.first { $0.line == 7 }!.reason.en.contains("ST02, ST01"))
        #expect(result.accepted.map(\.line) == [15])
    }

    @Test func sameKeyTwiceInOneFileRejectsBothRows() throws {
        let result = try Fixtures.importIngest(["duplicate_key.csv"])
        #expect(result.rejections.map(\.line) == [2, 4])
        #expect(result.rejections[0].reason.en.hasPrefix("This line and 1 other line(s)"))
        #expect(result.rejections[1].reason.en.contains("as line 2 (line 2 and 1 other"))
        #expect(result.rejections[1].reason.th.contains("บรรทัด 2"))
        #expect(result.rejections.allSatisfy { $0.column == "district_code + period + indicator_id + area" })
        #expect(result.rejections[0].text == "5601 + 2565-01 + NR02 + บ้านก")
        #expect(result.accepted.map(\.key.area) == ["บ้านข"])
        #expect(result.sources[0].rejected == 2 && result.sources[0].accepted == 1)
    }

    @Test func missingRequiredColumnRejectsTheWholeFile() throws {
        let result = try Fixtures.importIngest(["missing_column.csv"])
        #expect(result.rejections.count == 1)
        #expect(result.rejections[0].wholeFile && result.rejections[0].column == "indicator_id" && result.rejections[0].line == 1)
        #expect(result.sources[0].rowsRead == 0)
    }

    @Test func oneBadFileNeverStopsTheOthers() throws {
        let result = try Fixtures.importIngest(["invalid_both.csv", "good.csv", "missing_column.csv", "nonexistent.csv"])
        #expect(result.sources.map(\.path) == ["good.csv", "invalid_both.csv", "missing_column.csv", "nonexistent.csv"])
        #expect(result.accepted.count == 4)
        let missing = try #require(result.rejections.first { $0.file == "nonexistent.csv" })
        #expect(missing.wholeFile && missing.reason.en == "No such file; check the file name and folder.")
        #expect(result.sources.allSatisfy { $0.isBalanced })
    }

    @Test(arguments: [false, true])
    func resubmissionLaterModificationWinsAndTheLoserIsSuperseded(tie: Bool) throws {
        let root = try Fixtures.scratch()
        let early = Date(timeIntervalSince1970: 1_650_000_000)
        let late = tie ? early : early.addingTimeInterval(3600)
        let header = "district_code,period,indicator_id,value,area\n"
        // "b/first.csv" sorts after "a/second.csv" in byte order but is older (unless tied).
        try Fixtures.write(header + "5601,2565-01,NR02,5,\n5601,2565-02,NR02,,\n", to: root.appendingPathComponent("submissions/b/first.csv"), modified: tie ? early : early)
        try Fixtures.write(header + "5601,2565-01,NR02,7,\n5601,2565-02,NR02,9,\n", to: root.appendingPathComponent("submissions/a/SECOND.CSV"), modified: late)
        try Fixtures.write("not a submission", to: root.appendingPathComponent("submissions/readme.txt"))
        let result = try SubmissionImporter(reference: try Fixtures.reference()).importInputs(root: root)
        #expect(result.sources.map(\.path) == ["submissions/a/SECOND.CSV", "submissions/b/first.csv"])
        let winnerPath = tie ? "submissions/b/first.csv" : "submissions/a/SECOND.CSV"
        let january = try #require(result.accepted.first { $0.key.month.month == 1 })
        #expect(result.sources[january.sourceIndex].path == winnerPath)
        #expect(january.value == (tie ? 5 : 7))
        #expect(result.superseded.count == 1)
        #expect(result.superseded[0].replacedBy == january)
        // The blank February row of first.csv never replaces the 9.
        #expect(result.accepted.first { $0.key.month.month == 2 }?.value == 9)
        let first = try #require(source(result, "submissions/b/first.csv"))
        let second = try #require(source(result, "submissions/a/SECOND.CSV"))
        #expect((first.rowsRead, first.accepted, first.superseded, first.blank) == (2, tie ? 1 : 0, tie ? 0 : 1, 1))
        #expect((second.rowsRead, second.accepted, second.superseded) == (2, tie ? 1 : 2, tie ? 1 : 0))
        #expect(first.modified == early)
    }

    @Test(arguments: [true, false])
    func duplicateInALaterFileLeavesTheEarlierValueStanding(retain: Bool) throws {
        let root = try Fixtures.scratch()
        let early = Date(timeIntervalSince1970: 1_650_000_000)
        let header = "district_code,period,indicator_id,value\n"
        try Fixtures.write(header + "5601,2565-01,NR02,5\n5601,2565-02,NR02,6\n", to: root.appendingPathComponent("submissions/old.csv"), modified: early)
        try Fixtures.write(header + "5601,2565-01,NR02,7\n5601,2565-01,NR02,8\n5601,2565-03,NR02,1\n5601,2565-03,NR02,2\n5601,2565-02,NR02,9\n",
                           to: root.appendingPathComponent("submissions/new.csv"), modified: early.addingTimeInterval(60))
        var importer = SubmissionImporter(reference: try Fixtures.reference())
        importer.retainValues = retain
        let result = try importer.importInputs(root: root)
        let new = try #require(source(result, "submissions/new.csv"))
        let old = try #require(source(result, "submissions/old.csv"))
        #expect((new.rowsRead, new.accepted, new.superseded, new.rejected) == (5, 1, 0, 4))
        #expect((old.rowsRead, old.accepted, old.superseded, old.rejected) == (2, 1, 1, 0))
        #expect(result.rejections.map(\.line) == [2, 3, 4, 5])
        if retain {
            #expect(result.accepted.map { "\($0.key.month) \($0.value)" } == ["2565-01 5.0", "2565-02 9.0"])
            #expect(result.superseded.map { "\($0.superseded.value)->\($0.replacedBy.value)" } == ["6.0->9.0"])
        }
    }

    @Test func countsWithoutRetainingValuesMatch() throws {
        var importer = SubmissionImporter(reference: try Fixtures.reference())
        let names = ["good.csv", "bad_rows.csv", "duplicate_key.csv", "windows874.csv"]
        let files = names.map { SubmissionFile.onDisk(url: Fixtures.url("ingest/\($0)"), displayPath: $0) }
        let full = importer.importFiles(files)
        importer.retainValues = false
        let lean = importer.importFiles(files)
        #expect(lean.accepted.isEmpty && lean.superseded.isEmpty)
        #expect(lean.sources == full.sources)
        #expect(lean.rejections == full.rejections)
    }

    @Test func smallChunksGiveTheSameResult() throws {
        let names = ["good.csv", "windows874.csv", "utf8_bom_thai_headers.csv", "multiline.csv", "invalid_both.csv"]
        let big = try Fixtures.importIngest(names)
        let small = try Fixtures.importIngest(names, chunkSize: 3)
        #expect(Array(small.accepted) == Array(big.accepted))
        #expect(small.rejections == big.rejections)
        #expect(small.sources == big.sources)
    }

    @Test func missingSubmissionsFolderThrows() throws {
        let root = try Fixtures.scratch()
        #expect(throws: (any Error).self) { try SubmissionImporter(reference: try Fixtures.reference()).importInputs(root: root) }
    }

    func shellSHA256(_ url: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return String(out.prefix(64))
    }
}
