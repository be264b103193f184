#!/usr/bin/env bash
# Runs phayao-agenda unattended (cron or a systemd timer) and leaves a trace a coordinator can read next morning.
#
#   cron/phayao-agenda-cron.sh nightly            the nightly quarter- and year-to-date reports
#   cron/phayao-agenda-cron.sh quarter            the report of the fiscal quarter that ended most recently
#   cron/phayao-agenda-cron.sh -- ARGS…           any other phayao-agenda command line
#
# What it guarantees:
# - PATH, TZ (Asia/Bangkok) and the working folder are set here, because cron gives a bare environment;
# - two runs never overlap: a lock is taken with flock; a second run waits PHAYAO_LOCK_WAIT seconds (default 0)
#   and then refuses, saying so, with exit 75 (EX_TEMPFAIL);
# - no run holds that lock forever: the job gets PHAYAO_TIMEOUT (default 4h, any timeout(1) duration), then
#   SIGTERM, and SIGKILL PHAYAO_KILL_AFTER later (default 60s); the result line says so and the exit status is
#   timeout(1)'s: 124, or 137 when it took SIGKILL;
#   the job's staged files are renamed only at the end, so the last good report is kept;
# - everything the job prints goes to a log under Reports/logs/ named by the start time and the wrapper's pid,
#   so two runs in the same second never share one (logs older than 90 days are deleted);
# - the binary takes its own lock, <out>/.phayao-agenda-run.lock, so a manual `report` cannot collide with a
#   cron run either; it is a different file from the wrapper's on purpose: flock locks belong to an open file
#   description, and the binary asking for the wrapper's lock (already held by its parent) would wait forever;
# - exactly one line goes to stdout (which cron mails): the result, the exit status and where the log is;
# - the job's own exit status is passed through.
#
# Settings (environment): PHAYAO_HOME (project folder, default: the folder above this script), PHAYAO_BIN (the
# executable, default .build/release/phayao-agenda), PHAYAO_INPUTS (default Inputs), PHAYAO_REPORTS (default
# Reports), PHAYAO_LOCK_WAIT (seconds), PHAYAO_TIMEOUT (default 4h), PHAYAO_KILL_AFTER (default 60),
# PHAYAO_LOG_DAYS (default 90), PHAYAO_TODAY (YYYY-MM-DD, CE: the day the `quarter` mode counts from; for tests
# and for re-running a missed quarter).
set -u

home=${PHAYAO_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
cd "$home" || { echo "phayao-agenda: FAILED: cannot enter $home"; exit 1; }
export PATH="/opt/swift/usr/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
export TZ=Asia/Bangkok
export LANG=C.UTF-8 LC_ALL=C.UTF-8

bin=${PHAYAO_BIN:-$home/.build/release/phayao-agenda}
inputs=${PHAYAO_INPUTS:-Inputs}
reports=${PHAYAO_REPORTS:-Reports}
log_days=${PHAYAO_LOG_DAYS:-90}
lock_wait=${PHAYAO_LOCK_WAIT:-0}
time_limit=${PHAYAO_TIMEOUT:-4h}
kill_after=${PHAYAO_KILL_AFTER:-60}

mode=${1:-nightly}
[ $# -gt 0 ] && shift
case "$mode" in
  nightly) args=(nightly --inputs "$inputs" --out "$reports" "$@") ;;
  quarter)
    # The quarter that ended most recently, as the fiscal label FY-Qn (Q1 = Oct–Dec, named by the BE year it ends).
    today=${PHAYAO_TODAY:-$(date +%F)}
    year=${today%%-*} month=${today#*-}; month=$((10#${month%%-*}))
    be=$((year + 543))
    if [ "$month" -le 3 ]; then fy=$be q=1
    elif [ "$month" -le 6 ]; then fy=$be q=2
    elif [ "$month" -le 9 ]; then fy=$be q=3
    else fy=$be q=4
    fi
    args=(report --quarter "$fy-Q$q" --inputs "$inputs" --out "$reports" "$@") ;;
  --) args=("$@") ;;
  *) echo "phayao-agenda: usage: $0 nightly|quarter|-- ARGS" >&2; exit 64 ;;
esac

log_dir="$reports/logs"
mkdir -p "$log_dir" || { echo "phayao-agenda: FAILED: cannot create $log_dir"; exit 1; }
log="$log_dir/$(date +%Y-%m-%d_%H%M%S)-$mode-$$.log"

exec 9>"$reports/.phayao-agenda.lock"
if ! flock -w "$lock_wait" 9; then
  echo "phayao-agenda $mode: NOT RUN: another run still holds $reports/.phayao-agenda.lock (waited ${lock_wait}s)"
  echo "$(date -Is) not run: lock busy" >>"$log"
  exit 75
fi

{
  echo "# $(date -Is) phayao-agenda ${args[*]}"
  echo "# host $(hostname) pid $$ binary $bin"
} >>"$log"

if [ ! -x "$bin" ]; then
  echo "# binary missing: build it with 'swift build -c release'" >>"$log"
  status=1
else
  echo "# time limit $time_limit" >>"$log"
  timeout --kill-after="$kill_after" "$time_limit" "$bin" "${args[@]}" >>"$log" 2>&1 </dev/null
  status=$?
fi
echo "# $(date -Is) exit $status" >>"$log"

find "$log_dir" -maxdepth 1 -name '*.log' -type f -mtime +"$log_days" -delete 2>/dev/null

case "$status" in
  0) result="OK" ;;
  2) result="OK with rejected rows (see the Rejected sheet)" ;;
  64) result="FAILED: bad usage" ;;
  75) result="NOT RUN: another run holds $reports/.phayao-agenda-run.lock (a manual report?)" ;;
  124|137) result="FAILED: stopped after the time limit PHAYAO_TIMEOUT=$time_limit (last good report kept)" ;;
  *) result="FAILED (last good report kept): $(grep -v '^#' "$log" | tail -n 1)" ;;
esac
# The binary's line on the districts' feedback packs, in Thai or English: "… 3 จาก 9" / "… 3 of 9".
to_fix=$(grep -E '^(อำเภอที่มีเรื่องต้องแก้ไข|districts with something to fix): ' "$log" | tail -n 1 | grep -oE '[0-9]+ (จาก|of) [0-9]+' | sed 's/ จาก / of /')
if [ -n "$to_fix" ]; then result="$result; districts to fix: $to_fix"; fi
echo "phayao-agenda $mode: $result; exit $status; log $log"
exit "$status"
