import AgendaCore
import Foundation

/// A small reference for the template tests: two districts, three submittable indicators (one whose Thai name
/// holds a comma and a double quote, so the CSV must quote it) and one ratio, which must never appear.
enum TemplateFixture {
    static var reference: ReferenceData {
        let province = Area(code: "56", parentCode: nil, nameTH: "พะเยา", nameEN: "Phayao")
        let districts = [
            Area(code: "5602", parentCode: "56", nameTH: "จุน", nameEN: "Chun"),
            Area(code: "5601", parentCode: "56", nameTH: "เมืองพะเยา", nameEN: "Mueang Phayao"),
        ]
        let workstreams = [
            Workstream(id: "NR", nameTH: "งานพัฒนาระบบการจัดการทรัพยากรธรรมชาติ", nameEN: "Natural resource management"),
            Workstream(id: "LS", nameTH: "สถานะทางสิทธิของบุคคลไร้รัฐและไร้สัญชาติ", nameEN: "Legal status"),
        ]
        let indicators = [
            Indicator(id: "NR01", workstreamID: "NR", nameTH: "พื้นที่ป่าชุมชนที่มีการจัดการ", nameEN: "Community forest",
                      unitTH: "ไร่", unitEN: "rai", aggregation: .last, better: .higher),
            Indicator(id: "NR02", workstreamID: "NR", nameTH: "จุดความร้อน, ไฟป่า \"ทั้งหมด\"", nameEN: "Hotspots",
                      unitTH: "จุด", unitEN: "hotspots", aggregation: .sum, better: .lower),
            Indicator(id: "LS01", workstreamID: "LS", nameTH: "คำขอสถานะที่ยื่น", nameEN: "Applications filed",
                      unitTH: "คำขอ", unitEN: "applications", aggregation: .sum, better: .higher),
            Indicator(id: "LS03", workstreamID: "LS", nameTH: "อัตราการอนุมัติสถานะ", nameEN: "Grant rate",
                      unitTH: "%", unitEN: "%", aggregation: .ratio, numeratorID: "LS01", denominatorID: "NR02",
                      better: .higher),
        ]
        return ReferenceData(province: province, districts: districts, workstreams: workstreams,
                             indicators: indicators, targets: [])
    }

    /// The value a test "types" into data row `index` (0-based): a mix of whole numbers, decimals and zero,
    /// with every fifth row left empty ("not reported").
    static func filledValue(row index: Int) -> Double? {
        if index % 5 == 4 { return nil }
        return Double(index * 37 % 400) + Double(index % 4) * 0.25
    }

    /// Text as a clerk's Excel would write it: no trailing ".0" on whole numbers.
    static func valueText(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func scratchFolder(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
