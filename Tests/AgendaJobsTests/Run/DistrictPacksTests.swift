import AgendaCore
@testable import AgendaJobs
import AgendaReports
import Foundation
import TestSupport
import Testing

/// The districts' feedback packs as a run writes them, read back with openpyxl, on the report fixture plus three
/// files that test the attribution rule.
@Suite struct DistrictPacksTests {
    /// The fixture plus: files in 5601's folder whose rows all name 5602, accepted or every one rejected (5602's by
    /// their rows); a file of 5602's rejected whole for its header (5602's by its folder's name); a file with
    /// neither (unattributed).
    func inputs(_ root: URL) throws -> URL {
        let inputs = try ReportFixtureInputs.copy(into: root)
        let submissions = inputs.appendingPathComponent("submissions")
        let header = "district_code,period,indicator_id,area,value,note\n"
        try Data((header + "5602,2565-01,claims,บ้านอื่น,3,\n5602,2565-01,paid,บ้านอื่น,x,\n").utf8)
            .write(to: submissions.appendingPathComponent("5601/from-chun.csv"))
        try Data((header + "5602,2565-01,claims,,abc,\n5602,2565-13,paid,,4,\n").utf8)
            .write(to: submissions.appendingPathComponent("5601/chun-all-bad.csv"))
        try Data("district_code,note\n5602,ไม่มีคอลัมน์\n".utf8).write(to: submissions.appendingPathComponent("5602/cols.csv"))
        // Neither UTF-8 Thai nor Windows-874 for sure: rejected whole for its encoding, no row read.
        try Data(Array((header + "5601,2565-01,claims,café crème,1,\n5601,2565-02,claims,déjà,2,x").utf8) + [0xA1, 0x0A])
            .write(to: submissions.appendingPathComponent("5602/latin.csv"))
        try FileManager.default.createDirectory(at: submissions.appendingPathComponent("misc"), withIntermediateDirectories: true)
        try Data("period\n2565-01\n".utf8).write(to: submissions.appendingPathComponent("misc/notes.csv"))
        for path in ["5601/from-chun.csv", "5601/chun-all-bad.csv", "5602/cols.csv", "5602/latin.csv", "misc/notes.csv"] {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_646_000_000)],
                                                  ofItemAtPath: submissions.appendingPathComponent(path).path)
        }
        return inputs
    }

    @Test("each district's Rejected sheet is the province's rows of its files; with the unattributed ones, all of them")
    func rejectedRowsPerDistrict() throws {
        let root = try makeTemporaryFolder("packs")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("Reports")
        let outcome = ReportJob(configuration: ReportJobConfiguration(inputs: try inputs(root), output: out,
                                                                      showProgress: false)).run(scopes: [.year(2565)])
        #expect(outcome.status == .writtenWithRejections)
        let written = try #require(outcome.written.first)
        let province = try SheetReadBack.read(written.workbook, sheets: ["Rejected", "Sources"])
        let header = try #require(province.sheets["Rejected"]?.rows.first)
        let provinceRows = try #require(province.sheets["Rejected"]?.rows.dropFirst())

        // Sources names each file's district, or "unattributed".
        let sources = try #require(province.sheets["Sources"])
        let attributed = Dictionary(uniqueKeysWithValues: (1..<sources.rows.count).compactMap { r -> (String, String)? in
            let row = sources.row(r, width: 12)
            guard let file = row[0]?.v.string, file.hasPrefix("submissions/"), let who = row[11]?.v.string else { return nil }
            return (file, who)
        })
        #expect(sources.strings(row: 0).last == "attributed_to")
        #expect(attributed["submissions/5601/from-chun.csv"] == "5602", "by its rows, not its folder")
        #expect(attributed["submissions/5601/chun-all-bad.csv"] == "5602", "every row rejected, each naming 5602")
        #expect(attributed["submissions/5602/cols.csv"] == "5602", "rejected whole: by its folder's name")
        #expect(attributed["submissions/5602/latin.csv"] == "5602", "rejected whole for its encoding, its rows naming 5601 unread")
        #expect(attributed["submissions/misc/notes.csv"] == "unattributed")
        #expect(attributed["submissions/5601/2565-01_02.csv"] == "5601")

        var union: [[SheetReadBack.Cell?]] = []
        for code in ["5601", "5602"] {
            let pack = out.appendingPathComponent("FY2565/districts/\(code)/phayao-agenda-FY2565-\(code).xlsx")
            #expect(written.districtPacks.contains(pack))
            let book = try SheetReadBack.read(pack)
            #expect(book.sheetNames == [DistrictWorkbookRenderer.toFixSheet, "Rejected", DistrictWorkbookRenderer.indicatorsSheet])
            let rejected = try #require(book.sheets["Rejected"])
            #expect(rejected.rows.first == header, "exactly the province workbook's columns")
            let expected = provinceRows.filter { row in
                guard let file = row.first??.v.string else { return false }
                return attributed[file] == code
            }
            #expect(Array(rejected.rows.dropFirst()) == expected, "\(code)")
            union += rejected.rows.dropFirst()
            let audit = try OpenXMLAudit.run(pack)
            #expect(audit.errorCount == 0 && audit.status == 0, "\(audit.report.suffix(1_500))")
        }
        let unattributed = provinceRows.filter { $0.first??.v.string == "submissions/misc/notes.csv" }
        #expect(!unattributed.isEmpty)
        #expect(union.count + unattributed.count == provinceRows.count, "nothing lost, nothing twice")
        #expect(Set((union + unattributed).map { "\($0)" }) == Set(provinceRows.map { "\($0)" }))
        #expect(outcome.districtsToFix?.count == 2 && outcome.districtsToFix?.of == 2)
        #expect(outcome.resultLines(.en).contains("districts with something to fix: 2 of 2"))
    }

    @Test("latest/districts/ mirrors the night's packs, quarter to date and year to date, switched in with latest/")
    func latestMirrorsThePacks() throws {
        let root = try makeTemporaryFolder("packs-latest")
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("Reports")
        let asOf = BangkokCalendar.parseDay("2565-02-20")!
        let job = NightlyJob(configuration: ReportJobConfiguration(inputs: try inputs(root), output: out, asOf: asOf,
                                                                   showProgress: false),
                             plan: NightlyPlan(asOfMonth: YearMonth(yearBE: 2565, month: 2), day: 20))
        guard case .ran(let outcome) = job.run() else { Issue.record("the night runs"); return }
        let latest = out.appendingPathComponent("latest/districts/5602")
        let names = try FileManager.default.contentsOfDirectory(atPath: latest.path).sorted()
        #expect(names == ["phayao-agenda-FY2565-Q2-to-2565-02-5602.txt", "phayao-agenda-FY2565-Q2-to-2565-02-5602.xlsx",
                          "phayao-agenda-FY2565-to-2565-02-5602.txt", "phayao-agenda-FY2565-to-2565-02-5602.xlsx"])
        let ytd = try #require(outcome.written.first { $0.scope.slug == "FY2565-to-2565-02" })
        let message = try #require(ytd.districtPacks.first { $0.lastPathComponent == "phayao-agenda-FY2565-to-2565-02-5602.txt" })
        #expect(try Data(contentsOf: latest.appendingPathComponent(message.lastPathComponent)) == Data(contentsOf: message))
    }
}
