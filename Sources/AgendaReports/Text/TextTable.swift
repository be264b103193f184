/// A block of monospaced lines whose table rows share column widths measured by `DisplayWidth`.
///
/// Free-text lines (workstream titles, notes) may sit between the rows without taking part in the width
/// computation, so one table can run through several headed groups and still keep every column aligned.
public struct TextTable: Sendable {
    public enum Row: Sendable {
        case cells([String])
        case text(String)
    }

    public var alignments: [ColumnAlignment]
    /// Put before every table row.
    public var indent: String
    /// Between two columns.
    public var gap: String
    public private(set) var rows: [Row] = []

    public init(alignments: [ColumnAlignment], indent: String = "", gap: String = "  ") {
        self.alignments = alignments
        self.indent = indent
        self.gap = gap
    }

    public mutating func add(_ cells: [String]) {
        precondition(cells.count == alignments.count, "row has \(cells.count) cells, table \(alignments.count) columns")
        rows.append(.cells(cells))
    }

    public mutating func addText(_ line: String) { rows.append(.text(line)) }

    /// Column widths: the widest cell of each column.
    public var widths: [Int] {
        var widths = Array(repeating: 0, count: alignments.count)
        for case .cells(let cells) in rows {
            for (i, cell) in cells.enumerated() { widths[i] = max(widths[i], cell.displayWidth) }
        }
        return widths
    }

    /// The lines, trailing spaces removed (chat apps and diff tools show them as noise).
    public func lines() -> [String] {
        let widths = self.widths
        return rows.map { row in
            switch row {
            case .text(let line):
                return line
            case .cells(let cells):
                let padded = cells.enumerated().map { i, cell in cell.padded(to: widths[i], alignment: alignments[i]) }
                return String((indent + padded.joined(separator: gap)).trimmingTrailingSpaces())
            }
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex {
            let before = index(before: end)
            guard self[before] == " " else { break }
            end = before
        }
        return self[startIndex..<end]
    }
}
