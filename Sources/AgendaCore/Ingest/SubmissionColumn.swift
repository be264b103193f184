/// The columns a submission may have, with the header spellings clerks actually type.
///
/// Header names are compared after trimming, lower-casing and turning spaces and hyphens into `_`, so
/// `District Code`, `district-code` and ` DISTRICT_CODE ` all match. Thai aliases exist because clerks fill the
/// sheet in Thai Excel and often retype the header in Thai.
public enum SubmissionColumn: String, CaseIterable, Sendable {
    case districtCode = "district_code"
    case period
    case indicatorID = "indicator_id"
    case value
    case area
    case note

    public var isRequired: Bool {
        switch self {
        case .districtCode, .period, .indicatorID, .value: true
        case .area, .note: false
        }
    }

    /// The Thai header a clerk is told to use.
    public var thaiName: String {
        switch self {
        case .districtCode: "รหัสอำเภอ"
        case .period: "งวด"
        case .indicatorID: "รหัสตัวชี้วัด"
        case .value: "ค่า"
        case .area: "พื้นที่"
        case .note: "หมายเหตุ"
        }
    }

    /// Every accepted spelling, already normalized.
    var aliases: [String] {
        switch self {
        case .districtCode: ["district_code", "districtcode", "district_id", "รหัสอำเภอ", "รหัส_อำเภอ"]
        case .period: ["period", "month", "งวด", "เดือน", "งวด/เดือน", "งวดข้อมูล", "เดือนที่รายงาน"]
        case .indicatorID: ["indicator_id", "indicator", "indicator_code", "รหัสตัวชี้วัด", "ตัวชี้วัด"]
        case .value: ["value", "ค่า", "จำนวน", "ค่า/จำนวน", "ผลการดำเนินงาน"]
        case .area: ["area", "sub_area", "พื้นที่", "หมู่บ้าน", "ตำบล/หมู่บ้าน"]
        case .note: ["note", "notes", "remark", "remarks", "หมายเหตุ"]
        }
    }

    /// Trims (including a stray BOM or no-break space), lower-cases and joins words with `_`.
    static func normalizeHeader(_ name: String) -> String {
        let trimmed = name.unicodeScalars.filter { $0 != "\u{FEFF}" }
        var out = ""
        var pendingSeparator = false
        for scalar in String(String.UnicodeScalarView(trimmed)).lowercased().unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "-" || scalar == "\u{00A0}" {
                pendingSeparator = !out.isEmpty
                continue
            }
            if pendingSeparator { out.append("_"); pendingSeparator = false }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    static func match(_ header: String) -> SubmissionColumn? {
        let normalized = normalizeHeader(header)
        return allCases.first { $0.aliases.contains(normalized) }
    }
}
