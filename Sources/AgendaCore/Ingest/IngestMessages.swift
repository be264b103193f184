/// The reasons a submission row or file is rejected, written for the district clerk who must fix it.
///
/// Each says what is wrong and what to do instead, with an example, in Thai (what the clerk reads) and English
/// (for officials and for pasting into a search).
enum IngestMessages {
    static func unreadable(_ detail: String) -> BilingualText {
        BilingualText(
            th: "เปิดอ่านไฟล์ไม่ได้ (\(detail)) ตรวจว่าไฟล์มีอยู่และไม่ได้เปิดค้างไว้ในโปรแกรมอื่น",
            en: "Cannot read the file (\(detail)); check that it exists and is not locked by another program.")
    }

    static func notFound() -> BilingualText {
        BilingualText(th: "ไม่พบไฟล์นี้ ตรวจชื่อไฟล์และโฟลเดอร์", en: "No such file; check the file name and folder.")
    }

    static func badEncoding(utf8Offset: Int, utf8Byte: UInt8, win874Offset: Int?, win874Byte: UInt8?, looksUTF8: Bool) -> BilingualText {
        let u = "0x" + String(utf8Byte, radix: 16, uppercase: true)
        let save = "บันทึกไฟล์ใหม่จาก Excel แบบ \"CSV UTF-8 (Comma delimited)\""
        let saveEN = "Save the file again from Excel as \"CSV UTF-8 (Comma delimited)\"."
        guard let wo = win874Offset, let wb = win874Byte else {
            return BilingualText(
                th: "ไฟล์ขึ้นต้นด้วยเครื่องหมาย UTF-8 (BOM) แต่ไบต์ \(u) ที่ตำแหน่ง \(utf8Offset) (นับจาก 0) ไม่ใช่ UTF-8 ที่ถูกต้อง \(save)",
                en: "The file starts with a UTF-8 byte-order mark but byte \(u) at offset \(utf8Offset) (from 0) is not valid UTF-8. \(saveEN)")
        }
        let w = "0x" + String(wb, radix: 16, uppercase: true)
        if looksUTF8 {
            return BilingualText(
                th: "ไฟล์นี้ดูเป็น UTF-8 แต่ไบต์ \(u) ที่ตำแหน่ง \(utf8Offset) (นับจาก 0) เสีย และอ่านเป็น Windows-874 ก็ไม่ได้ (ไบต์ \(w) ที่ตำแหน่ง \(wo)) \(save)",
                en: "The file looks like UTF-8 but byte \(u) at offset \(utf8Offset) (from 0) is broken, and it is not Windows-874 either (byte \(w) at offset \(wo)). \(saveEN)")
        }
        return BilingualText(
            th: "อ่านไฟล์ไม่ได้ทั้ง UTF-8 (ไบต์ \(u) ที่ตำแหน่ง \(utf8Offset)) และ Windows-874 (ไบต์ \(w) ที่ตำแหน่ง \(wo) ไม่มีในรหัสภาษาไทย) นับตำแหน่งจาก 0 \(save)",
            en: "The file is neither UTF-8 (byte \(u) at offset \(utf8Offset)) nor Windows-874 (byte \(w) at offset \(wo) is undefined); offsets count from 0. \(saveEN)")
    }

    static func ambiguousEncoding(utf8Offset: Int, utf8Byte: UInt8, valid: Int, invalid: Int) -> BilingualText {
        let u = "0x" + String(utf8Byte, radix: 16, uppercase: true)
        return BilingualText(
            th: "บอกไม่ได้ว่าไฟล์นี้เป็น UTF-8 หรือ Windows-874 (ไบต์ \(u) ที่ตำแหน่ง \(utf8Offset) ไม่ใช่ UTF-8 แต่ส่วนอื่นอ่านเป็น UTF-8 ได้ \(valid) จุด เสีย \(invalid) จุด และไม่มีอักษรไทยแบบ UTF-8) ทั้งไฟล์จึงไม่ถูกนับ แทนที่จะเดา บันทึกไฟล์ใหม่จาก Excel แบบ \"CSV UTF-8 (Comma delimited)\"",
            en: "Cannot tell whether this file is UTF-8 or Windows-874 (byte \(u) at offset \(utf8Offset) is not UTF-8, yet \(valid) sequences read as UTF-8 against \(invalid) broken ones, and there is no UTF-8 Thai), so the whole file is not counted rather than guessed. Save it again from Excel as \"CSV UTF-8 (Comma delimited)\".")
    }

    static let emptyFile = BilingualText(
        th: "ไฟล์ว่าง ต้องมีแถวหัวตาราง เช่น district_code,period,indicator_id,value",
        en: "The file is empty; it needs a header row such as district_code,period,indicator_id,value.")

    static func missingColumn(_ column: SubmissionColumn) -> BilingualText {
        BilingualText(
            th: "แถวหัวตารางไม่มีคอลัมน์ \(column.rawValue) (หรือ \(column.thaiName)) ทั้งไฟล์จึงไม่ถูกนับ เพิ่มคอลัมน์นี้แล้วส่งใหม่",
            en: "The header row has no \(column.rawValue) column, so the whole file was not counted; add it and send the file again.")
    }

    static func duplicateColumn(_ column: SubmissionColumn, _ first: String, _ second: String) -> BilingualText {
        BilingualText(
            th: "หัวตาราง \"\(first)\" และ \"\(second)\" หมายถึงคอลัมน์ \(column.rawValue) เดียวกัน ลบคอลัมน์ใดคอลัมน์หนึ่ง",
            en: "Headers \"\(first)\" and \"\(second)\" both mean \(column.rawValue); delete one of them.")
    }

    static func fieldCount(_ found: Int, expected: Int) -> BilingualText {
        BilingualText(
            th: "แถวนี้มี \(found) ช่อง แต่หัวตารางมี \(expected) ช่อง ตรวจเครื่องหมายจุลภาค (,) หรือเครื่องหมายคำพูด (\") ที่เกินมาหรือขาดไป",
            en: "This row has \(found) fields but the header has \(expected); look for an extra or missing comma or quote.")
    }

    static let unclosedQuote = BilingualText(
        th: "เครื่องหมายคำพูด (\") ที่เปิดในแถวนี้ไม่ถูกปิดจนจบไฟล์ ปิดหรือลบเครื่องหมายคำพูดนั้น",
        en: "A quote (\") opened on this row is never closed before the end of the file; close it or remove it.")

    static let textAfterQuote = BilingualText(
        th: "มีข้อความต่อท้ายหลังเครื่องหมายคำพูดปิด ใส่ทั้งช่องไว้ในเครื่องหมายคำพูด และเขียนคำพูดภายในเป็นสองตัว (\"\")",
        en: "Text follows a closing quote; put the whole field in quotes and double any quote inside it (\"\").")

    static func emptyField(_ column: SubmissionColumn, example: String) -> BilingualText {
        BilingualText(
            th: "ช่อง \(column.thaiName) ว่าง ต้องใส่ค่า เช่น \(example)",
            en: "\(column.rawValue) is empty; fill it in, e.g. \(example).")
    }

    static func unknownDistrict(_ text: String, range: String) -> BilingualText {
        BilingualText(
            th: "รหัสอำเภอ \"\(text)\" ไม่ใช่อำเภอของจังหวัดพะเยา ใช้รหัส \(range)",
            en: "District code \"\(text)\" is not a district of Phayao; use \(range).")
    }

    static func malformedPeriod(_ text: String) -> BilingualText {
        BilingualText(
            th: "งวด \"\(text)\" ไม่ถูกรูปแบบ ใช้ ปี-เดือน เช่น 2565-01 (ปี พ.ศ. หรือ ค.ศ. 4 หลัก เดือน 1–12)",
            en: "Period \"\(text)\" is not in YYYY-MM form; use e.g. 2565-01 (4-digit BE or CE year, month 1–12).")
    }

    static func monthOutOfRange(year: Int, month: Int) -> BilingualText {
        BilingualText(
            th: "ปี \(year) เดือน \(month) ไม่มีอยู่จริง ใช้เดือน 1–12 เช่น \(year)-01",
            en: "Month \(month) does not exist; use 1–12, e.g. \(year)-01.")
    }

    static func unknownIndicator(_ text: String) -> BilingualText {
        BilingualText(
            th: "ไม่พบรหัสตัวชี้วัด \"\(text)\" ในรายการตัวชี้วัด (indicators.csv) ตรวจการสะกด",
            en: "Indicator \"\(text)\" is not in the indicator list (indicators.csv); check the spelling.")
    }

    static func ratioSubmitted(_ indicator: Indicator) -> BilingualText {
        let parts = [indicator.numeratorID, indicator.denominatorID].compactMap { $0 }.joined(separator: ", ")
        return BilingualText(
            th: "ตัวชี้วัด \"\(indicator.id)\" เป็นอัตราส่วนที่ระบบคำนวณเอง ไม่ต้องส่ง ให้ส่งตัวชี้วัด \(parts) แทน",
            en: "Indicator \"\(indicator.id)\" is a ratio the program computes; do not send it, send \(parts) instead.")
    }

    static func negativeValue(_ text: String) -> BilingualText {
        BilingualText(
            th: "ค่า \"\(text)\" ติดลบ ค่าต้องเป็นศูนย์หรือมากกว่า ถ้าไม่มีข้อมูลให้เว้นว่าง",
            en: "Value \"\(text)\" is negative; values must be zero or more (leave it empty if not reported).")
    }

    static func badGrouping(_ text: String) -> BilingualText {
        BilingualText(
            th: "ค่า \"\(text)\" ใส่จุลภาคผิดตำแหน่ง จุลภาคคั่นทุกสามหลัก เช่น 1,250 หรือไม่ใส่เลย เช่น 1250",
            en: "Value \"\(text)\" has commas in the wrong places; group thousands by three (1,250) or use none (1250).")
    }

    static func notANumber(_ text: String) -> BilingualText {
        BilingualText(
            th: "ค่า \"\(text)\" ไม่ใช่ตัวเลข ใช้ตัวเลข เช่น 1,250 หรือ 12.5 ถ้าไม่มีข้อมูลให้เว้นว่าง",
            en: "Value \"\(text)\" is not a number; write a number such as 1,250 or 12.5, or leave it empty if not reported.")
    }

    /// One message per duplicated row, naming the key's first line and how many others share it, never the list
    /// of every other line: 16,000 copies of one line would otherwise make 16,000 lists of 15,999 numbers.
    static func duplicateKey(firstLine: Int, copies: Int, thisLine: Int) -> BilingualText {
        let others = NumberText.decimal(Double(copies - 1), decimals: 0)
        if thisLine == firstLine {
            return BilingualText(
                th: "อำเภอ งวด ตัวชี้วัด และพื้นที่ของแถวนี้ซ้ำกับอีก \(others) แถวในไฟล์เดียวกัน ทุกแถวที่ซ้ำจึงไม่ถูกนับ ลบแถวที่ผิดแล้วส่งใหม่",
                en: "This line and \(others) other line(s) of this file have the same district, period, indicator and area, so none of them counts; delete the wrong ones and send again.")
        }
        return BilingualText(
            th: "อำเภอ งวด ตัวชี้วัด และพื้นที่ซ้ำกับบรรทัด \(firstLine) (บรรทัด \(firstLine) และอีก \(others) แถวเหมือนกันในไฟล์นี้) ทุกแถวที่ซ้ำจึงไม่ถูกนับ ลบแถวที่ผิดแล้วส่งใหม่",
            en: "Same district, period, indicator and area as line \(firstLine) (line \(firstLine) and \(others) other line(s) of this file have this key), so none of these rows counts; delete the wrong ones and send again.")
    }

    static func valueOutOfRange(_ text: String, value: Double) -> BilingualText {
        if value != 0 && value < FieldParsers.smallestNonZeroValue {
            return BilingualText(
                th: "ค่า \"\(text)\" เล็กเกินไป (ต่ำกว่า 0.000001 แต่ไม่ใช่ 0) ไม่มีตัวชี้วัดใดใช้ทศนิยมเกิน 6 ตำแหน่ง ตรวจตัวเลขอีกครั้ง",
                en: "Value \"\(text)\" is too small (below 0.000001 but not 0); no indicator uses more than 6 decimals, so check the number.")
        }
        return BilingualText(
            th: "ค่า \"\(clip(text))\" ใหญ่เกิน 1,000,000,000,000,000 (10^15) ซึ่ง Excel แสดงได้ไม่ครบทุกหลัก มักเกิดจากพิมพ์ตัวเลขซ้ำหรือวางผิดช่อง ตรวจค่าแล้วส่งใหม่",
            en: "Value \"\(clip(text))\" is larger than 1,000,000,000,000,000 (10^15), more digits than Excel keeps; usually a pasting slip. Check it and send again.")
    }

    /// A period that parses but cannot be real: before BE 2500 or more than a year after the report's as-of
    /// month. Both readings are named, because a CE year below 2400 is read as CE and shifted by 543.
    static func implausiblePeriod(_ text: String, month: YearMonth, readAsCE: Bool, latest: YearMonth) -> BilingualText {
        let reading = readAsCE
            ? (th: "อ่านเป็น ค.ศ. \(month.yearCE) = พ.ศ. \(month.yearBE)", en: "read as CE \(month.yearCE) = BE \(month.yearBE)")
            : (th: "อ่านเป็น พ.ศ. \(month.yearBE) = ค.ศ. \(month.yearCE)", en: "read as BE \(month.yearBE) = CE \(month.yearCE)")
        return BilingualText(
            th: "งวด \"\(text)\" เป็นไปไม่ได้ (\(reading.th)) งวดต้องอยู่ระหว่าง พ.ศ. \(YearMonth.earliestPlausibleYearBE) ถึง \(latest.label) ใช้รูปแบบ ปปปป-ดด เช่น 2565-01",
            en: "Period \"\(text)\" is implausible (\(reading.en)); periods run from BE \(YearMonth.earliestPlausibleYearBE) to \(latest.label). Use YYYY-MM, e.g. 2565-01.")
    }

    /// A row of a UTF-8 file holding bytes that are not UTF-8 (a Windows-874 character pasted into a UTF-8 file).
    /// The file as a whole is not re-read as Windows-874: its Thai UTF-8 text proves what it is, and guessing
    /// would turn every Thai label of the file into different text.
    static func invalidUTF8InRow(byte: UInt8, offset: Int) -> BilingualText {
        let b = "0x" + String(byte, radix: 16, uppercase: true)
        return BilingualText(
            th: "แถวนี้มีไบต์ \(b) ที่ตำแหน่ง \(offset) (นับจาก 0) ซึ่งไม่ใช่ UTF-8 ทั้งที่ไฟล์เป็น UTF-8 (มีอักษรไทยแบบ UTF-8) มักเกิดจากการวางข้อความจากไฟล์ภาษาไทยแบบเก่า แถวนี้จึงไม่ถูกนับ แถวอื่นของไฟล์อ่านตามปกติ พิมพ์ข้อความในช่องนี้ใหม่แล้วบันทึกเป็น \"CSV UTF-8\"",
            en: "This row holds byte \(b) at offset \(offset) (from 0), which is not UTF-8, although the file is UTF-8 (it has UTF-8 Thai text); usually text pasted from an old Thai-encoded file. This row is not counted; the file's other rows are read as usual. Retype this field and save as \"CSV UTF-8\".")
    }

    /// Control characters (tab excepted) in a key field are invisible in Excel: `A\u{1}` and `A` would print the
    /// same yet count as two villages.
    static func controlCharacterInKey(_ scalar: Unicode.Scalar) -> BilingualText {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return BilingualText(
            th: "ช่องนี้มีอักขระควบคุมที่มองไม่เห็น (\(code)) ซึ่งทำให้ชื่อพื้นที่ที่ดูเหมือนกันกลายเป็นคนละพื้นที่ พิมพ์ช่องนี้ใหม่",
            en: "This field holds an invisible control character (\(code)), which would make two identical-looking areas count separately; retype the field.")
    }

    static func recordTooLong(limit: Int, line: Int) -> BilingualText {
        BilingualText(
            th: "ข้อมูลที่เริ่มบรรทัด \(line) ยาวเกิน \(limit / (1 << 20)) MB มักเกิดจากเครื่องหมายคำพูด (\") ที่เปิดแล้วไม่ปิด บรรทัดนี้จึงไม่ถูกนับ และอ่านต่อจากบรรทัดถัดไป ตรวจบรรทัดนี้",
            en: "The record starting on line \(line) is longer than \(limit / (1 << 20)) MB, usually a quote (\") that is never closed; this line is not counted and reading resumes on the next line. Check it.")
    }

    static let longNote = BilingualText(
        th: "หมายเหตุยาวเกิน 32,767 ตัวอักษร ซึ่งเป็นขนาดสูงสุดของช่องใน Excel ค่ายังนับตามปกติ แต่หมายเหตุในสมุดงานถูกตัดและมีเครื่องหมายบอก",
        en: "The note is longer than 32,767 characters, the most an Excel cell holds; the value counts as usual, but the workbook shows the note cut, with a marker.")

    /// Offending text is shown as typed, but not forever: a 300-digit number fills a printed page.
    static func clip(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "… (\(text.count))" : text
    }
}
