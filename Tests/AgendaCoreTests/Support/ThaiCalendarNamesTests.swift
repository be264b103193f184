import Foundation
import Testing
@testable import AgendaCore

@Suite struct ThaiCalendarNamesTests {
    @Test func monthNamesAndAbbreviations() {
        #expect(ThaiCalendarNames.thaiMonthNames.count == 12)
        #expect(ThaiCalendarNames.thaiMonthAbbreviations.count == 12)
        #expect(ThaiCalendarNames.monthName(1, .th) == "มกราคม")
        #expect(ThaiCalendarNames.monthName(12, .th) == "ธันวาคม")
        #expect(ThaiCalendarNames.monthAbbreviation(3, .th) == "มี.ค.")
        #expect(ThaiCalendarNames.monthAbbreviation(10, .th) == "ต.ค.")
        #expect(ThaiCalendarNames.monthName(9, .en) == "September")
        #expect(ThaiCalendarNames.monthAbbreviation(9, .en) == "Sep")
    }

    @Test func yearMonthLabels() {
        let january = YearMonth(yearBE: 2565, month: 1)
        #expect(january.displayName(.th) == "มกราคม 2565")
        #expect(january.shortName(.th) == "ม.ค. 65")
        #expect(january.displayName(.en) == "January 2565 BE")
        #expect(january.shortName(.en) == "Jan 2565")
        #expect(YearMonth(yearBE: 2601, month: 10).shortName(.th) == "ต.ค. 01")
    }

    @Test func quarterLabels() {
        let q2 = FiscalQuarter(fiscalYear: 2565, quarter: 2)
        #expect(q2.displayName(.th) == "ไตรมาส 2 ปีงบประมาณ 2565 (ม.ค.–มี.ค. 2565)")
        #expect(q2.displayName(.en) == "FY2565 Q2 (Jan–Mar 2565 BE)")
        // Q1 lies in the previous BE year.
        let q1 = FiscalQuarter(fiscalYear: 2565, quarter: 1)
        #expect(q1.displayName(.th) == "ไตรมาส 1 ปีงบประมาณ 2565 (ต.ค.–ธ.ค. 2564)")
    }

    @Test func windowLabels() {
        let march = YearMonth(yearBE: 2565, month: 3)
        let ytd = ReportWindow.yearToDate(fiscalYear: 2565, through: march)
        #expect(ytd.displayName(.th) == "ปีงบประมาณ 2565 ถึง มี.ค. 2565")
        #expect(ytd.displayName(.en) == "FY2565 to date (Oct 2564 – Mar 2565 BE)")
        #expect(ReportWindow.month(march).displayName(.th) == "มีนาคม 2565")
        #expect(ReportWindow.quarter(march.fiscalQuarter).displayName(.en) == "FY2565 Q2 (Jan–Mar 2565 BE)")
    }

    @Test func scopeLabelsAndMonths() {
        let q2 = FiscalQuarter(fiscalYear: 2565, quarter: 2)
        #expect(ReportScope.year(2565).displayName(.th) == "ปีงบประมาณ 2565 (ต.ค. 2564 – ก.ย. 2565)")
        #expect(ReportScope.year(2565).displayName(.en) == "FY2565 (Oct 2564 – Sep 2565 BE)")
        let qtd = ReportScope.quarterToDate(q2, through: YearMonth(yearBE: 2565, month: 2))
        #expect(qtd.displayName(.th) == "ไตรมาส 2 ปีงบประมาณ 2565 ถึงปัจจุบัน (ม.ค.–ก.พ. 2565)")
        #expect(qtd.displayName(.en) == "FY2565 Q2 to date (Jan–Feb 2565 BE)")
        #expect(qtd.months == [YearMonth(yearBE: 2565, month: 1), YearMonth(yearBE: 2565, month: 2)])
        #expect(ReportScope.quarter(q2).months.count == 3)
        #expect(ReportScope.year(2565).months.first == YearMonth(yearBE: 2564, month: 10))
        let oneMonth = ReportScope.quarterToDate(q2, through: YearMonth(yearBE: 2565, month: 1))
        #expect(oneMonth.displayName(.th) == "ไตรมาส 2 ปีงบประมาณ 2565 ถึงปัจจุบัน (ม.ค. 2565)")
    }

    @Test func datesAreBangkokDays() {
        // 27 January 2022 10:00 UTC is 17:00 in Bangkok.
        let date = Date(timeIntervalSince1970: 1_643_277_600)
        #expect(ThaiCalendarNames.dateText(date, .th) == "27 มกราคม 2565")
        #expect(ThaiCalendarNames.dateText(date, .en) == "27 January 2565 BE")
        #expect(ThaiCalendarNames.dateText(date, .th, thaiDigits: true) == "๒๗ มกราคม ๒๕๖๕")
        // 31 March 2022 18:00 UTC is already 1 April in Bangkok.
        let lateUTC = Date(timeIntervalSince1970: 1_648_749_600)
        #expect(ThaiCalendarNames.dateText(lateUTC, .th) == "1 เมษายน 2565")
        #expect(BangkokCalendar.day(of: lateUTC).month == YearMonth(yearBE: 2565, month: 4))
    }

    @Test func thaiDigitsReplaceOnlyAsciiDigits() {
        #expect(ThaiCalendarNames.thaiDigits("FY2565-Q2: 1,234.5%") == "FY๒๕๖๕-Q๒: ๑,๒๓๔.๕%")
        #expect(ThaiCalendarNames.thaiDigits("ไม่มีตัวเลข") == "ไม่มีตัวเลข")
    }
}
