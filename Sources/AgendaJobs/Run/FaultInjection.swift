import AgendaCore
import Foundation

/// Test-only pause points, so a process-level test can kill or hold a run at an exact moment instead of polling
/// and hoping. Compiled into debug builds only; release binaries ignore the environment variable.
///
/// With `PHAYAO_AGENDA_PAUSE_AT=<point>` in the environment, the run stops itself (`SIGSTOP`) on reaching that
/// point; the test sees state `T` in `/proc/<pid>/stat`, then sends `SIGKILL` or `SIGCONT`.
/// Points: `staged` — every report of the run is complete in the staging folder, nothing switched in yet;
/// `mid-commit` — the first report folder is switched in, the others not yet.
enum FaultInjection {
    static func pause(at point: String) {
        #if DEBUG
        if ProcessInfo.processInfo.environment["PHAYAO_AGENDA_PAUSE_AT"] == point {
            raise(SIGSTOP)
        }
        #endif
    }
}
