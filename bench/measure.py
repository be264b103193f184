#!/usr/bin/env python3
"""How every benchmark here measures a command: in a fresh Python child, so that child's RUSAGE_CHILDREN covers
that command alone (peak RSS is its ru_maxrss; CPU time is user + system, shown beside wall time because this
machine may be shared and wall time then includes waiting for a core).

    from measure import measured, line
    result = measured(["sha256sum", *files])      # {"wall", "cpu", "peak_kib", "peak_mb", "status", ...}
    runs = interleaved({"sha": [...], "ours": [...]}, repeat=3)   # taking turns, for a shared machine

Run as `python3 bench/measure.py -- COMMAND...` it prints that JSON for COMMAND (what `measured` does).
"""
import json
import os
import re
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import time


def measured(command):
    """Runs `command` in a fresh child of this script and returns its figures."""
    raw = subprocess.run([sys.executable, os.path.abspath(__file__), "--"] + command, capture_output=True, text=True)
    if raw.returncode != 0:
        sys.exit(f"measurement failed: {raw.stderr}")
    return json.loads(raw.stdout.strip().splitlines()[-1])


def interleaved(commands, repeat):
    """Runs each of `commands` (a dict: name -> argv) `repeat` times, taking turns, each in its own child.

    Why: this machine is a shared VM whose speed changes by more than 1.5x within minutes, so one run of each
    command compares moments, not programs. Taking turns puts the runs of every command in the same moments;
    `fastest` and `paired_ratios` then read them. Returns name -> list of results, in run order."""
    runs = {name: [] for name in commands}
    for _ in range(max(1, repeat)):
        for name, command in commands.items():
            runs[name].append(measured(command))
    return runs


def fastest(results):
    """The result with the least wall time: the run least disturbed by the machine's other load."""
    return min(results, key=lambda r: r["wall"])


def paired_ratios(results, baselines):
    """Wall-time ratios of runs made back to back (the i-th of each), the fairest comparison on a shared machine:
    (median, smallest, largest)."""
    ratios = sorted(r["wall"] / b["wall"] for r, b in zip(results, baselines))
    return ratios[len(ratios) // 2], ratios[0], ratios[-1]


def _measure_here(command):
    # stdout goes to a file, not a pipe: `cat` writes the whole input, which must not be held in memory here.
    with tempfile.TemporaryFile() as sink:
        start = time.perf_counter()
        proc = subprocess.run(command, stdout=sink, stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        sink.seek(0)
        head = sink.read(1 << 16).decode("utf-8", "replace")
        sink.seek(max(0, sink.seek(0, os.SEEK_END) - 4096))
        tail = sink.read().decode("utf-8", "replace").strip().splitlines()
    # The report's own import line ("read N files, R rows, S rows/s"), printed when stderr is a terminal (see
    # `on_terminal`): the import part of the report's time is R / S.
    found = re.search(r"\(read \d+ files, (\d+) rows, (\d+) rows/s\)", head)
    print(json.dumps({
        "wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_kib": usage.ru_maxrss,
        "peak_mb": usage.ru_maxrss / 1024, "status": proc.returncode, "stdout_tail": tail[-3:],
        "import_s": int(found.group(1)) / int(found.group(2)) if found else None,
        "stderr": proc.stderr.decode("utf-8", "replace")[-2000:]}))


def on_terminal(command):
    """`command` run under script(1), so its stderr is a terminal and phayao-agenda prints its progress lines."""
    if not shutil.which("script"):
        return command
    return ["script", "-qec", shlex.join(command), "/dev/null"]


def line(name, result, rows, floor=None):
    """One row of figures; `floor` is the wall time of `sha256sum` over the same files, for the ratio."""
    rate = rows / result["wall"] / 1e6
    ratio = f"  {result['wall'] / floor:5.2f}x sha256sum" if floor else ""
    print(f"{name:<34} {result['wall']:7.2f} s  cpu {result['cpu']:7.2f} s  {rate:6.2f} M rows/s  "
          f"peak {result['peak_kib'] / 1024:7.0f} MB{ratio}  exit {result['status']}")


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] != "--":
        sys.exit(__doc__)
    _measure_here(sys.argv[2:])
