import CXlsxWriter

extension Worksheet {
    /// Starts a new printed page above each of these zero-based rows (Excel allows 1,023 breaks). Used to keep a
    /// block of charts from being cut in half by the page boundary.
    public func setPageBreaks(beforeRows rows: [Int]) throws {
        let context = "setting page breaks of sheet '\(name)'"
        _ = try workbook.openHandle(context)
        let sorted = Array(Set(rows.filter { $0 > 0 })).sorted()
        guard !sorted.isEmpty else { return }
        guard sorted.count <= 1_023 else {
            throw XlsxError(kind: .limitExceeded, message: "Excel allows 1,023 page breaks, got \(sorted.count)",
                            context: context)
        }
        for row in sorted { try checkCell(row: row, col: 0, context) }
        // The C list ends with a 0.
        var breaks = sorted.map { lxw_row_t($0) } + [0]
        try check(worksheet_set_h_pagebreaks(handle, &breaks), context)
    }
}
