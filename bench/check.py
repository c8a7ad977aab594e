"""Checks a tool's answer against the expected answer bench/gen wrote.

    check.py peer  EXPECTED OUTPUT   # peers: key columns, then numbers summed
    check.py fourw EXPECTED OUTPUT   # fourw report --format csv

A peer's output is CSV: the region p-code, the intervention type, then one
or more number columns whose sum per line must equal the expected children
(girls + boys) for that cell; every expected cell must appear once and no
other.  fourw's report is read by the column names of its CSV (see
check_fourw): every region x type cell must match the expected girls, boys,
women, men, people reached and row count, and the all-regions line the
expected total.  Exit status 0 when right; otherwise the first differences
are printed and the status is 1."""
import csv
import sys


def read_expected(path):
    cells = {}
    with open(path, encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    for row in csv.DictReader(lines):
        cells[row["region_pcode"], row["type"]] = {k: v for k, v in row.items()}
    return cells


def number(text):
    text = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if text in ("", "-"):
        return 0
    value = float(text)
    if value != int(value):
        raise ValueError(f"not a whole number: {text!r}")
    return int(value)


def read_peer(path):
    got = {}
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    for row in rows[1:]:
        if not row:
            continue
        key = (row[0], row[1])
        if key in got:
            raise ValueError(f"cell {key} appears twice")
        got[key] = sum(number(x) for x in row[2:])
    return got


def compare(expected, got, field):
    problems = []
    for key, cell in sorted(expected.items()):
        want = int(cell[field])
        if key not in got:
            problems.append(f"{key[0]} x {key[1]}: missing (expected {field} {want})")
        elif got[key] != want:
            problems.append(f"{key[0]} x {key[1]}: {got[key]} (expected {field} {want})")
    for key in sorted(set(got) - set(expected)):
        if got[key] != 0:
            problems.append(f"{key[0]} x {key[1]}: {got[key]} (no such cell expected)")
    return problems


FOURW_FIELDS = [("girls", "girls"), ("boys", "boys"), ("women", "women"),
                ("men", "men"), ("reached", "reached"), ("activities", "rows")]


def check_fourw(expected, path):
    """fourw report --format csv: one line per region x intervention type
    (region_code, intervention_code, girls, boys, women, men, reached,
    activities...), lines with '*' for the region and type totals."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    got, total = {}, None
    for row in rows:
        region, itype = row["region_code"], row["intervention_code"]
        if region == "*" and itype == "*":
            total = row
        elif region != "*" and itype != "*":
            if (region, itype) in got:
                raise ValueError(f"cell {region} x {itype} appears twice")
            got[region, itype] = row
    problems = []
    for ours, theirs in FOURW_FIELDS:
        values = {key: number(row[ours]) for key, row in got.items()}
        problems += compare(expected, values, theirs)
    want = sum(int(cell["reached"]) for cell in expected.values())
    if total is None:
        problems.append("no all-regions line")
    elif number(total["reached"]) != want:
        problems.append(f"all regions: reached {total['reached']} (expected {want})")
    return problems


def main(argv):
    if len(argv) != 4 or argv[1] not in ("peer", "fourw"):
        sys.stderr.write(__doc__)
        return 2
    kind, expected_path, output_path = argv[1:]
    expected = read_expected(expected_path)
    try:
        if kind == "peer":
            problems = compare(expected, read_peer(output_path), "children")
        else:
            problems = check_fourw(expected, output_path)
    except (ValueError, KeyError, IndexError) as e:
        problems = [f"unreadable output: {e}"]
    for p in problems[:10]:
        print(p)
    if len(problems) > 10:
        print(f"... and {len(problems) - 10} more differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
