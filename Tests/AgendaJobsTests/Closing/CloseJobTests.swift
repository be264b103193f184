import AgendaCore
@testable import AgendaJobs
import AgendaReports
import Foundation
import TestSupport
import Testing

/// Closing a quarter, reproducing it, and the revisions later files make, on the report fixture (5601 and 5602,
/// January and February 2565), with every expected figure worked out by hand.
@Suite struct CloseJobTests {
    static let q2 = FiscalQuarter(fiscalYear: 2565, quarter: 2)
    static let afterWindow = BangkokCalendar.parseDay("2565-04-11")!
    static let closedAt = Date(timeIntervalSince1970: 1_649_700_000)  // 12 April 2022
    static let later = Date(timeIntervalSince1970: 1_654_041_600)     // 1 June 2022

    struct Setup {
        var root: URL
        var inputs: URL
        var out: URL
        var configuration: ReportJobConfiguration
    }

    func setup(_ name: String) throws -> Setup {
        let root = try makeTemporaryFolder(name)
        let inputs = try ReportFixtureInputs.copy(into: root)
        let out = root.appendingPathComponent("Reports")
        return Setup(root: root, inputs: inputs, out: out,
                     configuration: ReportJobConfiguration(inputs: inputs, output: out, showProgress: false))
    }

    func close(_ s: Setup, judgedAt: Date = afterWindow, reopen: Bool = false) throws -> QuarterClosing {
        try CloseJob(configuration: s.configuration, quarter: Self.q2, judgedAt: judgedAt, note: "ประชุม 4/2565",
                     reopen: reopen, user: "somchai", now: Self.closedAt).run()
    }

    /// Three changes after closing, each to a month of the closed quarter: 5602's February claims corrected from 15
    /// to 25 by a new file; 5601's February paid, blank when closed, sent as 5; 5601's January claims (20) deleted
    /// from its file, so blank now.
    func changeClosedMonths(_ s: Setup) throws {
        let fix = s.inputs.appendingPathComponent("submissions/5602/2565-02-fix.csv")
        try Data("district_code,period,indicator_id,area,value,note\n5602,2565-02,claims,,25,แก้ไข\n".utf8).write(to: fix)
        let late = s.inputs.appendingPathComponent("submissions/5601/2565-02-late.csv")
        try Data("district_code,period,indicator_id,area,value,note\n5601,2565-02,paid,,5,\n".utf8).write(to: late)
        for url in [fix, late] {
            try FileManager.default.setAttributes([.modificationDate: Self.later], ofItemAtPath: url.path)
        }
        let original = s.inputs.appendingPathComponent("submissions/5601/2565-01_02.csv")
        let kept = try String(contentsOf: original, encoding: .utf8).components(separatedBy: "\r\n")
            .filter { !$0.hasPrefix("5601,2565-01,claims,") }
        #expect(kept.count == 7, "the header, five rows left and the empty end after the last line break")
        try kept.joined(separator: "\r\n").write(to: original, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: ReportFixtureInputs.times["submissions/5601/2565-01_02.csv"]!],
                                              ofItemAtPath: original.path)
    }

    @Test("a closing holds the report, a manifest of every input and read-only copies; the report is reproduced byte for byte")
    func closeAndReproduce() throws {
        let s = try setup("close")
        defer { try? FileManager.default.removeItem(at: s.root) }
        let closing = try close(s)
        #expect(closing.folder.path == s.out.appendingPathComponent("closed/FY2565-Q2/1").path)
        let manifest = closing.manifest
        #expect(manifest.closedBy == "somchai" && manifest.note == "ประชุม 4/2565" && manifest.closedAt == Self.closedAt)
        #expect(manifest.entries.filter { $0.kind == .reference }.map(\.path) == ReferenceTables.fileNames.map { "reference/" + $0 })
        let imported = try ReportJob(configuration: s.configuration).loadInputs().imported
        let submissions = manifest.entries.filter { $0.kind == .submission }
        #expect(submissions.map(\.path) == imported.sources.map(\.path))
        #expect(submissions.map(\.sha256) == imported.sources.map(\.sha256))
        #expect(submissions.map(\.modified) == imported.sources.map(\.modified))
        #expect(submissions.map(\.accepted) == imported.sources.map(\.accepted))
        #expect(try ClosingManifest.parse(Array(Data(contentsOf: closing.folder.appendingPathComponent("manifest.csv")))) == manifest)
        for entry in manifest.files {
            let copy = closing.inputsFolder.appendingPathComponent(entry.path)
            let mode = try FileManager.default.attributesOfItem(atPath: copy.path)[.posixPermissions] as? Int
            #expect(mode == 0o444, "\(entry.path) read-only")
        }
        let closedBook = try Data(contentsOf: closing.folder.appendingPathComponent("phayao-agenda-FY2565-Q2.xlsx"))
        let closedSummary = try Data(contentsOf: closing.folder.appendingPathComponent("phayao-agenda-FY2565-Q2-summary.txt"))

        // Exactly what `report --quarter` writes for the same inputs.
        let plain = try setup("close-plain")
        defer { try? FileManager.default.removeItem(at: plain.root) }
        let direct = ReportJob(configuration: plain.configuration).run(scopes: [.quarter(Self.q2)])
        #expect(try Data(contentsOf: direct.written[0].workbook) == closedBook)
        #expect(try Data(contentsOf: direct.written[0].summary) == closedSummary)

        // Changed inputs do not change the closed quarter's report: it is rebuilt from the archive.
        try changeClosedMonths(s)
        let again = ReportJob(configuration: s.configuration).run(scopes: [.quarter(Self.q2)])
        #expect(again.status != .failure, "\(String(describing: again.failure))")
        #expect(try Data(contentsOf: again.written[0].workbook) == closedBook)
        #expect(try Data(contentsOf: again.written[0].summary) == closedSummary)
        #expect(again.notices.first?.en.hasPrefix("Quarter 2/2565 was closed on") == true)
        #expect(again.notices.first?.th.contains("โดย somchai") == true)
        #expect(again.resultLines(.en).first == again.notices.first?.en, "the first line says the quarter is closed")
    }

    @Test("the window must be over, a closed quarter is not closed twice, and --reopen keeps the earlier closing")
    func refusals() throws {
        let s = try setup("close-refuse")
        defer { try? FileManager.default.removeItem(at: s.root) }
        let open = #expect(throws: ReportJobFailure.self) { try close(s, judgedAt: BangkokCalendar.parseDay("2565-04-10")!) }
        #expect(open?.message.en.contains("submission window is open until 10 April 2565") == true, "\(String(describing: open))")
        #expect(!FileManager.default.fileExists(atPath: s.out.appendingPathComponent("closed/FY2565-Q2").path))
        let first = try close(s)
        let twice = #expect(throws: ReportJobFailure.self) { try close(s) }
        #expect(twice?.message.en.contains("already closed on 12 April 2565 BE by somchai") == true, "\(String(describing: twice))")
        let firstManifest = try Data(contentsOf: first.folder.appendingPathComponent("manifest.csv"))
        let second = try close(s, reopen: true)
        #expect(second.number == 2)
        #expect(try Data(contentsOf: first.folder.appendingPathComponent("manifest.csv")) == firstManifest)
        #expect(try QuarterClosings.current(Self.q2, output: s.out)?.number == 2)
    }

    @Test("an archived copy edited after closing stops the run with its name; it is never used")
    func tamperedArchive() throws {
        let s = try setup("close-tamper")
        defer { try? FileManager.default.removeItem(at: s.root) }
        let closing = try close(s)
        let copy = closing.inputsFolder.appendingPathComponent("submissions/5602/2565-02.csv")
        chmod(copy.path, 0o644)
        try (try String(contentsOf: copy, encoding: .utf8).replacingOccurrences(of: ",15,", with: ",16,"))
            .write(to: copy, atomically: false, encoding: .utf8)
        for scope in [ReportScope.quarter(Self.q2), .year(2565)] {
            let outcome = ReportJob(configuration: s.configuration).run(scopes: [scope])
            #expect(outcome.status == .failure)
            #expect(outcome.failure?.message.en.contains(copy.path) == true, "\(String(describing: outcome.failure))")
            #expect(outcome.failure?.message.en.contains("does not match manifest.csv") == true)
        }
    }
}

/// The `Revisions` sheet of a year report after the closed quarter's months changed, read back with openpyxl.
@Suite struct RevisionsSheetTests {
    typealias Row = [SheetReadBack.Value?]

    static func row(_ window: String, _ indicator: String, _ area: String, _ closed: Double?, _ current: Double?,
                    _ files: [String]) -> Row {
        let difference = closed.flatMap { c in current.map { $0 - c } }
        return [.string(window), .string(indicator), .string(area), closed.map { .number($0) }, current.map { .number($0) },
                difference.map { .number($0) }, files.isEmpty ? nil : .string(files.joined(separator: "; "))]
    }

    @Test("exactly the changed cells, district and province, month, quarter and year to date, blanks included")
    func handComputed() throws {
        let tests = CloseJobTests()
        let s = try tests.setup("revisions")
        defer { try? FileManager.default.removeItem(at: s.root) }
        _ = try tests.close(s)
        try tests.changeClosedMonths(s)
        let outcome = ReportJob(configuration: s.configuration).run(scopes: [.year(2565)])
        #expect(outcome.status != .failure, "\(String(describing: outcome.failure))")
        let book = try SheetReadBack.read(outcome.written[0].workbook)
        let anomalies = try #require(book.sheetNames.firstIndex(of: "Anomalies"))
        #expect(book.sheetNames[anomalies + 1] == "Revisions", "right after Anomalies")
        let sheet = try #require(book.sheets["Revisions"])
        #expect(sheet.strings(row: 0) == ["window", "indicator_id", "area_code", "closed_value", "current_value",
                                          "difference", "files"])
        let rows = (1..<sheet.rows.count).map { sheet.row($0, width: 7).map { $0?.v } }

        let file = "submissions/5601/2565-01_02.csv"   // January's claims (20) deleted from it
        let late = "submissions/5601/2565-02-late.csv"  // February's paid, blank when closed, now 5
        let fix = "submissions/5602/2565-02-fix.csv"    // 5602's February claims 15 → 25
        // Closed: claims 5601 Jan 20, 5602 Feb 15; paid 5601 Jan 12, 5602 Feb 15; paid_rate = 100 × paid / claims.
        // Now: claims 5601 none, 5602 Feb 25; paid 5601 Jan 12 and Feb 5, 5602 Feb 15.
        var expected: [Row] = [
            Self.row("2565-01", "claims", "5601", 20, nil, [file]),
            Self.row("2565-01", "claims", "56", 20, nil, [file]),
            Self.row("2565-01", "paid_rate", "5601", 60, nil, [file]),
            Self.row("2565-01", "paid_rate", "56", 60, nil, [file]),
            Self.row("2565-02", "claims", "5602", 15, 25, [fix]),
            Self.row("2565-02", "claims", "56", 15, 25, [fix]),
            Self.row("2565-02", "paid", "5601", nil, 5, [late]),
            Self.row("2565-02", "paid", "56", 15, 20, [late]),
            Self.row("2565-02", "paid_rate", "5602", 100, 60, [fix]),
            Self.row("2565-02", "paid_rate", "56", 100, 80, [late, fix]),
        ]
        for window in ["FY2565-Q2", "FY2565-YTD-to-2565-03"] {
            expected += [
                Self.row(window, "claims", "5601", 20, nil, [file]),
                Self.row(window, "claims", "5602", 15, 25, [fix]),
                Self.row(window, "claims", "56", 35, 25, [file, fix]),
                Self.row(window, "paid", "5601", 12, 17, [late]),
                Self.row(window, "paid", "56", 27, 32, [late]),
                Self.row(window, "paid_rate", "5601", 60, nil, [file, late]),
                Self.row(window, "paid_rate", "5602", 100, 60, [fix]),
                Self.row(window, "paid_rate", "56", 100.0 * 27 / 35, 128, [file, late, fix]),
            ]
        }
        #expect(rows.count == expected.count)
        for (got, want) in zip(rows, expected) {
            #expect(got == want)
        }
        let audit = try OpenXMLAudit.run(outcome.written[0].workbook)
        #expect(audit.errorCount == 0 && audit.status == 0, "\(audit.report.suffix(2_000))")
        let summary = try String(contentsOf: outcome.written[0].summary, encoding: .utf8)
        #expect(summary.contains("ตัวเลขไตรมาส 2/2565 ที่ปิดแล้ว มีการแก้ไขภายหลัง 26 รายการ (ดูแผ่นงาน Revisions)"))

        // A report that covers no closed quarter has no Revisions sheet.
        let q1 = ReportJob(configuration: s.configuration).run(scopes: [.quarter(FiscalQuarter(fiscalYear: 2565, quarter: 1))])
        #expect(try !SheetReadBack.read(q1.written[0].workbook, sheets: ["Facts"]).sheetNames.contains("Revisions"))
    }
}

/// Nightly runs around a closing.
@Suite struct NightlyAfterClosingTests {
    @Test("a closing is a change: the next night rebuilds, reproduces the closed quarter and adds Revisions to the year to date")
    func nightlyAfterClosing() throws {
        let tests = CloseJobTests()
        let s = try tests.setup("nightly-close")
        defer { try? FileManager.default.removeItem(at: s.root) }
        let asOf = BangkokCalendar.parseDay("2565-04-12")!
        var configuration = s.configuration
        configuration.asOf = asOf
        let night = { NightlyJob(configuration: configuration, plan: NightlyPlan(asOfMonth: YearMonth(yearBE: 2565, month: 4), day: 12)) }
        guard case .ran(let first) = night().run() else { Issue.record("the first night builds"); return }
        #expect(first.written.map(\.scope.slug) == ["FY2565-Q3-to-2565-04", "FY2565-to-2565-04", "FY2565-Q2"])
        guard case .unchanged = night().run() else { Issue.record("nothing changed yet"); return }

        let closing = try tests.close(s)
        guard case .ran(let second) = night().run() else { Issue.record("a new closing is a change"); return }
        #expect(second.status != .failure, "\(String(describing: second.failure))")
        let quarter = try #require(second.written.first { $0.scope == .quarter(CloseJobTests.q2) })
        #expect(try Data(contentsOf: quarter.workbook)
                == Data(contentsOf: closing.folder.appendingPathComponent("phayao-agenda-FY2565-Q2.xlsx")))
        #expect(second.notices.count == 1)
        let yearToDate = try #require(second.written.first { $0.scope.slug == "FY2565-to-2565-04" })
        let book = try SheetReadBack.read(yearToDate.workbook, sheets: ["Revisions"])
        #expect(book.sheets["Revisions"]?.rows.count == 1, "a Revisions sheet with its header and no revision yet")
    }
}
