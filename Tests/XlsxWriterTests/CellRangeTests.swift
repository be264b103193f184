import Testing
@testable import XlsxWriter

@Suite struct CellRangeTests {
    @Test func a1Names() {
        #expect(CellReference.a1(row: 0, col: 0) == "A1")
        #expect(CellReference.columnName(25) == "Z")
        #expect(CellReference.columnName(26) == "AA")
        #expect(CellReference.columnName(701) == "ZZ")
        #expect(CellReference.columnName(702) == "AAA")
        #expect(CellReference.columnName(16_383) == "XFD")
        #expect(CellReference.a1(row: 6, col: 1, absolute: true) == "$B$7")
    }

    @Test func rangesQuoteSheetNames() {
        let range = CellRange(sheet: "It's data", col: 0, firstRow: 0, lastRow: 8)
        #expect(range.formula == "='It''s data'!$A$1:$A$9")
        #expect(range.a1 == "A1:A9")
        #expect(CellRange(sheet: "สรุป", firstRow: 1, firstCol: 1, lastRow: 1, lastCol: 1).formula == "='สรุป'!$B$2")
    }
}
