import AgendaCore

/// The per-workstream part of the summary: headline indicators with the province's year-to-date figures, change
/// against the previous quarter, and the best and most lagging district.
extension SummaryRenderer {
    /// The indicators a workstream leads with: its headline indicators, or its first indicator when none is marked.
    static func headlineIndicators(_ report: Report, workstreamID: String) -> [Indicator] {
        let all = report.reference.indicators(in: workstreamID)
        let headlines = all.filter(\.isHeadline)
        return headlines.isEmpty ? Array(all.prefix(1)) : headlines
    }

    func workstreamLines(_ report: Report, linesAvailable: Int) -> [String] {
        let workstreams = report.reference.workstreams
        let ytd = report.windows.first(where: \.isYearToDate)
        let quarter = report.latestQuarter
        // Each workstream takes a title line plus two lines per indicator; the note, column header and closing
        // blank line take three.
        var perWorkstream = 3
        while perWorkstream > 1 && 3 + workstreams.count * (1 + 2 * perWorkstream) > linesAvailable {
            perWorkstream -= 1
        }

        var table = TextTable(
            alignments: [.left, .right, .left, .right, .right, .left, .left], indent: "   ")
        table.add([labels.indicator, labels.ytdValue, labels.unit, labels.target, labels.achievement,
                   labels.status, labels.change])
        for (number, workstream) in workstreams.enumerated() {
            let indicators = Self.headlineIndicators(report, workstreamID: workstream.id)
            var title = "\(number + 1). \(workstream.name(language))"
            if indicators.count > perWorkstream { title += " " + labels.shownOf(perWorkstream, indicators.count) }
            if indicators.isEmpty { title += " – " + labels.noIndicators }
            table.addText(title)
            for indicator in indicators.prefix(perWorkstream) {
                table.add(indicatorCells(report, indicator, ytd: ytd, quarter: quarter))
                table.addText("      " + districtComparison(report, indicator, ytd: ytd))
            }
        }
        var latestQuarter: FiscalQuarter?
        if case .quarter(let q) = quarter { latestQuarter = q }
        let monthsSoFar = quarter.map { report.scope.effectiveMonths(of: $0).count }
        let note = labels.columnsNote(ytd: ytd?.displayName(language) ?? NumberText.blank, quarter: latestQuarter,
                                      monthsSoFar: monthsSoFar)
        return [note] + table.lines() + [""]
    }

    func indicatorCells(_ report: Report, _ indicator: Indicator, ytd: ReportWindow?, quarter: ReportWindow?) -> [String] {
        let province = report.reference.province.code
        let fact = ytd.flatMap { report.fact($0, indicator: indicator.id, area: province) }
        let quarterFact = quarter.flatMap { report.fact($0, indicator: indicator.id, area: province) }
        return [
            indicator.name(language).truncated(toDisplayWidth: Self.nameWidth),
            NumberText.decimal(fact?.value, decimals: indicator.decimals),
            indicator.unit(language),
            NumberText.decimal(fact?.target, decimals: indicator.decimals),
            NumberText.percent(fact?.achievementPct),
            fact?.status?.text.text(language) ?? NumberText.blank,
            changeText(indicator, now: quarterFact?.value, before: quarterFact?.previousQuarterValue),
        ]
    }

    /// `+1,200 (+10.8%)`; for a ratio, already a percentage, the difference in points: `+2.5 จุด`.
    func changeText(_ indicator: Indicator, now: Double?, before: Double?) -> String {
        guard let now, let before else { return NumberText.blank }
        let difference = NumberText.signed(now - before, decimals: indicator.decimals)
        if indicator.aggregation == .ratio { return difference + " " + labels.percentagePoints }
        guard before != 0 else { return difference }
        return difference + " (" + NumberText.signedPercent(100 * (now - before) / abs(before)) + ")"
    }

    /// The best and most lagging district by year-to-date achievement of their own targets, or by the value itself
    /// when no district has a target. "Best" follows the indicator's direction: for `lower` indicators the
    /// smallest achievement (or value) is best. Ties go to the lower district code, so the text is deterministic.
    func districtComparison(_ report: Report, _ indicator: Indicator, ytd: ReportWindow?) -> String {
        guard let ytd else { return labels.tooFewDistricts }
        let facts = report.reference.districts.compactMap { report.fact(ytd, indicator: indicator.id, area: $0.code) }
        let byAchievement = facts.compactMap { f in f.achievementPct.filter(\.isFinite).map { (f.areaCode, $0) } }
        let byValue = facts.compactMap { f in f.value.filter(\.isFinite).map { (f.areaCode, $0) } }
        let useAchievement = !byAchievement.isEmpty
        let candidates = useAchievement ? byAchievement : byValue
        guard candidates.count >= 2 else { return labels.tooFewDistricts }
        // Stable order: best first by the indicator's direction, then district code.
        let ranked = candidates.sorted { a, b in
            if a.1 != b.1 { return indicator.better == .higher ? a.1 > b.1 : a.1 < b.1 }
            return a.0 < b.0
        }
        func amount(_ value: Double) -> String {
            useAchievement
                ? NumberText.percent(value)
                : labels.withUnit(NumberText.decimal(value, decimals: indicator.decimals), indicator.unit(language))
        }
        func describe(_ entry: (String, Double)) -> String { districtName(entry.0, report) + " " + amount(entry.1) }
        guard let best = ranked.first, let worst = ranked.last else { return labels.tooFewDistricts }
        // Naming a "best" and a "most lagging" district among equals would single one out for nothing.
        var text = amount(best.1) == amount(worst.1)
            ? labels.allEqual(amount(best.1))
            : labels.best(describe(best)) + " · " + labels.lagging(describe(worst))
        if !useAchievement { text += " " + labels.byValue }
        return text
    }
}

extension Optional where Wrapped == Double {
    fileprivate func filter(_ keep: (Double) -> Bool) -> Double? {
        guard let value = self, keep(value) else { return nil }
        return value
    }
}
