import AgendaCore
import AgendaReports
import Foundation

/// How closed quarters shape a report run: a closed quarter's own report is reproduced from the archive, and every
/// other report that covers a closed quarter carries its revisions.
extension ReportJob {
    /// One scope as it will be written: from which inputs, with which settings, with which revisions.
    struct ScopePlan {
        var scope: ReportScope
        var inputs: Inputs
        var configuration: ReportJobConfiguration
        var revisions: [QuarterRevisions]
        /// Set when the scope is a closed quarter rebuilt from its archive.
        var closing: QuarterClosing?
        /// Whether to write a feedback pack per district beside the report (not inside a closing, which holds the
        /// signed-off report only).
        var districtPacks = true
        /// The scope's flags when the run found them beforehand (`ReportJob.sharedFacts`).
        var anomalies: [Anomaly]?
        /// Which district each file belongs to, when the run worked it out beforehand.
        var attribution: DistrictAttribution?
        /// The Data sheet's totals per district × month × indicator, when the run worked them out beforehand.
        var dataTotals: [DistrictMonthTotal]?
    }

    /// The closing to rebuild `scope` from: a closed quarter's own report, unless `--current`.
    func closingToReproduce(_ scope: ReportScope) throws -> QuarterClosing? {
        guard !configuration.current, case .quarter(let quarter) = scope else { return nil }
        return try QuarterClosings.current(quarter, output: configuration.output)
    }

    /// - Parameter known: revisions already worked out in this run, by quarter: they depend on the closing and
    ///   today's inputs, not on the scope, and each costs two imports and two reports (nightly asks twice).
    func plan(_ scope: ReportScope, closing: QuarterClosing?, current: Inputs?,
              known: inout [FiscalQuarter: QuarterRevisions]) throws -> ScopePlan {
        if let closing {
            return ScopePlan(scope: scope, inputs: try closing.loadInputs(),
                             configuration: closing.configuration(over: configuration), revisions: [], closing: closing)
        }
        guard let current else { preconditionFailure("today's inputs are loaded whenever a scope needs them") }
        return ScopePlan(scope: scope, inputs: current, configuration: configuration,
                         revisions: try revisions(covering: scope, current: current, known: &known), closing: nil)
    }

    /// For every closed quarter among `scope`'s windows, the cells that differ between the closed report (rebuilt
    /// from the archive) and the same quarter built from `current`.
    func revisions(covering scope: ReportScope, current: Inputs,
                   known: inout [FiscalQuarter: QuarterRevisions]) throws -> [QuarterRevisions] {
        let windows = Set(scope.windows)
        var result: [QuarterRevisions] = []
        for closing in try QuarterClosings.all(output: configuration.output)
        where windows.contains(.quarter(closing.quarter)) {
            if let done = known[closing.quarter] {
                result.append(done)
                continue
            }
            let archived = try closing.loadInputs()
            let quarter = ReportScope.quarter(closing.quarter)
            let closed = ReportBuilder.build(
                scope: quarter, options: closing.configuration(over: configuration).reportOptions,
                reference: archived.reference, imported: archived.imported, asOf: archived.asOf)
            let now = ReportBuilder.build(
                scope: quarter, options: configuration.reportOptions, reference: current.reference,
                imported: current.imported, asOf: current.asOf)
            let revisions = QuarterRevisions(
                quarter: closing.quarter, closedAt: closing.manifest.closedAt, closedBy: closing.manifest.closedBy,
                revisions: RevisionFinder.revisions(closed: closed, current: now))
            known[closing.quarter] = revisions
            result.append(revisions)
        }
        return result
    }

    /// "Quarter 2/2565 is closed (…, by …): rebuilt from the inputs archived at closing."
    static func reproducedNotice(_ closing: QuarterClosing) -> BilingualText {
        let q = "\(closing.quarter.quarter)/\(closing.quarter.fiscalYear)"
        let by = closing.manifest.closedBy
        let th = ThaiCalendarNames.dateText(closing.manifest.closedAt, .th)
        let en = ThaiCalendarNames.dateText(closing.manifest.closedAt, .en)
        return BilingualText(
            th: "ไตรมาส \(q) ปิดแล้วเมื่อ \(th) โดย \(by): รายงานนี้สร้างซ้ำจากสำเนาข้อมูลที่เก็บไว้ตอนปิด "
                + "(ใช้ --current เพื่อรายงานจากข้อมูลปัจจุบัน)",
            en: "Quarter \(q) was closed on \(en) by \(by): this report is rebuilt from the inputs archived at "
                + "closing (--current reports today's inputs).")
    }
}
