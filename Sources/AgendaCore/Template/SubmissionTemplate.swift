import Foundation

/// The fill-in file a district clerk starts from: every submittable indicator for every month of a fiscal year,
/// with the district code and period already filled in and the value left empty.
///
/// Starting from this file removes the commonest mistakes (a wrong district code, a period in the wrong form, a
/// mistyped indicator id). Empty values mean "not reported", so a half-filled template still validates clean and
/// reports exactly what the clerk typed.
public struct SubmissionTemplate: Sendable {
    /// The submission header, in the order the importer documents.
    public static let header = ["district_code", "period", "indicator_id", "area", "value", "note"]

    public struct Row: Sendable, Hashable {
        public var districtCode: String
        public var month: YearMonth
        public var indicator: Indicator

        /// The indicator's Thai name and unit, placed in the `note` column as a reminder for the clerk.
        public var note: String { "\(indicator.nameTH) (\(indicator.unitTH))" }

        public var fields: [String] {
            [districtCode, month.label, indicator.id, "", "", note]
        }
    }

    public let district: Area
    public let fiscalYear: Int
    /// Months of the fiscal year in order, then indicators in reference order.
    public let rows: [Row]

    /// - Precondition: `districtCode` is a district of `reference` (the command validates user input first).
    public init(reference: ReferenceData, districtCode: String, fiscalYear: Int) {
        guard let district = reference.district(districtCode) else {
            preconditionFailure("unknown district \(districtCode): validate before building a template")
        }
        self.district = district
        self.fiscalYear = fiscalYear
        let indicators = reference.indicators.filter(\.isSubmittable)
        self.rows = YearMonth.months(ofFiscalYear: fiscalYear).flatMap { month in
            indicators.map { Row(districtCode: districtCode, month: month, indicator: $0) }
        }
    }

    /// UTF-8 with a byte-order mark and CRLF line ends: what Thai Excel needs to open Thai text correctly and what
    /// it writes back with "CSV UTF-8". Text that Excel would take for a formula is neutralised first.
    public func csvData() -> Data {
        var text = "\u{FEFF}"
        for fields in [Self.header] + rows.map(\.fields) {
            text += fields.map { CSVField.quoted(CSVField.neutralised($0)) }.joined(separator: ",") + "\r\n"
        }
        return Data(text.utf8)
    }
}
