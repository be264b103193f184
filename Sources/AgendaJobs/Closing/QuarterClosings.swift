import AgendaCore
import Foundation

/// One closing of a quarter: `<out>/closed/FY2565-Q2/<n>/`, holding the quarter's workbook and summary as they were
/// signed off, `manifest.csv` and read-only copies of every input under `inputs/`. A reopened quarter keeps every
/// earlier closing (`1/`, `2/`, …); the highest number is the one in force.
public struct QuarterClosing: Sendable {
    public var quarter: FiscalQuarter
    public var number: Int
    public var folder: URL
    public var manifest: ClosingManifest

    public static let manifestName = "manifest.csv"
    public static let inputsFolderName = "inputs"

    public var inputsFolder: URL { folder.appendingPathComponent(Self.inputsFolderName, isDirectory: true) }
}

/// Finds the closings under an output folder.
public enum QuarterClosings {
    public static let folderName = "closed"

    public static func root(output: URL) -> URL { output.appendingPathComponent(folderName, isDirectory: true) }

    public static func quarterFolder(_ quarter: FiscalQuarter, output: URL) -> URL {
        root(output: output).appendingPathComponent(quarter.label, isDirectory: true)
    }

    /// The numbers of the quarter's closings, ascending (`1`, `2`, … folders; anything else is ignored).
    static func numbers(_ quarter: FiscalQuarter, output: URL) -> [Int] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: quarterFolder(quarter, output: output).path)) ?? []
        return names.compactMap { name in
            guard let n = Int(name), n > 0, String(n) == name else { return nil }
            return n
        }.sorted()
    }

    /// The closing in force for `quarter`, nil when it was never closed. Throws `ReportJobFailure` when its
    /// manifest is missing or damaged: a closed quarter is never treated as open because its record broke.
    public static func current(_ quarter: FiscalQuarter, output: URL) throws -> QuarterClosing? {
        guard let number = numbers(quarter, output: output).last else { return nil }
        return try load(quarter, number: number, output: output)
    }

    static func load(_ quarter: FiscalQuarter, number: Int, output: URL) throws -> QuarterClosing {
        let folder = quarterFolder(quarter, output: output).appendingPathComponent(String(number), isDirectory: true)
        let url = folder.appendingPathComponent(QuarterClosing.manifestName)
        do {
            let manifest = try ClosingManifest.parse(Array(try Data(contentsOf: url)))
            guard manifest.quarter == quarter else {
                throw ClosingManifestError(line: 0, reason: "it records \(manifest.quarter.label), not \(quarter.label)")
            }
            return QuarterClosing(quarter: quarter, number: number, folder: folder, manifest: manifest)
        } catch {
            throw ReportJobFailure(BilingualText(
                th: "บันทึกการปิดไตรมาส \(url.path) อ่านไม่ได้หรือเสียหาย: \(error)",
                en: "The closing record \(url.path) cannot be read or is damaged: \(error)"))
        }
    }

    /// Every quarter with a closing in force, in quarter order.
    public static func all(output: URL) throws -> [QuarterClosing] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root(output: output).path)) ?? []
        return try names.compactMap { name in FiscalQuarter(label: name).flatMap { $0.label == name ? $0 : nil } }.sorted()
            .compactMap { try current($0, output: output) }
    }
}
