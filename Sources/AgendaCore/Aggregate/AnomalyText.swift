import Foundation

extension Anomaly {
    /// How far from the expected value, in words a reader checks at a glance: "×9.9" or "×12" when higher, "1/4.2"
    /// or "1/100" when lower (one decimal below 10); nil when nothing (0) was expected.
    public var factorText: String? {
        guard let f = factor, f > 0 else { return nil }
        func text(_ x: Double) -> String { NumberText.decimal(x, decimals: x < 9.95 ? 1 : 0) }
        return f >= 1 ? "×" + text(f) : "1/" + text(1 / f)
    }

    /// Why the value was flagged, in Thai and English: how far from what was expected, against what, and (for a
    /// district total) which sub-area accounts for most of the gap. `decimals` are the indicator's.
    public func reason(decimals: Int) -> BilingualText {
        let expectedText = NumberText.decimal(expected, decimals: decimals)
        var th: String
        var en: String
        if let f = factor, f > 0, let text = factorText {
            if f >= 1 {
                th = "สูงกว่าที่คาด \(text) (คาดไว้ราว \(expectedText))"
                en = "\(text) the expected \(expectedText)"
            } else {
                th = "ต่ำกว่าที่คาด เหลือ \(text) (คาดไว้ราว \(expectedText))"
                en = "\(text) of the expected \(expectedText)"
            }
        } else {
            th = "คาดไว้ราว 0"
            en = "expected about 0"
        }
        let peers = area.isEmpty
            ? BilingualText(th: "อำเภออื่นเดือนเดียวกัน", en: "other districts' same month")
            : BilingualText(th: "พื้นที่อื่นเดือนเดียวกัน", en: "other areas' same month")
        let against = checks.map { check -> BilingualText in
            switch check {
            case .peers: peers
            case .previousMonth: BilingualText(th: "เดือนก่อน", en: "the previous month")
            case .sameMonthLastYear: BilingualText(th: "เดือนเดียวกันปีก่อน", en: "the same month last year")
            }
        }
        th += " เทียบกับ" + against.map(\.th).joined(separator: ", ")
        en += ", against " + against.map(\.en).joined(separator: ", ")
        if let hint = slipHint {
            th += "; " + hint.th
            en += "; " + hint.en
        }
        if let part = dominantArea, let partValue = dominantAreaValue {
            let v = NumberText.decimal(partValue, decimals: decimals)
            th += "; ส่วนใหญ่จาก \(part) (\(v))"
            en += "; mostly from \(part) (\(v))"
        }
        return BilingualText(th: th, en: en)
    }

    /// A likely cause when the factor is near a power of ten (within ×1.5): a slipped decimal point or a unit
    /// written in thousands.
    var slipHint: BilingualText? {
        guard let f = factor, f > 0 else { return nil }
        let power = (log10(f)).rounded()
        guard power != 0, abs(log10(f) - power) < log10(1.5) else { return nil }
        let n = NumberText.decimal(pow(10, abs(power)), decimals: 0)
        return f > 1
            ? BilingualText(th: "อาจพิมพ์เกิน \(n) เท่า (จุดทศนิยมหรือหน่วย)", en: "maybe typed \(n) times too large (decimal point or unit)")
            : BilingualText(th: "อาจพิมพ์ขาด \(n) เท่า (จุดทศนิยมหรือหน่วย)", en: "maybe typed \(n) times too small (decimal point or unit)")
    }
}

extension Report {
    /// The anomalies strongest first: by the absolute score, then in the report's order.
    /// Lazy: readers take the first few (the summary three, each workstream three), and copying every flag for
    /// each of them cost seconds when random village data flagged 400,000.
    public var anomaliesByStrength: LazyMapCollection<[Int], Anomaly> { strengthOrder.lazy.map { anomalies[$0] } }

    /// Positions in `anomalies` of the `n` strongest flags (all of them when there are fewer).
    public func strengthOrderPrefix(_ n: Int) -> ArraySlice<Int> { strengthOrder.prefix(n) }

    /// The order of `anomaliesByStrength`: by the absolute score, then in the report's order.
    static func strengthOrder(_ anomalies: [Anomaly]) -> [Int] {
        let scores = anomalies.map { abs($0.score) }
        return anomalies.indices.sorted { a, b in scores[a] != scores[b] ? scores[a] > scores[b] : a < b }
    }
}
