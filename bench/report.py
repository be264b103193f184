#!/usr/bin/env python3
"""End-to-end report benchmark: `phayao-agenda report --year 2565` (release build) against a pandas + XlsxWriter
script doing the job the short way, on the same generated inputs, in the same run: once writing the same raw-data
sheet as the real job (Facts + Data, the like-for-like ratio) and once writing only Facts (the flattering one).

    python3 bench/report.py --size-mb 100            # builds the release binary, generates inputs once
    python3 bench/report.py --size-mb 100 --skip-build

Prints wall time and peak RSS of each (each runs in its own child; peak RSS is that child's ru_maxrss), the
input size, and both ratios. Goal: at least 5x faster than the baseline and peak memory below
the input's size.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import generate_large_set  # noqa: E402


def measured(command):
    """Runs `command` in a fresh Python child so RUSAGE_CHILDREN covers that command alone."""
    raw = subprocess.run([sys.executable, os.path.abspath(__file__), "--measure", "--"] + command,
                         capture_output=True, text=True)
    if raw.returncode != 0:
        sys.exit(f"measurement failed: {raw.stderr}")
    return json.loads(raw.stdout.strip().splitlines()[-1])


def measure_child(command):
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"wall": wall, "peak_mb": peak_kib / 1024, "status": proc.returncode,
                      "stdout": proc.stdout.strip().splitlines()[-3:], "stderr": proc.stderr[-1500:]}))


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--measure":
        measure_child(sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=int, default=100)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "phayao-agenda"))
    parser.add_argument("--skip-build", action="store_true")
    args = parser.parse_args()
    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "phayao-agenda"], cwd=ROOT, check=True)
    out = os.path.join(ROOT, "bench", "out")
    inputs = os.path.join(out, "report-inputs")
    files, total = generate_large_set.generate(args.size_mb, inputs)
    print(f"inputs: {len(files)} files, {total / 1e6:.1f} MB")

    swift = measured([args.binary, "report", "--year", "2565", "--inputs", inputs,
                      "--out", os.path.join(out, "report-swift"), "--as-of", "2565-09-30"])
    if swift["status"] not in (0, 2):
        sys.exit(f"phayao-agenda failed: {swift}")
    baseline = measured([sys.executable, os.path.join(HERE, "pandas_baseline.py"), inputs,
                         os.path.join(out, "pandas-report.xlsx"), "--year", "2565"])
    reduced = measured([sys.executable, os.path.join(HERE, "pandas_baseline.py"), inputs,
                        os.path.join(out, "pandas-facts.xlsx"), "--year", "2565", "--facts-only"])
    for name, result in (("baseline", baseline), ("reduced baseline", reduced)):
        if result["status"] != 0:
            sys.exit(f"{name} failed: {result}")
    input_mb = total / 1e6
    print(f"phayao-agenda report --year 2565:    {swift['wall']:6.2f} s, peak RSS {swift['peak_mb']:5.0f} MB "
          f"(exit {swift['status']}; {swift['stdout'][-1] if swift['stdout'] else ''})")
    print(f"pandas + XlsxWriter, Facts + Data:   {baseline['wall']:6.2f} s, peak RSS {baseline['peak_mb']:5.0f} MB "
          f"({baseline['stdout'][-1] if baseline['stdout'] else ''})")
    print(f"pandas + XlsxWriter, Facts only:     {reduced['wall']:6.2f} s, peak RSS {reduced['peak_mb']:5.0f} MB")
    print(f"speed ratio vs Facts + Data (the same sheets of raw data): {baseline['wall'] / swift['wall']:.2f}x (goal >= 5x)")
    print(f"speed ratio vs Facts only (no raw data written):          {reduced['wall'] / swift['wall']:.2f}x")
    print(f"peak memory / input size: {swift['peak_mb'] / input_mb:.2f} (goal < 1)")


if __name__ == "__main__":
    main()
