#!/usr/bin/env python3
"""Measures the anomaly flags: recall on typical clerk mistakes injected into copies of the sample inputs, and the
number of flags on the clean sample year.

    python3 bench/anomalies.py                 # builds the debug binary, 200 injections, prints the figures
    python3 bench/anomalies.py --skip-build --injections 60 --seed 7
    python3 bench/anomalies.py --check         # exit 1 unless recall >= 90% and <= 5 clean flags

How it works. `Inputs/` is copied to `bench/out/anomalies/` (never modified) and `report --year 2565` runs on the
clean copy; its `Data` sheet gives every accepted value with its file and line, its `Anomalies` sheet the clean
flags. Then mistakes are injected into FY2565 cells chosen by a fixed seed, each by rewriting one value in a copy
of its CSV file (same encoding, line endings and modification time):

    x10          a decimal slip, any indicator            x1000 / div1000   a unit slip, any indicator
    stock_1pct   a stock (`last`) collapsing to 1%        mean_x10          a mean (`mean`) typed ten times too large
    cumulative   a flow (`sum`) sent as its fiscal-year-to-date cumulative figure

Injections run in batches: within a batch no two share a district and indicator, and no indicator takes more
than two, so one mistake cannot hide or cause another. Cells whose district, month and indicator are already
flagged on the clean sample are never chosen. An injection is found when a flag names its district, month and
indicator with its area or an empty area (a flag on the district's total points at the cell).

Excluded from the recall's denominator, and counted separately: an injection that by construction cannot be
told from an ordinary value, that is, one that changes neither the district's monthly value nor the area's value
by more than the rule's minimum factor on its scale, (max + c) / (min + c) <= 3, with c the offset the rule uses
for that series (a tenth of its median positive value, at least the indicator's resolution). This covers a zero
times 1000, a cumulative figure in October (equal to the monthly one), in November (about x2) or after quiet
months, and a thousandth of a value already near zero. Raw recall over all injections is printed too.
"""
import argparse
import collections
import json
import os
import random
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(HERE, "out", "anomalies")
MINIMUM_FACTOR = 3.0
OFFSET_FRACTION = 0.1
DELIBERATE = ("5605", "2565-05", "bedridden_cared")  # the sample's own x10 slip (Inputs/submissions/README.md)
FY_MONTHS = ["2564-10", "2564-11", "2564-12"] + [f"2565-{m:02d}" for m in range(1, 10)]
PLAN = [("x10", 40), ("x1000", 35), ("div1000", 35), ("stock_1pct", 35), ("mean_x10", 25), ("cumulative", 30)]


def run_report(binary, inputs, out):
    shutil.rmtree(out, ignore_errors=True)
    proc = subprocess.run([binary, "report", "--year", "2565", "--inputs", inputs, "--out", out],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 2):
        sys.exit(f"report failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return os.path.join(out, "FY2565", "phayao-agenda-FY2565.xlsx")


def read_sheets(book, names):
    import openpyxl
    wb = openpyxl.load_workbook(book, read_only=True)
    result = {}
    for name in names:
        rows = wb[name].iter_rows(values_only=True)
        header = list(next(rows))
        result[name] = [dict(zip(header, r)) for r in rows if any(v is not None for v in r)]
    wb.close()
    return result


def flags_of(book):
    return [(r["district_code"], r["period"], r["indicator_id"], r["area"] or "", r["value"], r["expected"],
             r["score"], r["reason"]) for r in read_sheets(book, ["Anomalies"])["Anomalies"]]


def indicators():
    """Aggregation and decimals by indicator id."""
    import csv
    with open(os.path.join(ROOT, "Inputs", "reference", "indicators.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return ({r["id"]: r["aggregation"] for r in rows},
            {r["id"]: int(r.get("decimals") or (1 if r["aggregation"] == "ratio" else 0)) for r in rows})


def rewrite_value(path, line, new_text):
    """Replaces the value field of the record starting on physical `line`, keeping encoding and line endings."""
    import csv
    import io
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    else:
        try:
            raw.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "cp874"
    newline = "\r\n" if b"\r\n" in raw else "\n"
    text = raw.decode(encoding)
    reader = csv.reader(io.StringIO(text, newline=""))
    records, starts = [], []
    previous_end = 0
    for record in reader:
        starts.append(previous_end + 1)
        previous_end = reader.line_num
        records.append(record)
    header = [h.strip().lower() for h in records[0]]
    col = header.index("value") if "value" in header else header.index("ค่า")
    index = starts.index(line)
    records[index][col] = new_text
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator=newline).writerows(records)
    stat = os.stat(path)
    with open(path, "wb") as f:
        f.write(buffer.getvalue().encode(encoding))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def number_text(v):
    return str(int(v)) if float(v).is_integer() and abs(v) < 1e15 else f"{v:.10g}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "phayao-agenda"))
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--seed", type=int, default=2565)
    parser.add_argument("--injections", type=int, default=200, help="total, split over the types as in PLAN")
    parser.add_argument("--check", action="store_true", help="exit 1 unless the goals are met")
    args = parser.parse_args()
    if not args.skip_build:
        subprocess.run(["swift", "build", "--product", "phayao-agenda"], cwd=ROOT, check=True)
    subprocess.run([sys.executable, os.path.join(ROOT, "Inputs", "generate_samples.py"), "--touch"], check=True)

    shutil.rmtree(OUT, ignore_errors=True)
    clean_inputs = os.path.join(OUT, "clean", "Inputs")
    shutil.copytree(os.path.join(ROOT, "Inputs"), clean_inputs)
    clean_book = run_report(args.binary, clean_inputs, os.path.join(OUT, "clean", "Reports"))
    sheets = read_sheets(clean_book, ["Data", "Anomalies"])
    clean_flags = flags_of(clean_book)
    aggregation, decimals = indicators()

    # Clean values: cells and the series the rule sees at both levels (months up to 2565-09).
    cells = []
    area_values = collections.defaultdict(dict)  # (district, indicator, area) -> period -> value
    for r in sheets["Data"]:
        key = (r["district_code"], r["period"], r["indicator_id"], r["area"] or "")
        cells.append({"key": key, "value": float(r["value"]), "file": r["file"], "line": int(r["line"])})
        area_values[(key[0], key[2], key[3])][key[1]] = float(r["value"])
    totals = collections.defaultdict(lambda: [0.0, 0])  # (district, period, indicator) -> [sum, count]
    for c in cells:
        d, p, i, _ = c["key"]
        totals[(d, p, i)][0] += c["value"]
        totals[(d, p, i)][1] += 1

    def total_value(i, s, n):
        return s / n if aggregation[i] == "mean" else s

    def offset(values, fallback, resolution):
        positive = [v for v in values if v > 0]
        if positive:
            return max(OFFSET_FRACTION * statistics.median(positive), resolution)
        return fallback

    district_series = collections.defaultdict(list)  # (district, indicator) -> monthly values
    for (d, p, i), (s, n) in totals.items():
        district_series[(d, i)].append(total_value(i, s, n))
    common = {}
    for i in aggregation:
        resolution = 10 ** -decimals[i]
        common[i] = (offset([v for (d, ii), vs in district_series.items() if ii == i for v in vs], None, resolution),
                     offset([v for (d, ii, a), vs in area_values.items() if ii == i and a for v in vs.values()],
                            None, resolution))

    def detectable(cell, new):
        """Whether the change reaches the rule's minimum factor at the district level or the area level."""
        d, p, i, a = cell["key"]
        resolution = 10 ** -decimals[i]
        s, n = totals[(d, p, i)]
        old_total, new_total = total_value(i, s, n), total_value(i, s - cell["value"] + new, n)
        pairs = [(old_total, new_total, offset(district_series[(d, i)], common[i][0], resolution))]
        if a:
            pairs.append((cell["value"], new, offset(area_values[(d, i, a)].values(), common[i][1], resolution)))
        return any(c is not None and (max(x, y) + c) / (min(x, y) + c) > MINIMUM_FACTOR for x, y, c in pairs)

    def injected_value(kind, cell):
        d, p, i, a = cell["key"]
        v = cell["value"]
        if kind in ("x10", "mean_x10"):
            return v * 10
        if kind == "x1000":
            return v * 1000
        if kind == "div1000":
            return v / 1000
        if kind == "stock_1pct":
            return v / 100
        series = area_values[(d, i, a)]
        return sum(series.get(m, 0.0) for m in FY_MONTHS[:FY_MONTHS.index(p) + 1])

    applies = {
        "x10": lambda agg: agg != "ratio", "x1000": lambda agg: agg != "ratio",
        "div1000": lambda agg: agg != "ratio", "stock_1pct": lambda agg: agg == "last",
        "mean_x10": lambda agg: agg == "mean", "cumulative": lambda agg: agg == "sum",
    }
    flagged_clean = {(f[0], f[1], f[2]) for f in clean_flags}
    rng = random.Random(args.seed)
    scale = args.injections / sum(n for _, n in PLAN)
    injections = []
    used = set()
    for kind, count in PLAN:
        pool = [c for c in cells if c["key"][1] in FY_MONTHS and applies[kind](aggregation[c["key"][2]])
                and c["value"] > 0 and c["key"][:3] not in flagged_clean and c["key"][:3] != DELIBERATE
                and (c["key"][0], c["key"][2]) != (DELIBERATE[0], DELIBERATE[2])]
        rng.shuffle(pool)
        chosen = [c for c in pool if c["key"] not in used][:round(count * scale)]
        for cell in chosen:
            used.add(cell["key"])
            new = injected_value(kind, cell)
            injections.append({"kind": kind, "cell": cell, "new": new, "detectable": detectable(cell, new)})

    # Batches: one injection per (district, indicator), at most two per indicator.
    batches = []
    for inj in injections:
        d, _, i, _ = inj["cell"]["key"]
        for batch in batches:
            if all((x["cell"]["key"][0], x["cell"]["key"][2]) != (d, i) for x in batch) \
                    and sum(x["cell"]["key"][2] == i for x in batch) < 2:
                batch.append(inj)
                break
        else:
            batches.append([inj])

    collateral = []
    for n, batch in enumerate(batches):
        inputs = os.path.join(OUT, f"batch-{n:02d}", "Inputs")
        shutil.copytree(clean_inputs, inputs)
        for inj in batch:
            rewrite_value(os.path.join(inputs, inj["cell"]["file"]), inj["cell"]["line"],
                          number_text(inj["new"]))
        flags = flags_of(run_report(args.binary, inputs, os.path.join(OUT, f"batch-{n:02d}", "Reports")))
        keys = {(f[0], f[1], f[2]): f for f in flags}
        for inj in batch:
            d, p, i, a = inj["cell"]["key"]
            inj["found"] = any(f[:3] == (d, p, i) and f[3] in ("", a) for f in flags)
            inj["flag"] = keys.get((d, p, i))
        # A flag elsewhere in an injected series (another month of the same district and indicator) follows from
        # the mistake, whose own series it distorts; anything else is collateral.
        series = {(x["cell"]["key"][0], x["cell"]["key"][2]) for x in batch}
        collateral += [f for f in flags if (f[0], f[2]) not in series and f[:3] not in flagged_clean]
        shutil.rmtree(os.path.join(OUT, f"batch-{n:02d}"))

    print(f"anomaly check: seed {args.seed}, {len(injections)} injections in {len(batches)} batches")
    print(f"{'mistake':<12} {'injected':>8} {'excluded':>8} {'counted':>8} {'found':>6} {'recall':>7} {'raw':>7}")
    summary = {}
    for kind, _ in PLAN + [("all", 0)]:
        group = [x for x in injections if kind == "all" or x["kind"] == kind]
        counted = [x for x in group if x["detectable"]]
        found = sum(x["found"] for x in counted)
        raw = sum(x["found"] for x in group)
        recall = found / len(counted) if counted else float("nan")
        summary[kind] = {"injected": len(group), "excluded": len(group) - len(counted), "counted": len(counted),
                         "found": found, "recall": recall, "raw_recall": raw / len(group) if group else float("nan")}
        print(f"{kind:<12} {len(group):>8} {len(group) - len(counted):>8} {len(counted):>8} {found:>6} "
              f"{100 * recall:>6.1f}% {100 * summary[kind]['raw_recall']:>6.1f}%")
    misses = [x for x in injections if x["detectable"] and not x["found"]]
    if misses:
        print("missed (counted):")
        for x in misses:
            print(f"  {x['kind']:<11} {' '.join(x['cell']['key'])} {x['cell']['value']:g} -> {x['new']:g}")
    others = [f for f in clean_flags if f[:3] != DELIBERATE]
    print(f"clean sample FY2565: {len(clean_flags)} flags, {len(others)} besides the deliberate x10 slip "
          f"({'found' if len(others) < len(clean_flags) else 'NOT found'})")
    for f in clean_flags:
        print(f"  {f[0]} {f[1]} {f[2]} {f[3] or '(total)'} value {f[4]:g} expected {f[5]:g} score {f[6]:g}")
    print(f"flags outside the injected series in the injected runs (collateral): {len(collateral)}")
    for f in collateral[:10]:
        print(f"  {f[0]} {f[1]} {f[2]} {f[3] or '(total)'} value {f[4]:g} expected {f[5]:g}")
    with open(os.path.join(OUT, "result.json"), "w") as f:
        json.dump({"seed": args.seed, "summary": summary, "clean_flags": len(clean_flags),
                   "clean_flags_besides_deliberate": len(others), "collateral": len(collateral)}, f, indent=2)
    if args.check:
        ok = summary["all"]["recall"] >= 0.9 and len(others) <= 5 and len(others) < len(clean_flags)
        print("goal (recall >= 90%, <= 5 clean flags besides the deliberate slip, which is found):",
              "met" if ok else "NOT met")
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
