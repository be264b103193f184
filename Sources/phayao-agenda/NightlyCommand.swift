import AgendaCore
import AgendaJobs
import AgendaReports
import ArgumentParser
import Foundation

/// `phayao-agenda nightly`: what cron runs every night (through `cron/phayao-agenda-cron.sh`, which adds the lock
/// and the log).
struct NightlyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nightly",
        abstract: "Write the quarter-to-date and year-to-date reports and refresh <out>/latest/.",
        discussion: """
            The as-of day (default: today in Asia/Bangkok) picks the reports: the current fiscal quarter to date \
            and the fiscal year to date, both through the as-of month, and in the first --completed-quarter-days \
            days of a quarter also the quarter that just ended. <out>/latest/ then holds the newest quarter-to-date \
            and year-to-date files. When no input file and no setting changed since the last successful run, \
            nothing is written (use --force to rebuild anyway).

            Exit codes:
              0   written, every row accepted; or nothing changed since the last run
              2   written, but some rows or files were rejected (see the Rejected sheet)
              1   failure: nothing replaced, the previous reports (and latest/) are untouched; this includes an
                  empty submissions folder, which usually means the share is not mounted
              64  bad flags
              75  another report or nightly run is writing to the same output folder (see --wait-lock)
            """)

    @OptionGroup var common: CommonOptions

    @Option(name: .customLong("completed-quarter-days"),
            help: "In this many first days of a quarter, also rebuild the quarter that just ended.")
    var completedQuarterDays: Int = 15

    @Flag(name: .long, help: "Rebuild even when nothing changed since the last run.")
    var force = false

    func validate() throws {
        guard (0...31).contains(completedQuarterDays) else {
            throw ValidationError("--completed-quarter-days must be between 0 and 31, not \(completedQuarterDays)")
        }
    }

    func run() throws {
        var configuration = common.jobConfiguration()
        let asOf = configuration.asOf ?? BangkokCalendar.startOfToday()
        configuration.asOf = asOf
        let (month, day) = BangkokCalendar.day(of: asOf)
        let plan = NightlyPlan(asOfMonth: month, day: day, completedQuarterDays: completedQuarterDays)
        let language = common.language
        let lock = try common.lockOutput()
        let result = withExtendedLifetime(lock) { NightlyJob(configuration: configuration, plan: plan).run(force: force) }
        switch result {
        case .unchanged:
            print(language == .th
                  ? "ไม่มีข้อมูลหรือการตั้งค่าใดเปลี่ยนตั้งแต่รอบที่แล้ว รายงานเดิมยังใช้ได้ ไม่ได้เขียนใหม่"
                  : "No input or setting changed since the last run; the reports are left as they are.")
        case .ran(let outcome):
            try common.finish(outcome)
        }
    }
}
