import AgendaCore

/// The file names of one scope's report: `phayao-agenda-<slug>.xlsx`, `…-summary.txt`, and `…-data.csv` when
/// the accepted values overflow the `Data` sheet.
public struct ReportFileNames: Sendable, Hashable {
    public var workbook: String
    public var summary: String
    public var dataCSV: String
    /// `…-superseded.csv`, when the superseded values overflow the `Superseded` sheet.
    public var supersededCSV: String

    public init(scope: ReportScope) {
        let base = "phayao-agenda-\(scope.slug)"
        workbook = base + ".xlsx"
        summary = base + "-summary.txt"
        dataCSV = base + "-data.csv"
        supersededCSV = Self.supersededCSVName(dataCSV: dataCSV)
    }

    /// The superseded-values CSV named after the data CSV: `…-data.csv` → `…-superseded.csv`.
    public static func supersededCSVName(dataCSV: String) -> String {
        dataCSV.hasSuffix("-data.csv") ? String(dataCSV.dropLast("-data.csv".count)) + "-superseded.csv"
            : "superseded-" + dataCSV
    }
}
