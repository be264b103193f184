#!/usr/bin/env python3
"""Ingestion benchmark: phayao-agenda validate against Python's csv module on the same large submission set.

    python3 bench/ingest.py                 # ~1.1 GB, builds the release binary if needed
    python3 bench/ingest.py --size-mb 300   # smaller run
    python3 bench/ingest.py --size-mb 100 --village-scale 0.125 --nightly-scale 0.125 --skip-build
    python3 bench/ingest.py --skip-build --binary .build/release/phayao-agenda

What it does
  1. Generates (deterministically, seed 2565) submission files into bench/out/inputs/submissions/: each file is
     one district's cumulative resubmission of ten fiscal years (2556-2565) for ~90 villages and the five
     submittable indicators of the minimal reference set, ~4 MB and 54,000 rows. Every 7th file is Windows-874
     (as Thai Excel writes it); some area labels and notes are Thai, some values use thousands commas or Thai
     digits, about 2% of values are blank and about 1 row in 10,000 is bad (month 13, negative value, unknown
     indicator). Files already present with the right size are reused.
  2. Times `phayao-agenda validate --summary-only --inputs bench/out/inputs FILE...` (release build). The
     flag keeps output to one line so printing thousands of problems does not dominate the timing; the full
     checks, duplicate detection and resubmission accounting still run.
  3. Times the baseline: Python's csv module reading the same files (UTF-8, falling back to cp874 exactly as
     the Swift reader falls back to Windows-874) and minimally validating each row (field count, district,
     period, indicator, value as a non-negative number).
  4. Times `validate` on the second row shape, the village set of bench/generate_village_set.py (~40-byte rows,
     `--village-scale`, default the full 17.28 M rows), where per-row costs dominate: so the table shows rows/s
     beside MB/s for both shapes.
  5. Measures a night (bench/nightly.py) on three fiscal years of the village set (`--nightly-scale`, default
     1/8) that grows by one district-month file.
  Each command runs in its own child (bench/measure.py); peak RSS is that child's ru_maxrss.
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import generate_village_set  # noqa: E402
import nightly  # noqa: E402
from measure import fastest, interleaved, measured, paired_ratios  # noqa: E402
OUT = os.path.join(ROOT, "bench", "out")
REFERENCE = os.path.join(ROOT, "Tests", "Fixtures", "reference", "minimal")

DISTRICTS = [f"560{i}" for i in range(1, 10)]
INDICATORS = ["NR01", "NR02", "NR03", "ST01", "ST02"]  # ST03 is a ratio and never submitted
VILLAGE_WORDS = ["ต๋อม", "ร่องไฮ", "แม่ต๋ำ", "ห้วยข้าวก่ำ", "ดงเจน", "สันป่าม่วง", "บ้านถ้ำ", "ปางงุ้น", "แม่นาเรือ", "ท่าวังทอง"]
NOTES = ["", "", "", "", "", "", "", "", "ส่งล่าช้า", "ข้อมูลจาก อสม., ตรวจแล้ว", "revised"]
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def village_labels(district_index):
    labels = []
    for moo in range(1, 91):
        word = VILLAGE_WORDS[(moo + district_index) % len(VILLAGE_WORDS)]
        labels.append(f"Moo {moo}" if moo % 5 == 0 else f"บ้าน{word} หมู่ {moo}")
    return labels


def csv_field(text):
    return '"' + text.replace('"', '""') + '"' if ("," in text or '"' in text or "\n" in text) else text


def generate_file(path, file_index, rng):
    district_index = file_index % len(DISTRICTS)
    district = DISTRICTS[district_index]
    labels = village_labels(district_index)
    lines = ["district_code,period,indicator_id,value,area,note"]
    for fiscal_year in range(2556, 2566):
        for month_index in range(12):
            year, month = (fiscal_year - 1, month_index + 10) if month_index < 3 else (fiscal_year, month_index - 2)
            period = f"{year}-{month:02d}"
            for label in labels:
                for indicator in INDICATORS:
                    roll = rng.random()
                    value = f"{rng.randint(0, 250000) / (10 if indicator == 'NR03' else 1):g}"
                    if roll < 0.02:
                        value = ""
                    elif roll < 0.05 and len(value) > 3 and "." not in value:
                        value = f"{int(value):,}"
                    elif roll < 0.06:
                        value = value.translate(THAI_DIGITS)
                    row_period, row_indicator = period, indicator
                    if roll > 0.9999:
                        row_period = f"{year}-13"
                    elif roll > 0.9998:
                        value = "-" + value if value else "-1"
                    elif roll > 0.9997:
                        row_indicator = "XX99"
                    note = NOTES[int(rng.random() * len(NOTES))]
                    lines.append(",".join([district, row_period, row_indicator, csv_field(value), csv_field(label), csv_field(note)]))
    text = "\r\n".join(lines) + "\r\n"
    data = text.encode("cp874") if file_index % 7 == 3 else text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


def generate(size_mb):
    inputs = os.path.join(OUT, "inputs")
    reference = os.path.join(inputs, "reference")
    if os.path.exists(reference):
        shutil.rmtree(reference)
    shutil.copytree(REFERENCE, reference)
    submissions = os.path.join(inputs, "submissions")
    os.makedirs(submissions, exist_ok=True)
    files, total, index = [], 0, 0
    while total < size_mb * 1_000_000:
        district = DISTRICTS[index % len(DISTRICTS)]
        folder = os.path.join(submissions, district)
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"{district}-resubmission-{index:04d}.csv")
        if not os.path.exists(path):
            generate_file(path, index, random.Random(2565 * 100_003 + index))
        total += os.path.getsize(path)
        files.append(path)
        index += 1
    return inputs, files, total


def baseline(files):
    """Python csv: read every row and apply the same minimal checks."""
    districts, indicators = set(DISTRICTS), set(INDICATORS)
    rows = accepted = 0
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp874")
        del data
        import csv
        import io
        reader = csv.reader(io.StringIO(text, newline=""))
        header = [h.strip().lower() for h in next(reader)]
        d, p, i, v = (header.index(c) for c in ("district_code", "period", "indicator_id", "value"))
        width = len(header)
        for row in reader:
            if not row:
                continue
            rows += 1
            if len(row) != width or row[d].strip().translate(DIGITS_BACK) not in districts:
                continue
            year, _, month = row[p].strip().translate(DIGITS_BACK).partition("-")
            if not (year.isdigit() and month.isdigit() and 1 <= int(month) <= 12):
                continue
            if row[i].strip() not in indicators:
                continue
            value = row[v].strip().translate(DIGITS_BACK).replace(",", "")
            if value:
                try:
                    if float(value) < 0:
                        continue
                except ValueError:
                    continue
            accepted += 1
    print(f"python csv: {rows} rows, {accepted} passed")


DIGITS_BACK = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def checked_rows(result):
    """The row count of `validate --summary-only --lang en` ("Checked N files, R rows: …")."""
    for text in result["stdout_tail"]:
        if text.startswith("Checked "):
            return int(text.split(",")[1].split()[0])
    return 0


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--baseline":
        baseline(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=int, default=1100, help="total submission size to generate (MB, default 1100)")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "phayao-agenda"))
    parser.add_argument("--skip-build", action="store_true", help="do not run swift build -c release")
    parser.add_argument("--village-scale", type=float, default=1.0,
                        help="the village-shaped set for the second row shape (share of 8,000 villages; 0 skips it)")
    parser.add_argument("--nightly-scale", type=float, default=0.125,
                        help="three years of the village set for the nightly figure (0 skips it)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="validate the village set this many times, taking turns with sha256sum over it; show "
                             "the fastest run and the median ratio of back-to-back pairs")
    args = parser.parse_args()

    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "phayao-agenda"], cwd=ROOT, check=True)
    t0 = time.perf_counter()
    inputs, files, total = generate(args.size_mb)
    print(f"data: {len(files)} files, {total / 1e6:.0f} MB in {os.path.relpath(inputs, ROOT)} "
          f"(ready in {time.perf_counter() - t0:.0f} s)")

    swift = measured([args.binary, "validate", "--summary-only", "--lang", "en", "--inputs", inputs] + files)
    print(f"phayao-agenda: {swift['stdout_tail'][-1:]}  (exit {swift['status']})")
    python = measured([sys.executable, os.path.abspath(__file__), "--baseline"] + files)
    print(f"baseline:      {python['stdout_tail'][-1:]}")

    rows = checked_rows(swift)
    mb = total / 1e6
    print()
    # CPU time (user + system of the child) is shown beside wall time because the machine may be shared: on a
    # busy 2-core box wall time includes waiting for a core, CPU time does not.
    header = (f"{'reader':<40}{'wall s':>8}{'cpu s':>8}{'MB/s wall':>11}{'MB/s cpu':>10}{'rows/s wall':>14}"
              f"{'bytes/row':>11}{'peak RSS MB':>13}")
    print(header)
    measured_rows = [("resubmissions: phayao-agenda validate", swift, mb, rows),
                     ("resubmissions: python csv + checks", python, mb, rows)]
    if args.village_scale > 0:
        folder = generate_village_set.default_out(args.village_scale)
        village_files, village_total, _ = generate_village_set.generate(args.village_scale, folder)
        runs = interleaved({
            "validate": [args.binary, "validate", "--summary-only", "--lang", "en", "--inputs", folder] + village_files,
            "sha": ["sha256sum"] + village_files,
        }, args.repeat)
        village = fastest(runs["validate"])
        measured_rows.append(("village: phayao-agenda validate", village, village_total / 1e6, checked_rows(village)))
    for name, m, size, count in measured_rows:
        print(f"{name:<40}{m['wall']:>8.2f}{m['cpu']:>8.2f}{size / m['wall']:>11.1f}{size / m['cpu']:>10.1f}"
              f"{count / m['wall']:>14,.0f}{size * 1e6 / max(count, 1):>11.1f}{m['peak_mb']:>13.0f}")
    print(f"speed ratio (python / swift): wall {python['wall'] / swift['wall']:.1f}x, cpu {python['cpu'] / swift['cpu']:.1f}x; "
          f"goal >= 150 MB/s validated on one core, 6 M rows/s on the village set")
    if args.village_scale > 0:
        median, low, high = paired_ratios(runs["validate"], runs["sha"])
        print(f"village validate / sha256sum over the same files, back-to-back pairs ({args.repeat}): median "
              f"{median:.2f}x (from {low:.2f}x to {high:.2f}x); fastest sha256sum {fastest(runs['sha'])['wall']:.2f} s")
    if args.nightly_scale > 0:
        print()
        rows3, sha, _, second, third = nightly.nights(
            args.nightly_scale, args.binary, os.path.join(OUT, "village-3fy"), quiet=True)
        print(f"nightly, three years of the village set at scale {args.nightly_scale:g} ({rows3:,} rows) plus one "
              f"new district-month file: {second['wall']:.2f} s (cpu {second['cpu']:.2f} s, peak {second['peak_mb']:.0f} MB); "
              f"{third['wall']:.2f} s without the scan cache; sha256sum over the files {sha['wall']:.2f} s")


if __name__ == "__main__":
    main()
