#!/usr/bin/env python3
"""The yardstick of issue 14: split a CSV into files of 5000 records and zip them,
validating nothing. scripts/bench-pack.sh times bulkops pack against it.

usage: split.py IN.csv OUT.zip
"""
import csv
import io
import sys
import zipfile

LIMIT = 5000


def main(src, dst):
    base = dst.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    with open(src, newline="", encoding="utf-8") as f, \
            zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        rows = csv.reader(f)
        header = next(rows)
        part, n = [], 0
        def flush():
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\r\n")
            w.writerow(header)
            w.writerows(part)
            z.writestr("%s_%03d.csv" % (base, n), buf.getvalue())
        for row in rows:
            part.append(row)
            if len(part) == LIMIT:
                n += 1
                flush()
                part = []
        if part:
            n += 1
            flush()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
