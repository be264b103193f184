import Foundation

/// Copies `Tests/Fixtures/report/inputs` to a temporary folder and gives every file a fixed modification time,
/// because checkouts set arbitrary times and the report's as-of date and "later file wins" depend on them.
public enum ReportFixtureInputs {
    public static let source = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/report/inputs")

    /// Modification times: reference 1 Jan 2022, the first submission 5 Feb, its fix 8 Feb, 5602's 5 Mar.
    public static let times: [String: Date] = [
        "submissions/5601/2565-01_02.csv": Date(timeIntervalSince1970: 1_644_019_200),
        "submissions/5601/2565-01-fix.csv": Date(timeIntervalSince1970: 1_644_278_400),
        "submissions/5602/2565-02.csv": Date(timeIntervalSince1970: 1_646_438_400),
    ]
    public static let referenceTime = Date(timeIntervalSince1970: 1_640_995_200)

    public static func copy(into folder: URL) throws -> URL {
        let inputs = folder.appendingPathComponent("inputs")
        try FileManager.default.copyItem(at: source, to: inputs)
        let files = try FileManager.default.subpathsOfDirectory(atPath: inputs.path).filter { $0.hasSuffix(".csv") }
        for file in files {
            let time = times[file] ?? referenceTime
            try FileManager.default.setAttributes([.modificationDate: time],
                                                  ofItemAtPath: inputs.appendingPathComponent(file).path)
        }
        return inputs
    }

    /// Removes the one rejected row so the import is clean.
    public static func removeRejectedRow(in inputs: URL) throws {
        let url = inputs.appendingPathComponent("submissions/5601/2565-01_02.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        let kept = text.components(separatedBy: "\r\n").filter { !$0.contains(",abc,") }
        try kept.joined(separator: "\r\n").write(to: url, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: times["submissions/5601/2565-01_02.csv"]!],
                                              ofItemAtPath: url.path)
    }
}
