import AgendaCore
import Foundation

/// libFuzzer harness for the submission reader and row checker (with `PHAYAO_FUZZ_MODE=reference`, the reference
/// loader; with `PHAYAO_FUZZ_MODE=manifest`, a closing's manifest). `scripts/fuzz.sh` builds it with `-DFUZZING -sanitize=fuzzer,address`; `main` then starts
/// libFuzzer's driver, which calls `LLVMFuzzerTestOneInput`. In a normal build the target still compiles, and its
/// `main` runs the files named as arguments through the same entry point: how a saved crash is reproduced.
///
/// Besides "no crash", every input must keep the import's bookkeeping: for every source file, rows read =
/// accepted + superseded + rejected + blank; the accepted and superseded counts of the sources add up to the
/// values returned; every accepted value is a finite number ≥ 0. A broken invariant aborts, which libFuzzer
/// reports as a crash with the input saved.
enum FuzzHarness {
    /// The sample reference tables (`Inputs/reference`), or the folder in `PHAYAO_FUZZ_REFERENCE`.
    static let referenceFolder: URL = {
        if let path = ProcessInfo.processInfo.environment["PHAYAO_FUZZ_REFERENCE"] {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Inputs/reference", isDirectory: true)
    }()

    /// The sample tables' bytes, read once.
    static let referenceTables: ReferenceTables = {
        var bytes: [String: [UInt8]] = [:]
        for name in ReferenceTables.fileNames {
            bytes[name] = FileManager.default.contents(atPath: referenceFolder.appendingPathComponent(name).path).map(Array.init)
        }
        return ReferenceTables(bytes: bytes, location: referenceFolder.path)
    }()

    /// Loaded once: the harness measures the importer, not the reference loader.
    static let reference: ReferenceData = {
        do { return try ReferenceLoader.load(referenceTables) } catch {
            fatalError("cannot load the reference tables in \(referenceFolder.path): \(error)")
        }
    }()

    static let mode = ProcessInfo.processInfo.environment["PHAYAO_FUZZ_MODE"] ?? "submissions"

    static func run(_ bytes: UnsafeRawBufferPointer) {
        switch mode {
        case "reference": runReference(bytes)
        case "manifest": runManifest(bytes)
        default: runSubmissions(bytes)
        }
    }

    /// A closing's `manifest.csv` as a coordinator might have edited it: never a crash, and whatever parses writes
    /// back to a manifest that parses to the same thing.
    static func runManifest(_ bytes: UnsafeRawBufferPointer) {
        guard let manifest = try? ClosingManifest.parse(Array(bytes)) else { return }
        guard let again = try? ClosingManifest.parse(manifest.csv()) else { fail("a parsed manifest did not parse back") }
        if again != manifest { fail("a manifest changed on its way through csv(): \(manifest) → \(again)") }
    }

    /// The input as one file, or (first byte ≥ 0x80) as two files split at a point chosen by the first byte,
    /// the second one modified later: its keys supersede the first's.
    static func runSubmissions(_ bytes: UnsafeRawBufferPointer) {
        guard let first = bytes.first else { return }
        let rest = UnsafeRawBufferPointer(rebasing: bytes.dropFirst())
        var parts = [rest]
        if first >= 0x80 {
            let split = Int(first & 0x7F) * rest.count / 0x7F
            parts = [UnsafeRawBufferPointer(rebasing: rest[..<(rest.startIndex + split)]),
                     UnsafeRawBufferPointer(rebasing: rest[(rest.startIndex + split)...])]
        }
        // In memory: the importer reads whatever `SubmissionFile.open` gives it, so no file is written per input.
        let files = parts.enumerated().map { index, part in
            SubmissionFile(bytes: Array(part), displayPath: "submissions/part\(index).csv",
                           modified: Date(timeIntervalSince1970: 1_640_000_000 + Double(index) * 86_400))
        }
        var importer = SubmissionImporter(reference: reference)
        importer.chunkSize = 64  // small chunks so records and multibyte characters straddle chunk borders
        check(importer.importFiles(files))
    }

    static func check(_ result: ImportResult) {
        for source in result.sources where !source.isBalanced {
            fail("\(source.path): rows read \(source.rowsRead) ≠ accepted \(source.accepted) + superseded "
                 + "\(source.superseded) + rejected \(source.rejected) + blank \(source.blank)")
        }
        let accepted = result.sources.reduce(0) { $0 + $1.accepted }
        if accepted != result.accepted.count {
            fail("sources accepted \(accepted) values, the result holds \(result.accepted.count)")
        }
        let superseded = result.sources.reduce(0) { $0 + $1.superseded }
        if superseded != result.superseded.count {
            fail("sources superseded \(superseded) values, the result holds \(result.superseded.count)")
        }
        for value in result.accepted where !value.value.isFinite || value.value < 0 {
            fail("accepted value \(value.value) for \(value.key)")
        }
    }

    /// The input as `indicators.csv` (even first byte) or `targets.csv` (odd), beside the sample's other tables.
    /// Loading may throw; it must not crash.
    static func runReference(_ bytes: UnsafeRawBufferPointer) {
        guard let first = bytes.first else { return }
        var tables = referenceTables
        tables.bytes[first & 1 == 0 ? "indicators.csv" : "targets.csv"] = Array(bytes.dropFirst())
        _ = try? ReferenceLoader.load(tables)
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("invariant broken: \(message)\n".utf8))
        abort()
    }
}

/// libFuzzer's entry point.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzHarness.run(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}

#if FUZZING
/// libFuzzer's driver, linked in by `-sanitize=fuzzer`. It is called from this target's own `main` because
/// SwiftPM links an executable's entry point under its module name (`AgendaFuzz_main`), not as libFuzzer's `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif

/// With libFuzzer (`-DFUZZING`): hands the command line to the fuzzing driver. Without: runs each file named on
/// the command line once, e.g. a crash saved by `scripts/fuzz.sh`.
@main
struct AgendaFuzzMain {
    static func main() throws {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
        #else
        let paths = CommandLine.arguments.dropFirst()
        if paths.isEmpty {
            print("usage: AgendaFuzz FILE...   (PHAYAO_FUZZ_MODE=reference for the reference loader)")
        }
        for path in paths {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            data.withUnsafeBytes { FuzzHarness.run($0) }
            print("ok \(path)")
        }
        #endif
    }
}
