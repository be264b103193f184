import Foundation
import Testing
@testable import XlsxWriter

/// An Excel date has no time zone: the workbook writes the wall-clock time of the zone its caller gives
/// (`Workbook.Options.timeZone`), UTC when none is given, whatever the machine's `TZ`.
@Suite struct DateTimeZoneTests {
    /// 2022-02-28 20:30 UTC: already 1 March 03:30 at UTC+7, so the zone decides even the day.
    static let instant = Date(timeIntervalSince1970: 1_646_080_200)

    func writtenDate(options: Workbook.Options) throws -> JSONValue? {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("dates.xlsx")
        let book = try Workbook(path: url.path, options: options)
        let format = book.addFormat().numberFormat("yyyy-mm-dd hh:mm")
        try book.addWorksheet(name: "Dates").write(date: Self.instant, row: 0, col: 0, format: format)
        try book.close()
        return try XlsxReadBack.read(url).sheet["Dates"]?.cells["A1"]?.value
    }

    @Test func datesAreWrittenInUTCUnlessTheCallerGivesAZone() throws {
        #expect(try writtenDate(options: .init()) == .string("2022-02-28T20:30:00"))
        let plusSeven = try #require(TimeZone(secondsFromGMT: 7 * 3600))
        #expect(try writtenDate(options: .init(timeZone: plusSeven)) == .string("2022-03-01T03:30:00"))
    }
}
