import AgendaCore
import AgendaReports
import Foundation

/// The unattended nightly run: the quarter-to-date and year-to-date reports (and, early in a quarter, the quarter
/// just ended), `latest/` refreshed with the newest of them, and no work at all when nothing changed.
///
/// "Nothing changed" is decided by `InputDigest` over the inputs folder plus everything else that shapes the output
/// (the scopes chosen for the as-of day, language, font, timeliness window). The digest is recorded in
/// `<out>/.nightly-state` only after a successful run, so a failed night is retried the next night.
public struct NightlyJob: Sendable {
    public let configuration: ReportJobConfiguration
    public let plan: NightlyPlan

    /// Name of the folder under the output folder that always holds the newest nightly reports.
    public static let latestFolderName = "latest"
    static let stateFileName = ".nightly-state"

    public init(configuration: ReportJobConfiguration, plan: NightlyPlan) {
        self.configuration = configuration
        self.plan = plan
    }

    public enum Result: Sendable {
        /// Inputs and settings are as at the last successful run; nothing was written.
        case unchanged(digest: String)
        /// The reports were built (or the attempt failed: see `outcome.status`).
        case ran(ReportOutcome)

        public var exitCode: Int32 {
            switch self {
            case .unchanged: 0
            case .ran(let outcome): outcome.exitCode
            }
        }
    }

    public func run(force: Bool = false) -> Result {
        let digest: String
        do {
            digest = try InputDigest.compute(inputs: configuration.inputs, extra: settingsFingerprint)
        } catch {
            return .ran(.failed(ReportJobFailure(BilingualText(
                th: "อ่านโฟลเดอร์ข้อมูล \(configuration.inputs.path) ไม่ได้: \(error)",
                en: "Cannot read the inputs folder \(configuration.inputs.path): \(error)"))))
        }
        if !force, recordedDigest() == digest, expectedFilesExist() {
            return .unchanged(digest: digest)
        }
        let outcome = ReportJob(configuration: configuration).run(scopes: plan.scopes)
        guard outcome.status != .failure else { return .ran(outcome) }
        do {
            try refreshLatest(from: outcome)
            try AtomicFile.write(Data("\(digest)\n".utf8), to: stateFile)
        } catch {
            var failed = outcome
            failed.status = .failure
            failed.failure = ReportJobFailure(BilingualText(
                th: "เขียนรายงานแล้ว แต่ปรับปรุงโฟลเดอร์ latest ไม่สำเร็จ: \(error)",
                en: "Reports written, but refreshing the latest folder failed: \(error)"))
            return .ran(failed)
        }
        return .ran(outcome)
    }

    /// Everything besides the inputs that changes which files are written and what they say. The as-of day itself
    /// is left out on purpose: a new day with the same inputs and the same reports to build is "nothing changed",
    /// and the reports keep the day their data were last refreshed.
    var settingsFingerprint: String {
        let scopes = plan.scopes.map(\.slug).joined(separator: ",")
        let options = configuration.reportOptions
        return "scopes=\(scopes) lang=\(configuration.language.rawValue) font=\(configuration.workbookOptions.fontName) "
            + "timeliness=\(options.timelinessDays) outlier=\(options.outlierThreshold)/\(options.outlierMinimumHistory)"
            + (configuration.exportValues ? " export-values" : "") + " closed=\(closingsFingerprint)"
    }

    /// The closings in force (quarter and number): a new closing adds a Revisions sheet to the year to date and
    /// makes the completed quarter a reproduction, so it is a change like an edited input.
    var closingsFingerprint: String {
        let root = QuarterClosings.root(output: configuration.output)
        let quarters = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { !$0.hasPrefix(".") }
        return quarters.sorted().map { quarter in
            let numbers = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(quarter).path)) ?? []
            return quarter + "/" + numbers.filter { !$0.hasPrefix(".") }.sorted().joined(separator: "+")
        }.joined(separator: ",")
    }

    var stateFile: URL { configuration.output.appendingPathComponent(Self.stateFileName) }
    var latestFolder: URL { configuration.output.appendingPathComponent(Self.latestFolderName, isDirectory: true) }

    private func recordedDigest() -> String? {
        guard let data = try? Data(contentsOf: stateFile) else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Someone may have deleted a report by hand; then the night's work is not "already done".
    private func expectedFilesExist() -> Bool {
        let fm = FileManager.default
        for scope in plan.scopes {
            let names = ReportFileNames(scope: scope)
            let folder = configuration.output.appendingPathComponent(names.folder, isDirectory: true)
            for name in [names.workbook, names.summary] {
                guard fm.fileExists(atPath: folder.appendingPathComponent(name).path) else { return false }
            }
        }
        for scope in [plan.quarterToDate, plan.yearToDate] {
            let name = ReportFileNames(scope: scope).workbook
            guard fm.fileExists(atPath: latestFolder.appendingPathComponent(name).path) else { return false }
        }
        return true
    }

    /// Replaces `latest/` with tonight's quarter-to-date and year-to-date files (not the completed quarter, which
    /// has its own folder in the output folder), as hard links where the file system has them: a report file is
    /// never changed in place (its folder is replaced whole), so a link is as good as a copy and a large CSV is not
    /// written twice. The new folder is filled and fsynced under a
    /// partial name, then swapped with the old one in one step (`renameat2(RENAME_EXCHANGE)`), so `latest/` is at
    /// every instant a real folder holding one night's complete set. Where the file system cannot exchange, it
    /// falls back to two renames: `latest/` is then missing for the instant between them, never mixed.
    private func refreshLatest(from outcome: ReportOutcome) throws {
        let fm = FileManager.default
        let output = configuration.output
        let unique = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let incoming = output.appendingPathComponent(".\(Self.latestFolderName)\(AtomicFile.partialMarker)\(unique)")
        let outgoing = output.appendingPathComponent(".\(Self.latestFolderName)-old\(AtomicFile.partialMarker)\(unique)")
        try fm.createDirectory(at: incoming, withIntermediateDirectories: true)
        do {
            let nightly = Set([plan.quarterToDate, plan.yearToDate])
            for item in outcome.written where nightly.contains(item.scope) {
                // The overflow CSVs go along: the workbook's notice sends its reader to the file beside it.
                let folder = item.workbook.deletingLastPathComponent().path + "/"
                for url in [item.workbook, item.summary] + [item.dataCSV, item.supersededCSV, item.anomaliesCSV].compactMap({ $0 })
                    + item.districtPacks {
                    // `districts/<code>/…` keeps its place: latest/districts/ mirrors tonight's packs.
                    precondition(url.path.hasPrefix(folder), "a report's files live in its folder")
                    let copy = incoming.appendingPathComponent(String(url.path.dropFirst(folder.count)))
                    try fm.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
                    if link(url.path, copy.path) != 0 {
                        try fm.copyItem(at: url, to: copy)
                        try AtomicFile.flushToDisk(copy)
                    }
                }
            }
            try StagedReportFolders.flushFolders(under: incoming)
            var isFolder: ObjCBool = false
            if fm.fileExists(atPath: latestFolder.path, isDirectory: &isFolder), isFolder.boolValue,
               try AtomicFile.exchange(incoming, latestFolder) {
                // `incoming` now holds last night's folder.
                try? AtomicFile.flushToDisk(output)
                try? fm.removeItem(at: incoming)
                return
            }
            if fm.fileExists(atPath: latestFolder.path) {
                try fm.moveItem(at: latestFolder, to: outgoing)
            }
            try fm.moveItem(at: incoming, to: latestFolder)
        } catch {
            try? fm.removeItem(at: incoming)
            if !fm.fileExists(atPath: latestFolder.path), fm.fileExists(atPath: outgoing.path) {
                try? fm.moveItem(at: outgoing, to: latestFolder)
            }
            throw error
        }
        try? AtomicFile.flushToDisk(output)
        try? fm.removeItem(at: outgoing)
    }
}
