import AgendaCore
import AgendaJobs
import AgendaReports
import ArgumentParser
import Foundation

/// `phayao-agenda template`: the fill-in file a district clerk starts from, so the district code, the months and
/// the indicator ids are never typed by hand.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Writes a district's fill-in submission template for one fiscal year.",
        discussion: """
            The template has the submission header and one row per submittable indicator and month of the fiscal \
            year (October to September), with the district and period filled in, the value empty and the \
            indicator's Thai name and unit in the note column. An empty value means "not reported", so a partly \
            filled template still validates clean.

            --format csv (default) writes UTF-8 with a byte-order mark and CRLF line ends, which Thai Excel opens \
            correctly. --format xlsx writes a workbook with the header, district and period locked, a drop-down of \
            indicator ids and number validation on value; the clerk fills it and saves the submission sheet as \
            "CSV UTF-8".

            An existing file is never replaced unless --force is given (it may be a template already filled in); \
            with --force it is replaced atomically: a failed run never leaves half a template under the final name.
            Reference text that Excel would run as a formula (starting with = + - @) gets a leading apostrophe in \
            the CSV.

            Exit codes: 0 written; 1 the file already exists (without --force), the reference data could not be \
            read or the file could not be written; \
            64 bad usage, including a district code that is not a district in <inputs>/reference/areas.csv.
            """)

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
        case csv, xlsx
    }

    @Option(help: "District code, four digits, e.g. 5601.")
    var district: String

    @Option(help: "Fiscal year in Buddhist Era, e.g. 2565 (1 October 2564 to 30 September 2565).")
    var year: Int

    @Option(help: "File type: csv or xlsx.")
    var format: OutputFormat = .csv

    @Option(help: "Output file (default: template-<district>-FY<year>.<format> in the current folder).")
    var out: String?

    @Option(help: "Inputs folder holding reference/areas.csv and reference/indicators.csv.")
    var inputs: String = "Inputs"

    @Option(help: "Font for the xlsx template (TH Sarabun New or TH Sarabun PSK).")
    var font: String = "TH Sarabun New"

    @Flag(help: "Replace the output file if it already exists (it may be a template a clerk has filled in).")
    var force = false

    /// Flags only: whether the district exists needs the reference data, which `run()` reads.
    func validate() throws {
        guard district.count == 4, district.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else {
            throw ValidationError("--district must be four digits, e.g. 5601 (got '\(district)')")
        }
        let years = BuddhistEra.plausibleYears
        guard years.contains(year) else {
            let hint = BuddhistEra.plausibleChristianYears.contains(year)
                ? "; \(year) looks like a Christian year: use \(year + BuddhistEra.offset)" : ""
            throw ValidationError("--year is a Buddhist Era fiscal year from \(years.lowerBound) to \(years.upperBound), e.g. 2565 (got \(year)\(hint))")
        }
    }

    var outputURL: URL {
        URL(fileURLWithPath: out ?? "template-\(district)-FY\(year).\(format.rawValue)")
    }

    func run() throws {
        let referenceFolder = URL(fileURLWithPath: inputs).appendingPathComponent("reference", isDirectory: true)
        let reference: ReferenceData
        do {
            reference = try ReferenceFolder.load(referenceFolder)
        } catch {
            Self.printError("phayao-agenda template: cannot read reference data in \(referenceFolder.path): \(error)")
            throw ExitCode.failure
        }
        guard reference.district(district) != nil else {
            let known = reference.districts.map(\.code).joined(separator: ", ")
            throw ValidationError(
                "อำเภอรหัส \(district) ไม่มีใน areas.csv / district \(district) is not in "
                    + "\(referenceFolder.appendingPathComponent("areas.csv").path) (known: \(known))")
        }

        let template = SubmissionTemplate(reference: reference, districtCode: district, fiscalYear: year)
        let url = outputURL
        // A template with the same name is often one the clerk has already filled in: never replace it silently.
        // (lstat, so a dangling symlink under that name counts as existing too.)
        var existing = stat()
        if !force, lstat(url.path, &existing) == 0 {
            Self.printError("""
                phayao-agenda template: มีไฟล์ \(url.path) อยู่แล้ว (อาจเป็นแบบฟอร์มที่กรอกข้อมูลไว้) ไม่ได้เขียนทับ \
                ใช้ --force ถ้าต้องการแทนที่ หรือ --out เพื่อใช้ชื่ออื่น
                phayao-agenda template: \(url.path) already exists (it may be filled in); not replaced. \
                Pass --force to replace it, or --out for another name.
                """)
            throw ExitCode.failure
        }
        do {
            switch format {
            case .csv:
                try AtomicFile.write(template.csvData(), to: url)
            case .xlsx:
                let writer = TemplateWorkbook(options: WorkbookOptions(fontName: font))
                try AtomicFile.write(to: url) { temporary in
                    try writer.write(template, to: temporary)
                }
            }
        } catch {
            Self.printError("phayao-agenda template: cannot write \(url.path): \(error)")
            throw ExitCode.failure
        }
        print("\(url.path): \(template.rows.count) rows (\(template.rows.count / 12) indicators × 12 months), "
              + "district \(district), FY\(year)")
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
