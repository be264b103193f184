#!/usr/bin/env python3
"""Dump what a reader sees on a workbook's sheets as JSON, for the presentation-sheet tests.

Usage: inspect_presentation.py BOOK.xlsx → JSON on stdout: sheet names, the active sheet, and per sheet its cells
(value, font name and size, number format), charts (kind, title, series count), comments, freeze panes, zoom and
print setup (orientation, paper, fit, repeated rows, footer sections).
"""
import datetime
import json
import sys

import openpyxl


def plain(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return value


def rich_text(title):
    if title is None or title.tx is None or title.tx.rich is None:
        return None
    return "".join(r.t for p in title.tx.rich.p for r in (p.r or []))


def sheet_summary(ws):
    cells = {}
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell, openpyxl.cell.cell.MergedCell) or cell.value is None:
                continue
            cells[cell.coordinate] = {
                "value": plain(cell.value),
                "font": cell.font.name,
                "size": cell.font.sz,
                "numberFormat": cell.number_format,
                "isDate": cell.is_date,
            }
    charts = []
    for chart in ws._charts:
        kind = type(chart).__name__
        if kind == "BarChart":
            kind += ":" + chart.barDir
        charts.append({"type": kind, "title": rich_text(chart.title), "series": len(chart.series)})
    footer = ws.oddFooter
    return {
        "cells": cells,
        "charts": charts,
        "comments": {c.coordinate: c.comment.text for row in ws.iter_rows() for c in row if c.comment is not None},
        "freeze": ws.freeze_panes,
        "zoom": ws.sheet_view.zoomScale,
        "orientation": ws.page_setup.orientation,
        "paperSize": int(ws.page_setup.paperSize) if ws.page_setup.paperSize is not None else None,
        "fitToWidth": ws.page_setup.fitToWidth,
        "fitToHeight": ws.page_setup.fitToHeight,
        "titleRows": ws.print_title_rows,
        "footer": [footer.left.text or "", footer.center.text or "", footer.right.text or ""],
        "conditionalTypes": sorted(r.type for cf in ws.conditional_formatting for r in cf.rules),
    }


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    json.dump({
        "sheets": wb.sheetnames,
        "active": wb.active.title,
        "sheet": {ws.title: sheet_summary(ws) for ws in wb.worksheets},
    }, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
