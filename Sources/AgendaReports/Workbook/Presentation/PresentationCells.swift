import AgendaCore
import Foundation
import XlsxWriter

/// Writes presentation cells and remembers how wide each column must be, so a sheet's widths follow from what it
/// shows. Missing values are written as "–", never 0 and never an empty cell a reader could take for zero.
final class PresentationCells {
    let sheet: Worksheet
    let styles: PresentationStyles
    var widths: ColumnWidths
    /// First row of a sheet's chart-data block, once written (see `WorkstreamCharts`).
    var dataRow = 0
    /// Column widths are clamped to this range when applied (wider text must wrap).
    private(set) var widthRange: ClosedRange<Double> = 6...60

    /// Text written on a row, remembered so the row's height can be set once the column widths are known: neither
    /// Excel nor LibreOffice grows a row for a 15 pt Thai font or for wrapped text in a file written this way.
    private struct RowNeed {
        var row: Int
        var cols: ClosedRange<Int>
        var text: String
        var bold: Bool
        var sizeDelta: Double
        var wrap: Bool
    }
    private var needs: [RowNeed] = []
    /// Wrapped text merged down several rows: the rows together must be tall enough (see `mergeDown`).
    private var spanNeeds: [(rows: ClosedRange<Int>, need: RowNeed)] = []

    init(sheet: Worksheet, context: SheetContext) {
        self.sheet = sheet
        self.styles = context.styles.presentation
        self.widths = ColumnWidths(bodySize: context.options.bodySize)
    }

    /// Text; `fit` false for text allowed to overflow or wrap (titles, notes, wrapped definitions).
    func text(_ text: String, _ row: Int, _ col: Int, _ format: Format, fit: Bool = true, bold: Bool = false,
              sizeDelta: Double = 0, wrap: Bool = false) throws {
        try sheet.write(string: text, row: row, col: col, format: format)
        if fit { widths.fit(text, col: col, bold: bold, sizeDelta: sizeDelta) }
        needs.append(RowNeed(row: row, cols: col...col, text: text, bold: bold, sizeDelta: sizeDelta, wrap: wrap))
    }

    /// Merged cells holding `text`; the row grows to fit it when `wrap` is set (the format must wrap too).
    func merge(_ text: String, row: Int, cols: ClosedRange<Int>, _ format: Format, bold: Bool = false,
               sizeDelta: Double = 0, wrap: Bool = false) throws {
        try sheet.mergeRange(firstRow: row, firstCol: cols.lowerBound, lastRow: row, lastCol: cols.upperBound,
                             text: text, format: format)
        needs.append(RowNeed(row: row, cols: cols, text: text, bold: bold, sizeDelta: sizeDelta, wrap: wrap))
    }

    /// Wrapped `text` merged down `rows` of column `col` (a group label beside its rows); `finish` grows the last
    /// row when the rows' own heights leave too little room for it.
    func mergeDown(_ text: String, rows: ClosedRange<Int>, col: Int, _ format: Format, bold: Bool = false) throws {
        if rows.count == 1 {
            return try self.text(text, rows.lowerBound, col, format, fit: false, bold: bold, wrap: true)
        }
        try sheet.mergeRange(firstRow: rows.lowerBound, firstCol: col, lastRow: rows.upperBound, lastCol: col,
                             text: text, format: format)
        spanNeeds.append((rows, RowNeed(row: rows.upperBound, cols: col...col, text: text, bold: bold, sizeDelta: 0,
                                        wrap: true)))
    }

    /// A number or a short word on a body row: only makes sure the row is tall enough for the body font.
    private func noteBodyRow(_ row: Int, _ col: Int) {
        needs.append(RowNeed(row: row, cols: col...col, text: "0", bold: false, sizeDelta: 0, wrap: false))
    }

    /// A value with `decimals` places, or "–".
    func value(_ value: Double?, _ row: Int, _ col: Int, decimals: Int, province: Bool = false) throws {
        guard let value, value.isFinite else { return try dash(row, col, province: province) }
        try sheet.write(number: value, row: row, col: col, format: styles.number(decimals: decimals, province: province))
        widths.fit(number: value, decimals: decimals, col: col, bold: province)
        noteBodyRow(row, col)
    }

    /// A signed change, or "–".
    func change(_ value: Double?, _ row: Int, _ col: Int, decimals: Int, province: Bool = false) throws {
        guard let value, value.isFinite else { return try dash(row, col, province: province) }
        try sheet.write(number: value, row: row, col: col,
                        format: styles.signedNumber(decimals: decimals, province: province))
        widths.fit(number: value, decimals: decimals, col: col, bold: province, signed: true)
        noteBodyRow(row, col)
    }

    /// A percentage given as in `Fact.achievementPct` (87.5 means 87.5%), stored as the fraction 0.875 with the
    /// `0.0%` format so Excel treats it as a percentage; or "–".
    func percent(_ pct: Double?, _ row: Int, _ col: Int, province: Bool = false) throws {
        guard let pct, pct.isFinite else { return try dash(row, col, province: province) }
        try sheet.write(number: pct / 100, row: row, col: col, format: styles.percent(province: province))
        widths.fit(percentOf: pct / 100, col: col, bold: province)
        noteBodyRow(row, col)
    }

    /// The percentage of a fact's target (`Fact.achievementPct`); of a ceiling it reads "105.6% ของเพดาน". Or "–".
    func achievement(_ fact: Fact?, _ indicator: Indicator, _ row: Int, _ col: Int, province: Bool = false) throws {
        let kind = indicator.targetKind
        guard kind == .ceiling else { return try percent(fact?.achievementPct, row, col, province: province) }
        guard let pct = fact?.achievementPct, pct.isFinite else { return try dash(row, col, province: province) }
        try sheet.write(number: pct / 100, row: row, col: col, format: styles.percent(province: province, kind: kind))
        widths.fit(NumberText.percent(pct) + kind.percentSuffix.th, col: col, bold: province)
        noteBodyRow(row, col)
    }

    /// The status word in its colour, or "–".
    func status(_ status: Status?, _ row: Int, _ col: Int) throws {
        guard let status else { return try dash(row, col) }
        try text(status.text.th, row, col, styles.status(status), bold: true)
    }

    /// A fact's status in its indicator's words ("เกินเพดาน" for a ceiling exceeded), in its colour, or "–".
    func status(_ fact: Fact?, _ indicator: Indicator, _ row: Int, _ col: Int) throws {
        guard let fact, let status = fact.status, let words = fact.statusText(indicator) else {
            return try dash(row, col)
        }
        try text(words.th, row, col, styles.status(status), bold: true)
    }

    func dash(_ row: Int, _ col: Int, province: Bool = false) throws {
        try sheet.write(string: NumberText.blank, row: row, col: col, format: styles.missing(province: province))
        noteBodyRow(row, col)
    }

    /// An empty bordered cell (table cells without content), keeping the row at body height.
    func blank(_ row: Int, _ col: Int, _ format: Format) throws {
        try sheet.writeBlank(row: row, col: col, format: format)
        noteBodyRow(row, col)
    }

    /// A heading row with `labels` (Thai, line break, English) in the header style. With `fit` false long
    /// headings wrap within the columns as the other rows size them (at least `wrapWidth`) instead of widening them.
    func headerRow(_ labels: [BilingualText], row: Int, firstCol: Int = 0, fit: Bool = true, wrapWidth: Double = 14)
        throws {
        for (i, label) in labels.enumerated() {
            let text = label.en.isEmpty ? label.th : "\(label.th)\n\(label.en)"
            let col = firstCol + i
            let fitThis = fit || i == 0
            try self.text(text, row, col, styles.header, fit: fitThis, bold: true, wrap: true)
            if !fitThis { widths.atLeast(wrapWidth, col: col) }
        }
    }

    /// The width column `col` will have once `finish` applies the widths.
    func finalWidth(_ col: Int) -> Double {
        let measured = widths.width(col)
        return measured == 0 ? 8.43 : min(max(measured, widthRange.lowerBound), widthRange.upperBound)
    }

    /// Sets the column widths (clamped to `minimum…maximum`) and then every written row's height from its
    /// tallest text at those widths.
    func finish(minimum: Double = 6, maximum: Double = 60) throws {
        widthRange = minimum...maximum
        try widths.apply(to: sheet, minimum: minimum, maximum: maximum)
        var heights: [Int: Double] = [:]
        for need in needs {
            let lines: Int
            if need.wrap {
                let width = need.cols.reduce(0.0) { $0 + finalWidth($1) }
                lines = widths.lines(need.text, width: width, bold: need.bold, sizeDelta: need.sizeDelta)
            } else {
                lines = need.text.split(separator: "\n", omittingEmptySubsequences: false).count
            }
            heights[need.row] = max(heights[need.row] ?? 0, widths.rowHeight(lines: lines, sizeDelta: need.sizeDelta))
        }
        for (rows, need) in spanNeeds {
            let lines = widths.lines(need.text, width: finalWidth(need.cols.lowerBound), bold: need.bold)
            let available = rows.reduce(0.0) { $0 + (heights[$1] ?? widths.rowHeight(lines: 1)) }
            let wanted = widths.rowHeight(lines: lines)
            if wanted > available { heights[rows.upperBound, default: widths.rowHeight(lines: 1)] += wanted - available }
        }
        for row in heights.keys.sorted() {
            try sheet.setRow(row, height: heights[row])
        }
    }
}

/// Plain-language names of the rules, shared by the sheets and the guide.
enum PresentationText {
    static func aggregation(_ indicator: Indicator, reference: ReferenceData) -> BilingualText {
        switch indicator.aggregation {
        case .sum:
            BilingualText(th: "ผลรวมของทุกเดือนและทุกอำเภอ", en: "Sum over months and districts")
        case .last:
            BilingualText(th: "ค่าเดือนล่าสุดที่รายงานของแต่ละอำเภอ แล้วรวมทุกอำเภอ (ไม่บวกข้ามเดือน)",
                          en: "Latest reported month of each district, summed over districts (never over months)")
        case .mean:
            BilingualText(th: "ค่าเฉลี่ยของทุกค่าที่รายงาน", en: "Mean of all reported values")
        case .ratio:
            {
                let n = indicator.numeratorID.flatMap { reference.indicator($0) }
                let d = indicator.denominatorID.flatMap { reference.indicator($0) }
                let nTH = n?.nameTH ?? indicator.numeratorID ?? "?", nEN = n?.nameEN ?? indicator.numeratorID ?? "?"
                let dTH = d?.nameTH ?? indicator.denominatorID ?? "?", dEN = d?.nameEN ?? indicator.denominatorID ?? "?"
                return BilingualText(
                    th: "100 × \(nTH) ÷ \(dTH) คำนวณจากยอดรวมของแต่ละส่วน (ไม่เฉลี่ยร้อยละ)",
                    en: "100 × \(nEN) ÷ \(dEN), each part aggregated first (never an average of percentages)")
            }()
        }
    }

    static func direction(_ direction: Direction) -> BilingualText {
        switch direction {
        case .higher: BilingualText(th: "ยิ่งมากยิ่งดี", en: "Higher is better")
        case .lower: BilingualText(th: "ยิ่งน้อยยิ่งดี", en: "Lower is better")
        }
    }

    /// What each status word means, in the order the guide lists them: the plain words, then a ceiling's.
    static let statusLegend: [(words: BilingualText, status: Status, meaning: BilingualText)] = [
        (Status.achieved.text, .achieved, BilingualText(
            th: "ผลงานถึงเป้าหมายทั้งปีแล้ว",
            en: "The annual target is reached")),
        (Status.onTrack.text, .onTrack, BilingualText(
            th: "ปีงบประมาณยังไม่สิ้นสุด: ยังไม่ถึงเป้าหมายทั้งปี แต่ถึงส่วนที่ควรได้ ณ เวลานี้ (ตัวชี้วัดแบบผลรวม: เป้าหมาย × เดือนที่ผ่านไป ÷ 12); "
                + "ตัวชี้วัดที่ยิ่งน้อยยิ่งดี: ไม่เกินส่วนของเพดาน ณ เวลานี้",
            en: "The year is still running: not yet the annual target, but the share due by now (sum indicators: "
                + "target × months elapsed ÷ 12); lower-is-better: within the share of the ceiling due by now")),
        (Status.behind.text, .behind, BilingualText(
            th: "ปีงบประมาณยังไม่สิ้นสุด: ต่ำกว่าส่วนของเป้าหมายที่ควรได้ ณ เวลานี้",
            en: "The year is still running: below the share of the target due by now")),
        (Status.notAchieved.text, .notAchieved, BilingualText(
            th: "ปีงบประมาณสิ้นสุดแล้ว และผลงานไม่ถึงเป้าหมายทั้งปี",
            en: "The fiscal year is over and the annual target was not reached")),
        (TargetKind.ceiling.statusText(.achieved), .achieved, BilingualText(
            th: "ตัวชี้วัดที่ยิ่งน้อยยิ่งดี (เป้าหมายเป็นเพดาน): ปีงบประมาณสิ้นสุดแล้ว และผลงานไม่เกินเพดาน",
            en: "Lower-is-better indicators (the target is a ceiling): the year is over and the value stayed within it")),
        (TargetKind.ceiling.statusText(.behind), .behind, BilingualText(
            th: "ยิ่งน้อยยิ่งดี: ปีงบประมาณยังไม่สิ้นสุด และผลงานเกินส่วนของเพดาน ณ เวลานี้ (ใช้เพดานเร็วกว่าเดือนที่ผ่านไป)",
            en: "Lower-is-better: the year is still running and the value is above the share of the ceiling due by now")),
        (TargetKind.ceiling.statusText(.notAchieved), .notAchieved, BilingualText(
            th: "ยิ่งน้อยยิ่งดี: ผลงานเกินเพดานทั้งปีแล้ว (หรือปีงบประมาณสิ้นสุดโดยเกินเพดาน)",
            en: "Lower-is-better: the value is above the annual ceiling (during the year, or at its end)")),
    ]

    /// How the percentage column reads, for the guide and the sheets' notes.
    static let ceilingNote = BilingualText(
        th: "ร้อยละของเป้า = ผลงาน ÷ เป้าหมาย ตัวชี้วัดที่ยิ่งน้อยยิ่งดีมีเป้าหมายเป็นเพดาน จึงแสดงเป็นร้อยละของเพดาน (เช่น \"105.6% ของเพดาน\" = เกินเพดาน 5.6%) ไม่ใช่ความก้าวหน้า",
        en: "% of target = value ÷ target. A lower-is-better indicator's target is a ceiling, shown as the share of "
            + "it used (\"105.6% of ceiling\" = 5.6% over it), never as progress")
}
