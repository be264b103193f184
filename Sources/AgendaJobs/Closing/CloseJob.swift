import AgendaCore
import AgendaReports
import Foundation

/// `close --quarter`: freezes a quarter's report as signed off, with everything needed to reproduce it, into
/// `<out>/closed/FY2565-Q2/<n>/` (see `QuarterClosing`).
///
/// The inputs are first copied into the closing (reference tables and every submission, byte for byte), and the
/// report is built from those copies, each with its original file's modification time: the archive is exactly what
/// the report read, even if a clerk replaces a file while the closing runs. Everything is written in a staging
/// folder under `closed/` and renamed to its number in one step, so a killed `close` leaves no closing at all or a
/// whole one; the next run sweeps the staging folder.
public struct CloseJob: Sendable {
    public var configuration: ReportJobConfiguration
    public var quarter: FiscalQuarter
    /// The day the submission window is judged at: `--as-of`, else now.
    public var judgedAt: Date
    public var note: String
    public var force: Bool
    public var reopen: Bool
    public var user: String
    /// When the closing happens (recorded in the manifest).
    public var now: Date

    public init(configuration: ReportJobConfiguration, quarter: FiscalQuarter, judgedAt: Date, note: String = "",
                force: Bool = false, reopen: Bool = false, user: String, now: Date = Date()) {
        self.configuration = configuration
        self.quarter = quarter
        self.judgedAt = judgedAt
        self.note = note
        self.force = force
        self.reopen = reopen
        self.user = user
        self.now = now
    }

    /// The closing written, or why not (`ReportJobFailure`, nothing written).
    public func run() throws -> QuarterClosing {
        let output = configuration.output
        let deadline = quarter.lastMonth.submissionDeadline(afterDays: configuration.reportOptions.timelinessDays)
        if judgedAt <= deadline, !force {
            throw ReportJobFailure(BilingualText(
                th: "ยังปิดไตรมาส \(label) ไม่ได้: ช่วงส่งข้อมูลเปิดถึง \(ThaiCalendarNames.dateText(deadline, .th)) "
                    + "ปิดได้หลังจากนั้น หรือใช้ --force ถ้าต้องการปิดก่อนกำหนด",
                en: "Quarter \(label) cannot be closed yet: its submission window is open until "
                    + "\(ThaiCalendarNames.dateText(deadline, .en)). Close it after that, or use --force."))
        }
        if let existing = try QuarterClosings.current(quarter, output: output), !reopen {
            let when = existing.manifest.closedAt
            throw ReportJobFailure(BilingualText(
                th: "ไตรมาส \(label) ปิดแล้วเมื่อ \(ThaiCalendarNames.dateText(when, .th)) โดย \(existing.manifest.closedBy) "
                    + "(\(existing.folder.path)) ใช้ --reopen เพื่อปิดใหม่ โดยการปิดครั้งก่อนยังเก็บไว้",
                en: "Quarter \(label) was already closed on \(ThaiCalendarNames.dateText(when, .en)) by "
                    + "\(existing.manifest.closedBy) (\(existing.folder.path)). Use --reopen to close it again; the "
                    + "earlier closing is kept."))
        }
        let root = QuarterClosings.root(output: output)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        AtomicFile.removeStalePartials(in: root)
        let unique = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = root.appendingPathComponent(".staging\(AtomicFile.partialMarker)\(unique)", isDirectory: true)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        do {
            let manifest = try fill(staging)
            FaultInjection.pause(at: "close-staged")
            let number = (QuarterClosings.numbers(quarter, output: output).last ?? 0) + 1
            let parent = QuarterClosings.quarterFolder(quarter, output: output)
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            let final = parent.appendingPathComponent(String(number), isDirectory: true)
            guard Foundation.rename(staging.path, final.path) == 0 else {
                throw AtomicFile.Failure(path: final.path, operation: "rename", code: errno)
            }
            try AtomicFile.flushToDisk(parent)
            return QuarterClosing(quarter: quarter, number: number, folder: final, manifest: manifest)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            if error is ReportJobFailure { throw error }
            throw ReportJobFailure(BilingualText(
                th: "ปิดไตรมาส \(label) ไม่สำเร็จ ไม่มีการเปลี่ยนแปลงใด: \(error)",
                en: "Could not close quarter \(label); nothing was changed: \(error)"))
        }
    }

    private var label: String { "\(quarter.quarter)/\(quarter.fiscalYear)" }

    /// Copies the inputs into `staging/inputs/`, builds the quarter's report from the copies into `staging`, and
    /// writes the manifest; everything flushed to disk.
    private func fill(_ staging: URL) throws -> ClosingManifest {
        let archive = staging.appendingPathComponent(QuarterClosing.inputsFolderName, isDirectory: true)
        var entries: [ClosingManifest.Entry] = []
        for name in ReferenceTables.fileNames {
            let original = configuration.inputs.appendingPathComponent("reference").appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: original.path) else { continue }
            var entry = ClosingManifest.Entry(kind: .reference, path: "reference/" + name)
            let copy = archive.appendingPathComponent(entry.path)
            entry.modified = (try? FileManager.default.attributesOfItem(atPath: original.path))?[.modificationDate] as? Date
                ?? Date(timeIntervalSince1970: 0)
            (entry.sha256, entry.bytes) = try Self.copy(from: { try RegularFileReader.open(original) }, to: copy)
            entries.append(entry)
        }
        let found = try SubmissionDiscovery.discover(root: configuration.inputs)
        guard !found.files.isEmpty else {
            throw ReportJobFailure(SubmissionDiscovery.noSubmissionsMessage(
                folder: configuration.inputs.appendingPathComponent("submissions").path))
        }
        let files = try found.files.map { file -> SubmissionFile in
            let copy = archive.appendingPathComponent(file.displayPath)
            do {
                _ = try Self.copy(from: file.open, to: copy)
            } catch {
                // A signed-off quarter must be reproducible from its archive; a file that cannot be copied cannot be.
                throw ReportJobFailure(BilingualText(
                    th: "ปิดไตรมาส \(label) ไม่ได้: อ่านไฟล์ \(file.displayPath) เพื่อเก็บสำเนาไม่ได้ (\(error)) "
                        + "แก้ไขสิทธิ์ของไฟล์ หรือย้ายออกจาก submissions/ แล้วปิดอีกครั้ง",
                    en: "Quarter \(label) cannot be closed: \(file.displayPath) cannot be read to archive it (\(error)). "
                        + "Fix its permissions or move it out of submissions/, then close again."))
            }
            return SubmissionFile(displayPath: file.displayPath, modified: file.modified) { try RegularFileReader.open(copy) }
        }
        let reference = try ReferenceFolder.load(archive.appendingPathComponent("reference", isDirectory: true))
        var importer = SubmissionImporter(reference: reference)
        importer.asOf = configuration.asOf
        var imported = importer.importFiles(files)
        imported.merge(found)
        let asOf = configuration.asOf ?? ReportJob.newestModification(
            imported: imported, referenceFolder: configuration.inputs.appendingPathComponent("reference"))
        for source in imported.sources {
            var entry = ClosingManifest.Entry(kind: .submission, path: source.path)
            (entry.sha256, entry.bytes, entry.modified) = (source.sha256, source.byteCount, source.modified)
            (entry.rowsRead, entry.accepted, entry.superseded) = (source.rowsRead, source.accepted, source.superseded)
            (entry.rejected, entry.blank) = (source.rejected, source.blank)
            entries.append(entry)
        }
        for skipped in imported.skipped {
            var entry = ClosingManifest.Entry(kind: .skipped, path: skipped.path)
            entry.reason = skipped.reason
            entries.append(entry)
        }
        let inputs = ReportJob.Inputs(reference: reference, imported: imported, asOf: asOf)
        var plan = ReportJob.ScopePlan(scope: .quarter(quarter), inputs: inputs, configuration: configuration,
                                       revisions: [], closing: nil)
        plan.districtPacks = false
        _ = try ReportJob(configuration: configuration).produce(plan) { name, write in
            let url = staging.appendingPathComponent(name)
            try write(url)
            try AtomicFile.flushToDisk(url)
            return url
        }
        let manifest = ClosingManifest(
            quarter: quarter, closedAt: now, closedBy: user, asOf: asOf, note: note,
            programVersion: ProgramVersion.current, language: configuration.language,
            fontName: configuration.workbookOptions.fontName, timelinessDays: configuration.reportOptions.timelinessDays,
            entries: entries)
        let manifestURL = staging.appendingPathComponent(QuarterClosing.manifestName)
        try Data(manifest.csv()).write(to: manifestURL)
        try AtomicFile.flushToDisk(manifestURL)
        try StagedReportFolders.flushFolders(under: staging)
        return manifest
    }

    /// Streams a file's bytes into `copy` (folders created, read-only afterwards), returning SHA-256 and size.
    static func copy(from open: () throws -> any ByteChunkSource, to copy: URL) throws -> (String, Int) {
        let source = try open()
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: copy.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: copy.path])
        }
        let handle = try FileHandle(forWritingTo: copy)
        defer { try? handle.close() }
        let digest = try StreamedDigest.of(source) { try handle.write(contentsOf: $0) }
        try handle.synchronize()
        chmod(copy.path, 0o444)
        return digest
    }
}
