#!/usr/bin/env python3
"""Dump what a reader sees in an .xlsx as JSON, for the XlsxWriter tests.

Usage: inspect_xlsx.py BOOK.xlsx  → JSON on stdout with, per sheet: cells (value, openpyxl data type, font),
merged ranges, freeze panes, autofilter, data validations, comments, charts, print setup and conditional formats.
"""
import datetime
import json
import sys

import openpyxl


def plain(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return value


def sheet_summary(ws):
    cells = {}
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell, openpyxl.cell.cell.MergedCell) or (cell.value is None and not cell.has_style):
                continue
            cells[cell.coordinate] = {
                "value": plain(cell.value),
                "type": cell.data_type,
                "font": cell.font.name,
                "size": cell.font.sz,
                "charset": cell.font.charset,
                "bold": bool(cell.font.b),
                "numberFormat": cell.number_format,
                "locked": cell.protection.locked,
                "isDate": cell.is_date,
            }
    charts = []
    for chart in ws._charts:
        kind = type(chart).__name__
        if kind == "BarChart":
            kind += ":" + chart.barDir
        title = None
        if chart.title is not None and chart.title.tx is not None and chart.title.tx.rich is not None:
            title = "".join(r.t for p in chart.title.tx.rich.p for r in (p.r or []))
        charts.append({"type": kind, "series": len(chart.series), "title": title,
                       "values": [s.val.numRef.f for s in chart.series if s.val and s.val.numRef]})
    footer = ws.oddFooter
    header = ws.oddHeader
    return {
        "cells": cells,
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "freeze": ws.freeze_panes,
        "autofilter": ws.auto_filter.ref,
        "validations": [
            {"sqref": str(dv.sqref), "type": dv.type, "operator": dv.operator,
             "formula1": dv.formula1, "formula2": dv.formula2, "prompt": dv.prompt, "error": dv.error}
            for dv in ws.data_validations.dataValidation
        ],
        "comments": {c.coordinate: {"text": c.comment.text, "author": c.comment.author}
                     for row in ws.iter_rows() for c in row if c.comment is not None},
        "charts": charts,
        "print": {
            "orientation": ws.page_setup.orientation,
            "paperSize": ws.page_setup.paperSize,
            "fitToWidth": ws.page_setup.fitToWidth,
            "fitToHeight": ws.page_setup.fitToHeight,
            "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None,
            "titleRows": ws.print_title_rows,
            "titleCols": ws.print_title_cols,
            "printArea": ws.print_area,
            "footerCenter": footer.center.text,
            "headerCenter": header.center.text,
            "horizontalCentered": ws.print_options.horizontalCentered,
            "gridLines": ws.print_options.gridLines,
        },
        "view": {
            "zoom": ws.sheet_view.zoomScale,
            "showGridLines": ws.sheet_view.showGridLines,
            "tabColor": ws.sheet_properties.tabColor.rgb if ws.sheet_properties.tabColor else None,
        },
        "protected": ws.protection.sheet,
        "protection": {"formatColumns": ws.protection.formatColumns, "autoFilter": ws.protection.autoFilter,
                       "sort": ws.protection.sort},
        "conditional": sorted(
            [{"range": str(cf.sqref), "types": [r.type for r in cf.rules],
              "operators": [r.operator for r in cf.rules], "formulas": [list(r.formula or []) for r in cf.rules]}
             for cf in ws.conditional_formatting],
            key=lambda d: d["range"]),
        "tables": sorted(ws.tables.keys()),
    }


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    out = {
        "sheets": wb.sheetnames,
        "active": wb.active.title,
        "properties": {"title": wb.properties.title, "creator": wb.properties.creator,
                       "created": plain(wb.properties.created)},
        "sheet": {ws.title: sheet_summary(ws) for ws in wb.worksheets},
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
