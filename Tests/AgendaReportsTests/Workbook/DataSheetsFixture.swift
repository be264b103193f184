import AgendaCore
import Foundation

/// A small import for the data-sheet tests, with every kind of row the sheets must show: accepted values (one with a
/// sub-area, one with decimals, one whose note looks like a formula), a value superseded by a later file, a rejected
/// row, a file rejected whole and a blank "not reported" row. The report's facts come from the core's own
/// `ReportBuilder`, so the tests compare the workbook with the core, not with a copy of its rules.
enum DataSheetsFixture {
    static let q2 = FiscalQuarter(fiscalYear: 2565, quarter: 2)
    static let january = YearMonth(yearBE: 2565, month: 1)
    static let february = YearMonth(yearBE: 2565, month: 2)
    static let formulaNote = "=HYPERLINK(\"http://x\",\"y\")"
    static let early = Date(timeIntervalSince1970: 1_644_000_000)  // 2022-02-04
    static let late = Date(timeIntervalSince1970: 1_644_500_000)   // 2022-02-10

    static var reference: ReferenceData {
        let base = SummaryReportFixture.reference
        return ReferenceData(
            province: base.province, districts: base.districts, workstreams: base.workstreams,
            indicators: base.indicators,
            targets: [
                Target(fiscalYear: 2565, areaCode: "5601", indicatorID: "NR01", target: 6_000),
                Target(fiscalYear: 2565, areaCode: "5602", indicatorID: "NR01", target: 4_000),
                Target(fiscalYear: 2565, areaCode: "56", indicatorID: "NR02", target: 100),
            ])
    }

    static func value(_ district: String, _ month: YearMonth, _ indicator: String, _ v: Double, area: String = "",
                      note: String = "", source: Int, line: Int) -> AcceptedValue {
        AcceptedValue(key: ValueKey(districtCode: district, month: month, indicatorID: indicator, area: area),
                      value: v, note: note, sourceIndex: source, line: line)
    }

    static var imported: ImportResult {
        let sources = [
            SourceFile(path: "submissions/5601-2565-01.csv", modified: early, byteCount: 300, sha256: String(repeating: "a", count: 64),
                       encoding: .utf8, districtCodes: ["5601"], rowsRead: 4, accepted: 2, superseded: 1, blank: 1),
            SourceFile(path: "submissions/5601-2565-01-แก้ไข.csv", modified: late, byteCount: 200, sha256: String(repeating: "b", count: 64),
                       encoding: .windows874, districtCodes: ["5601"], rowsRead: 3, accepted: 2, rejected: 1),
            SourceFile(path: "submissions/bad.csv", modified: early, byteCount: 50, sha256: String(repeating: "c", count: 64),
                       encoding: nil),
            SourceFile(path: "submissions/5602-2565-02.csv", modified: late, byteCount: 120, sha256: String(repeating: "d", count: 64),
                       encoding: .utf8WithBOM, districtCodes: ["5602"], rowsRead: 2, accepted: 2),
        ]
        let accepted = [
            value("5601", january, "NR01", 5_000, source: 0, line: 2),
            value("5601", january, "NR02", 10, note: formulaNote, source: 0, line: 3),
            value("5601", january, "LS01", 8, source: 1, line: 2),
            value("5601", january, "LS02", 4, area: "บ้านใหม่", source: 1, line: 3),
            value("5602", february, "NR01", 3_000, source: 3, line: 2),
            value("5602", february, "CW02", 1_234.56, note: "ยอด ณ สิ้นเดือน", source: 3, line: 3),
        ].sorted { $0.key < $1.key }
        let superseded = [
            SupersededValue(superseded: value("5601", january, "LS01", 7, source: 0, line: 4),
                            replacedBy: value("5601", january, "LS01", 8, source: 1, line: 2)),
        ]
        let rejections = [
            Rejection(file: "submissions/5601-2565-01-แก้ไข.csv", line: 4, column: "value", text: "abc",
                      reason: BilingualText(th: "ค่า \"abc\" ไม่ใช่ตัวเลข", en: "Value \"abc\" is not a number.")),
            Rejection(file: "submissions/bad.csv", line: 0, column: "", text: "",
                      reason: BilingualText(th: "อ่านไฟล์ไม่ได้", en: "The file cannot be decoded."), wholeFile: true),
        ]
        return ImportResult(sources: sources, accepted: accepted, superseded: superseded, rejections: rejections)
    }

    static var report: Report {
        ReportBuilder.build(scope: .quarter(q2), options: ReportOptions(), reference: reference, imported: imported,
                            asOf: late)
    }
}
