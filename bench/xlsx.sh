#!/usr/bin/env bash
# bench/xlsx.sh [N] — Excel workbooks: the N-row clean sheet (default 1M)
# saved as an .xlsx by data/gen/make_workbooks.py (shared strings, date
# serials with a date format, numbers as numbers), then read, page cache
# warm, by `fourw report --format csv` — beside fourw on the same rows as
# CSV — and by the Python readers Debian has: pandas read_excel (openpyxl),
# openpyxl's read-only streaming mode, and xlsx2csv (conversion only).
# fourw's answer on the workbook must equal its answer on the CSV byte for
# byte; the peers' answers are checked by bench/check.py.  One timed run
# each (pandas takes minutes).  Prints a Markdown section on stdout.
#
# Run by bench/run.sh (section "Excel workbooks"), or alone once
# build-bench/clean-N.csv, its .expected.csv and bench.ini exist (a `make
# bench` made them): bench/xlsx.sh 1000000 >> somewhere.md
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_NUMERIC=C

N=${1:-1000000}
OUT=build-bench
CSV=$OUT/clean-$N.csv
BOOK=$OUT/clean-$N.xlsx
EXPECTED=$OUT/clean-$N.expected.csv
CONFIG=$OUT/bench.ini
PY=/usr/bin/python3
[ -x "$PY" ] || PY=$(command -v python3 || echo python3)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
say() { printf '%s\n' "$*" >&2; }

for f in "$CSV" "$EXPECTED" "$CONFIG" build/fourw; do
	[ -e "$f" ] || { say "!! $f missing: run make bench first"; exit 1; }
done
if [ ! -s "$BOOK" ] || [ "$BOOK" -ot "$CSV" ]; then
	say "== writing $BOOK (data/gen/make_workbooks.py bench)"
	"$PY" data/gen/make_workbooks.py bench "$CSV" "$BOOK"
fi

# Runs "$@" with stdout to $TMP/out; sets WALL (s), CPUSEC (user + system
# s: the work done, which a busy machine disturbs less) and RSS (MB), or
# WALL="".
run_timed() {
	local t0 t1
	t0=$EPOCHREALTIME
	if ! /usr/bin/time -v -o "$TMP/time" "$@" >"$TMP/out" 2>"$TMP/err"; then
		WALL=""
		say "   failed: $(head -c 300 "$TMP/err")"
		return 1
	fi
	t1=$EPOCHREALTIME
	WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
	RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$TMP/time")
	CPUSEC=$(awk -F': ' '/(User|System) time \(seconds\)/ { t += $2 } END { printf "%.2f", t }' "$TMP/time")
}

has_module() { "$PY" -c "import $1" 2>/dev/null; }

# One line of the table: tool, what it read, whether its answer is right.
row() {
	local name=$1 file=$2 check=$3
	shift 3
	cat "$file" >/dev/null
	say "   $name"
	if ! run_timed "$@"; then
		printf '| %s | %s | failed | | | |\n' "$name" "$(basename "$file")"
		return
	fi
	local verdict
	case $check in
		same-as-csv) cmp -s "$TMP/out" "$TMP/fourw-csv" && verdict="same bytes as on the CSV" || verdict="DIFFERS from the CSV" ;;
		peer) "$PY" bench/check.py peer "$EXPECTED" "$TMP/out" >/dev/null 2>&1 && verdict=checked || verdict=WRONG ;;
		fourw) "$PY" bench/check.py fourw "$EXPECTED" "$TMP/out" >/dev/null 2>&1 && verdict=checked || verdict=WRONG
		       cp "$TMP/out" "$TMP/fourw-csv" ;;
		none) verdict="conversion only" ;;
	esac
	printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$(basename "$file")" "$WALL" "$CPUSEC" "$RSS" "$verdict"
}

say "== workbooks: $N rows"
echo
echo "### Excel workbooks — $N rows, \`$BOOK\` ($(stat -L -c %s "$BOOK" | awk '{ printf "%.1f MB", $1 / 1e6 }'); the CSV: $(stat -L -c %s "$CSV" | awk '{ printf "%.1f MB", $1 / 1e6 }'))"
echo
echo "One run each, page cache warm; wall time, CPU s (user + system) and peak RSS from \`/usr/bin/time -v\`."
echo "fourw's report on the workbook must be the same bytes as on the CSV."
echo
echo "| reader | file | wall s | CPU s | peak RSS MB | answer |"
echo "|---|---|---:|---:|---:|---|"
row "fourw report (CSV)" "$CSV" fourw build/fourw report --format csv -c "$CONFIG" "$CSV"
row "fourw report (xlsx)" "$BOOK" same-as-csv build/fourw report --format csv -c "$CONFIG" "$BOOK"
if has_module openpyxl; then
	row "openpyxl read-only, rows summed" "$BOOK" peer "$PY" bench/peers/openpyxl_read_only.py "$BOOK"
	has_module pandas &&
		row "pandas read_excel (openpyxl)" "$BOOK" peer "$PY" bench/peers/pandas_read_excel.py "$BOOK"
else
	echo "| openpyxl, pandas read_excel | | | | | absent (apt-get install python3-openpyxl) |"
fi
if command -v xlsx2csv >/dev/null; then
	row "xlsx2csv (to CSV, no sums)" "$BOOK" none xlsx2csv "$BOOK"
else
	echo "| xlsx2csv | | | | | absent (apt-get install xlsx2csv) |"
fi
