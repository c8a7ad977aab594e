"""Peer: pandas read_excel with openpyxl (Debian's python3-pandas and
python3-openpyxl).  Sum of Girls + Boys by region p-code and intervention
type, read from the workbook."""
import sys

import pandas as pd


def main(path):
    keys = ["Region P-code", "Intervention type"]
    df = pd.read_excel(path, engine="openpyxl", usecols=keys + ["Girls", "Boys"])
    out = df.groupby(keys, sort=True)[["Girls", "Boys"]].sum()
    out.to_csv(sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
