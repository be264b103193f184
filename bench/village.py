#!/usr/bin/env python3
"""Village-scale ingest benchmark: `validate` and `report --year 2565` on many short rows, against `sha256sum` and
`cat` over the same files in the same run (the floor any reader that hashes every byte can reach on this machine).

    python3 bench/village.py --scale 0.125                 # ~90 MB, 2.16 M rows; builds the release binary
    python3 bench/village.py                               # the full 717 MB, 17.28 M rows
    python3 bench/village.py --scale 0.125 --skip-build --baseline-binary /tmp/main-phayao-agenda

The inputs come from bench/generate_village_set.py (deterministic, written under bench/out/village/). Each
command runs in its own child process; peak RSS is that child's ru_maxrss (RUSAGE_CHILDREN), as in
bench/ingest.py. `--baseline-binary` times a second binary (e.g. one built from main) on the same files, so the
two are compared on the same machine load. `--skip-report` leaves out the report runs.
"""
import argparse
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

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import generate_village_set  # noqa: E402


def measured(command):
    """Runs `command` in a fresh Python child so RUSAGE_CHILDREN covers that command alone."""
    raw = subprocess.run([sys.executable, os.path.abspath(__file__), "--measure", "--"] + command,
                         capture_output=True, text=True)
    if raw.returncode != 0:
        sys.exit(f"measurement failed: {raw.stderr}")
    return json.loads(raw.stdout.strip().splitlines()[-1])


def measure_child(command):
    # stdout goes to a file, not a pipe: `cat` writes the whole input, which must not be held in memory here.
    with tempfile.TemporaryFile() as sink:
        start = time.perf_counter()
        proc = subprocess.run(command, stdout=sink, stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        sink.seek(0)
        text = sink.read(1 << 16).decode("utf-8", "replace")
        sink.seek(max(0, sink.seek(0, os.SEEK_END) - 4096))
        out = sink.read().decode("utf-8", "replace").strip().splitlines()
    # The report's own import line ("read N files, R rows, S rows/s"), printed when stderr is a terminal: the
    # import part of the report's time (reference tables included) is R / S.
    found = re.search(r"\(read \d+ files, (\d+) rows, (\d+) rows/s\)", text)
    print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_kib": usage.ru_maxrss,
                      "status": proc.returncode, "stdout_tail": out[-1:], "import_s": int(found.group(1)) / int(found.group(2)) if found else None,
                      "stderr": proc.stderr.decode("utf-8", "replace")[-2000:]}))


def on_terminal(command):
    """`command` run under script(1), so its stderr is a terminal and the report prints its progress lines."""
    if not shutil.which("script"):
        return command
    return ["script", "-qec", shlex.join(command), "/dev/null"]


def line(name, result, rows, floor=None):
    rate = rows / result["wall"] / 1e6
    ratio = f"  {result['wall'] / floor:5.2f}x sha256sum" if floor else ""
    print(f"{name:<28} {result['wall']:7.2f} s  cpu {result['cpu']:7.2f} s  {rate:6.2f} M rows/s  "
          f"peak {result['peak_kib'] / 1024:7.0f} MB{ratio}  exit {result['status']}")


def run_binary(label, binary, inputs, files, rows, floor, skip_report):
    validate = measured([binary, "validate", "--summary-only", "--lang", "en", "--inputs", inputs] + files)
    line(f"{label} validate", validate, rows, floor)
    if validate["status"] not in (0, 1):
        print(f"  stderr: {validate['stderr']}")
    if skip_report:
        return
    with tempfile.TemporaryDirectory(prefix="village-report-") as out:
        report = measured(on_terminal([binary, "report", "--year", "2565", "--inputs", inputs, "--out", out]))
    line(f"{label} report --year 2565", report, rows, floor)
    if report.get("import_s"):
        print(f"{'  of which import':<28} {report['import_s']:7.2f} s  {rows / report['import_s'] / 1e6:6.2f} M rows/s")
    if report["status"] not in (0, 2):
        print(f"  stderr: {report['stderr']}")


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--measure":
        measure_child(sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="share of the 8,000 villages per district")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "phayao-agenda"))
    parser.add_argument("--baseline-binary", help="a second binary to time on the same files (e.g. built from main)")
    parser.add_argument("--skip-build", action="store_true", help="do not run swift build -c release")
    parser.add_argument("--skip-report", action="store_true", help="time validate only")
    parser.add_argument("--out", default=generate_village_set.DEFAULT_OUT,
                        help="where the set is generated (default bench/out/village; keep one folder per scale)")
    args = parser.parse_args()

    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "phayao-agenda"], cwd=ROOT, check=True)
    out = args.out
    files, total, villages = generate_village_set.generate(args.scale, out)
    rows = len(files) * villages * len(generate_village_set.INDICATORS)
    print(f"data: {len(files)} files, {rows:,} rows, {total / 1e6:.1f} MB ({total / rows:.1f} bytes/row), "
          f"{os.cpu_count()} cores")

    sha = measured(["sha256sum"] + files)
    line("sha256sum", sha, rows)
    line("cat", measured(["cat"] + files), rows, sha["wall"])
    run_binary("phayao-agenda", args.binary, out, files, rows, sha["wall"], args.skip_report)
    if args.baseline_binary:
        run_binary("baseline", args.baseline_binary, out, files, rows, sha["wall"], args.skip_report)


if __name__ == "__main__":
    main()
