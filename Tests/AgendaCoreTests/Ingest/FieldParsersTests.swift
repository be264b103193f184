import Testing
@testable import AgendaCore

@Suite struct FieldParsersTests {
    @Test(arguments: [
        ("2565-01", YearMonth(yearBE: 2565, month: 1)),
        ("2565-1", YearMonth(yearBE: 2565, month: 1)),
        (" 2564-12 ", YearMonth(yearBE: 2564, month: 12)),
        ("2022-01", YearMonth(yearBE: 2565, month: 1)),
        ("2399-05", YearMonth(yearCE: 2399, month: 5)),
        ("2400-05", YearMonth(yearBE: 2400, month: 5)),
        ("๒๕๖๕-๐๓", YearMonth(yearBE: 2565, month: 3)),
    ])
    func periods(text: String, month: YearMonth) {
        #expect(FieldParsers.parsePeriod(text) == .month(month))
    }

    @Test func badPeriods() {
        #expect(FieldParsers.parsePeriod("2565-13") == .monthOutOfRange(year: 2565, month: 13))
        #expect(FieldParsers.parsePeriod("2565-0") == .monthOutOfRange(year: 2565, month: 0))
        for text in ["", "65-01", "2565/01", "2565-001", "มกราคม 2565", "2565-1a"] {
            #expect(FieldParsers.parsePeriod(text) == .malformed, "\(text)")
        }
    }

    @Test func values() {
        #expect(FieldParsers.parseValue("12") == .number(12))
        #expect(FieldParsers.parseValue(" 1,250 ") == .number(1250))
        #expect(FieldParsers.parseValue("1,234,567.25") == .number(1_234_567.25))
        #expect(FieldParsers.parseValue("0.1") == .number(0.1))
        #expect(FieldParsers.parseValue("๑๒.๕") == .number(12.5))
        #expect(FieldParsers.parseValue("0") == .number(0))
        #expect(FieldParsers.parseValue("999,999,999,999,999.5") == .number(999_999_999_999_999.5))
        #expect(FieldParsers.parseValue("1,000,000,000,000,000") == .number(1e15), "10^15 itself is the largest value")
        #expect(FieldParsers.parseValue("") == .blank)
        #expect(FieldParsers.parseValue("   ") == .blank)
        #expect(FieldParsers.parseValue("-5") == .negative)
        #expect(FieldParsers.parseValue("-1,000") == .negative)
        #expect(FieldParsers.parseValue("1,23") == .badGrouping)
        #expect(FieldParsers.parseValue("1234,567") == .badGrouping)
        for text in ["abc", "1e3", "+5", "1.2.3", ".", "12 บาท", "N/A"] {
            #expect(FieldParsers.parseValue(text) == .notANumber, "\(text)")
        }
    }
}

@Suite struct SubmissionColumnTests {
    @Test func headerNamesAreTrimmedCaseInsensitiveAndHaveThaiAliases() {
        #expect(SubmissionColumn.match(" District Code ") == .districtCode)
        #expect(SubmissionColumn.match("DISTRICT-CODE") == .districtCode)
        #expect(SubmissionColumn.match("\u{FEFF}district_code") == .districtCode)
        #expect(SubmissionColumn.match("รหัสอำเภอ") == .districtCode)
        #expect(SubmissionColumn.match("งวด") == .period)
        #expect(SubmissionColumn.match("เดือน") == .period)
        #expect(SubmissionColumn.match("รหัสตัวชี้วัด") == .indicatorID)
        #expect(SubmissionColumn.match("จำนวน") == .value)
        #expect(SubmissionColumn.match("ค่า") == .value)
        #expect(SubmissionColumn.match("พื้นที่") == .area)
        #expect(SubmissionColumn.match("หมายเหตุ") == .note)
        #expect(SubmissionColumn.match("ผู้กรอก") == nil)
    }
}
