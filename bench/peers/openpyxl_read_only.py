"""Peer: openpyxl in read-only mode (its streaming reader), rows summed by
hand.  Sum of Girls + Boys by region p-code and intervention type."""
import csv
import sys

import openpyxl


def main(path):
    ws = openpyxl.load_workbook(path, read_only=True, data_only=True).worksheets[0]
    rows = ws.iter_rows(values_only=True)
    head = list(next(rows))
    reg, typ = head.index("Region P-code"), head.index("Intervention type")
    girls, boys = head.index("Girls"), head.index("Boys")
    sums = {}
    for r in rows:
        key = (r[reg], r[typ])
        sums[key] = sums.get(key, 0) + int(r[girls] or 0) + int(r[boys] or 0)
    w = csv.writer(sys.stdout)
    w.writerow(["Region P-code", "Intervention type", "children"])
    for key in sorted(sums):
        w.writerow([key[0], key[1], sums[key]])


if __name__ == "__main__":
    main(sys.argv[1])
