import CXlsxWriter
import Foundation
import Testing
@testable import XlsxWriter

/// libxlsxwriter 1.1.4 drops `<charset>` from styles.xml; `Workbook.close()` re-packs the file to add it. These
/// tests compare our output with the library's own (written through the C API directly) entry by entry.
@Suite struct FontCharsetTests {
    static let hasLibreOffice: Bool = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/soffice") }
    }()

    static let created = Date(timeIntervalSince1970: 1_643_241_600)  // 2022-01-27 00:00 UTC
    static let charset = "<charset val=\"222\"/>"

    /// A workbook with Thai-font formats, a charset on the default font name, an unstyled and an unused format.
    /// With `charsets: false` the same fonts without any charset.
    static func writeThaiBook(to url: URL, charsets: Bool = true) throws {
        let book = try Workbook(path: url.path)
        try book.setProperties(DocumentProperties(created: created))
        func thai(_ format: Format) -> Format {
            charsets ? format.thaiFont(name: "TH Sarabun New", size: 15)
                     : format.fontName("TH Sarabun New").fontSize(15).fontFamily(2)
        }
        let body = thai(book.addFormat())
        let bold = thai(book.addFormat()).bold()
        let plainBold = book.addFormat().bold()
        let calibriThai = charsets ? book.addFormat().fontCharset(222) : book.addFormat().italic()
        _ = thai(book.addFormat()).italic()  // never used: no xf index, no <font>
        let sheet = try book.addWorksheet(name: "ข้อมูล")
        try sheet.write(string: "อำเภอเมืองพะเยา", row: 0, col: 0, format: body)
        try sheet.write(number: 12.5, row: 0, col: 1, format: bold)
        try sheet.write(string: "total", row: 1, col: 0, format: plainBold)
        try sheet.write(string: "ค่า", row: 2, col: 0, format: calibriThai)
        try sheet.write(number: 42, row: 3, col: 0)
        try book.close()
    }

    /// The same workbook through the C API only: libxlsxwriter's own output, without our patch. With charsets
    /// it also asks for the xf indices of the charset formats first, in request order, as `close()` does.
    static func writeThaiBookWithLibraryOnly(to url: URL, charsets: Bool = true) throws {
        let book = try #require(workbook_new(url.path))
        var properties = lxw_doc_properties()
        properties.created = time_t(created.timeIntervalSince1970)
        #expect(workbook_set_properties(book, &properties) == LXW_NO_ERROR)
        func thai() -> UnsafeMutablePointer<lxw_format> {
            let format = workbook_add_format(book)!
            format_set_font_name(format, "TH Sarabun New")
            format_set_font_size(format, 15)
            if charsets { format_set_font_charset(format, 222) }
            format_set_font_family(format, 2)
            return format
        }
        let body = thai()
        let bold = thai()
        format_set_bold(bold)
        let plainBold = workbook_add_format(book)!
        format_set_bold(plainBold)
        let calibriThai = workbook_add_format(book)!
        if charsets { format_set_font_charset(calibriThai, 222) } else { format_set_italic(calibriThai) }
        format_set_italic(thai())
        let sheet = workbook_add_worksheet(book, "ข้อมูล")
        worksheet_write_string(sheet, 0, 0, "อำเภอเมืองพะเยา", body)
        worksheet_write_number(sheet, 0, 1, 12.5, bold)
        worksheet_write_string(sheet, 1, 0, "total", plainBold)
        worksheet_write_string(sheet, 2, 0, "ค่า", calibriThai)
        worksheet_write_number(sheet, 3, 0, 42, nil)
        if charsets { _ = [body, bold, calibriThai].map(lxw_format_get_xf_index) }
        #expect(workbook_close(book) == LXW_NO_ERROR)
    }

    @Test func thaiFontsGetCharset222AndTheFileStillReads() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("thai.xlsx")
        try Self.writeThaiBook(to: url)

        let facts = try ZipFacts.read(url)
        #expect(facts.testzip == nil, "CRC or header error in \(facts.testzip ?? "")")
        let styles = try #require(facts.styles)
        #expect(styles.components(separatedBy: Self.charset).count - 1 == 3)  // regular, bold, Calibri+charset
        #expect(styles.contains("<name val=\"TH Sarabun New\"/><family val=\"2\"/>\(Self.charset)</font>"))
        // Schema order: charset comes before scheme.
        #expect(styles.contains("<family val=\"2\"/>\(Self.charset)<scheme val=\"minor\"/>"))
        // The default font (the first one) is untouched.
        let firstFont = try #require(styles.range(of: "</font>"))
        #expect(!styles[..<firstFont.lowerBound].contains("charset"))

        let book = try XlsxReadBack.read(url)
        let sheet = try #require(book.sheet["ข้อมูล"])
        #expect(sheet.cells["A1"]?.value == .string("อำเภอเมืองพะเยา"))
        #expect(sheet.cells["A1"]?.font == "TH Sarabun New")
        #expect(sheet.cells["A1"]?.size == 15)
        #expect(sheet.cells["A1"]?.charset == 222)
        #expect(sheet.cells["B1"]?.value == .number(12.5))
        #expect(sheet.cells["B1"]?.bold == true)
        #expect(sheet.cells["B1"]?.charset == 222)
        #expect(sheet.cells["A2"]?.value == .string("total"))
        #expect(sheet.cells["A2"]?.charset == nil)
        #expect(sheet.cells["A3"]?.value == .string("ค่า"))
        #expect(sheet.cells["A3"]?.font == "Calibri")
        #expect(sheet.cells["A3"]?.charset == 222)
        #expect(sheet.cells["A4"]?.value == .number(42))
        #expect(sheet.cells["A4"]?.charset == nil)
    }

    /// Everything except styles.xml is the library's output byte for byte, in the same order with the same
    /// timestamps and flags; styles.xml differs only by the added `<charset>` elements.
    @Test func onlyTheCharsetDiffersFromTheLibraryOutput() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ours = folder.appendingPathComponent("ours.xlsx")
        let library = folder.appendingPathComponent("library.xlsx")
        try Self.writeThaiBook(to: ours)
        try Self.writeThaiBookWithLibraryOnly(to: library)
        let patched = try ZipFacts.read(ours)
        let original = try ZipFacts.read(library)
        #expect(patched.entries.map(\.name) == original.entries.map(\.name))
        for (new, old) in zip(patched.entries, original.entries) {
            #expect(new.dateTime == old.dateTime && new.flags == old.flags && new.method == old.method, "\(new.name)")
            if new.name != "xl/styles.xml" { #expect(new.sha256 == old.sha256, "\(new.name)") }
        }
        let originalStyles = try #require(original.styles)
        #expect(!originalStyles.contains("charset"), "the library now writes charsets itself")
        #expect(patched.styles?.contains(Self.charset) == true)
        #expect(patched.styles?.replacingOccurrences(of: Self.charset, with: "") == originalStyles)
    }

    @Test func workbookWithoutCharsetIsExactlyTheLibraryOutput() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ours = folder.appendingPathComponent("ours.xlsx")
        let library = folder.appendingPathComponent("library.xlsx")
        try Self.writeThaiBook(to: ours, charsets: false)
        try Self.writeThaiBookWithLibraryOnly(to: library, charsets: false)
        #expect(try Data(contentsOf: ours) == (try Data(contentsOf: library)))
    }

    @Test func patchedFilesAreByteIdenticalBetweenRuns() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("first.xlsx")
        let second = folder.appendingPathComponent("second.xlsx")
        try Self.writeThaiBook(to: first)
        try Self.writeThaiBook(to: second)
        let bytes = try Data(contentsOf: first)
        #expect(bytes == (try Data(contentsOf: second)))
        // Only the final file is left: the temporary file of the re-pack was renamed over it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["first.xlsx", "second.xlsx"])
    }

    /// LibreOffice opens the re-packed file (about 3 s with a private profile). LibreOffice is not a build or test
    /// dependency (`scripts/install-deps.sh --render` installs it for rendering), so this runs where it is present.
    @Test(.enabled(if: FontCharsetTests.hasLibreOffice, "LibreOffice (soffice) is not installed"))
    func libreOfficeConvertsThePatchedFile() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("thai.xlsx")
        try Self.writeThaiBook(to: url)
        _ = try runTool("soffice", ["-env:UserInstallation=file://\(folder.path)/profile", "--headless",
                                    "--convert-to", "pdf", "--outdir", folder.path, url.path])
        let pdf = try Data(contentsOf: folder.appendingPathComponent("thai.pdf"))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
    }

    /// Python writes data descriptors (flag bit 3) to a stream it cannot seek; those records are copied
    /// unchanged and the rewritten entry gets a plain header with its sizes.
    @Test func archivesWithDataDescriptorsAreRepacked() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("stream.zip")
        let script = """
            import sys, zipfile
            class Stream:
                def __init__(self, f): self.f = f
                def write(self, b): return self.f.write(b)
                def flush(self): self.f.flush()
            with open(sys.argv[1], "wb") as f, zipfile.ZipFile(Stream(f), "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("a.txt", "first " * 100)
                z.writestr("xl/styles.xml", "<fonts/>" * 50)
                z.writestr("z.txt", "last")
            """
        _ = try runTool("python3", ["-c", script, url.path])
        let before = try ZipFacts.read(url)
        #expect(before.entries.allSatisfy { $0.flags & 8 != 0 })
        let changed = try ZipRepacker.rewriteEntry(named: "xl/styles.xml", inArchiveAt: url.path) { $0 + Array("!".utf8) }
        #expect(changed)
        let after = try ZipFacts.read(url)
        #expect(after.testzip == nil)
        #expect(after.entries.map(\.name) == ["a.txt", "xl/styles.xml", "z.txt"])
        #expect(after.styles == String(repeating: "<fonts/>", count: 50) + "!")
        #expect(after.entries[0].sha256 == before.entries[0].sha256 && after.entries[2].sha256 == before.entries[2].sha256)
        #expect(after.entries.map { $0.flags & 8 } == [8, 0, 8])
    }

    @Test func brokenArchivesThrowInsteadOfBeingRewritten() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("not.xlsx")
        try Data("plain text, not a zip archive".utf8).write(to: url)
        #expect(throws: ZipRepackError.self) {
            try ZipRepacker.rewriteEntry(named: "xl/styles.xml", inArchiveAt: url.path) { $0 }
        }
        let book = folder.appendingPathComponent("book.xlsx")
        try Self.writeThaiBook(to: book)
        #expect(throws: ZipRepackError.self) {
            try ZipRepacker.rewriteEntry(named: "xl/missing.xml", inArchiveAt: book.path) { $0 }
        }
    }

    @Test func fontsThatAlreadyHaveACharsetAreLeftAlone() throws {
        let xml = Array("""
            <styleSheet><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
            <font><sz val="15"/><name val="TH Sarabun New"/><charset val="222"/></font></fonts>\
            <cellXfs count="2"><xf fontId="0"/><xf numFmtId="0" fontId="1" applyFont="1"/></cellXfs></styleSheet>
            """.utf8)
        #expect(try StylesCharsetPatch.patch(xml, charsetsByXfIndex: [1: 222]) == nil)
        let patched = try #require(try StylesCharsetPatch.patch(xml, charsetsByXfIndex: [0: 238]))
        #expect(String(decoding: patched, as: UTF8.self).contains("<name val=\"Calibri\"/><charset val=\"238\"/></font>"))
        #expect(throws: ZipRepackError.self) { try StylesCharsetPatch.patch(xml, charsetsByXfIndex: [2: 222]) }
    }
}

/// What Python's zipfile sees in an archive, decoded from `Tests/Fixtures/xlsx/zip_facts.py`'s JSON.
struct ZipFacts: Decodable {
    struct Entry: Decodable {
        let name: String
        let dateTime: [Int]
        let flags: Int
        let method: Int
        let sha256: String
    }
    let testzip: String?
    let entries: [Entry]
    let styles: String?

    static func read(_ url: URL) throws -> ZipFacts {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/xlsx/zip_facts.py")
        return try JSONDecoder().decode(ZipFacts.self, from: runTool("python3", [script.path, url.path]))
    }
}

/// Runs a program found on PATH and returns its standard output; a non-zero exit throws with its stderr.
func runTool(_ program: String, _ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program] + arguments
    let output = Pipe()
    let errors = FileManager.default.temporaryDirectory.appendingPathComponent("tool-\(UUID().uuidString).txt")
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errors) }
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: errors)
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw InspectorFailure(message: "\(program) exited \(process.terminationStatus): "
                               + ((try? String(contentsOf: errors, encoding: .utf8)) ?? ""))
    }
    return data
}
