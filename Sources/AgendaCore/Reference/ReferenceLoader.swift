import Foundation

/// Parses and validates the four reference tables of `Inputs/reference/` (read from disk by `AgendaJobs`'
/// `ReferenceFolder`).
///
/// Every rule is checked before anything runs, because a wrong reference table silently corrupts every report
/// (a ratio pointing at the wrong part, a district under the wrong parent); the first problem found stops the run
/// with file, line and column.
public enum ReferenceLoader {
    public static func load(_ tables: ReferenceTables) throws -> ReferenceData {
        let folder = tables
        let (province, districts) = try loadAreas(folder)
        let workstreams = try loadWorkstreams(folder)
        let indicators = try loadIndicators(folder, workstreams: Set(workstreams.map(\.id)))
        var areaCodes = Set(districts.map(\.code))
        areaCodes.insert(province.code)
        let targets = try loadTargets(folder, areaCodes: areaCodes, indicatorIDs: Set(indicators.map(\.id)))
        return ReferenceData(province: province, districts: districts, workstreams: workstreams, indicators: indicators, targets: targets)
    }

    static func loadAreas(_ folder: ReferenceTables) throws -> (Area, [Area]) {
        let table = try ReferenceTable(folder, file: "areas.csv", required: ["code", "parent_code", "name_th", "name_en"])
        var areas: [(ReferenceTable.Row, Area)] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            let code = try table.code(row, "code")
            if let first = seen[code] {
                throw table.error(row, "code", th: "รหัสพื้นที่ \(code) ซ้ำกับบรรทัด \(first)", en: "Area code \(code) repeats line \(first).")
            }
            seen[code] = row.line
            areas.append((row, Area(code: code, parentCode: try table.optionalCode(row, "parent_code"),
                                    nameTH: try table.text(row, "name_th"), nameEN: try table.text(row, "name_en"))))
        }
        let provinces = areas.filter { $0.1.parentCode == nil }
        guard provinces.count == 1, let (_, province) = provinces.first else {
            let row = provinces.dropFirst().first?.0
            throw ReferenceDataError(
                file: "areas.csv", line: row?.line ?? 0, column: "parent_code",
                reason: BilingualText(
                    th: "ต้องมีจังหวัดเดียวที่ช่อง parent_code ว่าง แต่พบ \(provinces.count) แถว",
                    en: "Exactly one area (the province) must have an empty parent_code; found \(provinces.count)."))
        }
        var districts: [Area] = []
        let limit = CompactKey.districtLimit - 1
        if areas.count - 1 > limit, let (row, _) = areas.last {
            throw table.error(row, "code",
                th: "มีอำเภอเกิน \(limit) แห่ง ซึ่งโปรแกรมรองรับได้ ตรวจว่าไฟล์นี้เป็นตารางพื้นที่ที่ถูกต้อง",
                en: "More than \(limit) districts, which is as many as the program holds; check that this is the right areas table.")
        }
        for (row, area) in areas where area.parentCode != nil {
            guard area.parentCode == province.code else {
                throw table.error(row, "parent_code",
                    th: "อำเภอ \(area.code) ต้องมี parent_code เป็นรหัสจังหวัด \(province.code) ไม่ใช่ \(area.parentCode!)",
                    en: "District \(area.code) must have parent_code \(province.code) (the province), not \(area.parentCode!).")
            }
            districts.append(area)
        }
        return (province, districts)
    }

    static func loadWorkstreams(_ folder: ReferenceTables) throws -> [Workstream] {
        let table = try ReferenceTable(folder, file: "workstreams.csv", required: ["id", "name_th", "name_en"])
        var seen: [String: Int] = [:]
        return try table.rows.map { row in
            let id = try table.code(row, "id")
            if let first = seen[id] {
                throw table.error(row, "id", th: "รหัสประเด็น \(id) ซ้ำกับบรรทัด \(first)", en: "Workstream id \(id) repeats line \(first).")
            }
            seen[id] = row.line
            return Workstream(id: id, nameTH: try table.text(row, "name_th"), nameEN: try table.text(row, "name_en"))
        }
    }

    static func loadIndicators(_ folder: ReferenceTables, workstreams: Set<String>) throws -> [Indicator] {
        let table = try ReferenceTable(
            folder, file: "indicators.csv",
            required: ["id", "workstream_id", "name_th", "name_en", "unit_th", "unit_en", "aggregation",
                       "numerator_id", "denominator_id", "better"],
            optional: ["headline", "decimals", "short_name_th", "short_name_en"])
        var seen: [String: Int] = [:]
        var parsed: [(ReferenceTable.Row, Indicator)] = []
        for row in table.rows {
            let id = try table.code(row, "id")
            if let first = seen[id] {
                throw table.error(row, "id", th: "รหัสตัวชี้วัด \(id) ซ้ำกับบรรทัด \(first)", en: "Indicator id \(id) repeats line \(first).")
            }
            seen[id] = row.line
            let workstream = try table.code(row, "workstream_id")
            guard workstreams.contains(workstream) else {
                throw table.error(row, "workstream_id", th: "ไม่พบประเด็น \(workstream) ใน workstreams.csv",
                                  en: "Workstream \(workstream) is not in workstreams.csv.")
            }
            let aggregationText = try table.text(row, "aggregation").lowercased()
            guard let aggregation = Aggregation(rawValue: aggregationText) else {
                throw table.error(row, "aggregation", th: "aggregation \"\(aggregationText)\" ใช้ไม่ได้ ใช้ sum, last, mean หรือ ratio",
                                  en: "aggregation \"\(aggregationText)\" is not one of sum, last, mean, ratio.")
            }
            let betterText = try table.text(row, "better").lowercased()
            guard let better = Direction(rawValue: betterText) else {
                throw table.error(row, "better", th: "better \"\(betterText)\" ใช้ไม่ได้ ใช้ higher หรือ lower",
                                  en: "better \"\(betterText)\" is not higher or lower.")
            }
            let headlineText = (row.fields["headline"] ?? "").lowercased()
            let isHeadline: Bool
            switch headlineText {
            case "1", "yes", "true", "y", "ใช่": isHeadline = true
            case "", "0", "no", "false", "n", "ไม่": isHeadline = false
            default:
                throw table.error(row, "headline", th: "headline \"\(headlineText)\" ใช้ไม่ได้ ใช้ 1 หรือ 0 (หรือเว้นว่าง)",
                                  en: "headline \"\(headlineText)\" must be 1 or 0 (or empty).")
            }
            let decimalsText = row.fields["decimals"] ?? ""
            var decimals: Int?
            if !decimalsText.isEmpty {
                guard let d = Int(decimalsText), (0...6).contains(d) else {
                    throw table.error(row, "decimals", th: "decimals \"\(decimalsText)\" ต้องเป็นจำนวนเต็ม 0–6",
                                      en: "decimals \"\(decimalsText)\" must be a whole number 0–6.")
                }
                decimals = d
            }
            let numerator = try table.optionalCode(row, "numerator_id")
            let denominator = try table.optionalCode(row, "denominator_id")
            if aggregation == .ratio {
                for (column, part) in [("numerator_id", numerator), ("denominator_id", denominator)] where part == nil {
                    throw table.error(row, column, th: "ตัวชี้วัดอัตราส่วน \(id) ต้องระบุ \(column)",
                                      en: "Ratio indicator \(id) needs \(column).")
                }
            } else if let column = numerator != nil ? "numerator_id" : (denominator != nil ? "denominator_id" : nil) {
                throw table.error(row, column, th: "ตัวชี้วัด \(id) ไม่ใช่อัตราส่วน จึงต้องเว้น \(column) ว่าง",
                                  en: "Indicator \(id) is not a ratio, so \(column) must be empty.")
            }
            parsed.append((row, Indicator(
                id: id, workstreamID: workstream, nameTH: try table.text(row, "name_th"), nameEN: try table.text(row, "name_en"),
                unitTH: try table.text(row, "unit_th"), unitEN: try table.text(row, "unit_en"), aggregation: aggregation,
                numeratorID: numerator, denominatorID: denominator, better: better, isHeadline: isHeadline, decimals: decimals,
                shortNameTH: row.fields["short_name_th"], shortNameEN: row.fields["short_name_en"])))
        }
        let byID = Dictionary(parsed.map { ($0.1.id, $0.1) }, uniquingKeysWith: { a, _ in a })
        for (row, indicator) in parsed where indicator.aggregation == .ratio {
            for (column, part) in [("numerator_id", indicator.numeratorID!), ("denominator_id", indicator.denominatorID!)] {
                guard let target = byID[part] else {
                    throw table.error(row, column, th: "\(column) \"\(part)\" ของ \(indicator.id) ไม่มีในรายการตัวชี้วัด",
                                      en: "\(column) \"\(part)\" of \(indicator.id) is not an indicator in this file.")
                }
                guard target.aggregation != .ratio else {
                    throw table.error(row, column, th: "\(column) \"\(part)\" ของ \(indicator.id) เป็นอัตราส่วนเอง ใช้ตัวชี้วัดที่ส่งค่าได้",
                                      en: "\(column) \"\(part)\" of \(indicator.id) is itself a ratio; point at a submitted indicator.")
                }
            }
        }
        if parsed.count >= CompactKey.indicatorLimit, let (row, _) = parsed.last {
            throw table.error(row, "id", th: "มีตัวชี้วัดเกิน \(CompactKey.indicatorLimit - 1) รายการ",
                              en: "More than \(CompactKey.indicatorLimit - 1) indicators.")
        }
        return parsed.map(\.1)
    }

    static func loadTargets(_ folder: ReferenceTables, areaCodes: Set<String>, indicatorIDs: Set<String>) throws -> [Target] {
        let table = try ReferenceTable(folder, file: "targets.csv", required: ["fiscal_year", "area_code", "indicator_id", "target"])
        var seen: [String: Int] = [:]
        return try table.rows.map { row in
            let yearText = try table.code(row, "fiscal_year")
            let years = BuddhistEra.plausibleYears
            guard let year = Int(yearText), years.contains(year) else {
                throw table.error(row, "fiscal_year",
                                  th: "ปีงบประมาณ \"\(yearText)\" ต้องเป็นปี พ.ศ. ระหว่าง \(years.lowerBound) ถึง \(years.upperBound) เช่น 2565",
                                  en: "fiscal_year \"\(yearText)\" must be a Buddhist Era year from \(years.lowerBound) to \(years.upperBound), such as 2565.")
            }
            let area = try table.code(row, "area_code")
            guard areaCodes.contains(area) else {
                throw table.error(row, "area_code", th: "ไม่พบพื้นที่ \(area) ใน areas.csv", en: "Area \(area) is not in areas.csv.")
            }
            let indicator = try table.code(row, "indicator_id")
            guard indicatorIDs.contains(indicator) else {
                throw table.error(row, "indicator_id", th: "ไม่พบตัวชี้วัด \(indicator) ใน indicators.csv",
                                  en: "Indicator \(indicator) is not in indicators.csv.")
            }
            let targetText = try table.text(row, "target")
            let parsed = FieldParsers.parseValue(targetText)
            if case .outOfRange(let value) = parsed {
                // The same bounds as submitted values: a target of 10^400 or 1e-321 would make every achievement
                // percentage infinite or zero and fail the whole report.
                let reason = IngestMessages.valueOutOfRange(targetText, value: value)
                throw ReferenceDataError(file: "targets.csv", line: row.line, column: "target", reason: BilingualText(
                    th: "เป้าหมาย: " + reason.th, en: "target: " + reason.en))
            }
            guard case .number(let target) = parsed else {
                throw table.error(row, "target", th: "เป้าหมาย \"\(targetText)\" ไม่ใช่ตัวเลขที่ไม่ติดลบ",
                                  en: "target \"\(targetText)\" is not a non-negative number.")
            }
            let key = "\(year)|\(area)|\(indicator)"
            if let first = seen[key] {
                throw table.error(row, "indicator_id", th: "เป้าหมายปี \(year) พื้นที่ \(area) ตัวชี้วัด \(indicator) ซ้ำกับบรรทัด \(first)",
                                  en: "Target for \(year), \(area), \(indicator) repeats line \(first).")
            }
            seen[key] = row.line
            return Target(fiscalYear: year, areaCode: area, indicatorID: indicator, target: target)
        }
    }
}

extension ReferenceData {
    /// The documented way to build reference data: parses and validates the tables (see `ReferenceLoader`).
    public static func load(_ tables: ReferenceTables) throws -> ReferenceData { try ReferenceLoader.load(tables) }
}
