/// RFC 4180 quoting of one CSV field, for every CSV the program writes (the data exports and the submission
/// template): a field is quoted only when it holds a comma, a double quote or a line break, and a quote inside is
/// doubled. Neutralising formula text is the caller's business, as the writers differ in what they must defend.
public enum CSVField {
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
