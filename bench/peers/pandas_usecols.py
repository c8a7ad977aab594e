"""Peer: pandas with usecols (Debian's python3-pandas).  Sum of Girls + Boys
by region p-code and intervention type."""
import sys

import pandas as pd


def main(path):
    keys = ["Region P-code", "Intervention type"]
    df = pd.read_csv(path, usecols=keys + ["Girls", "Boys"])
    out = df.groupby(keys, sort=True)[["Girls", "Boys"]].sum()
    out.to_csv(sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
