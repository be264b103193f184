import Foundation

/// Numbers as the summary and the workbook show them: `1,234,567.5`, `87.5%`, `+12`, and `–` for no value.
///
/// Built by hand instead of with `NumberFormatter` so the output never depends on the machine's locale (a Thai or
/// German locale would change separators, and a cron job's `LANG=C` would drop them). Grouping is always `,` and the
/// decimal point always `.`, as Thai government tables print them.
public enum NumberText {
    /// What a missing value shows as: an en dash, never `0`, because "not reported" is not zero.
    public static let blank = "–"

    /// `1,234.50` for `decimals: 2`; `blank` for nil, NaN or infinity.
    public static func decimal(_ value: Double?, decimals: Int, grouping: Bool = true) -> String {
        guard let value, value.isFinite else { return blank }
        precondition(decimals >= 0 && decimals <= 15, "decimals \(decimals) outside 0…15")
        var text = rounded(value, decimals: decimals)
        var negative = false
        if text.hasPrefix("-") {
            negative = true
            text.removeFirst()
        }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integerPart = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        // `-0.0` and values that round to zero print without a sign.
        if negative && !text.contains(where: { $0 >= "1" && $0 <= "9" }) { negative = false }
        var result = grouping ? grouped(integerPart) : integerPart
        if !fraction.isEmpty { result += "." + fraction }
        return negative ? "-" + result : result
    }

    /// `87.5%` from `87.5` (the value is already a percentage, as `Fact.achievementPct` is); `blank` for nil.
    public static func percent(_ value: Double?, decimals: Int = 1) -> String {
        guard let value, value.isFinite else { return blank }
        return decimal(value, decimals: decimals) + "%"
    }

    /// `+1,234`, `-56`, `0`: a change, with its sign always written; `blank` for nil.
    public static func signed(_ value: Double?, decimals: Int) -> String {
        guard let value, value.isFinite else { return blank }
        let text = decimal(value, decimals: decimals)
        if text.hasPrefix("-") || !text.contains(where: { $0 >= "1" && $0 <= "9" }) { return text }
        return "+" + text
    }

    /// `+12.5%`, `-3.0%`: a relative change in percent, sign always written; `blank` for nil.
    public static func signedPercent(_ value: Double?, decimals: Int = 1) -> String {
        guard let value, value.isFinite else { return blank }
        return signed(value, decimals: decimals) + "%"
    }

    /// `value` with exactly `decimals` places, rounded as Excel and LibreOffice show a cell: to 15 significant digits
    /// first, then half away from zero. 105.55 is stored as 105.5499…, which `%.1f` prints as 105.5 while the
    /// workbook's `0.0` format shows 105.6; the summary must print what the workbook shows.
    static func rounded(_ value: Double, decimals: Int) -> String {
        // Only a value within a hair of a half needs the careful path; the rest print the same either way, fast.
        let scaled = abs(value) * pow(10, Double(decimals))
        let distance = abs(scaled - scaled.rounded(.down) - 0.5)
        if distance > 1e-14 * max(1, scaled) { return fixed(value, decimals: decimals, scaled: scaled) }
        guard var exact = Decimal(string: String(format: "%.15g", value)) else {
            return String(format: "%.\(decimals)f", value)
        }
        var result = Decimal()
        NSDecimalRound(&result, &exact, decimals, .plain)
        let text = NSDecimalNumber(decimal: result).stringValue
        guard !text.contains("e"), !text.contains("E") else { return String(format: "%.\(decimals)f", value) }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        guard fraction.count <= decimals else { return String(format: "%.\(decimals)f", value) }
        fraction += String(repeating: "0", count: decimals - fraction.count)
        return decimals == 0 ? String(parts[0]) : String(parts[0]) + "." + fraction
    }

    /// What `String(format: "%.Nf")` prints for a value not within a hair of a half (the caller checked), built from
    /// integers: formatting through Foundation took a tenth of a report with 400,000 anomaly reasons. The product
    /// `scaled` is off by at most an ulp, far less than its distance from the half, so it rounds the same way the
    /// exact decimal expansion does. Past 2^52 it leaves the work to `String(format:)`.
    static func fixed(_ value: Double, decimals: Int, scaled: Double) -> String {
        guard scaled < 4_503_599_627_370_496 else { return String(format: "%.\(decimals)f", value) }
        let units = UInt64(scaled.rounded())
        var power: UInt64 = 1
        for _ in 0..<decimals { power *= 10 }
        var text = value < 0 || (value == 0 && value.sign == .minus) ? "-" : ""
        text += String(units / power)
        if decimals > 0 {
            let fraction = String(units % power)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    /// Inserts `,` every three digits from the right of a string of ASCII digits.
    static func grouped(_ digits: String) -> String {
        let characters = Array(digits)
        var out = ""
        out.reserveCapacity(characters.count + characters.count / 3)
        for (i, c) in characters.enumerated() {
            if i > 0 && (characters.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
