import AgendaCore
import Foundation

/// A run's reports, each produced whole in a staging folder beside its destination and switched in with one
/// rename, so a reader of `Reports/FY2565/` sees the previous report or the new one, never a mix of the two.
///
/// Each report (one scope: workbook, summary, overflow CSVs) lives in a folder of its own, `<out>/<slug>/`, so
/// that the folder, not a list of files, is the unit that changes:
/// 1. every file is written and fsynced in `<out>/.staging.partial-<pid>-<n>/<slug>/`;
/// 2. `commit()` switches each staged folder with its final one in one `renameat2(RENAME_EXCHANGE)` (a plain
///    rename when there was none), after which the staging folder holds the previous report, and removes it;
/// 3. a failure before every folder is switched exchanges the switched ones back, so a failed run leaves every
///    previous report in place.
/// A kill between two switches leaves some reports new and the rest old, each whole; the next run sweeps the
/// staging folder (`AtomicFile.removeStalePartials`). Where the file system cannot exchange (an old kernel, some
/// network file systems) the previous folder is first renamed aside: the report is then missing for an instant,
/// never mixed.
final class StagedReportFolders {
    static let stagingPrefix = ".staging"
    /// Suffix of a previous folder moved aside inside the staging folder when the exchange is not available.
    private static let asideSuffix = ".previous"

    /// A commit that failed. `restored`: every report folder holds its previous files again (when false, some
    /// hold this run's files; every folder is still one run's whole report).
    struct CommitFailure: Error, CustomStringConvertible {
        var underlying: Error
        var restored: Bool
        var description: String { "\(underlying)" }
    }

    let output: URL
    let staging: URL
    private var staged: [String] = []
    private var committed = false
    /// Called before the k-th folder switch of `commit()` (from 0); tests throw from it to fail a commit midway.
    var beforeSwitch: ((Int) throws -> Void)?

    /// Creates the staging folder `<output>/.staging.partial-<pid>-<n>`.
    init(in output: URL, owner: pid_t = ProcessInfo.processInfo.processIdentifier) throws {
        self.output = output
        let name = "\(Self.stagingPrefix)\(AtomicFile.partialMarker)\(owner)-\(UInt32.random(in: 0...UInt32.max))"
        staging = output.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
    }

    /// The final location of report folder `folder`.
    func finalURL(_ folder: String) -> URL {
        output.appendingPathComponent(folder, isDirectory: true)
    }

    /// Runs `produce` with the staging path of `file` in report folder `folder`, flushes the result to disk and
    /// returns the file's final URL. On error the staged file is removed and the error rethrown.
    @discardableResult
    func stage(_ file: String, in folder: String, produce: (URL) throws -> Void) throws -> URL {
        precondition(!folder.isEmpty && !folder.contains("/") && !folder.hasPrefix("."), "a report folder is one plain name")
        let stagedFolder = staging.appendingPathComponent(folder, isDirectory: true)
        if !staged.contains(folder) {
            try FileManager.default.createDirectory(at: stagedFolder, withIntermediateDirectories: false)
            staged.append(folder)
        }
        let temporary = stagedFolder.appendingPathComponent(file)
        do {
            if file.contains("/") {
                // A file in a subfolder of the report (`districts/5601/…`): the subfolders switch with the report.
                precondition(!file.split(separator: "/").contains { $0 == ".." || $0 == "." }, "a plain relative path")
                try FileManager.default.createDirectory(at: temporary.deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
            }
            try produce(temporary)
            try AtomicFile.flushToDisk(temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return finalURL(folder).appendingPathComponent(file)
    }

    /// How one folder was switched in, for putting it back.
    private enum Switch {
        case created(String)
        case exchanged(String)
        case movedAside(String)
    }

    /// Switches every staged report folder in (see the type's comment). Throws `CommitFailure`.
    func commit() throws {
        precondition(!committed, "staged reports committed twice")
        committed = true
        var done: [Switch] = []
        do {
            for folder in staged {
                try Self.flushFolders(under: staging.appendingPathComponent(folder, isDirectory: true))
            }
            try AtomicFile.flushToDisk(staging)
            for (k, folder) in staged.enumerated() {
                if k == 1 { FaultInjection.pause(at: "mid-commit") }
                try beforeSwitch?(k)
                done.append(try switchIn(folder))
            }
            try AtomicFile.flushToDisk(output)
        } catch {
            let restored = switchBack(done)
            if restored { abandon() }
            throw CommitFailure(underlying: error, restored: restored)
        }
        // The staging folder now holds the previous reports.
        try? FileManager.default.removeItem(at: staging)
    }

    private func switchIn(_ folder: String) throws -> Switch {
        let new = staging.appendingPathComponent(folder, isDirectory: true)
        let final = finalURL(folder)
        var info = stat()
        guard lstat(final.path, &info) == 0 else {
            guard errno == ENOENT else { throw AtomicFile.Failure(path: final.path, operation: "stat", code: errno) }
            try Self.rename(new, final)
            return .created(folder)
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw AtomicFile.Failure(path: final.path, operation: "replace (not a folder)", code: ENOTDIR)
        }
        if try AtomicFile.exchange(new, final) { return .exchanged(folder) }
        let aside = staging.appendingPathComponent(folder + Self.asideSuffix, isDirectory: true)
        try Self.rename(final, aside)
        do {
            try Self.rename(new, final)
        } catch {
            try? Self.rename(aside, final)
            throw error
        }
        return .movedAside(folder)
    }

    /// Puts the previous folder back for every switch in `done`, newest first. True when all are back.
    private func switchBack(_ done: [Switch]) -> Bool {
        var restored = true
        for item in done.reversed() {
            do {
                switch item {
                case .created(let folder):
                    try Self.rename(finalURL(folder), staging.appendingPathComponent(folder, isDirectory: true))
                case .exchanged(let folder):
                    guard try AtomicFile.exchange(staging.appendingPathComponent(folder, isDirectory: true),
                                                  finalURL(folder)) else { restored = false; continue }
                case .movedAside(let folder):
                    try Self.rename(finalURL(folder), staging.appendingPathComponent(folder, isDirectory: true))
                    try Self.rename(staging.appendingPathComponent(folder + Self.asideSuffix, isDirectory: true),
                                    finalURL(folder))
                }
            } catch {
                restored = false
            }
        }
        if (try? AtomicFile.flushToDisk(output)) == nil { restored = false }
        return restored
    }

    /// Removes the staging folder and everything in it; the final folders are untouched.
    func abandon() {
        try? FileManager.default.removeItem(at: staging)
        staged.removeAll()
    }

    deinit {
        if !committed { abandon() }
    }

    /// fsync `root` and every folder under it, so a switched-in report holds all its files after a crash.
    static func flushFolders(under root: URL) throws {
        let fm = FileManager.default
        for case let path as String in fm.enumerator(atPath: root.path) ?? FileManager.DirectoryEnumerator() {
            var isFolder: ObjCBool = false
            let url = root.appendingPathComponent(path)
            if fm.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
                try AtomicFile.flushToDisk(url)
            }
        }
        try AtomicFile.flushToDisk(root)
    }

    private static func rename(_ from: URL, _ to: URL) throws {
        guard Foundation.rename(from.path, to.path) == 0 else {
            throw AtomicFile.Failure(path: to.path, operation: "rename", code: errno)
        }
    }
}
