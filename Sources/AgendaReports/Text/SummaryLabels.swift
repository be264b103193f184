import AgendaCore

/// Every fixed phrase of the governor's summary, in one place per language so the two versions stay parallel.
struct SummaryLabels {
    let language: Language

    private func pick(_ th: String, _ en: String) -> String { language == .th ? th : en }

    func title(province: String) -> String {
        pick("สรุปผลการดำเนินงานวาระคนพะเยา จังหวัด\(province)", "Phayao Agenda progress summary, \(province) province")
    }
    var window: String { pick("ช่วงรายงาน", "Report period") }
    var asOf: String { pick("ข้อมูล ณ วันที่", "Data as of") }
    func fromFiles(_ n: Int) -> String { pick("(จาก \(n) ไฟล์)", "(from \(n) file\(n == 1 ? "" : "s"))") }
    var districtsSubmitted: String { pick("อำเภอที่ส่งข้อมูล", "Districts reporting") }
    func outOf(_ n: Int, _ total: Int) -> String { pick("\(n) จาก \(total) อำเภอ", "\(n) of \(total) districts") }
    func latestMonth(_ month: String) -> String { pick("เดือน \(month)", month) }
    var wholePeriod: String { pick("ทั้งช่วงรายงาน", "whole period") }
    /// - Parameter monthsSoFar: months of `quarter` the report counts, when it is still in progress (nightly);
    ///   the comparison is then with the same months of the previous quarter (stocks: its closing level).
    func columnsNote(ytd: String, quarter: FiscalQuarter?, monthsSoFar: Int? = nil) -> String {
        let change = quarter.map { q in
            let p = q.previous
            if let n = monthsSoFar, n < 3 {
                return pick(" · เทียบไตรมาสก่อน = \(n) เดือนแรกของไตรมาส \(q.quarter)/\(q.fiscalYear) เทียบกับ \(n) เดือนแรกของไตรมาส \(p.quarter)/\(p.fiscalYear) (ตัวชี้วัดแบบยอดคงเหลือเทียบยอดสิ้นไตรมาสก่อน)",
                            " · vs prev. quarter = first \(n) month\(n == 1 ? "" : "s") of Q\(q.quarter) FY\(q.fiscalYear) against the same of Q\(p.quarter) FY\(p.fiscalYear) (stocks: its closing level)")
            }
            return pick(" · เทียบไตรมาสก่อน = ไตรมาส \(q.quarter)/\(q.fiscalYear) เทียบกับไตรมาส \(p.quarter)/\(p.fiscalYear)",
                        " · vs prev. quarter = Q\(q.quarter) FY\(q.fiscalYear) against Q\(p.quarter) FY\(p.fiscalYear)")
        } ?? ""
        return pick("ผลสะสม = \(ytd)", "YTD = \(ytd)") + change
    }

    var indicator: String { pick("ตัวชี้วัดหลัก", "Headline indicator") }
    var ytdValue: String { pick("ผลสะสม", "YTD") }
    var unit: String { pick("หน่วย", "Unit") }
    var target: String { pick("เป้าหมาย", "Target") }
    var achievement: String { pick("ร้อยละของเป้า", "% of target") }
    var status: String { pick("สถานะ", "Status") }
    var change: String { pick("เทียบไตรมาสก่อน", "vs prev. quarter") }
    var percentagePoints: String { pick("จุด", "pts") }
    func shownOf(_ shown: Int, _ total: Int) -> String {
        pick("(แสดง \(shown) จาก \(total) ตัวชี้วัดหลัก)", "(showing \(shown) of \(total) headline indicators)")
    }
    var noIndicators: String { pick("ไม่มีตัวชี้วัด", "no indicators") }
    func best(_ text: String) -> String { pick("ดีที่สุด: \(text)", "Best: \(text)") }
    /// The other end from the best: the lowest share of the target, or for a ceiling the highest share of it.
    func worst(_ text: String, lowerIsBetter: Bool) -> String {
        lowerIsBetter ? pick("สูงที่สุด: \(text)", "Highest: \(text)") : pick("ต่ำที่สุด: \(text)", "Lowest: \(text)")
    }
    func allEqual(_ amount: String) -> String { pick("ทุกอำเภอเท่ากัน: \(amount)", "All districts equal: \(amount)") }
    var byValue: String { pick("(เทียบจากผลสะสม ไม่มีเป้าอำเภอ)", "(by YTD value; no district targets)") }
    var tooFewDistricts: String { pick("อำเภอที่มีข้อมูลไม่พอเปรียบเทียบ", "too few districts with data to compare") }
    /// `62.5%` for percentages, `12,500 ไร่` for everything else.
    func withUnit(_ number: String, _ unit: String) -> String { unit == "%" ? number + "%" : number + " " + unit }
    func district(_ name: String) -> String { pick("อ.\(name)", name) }

    var dataQuality: String { pick("คุณภาพข้อมูล", "Data quality") }
    var districtColumn: String { pick("อำเภอ", "District") }
    var rejectedRows: String { pick("แถวที่ถูกปฏิเสธ", "Rejected rows") }
    var rejectedFiles: String { pick("ไฟล์ที่ถูกปฏิเสธ", "Rejected files") }
    var missingMonths: String { pick("เดือนที่ไม่ส่ง", "Months missing") }
    var anomalies: String { pick("ควรตรวจสอบ", "To check") }
    var unknownDistrict: String { pick("ไม่ทราบอำเภอ", "Unknown district") }
    var total: String { pick("รวม", "Total") }
    var noProblems: String { pick("ไม่พบแถวที่ถูกปฏิเสธ เดือนที่ขาดส่ง หรือค่าที่ควรตรวจสอบ", "No rejected rows, missing months or values to check.") }
    func missingPeriod(_ span: String) -> String { pick("เดือนที่ไม่ส่งนับช่วง \(span)", "Months missing counted over \(span)") }
    func topAnomalies(_ n: Int, _ total: Int) -> String {
        if n == total {
            return pick("ค่าที่ควรตรวจสอบ \(total) รายการ (แจ้งไว้ ไม่ได้แก้ไขค่า):",
                        "\(total == 1 ? "Value" : "Values") to check (kept as sent):")
        }
        return pick("ค่าที่ควรตรวจสอบที่เด่นที่สุด \(n) จาก \(total) รายการ (แจ้งไว้ ไม่ได้แก้ไขค่า):",
             "Strongest \(n) of \(total) values to check (kept as sent):")
    }
    func anomalyDetail(expected: String, factor: String?) -> String {
        let f = factor.map { ", \($0)" } ?? ""
        return pick("(คาดไว้ราว \(expected)\(f))", "(expected about \(expected)\(f))")
    }

    var workbook: String { pick("รายละเอียดทั้งหมดในสมุดงาน Excel", "Full detail in the Excel workbook") }
}
