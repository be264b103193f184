#!/usr/bin/env python3
"""The report job done the short way, as the benchmark's baseline: pandas + XlsxWriter.

    python3 bench/pandas_baseline.py INPUTS OUT.xlsx --year 2565 [--facts-only]

Reads every submission CSV (UTF-8, falling back to cp874), validates minimally (known district and indicator,
period YYYY-MM with month 1-12, value a non-negative number or blank), aggregates the sum per district and
province x indicator x month / fiscal quarter / fiscal year to date, and writes an xlsx with a Facts sheet and,
unless --facts-only, a Data sheet of every accepted value with its file and line (as the real job does; beyond
Excel's row limit to a CSV beside the workbook). It still ignores the rest of the real job (last/mean/ratio
rules, targets, supersession, completeness, the presentation sheets), so the comparison flatters the baseline.
"""
import argparse
import glob
import os

import pandas as pd


def read(path):
    for encoding in ("utf-8-sig", "cp874"):
        try:
            return pd.read_csv(path, dtype=str, keep_default_na=False, encoding=encoding)
        except UnicodeDecodeError:
            continue
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("inputs")
    parser.add_argument("out")
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--facts-only", action="store_true")
    args = parser.parse_args()
    reference = os.path.join(args.inputs, "reference")
    areas = pd.read_csv(os.path.join(reference, "areas.csv"), dtype=str, keep_default_na=False)
    indicators = pd.read_csv(os.path.join(reference, "indicators.csv"), dtype=str, keep_default_na=False)
    districts = set(areas.loc[areas.parent_code != "", "code"])
    indicator_ids = set(indicators.loc[indicators.aggregation != "ratio", "id"])

    frames = []
    for path in sorted(glob.glob(os.path.join(args.inputs, "submissions", "**", "*.csv"), recursive=True)):
        frame = read(path)
        if frame is not None:
            frame = frame.reindex(columns=["district_code", "period", "indicator_id", "area", "value", "note"],
                                  fill_value="")
            frame["file"] = os.path.relpath(path, args.inputs)
            frame["line"] = range(2, len(frame) + 2)
            frames.append(frame)
    data = pd.concat(frames, ignore_index=True)
    data["value"] = pd.to_numeric(data["value"].str.replace(",", ""), errors="coerce")
    period = data["period"].str.extract(r"^(\d{4})-(\d{2})$").astype(float)
    data["year"], data["month"] = period[0], period[1]
    ok = (data.district_code.isin(districts) & data.indicator_id.isin(indicator_ids) & data.month.between(1, 12)
          & (data.value >= 0))
    data = data[ok].copy()
    accepted = data[["district_code", "period", "indicator_id", "area", "value", "note", "file", "line"]]
    data["fy"] = data.year + (data.month >= 10)
    data = data[data.fy == args.year]
    data["quarter"] = ((data.month + 2) % 12) // 3 + 1

    def windows(frame, area):
        parts = []
        monthly = frame.groupby(["period", "indicator_id"])["value"].sum().reset_index()
        parts.append(monthly.rename(columns={"period": "window"}))
        quarterly = frame.groupby(["quarter", "indicator_id"])["value"].sum().reset_index()
        quarterly["window"] = "FY%d-Q" % args.year + quarterly.quarter.astype(int).astype(str)
        parts.append(quarterly.drop(columns="quarter"))
        ytd = frame.groupby(["indicator_id"])["value"].sum().reset_index()
        ytd["window"] = "FY%d-YTD" % args.year
        parts.append(ytd)
        result = pd.concat(parts, ignore_index=True)
        result["area_code"] = area
        return result

    facts = [windows(group, code) for code, group in data.groupby("district_code")]
    facts.append(windows(data, areas.loc[areas.parent_code == "", "code"].iloc[0]))
    facts = pd.concat(facts, ignore_index=True)[["window", "indicator_id", "area_code", "value"]]
    facts = facts.sort_values(["window", "indicator_id", "area_code"])
    with pd.ExcelWriter(args.out, engine="xlsxwriter") as writer:
        facts.to_excel(writer, sheet_name="Facts", index=False)
        writer.sheets["Facts"].autofilter(0, 0, len(facts), 3)
        if not args.facts_only:
            if len(accepted) < 1_048_576:
                accepted.to_excel(writer, sheet_name="Data", index=False)
            else:
                accepted.to_csv(args.out[:-5] + "-data.csv", index=False, encoding="utf-8-sig")
    # The job's "accepted" counts every valid value of every year (earlier years feed the anomaly checks); the
    # fiscal year's share is what the facts are computed from.
    print(f"{len(accepted)} values accepted, {len(data)} in FY{args.year}, {len(facts)} facts")


if __name__ == "__main__":
    main()
