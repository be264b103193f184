/// Parsers for the submission fields that hold numbers, working on ASCII bytes.
///
/// Callers first pass non-ASCII fields through `TextEncoding.asciiNormalized`, which turns Thai digits into
/// ASCII digits; so Thai digits are accepted everywhere digits are without these parsers knowing about them.
public enum FieldParsers {
    public enum PeriodResult: Sendable, Hashable {
        case month(YearMonth)
        case malformed
        /// Well formed but the month is not 1…12 (year as written).
        case monthOutOfRange(year: Int, month: Int)
    }

    public enum ValueResult: Sendable, Hashable {
        /// Nothing but spaces: "not reported".
        case blank
        case number(Double)
        case negative
        /// Commas present but not in groups of three (`1,23`), which usually hides a typo.
        case badGrouping
        case notANumber
        /// A number, but above `maximumValue` (or too many digits to be finite) or below `smallestNonZeroValue`:
        /// kept out so that no sum, mean or ratio of accepted values can overflow to infinity.
        case outOfRange(Double)
    }

    /// The largest value accepted: Excel keeps 15 significant digits, so a larger figure could not be shown
    /// exactly, and no real indicator of a province comes near it. With it, a sum of even a billion values stays
    /// finite.
    public static let maximumValue = 1e15
    /// The smallest value above zero accepted. No indicator is reported with more than six decimals, and a
    /// denominator like 1e-321 would turn a ratio into infinity.
    public static let smallestNonZeroValue = 1e-6

    /// Spaces and tabs around a field are never meaningful.
    @inline(__always)
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = 0
        var hi = bytes.count
        while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[lo..<hi])
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    /// `YYYY-MM` with a one- or two-digit month. A year of 2400 or more is Buddhist Era, otherwise Christian
    /// (`BuddhistEra.readsAsBuddhist`).
    public static func parsePeriod(_ raw: UnsafeBufferPointer<UInt8>) -> PeriodResult {
        let b = trimmed(raw)
        guard b.count >= 6, b.count <= 7, b[4] == 0x2D else { return .malformed }
        var year = 0
        for i in 0..<4 {
            guard isDigit(b[i]) else { return .malformed }
            year = year * 10 + Int(b[i] - 0x30)
        }
        var month = 0
        for i in 5..<b.count {
            guard isDigit(b[i]) else { return .malformed }
            month = month * 10 + Int(b[i] - 0x30)
        }
        guard (1...12).contains(month) else { return .monthOutOfRange(year: year, month: month) }
        return .month(BuddhistEra.readsAsBuddhist(year)
                      ? YearMonth(yearBE: year, month: month) : YearMonth(yearCE: year, month: month))
    }

    /// True when a period's year is below 2400 and so was read as Christian Era (for messages).
    static func periodYearIsCE(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        let b = trimmed(raw)
        guard b.count >= 4 else { return false }
        var year = 0
        for i in 0..<4 {
            guard isDigit(b[i]) else { return false }
            year = year * 10 + Int(b[i] - 0x30)
        }
        return !BuddhistEra.readsAsBuddhist(year)
    }

    public static func parsePeriod(_ text: String) -> PeriodResult {
        var normalized: [UInt8] = []
        var utf8 = Array(text.utf8)
        utf8.withUnsafeBufferPointer { TextEncoding.utf8.asciiNormalized($0, into: &normalized) }
        utf8 = normalized
        return utf8.withUnsafeBufferPointer { parsePeriod($0) }
    }

    /// Exact powers of ten; a switch rather than a static array, whose lazy initialisation check showed in profiles.
    @inline(__always)
    private static func powerOfTen(_ p: Int) -> Double {
        switch p {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        default: (0..<p).reduce(1.0) { acc, _ in acc * 10 }
        }
    }

    /// A decimal number: digits with optional thousands commas (groups of three) and an optional fraction;
    /// surrounding spaces are fine. Exponents, signs other than a leading `-` (reported as negative) and any
    /// other character make it not a number.
    public static func parseValue(_ raw: UnsafeBufferPointer<UInt8>) -> ValueResult {
        let b = trimmed(raw)
        if b.isEmpty { return .blank }
        var i = 0
        var negative = false
        if b[0] == 0x2D {
            negative = true
            i = 1
            while i < b.count, b[i] == 0x20 { i += 1 }
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var digits = 0
        var groupDigits = 0
        var sawComma = false
        var groupingOK = true
        while i < b.count {
            let c = b[i]
            if isDigit(c) {
                if mantissa != 0 || c != 0x30 { significant += 1 }
                if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(c - 0x30) }
                digits += 1
                groupDigits += 1
            } else if c == 0x2C {
                if digits == 0 || (sawComma ? groupDigits != 3 : groupDigits > 3) { groupingOK = false }
                sawComma = true
                groupDigits = 0
            } else {
                break
            }
            i += 1
        }
        if sawComma && groupDigits != 3 { groupingOK = false }
        var fractionDigits = 0
        if i < b.count, b[i] == 0x2E {
            i += 1
            while i < b.count, isDigit(b[i]) {
                if mantissa != 0 || b[i] != 0x30 { significant += 1 }
                if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(b[i] - 0x30) }
                fractionDigits += 1
                i += 1
            }
        }
        guard i == b.count, digits + fractionDigits > 0 else { return .notANumber }
        if !groupingOK { return .badGrouping }
        let value: Double
        if significant <= 15 && fractionDigits <= 22 {
            // Both operands exact, so the quotient is correctly rounded, the same as Double(String).
            value = Double(mantissa) / powerOfTen(fractionDigits)
        } else {
            let text = String(decoding: b[(negative ? 1 : 0)...].filter { $0 != 0x2C && $0 != 0x20 }, as: UTF8.self)
            guard let parsed = Double(text) else { return .notANumber }
            value = parsed
        }
        if negative && value != 0 { return .negative }
        if !value.isFinite || value > maximumValue || (value != 0 && value < smallestNonZeroValue) {
            return .outOfRange(value)
        }
        return .number(value)
    }

    public static func parseValue(_ text: String) -> ValueResult {
        var normalized: [UInt8] = []
        Array(text.utf8).withUnsafeBufferPointer { TextEncoding.utf8.asciiNormalized($0, into: &normalized) }
        return normalized.withUnsafeBufferPointer { parseValue($0) }
    }
}
