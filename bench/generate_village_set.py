#!/usr/bin/env python3
"""Generates the "village scale" submission set (deterministic: seeded) for bench/village.py and bench/report.py.

    python3 bench/generate_village_set.py                 # full: 9 x 8,000 villages x 20 x 12 = 17.28 M rows, ~720 MB
    python3 bench/generate_village_set.py --scale 0.125   # 1,000 villages per district, ~90 MB

Shape: 9 districts (5601-5609) x N villages x 20 indicators x the 12 months of FY2565 (2564-10 .. 2565-09), one
file per district-month (108 files), ~42 bytes a row: plain decimal values, `area` a village code, no notes, no
resubmissions. Values (`--values`): by default each village has its own level per indicator (log-uniform, so
villages differ a hundredfold), the indicator a season shared by all villages, each value ±10% noise, and one
value in 5,000 a slip (×10 or ×1,000), as a province's real series look; `--values uniform` is the first shape of
this set, every value independent noise over 0-10,000, which the anomaly rule flags by the hundred thousand (its
worst case, kept for comparison). This is the shape that made per-row costs dominate (short rows, many of them), so the benchmark
counts rows per second, not only MB per second.

Reference (written beside the submissions, `reference/`): the nine districts and five workstreams of
Inputs/reference, and 20 submittable indicators `vill_i01` .. `vill_i20` (sum, last and mean, some lower-is-better)
with a few targets, so `report --year 2565` accepts every row.

Each file's modification time is fixed (an hour apart, months in order), so the import order and the
report's as-of date are the same on every run. Files already present with the right size (and the same
`--values`) are reused.
"""
import argparse
import math
import os
import random
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INPUTS_REFERENCE = os.path.join(ROOT, "Inputs", "reference")
DEFAULT_OUT = os.path.join(ROOT, "bench", "out", "village")


def default_out(scale):
    """Where a scale's set lives, so sets of different scales never overwrite each other: bench/out/village-0.125."""
    return f"{DEFAULT_OUT}-{scale:g}"
DISTRICTS = [f"560{i}" for i in range(1, 10)]
WORKSTREAMS = ["natural_resources", "safe_agriculture", "quality_of_life", "community_welfare", "legal_status"]
INDICATORS = [f"vill_i{i:02d}" for i in range(1, 21)]
AGGREGATIONS = ["sum", "sum", "last", "sum", "mean"]
# FY2565: October 2564 .. September 2565 (Buddhist Era).
MONTHS = [(2564, m) for m in (10, 11, 12)] + [(2565, m) for m in range(1, 10)]


def months_of(fiscal_years):
    """The months of the given fiscal years, October to September, in order."""
    return [ym for fy in fiscal_years for ym in [(fy - 1, m) for m in (10, 11, 12)] + [(fy, m) for m in range(1, 10)]]
FULL_VILLAGES = 8000
# 2022-10-01 00:00 UTC: after the fiscal year, so the report covers it whole.
BASE_MTIME = 1_664_582_400


def write_reference(out):
    reference = os.path.join(out, "reference")
    os.makedirs(reference, exist_ok=True)
    for name in ("areas.csv", "workstreams.csv"):
        shutil.copyfile(os.path.join(INPUTS_REFERENCE, name), os.path.join(reference, name))
    lines = ["id,workstream_id,name_th,name_en,unit_th,unit_en,aggregation,numerator_id,denominator_id,better,"
             "headline,decimals"]
    for i, indicator in enumerate(INDICATORS):
        aggregation = AGGREGATIONS[i % len(AGGREGATIONS)]
        better = "lower" if i % 4 == 1 else "higher"
        headline = "1" if i % len(WORKSTREAMS) == 0 else "0"
        decimals = "2" if aggregation == "mean" else "0"
        lines.append(f"{indicator},{WORKSTREAMS[i % len(WORKSTREAMS)]},ตัวชี้วัดหมู่บ้าน {i + 1},Village indicator {i + 1},"
                     f"หน่วย,units,{aggregation},,,{better},{headline},{decimals}")
    with open(os.path.join(reference, "indicators.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines) + "\n")
    targets = ["fiscal_year,area_code,indicator_id,target"]
    for i, indicator in enumerate(INDICATORS[:6]):
        targets.append(f"2565,56,{indicator},{(i + 1) * 1_000_000}")
        targets.append(f"2565,5601,{indicator},{(i + 1) * 100_000}")
    with open(os.path.join(reference, "targets.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(targets) + "\n")


def file_text(district_index, month_index, villages, months=MONTHS, values="realistic"):
    if values == "uniform":
        return uniform_file_text(district_index, month_index, villages, months)
    district = DISTRICTS[district_index]
    year, month = months[month_index]
    prefix = f"{district},{year}-{month:02d},"
    lines = ["district_code,period,indicator_id,area,value"]
    sizes = village_sizes(district_index, villages)
    seasons = [season(k, month, month_index) for k in range(len(INDICATORS))]
    rng = random.Random(district_index * 100_003 + month_index)
    for village in range(1, villages + 1):
        area = f",{district}{village:05d},"
        row_sizes = sizes[village - 1]
        for k, indicator in enumerate(INDICATORS):
            v = row_sizes[k] * seasons[k] * (0.9 + 0.2 * rng.random())
            slip = rng.randrange(SLIP_ODDS)
            if slip == 0:
                v *= 10
            elif slip == 1:
                v *= 1000
            lines.append(f"{prefix}{indicator}{area}{v:.2f}")
    return "\r\n".join(lines) + "\r\n"


# One value in SLIP_ODDS is typed 10 times too large, one more 1,000 times: the mistakes the anomaly rule is for.
SLIP_ODDS = 10_000
_sizes = {}


def village_sizes(district_index, villages):
    """Each village's own level per indicator, the same every month: log-uniform over 20-2,000 for counts and
    stocks, 40-100 for the `mean` indicators (percentages)."""
    key = (district_index, villages)
    if key not in _sizes:
        rng = random.Random(2565 + district_index)
        _sizes[key] = [[(40 + 60 * rng.random()) if AGGREGATIONS[k % len(AGGREGATIONS)] == "mean"
                        else math.exp(math.log(20) + math.log(100) * rng.random())
                        for k in range(len(INDICATORS))] for _ in range(villages)]
    return _sizes[key]


def season(k, month, month_index):
    """The indicator's shared shape over the year: a seasonal swing of up to 25% for counts, a slow growth for
    stocks, a mild swing for means."""
    aggregation = AGGREGATIONS[k % len(AGGREGATIONS)]
    if aggregation == "last":
        return 1 + 0.005 * month_index
    swing = 0.25 if aggregation == "sum" else 0.05
    return 1 + swing * math.sin(2 * math.pi * (month + 3 * k) / 12)


def uniform_file_text(district_index, month_index, villages, months=MONTHS):
    """The first shape of this set: every value independent and uniform over 0-10,000 (no village has a level of
    its own), kept as the worst case for the anomaly rule, which flags about a fifth of such values."""
    district = DISTRICTS[district_index]
    year, month = months[month_index]
    prefix = f"{district},{year}-{month:02d},"
    lines = ["district_code,period,indicator_id,area,value"]
    seed = district_index * 7919 + month_index * 104_729
    for village in range(1, villages + 1):
        area = f",{district}{village:05d},"
        base = seed + village * 2_654_435_761
        for k, indicator in enumerate(INDICATORS):
            v = (base + k * 40_503) % 1_000_003
            lines.append(f"{prefix}{indicator}{area}{v // 100}.{v % 100:02d}")
    return "\r\n".join(lines) + "\r\n"


def generate(scale, out, fiscal_years=(2565,), values="realistic"):
    """Writes the set for `fiscal_years` (default FY2565 alone); with several, the last year's files are dated as
    in the one-year set and earlier years' files earlier, nine hours a month. `values`: "realistic" (each
    village its own level, a season, ±10% noise and a slip in one value of 5,000) or "uniform" (noise alone)."""
    villages = max(1, round(FULL_VILLAGES * scale))
    months = months_of(fiscal_years)
    write_reference(out)
    marker = os.path.join(out, "values.txt")
    same_values = os.path.exists(marker) and open(marker).read().strip() == values
    files, total = [], 0
    for month_index in range(len(months)):
        for district_index, district in enumerate(DISTRICTS):
            folder = os.path.join(out, "submissions", district)
            os.makedirs(folder, exist_ok=True)
            year, month = months[month_index]
            path = os.path.join(folder, f"{district}-{year}-{month:02d}.csv")
            text = file_text(district_index, month_index, villages, months, values).encode("ascii")
            if not (same_values and os.path.exists(path) and os.path.getsize(path) == len(text)):
                with open(path, "wb") as f:
                    f.write(text)
            mtime = BASE_MTIME + ((month_index - (len(months) - 12)) * len(DISTRICTS) + district_index) * 3600
            os.utime(path, (mtime, mtime))
            files.append(path)
            total += len(text)
    with open(marker, "w") as f:
        f.write(values + "\n")
    keep = set(files)
    for folder, _, names in os.walk(os.path.join(out, "submissions")):
        for name in names:
            if os.path.join(folder, name) not in keep:
                os.remove(os.path.join(folder, name))
    return files, total, villages


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="share of the 8,000 villages per district (default 1)")
    parser.add_argument("--out", help="default bench/out/village-<scale>")
    parser.add_argument("--values", choices=["realistic", "uniform"], default="realistic",
                        help="village levels with a season, noise and rare slips (default), or uniform noise")
    args = parser.parse_args()
    files, total, villages = generate(args.scale, args.out or default_out(args.scale), values=args.values)
    rows = len(files) * villages * len(INDICATORS)
    print(f"{len(files)} files, {rows:,} rows, {total / 1e6:.1f} MB ({villages} villages per district) in "
          f"{args.out or default_out(args.scale)}")


if __name__ == "__main__":
    main()
