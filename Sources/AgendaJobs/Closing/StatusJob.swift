import AgendaCore
import Foundation

/// Builds the `status` board from the inputs folder and the closings under the output folder.
public struct StatusJob: Sendable {
    public var configuration: ReportJobConfiguration
    /// The board's date: `--as-of`, else now.
    public var asOf: Date

    public init(configuration: ReportJobConfiguration, asOf: Date) {
        self.configuration = configuration
        self.asOf = asOf
    }

    public func run() throws -> (board: StatusBoard, reference: ReferenceData) {
        var dated = configuration
        dated.asOf = asOf
        let job = ReportJob(configuration: dated)
        let inputs = try job.loadInputs()
        let days = configuration.reportOptions.timelinessDays
        let today = BangkokCalendar.day(of: asOf).month
        var quarters: [StatusBoard.Quarter] = []
        var completeness: [Int: [CompletenessCell]] = [:]
        for quarter in StatusBoard.quarters(at: asOf) {
            let cells = completeness[quarter.fiscalYear] ?? ReportBuilder.completeness(
                reference: inputs.reference, imported: inputs.imported, fiscalYear: quarter.fiscalYear,
                timelinessDays: days)
            completeness[quarter.fiscalYear] = cells
            // Only months already over count as missing; the current month is still being filled in.
            let ended = Set(quarter.months.filter { $0 < today })
            let missing = inputs.reference.districts.compactMap { district -> StatusBoard.Missing? in
                let months = cells.filter { $0.districtCode == district.code && ended.contains($0.month) && !$0.submitted }
                    .map(\.month).sorted()
                return months.isEmpty ? nil : StatusBoard.Missing(districtCode: district.code, months: months)
            }
            let state: StatusBoard.State
            let deadline = quarter.lastMonth.submissionDeadline(afterDays: days)
            if let closing = try QuarterClosings.current(quarter, output: configuration.output) {
                var known: [FiscalQuarter: QuarterRevisions] = [:]
                let revisions = try job.revisions(covering: .quarter(quarter), current: inputs, known: &known)
                    .first?.revisions.count ?? 0
                state = .closed(at: closing.manifest.closedAt, by: closing.manifest.closedBy, revisions: revisions)
            } else if asOf <= deadline {
                state = .open(until: deadline)
            } else {
                state = .due(since: deadline)
            }
            quarters.append(StatusBoard.Quarter(quarter: quarter, state: state, missing: missing))
        }
        let board = StatusBoard(asOf: asOf, quarters: quarters,
                                nextDeadline: StatusBoard.nextDeadline(at: asOf, timelinessDays: days))
        return (board, inputs.reference)
    }
}
