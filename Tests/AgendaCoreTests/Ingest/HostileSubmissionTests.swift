import TestSupport
import AgendaJobs
import Foundation
import Testing
@testable import AgendaCore

/// Files a tired clerk or an attacker could send, each of which once crashed, hung or quietly changed the
/// province's numbers. Each test states the rule that now holds.
@Suite struct HostileSubmissionTests {
    static let header = "district_code,period,indicator_id,value,area,note\n"

    /// Imports files written into a scratch folder, named as given, with optional modification times.
    func importFiles(_ files: [(name: String, bytes: [UInt8], modified: Date?)], asOf: Date? = nil,
                     configure: (inout SubmissionImporter) -> Void = { _ in }) throws -> ImportResult {
        let dir = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var importer = SubmissionImporter(reference: try Fixtures.reference())
        importer.asOf = asOf ?? BangkokCalendar.startOfDay(yearCE: 2022, month: 6, day: 30)
        configure(&importer)
        let list = try files.map { file in
            SubmissionFile.onDisk(url: try Fixtures.write(file.bytes, to: dir.appendingPathComponent(file.name), modified: file.modified),
                           displayPath: file.name)
        }
        return importer.importFiles(list)
    }

    func importText(_ text: String, configure: (inout SubmissionImporter) -> Void = { _ in }) throws -> ImportResult {
        try importFiles([("f.csv", Array(text.utf8), nil)], configure: configure)
    }

    // MARK: duplicates

    @Test("thousands of copies of one key: one short rejection per row naming the first line and the count")
    func duplicatesByTheThousandStayLinear() throws {
        let copies = 3_000
        let text = Self.header + String(repeating: "5601,2565-01,NR02,1,บ้านก,\n", count: copies)
        let result = try importText(text)
        #expect(result.rejections.count == copies)
        #expect(result.sources[0].rejected == copies && result.sources[0].isBalanced)
        #expect(result.accepted.count == 0)
        // Before: each reason listed the 2,999 other lines (about 17 KB each, 50 MB in all).
        #expect(result.rejections.allSatisfy { $0.reason.en.utf8.count < 400 && $0.reason.th.utf8.count < 800 })
        #expect(result.rejections[0].reason.en.hasPrefix("This line and 2,999 other line(s)"))
        #expect(result.rejections[5].reason.en.contains("as line 2 (line 2 and 2,999 other line(s)"))
        #expect(result.rejections[5].text == "5601 + 2565-01 + NR02 + บ้านก")
        #expect(result.rejections[5].column == "district_code + period + indicator_id + area")
    }

    // MARK: encodings

    static func windows874(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { s -> UInt8 in
            if s.value < 0x80 { return UInt8(s.value) }
            let index = Windows874.table.firstIndex(of: s.value)!
            return UInt8(index)
        }
    }

    @Test("a UTF-8 resubmission with one Windows-874 byte still supersedes: 120, never 100 + 120")
    func mixedResubmissionIsNeverReadAsWindows874() throws {
        let day = { (d: Int) in BangkokCalendar.startOfDay(yearCE: 2022, month: 2, day: d)! }
        let original = Self.header + "5601,2565-01,NR02,100,มารวย,\n"
        var resent = Array((Self.header + "5601,2565-01,NR02,120,มารวย,\n5601,2565-01,NR01,5,,ป่า").utf8)
        resent += Self.windows874("“ชุมชน”")  // 0x93 … 0x94: not UTF-8
        resent += Array("\n".utf8)
        let result = try importFiles([("a.csv", Array(original.utf8), day(10)), ("b.csv", resent, day(20))])
        let hotspots = result.accepted.filter { $0.key.indicatorID == "NR02" }
        #expect(hotspots.map(\.value) == [120])
        #expect(hotspots.map(\.key.area) == ["มารวย"])
        #expect(result.superseded.count == 1)
        let resentSource = try #require(result.sources.first { $0.path == "b.csv" })
        #expect(resentSource.encoding == .utf8)
        #expect((resentSource.accepted, resentSource.rejected) == (1, 1))
        let rejection = try #require(result.rejections.first)
        #expect((rejection.file, rejection.line, rejection.column) == ("b.csv", 3, "note"))
        #expect(rejection.reason.en.contains("byte 0x93 at offset"))
    }

    @Test("Windows-874 Thai whose bytes happen to form valid UTF-8 pairs is still read as Windows-874")
    func windows874WithUTF8LookalikePairs() throws {
        // า ก = D2 A1 and แ ก ง = E1 A1 A7 are valid UTF-8 (U+04A1, U+1867); ม (C1) alone is not.
        let labels = ["มาก", "จาก", "แกง", "ดอกรัก", "บ้านสันป่าม่วง"]
        var bytes = Array(Self.header.utf8)
        for (i, label) in labels.enumerated() {
            bytes += Array("5601,2565-0\(i + 1),NR02,\(i),".utf8) + Self.windows874(label) + Array(",\n".utf8)
        }
        let result = try importFiles([("w.csv", bytes, nil)])
        #expect(result.sources[0].encoding == .windows874)
        #expect(result.rejections.isEmpty)
        #expect(result.accepted.map(\.key.area) == labels)
    }

    @Test("no UTF-8 Thai, more valid UTF-8 than broken bytes: too ambiguous to guess, the file is rejected whole")
    func ambiguousFileIsRejectedWhole() throws {
        var bytes = Array((Self.header + "5601,2565-01,NR02,1,,café crème déjà\n5601,2565-02,NR02,2,,x").utf8)
        bytes += [0xA1, 0x0A]
        let result = try importFiles([("amb.csv", bytes, nil)])
        let rejection = try #require(result.rejections.first)
        #expect(rejection.wholeFile && result.accepted.count == 0)
        #expect(rejection.reason.en.hasPrefix("Cannot tell whether this file is UTF-8 or Windows-874"))
    }

    // MARK: values and targets

    @Test("values must be finite, at most 10^15 and, when not zero, at least 0.000001")
    func hugeAndTinyValuesAreRejected() throws {
        let digits320 = "1" + String(repeating: "0", count: 319)
        let digits309 = "9" + String(repeating: "9", count: 308)
        let tiny = "0." + String(repeating: "0", count: 320) + "1"
        let text = Self.header + [
            "5601,2565-01,NR02,\(digits320),,",
            "5602,2565-01,NR02,\(digits309),,",
            "5603,2565-01,NR02,\(digits309),,",
            "5601,2565-01,ST01,\(tiny),,",
            "5602,2565-01,ST01,1000000000000001,,",
            "5603,2565-01,ST01,\"1,000,000,000,000,000\",,",
        ].joined(separator: "\n") + "\n"
        let result = try importText(text)
        #expect(result.rejections.map(\.line) == [2, 3, 4, 5, 6])
        #expect(result.rejections.allSatisfy { $0.column == "value" })
        #expect(result.rejections[0].reason.en.contains("larger than 1,000,000,000,000,000"))
        #expect(result.rejections[0].text.count == 320, "the offending text is kept whole")
        #expect(result.rejections[0].reason.en.count < 300, "but clipped in the message")
        #expect(result.rejections[3].reason.en.contains("too small"))
        #expect(result.accepted.map(\.value) == [1e15])
        #expect(result.accepted.allSatisfy { $0.value.isFinite })
    }

    @Test("a 400-digit or 1e-321 target is a reference error naming targets.csv, line and column",
          arguments: ["1" + String(repeating: "0", count: 400), "0." + String(repeating: "0", count: 320) + "1"])
    func absurdTargetsAreReferenceErrors(target: String) throws {
        let dir = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["areas.csv", "indicators.csv", "workstreams.csv"] {
            try FileManager.default.copyItem(at: Fixtures.minimalReference.appendingPathComponent(name),
                                             to: dir.appendingPathComponent(name))
        }
        try Fixtures.write("fiscal_year,area_code,indicator_id,target\n2565,5601,NR02,40\n2565,5602,NR02,\(target)\n",
                           to: dir.appendingPathComponent("targets.csv"))
        let error = try #require(throws: ReferenceDataError.self) { try ReferenceFolder.load(dir) }
        #expect((error.file, error.line, error.column) == ("targets.csv", 3, "target"))
    }

    // MARK: periods

    @Test("implausible periods are rejected with both readings; a year after the as-of month is the limit")
    func implausiblePeriods() throws {
        let periods = ["0000-01", "1000-01", "2399-01", "2655-01", "2499-12", "2566-06", "2566-07", "2022-01"]
        let text = Self.header + periods.enumerated()
            .map { "5601,\($1),NR02,\($0 + 1),," }.joined(separator: "\n") + "\n"
        // As of 30 June 2022 (BE 2565-06), the file sent that day: periods up to 2566-06 are plausible.
        let sent = BangkokCalendar.startOfDay(yearCE: 2022, month: 6, day: 30)
        let result = try importFiles([("f.csv", Array(text.utf8), sent)], asOf: sent)
        #expect(result.rejections.map(\.text) == ["0000-01", "1000-01", "2399-01", "2655-01", "2499-12", "2566-07"])
        let byText = Dictionary(uniqueKeysWithValues: result.rejections.map { ($0.text, $0.reason.en) })
        #expect(byText["2399-01"]!.contains("read as CE 2399 = BE 2942"))
        #expect(byText["0000-01"]!.contains("read as CE 0 = BE 543"))
        #expect(byText["2655-01"]!.contains("read as BE 2655 = CE 2112"))
        #expect(result.accepted.map(\.key.month.label) == ["2565-01", "2566-06"])
    }

    // MARK: records and fields

    @Test("a record over the size limit is rejected on its own line; the file's good rows still count")
    func overLongRecordKeepsTheGoodRows() throws {
        let text = Self.header + "5601,2565-01,NR02,1,,ok\n5602,2565-01,NR02,2,,\"never closed "
            + String(repeating: "x", count: 5_000) + "\n5603,2565-01,NR02,3,,\n5604,2565-01,NR02,4,,\n"
        let result = try importText(text) { $0.chunkSize = 256; $0.maxRecordBytes = 1_024 }
        #expect(result.accepted.map(\.key.districtCode) == ["5601", "5603", "5604"])
        let rejection = try #require(result.rejections.first)
        #expect(!rejection.wholeFile && rejection.line == 3)
        #expect(rejection.reason.en.contains("starting on line 3"))
        #expect(result.sources[0].isBalanced && result.sources[0].rowsRead == 4)
    }

    @Test("text after a closing quote shows the field as typed")
    func textAfterQuoteShowsTheWholeField() throws {
        let result = try importText(Self.header + "5601,2565-01,NR02,\"5\"x,,\n")
        #expect(result.rejections.map(\.text) == ["\"5\"x"])
        #expect(result.rejections.map(\.column) == ["value"])
    }

    @Test("control characters in an area are rejected: A\\u{1} and A would print alike but count apart")
    func controlCharactersInKeys() throws {
        let result = try importText(Self.header + "5601,2565-01,NR02,1,A\u{1},\n5601,2565-01,NR02,2,A,\n5601,2565-02,NR02,3,B\u{85}C,\n")
        #expect(result.rejections.map(\.line) == [2, 4])
        #expect(result.rejections.allSatisfy { $0.column == "area" })
        #expect(result.rejections[0].reason.en.contains("U+0001"))
        #expect(result.rejections[1].reason.en.contains("U+0085"))
        #expect(result.accepted.map(\.key.area) == ["A"])
    }

    // MARK: reference size

    @Test("300 districts import without a trap, in code order (the key once packed the district in 8 bits)")
    func manyDistricts() throws {
        let dir = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let reference = dir.appendingPathComponent("reference")
        let codes = (1...300).map { "56" + String(format: "%03d", $0) }
        try Fixtures.write("code,parent_code,name_th,name_en\n56,,พะเยา,Phayao\n"
                           + codes.map { "\($0),56,อำเภอ \($0),District \($0)\n" }.joined(),
                           to: reference.appendingPathComponent("areas.csv"))
        for name in ["indicators.csv", "workstreams.csv"] {
            try FileManager.default.copyItem(at: Fixtures.minimalReference.appendingPathComponent(name),
                                             to: reference.appendingPathComponent(name))
        }
        try Fixtures.write("fiscal_year,area_code,indicator_id,target\n", to: reference.appendingPathComponent("targets.csv"))
        let submission = try Fixtures.write(
            Self.header + ["56300", "56257", "56001", "56256"].map { "\($0),2565-01,NR02,1,," }.joined(separator: "\n") + "\n",
            to: dir.appendingPathComponent("s.csv"))
        let result = SubmissionImporter(reference: try ReferenceFolder.load(reference))
            .importFiles([SubmissionFile.onDisk(url: submission, displayPath: "s.csv")])
        #expect(result.rejections.isEmpty)
        #expect(result.accepted.map(\.key.districtCode) == ["56001", "56256", "56257", "56300"])
    }

    // MARK: special files

    @Test("a FIFO or a symlink to /dev/zero named *.csv is rejected, never opened for reading",
          .timeLimit(.minutes(1)))
    func specialFilesAreNotRead() throws {
        let dir = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe.csv")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let zero = dir.appendingPathComponent("zero.csv")
        try FileManager.default.createSymbolicLink(atPath: zero.path, withDestinationPath: "/dev/zero")
        let good = try Fixtures.write(Self.header + "5601,2565-01,NR02,7,,\n", to: dir.appendingPathComponent("good.csv"))
        var importer = SubmissionImporter(reference: try Fixtures.reference())
        importer.asOf = BangkokCalendar.startOfDay(yearCE: 2022, month: 6, day: 30)
        let result = importer.importFiles([
            SubmissionFile.onDisk(url: fifo, displayPath: "pipe.csv"), SubmissionFile.onDisk(url: zero, displayPath: "zero.csv"),
            SubmissionFile.onDisk(url: good, displayPath: "good.csv"),
        ])
        #expect(result.accepted.map(\.value) == [7])
        let reasons = Dictionary(uniqueKeysWithValues: result.rejections.map { ($0.file, $0.reason.en) })
        #expect(reasons["pipe.csv"]?.contains("FIFO") == true)
        #expect(reasons["zero.csv"]?.contains("a device, not a regular file") == true)
        #expect(result.rejections.allSatisfy { $0.wholeFile })
    }
}

extension HostileSubmissionTests {
    @Test("a note longer than an Excel cell is accepted, and the import says it will be shown cut")
    func longNoteIsANotice() throws {
        let long = String(repeating: "ก", count: 40_000)
        let result = try importText(Self.header + "5601,2565-01,NR02,1,,\(long)\n5601,2565-02,NR02,2,,short\n")
        #expect(result.rejections.isEmpty && result.accepted.count == 2)
        #expect(result.accepted.first?.note.count == 40_000, "the import keeps the whole note; only the cell is cut")
        #expect(result.notices.map(\.line) == [2])
        #expect(result.notices.first?.reason.en.contains("32,767") == true)
        let lines = ValidationReport(result: result).problemLines(.en)
        #expect(lines == ["f.csv:2: notice: " + IngestMessages.longNote.en])
    }
}
