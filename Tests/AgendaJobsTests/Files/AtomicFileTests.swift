import Foundation
import Testing
@testable import AgendaJobs
@testable import AgendaCore

@Suite("Atomic file replacement")
struct AtomicFileTests {
    private func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a successful write replaces the old file and leaves no partial file")
    func replaces() throws {
        let folder = try scratchFolder()
        let final = folder.appendingPathComponent("report.txt")
        try Data("old".utf8).write(to: final)
        try AtomicFile.write(Data("new".utf8), to: final)
        #expect(try String(contentsOf: final, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.txt"])
    }

    @Test("a failing producer leaves the previous file untouched and removes its temporary file")
    func failureKeepsPrevious() throws {
        struct Boom: Error {}
        let folder = try scratchFolder()
        let final = folder.appendingPathComponent("report.txt")
        try Data("last good".utf8).write(to: final)
        #expect(throws: Boom.self) {
            try AtomicFile.write(to: final) { temporary in
                try Data("half".utf8).write(to: temporary)
                throw Boom()
            }
        }
        #expect(try String(contentsOf: final, encoding: .utf8) == "last good")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.txt"])
    }

    /// The pid of a process that has already ended (a low fixed number may be a live kernel thread).
    func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test("partial files of killed runs are swept, other files are not")
    func sweepsPartials() throws {
        let folder = try scratchFolder()
        try Data().write(to: folder.appendingPathComponent(".book.xlsx.partial-\(try deadPID())-456"))
        try Data().write(to: folder.appendingPathComponent("book.xlsx"))
        #expect(AtomicFile.removeStalePartials(in: folder) == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["book.xlsx"])
    }

    @Test("partial files of a live run (another process, or this one) are never swept")
    func keepsLivePartials() throws {
        let folder = try scratchFolder()
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["30"]
        try sleeper.run()
        defer { sleeper.terminate(); sleeper.waitUntilExit() }
        let live = [".book.xlsx.partial-\(sleeper.processIdentifier)-1", ".summary.txt.partial-\(getpid())-2",
                    ".latest.partial-\(sleeper.processIdentifier)-3"]
        for name in live { try Data().write(to: folder.appendingPathComponent(name)) }
        let dead = ".book.xlsx.partial-\(try deadPID())-4"
        try Data().write(to: folder.appendingPathComponent(dead))
        #expect(AtomicFile.removeStalePartials(in: folder) == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == live.sorted())
    }

    @Test("a staging folder of a run that is gone is swept whole, report folders and all; a live run's stays")
    func sweepRemovesDeadStaging() throws {
        let folder = try scratchFolder()
        let dead = try deadPID()
        let stale = folder.appendingPathComponent(".staging.partial-\(dead)-1/FY2565")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try Data().write(to: stale.appendingPathComponent("book.xlsx"))
        let live = folder.appendingPathComponent(".staging.partial-\(getppid())-2")
        try FileManager.default.createDirectory(at: live, withIntermediateDirectories: false)
        #expect(AtomicFile.removeStalePartials(in: folder) == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [live.lastPathComponent])
    }

    @Test("exchange swaps two folders in one step (where the file system can)")
    func exchangesFolders() throws {
        let folder = try scratchFolder()
        let a = folder.appendingPathComponent("a"), b = folder.appendingPathComponent("b")
        for (dir, name) in [(a, "new.txt"), (b, "old.txt")] {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false)
            try Data().write(to: dir.appendingPathComponent(name))
        }
        let swapped = try AtomicFile.exchange(a, b)
        #expect(try FileManager.default.contentsOfDirectory(atPath: b.path) == [swapped ? "new.txt" : "old.txt"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: a.path) == [swapped ? "old.txt" : "new.txt"])
        #expect(throws: AtomicFile.Failure.self) { try AtomicFile.exchange(a, folder.appendingPathComponent("none")) }
    }

    @Test("the input digest changes when a file is added, edited or touched, and not otherwise")
    func inputDigest() throws {
        let folder = try scratchFolder()
        let file = folder.appendingPathComponent("a.csv")
        try Data("x".utf8).write(to: file)
        let first = try InputDigest.compute(inputs: folder)
        #expect(try InputDigest.compute(inputs: folder) == first)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000)], ofItemAtPath: file.path)
        let touched = try InputDigest.compute(inputs: folder)
        #expect(touched != first)
        try Data("y".utf8).write(to: folder.appendingPathComponent("b.csv"))
        #expect(try InputDigest.compute(inputs: folder) != touched)
        #expect(try InputDigest.compute(inputs: folder, extra: "FY2565") != InputDigest.compute(inputs: folder))
    }
}
