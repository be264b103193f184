import Testing
@testable import AgendaCore

@Suite struct NumberTextTests {
    @Test func groupsThousandsAndRoundsToDecimals() {
        #expect(NumberText.decimal(0, decimals: 0) == "0")
        #expect(NumberText.decimal(999, decimals: 0) == "999")
        #expect(NumberText.decimal(1000, decimals: 0) == "1,000")
        #expect(NumberText.decimal(1_234_567.891, decimals: 2) == "1,234,567.89")
        #expect(NumberText.decimal(-1_234_567, decimals: 0) == "-1,234,567")
        #expect(NumberText.decimal(12.5, decimals: 1) == "12.5")
        #expect(NumberText.decimal(618, decimals: 2) == "618.00")
        #expect(NumberText.decimal(1234.25, decimals: 0, grouping: false) == "1234")
        #expect(NumberText.decimal(-0.04, decimals: 1) == "0.0")
    }

    @Test("rounds as the workbook shows a cell: 15 significant digits, then half away from zero")
    func roundsLikeTheWorkbook() {
        // 4,222 ÷ 4,000 = 105.55%, stored as 105.5499…: the workbook's 0.0% shows 105.6%, so must the summary.
        #expect(NumberText.percent(100 * 4_222 / 4_000) == "105.6%")
        #expect(NumberText.decimal(2.675, decimals: 2) == "2.68")
        #expect(NumberText.decimal(0.5, decimals: 0) == "1")
        #expect(NumberText.decimal(-2.5, decimals: 0) == "-3")
        #expect(NumberText.decimal(1e20, decimals: 0) == "100,000,000,000,000,000,000")
        #expect(NumberText.decimal(115_308_492.325, decimals: 2) == "115,308,492.33")
    }

    @Test func blanksAreADashNeverZero() {
        #expect(NumberText.decimal(nil, decimals: 0) == "–")
        #expect(NumberText.decimal(.nan, decimals: 0) == "–")
        #expect(NumberText.decimal(.infinity, decimals: 0) == "–")
        #expect(NumberText.percent(nil) == "–")
        #expect(NumberText.signed(nil, decimals: 0) == "–")
        #expect(NumberText.signedPercent(nil) == "–")
    }

    @Test func percentagesAndSignedChanges() {
        #expect(NumberText.percent(83.3333) == "83.3%")
        #expect(NumberText.percent(1250) == "1,250.0%")
        #expect(NumberText.signed(1500, decimals: 0) == "+1,500")
        #expect(NumberText.signed(-18, decimals: 0) == "-18")
        #expect(NumberText.signed(0, decimals: 1) == "0.0")
        #expect(NumberText.signedPercent(13.636) == "+13.6%")
        #expect(NumberText.signedPercent(-50) == "-50.0%")
    }
}
