"""Peer: Python's csv module.  Sum of Girls + Boys by region p-code and
intervention type, as an analyst would write it in a few lines."""
import csv
import sys
from collections import defaultdict


def main(path):
    sums = defaultdict(int)
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        region, itype = header.index("Region P-code"), header.index("Intervention type")
        girls, boys = header.index("Girls"), header.index("Boys")
        for row in reader:
            sums[row[region], row[itype]] += int(row[girls]) + int(row[boys])
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["Region P-code", "Intervention type", "children"])
    for key in sorted(sums):
        out.writerow([key[0], key[1], sums[key]])


if __name__ == "__main__":
    main(sys.argv[1])
