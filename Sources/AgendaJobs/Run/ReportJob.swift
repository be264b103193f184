import AgendaCore
import AgendaReports
import Foundation

/// The report pipeline the commands call: load the reference tables, import every submission once, then for each
/// requested scope build the report and write its workbook and summary atomically into the output folder.
///
/// One import serves several scopes (the nightly run builds quarter-to-date and year-to-date from the same
/// files). Each scope's report is written whole in a staging folder and switched into `<out>/<slug>/` in one step
/// (`StagedReportFolders`): a failure, even in the middle of the commit, leaves the previous reports exactly as they
/// were, and a reader never sees a new workbook beside an old summary. The as-of instant comes from `--as-of` or
/// the newest input file, never the clock, so the same inputs give byte-identical files.
public struct ReportJob: Sendable {
    public let configuration: ReportJobConfiguration
    /// Writes the workbook; replaceable in tests to inject a failure mid-run.
    var writeWorkbook: @Sendable (Report, URL, String, Bool, WorkbookOptions) throws -> WorkbookRenderer.Output = {
        report, url, overflowName, exportsValues, options in
        try WorkbookRenderer(options: options).write(report, to: url, overflowFileName: overflowName,
                                                     exportsValues: exportsValues)
    }
    /// Called before the k-th folder switch of the commit; tests throw from it to fail a commit midway.
    var beforeCommitSwitch: (@Sendable (Int) throws -> Void)?

    public init(configuration: ReportJobConfiguration) {
        self.configuration = configuration
    }

    /// The reference data and the import, read once for any number of scopes.
    public struct Inputs: Sendable {
        public var reference: ReferenceData
        public var imported: ImportResult
        /// `--as-of`, else the newest input file's modification time.
        public var asOf: Date
    }

    /// Loads and imports, then writes every scope. Never throws: a failure becomes `status == .failure` with a
    /// message, and nothing is replaced. A closed quarter's own report is rebuilt from its archived inputs unless
    /// `configuration.current`; today's inputs are read only when some scope needs them.
    public func run(scopes: [ReportScope]) -> ReportOutcome {
        precondition(!scopes.isEmpty, "a report run needs at least one scope")
        MemoryTuning.forImport()
        defer { MemoryTuning.afterImport() }
        do {
            let closings = try scopes.map { try closingToReproduce($0) }
            let current = closings.contains { $0 == nil } ? try loadInputs() : nil
            var known: [FiscalQuarter: QuarterRevisions] = [:]
            var plans: [ScopePlan] = []
            for (scope, closing) in zip(scopes, closings) {
                plans.append(try plan(scope, closing: closing, current: current, known: &known))
            }
            MemoryTuning.afterImport()
            let today = plans.indices.filter { plans[$0].closing == nil }
            if let current, !today.isEmpty {
                let shared = Self.sharedFacts(for: today.map { plans[$0].scope }, of: current,
                                              options: configuration.reportOptions)
                for (k, i) in today.enumerated() {
                    plans[i].anomalies = shared.anomalies[k]
                    plans[i].attribution = shared.attribution
                    plans[i].dataTotals = shared.dataTotals
                }
            }
            return try write(plans)
        } catch let failure as ReportJobFailure {
            return .failed(failure)
        } catch {
            return .failed(ReportJobFailure(BilingualText(
                th: "เขียนรายงานไม่สำเร็จ: \(error)", en: "Could not write the report: \(error)")))
        }
    }

    /// What every scope built from today's import shares, worked out once: the flags (one search per last month,
    /// `ReportBuilder.anomalies`: a night's quarter and year to date judged the same history twice), which district
    /// each file belongs to, and the Data sheet's totals. The last two are a pass each over every value (tens of
    /// millions at village scale), done once per scope before; they only read the import, so they run beside the
    /// search instead of after it, on their own thread.
    static func sharedFacts(for scopes: [ReportScope], of inputs: Inputs, options: ReportOptions)
        -> (anomalies: [[Anomaly]], attribution: DistrictAttribution, dataTotals: [DistrictMonthTotal]) {
        final class Results: @unchecked Sendable {
            // @unchecked Sendable: written by the side thread only, read only after `done` is signalled.
            var attribution: DistrictAttribution?
            var dataTotals: [DistrictMonthTotal] = []
            let done = DispatchSemaphore(value: 0)
        }
        let results = Results()
        // A thread of its own, not a second iteration of `concurrentPerform`: an apply nested in another runs
        // its iterations one after another, which would leave the search on one core.
        let side = Thread {
            results.attribution = DistrictAttribution(
                imported: inputs.imported, districtCodes: inputs.reference.districts.map(\.code))
            results.dataTotals = inputs.imported.accepted.districtMonthTotals()
            results.done.signal()
        }
        side.stackSize = 8 << 20
        side.start()
        let anomalies = ReportBuilder.anomalies(
            for: scopes, options: options, reference: inputs.reference, imported: inputs.imported)
        results.done.wait()
        return (anomalies, results.attribution!, results.dataTotals)
    }

    /// Reads `inputs/reference/` and every submission under `inputs/submissions/`.
    public func loadInputs() throws -> Inputs {
        let progress = ProgressReporter(enabled: configuration.showProgress)
        let root = configuration.inputs
        let referenceFolder = root.appendingPathComponent("reference", isDirectory: true)
        let reference: ReferenceData
        do {
            reference = try ReferenceFolder.load(referenceFolder)
        } catch let error as ReferenceDataError {
            throw ReportJobFailure(BilingualText(
                th: "ตารางอ้างอิงผิดพลาด reference/\(error.message(.th))",
                en: "Broken reference table reference/\(error.message(.en))"))
        } catch {
            throw ReportJobFailure(BilingualText(
                th: "อ่านตารางอ้างอิงใน \(referenceFolder.path) ไม่ได้: \(error)",
                en: "Cannot read the reference tables in \(referenceFolder.path): \(error)"))
        }
        progress.say(th: "กำลังอ่านไฟล์ส่งข้อมูล…", en: "reading submissions…")
        let started = Date()
        let folder = root.appendingPathComponent("submissions").path
        let found: SubmissionDiscovery
        do {
            found = try SubmissionDiscovery.discover(root: root)
        } catch {
            throw ReportJobFailure(BilingualText(
                th: "อ่านโฟลเดอร์ข้อมูล \(folder) ไม่ได้: \(error)",
                en: "Cannot read the inputs folder \(folder): \(error)"))
        }
        // An empty folder is almost always an unmounted share: a report of nothing would replace the province's
        // real one (and `latest/`) with empty tables, so it is a failure and the previous files stay.
        guard !found.files.isEmpty else {
            throw ReportJobFailure(SubmissionDiscovery.noSubmissionsMessage(folder: folder))
        }
        var importer = SubmissionImporter(reference: reference)
        importer.asOf = configuration.asOf
        importer.progress = progress.importProgress(started: started)
        let cache = configuration.useScanCache
            ? DiskScanCache(output: configuration.output, referenceDigest: ReferenceFolder.digest(referenceFolder)) : nil
        importer.scanStore = cache
        var imported = importer.importFiles(found.files)
        cache?.prune()
        imported.merge(found)
        let rows = imported.sources.reduce(0) { $0 + $1.rowsRead }
        progress.rate(files: imported.sources.count, rows: rows, seconds: Date().timeIntervalSince(started))
        let asOf = configuration.asOf ?? Self.newestModification(imported: imported, referenceFolder: referenceFolder)
        return Inputs(reference: reference, imported: imported, asOf: asOf)
    }

    /// Builds and writes every planned scope, then switches every report folder in together.
    func write(_ plans: [ScopePlan]) throws -> ReportOutcome {
        let progress = ProgressReporter(enabled: configuration.showProgress)
        let folder = configuration.output
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportJobFailure(BilingualText(
                th: "สร้างโฟลเดอร์ผลลัพธ์ \(folder.path) ไม่ได้: \(error)",
                en: "Cannot create the output folder \(folder.path): \(error)"))
        }
        AtomicFile.removeStalePartials(in: folder)
        var written: [ReportOutcome.Written] = []
        do {
            let staged = try StagedReportFolders(in: folder)
            staged.beforeSwitch = beforeCommitSwitch
            for plan in plans {
                progress.say(th: "กำลังเขียนรายงาน \(plan.scope.slug)…", en: "writing \(plan.scope.slug)…")
                written.append(try stage(plan, into: staged))
            }
            FaultInjection.pause(at: "staged")
            try staged.commit()
            removeEarlierLayoutCopies(of: plans.map(\.scope))
        } catch let failure as StagedReportFolders.CommitFailure where !failure.restored {
            throw ReportJobFailure(BilingualText(
                th: "เขียนรายงานใน \(folder.path) ไม่สำเร็จ และนำรายงานเดิมกลับคืนได้ไม่ครบ "
                    + "แต่ละโฟลเดอร์รายงานยังมีไฟล์ครบชุด (ชุดเดิมหรือชุดใหม่): \(failure)",
                en: "Could not write the report in \(folder.path), nor put every previous report back; "
                    + "each report folder holds one whole set, previous or new: \(failure)"))
        } catch {
            throw ReportJobFailure(BilingualText(
                th: "เขียนรายงานใน \(folder.path) ไม่สำเร็จ รายงานเดิมยังอยู่ครบ: \(error)",
                en: "Could not write the report in \(folder.path); the previous report is untouched: \(error)"))
        }
        // Counts are today's import, or the archive's when every scope was a closed quarter rebuilt from it.
        let imported = (plans.first { $0.closing == nil } ?? plans[0]).inputs.imported
        var outcome = ReportOutcome(
            written: written, files: imported.sources.count, accepted: imported.accepted.count,
            superseded: imported.superseded.count, rejected: imported.sources.reduce(0) { $0 + $1.rejected },
            rejectedFiles: Set(imported.rejections.filter(\.wholeFile).map(\.file)).count,
            status: imported.rejections.isEmpty ? .clean : .writtenWithRejections, failure: nil,
            skipped: imported.skipped.count)
        outcome.notices = plans.compactMap { plan in plan.closing.map(Self.reproducedNotice) }
        if plans.contains(where: \.districtPacks) {
            let toFix = Set(written.flatMap(\.districtsToFix))
            outcome.districtsToFix = (toFix.count, plans[0].inputs.reference.districts.count)
        }
        return outcome
    }

    /// Builds one scope's report and stages its files in its folder (see `produce`).
    private func stage(_ plan: ScopePlan, into staged: StagedReportFolders) throws -> ReportOutcome.Written {
        let folder = ReportFileNames(scope: plan.scope).folder
        return try produce(plan) { name, write in try staged.stage(name, in: folder, produce: write) }
    }

    /// Builds one scope's report and hands each of its files to `put` (a name and a function writing the file at
    /// a given URL; `put` returns the file's final URL): workbook, the CSV of every value when asked
    /// (`exportValues`), the superseded values' CSV when they overflow their sheet (the audit trail is always
    /// complete), then the summary (last, because it names the workbook). `report` stages them for a folder
    /// switch; `close` writes them into a closing.
    func produce(_ plan: ScopePlan, put: (String, (URL) throws -> Void) throws -> URL) throws -> ReportOutcome.Written {
        let (scope, inputs, configuration) = (plan.scope, plan.inputs, plan.configuration)
        var report = ReportBuilder.build(
            scope: scope, options: configuration.reportOptions, reference: inputs.reference,
            imported: inputs.imported, asOf: inputs.asOf, anomalies: plan.anomalies)
        report.revisions = plan.revisions
        // Always: the Sources sheet names each file's district, in a closing's workbook as in the report's.
        report.attribution = plan.attribution ?? DistrictAttribution(
            imported: inputs.imported, districtCodes: inputs.reference.districts.map(\.code))
        report.dataTotals = plan.dataTotals
        let names = ReportFileNames(scope: scope)
        let exportsValues = configuration.exportValues
        var supersededOverflow = false
        var anomaliesOverflow = false
        let workbookURL = try put(names.workbook) { temporary in
            let output = try writeWorkbook(report, temporary, names.dataCSV, exportsValues, configuration.workbookOptions)
            supersededOverflow = output.supersededOverflow
            anomaliesOverflow = output.anomaliesOverflow
        }
        var csvURL: URL?
        if exportsValues {
            csvURL = try put(names.dataCSV) { temporary in try DataExport.writeCSV(report, to: temporary) }
        }
        var supersededURL: URL?
        if supersededOverflow {
            supersededURL = try put(names.supersededCSV) { temporary in
                try DataExport.writeSupersededCSV(report, to: temporary)
            }
        }
        var anomaliesURL: URL?
        if anomaliesOverflow {
            anomaliesURL = try put(names.anomaliesCSV) { temporary in try DataExport.writeAnomaliesCSV(report, to: temporary) }
        }
        let summary = SummaryRenderer(language: configuration.language).render(report, workbookPath: names.workbook)
        let summaryURL = try put(names.summary) { temporary in try Data(summary.utf8).write(to: temporary) }
        var written = ReportOutcome.Written(scope: scope, workbook: workbookURL, summary: summaryURL,
                                            dataCSV: csvURL, supersededCSV: supersededURL, anomaliesCSV: anomaliesURL)
        if plan.districtPacks, let attribution = report.attribution {
            (written.districtPacks, written.districtsToFix) = try produceDistrictPacks(
                report, attribution: attribution, configuration: configuration, put: put)
        }
        return written
    }

    /// Before reports had folders of their own they were written at the top of the output folder. Once a scope's
    /// folder is in place those copies are out of date, and a reader who bookmarked them would keep reading old
    /// figures, so they go.
    private func removeEarlierLayoutCopies(of scopes: [ReportScope]) {
        for scope in scopes {
            for name in ReportFileNames(scope: scope).all {
                let url = configuration.output.appendingPathComponent(name)
                var info = stat()
                if lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { unlink(url.path) }
            }
        }
    }

    /// The newest modification time among the submissions: how current the data are. The reference tables do not
    /// count (after a fresh checkout they carry the checkout time, which says nothing about the data); they are
    /// used only when there are no submissions at all. The epoch when there is nothing, so an empty inputs folder
    /// still gives a reproducible report.
    static func newestModification(imported: ImportResult, referenceFolder: URL) -> Date {
        if let newest = imported.sources.map(\.modified).max() { return newest }
        var newest = Date(timeIntervalSince1970: 0)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: referenceFolder.path)) ?? []
        for name in names where name.lowercased().hasSuffix(".csv") {
            let path = referenceFolder.appendingPathComponent(name).path
            if let date = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date {
                newest = max(newest, date)
            }
        }
        return newest
    }
}
