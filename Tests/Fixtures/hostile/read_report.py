#!/usr/bin/env python3
"""Dumps what HostileInputsTests checks in a report workbook, as JSON: the Sources sheet's per-file counts and
the Data sheet's accepted values (with each text cell's openpyxl data type, to catch text read as a formula).

Usage: read_report.py BOOK.xlsx
"""
import json
import sys

import openpyxl


def table(ws, first_header):
    """Rows under the header row whose first cell is `first_header`, as dicts keyed by the header names."""
    rows = ws.iter_rows()
    for row in rows:
        if row[0].value == first_header:
            names = [c.value for c in row]
            break
    else:
        return []
    out = []
    for row in rows:
        if all(c.value is None for c in row):
            continue
        record = {name: row[i].value for i, name in enumerate(names) if name}
        record["_types"] = [c.data_type for c in row]
        out.append(record)
    return out


book = openpyxl.load_workbook(sys.argv[1])
sources = [r for r in table(book["Sources"], "file") if isinstance(r.get("rows_read"), (int, float))]
print(json.dumps({
    "sheets": book.sheetnames,
    "sources": [{k: r.get(k) for k in ("file", "rows_read", "accepted", "superseded", "rejected", "blank")}
                for r in sources],
    "data": [{"district": str(r.get("district_code")), "period": str(r.get("period")),
              "indicator": r.get("indicator_id"), "area": r.get("area") or "", "value": r.get("value"),
              "note": r.get("note") or "", "file": r.get("file"), "formula": "f" in r["_types"]}
             for r in table(book["Data"], "district_code")],
}, ensure_ascii=False))
