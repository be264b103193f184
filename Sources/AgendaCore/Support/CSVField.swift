/// RFC 4180 quoting of one CSV field, for every CSV the program writes (the data exports and the submission
/// template): a field is quoted only when it holds a comma, a double quote or a line break, and a quote inside is
/// doubled. `neutralised` is the one rule for free text Excel would take for a formula; callers apply it to text
/// fields, never to numbers.
public enum CSVField {
    /// First characters that make Excel (and LibreOffice) read a CSV field as a formula when the file is opened:
    /// `=`, `+`, `-`, `@`, their full-width forms (an East Asian input method types those), a tab or a carriage
    /// return. Quoting does not help: Excel drops the quotes and still evaluates `"=1+1"`.
    @usableFromInline
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]

    /// `text` with a leading apostrophe when it would run as a formula (CSV injection, as OWASP recommends).
    /// Excel shows a CSV apostrophe as text (`'=x`); it is not the hidden prefix of a typed cell, so the text reads
    /// back with it, which is harmless in free text.
    @inlinable
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    /// Appends `field` to `buffer`, quoted only when needed. The bytes are scanned once, in place: millions of
    /// fields go through here when a report overflows to CSV.
    @inlinable
    public static func append(_ field: String, to buffer: inout [UInt8]) {
        var field = field
        field.withUTF8 { bytes in
            let needsQuotes = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
            guard needsQuotes else {
                buffer.append(contentsOf: bytes)
                return
            }
            buffer.append(UInt8(ascii: "\""))
            for byte in bytes {
                if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                buffer.append(byte)
            }
            buffer.append(UInt8(ascii: "\""))
        }
    }

    /// `field` as it is written in a CSV record.
    public static func quoted(_ field: String) -> String {
        var bytes: [UInt8] = []
        append(field, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
