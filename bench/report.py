#!/usr/bin/env python3
"""End-to-end report benchmark: `phayao-agenda report --year 2565` (release build) against `sha256sum` over the
same files and a pandas + XlsxWriter script doing the job the short way, on the same inputs, in one run: the script
once writing the same raw-data sheet as the real job (Facts + Data, the like-for-like ratio) and once writing only
Facts (the flattering one).

    python3 bench/report.py --village                  # the village-shaped set: 17.28 M rows, ~690 MB
    python3 bench/report.py --village --scale 0.125    # 2.16 M rows, ~86 MB
    python3 bench/report.py --size-mb 100              # the resubmission-shaped set of bench/generate_large_set.py
    python3 bench/report.py --village --skip-pandas    # ours and sha256sum only (pandas takes minutes and GBs)
    python3 bench/report.py --village --skip-pandas --repeat 5   # taking turns 5 times: this machine's speed drifts

Prints wall time, CPU time and peak RSS of each (bench/measure.py: each in its own child), the input size, and the
ratios. Goals (issue 11, village set): our report at most 0.75x sha256sum's time, peak memory below the input's
size; at least 5x faster than the pandas script.
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import generate_large_set  # noqa: E402
import generate_village_set  # noqa: E402
from measure import fastest, interleaved, line, measured, paired_ratios  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--village", action="store_true", help="the village-shaped set (else the resubmission set)")
    parser.add_argument("--scale", type=float, default=1.0, help="with --village: share of the 8,000 villages")
    parser.add_argument("--size-mb", type=int, default=100, help="without --village: size of the set")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "phayao-agenda"))
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--skip-pandas", action="store_true")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run sha256sum and our report this many times each, taking turns; show the fastest "
                             "of each and the median ratio of back-to-back pairs (this machine's speed drifts)")
    args = parser.parse_args()
    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "phayao-agenda"], cwd=ROOT, check=True)
    out = os.path.join(ROOT, "bench", "out")
    if args.village:
        inputs = generate_village_set.default_out(args.scale)
        files, total, villages = generate_village_set.generate(args.scale, inputs)
        rows = len(files) * villages * len(generate_village_set.INDICATORS)
    else:
        inputs = os.path.join(out, "report-inputs")
        files, total = generate_large_set.generate(args.size_mb, inputs)
        rows = 0
    input_mb = total / 1e6
    print(f"inputs: {len(files)} files, {rows:,} rows, {input_mb:.1f} MB, {os.cpu_count()} cores")

    runs = interleaved({
        "sha": ["sha256sum"] + files,
        "swift": [args.binary, "report", "--year", "2565", "--inputs", inputs, "--no-cache",
                  "--out", os.path.join(out, "report-swift"), "--as-of", "2565-09-30"],
    }, args.repeat)
    failed = [r for r in runs["swift"] if r["status"] not in (0, 2)]
    if failed:
        sys.exit(f"phayao-agenda failed: {failed[0]}")
    sha, swift = fastest(runs["sha"]), fastest(runs["swift"])
    line("sha256sum", sha, rows or 1)
    line("phayao-agenda report --year 2565", swift, rows or 1, sha["wall"])
    print(f"{'':34} peak memory / input size {max(r['peak_mb'] for r in runs['swift']) / input_mb:.2f} (goal < 1)")
    if args.repeat > 1:
        median, low, high = paired_ratios(runs["swift"], runs["sha"])
        print(f"{'':34} fastest of {args.repeat} runs each; back-to-back pairs: median {median:.2f}x sha256sum "
              f"(from {low:.2f}x to {high:.2f}x; goal <= 0.75x)")
    if args.skip_pandas:
        return
    pandas = [sys.executable, os.path.join(HERE, "pandas_baseline.py"), inputs]
    baseline = measured(pandas + [os.path.join(out, "pandas-report.xlsx"), "--year", "2565"])
    reduced = measured(pandas + [os.path.join(out, "pandas-facts.xlsx"), "--year", "2565", "--facts-only"])
    for name, result in (("baseline", baseline), ("reduced baseline", reduced)):
        if result["status"] != 0:
            sys.exit(f"{name} failed: {result}")
    line("pandas + XlsxWriter, Facts + Data", baseline, rows or 1, sha["wall"])
    line("pandas + XlsxWriter, Facts only", reduced, rows or 1, sha["wall"])
    print(f"speed ratio vs Facts + Data (the same sheets of raw data): {baseline['wall'] / swift['wall']:.2f}x (goal >= 5x)")
    print(f"speed ratio vs Facts only (no raw data written):          {reduced['wall'] / swift['wall']:.2f}x")
    print(f"pandas peak memory / ours: {baseline['peak_mb'] / swift['peak_mb']:.2f}x")


if __name__ == "__main__":
    main()
