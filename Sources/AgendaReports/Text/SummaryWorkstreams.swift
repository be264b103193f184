import AgendaCore

/// The per-workstream part of the summary: headline indicators with the province's year-to-date figures, change
/// against the previous quarter, and the best and the worst district. Which indicators lead and which districts are
/// best and worst come from `Report.insights`, as on the dashboard.
extension SummaryRenderer {
    func workstreamLines(_ report: Report, linesAvailable: Int) -> [String] {
        let workstreams = report.reference.workstreams
        let insights = report.insights!
        let ytd = report.windows.first(where: \.isYearToDate)
        let quarter = report.latestQuarter
        // Each workstream takes a title line plus, per indicator, its name's lines and the district line; the note,
        // column header and closing blank line take three. Fewer indicators per workstream until it fits.
        func linesNeeded(_ perWorkstream: Int) -> Int {
            3 + workstreams.reduce(0) { total, workstream in
                total + 1 + insights.headlines(workstream.id).prefix(perWorkstream)
                    .reduce(0) { $0 + nameLines($1).count + 1 }
            }
        }
        var perWorkstream = 3
        while perWorkstream > 1 && linesNeeded(perWorkstream) > linesAvailable {
            perWorkstream -= 1
        }

        var table = TextTable(
            alignments: [.left, .right, .left, .right, .right, .left, .left], indent: "   ")
        table.add([labels.indicator, labels.ytdValue, labels.unit, labels.target, labels.achievement,
                   labels.status, labels.change])
        for (number, workstream) in workstreams.enumerated() {
            let indicators = insights.headlines(workstream.id)
            var title = "\(number + 1). \(workstream.name(language))"
            if indicators.count > perWorkstream { title += " " + labels.shownOf(perWorkstream, indicators.count) }
            if indicators.isEmpty { title += " – " + labels.noIndicators }
            table.addText(title)
            for indicator in indicators.prefix(perWorkstream) {
                let cells = indicatorCells(report, indicator, ytd: ytd, quarter: quarter)
                // A name too long for its column wraps onto rows of its own, whole words, never cut.
                let names = nameLines(indicator)
                table.add([names[0]] + cells)
                for more in names.dropFirst() { table.add([more] + Array(repeating: "", count: cells.count)) }
                table.addText("      " + districtComparison(report, indicator))
            }
        }
        var latestQuarter: FiscalQuarter?
        if case .quarter(let q) = quarter { latestQuarter = q }
        let monthsSoFar = quarter.map { report.scope.effectiveMonths(of: $0).count }
        let note = labels.columnsNote(ytd: ytd?.displayName(language) ?? NumberText.blank, quarter: latestQuarter,
                                      monthsSoFar: monthsSoFar)
        return [note] + table.lines() + [""]
    }

    /// The indicator's short name (`short_name_th` / `short_name_en`, else its name) in lines of at most
    /// `nameWidth` columns, broken between words; a single word wider than that stays whole.
    func nameLines(_ indicator: Indicator) -> [String] {
        Self.wrap(indicator.shortName(language), width: Self.nameWidth)
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if current.isEmpty || candidate.displayWidth <= width {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        return lines + [current]
    }

    /// Value, unit, target, percentage of the target (of a ceiling: "105.6% ของเพดาน"), status in the indicator's
    /// words, and change against the previous quarter.
    func indicatorCells(_ report: Report, _ indicator: Indicator, ytd: ReportWindow?, quarter: ReportWindow?) -> [String] {
        let province = report.reference.province.code
        let fact = ytd.flatMap { report.fact($0, indicator: indicator.id, area: province) }
        let quarterFact = quarter.flatMap { report.fact($0, indicator: indicator.id, area: province) }
        return [
            NumberText.decimal(fact?.value, decimals: indicator.decimals),
            indicator.unit(language),
            NumberText.decimal(fact?.target, decimals: indicator.decimals),
            achievementText(fact?.achievementPct, indicator),
            fact?.statusText(indicator)?.text(language) ?? NumberText.blank,
            changeText(indicator, now: quarterFact?.value, before: quarterFact?.previousQuarterValue),
        ]
    }

    /// `97.3%`, or `105.6% ของเพดาน` for a ceiling; `–` without one.
    func achievementText(_ pct: Double?, _ indicator: Indicator) -> String {
        guard let pct, pct.isFinite else { return NumberText.blank }
        return NumberText.percent(pct) + indicator.targetKind.percentSuffix.text(language)
    }

    /// `+1,200 (+10.8%)`; for a ratio, already a percentage, the difference in points: `+2.5 จุด`.
    func changeText(_ indicator: Indicator, now: Double?, before: Double?) -> String {
        guard let now, let before else { return NumberText.blank }
        let difference = NumberText.signed(now - before, decimals: indicator.decimals)
        if indicator.aggregation == .ratio { return difference + " " + labels.percentagePoints }
        guard before != 0 else { return difference }
        return difference + " (" + NumberText.signedPercent(100 * (now - before) / abs(before)) + ")"
    }

    /// The best and the worst district (`ReportInsights.comparison`): "ดีที่สุด: อ.ภูซาง 83.2% ของเพดาน · สูงที่สุด:
    /// อ.เมืองพะเยา 109.5% ของเพดาน".
    func districtComparison(_ report: Report, _ indicator: Indicator) -> String {
        guard let comparison = report.insights.comparison(indicator.id) else { return labels.tooFewDistricts }
        let byAchievement = comparison.basis == .achievement
        func amount(_ value: Double) -> String {
            byAchievement
                ? achievementText(value, indicator)
                : labels.withUnit(NumberText.decimal(value, decimals: indicator.decimals), indicator.unit(language))
        }
        func describe(_ entry: ReportInsights.RankedDistrict) -> String {
            districtName(entry.areaCode, report) + " " + amount(entry.amount)
        }
        // Naming a "best" and a "worst" district among equals would single one out for nothing.
        var text = comparison.allEqual
            ? labels.allEqual(amount(comparison.best.amount))
            : labels.best(describe(comparison.best)) + " · "
                + labels.worst(describe(comparison.worst), lowerIsBetter: indicator.better == .lower)
        if !byAchievement { text += " " + labels.byValue }
        return text
    }
}
