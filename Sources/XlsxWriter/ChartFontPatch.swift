/// Rewrites the Thai chart fonts that libxlsxwriter 1.1.4 writes into `xl/charts/chartN.xml` so that the file is
/// schema-valid and Excel draws the Thai text in the chosen font.
///
/// Why: for a chart font with charset 222 the library writes `<a:latin typeface="T" pitchFamily="34"
/// charset="222"/>`. In DrawingML `charset` is a *signed* byte (−128…127), so 222 is a schema error (the Open XML
/// SDK validator reports one per font, and Excel may offer to "repair" the file, dropping the charts). Office
/// itself writes Thai as `charset="-34"` (222 as a signed byte), and names the font in `<a:cs>` (complex script)
/// too, because Excel draws Thai characters with the complex-script font, not the Latin one. CT_TextCharacter-
/// Properties orders its children latin, ea, cs, sym, so `<a:cs>` goes right after `<a:latin>` (the library
/// writes no `<a:ea>`).
enum ChartFontPatch {
    private static let latinOpen = Array("<a:latin ".utf8)
    private static let unsignedThai = Array(" charset=\"222\"".utf8)
    private static let signedThai = Array(" charset=\"-34\"".utf8)

    /// The patched chart XML, or nil when it has no Thai `<a:latin>` to fix.
    static func patch(_ xml: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        var cursor = 0
        var changed = false
        while let open = xml.firstRange(of: latinOpen, in: cursor..<xml.count) {
            guard let close = xml[open.upperBound...].firstIndex(of: UInt8(ascii: ">")) else { break }
            let element = open.lowerBound..<(close + 1)
            guard let charset = xml.firstRange(of: unsignedThai, in: element) else {
                output += xml[cursor..<element.upperBound]
                cursor = element.upperBound
                continue
            }
            var latin = Array(xml[element.lowerBound..<charset.lowerBound]) + signedThai
            latin += xml[charset.upperBound..<element.upperBound]
            output += xml[cursor..<element.lowerBound]
            output += latin
            let followedByCS = xml.firstRange(of: Array("<a:cs ".utf8), in: element.upperBound..<min(xml.count, element.upperBound + 6)) != nil
            if !followedByCS {
                output += Array("<a:cs ".utf8) + latin[latinOpen.count...]
            }
            cursor = element.upperBound
            changed = true
        }
        guard changed else { return nil }
        output += xml[cursor...]
        return output
    }
}
