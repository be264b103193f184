import Testing
@testable import AgendaCore

/// One RFC 4180 quoting for every CSV the program writes (data exports and the submission template).
@Suite("CSV field quoting")
struct CSVFieldTests {
    @Test("Quoted only when the field holds a comma, a double quote or a line break; inner quotes doubled")
    func quoting() {
        #expect(CSVField.quoted("5601") == "5601")
        #expect(CSVField.quoted("") == "")
        #expect(CSVField.quoted("อำเภอเมืองพะเยา") == "อำเภอเมืองพะเยา")
        #expect(CSVField.quoted("คน, ราย") == "\"คน, ราย\"")
        #expect(CSVField.quoted("ขนาด 2\" นิ้ว") == "\"ขนาด 2\"\" นิ้ว\"")
        #expect(CSVField.quoted("a\nb") == "\"a\nb\"")
        #expect(CSVField.quoted("a\rb") == "\"a\rb\"")
        // CR LF is one Character in Swift; the bytes are what count.
        #expect(CSVField.quoted("a\r\nb") == "\"a\r\nb\"")
    }

    @Test("The byte form and the string form write the same field")
    func bytesMatchString() {
        for field in ["plain", "with,comma", "say \"hi\"", "two\r\nlines", "'=1+1", "ไทย,\"ไทย\""] {
            var buffer: [UInt8] = [0x41]
            CSVField.append(field, to: &buffer)
            #expect(buffer == [0x41] + Array(CSVField.quoted(field).utf8))
        }
    }
}
