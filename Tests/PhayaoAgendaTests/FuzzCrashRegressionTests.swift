import Foundation
import Testing

/// Replays every input in `Tests/Fixtures/fuzz-crashes` through the fuzz harness (`AgendaFuzz` built without
/// libFuzzer runs the files it is given through the same entry point and invariants). Each once crashed it or
/// broke an invariant; it must now pass.
@Suite struct FuzzCrashRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-crashes")
    static let inputs = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { !$0.hasSuffix(".md") }.sorted()

    @Test(arguments: inputs)
    func replay(name: String) throws {
        let harness = ProcessRunner.executable.deletingLastPathComponent().appendingPathComponent("AgendaFuzz")
        try #require(FileManager.default.isExecutableFile(atPath: harness.path), "swift build builds AgendaFuzz")
        let run = try ProcessRunner.started(executable: harness, [Self.folder.appendingPathComponent(name).path])
            .finish(timeout: 10)
        #expect(run.status == 0 && run.signal == nil && !run.timedOut, "\(name): \(run.stderr.prefix(500))")
    }
}
