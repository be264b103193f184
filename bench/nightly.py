#!/usr/bin/env python3
"""Nightly benchmark: what a night costs when three fiscal years of village-scale data grow by one file.

    python3 bench/nightly.py --scale 0.125          # 3 x 2.16 M rows, ~260 MB; builds the release binary
    python3 bench/nightly.py                        # the full 3 x 17.28 M rows, ~2.1 GB
    python3 bench/nightly.py --scale 0.125 --skip-build

It writes FY2563-FY2565 with bench/generate_village_set.py into bench/out/village-3fy (or --out), then times, in
one run and against `sha256sum` over the same files:
  1. `nightly --as-of 2565-11-20` into a fresh output folder: every file read, the scan cache filled;
  2. one new district-month file (5601's 2565-11), then `nightly` again: the scan cache serves every other file,
     so this is the cost of a normal night;
  3. the same night with `--no-cache --force`: what a night costs when every file is read again.
Figures are wall time, CPU time and peak RSS (ru_maxrss of the child). Compare them within one run only.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import generate_village_set  # noqa: E402
from measure import line, measured  # noqa: E402

NEW_FILE = ("5601", 2565, 11)


def nights(scale, binary, out, quiet=False):
    """Generates the three-year set at `scale` into `out` and measures the three nights (see the module doc);
    returns (rows, sha256sum, first, one new file, --no-cache) and prints them unless `quiet`."""
    files, total, villages = generate_village_set.generate(scale, out, fiscal_years=(2563, 2564, 2565))
    rows = len(files) * villages * len(generate_village_set.INDICATORS)
    district, year, month = NEW_FILE
    new = os.path.join(out, "submissions", district, f"{district}-{year}-{month:02d}.csv")
    if os.path.exists(new):
        os.remove(new)
    show = (lambda *a: None) if quiet else line
    if not quiet:
        print(f"data: {len(files)} files, {rows:,} rows, {total / 1e6:.1f} MB, {os.cpu_count()} cores")
    sha = measured(["sha256sum"] + files)
    show("sha256sum", sha, rows)
    nightly = [binary, "nightly", "--as-of", "2565-11-20", "--inputs", out]
    try:
        with tempfile.TemporaryDirectory(prefix="village-nightly-") as reports:
            first = measured(nightly + ["--out", reports])
            show("nightly, first (cache empty)", first, rows, sha["wall"])
            text = generate_village_set.file_text(0, 0, villages, [(year, month)]).encode("ascii")
            with open(new, "wb") as f:
                f.write(text)
            mtime = generate_village_set.BASE_MTIME + 50 * 86_400
            os.utime(new, (mtime, mtime))
            rows += villages * len(generate_village_set.INDICATORS)
            second = measured(nightly + ["--out", reports])
            show("nightly, one new file", second, rows, sha["wall"])
            third = measured(nightly + ["--out", reports, "--no-cache", "--force"])
            show("same night, --no-cache", third, rows, sha["wall"])
            for name, result in [("first", first), ("second", second), ("third", third)]:
                if result["status"] not in (0, 2):
                    print(f"  {name} stderr: {result['stderr']}")
            cache = os.path.join(reports, ".cache")
            size = sum(os.path.getsize(os.path.join(d, n)) for d, _, names in os.walk(cache) for n in names)
            if not quiet:
                print(f"scan cache: {size / 1e6:.1f} MB for {total / 1e6:.1f} MB of inputs")
                print(f"one new file: {second['wall'] / third['wall']:.2f}x the night without the cache")
    finally:
        if os.path.exists(new):
            os.remove(new)
    return rows, sha, first, second, third


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "phayao-agenda"))
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "out", "village-3fy"))
    args = parser.parse_args()
    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "phayao-agenda"], cwd=ROOT, check=True)
    nights(args.scale, args.binary, args.out)


if __name__ == "__main__":
    main()
