#!/usr/bin/env python3
"""Read back and fill in the clerk's template workbook, for the template tests.

Usage:
  template_xlsx.py inspect BOOK.xlsx        JSON on stdout: sheets, protection, validations, cells, print setup
  template_xlsx.py fill BOOK.xlsx OUT.csv   types values into `value` the way a clerk would (every fifth data row
                                            left empty), then saves sheet `submission` as Excel's "CSV UTF-8" does:
                                            UTF-8 with BOM, CRLF, minimal quoting. Prints the typed values as JSON.
"""
import csv
import json
import sys

import openpyxl


def filled_value(index):
    """Must match TemplateFixture.filledValue(row:) in the Swift tests."""
    if index % 5 == 4:
        return None
    return float(index * 37 % 400) + (index % 4) * 0.25


def cell_info(cell):
    return {
        "value": "" if cell.value is None else cell.value,
        "locked": bool(cell.protection.locked),
        "font": cell.font.name,
        "size": cell.font.sz,
        "charset": cell.font.charset,
        "bold": bool(cell.font.b),
        "numberFormat": cell.number_format,
    }


def inspect(path):
    wb = openpyxl.load_workbook(path)
    sheets = {}
    for ws in wb.worksheets:
        rows = [[c.value for c in row] for row in ws.iter_rows()]
        p = ws.protection
        sheets[ws.title] = {
            "rows": [["" if v is None else v for v in r] for r in rows],
            "maxRow": ws.max_row,
            "firstCells": {c.coordinate: cell_info(c) for row in ws.iter_rows(max_row=3) for c in row},
            "lockedByColumn": {
                col: sorted({bool(ws.cell(row=r, column=i + 1).protection.locked) for r in range(2, ws.max_row + 1)})
                for i, col in enumerate("ABCDEF")
            } if ws.max_row > 1 else {},
            "protected": bool(p.sheet),
            # In the file format these flags say what is FORBIDDEN: false means the user may do it.
            "forbids": {"formatColumns": bool(p.formatColumns), "formatRows": bool(p.formatRows),
                        "autoFilter": bool(p.autoFilter), "sort": bool(p.sort),
                        "insertRows": bool(p.insertRows), "deleteRows": bool(p.deleteRows)},
            "freeze": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "validations": [
                {"sqref": str(dv.sqref), "type": dv.type, "operator": dv.operator, "formula1": dv.formula1,
                 "allowBlank": bool(dv.allow_blank), "promptTitle": dv.promptTitle, "prompt": dv.prompt,
                 "errorTitle": dv.errorTitle, "error": dv.error}
                for dv in ws.data_validations.dataValidation
            ],
            "comments": {c.coordinate: c.comment.text for row in ws.iter_rows() for c in row if c.comment},
            "widths": {k: v.width for k, v in sorted(ws.column_dimensions.items()) if v.width},
            "orientation": ws.page_setup.orientation,
            "paperSize": ws.page_setup.paperSize,
            # Absent attributes mean Excel's default of 1 page.
            "fitToWidth": int(ws.page_setup.fitToWidth if ws.page_setup.fitToWidth is not None else 1),
            "fitToHeight": int(ws.page_setup.fitToHeight if ws.page_setup.fitToHeight is not None else 1),
            "fitToPage": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
            "titleRows": ws.print_title_rows,
            "hidden": ws.sheet_state != "visible",
        }
    out = {
        "sheets": wb.sheetnames,
        "active": wb.active.title,
        "created": wb.properties.created.isoformat() if wb.properties.created else None,
        "sheet": sheets,
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)


def text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def fill(path, out_path):
    wb = openpyxl.load_workbook(path)
    ws = wb["submission"]
    header = [c.value for c in ws[1]]
    value_col = header.index("value") + 1
    typed = []
    for index, row in enumerate(range(2, ws.max_row + 1)):
        value = filled_value(index)
        typed.append(value)
        ws.cell(row=row, column=value_col).value = value
    with open(out_path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        for row in ws.iter_rows(values_only=True):
            writer.writerow([text(v) for v in row])
    json.dump(typed, sys.stdout)


if __name__ == "__main__":
    if sys.argv[1] == "inspect":
        inspect(sys.argv[2])
    elif sys.argv[1] == "fill":
        fill(sys.argv[2], sys.argv[3])
    else:
        sys.exit("usage: template_xlsx.py inspect BOOK | fill BOOK OUT.csv")
