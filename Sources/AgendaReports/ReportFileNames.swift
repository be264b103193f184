import AgendaCore

/// The names of one scope's report: its folder `<slug>` in the output folder (the unit a run switches in whole),
/// and in it `phayao-agenda-<slug>.xlsx`, `…-summary.txt`, and `…-data.csv` when the accepted values overflow the
/// `Data` sheet. The files keep the scope in their names so a copy mailed or printed on its own still says which
/// report it is.
public struct ReportFileNames: Sendable, Hashable {
    /// The report's folder under the output folder: `FY2565`, `FY2565-Q2`, `FY2565-to-2565-02`.
    public var folder: String
    public var workbook: String
    public var summary: String
    public var dataCSV: String
    /// `…-superseded.csv`, when the superseded values overflow the `Superseded` sheet.
    public var supersededCSV: String
    /// `…-anomalies.csv`, when the flagged values overflow the `Anomalies` sheet.
    public var anomaliesCSV: String

    public init(scope: ReportScope) {
        folder = scope.slug
        let base = "phayao-agenda-\(scope.slug)"
        workbook = base + ".xlsx"
        summary = base + "-summary.txt"
        dataCSV = base + "-data.csv"
        supersededCSV = Self.supersededCSVName(dataCSV: dataCSV)
        anomaliesCSV = Self.anomaliesCSVName(dataCSV: dataCSV)
    }

    /// The flagged values' CSV named after the data CSV: `…-data.csv` → `…-anomalies.csv`.
    public static func anomaliesCSVName(dataCSV: String) -> String {
        dataCSV.hasSuffix("-data.csv") ? String(dataCSV.dropLast("-data.csv".count)) + "-anomalies.csv"
            : "anomalies-" + dataCSV
    }

    /// The superseded-values CSV named after the data CSV: `…-data.csv` → `…-superseded.csv`.
    public static func supersededCSVName(dataCSV: String) -> String {
        dataCSV.hasSuffix("-data.csv") ? String(dataCSV.dropLast("-data.csv".count)) + "-superseded.csv"
            : "superseded-" + dataCSV
    }

    /// A district's feedback pack inside the report's folder: `districts/<code>/phayao-agenda-<slug>-<code>.xlsx`
    /// and the message `….txt`.
    public func districtPack(_ code: String) -> (workbook: String, message: String) {
        let base = "districts/\(code)/phayao-agenda-\(folder)-\(code)"
        return (base + ".xlsx", base + ".txt")
    }

    /// Every file name this scope's report can have, for sweeping copies an earlier layout left at the top of the
    /// output folder.
    public var all: [String] { [workbook, summary, dataCSV, supersededCSV, anomaliesCSV] }
}
