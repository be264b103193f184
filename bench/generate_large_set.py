#!/usr/bin/env python3
"""Generates a large, deterministic submission set for the report benchmark (seed 2565).

    python3 bench/generate_large_set.py --size-mb 100 [--out bench/out/report-inputs]

Reference: Tests/Fixtures/reference/minimal (nine districts, NR01-NR03, ST01-ST03; ST03 is a ratio and never
submitted). Each file is one district's batch: 90 villages x the 24 months of FY2564-FY2565 x 5 indicators
(~10,800 rows, ~0.6 MB), Thai village labels made unique per batch so no value is superseded, ~2% blank values
and a few notes. Files already present are reused, so reruns time the report and not the generator.
"""
import argparse
import os
import random
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REFERENCE = os.path.join(ROOT, "Tests", "Fixtures", "reference", "minimal")
DISTRICTS = [f"560{i}" for i in range(1, 10)]
INDICATORS = ["NR01", "NR02", "NR03", "ST01", "ST02"]
MONTHS = [f"{y}-{m:02d}" for fy in (2564, 2565) for y, m in
          [(fy - 1, 10), (fy - 1, 11), (fy - 1, 12)] + [(fy, k) for k in range(1, 10)]]
WORDS = ["ต๋อม", "ร่องไฮ", "แม่ต๋ำ", "ห้วยข้าวก่ำ", "ดงเจน", "สันป่าม่วง", "บ้านถ้ำ", "ปางงุ้น", "แม่นาเรือ", "ท่าวังทอง"]
NOTES = [""] * 12 + ["ส่งล่าช้า", "ข้อมูลจาก อสม., ตรวจแล้ว"]


def generate_file(path, index):
    rng = random.Random(2565 * 100_003 + index)
    district = DISTRICTS[index % len(DISTRICTS)]
    batch = index // len(DISTRICTS)
    lines = ["district_code,period,indicator_id,area,value,note"]
    for moo in range(1, 91):
        area = f"บ้าน{WORDS[(moo + batch) % len(WORDS)]} หมู่ {moo} ชุด {batch}"
        for month in MONTHS:
            for indicator in INDICATORS:
                value = "" if rng.random() < 0.02 else str(rng.randint(0, 5000) if indicator != "NR03" else rng.randint(1, 5))
                note = rng.choice(NOTES)
                if "," in note:
                    note = '"' + note + '"'
                lines.append(f"{district},{month},{indicator},{area},{value},{note}")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")


def generate(size_mb, out):
    reference = os.path.join(out, "reference")
    if os.path.exists(reference):
        shutil.rmtree(reference)
    shutil.copytree(REFERENCE, reference)
    files, total, index = [], 0, 0
    while total < size_mb * 1_000_000:
        district = DISTRICTS[index % len(DISTRICTS)]
        folder = os.path.join(out, "submissions", district)
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"{district}-batch-{index:04d}.csv")
        if not os.path.exists(path):
            generate_file(path, index)
        total += os.path.getsize(path)
        files.append(path)
        index += 1
    # Remove files from an earlier, larger run so the set is exactly this size.
    keep = set(files)
    for folder, _, names in os.walk(os.path.join(out, "submissions")):
        for name in names:
            if os.path.join(folder, name) not in keep:
                os.remove(os.path.join(folder, name))
    return files, total


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=int, default=100)
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "out", "report-inputs"))
    args = parser.parse_args()
    files, total = generate(args.size_mb, args.out)
    print(f"{len(files)} files, {total / 1e6:.1f} MB in {args.out}")
