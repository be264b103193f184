@testable import AgendaCore
import Foundation
import TestSupport
import Testing

@Suite struct ClosingManifestTests {
    static func manifest(note: String) -> ClosingManifest {
        var reference = ClosingManifest.Entry(kind: .reference, path: "reference/areas.csv")
        reference.sha256 = String(repeating: "a", count: 64)
        reference.bytes = 401
        reference.modified = Date(timeIntervalSince1970: 1_640_995_200.123456789)
        var submission = ClosingManifest.Entry(kind: .submission, path: "submissions/5601, เมือง/=2565-01.csv")
        submission.sha256 = String(repeating: "b", count: 64)
        (submission.bytes, submission.rowsRead, submission.accepted, submission.superseded) = (9_999, 12, 9, 1)
        (submission.rejected, submission.blank) = (1, 1)
        submission.modified = Date(timeIntervalSince1970: 1_644_019_200.5)
        var skipped = ClosingManifest.Entry(kind: .skipped, path: "submissions/~$lock.csv")
        skipped.reason = BilingualText(th: "ไฟล์ล็อกของ Excel", en: "an Excel lock file, \"not data\"")
        return ClosingManifest(
            quarter: FiscalQuarter(fiscalYear: 2565, quarter: 2), closedAt: Date(timeIntervalSince1970: 1_649_700_000.25),
            closedBy: "somchai", asOf: Date(timeIntervalSince1970: 1_651_338_000), note: note, programVersion: "0.12.0",
            language: .th, fontName: "TH Sarabun New", timelinessDays: 10, entries: [reference, submission, skipped])
    }

    @Test("what csv() writes parses back to the same manifest, to the last bit of every date",
          arguments: ["", "ประชุม 4/2565, วาระที่ 3", "=HYPERLINK(\"x\")", "two\r\nlines \"quoted\"", "'-already quoted"])
    func roundTrip(note: String) throws {
        let manifest = Self.manifest(note: note)
        let bytes = manifest.csv()
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(try ClosingManifest.parse(bytes) == manifest)
        // What Excel shows: a formula-looking note or path is text.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains(",=HYPERLINK") && !text.contains(",=2565"))
    }

    @Test("a damaged manifest throws with the line; it is never guessed at")
    func damaged() throws {
        let good = String(decoding: Self.manifest(note: "x").csv(), as: UTF8.self)
        for (broken, line) in [
            (good.replacingOccurrences(of: String(repeating: "b", count: 64), with: "zz"), 12),
            (good.replacingOccurrences(of: "closing,quarter,", with: "closing,quartet,"), 0),
            (good.replacingOccurrences(of: "1644019200.5", with: "nan"), 12),
            (good.replacingOccurrences(of: "kind,path", with: "kind,paths"), 1),
        ] {
            let error = #expect(throws: ClosingManifestError.self) { try ClosingManifest.parse(Array(broken.utf8)) }
            #expect(error?.line == line, "\(String(describing: error))")
        }
    }

    @Test("the fuzzing seed is a manifest that parses")
    func fuzzSeedParses() throws {
        let seed = Fixtures.root.appendingPathComponent("fuzz-corpus/manifest-sample.csv")
        let manifest = try ClosingManifest.parse(Array(try Data(contentsOf: seed)))
        #expect(manifest.quarter == FiscalQuarter(fiscalYear: 2565, quarter: 2))
        #expect(manifest.files.count >= 5)
    }
}
