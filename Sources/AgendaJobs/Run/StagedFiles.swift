import AgendaCore
import Foundation

/// Files produced under temporary names in their destination folder and renamed into place together, only once
/// every one of them is complete.
///
/// A report is several files (workbook, summary, maybe a CSV, for several scopes); renaming each as soon as it is
/// done would let a later failure leave a new workbook beside an old summary. Staging everything first means a
/// failure or a kill before `commit()` leaves every previous file as it was, and at most `.partial-` files that
/// the next run sweeps (`AtomicFile.removeStalePartials`).
final class StagedFiles {
    private var staged: [(temporary: URL, final: URL)] = []
    private var obsolete: [URL] = []
    private var committed = false

    /// Runs `produce` with a temporary path beside `final`, flushes the result to disk and records it for
    /// `commit()`. On error the temporary file is removed and the error rethrown.
    func stage(_ final: URL, produce: (URL) throws -> Void) throws {
        let temporary = AtomicFile.temporaryURL(for: final)
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
    /// refers to); removed after the renames.
    func removeOnCommit(_ url: URL) {
        obsolete.append(url)
    }

    /// Renames every staged file over its final name, in staging order.
    func commit() throws {
        precondition(!committed, "staged files committed twice")
        committed = true
        for item in staged {
            guard rename(item.temporary.path, item.final.path) == 0 else {
                throw AtomicFile.Failure(path: item.final.path, operation: "rename", code: errno)
            }
        }
        staged.removeAll()
        for url in obsolete where FileManager.default.fileExists(atPath: url.path) {
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// Removes every staged temporary file; the final names are untouched.
    func abandon() {
        for item in staged { try? FileManager.default.removeItem(at: item.temporary) }
        staged.removeAll()
    }

    deinit {
        if !committed { abandon() }
    }
}
