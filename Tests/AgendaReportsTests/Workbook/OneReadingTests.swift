import TestSupport
import AgendaCore
import Foundation
import Testing
@testable import AgendaReports

/// Every figure reads one way: a lower-is-better indicator's target is a ceiling on the dashboard, on its workstream
/// sheet, in its chart and in the summary alike, and a finished year says achieved or not achieved everywhere.
/// The workbook is read back with openpyxl; the summary is the text the governor gets.
@Suite("One reading of every figure")
struct OneReadingTests {
    /// FY2565 as of 5 October 2565: the year is over.
    static let report = SampleReportFixture.report()
    static let ceilingFormat = "0.0%\" ของเพดาน\""

    /// The row (1-based) of `area`'s line in `indicator`'s block of a workstream sheet.
    static func blockRow(_ sheet: WorkbookReadBack.Sheet, _ indicator: Indicator, area: String) -> Int? {
        let columnA = sheet.column("A")
        guard let band = columnA.filter({ $0.value.value.string?.hasPrefix(indicator.nameTH + " (") == true })
            .map(\.key).min() else { return nil }
        return columnA.filter { $0.key > band && $0.value.value == .string(area) }.map(\.key).min()
    }

    static func sheetName(_ indicator: Indicator) -> String {
        let workstreams = report.reference.workstreams
        let i = workstreams.firstIndex { $0.id == indicator.workstreamID }!
        return SheetNames.workstream(workstreams[i], position: i + 1)
    }

    @Test("a ceiling reads the same on the dashboard, the workstream sheet, its chart and the summary")
    func ceilingReadsOneWay() throws {
        let report = Self.report
        let hotspots = try #require(report.reference.indicator("NR02"))
        #expect(hotspots.better == .lower && hotspots.isHeadline)
        let province = try #require(report.fact(report.yearToDate, indicator: "NR02", area: "56"))
        let pct = try #require(province.achievementPct)
        let words = try #require(province.statusText(hotspots))
        // The province's own ceiling is 1,300 hotspots; the sample's year goes past it.
        #expect(province.target == 1_300 && pct > 100)
        #expect(words == BilingualText(th: "เกินเพดาน", en: "Over the ceiling"))

        let (_, book, folder) = try writeAndRead(report, name: "one-reading.xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }

        // Dashboard: value ÷ ceiling as "…% ของเพดาน", never inverted, and the ceiling's status words.
        let dashboard = try #require(book.sheet[SheetNames.dashboard])
        let row = try #require(dashboard.rows(where: "B", is: hotspots.nameTH).first)
        #expect(abs((dashboard.cell("F\(row)")?.value.number ?? .nan) - pct / 100) < 1e-12)
        #expect(dashboard.cell("F\(row)")?.numberFormat == Self.ceilingFormat)
        #expect(dashboard.cell("G\(row)")?.value == .string(words.th))
        // The grid counts the same statuses: the NR column of the province row is met / judged.
        let tally = try #require(report.insights.tally(workstream: "NR", area: "56"))
        let gridRow = try #require(dashboard.rows(where: "A", is: "รวมจังหวัดพะเยา").first)
        #expect(dashboard.cell("B\(gridRow)")?.value == .string("\(tally.met) / \(tally.judged)"))

        // Workstream sheet: the same number, format and words on the province row, and a district's own.
        let sheet = try #require(book.sheet[Self.sheetName(hotspots)])
        let provinceRow = try #require(Self.blockRow(sheet, hotspots, area: "รวมจังหวัด"))
        #expect(abs((sheet.cell("D\(provinceRow)")?.value.number ?? .nan) - pct / 100) < 1e-12)
        #expect(sheet.cell("D\(provinceRow)")?.numberFormat == Self.ceilingFormat)
        #expect(sheet.cell("E\(provinceRow)")?.value == .string(words.th))
        for district in report.reference.districts {
            let fact = try #require(report.fact(report.yearToDate, indicator: "NR02", area: district.code))
            let r = try #require(Self.blockRow(sheet, hotspots, area: district.nameTH))
            if let districtPct = fact.achievementPct {
                #expect(abs((sheet.cell("D\(r)")?.value.number ?? .nan) - districtPct / 100) < 1e-12)
            }
            #expect(sheet.cell("E\(r)")?.value == .string(fact.statusText(hotspots)?.th ?? "–"), "\(district.code)")
        }
        // Its chart shows the share of the ceiling, where lower is better: no "% of target" bars.
        let titles = sheet.charts.compactMap(\.title)
        let chart = try #require(titles.first { $0.hasPrefix(hotspots.shortNameTH + ":") })
        #expect(chart.contains("ร้อยละของเพดาน") && chart.contains("ยิ่งน้อยยิ่งดี"))
        #expect(!chart.contains("ร้อยละของเป้าหมาย"))

        // Summary, both languages: the same percentage with "of ceiling" and the same words.
        for language in Language.allCases {
            let text = SummaryRenderer(language: language).render(report, workbookPath: "x.xlsx")
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("   " + hotspots.shortName(language) + " ") })
            #expect(line.contains(NumberText.percent(pct) + TargetKind.ceiling.percentSuffix.text(language)), "\(line)")
            #expect(line.contains(words.text(language)), "\(line)")
        }
    }

    @Test("a finished year: not_achieved in Facts, ไม่บรรลุเป้าหมาย / Not achieved on the sheets and in the summary")
    func finishedYearWords() throws {
        let report = Self.report
        #expect(report.isFinishedYear)
        let ytd = report.yearToDate
        // A higher-is-better headline the province missed.
        let indicator = try #require(report.reference.workstreams.flatMap { report.insights.headlines($0.id) }.first {
            $0.better == .higher && report.fact(ytd, indicator: $0.id, area: "56")?.status == .notAchieved
        })
        #expect(!report.facts.contains { $0.status == .behind || $0.status == .onTrack })

        let (_, book, folder) = try writeAndRead(report, name: "finished-year.xlsx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let facts = try SheetReadBack.read(folder.appendingPathComponent("finished-year.xlsx"), sheets: ["Facts"])
        let sheet = try #require(facts.sheets["Facts"])
        // The eight headers are unchanged; the machine word for a missed target in a finished year is new.
        #expect(sheet.strings(row: 0) == ["window", "workstream_id", "indicator_id", "area_code", "value", "target",
                                          "achievement_pct", "status"])
        let row = try #require(sheet.rows.first {
            $0.count > 7 && $0[0]?.v.string == ytd.label && $0[2]?.v.string == indicator.id && $0[3]?.v.string == "56"
        })
        #expect(row[7]?.v.string == "not_achieved")
        let words = Set(sheet.rows.dropFirst().compactMap { $0.count > 7 ? $0[7]?.v.string : nil })
        #expect(words.isSubset(of: ["achieved", "not_achieved"]) && words.contains("not_achieved"))

        let dashboard = try #require(book.sheet[SheetNames.dashboard])
        let dashboardRow = try #require(dashboard.rows(where: "B", is: indicator.nameTH).first)
        #expect(dashboard.cell("G\(dashboardRow)")?.value == .string("ไม่บรรลุเป้าหมาย"))
        let workstream = try #require(book.sheet[Self.sheetName(indicator)])
        let provinceRow = try #require(Self.blockRow(workstream, indicator, area: "รวมจังหวัด"))
        #expect(workstream.cell("E\(provinceRow)")?.value == .string("ไม่บรรลุเป้าหมาย"))
        // No sheet says "behind plan" in a finished year.
        for name in [SheetNames.dashboard, Self.sheetName(indicator)] {
            #expect(!(book.sheet[name]?.cells.values.contains { $0.value == .string("ล่าช้ากว่าแผน") } ?? true), "\(name)")
        }

        for (language, expected) in [(Language.th, "ไม่บรรลุเป้าหมาย"), (.en, "Not achieved")] {
            let text = SummaryRenderer(language: language).render(report, workbookPath: "x.xlsx")
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("   " + indicator.shortName(language) + " ") })
            #expect(line.contains(expected), "\(line)")
            #expect(!text.contains(Status.behind.text.text(language)))
        }
    }

    @Test("the same data during the year: on track or behind, and no final words yet")
    func yearInProgressWords() {
        let report = SampleReportFixture.report(scope: .quarter(FiscalQuarter(fiscalYear: 2565, quarter: 2)))
        #expect(!report.isFinishedYear)
        let statuses = Set(report.facts.compactMap(\.status))
        #expect(!statuses.contains(.notAchieved))
        #expect(statuses.contains(.behind) || statuses.contains(.onTrack))
        // A ceiling is not "achieved" before the year is over.
        let ceilings = Set(report.reference.indicators.filter { $0.better == .lower }.map(\.id))
        #expect(!report.facts.contains { ceilings.contains($0.indicatorID) && $0.status == .achieved })
    }
}
