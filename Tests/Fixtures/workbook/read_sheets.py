#!/usr/bin/env python3
"""Dump the cells of an .xlsx as a reader sees them, as JSON, for the workbook tests.

Usage: read_sheets.py BOOK.xlsx [SHEET ...]   (all sheets when none are named)
Output: {"sheetNames": [...], "sheets": {name: {"rows": [[cell|null, ...], ...], "autofilter": "A1:H9" | null,
         "freeze": "A2" | null, "landscape": bool, "titleRows": str | null}}}
with cell = {"v": value, "t": openpyxl data type ("n", "s", "b", "d", "f"), "fmt": number format}.
Empty cells are null: the tests check that "no value" is an empty cell, never 0 and never "".
"""
import datetime
import json
import sys

import openpyxl


def cell_json(cell):
    if cell.value is None:
        return None
    value = cell.value
    if isinstance(value, (datetime.datetime, datetime.date)):
        value = value.isoformat()
    return {"v": value, "t": cell.data_type, "fmt": cell.number_format}


def main():
    path, wanted = sys.argv[1], sys.argv[2:]
    book = openpyxl.load_workbook(path)
    result = {"sheetNames": book.sheetnames, "sheets": {}}
    for ws in book.worksheets:
        if wanted and ws.title not in wanted:
            continue
        rows = [[cell_json(c) for c in row] for row in ws.iter_rows()]
        while rows and all(c is None for c in rows[-1]):
            rows.pop()
        result["sheets"][ws.title] = {
            "rows": rows,
            "autofilter": ws.auto_filter.ref,
            "freeze": ws.freeze_panes,
            "landscape": ws.page_setup.orientation == "landscape",
            "titleRows": ws.print_title_rows,
        }
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
