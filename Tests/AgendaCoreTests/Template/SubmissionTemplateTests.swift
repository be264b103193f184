import AgendaCore
import Foundation
import Testing

@Suite("Submission template CSV")
struct SubmissionTemplateTests {
    let reference = TemplateFixture.reference

    private func template(_ district: String = "5601", year: Int = 2565) -> SubmissionTemplate {
        SubmissionTemplate(reference: reference, districtCode: district, fiscalYear: year)
    }

    private func lines(_ data: Data) -> [String] {
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.components(separatedBy: "\r\n")
    }

    @Test("starts with the UTF-8 byte-order mark and the submission header")
    func bomAndHeader() {
        let data = template().csvData()
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(lines(data).first == "district_code,period,indicator_id,area,value,note")
    }

    @Test("every line ends in CRLF, with no bare LF anywhere")
    func crlf() {
        let data = template().csvData()
        let bytes = Array(data)
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        for (i, byte) in bytes.enumerated() where byte == 0x0A {
            #expect(i > 0 && bytes[i - 1] == 0x0D, "bare LF at byte \(i)")
        }
        // Header + 12 × 3 rows, then the empty string after the final CRLF.
        #expect(lines(data).count == 1 + 36 + 1)
        #expect(lines(data).last == "")
    }

    @Test("twelve months from October × the submittable indicators, in reference order; ratios left out")
    func rowsAreMonthsTimesIndicators() {
        let t = template(year: 2565)
        #expect(t.rows.count == 12 * 3)
        #expect(!t.rows.contains { $0.indicator.id == "LS03" })
        #expect(t.rows.prefix(3).map(\.indicator.id) == ["NR01", "NR02", "LS01"])
        let months = stride(from: 0, to: t.rows.count, by: 3).map { t.rows[$0].month.label }
        #expect(months == ["2564-10", "2564-11", "2564-12", "2565-01", "2565-02", "2565-03",
                           "2565-04", "2565-05", "2565-06", "2565-07", "2565-08", "2565-09"])
        #expect(t.rows.allSatisfy { $0.districtCode == "5601" })
        let body = lines(t.csvData()).dropFirst().filter { !$0.isEmpty }
        #expect(body.count == 36)
        #expect(!body.contains { $0.contains("LS03") })
    }

    @Test("a row has district, period and id filled, area and value empty, the Thai name and unit as note")
    func rowFields() {
        let body = lines(template("5602").csvData())
        #expect(body[1] == "5602,2564-10,NR01,,,พื้นที่ป่าชุมชนที่มีการจัดการ (ไร่)")
        #expect(body[3] == "5602,2564-10,LS01,,,คำขอสถานะที่ยื่น (คำขอ)")
    }

    @Test("a note with a comma and a double quote is quoted by RFC 4180")
    func quotesNote() {
        let body = lines(template().csvData())
        #expect(body[2] == "5601,2564-10,NR02,,,\"จุดความร้อน, ไฟป่า \"\"ทั้งหมด\"\" (จุด)\"")
    }

    @Test("the same reference gives the same bytes")
    func deterministic() {
        #expect(template().csvData() == template().csvData())
    }

    @Test("reference text that Excel would run as a formula gets a leading apostrophe in the CSV")
    func formulaLookingTextIsNeutralised() {
        let base = TemplateFixture.reference
        var indicators = base.indicators
        indicators[0].nameTH = "=HYPERLINK(\"http://x\",\"ป่า\")"
        indicators[2].nameTH = "+คำขอ"
        let reference = ReferenceData(province: base.province, districts: base.districts, workstreams: base.workstreams,
                                      indicators: indicators, targets: [])
        let body = lines(SubmissionTemplate(reference: reference, districtCode: "5601", fiscalYear: 2565).csvData())
        #expect(body[1] == "5601,2564-10,NR01,,,\"'=HYPERLINK(\"\"http://x\"\",\"\"ป่า\"\") (ไร่)\"")
        #expect(body[3] == "5601,2564-10,LS01,,,'+คำขอ (คำขอ)")
        // One rule for every CSV the program writes (the data exports call the same function).
        for start in ["-", "@", "\t", "\r", "\r\n", "＝", "＋", "－", "＠"] {
            #expect(CSVField.neutralised(start + "x") == "'" + start + "x", "\(start.unicodeScalars.map(\.value))")
        }
        #expect(CSVField.neutralised("ป่า = 5") == "ป่า = 5")
        #expect(CSVField.neutralised("") == "")
    }
}

/// Fills the value column of a template CSV the way a clerk would, leaving every fifth row empty.
enum TemplateFilling {
    /// Returns the filled file and the values typed, by data row.
    static func fill(_ csv: Data) -> (data: Data, values: [Double?]) {
        var text = String(decoding: csv, as: UTF8.self)
        precondition(text.hasPrefix("\u{FEFF}"))
        text.removeFirst()
        var lines = text.components(separatedBy: "\r\n")
        var values: [Double?] = []
        for index in 1..<lines.count where !lines[index].isEmpty {
            // The first five fields never hold a comma; the note (sixth) may, quoted.
            var fields = lines[index].split(separator: ",", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
            let value = TemplateFixture.filledValue(row: index - 1)
            values.append(value)
            fields[4] = value.map(TemplateFixture.valueText) ?? ""
            lines[index] = fields.joined(separator: ",")
        }
        return (Data(("\u{FEFF}" + lines.joined(separator: "\r\n")).utf8), values)
    }
}
