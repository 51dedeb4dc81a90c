"""Reads workbooks with openpyxl (a reader that is not excelize) and prints, per file,
the first worksheet's cells as text and its notes (comments) by cell, as JSON."""
import json
import sys

import openpyxl

out = {}
for path in sys.argv[1:]:
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    rows, notes = [], {}
    for row in ws.iter_rows():
        rows.append(["" if c.value is None else str(c.value) for c in row])
        for c in row:
            if c.comment is not None:
                notes[c.coordinate] = c.comment.text
    out[path] = {"sheet": ws.title, "rows": rows, "notes": notes}
json.dump(out, sys.stdout)
