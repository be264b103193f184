import Foundation

/// The committed sample inputs (`Inputs/`: nine districts, FY2565, with their deliberate mistakes) copied aside,
/// with the "sent" dates the generator restores (git keeps no modification times).
public enum SampleInputs {
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Copies `Inputs/` to `root/Inputs` and runs `generate_samples.py --touch` on the copy.
    public static func copy(into root: URL) throws -> URL {
        let inputs = root.appendingPathComponent("Inputs")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Inputs"), to: inputs)
        let touch = Process()
        touch.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        touch.arguments = ["python3", inputs.appendingPathComponent("generate_samples.py").path, "--touch"]
        touch.standardOutput = FileHandle.nullDevice
        try touch.run()
        touch.waitUntilExit()
        guard touch.terminationStatus == 0 else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: inputs.path])
        }
        return inputs
    }
}
