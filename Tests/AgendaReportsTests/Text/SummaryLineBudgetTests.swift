import AgendaCore
import Foundation
import Testing
@testable import AgendaReports

/// The summary stays within about 60 lines even when every workstream has many headline indicators and every
/// district has something wrong with its data.
@Suite struct SummaryLineBudgetTests {
    static var crowdedReport: Report {
        let province = Area(code: "56", parentCode: nil, nameTH: "พะเยา", nameEN: "Phayao")
        let districts = (1...9).map { Area(code: "560\($0)", parentCode: "56", nameTH: "อำเภอที่\($0)", nameEN: "District \($0)") }
        let workstreams = (1...5).map { Workstream(id: "W\($0)", nameTH: "ยุทธศาสตร์ที่ \($0)", nameEN: "Workstream \($0)") }
        let indicators = workstreams.flatMap { ws in
            (1...4).map { i in
                Indicator(id: "\(ws.id)-\(i)", workstreamID: ws.id, nameTH: "ตัวชี้วัดผู้ใหญ่บ้าน \(i)", nameEN: "Indicator \(i)",
                          unitTH: "คน", unitEN: "people", aggregation: .sum, better: .higher, isHeadline: true)
            }
        }
        let reference = ReferenceData(province: province, districts: districts, workstreams: workstreams,
                                      indicators: indicators, targets: [])
        let q = FiscalQuarter(fiscalYear: 2565, quarter: 4)
        let ytd = ReportWindow.yearToDate(fiscalYear: 2565, through: q.lastMonth)
        let facts = indicators.flatMap { ind in
            reference.reportAreas.map { area in
                Fact(window: ytd, workstreamID: ind.workstreamID, indicatorID: ind.id, areaCode: area.code,
                     value: Double(area.code.count * 100), target: 1_000, achievementPct: Double(area.code.count * 10),
                     status: .behind)
            }
        }
        let months = YearMonth.months(ofFiscalYear: 2565)
        let completeness = districts.flatMap { d in
            months.map { m in
                CompletenessCell(districtCode: d.code, month: m, reported: 0, expected: 20, submitted: m.month != 5 && !(d.code == "5601" && m.month <= 4),
                                 lastModified: nil, onTime: nil)
            }
        }
        let rejections = districts.map {
            Rejection(file: "\($0.code)/x.csv", line: 2, column: "value", text: "x", reason: BilingualText(th: "ผิด", en: "bad"))
        } + [Rejection(file: "other.csv", line: 3, column: "value", text: "x", reason: BilingualText(th: "ผิด", en: "bad"))]
        let anomalies = districts.map {
            Anomaly(districtCode: $0.code, month: months[8], indicatorID: "W1-1", area: "บ้านสันป่าม่วง หมู่ 5",
                    value: 900, expected: 10, score: 50, checks: [.peers, .sameMonthLastYear])
        }
        return Report(scope: .year(2565), options: ReportOptions(), reference: reference,
                      imported: ImportResult(sources: [], accepted: [], superseded: [], rejections: rejections),
                      windows: [.quarter(q), ytd], facts: facts, completeness: completeness, anomalies: anomalies,
                      asOf: Date(timeIntervalSince1970: 1_664_500_000))
    }

    @Test(arguments: Language.allCases)
    func crowdedReportFitsTheBudget(language: Language) {
        let text = SummaryRenderer(language: language).render(Self.crowdedReport, workbookPath: "book.xlsx")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= SummaryRenderer.lineBudget, "\(lines.count) lines:\n\(text)")
        // Four headline indicators per workstream do not all fit: the title says how many are shown.
        #expect(text.contains(language == .th ? "(แสดง 2 จาก 4 ตัวชี้วัดหลัก)" : "(showing 2 of 4 headline indicators)"))
        // All nine districts and the unknown file appear in the quality table.
        #expect(text.contains(language == .th ? "ไม่ทราบอำเภอ" : "Unknown district"))
        #expect(text.contains(language == .th ? "1 (พ.ค. 65)" : "1 (May 2565)"))
        // Past three months the list is cut, the count is not.
        #expect(text.contains(language == .th ? "5 (ม.ค. 65, ก.พ. 65, มี.ค. 65, …)" : "5 (Jan 2565, Feb 2565, Mar 2565, …)"))
        // Every district has the same achievement, so none is singled out as best or lagging.
        #expect(text.contains(language == .th ? "ทุกอำเภอเท่ากัน: 40.0%" : "All districts equal: 40.0%"))
    }

    @Test func emptyReportSaysThereIsNothingWrong() {
        let base = Self.crowdedReport
        let empty = Report(scope: base.scope, options: base.options, reference: base.reference,
                           imported: ImportResult(sources: [], accepted: [], superseded: [], rejections: []),
                           windows: [], facts: [], completeness: [], anomalies: [], asOf: base.asOf)
        let text = SummaryRenderer(language: .th).render(empty, workbookPath: "w.xlsx")
        #expect(text.contains("0 จาก 9 อำเภอ"))
        #expect(text.contains("ไม่พบแถวที่ถูกปฏิเสธ"))
        #expect(text.contains("ผลสะสม = –"))
    }
}
