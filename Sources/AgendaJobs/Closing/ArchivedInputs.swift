import AgendaCore
import Foundation

extension QuarterClosing {
    /// The closed report's inputs, read from the archived copies after checking every one against the manifest
    /// (present, same size, same SHA-256): a copy edited by hand afterwards stops the run with its name instead of
    /// silently changing a signed-off report. Each file keeps the modification time the manifest recorded, and the
    /// as-of instant is the closing's, so the rebuilt workbook is byte-identical to the closed one.
    public func loadInputs() throws -> ReportJob.Inputs {
        for entry in manifest.files {
            try verify(entry)
        }
        let referenceFolder = inputsFolder.appendingPathComponent("reference", isDirectory: true)
        let reference: ReferenceData
        do {
            reference = try ReferenceFolder.load(referenceFolder)
        } catch {
            throw ReportJobFailure(BilingualText(
                th: "ตารางอ้างอิงที่เก็บไว้ตอนปิดไตรมาส \(quarter.label) อ่านไม่ได้: \(error)",
                en: "The reference tables archived when \(quarter.label) was closed cannot be read: \(error)"))
        }
        let files = manifest.files.filter { $0.kind == .submission }.map { entry in
            SubmissionFile(displayPath: entry.path, modified: entry.modified) {
                try RegularFileReader.open(inputsFolder.appendingPathComponent(entry.path))
            }
        }
        var importer = SubmissionImporter(reference: reference)
        importer.asOf = manifest.asOf
        var imported = importer.importFiles(files)
        imported.skipped = manifest.entries.filter { $0.kind == .skipped }.map {
            SkippedPath(path: $0.path, reason: $0.reason ?? BilingualText(th: "", en: ""))
        }
        return ReportJob.Inputs(reference: reference, imported: imported, asOf: manifest.asOf)
    }

    /// The configuration the closed report was written with (language, font, timeliness), over `base`'s folders.
    public func configuration(over base: ReportJobConfiguration) -> ReportJobConfiguration {
        var configuration = base
        configuration.asOf = manifest.asOf
        configuration.language = manifest.language
        configuration.workbookOptions.fontName = manifest.fontName
        configuration.reportOptions.timelinessDays = manifest.timelinessDays
        return configuration
    }

    private func verify(_ entry: ClosingManifest.Entry) throws {
        let url = inputsFolder.appendingPathComponent(entry.path)
        let digest: String
        let size: Int
        do {
            (digest, size) = try Self.sha256(of: url)
        } catch {
            throw ReportJobFailure(BilingualText(
                th: "สำเนาที่เก็บไว้ตอนปิดไตรมาส \(quarter.label) หายหรืออ่านไม่ได้: \(url.path) (\(error))",
                en: "A copy archived when \(quarter.label) was closed is missing or unreadable: \(url.path) (\(error))"))
        }
        guard digest == entry.sha256, size == entry.bytes else {
            throw ReportJobFailure(BilingualText(
                th: "สำเนาที่เก็บไว้ตอนปิดไตรมาส \(quarter.label) ถูกแก้ไขหลังปิด: \(url.path) (SHA-256 ไม่ตรงกับ "
                    + "manifest.csv) จะไม่ใช้ไฟล์นี้ นำไฟล์เดิมกลับคืน หรือเปิดไตรมาสใหม่ด้วย close --reopen",
                en: "A copy archived when \(quarter.label) was closed was changed afterwards: \(url.path) (its SHA-256 "
                    + "does not match manifest.csv). It is not used; restore it, or close the quarter again with --reopen."))
        }
    }

    /// SHA-256 (lowercase hex) and size of a regular file, streamed.
    static func sha256(of url: URL) throws -> (String, Int) {
        try StreamedDigest.of(try RegularFileReader.open(url))
    }
}
