import AgendaCore
import Foundation
import Testing
import XlsxWriter
@testable import AgendaReports

@Suite("Workstream sheet names")
struct SheetNamesTests {
    @Test("long, slashed, bracketed or empty names become valid sheet names of at most 31 characters",
          arguments: [
              "งาน/โครงการ: การพัฒนาระบบ[ทดลอง]*จัดการ?ทรัพยากรธรรมชาติและสิ่งแวดล้อมของจังหวัด",
              "'ชื่อในเครื่องหมาย'",
              "ผู้สูงอายุ\\ที่ได้รับ\u{0001}การดูแล",
              "/:*?[]",
              "",
          ])
    func validNames(nameTH: String) throws {
        let workstream = Workstream(id: "X/1", nameTH: nameTH, nameEN: "Very long English name / with slashes")
        let name = SheetNames.workstream(workstream, position: 3)
        #expect(name.utf16.count <= 31)
        #expect(name.hasPrefix("3 "))
        #expect(!name.contains { "[]:*?/\\".contains($0) })
        try Workbook.validateSheetName(name)
    }

    @Test("a cut never separates a consonant from its vowel or tone mark")
    func cutsAtWholeLetters() {
        let name = SheetNames.workstream(
            Workstream(id: "A", nameTH: String(repeating: "ที่ดิน", count: 10), nameEN: ""), position: 1)
        #expect(name.hasSuffix("…"))
        let body = name.dropFirst(2).dropLast()
        #expect(body.unicodeScalars.first.map { !(0x0E31...0x0E4E).contains($0.value) } == true)
        #expect(String(body).count * 1 <= 29)
        #expect(String(repeating: "ที่ดิน", count: 10).hasPrefix(String(body)))
    }

    @Test("a workbook whose workstream names are long and contain / writes and reads back")
    func workbookWithAwkwardNames() throws {
        let province = Area(code: "56", parentCode: nil, nameTH: "พะเยา", nameEN: "Phayao")
        let districts = (1...9).map { Area(code: "560\($0)", parentCode: "56", nameTH: "อำเภอ \($0)", nameEN: "D\($0)") }
        let workstreams = [
            Workstream(id: "A", nameTH: "งาน/โครงการ: พัฒนาระบบการจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อมอย่างยั่งยืน",
                       nameEN: "Projects / programmes"),
            Workstream(id: "B", nameTH: "งาน/โครงการ: พัฒนาระบบการจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อมอย่างยั่งยืน",
                       nameEN: "Same Thai name"),
        ]
        let indicators = [
            Indicator(id: "A1", workstreamID: "A", nameTH: "ตัวชี้วัด ก", nameEN: "A one", unitTH: "คน", unitEN: "people",
                      aggregation: .sum, better: .higher),
            Indicator(id: "B1", workstreamID: "B", nameTH: "ตัวชี้วัด ข", nameEN: "B one", unitTH: "คน", unitEN: "people",
                      aggregation: .sum, better: .higher),
        ]
        let reference = ReferenceData(province: province, districts: districts, workstreams: workstreams,
                                      indicators: indicators, targets: [])
        let report = ReportBuilder.build(
            scope: .quarter(FiscalQuarter(fiscalYear: 2565, quarter: 2)), options: ReportOptions(), reference: reference,
            imported: ImportResult(sources: [], accepted: [], superseded: [], rejections: []),
            asOf: SampleReportFixture.asOf)
        let (output, book, folder) = try writeAndRead(report, name: "awkward.xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = Array(output.sheetNames[1...2])
        #expect(names[0] != names[1])
        for name in names {
            #expect(name.utf16.count <= 31)
            #expect(!name.contains("/"))
            // No value anywhere: one bar chart (the first indicator stands in as headline) and the line chart.
            #expect(book.sheet[name]?.charts.count == 2)
        }
    }
}
