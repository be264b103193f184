import AgendaCore

/// One number per district and workstream for the dashboard grid, defined on the sheet in the same words.
///
/// The mean of the district's indicator achievements in the workstream (year to date, indicators with both a value
/// and a positive target). An indicator where lower is better counts as 100 × target ÷ value, so that above 100%
/// always means "better than target"; each indicator counts at most 200%, so one runaway indicator cannot hide
/// the others. Nil when no indicator has a value and a target.
enum AchievementScore {
    static let cap = 200.0

    static let definition = BilingualText(
        th: "ค่าในตาราง = ค่าเฉลี่ยร้อยละของเป้าหมาย (ผลงานสะสมปีงบประมาณ ÷ เป้าหมายทั้งปี) ของตัวชี้วัดในประเด็นนั้นที่มีทั้งผลงานและเป้าหมาย; "
            + "ตัวชี้วัดที่ยิ่งน้อยยิ่งดีใช้ เป้าหมาย ÷ ผลงาน เพื่อให้เกิน 100% หมายถึงดีกว่าเป้าเสมอ; แต่ละตัวชี้วัดนับไม่เกิน 200%; "
            + "\"–\" = ไม่มีตัวชี้วัดที่มีทั้งผลงานและเป้าหมาย",
        en: "Cell = mean achievement (fiscal-year-to-date value ÷ annual target) of the workstream's indicators that "
            + "have both a value and a target; lower-is-better indicators count as target ÷ value, so above 100% "
            + "always means better than target; each indicator counts at most 200%; \"–\" = no indicator with both.")

    /// The score in percent (100 = on target), or nil.
    static func score(report: Report, workstream: Workstream, areaCode: String) -> Double? {
        let ytd = report.yearToDate
        var parts: [Double] = []
        for indicator in report.reference.indicators(in: workstream.id) {
            guard let fact = report.fact(ytd, indicator: indicator.id, area: areaCode),
                  let value = fact.value, let target = fact.target, target > 0 else { continue }
            let progress: Double
            switch indicator.better {
            case .higher: progress = 100 * value / target
            case .lower: progress = value <= 0 ? cap : 100 * target / value
            }
            parts.append(min(progress, cap))
        }
        guard !parts.isEmpty else { return nil }
        return parts.reduce(0, +) / Double(parts.count)
    }
}
