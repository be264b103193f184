#!/usr/bin/env python3
"""Verify the sample submissions independently of how they were written.

Why: the flaws listed in `Inputs/submissions/expected-flaws.json` are what the Swift importer's tests and the sample
report rely on; this re-reads every file the way the importer's rules say (strict UTF-8, else Windows-874; Thai
header aliases; Thai digits; BE or CE periods) and checks that the rows a correct importer must reject are exactly
the listed ones, that every other row names a known district and submittable indicator, and that the row count
matches. Exit 0 when everything matches. Python 3 standard library only.
"""

from __future__ import annotations

import csv
import io
import json
import sys

from generate_samples import BE_OFFSET, HEADER, HEADER_TH, REFERENCE, SUBMISSIONS, read_indicators


def check() -> int:
    """Re-read every sample file as the importer would and compare what is wrong with expected-flaws.json."""
    expected = json.loads((SUBMISSIONS / "expected-flaws.json").read_text(encoding="utf-8"))
    indicators = {i["id"]: i for i in read_indicators()}
    with open(REFERENCE / "areas.csv", encoding="utf-8", newline="") as fh:
        districts = {a["code"] for a in csv.DictReader(fh) if a["parent_code"]}
    alias = dict(zip(HEADER_TH, HEADER))
    found: list[tuple[str, int, str]] = []
    rows = 0
    keys_seen: dict[tuple, list[tuple[str, int]]] = {}
    for path in sorted(SUBMISSIONS.rglob("*.csv")):
        rel = path.relative_to(SUBMISSIONS).as_posix()
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp874")
        text = text.removeprefix("\ufeff")
        reader = csv.reader(io.StringIO(text, newline=""))
        header = [alias.get(h.strip(), h.strip().lower()) for h in next(reader)]
        keys_in_file: dict[tuple, list[int]] = {}
        for rec in reader:
            line = reader.line_num - rec_lines(rec) + 1
            if not any(rec):
                continue
            rows += 1
            r = dict(zip(header, rec))
            value = r["value"].strip().translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")).replace(",", "")
            period = r["period"].translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
            y, m = (int(p) for p in period.split("-"))
            if not 1 <= m <= 12:
                found.append((rel, line, "month_out_of_range"))
            elif r["district_code"] not in districts:
                found.append((rel, line, "unknown_district"))
            elif r["indicator_id"] not in indicators:
                found.append((rel, line, "unknown_indicator"))
            elif indicators[r["indicator_id"]]["aggregation"] == "ratio":
                found.append((rel, line, "ratio_submitted"))
            else:
                try:
                    number = float(value) if value else None
                except ValueError:
                    found.append((rel, line, "not_a_number"))
                    continue
                if number is not None and number < 0:
                    found.append((rel, line, "negative_value"))
                    continue
                if number is None:
                    continue
                be = y if y >= 2400 else y + BE_OFFSET
                key = (r["district_code"], be, m, r["indicator_id"], r.get("area", ""))
                keys_in_file.setdefault(key, []).append(line)
                keys_seen.setdefault(key, []).append((rel, line))
        for key, lines in keys_in_file.items():
            if len(lines) > 1:
                found.extend((rel, ln, "duplicate_key") for ln in lines)
    want = sorted((fl["file"], fl["line"], fl["kind"]) for fl in expected["flaws"] if not fl["valid"])
    ok = sorted(found) == want
    cross = sorted({tuple(sorted({f for f, _ in v})) for v in keys_seen.values() if len({f for f, _ in v}) > 1})
    want_cross = sorted({tuple(sorted([fl["file"], fl["description"].split()[1]]))
                         for fl in expected["flaws"] if fl["kind"] == "resubmission"})
    missing = [(m["district_code"], int(m["period"][:4]), int(m["period"][5:])) for m in expected["missing_district_months"]]
    sent = {(k[0], k[1], k[2]) for k in keys_seen}
    ok = ok and cross == want_cross and not any(m in sent for m in missing)
    print(f"rows {rows} (expected {expected['rows']}); rejected {len(found)} (expected {len(want)}); "
          f"keys in two files: {cross}; missing district-months absent: {not any(m in sent for m in missing)}: "
          f"{'match' if ok else 'MISMATCH'}")
    if not ok:
        print("found:", sorted(found), "\nwant: ", want, file=sys.stderr)
    return 0 if ok and rows == expected["rows"] else 1


def rec_lines(rec: list[str]) -> int:
    return 1 + sum(field.count("\n") for field in rec)


if __name__ == "__main__":
    sys.exit(check())
