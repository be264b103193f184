import AgendaCore
import Foundation
import Testing
@testable import AgendaReports

/// The presentation sheets of a workbook written from the sample report, read back with openpyxl.
@Suite("Presentation sheets")
struct PresentationSheetsTests {
    static let report = SampleReportFixture.report()

    static let workstreamSheetNames = report.reference.workstreams.enumerated()
        .map { SheetNames.workstream($0.element, position: $0.offset + 1) }

    static let presentationSheets = [SheetNames.dashboard] + workstreamSheetNames
        + [SheetNames.completeness, SheetNames.guide]

    @Test("sheets come in order: dashboard (active), workstreams, completeness, guide, then the data sheets")
    func sheetNamesAndOrder() throws {
        let (output, book, folder) = try writeAndRead(Self.report, name: "sample-FY2565.xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(book.sheets == output.sheetNames)
        #expect(Array(book.sheets.prefix(Self.presentationSheets.count)) == Self.presentationSheets)
        #expect(Array(book.sheets.suffix(6)) == ["Facts", "Rejected", "Superseded", "Anomalies", "Data", "Sources"])
        #expect(book.active == SheetNames.dashboard)
        #expect(Self.workstreamSheetNames == [
            "1 การบริหารจัดการทรัพยากรธรรมช…", "2 สถานะทางทะเบียนและสิทธิของบุ…", "3 สวัสดิการชุมชน",
            "4 เศรษฐกิจฐานรากและวิสาหกิจชุม…", "5 สุขภาพผู้สูงอายุและผู้มีภาวะ…",
        ])
    }

    @Test("the dashboard's headline numbers are the province's year-to-date facts")
    func dashboardNumbersMatchFacts() throws {
        let (_, book, folder) = try writeAndRead(Self.report, name: "dashboard.xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dashboard = try #require(book.sheet[SheetNames.dashboard])
        let report = Self.report
        var checked = 0
        for workstream in report.reference.workstreams {
            for indicator in report.insights.headlines(workstream.id) {
                let rows = dashboard.rows(where: "B", is: indicator.nameTH)
                try #require(rows.count == 1, "\(indicator.id) should have one dashboard row")
                let row = rows[0]
                let fact = try #require(report.fact(report.yearToDate, indicator: indicator.id, area: "56"))
                func number(_ column: String) -> Double? { dashboard.cell("\(column)\(row)")?.value.number }
                func text(_ column: String) -> String? { dashboard.cell("\(column)\(row)")?.value.string }
                if let value = fact.value { #expect(number("D") == value, "\(indicator.id) value") }
                else { #expect(text("D") == "–") }
                if let target = fact.target { #expect(number("E") == target, "\(indicator.id) target") }
                else { #expect(text("E") == "–") }
                if let pct = fact.achievementPct {
                    #expect(abs((number("F") ?? .nan) - pct / 100) < 1e-12, "\(indicator.id) achievement")
                    // A ceiling's share says so in its format: "105.6% ของเพดาน".
                    #expect(dashboard.cell("F\(row)")?.numberFormat
                        == (indicator.better == .lower ? "0.0%\" ของเพดาน\"" : "0.0%"))
                } else { #expect(text("F") == "–") }
                #expect(text("G") == (fact.statusText(indicator)?.th ?? "–"), "\(indicator.id) status")
                checked += 1
            }
        }
        // NR01, NR02, LS02, LS03, CW01, EC01, EC02, HL01: eight headlines, several with targets and statuses.
        #expect(checked == 8)
        // As of 5 October 2565 the fiscal year is over: only final statuses.
        #expect(report.facts.contains { $0.window.isYearToDate && $0.areaCode == "56" && $0.status == .notAchieved })
        #expect(report.facts.contains { $0.window.isYearToDate && $0.areaCode == "56" && $0.status == .achieved })
        #expect(!report.facts.contains { $0.status == .behind || $0.status == .onTrack })

        // The as-of date is a real date shown in the Buddhist year.
        let dateCell = try #require(dashboard.cells.values.first { $0.isDate })
        #expect(dateCell.numberFormat == "[$-7041E]d mmmm yyyy")
        #expect(dateCell.value == .string("2022-10-05T00:00:00") || dateCell.value.string?.hasPrefix("2022-10-05") == true)
        // The grid counts statuses ("3 / 4") in status colours; no colour scale over percentages any more.
        #expect(!dashboard.conditionalTypes.contains("colorScale"))
    }

    @Test("each workstream sheet has one bar chart per headline and one line chart, all titled")
    func chartsPerWorkstreamSheet() throws {
        let (_, book, folder) = try writeAndRead(Self.report, name: "charts.xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (i, workstream) in Self.report.reference.workstreams.enumerated() {
            let sheet = try #require(book.sheet[Self.workstreamSheetNames[i]])
            let headlines = Self.report.insights.headlines(workstream.id)
            #expect(sheet.charts.count == headlines.count + 1, "\(workstream.id)")
            #expect(sheet.charts.filter { $0.type == "BarChart:bar" }.count == headlines.count)
            #expect(sheet.charts.filter { $0.type == "LineChart" }.count == 1)
            #expect(sheet.charts.allSatisfy { ($0.title ?? "").isEmpty == false })
            // The line chart has one axis, so it carries the headlines in the first headline's unit.
            #expect(sheet.charts.last?.series == headlines.filter { $0.unitTH == headlines[0].unitTH }.count)
        }
    }

    @Test("presentation sheets print on A4 landscape, one page wide, with repeated rows and a footer")
    func printSettings() throws {
        let (_, book, folder) = try writeAndRead(Self.report, name: "print.xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in Self.presentationSheets {
            let sheet = try #require(book.sheet[name])
            #expect(sheet.orientation == "landscape", "\(name)")
            #expect(sheet.paperSize == 9, "\(name)")
            // libxlsxwriter leaves out fitToWidth="1", Excel's default.
            #expect((sheet.fitToWidth ?? 1) == 1 && sheet.fitToHeight == 0, "\(name)")
            // The dashboard is two designed pages with the title in the footer; every other sheet repeats its
            // table heading on each printed page.
            #expect((sheet.titleRows != nil) == (name != Self.presentationSheets.first), "\(name)")
            #expect(sheet.footer[0].contains("รายงานวาระคนพะเยา"), "\(name)")
            #expect(sheet.footer[1].contains("&P") && sheet.footer[1].contains("&N"), "\(name)")
            #expect(sheet.footer[2].contains("5 ตุลาคม 2565"), "\(name)")
            #expect(sheet.freeze != nil, "\(name)")
            #expect(sheet.zoom == 90, "\(name)")
        }
    }

    @Test("every presentation cell is set in the configured Thai font")
    func fonts() throws {
        let options = WorkbookOptions(fontName: "TH Sarabun PSK", bodySize: 16)
        let (_, book, folder) = try writeAndRead(Self.report, name: "fonts.xlsx", options: options)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in Self.presentationSheets {
            let sheet = try #require(book.sheet[name])
            #expect(!sheet.cells.isEmpty)
            for (coordinate, cell) in sheet.cells {
                #expect(cell.font == "TH Sarabun PSK", "\(name)!\(coordinate)")
                #expect((cell.size ?? 0) >= 14, "\(name)!\(coordinate)")
            }
        }
    }

    @Test("the strongest anomalies get a note and a comment saying value, expected and why; the rest are counted")
    func anomalyComment() throws {
        let report = Self.report
        let anomaly = try #require(report.anomalies.first {
            $0.districtCode == SampleReportFixture.outlierDistrict && $0.indicatorID == SampleReportFixture.outlierIndicator
        })
        let (_, book, folder) = try writeAndRead(report, name: "anomalies.xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = try #require(book.sheet[Self.workstreamSheetNames[0]])
        let heading = "ค่าที่ควรตรวจสอบ / Value to check – เมืองพะเยา, ขยะที่นำกลับมาใช้ใหม่"
        let (coordinate, comment) = try #require(sheet.comments.first { $0.value.hasPrefix(heading) })
        #expect(coordinate.hasPrefix("K"))
        // The two columns before the note compare the latest quarter with the same quarter a year earlier.
        #expect(sheet.cell("I4")?.value.string?.contains("ไตรมาสเดียวกันปีก่อน") == true)
        #expect(sheet.cell("J4")?.value.string?.contains("เทียบปีก่อน") == true)
        #expect(sheet.cell(coordinate)?.value.string == "ควรตรวจสอบ มิ.ย. 65")
        #expect(comment.contains("ค่า " + NumberText.decimal(anomaly.value, decimals: 1)))
        #expect(comment.contains(anomaly.reason(decimals: 1).th))
        #expect(comment.contains(anomaly.reason(decimals: 1).en))
        #expect(comment.contains("มิถุนายน 2565") && comment.contains("June 2565"))
        // The note sits on the flagged district's row of that indicator's block.
        let row = Int(coordinate.dropFirst())!
        #expect(sheet.cell("A\(row)")?.value == .string("เมืองพะเยา"))
        // At most the three strongest of the workstream are marked.
        let inWorkstream = report.anomalies.filter { ["NR01", "NR02", "NR03", "NR04"].contains($0.indicatorID) }
        #expect(sheet.comments.count == min(inWorkstream.count, WorkstreamSheet.anomaliesMarked))
    }

    @Test("the completeness sheet lists the district-months with no data")
    func completenessMissingList() throws {
        let (_, book, folder) = try writeAndRead(Self.report, name: "completeness.xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = try #require(book.sheet[SheetNames.completeness])
        let listed = sheet.cells.filter { $0.value.value.string.map { ["กุมภาพันธ์ 2565", "มีนาคม 2565", "พฤศจิกายน 2564"].contains($0) } == true }
        #expect(listed.count == 3)
        #expect(sheet.cells.values.contains { $0.value == .string("ไม่ส่ง") })
        #expect(sheet.cells.values.contains { $0.value == .string("ล่าช้า") })
        #expect(sheet.cells.values.contains { $0.value == .string("8/9") })
    }

    @Test("the same report gives the same bytes")
    func deterministic() throws {
        let (_, _, a) = try writeAndRead(Self.report, name: "same.xlsx")
        let (_, _, b) = try writeAndRead(Self.report, name: "same.xlsx")
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        let first = try Data(contentsOf: a.appendingPathComponent("same.xlsx"))
        let second = try Data(contentsOf: b.appendingPathComponent("same.xlsx"))
        #expect(first == second)
    }
}
