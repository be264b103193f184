#!/usr/bin/env python3
"""Village-scale ingest benchmark: `validate` and `report --year 2565` on many short rows, against `sha256sum` and
`cat` over the same files in the same run (the floor any reader that hashes every byte can reach on this machine).

    python3 bench/village.py --scale 0.125                 # ~90 MB, 2.16 M rows; builds the release binary
    python3 bench/village.py                               # the full 717 MB, 17.28 M rows
    python3 bench/village.py --scale 0.125 --skip-build --baseline-binary /tmp/main-phayao-agenda

The inputs come from bench/generate_village_set.py (deterministic, written under bench/out/village-<scale>/; `--values
uniform` for the worst case of the anomaly rule). Each command is measured by bench/measure.py in its own child. `--baseline-binary` times a second binary (e.g. one built from main) on the same files, so the
two are compared on the same machine load. `--skip-report` leaves out the report runs.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import generate_village_set  # noqa: E402
from measure import line, measured, on_terminal  # noqa: E402


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
        print(f"{'  of which import':<34} {report['import_s']:7.2f} s  {rows / report['import_s'] / 1e6:6.2f} M rows/s")
    if report["status"] not in (0, 2):
        print(f"  stderr: {report['stderr']}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="share of the 8,000 villages per district")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "phayao-agenda"))
    parser.add_argument("--baseline-binary", help="a second binary to time on the same files (e.g. built from main)")
    parser.add_argument("--skip-build", action="store_true", help="do not run swift build -c release")
    parser.add_argument("--skip-report", action="store_true", help="time validate only")
    parser.add_argument("--out", help="where the set is generated (default bench/out/village-<scale>)")
    parser.add_argument("--values", choices=["realistic", "uniform"], default="realistic",
                        help="the set's values (bench/generate_village_set.py --values)")
    args = parser.parse_args()

    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "phayao-agenda"], cwd=ROOT, check=True)
    out = args.out or generate_village_set.default_out(args.scale)
    files, total, villages = generate_village_set.generate(args.scale, out, values=args.values)
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
