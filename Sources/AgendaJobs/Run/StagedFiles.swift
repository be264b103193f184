import AgendaCore
import Foundation

/// A run's output files, produced together in one staging folder beside their destination and committed as a set:
/// readers see the previous set or the new set, and a mix only while a commit is in progress or after a kill
/// mid-commit until the next run starts.
///
/// The documented names (`Reports/phayao-agenda-FY2565.xlsx`, …) must stay real files, not symlinks (Windows
/// clients over Samba may not follow them), so the set cannot be switched with one rename. Instead:
/// 1. every file is written and fsynced in `<folder>/.staging.partial-<pid>-<n>/`;
/// 2. each existing file the commit replaces or removes is kept as a hard link in the staging folder's
///    `previous/` (a copy where the file system has no hard links);
/// 3. a journal naming every file and whether it had a previous version is written and fsynced;
/// 4. the files are renamed over their final names one by one (each rename atomic), stale files removed;
/// 5. the journal is removed (the commit point), then the staging folder.
/// A failure in step 4 puts every previous file back and removes the new ones (`rollBack`), so "the previous
/// report is untouched" stays true. A kill in step 4 leaves the journal: the next run, before anything else,
/// rolls the set back the same way (`recover(in:)`), so a killed run ends as if it had never started.
final class StagedFiles {
    /// The journal's name inside a staging folder; a staging folder holding one is never swept as a plain partial.
    static let journalName = "commit-journal"
    static let stagingPrefix = ".staging"
    private static let previousFolderName = "previous"

    /// A commit that failed midway. `restored`: every previous file is back in place (when false, the journal is
    /// kept and the next run finishes the restore).
    struct CommitFailure: Error, CustomStringConvertible {
        var underlying: Error
        var restored: Bool
        var description: String { "\(underlying)" }
    }

    let folder: URL
    let staging: URL
    private var staged: [(temporary: URL, final: URL)] = []
    private var obsolete: [URL] = []
    private var committed = false
    /// Called before the k-th rename of `commit()` (from 0); tests throw from it to fail a commit midway.
    var beforeRename: ((Int) throws -> Void)?

    /// Creates the staging folder `<folder>/.staging.partial-<pid>-<n>`.
    init(in folder: URL, owner: pid_t = ProcessInfo.processInfo.processIdentifier) throws {
        self.folder = folder
        let name = "\(Self.stagingPrefix)\(AtomicFile.partialMarker)\(owner)-\(UInt32.random(in: 0...UInt32.max))"
        staging = folder.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
    }

    /// Runs `produce` with the staging path of `final` (same name, in the staging folder), flushes the result to
    /// disk and records it for `commit()`. On error the staged file is removed and the error rethrown.
    func stage(_ final: URL, produce: (URL) throws -> Void) throws {
        precondition(final.deletingLastPathComponent().standardizedFileURL.path == folder.standardizedFileURL.path,
                     "staged files live in one folder")
        let temporary = staging.appendingPathComponent(final.lastPathComponent)
        do {
            try produce(temporary)
            try AtomicFile.flushToDisk(temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        staged.append((temporary, final))
    }

    /// A file from an earlier run that this run's output makes wrong (an overflow CSV the new workbook no longer
    /// refers to); removed as part of the commit, and put back if the commit fails.
    func removeOnCommit(_ url: URL) {
        obsolete.append(url)
    }

    /// One line of the journal: a final name, whether it existed before (then `previous/` holds it), and whether
    /// the commit renames a new file over it or removes it.
    struct Entry: Equatable {
        var name: String
        var hadPrevious: Bool
        var removes: Bool

        var line: String { "\(removes ? "remove" : "replace")\t\(hadPrevious ? 1 : 0)\t\(name)" }

        init(name: String, hadPrevious: Bool, removes: Bool) {
            self.name = name
            self.hadPrevious = hadPrevious
            self.removes = removes
        }

        init?(line: Substring) {
            let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, ["replace", "remove"].contains(parts[0]), ["0", "1"].contains(parts[1]),
                  !parts[2].isEmpty, !parts[2].contains("/") else { return nil }
            self.init(name: String(parts[2]), hadPrevious: parts[1] == "1", removes: parts[0] == "remove")
        }
    }

    /// Switches the staged set in (see the type's comment). Throws `CommitFailure`.
    func commit() throws {
        precondition(!committed, "staged files committed twice")
        committed = true
        let fm = FileManager.default
        var entries: [Entry] = []
        do {
            let previous = staging.appendingPathComponent(Self.previousFolderName, isDirectory: true)
            try fm.createDirectory(at: previous, withIntermediateDirectories: false)
            let targets = staged.map { ($0.final, false) } + obsolete.map { ($0, true) }
            for (final, removes) in targets {
                let kept = try Self.keep(final, in: previous)
                if removes && !kept { continue }
                entries.append(Entry(name: final.lastPathComponent, hadPrevious: kept, removes: removes))
            }
            try AtomicFile.flushToDisk(previous)
            let journal = entries.map(\.line).joined(separator: "\n") + "\n"
            try AtomicFile.write(Data(journal.utf8), to: staging.appendingPathComponent(Self.journalName))
            try AtomicFile.flushToDisk(staging)
        } catch {
            // Nothing renamed yet: the final names are as they were.
            abandon()
            throw CommitFailure(underlying: error, restored: true)
        }
        do {
            for (k, item) in staged.enumerated() {
                if k == 1 { FaultInjection.pause(at: "mid-commit") }
                try beforeRename?(k)
                guard rename(item.temporary.path, item.final.path) == 0 else {
                    throw AtomicFile.Failure(path: item.final.path, operation: "rename", code: errno)
                }
            }
            for url in obsolete where unlink(url.path) != 0 && errno != ENOENT {
                throw AtomicFile.Failure(path: url.path, operation: "remove", code: errno)
            }
            try AtomicFile.flushToDisk(folder)
        } catch {
            let restored = Self.rollBack(staging: staging, folder: folder, entries: entries)
            if restored { try? fm.removeItem(at: staging) }
            staged.removeAll()
            throw CommitFailure(underlying: error, restored: restored)
        }
        staged.removeAll()
        // The commit point: without the journal, nothing will roll this set back.
        unlink(staging.appendingPathComponent(Self.journalName).path)
        try? AtomicFile.flushToDisk(staging)
        try? fm.removeItem(at: staging)
    }

    /// Removes the staging folder and everything in it; the final names are untouched.
    func abandon() {
        try? FileManager.default.removeItem(at: staging)
        staged.removeAll()
    }

    deinit {
        if !committed { abandon() }
    }

    /// Keeps the current file at `final` (if it is a regular file) as `previous/<name>`: a hard link, or a copy
    /// on a file system without hard links. True when there was one to keep.
    private static func keep(_ final: URL, in previous: URL) throws -> Bool {
        var info = stat()
        guard lstat(final.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        let backup = previous.appendingPathComponent(final.lastPathComponent)
        if link(final.path, backup.path) == 0 { return true }
        let code = errno
        guard [EPERM, EXDEV, EMLINK, ENOTSUP, EOPNOTSUPP, ENOSYS].contains(code) else {
            throw AtomicFile.Failure(path: backup.path, operation: "link", code: code)
        }
        try FileManager.default.copyItem(at: final, to: backup)
        try AtomicFile.flushToDisk(backup)
        return true
    }

    /// Puts every previous file of `entries` back and removes the new files that had none. Idempotent: after a
    /// kill in the middle of it, running it again finishes the job. True when everything is back.
    static func rollBack(staging: URL, folder: URL, entries: [Entry]) -> Bool {
        var restored = true
        let previous = staging.appendingPathComponent(previousFolderName, isDirectory: true)
        for entry in entries.reversed() {
            let final = folder.appendingPathComponent(entry.name).path
            if entry.hadPrevious {
                let backup = previous.appendingPathComponent(entry.name).path
                guard access(backup, F_OK) == 0 else { continue }  // already put back by an earlier attempt
                if rename(backup, final) != 0 { restored = false }
            } else if !entry.removes, access(staging.appendingPathComponent(entry.name).path, F_OK) != 0 {
                // The new file was renamed into place; there was nothing before it.
                if unlink(final) != 0 && errno != ENOENT { restored = false }
            }
        }
        if (try? AtomicFile.flushToDisk(folder)) == nil { restored = false }
        return restored
    }

    /// Rolls back every commit in `folder` that a killed run left unfinished (a staging folder of a process that
    /// is gone, still holding its journal), then removes those staging folders. Run before anything else touches
    /// the folder, under the output lock. Returns how many commits were rolled back.
    @discardableResult
    static func recover(in folder: URL) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var recovered = 0
        for name in names.sorted() where name.hasPrefix(stagingPrefix + AtomicFile.partialMarker) {
            guard let pid = AtomicFile.writerPID(name), !AtomicFile.isAlive(pid) else { continue }
            let staging = folder.appendingPathComponent(name, isDirectory: true)
            let journal = staging.appendingPathComponent(journalName)
            guard let data = try? Data(contentsOf: journal) else { continue }  // no journal: a plain partial
            let entries = String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap(Entry.init(line:))
            if rollBack(staging: staging, folder: folder, entries: entries) {
                try? FileManager.default.removeItem(at: staging)
                recovered += 1
            }
        }
        return recovered
    }
}
