import AgendaCore
import Foundation

/// Finds the submission files under `inputs/submissions/` without ever blocking, failing the whole run for one
/// district's folder, or silently dropping something a clerk meant to send.
///
/// Rules:
/// - the tree is walked one folder at a time (`readdir`), so a folder that cannot be read becomes a whole-file
///   `Rejection` for that folder and every other district's files are still read;
/// - every entry is examined with `lstat`/`stat` only; nothing is opened here, and a `*.csv` that is not a regular
///   file (a FIFO, socket or device, or a symlink to one) is never handed to the importer: opening a FIFO for
///   reading blocks until a writer appears, which would hang the nightly run forever;
/// - symlinks to regular files and folders are followed; a dangling symlink or a loop is listed as skipped;
/// - hidden entries (`.name`) are skipped, files and folders alike, and Office lock files (`~$name`) too;
/// - what was skipped but looks as if it was meant to be a submission (a hidden `*.csv` or folder, a lock file,
///   `name.csv ` with trailing spaces or dots as Windows users sometimes type, a workbook not saved as CSV) is
///   listed with a reason, so it shows in the `Sources` sheet instead of vanishing. Other files (README.md, …) are
///   ignored silently.
///
/// A file swapped for a FIFO between this walk and the read is not covered; nobody does that by accident.
public struct SubmissionDiscovery: Sendable {
    /// Regular files to read, display paths relative to the inputs folder, in byte order.
    public var files: [SubmissionFile] = []
    /// Paths passed over, with the reason, in byte order.
    public var skipped: [SkippedPath] = []
    /// Folders that could not be read, each as a whole-file rejection.
    public var rejections: [Rejection] = []

    public init(files: [SubmissionFile] = [], skipped: [SkippedPath] = [], rejections: [Rejection] = []) {
        self.files = files
        self.skipped = skipped
        self.rejections = rejections
    }

    /// Walks `root/submissions/`. Throws only when that folder itself is missing, not a folder or unreadable: then
    /// there is nothing to report on at all.
    public static func discover(root: URL) throws -> SubmissionDiscovery {
        let folder = root.appendingPathComponent("submissions", isDirectory: true)
        guard let info = FileStatus.of(folder.path), info.kind == .directory else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path])
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        var found = SubmissionDiscovery()
        var ancestors: Set<FileStatus.Identity> = [info.identity]
        found.walk(folder: folder.path, display: "submissions", names: names, ancestors: &ancestors)
        let byPath = { (a: String, b: String) in a.utf8.lexicographicallyPrecedes(b.utf8) }
        found.files.sort { byPath($0.displayPath, $1.displayPath) }
        found.skipped.sort { byPath($0.path, $1.path) }
        found.rejections.sort { byPath($0.file, $1.file) }
        return found
    }

    /// The failure when `submissions/` holds no file to read at all: most likely the share is not mounted, and a
    /// report of nothing would silently replace the province's real one.
    public static func noSubmissionsMessage(folder: String) -> BilingualText {
        DiscoveryMessages.noSubmissions(folder: folder)
    }

    /// Checks a file named on the command line (`validate`) without opening it: a FIFO, socket, device or folder
    /// comes back as a whole-file rejection; a regular file, or a path that does not exist (the importer reports
    /// that one in its own words), comes back nil.
    public static func rejectionForExplicitFile(path: String, displayPath: String) -> Rejection? {
        guard let info = FileStatus.of(path) else { return nil }
        guard info.kind != .regular else { return nil }
        return Rejection(file: displayPath, line: 0, column: "", text: "",
                         reason: DiscoveryMessages.notRegularFile(info.kind.label), wholeFile: true)
    }

    private mutating func walk(folder: String, display: String, names: [String], ancestors: inout Set<FileStatus.Identity>) {
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let path = folder + "/" + name
            let shown = display + "/" + name
            let lower = name.lowercased()
            guard let entry = FileStatus.ofLink(path) else {
                // The folder can be listed but not searched (r without x): hand CSV names to the importer, which
                // cannot open them either and says so per file.
                if lower.hasSuffix(".csv") { files.append(.onDisk(url: URL(fileURLWithPath: path), displayPath: shown)) }
                continue
            }
            // Symlinks are resolved with stat: nil when dangling or looping (errno says which).
            let resolved = entry.kind == .symlink ? FileStatus.of(path) : entry
            let failure = resolved == nil ? errno : 0
            if name.hasPrefix(".") {
                let isFolder = resolved?.kind == .directory
                if isFolder || Self.looksLikeSubmission(lower) {
                    skip(shown, DiscoveryMessages.skippedHidden(folder: isFolder))
                }
                continue
            }
            if name.hasPrefix("~$") {
                skip(shown, DiscoveryMessages.skippedOfficeLock())
                continue
            }
            guard let target = resolved else {
                skip(shown, failure == ELOOP ? DiscoveryMessages.skippedSymlinkLoop() : DiscoveryMessages.skippedDanglingSymlink())
                continue
            }
            if target.kind == .directory {
                guard !ancestors.contains(target.identity) else {
                    skip(shown, DiscoveryMessages.skippedSymlinkLoop())
                    continue
                }
                let children: [String]
                do {
                    children = try FileManager.default.contentsOfDirectory(atPath: path)
                } catch {
                    rejections.append(Rejection(
                        file: shown + "/", line: 0, column: "", text: "",
                        reason: DiscoveryMessages.unreadableFolder(Self.reason(error)), wholeFile: true))
                    continue
                }
                ancestors.insert(target.identity)
                walk(folder: path, display: shown, names: children, ancestors: &ancestors)
                ancestors.remove(target.identity)
                continue
            }
            if lower.hasSuffix(".csv") {
                if target.kind == .regular {
                    files.append(.onDisk(url: URL(fileURLWithPath: path), displayPath: shown))
                } else {
                    skip(shown, DiscoveryMessages.notRegularFile(target.kind.label))
                }
            } else if Self.trailingJunkTrimmed(lower).hasSuffix(".csv") {
                skip(shown, DiscoveryMessages.skippedTrailingJunk(name))
            } else if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xls") {
                skip(shown, DiscoveryMessages.skippedWorkbook())
            }
        }
    }

    private mutating func skip(_ path: String, _ reason: BilingualText) {
        skipped.append(SkippedPath(path: path, reason: reason))
    }

    static func looksLikeSubmission(_ lowercasedName: String) -> Bool {
        trailingJunkTrimmed(lowercasedName).hasSuffix(".csv")
    }

    /// The name without the spaces and dots Windows drops at the end of a name (and Linux keeps).
    static func trailingJunkTrimmed(_ name: String) -> Substring {
        var trimmed = Substring(name)
        while let last = trimmed.last, last == " " || last == "." || last == "\u{A0}" { trimmed.removeLast() }
        return trimmed
    }

    /// The system's reason without Foundation's wrapping, e.g. "Permission denied".
    static func reason(_ error: Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return (error as NSError).localizedDescription
    }
}

extension ImportResult {
    /// Adds what discovery found besides readable files: the skipped paths, and unreadable folders as whole-file
    /// rejections kept in file order among the importer's own rejections.
    public mutating func merge(_ discovery: SubmissionDiscovery) {
        skipped += discovery.skipped
        guard !discovery.rejections.isEmpty else { return }
        let all = (rejections + discovery.rejections).enumerated().sorted { a, b in
            a.element.file == b.element.file
                ? a.offset < b.offset
                : a.element.file.utf8.lexicographicallyPrecedes(b.element.file.utf8)
        }
        rejections = all.map(\.element)
    }
}

/// `lstat`/`stat` results reduced to what discovery decides on; never opens anything.
struct FileStatus {
    enum Kind {
        case regular, directory, symlink, fifo, socket, characterDevice, blockDevice, other

        init(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFREG: self = .regular
            case S_IFDIR: self = .directory
            case S_IFLNK: self = .symlink
            case S_IFIFO: self = .fifo
            case S_IFSOCK: self = .socket
            case S_IFCHR: self = .characterDevice
            case S_IFBLK: self = .blockDevice
            default: self = .other
            }
        }

        var label: BilingualText {
            switch self {
            case .regular: BilingualText(th: "ไฟล์ธรรมดา", en: "a regular file")
            case .directory: BilingualText(th: "โฟลเดอร์", en: "a folder")
            case .symlink: BilingualText(th: "ลิงก์", en: "a symbolic link")
            case .fifo: BilingualText(th: "ท่อส่งข้อมูล (FIFO)", en: "a FIFO (named pipe)")
            case .socket: BilingualText(th: "ซ็อกเก็ต", en: "a socket")
            case .characterDevice, .blockDevice: BilingualText(th: "อุปกรณ์ของระบบ", en: "a device")
            case .other: BilingualText(th: "สิ่งที่ไม่ใช่ไฟล์", en: "not a file")
            }
        }
    }

    struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    var kind: Kind
    var identity: Identity

    /// Does not follow a symlink: describes the link itself.
    static func ofLink(_ path: String) -> FileStatus? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return FileStatus(info)
    }

    /// Follows symlinks; on failure `errno` says why (ELOOP for a loop).
    static func of(_ path: String) -> FileStatus? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStatus(info)
    }

    private init(_ info: stat) {
        kind = Kind(mode: info.st_mode)
        identity = Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}

extension SubmissionImporter {
    /// Imports every `*.csv` (any case) under `root/submissions/`, at any depth, and lists what was skipped and
    /// which folders could not be read (see `SubmissionDiscovery`).
    public func importInputs(root: URL) throws -> ImportResult {
        let found = try SubmissionDiscovery.discover(root: root)
        var result = importFiles(found.files)
        result.merge(found)
        return result
    }
}
