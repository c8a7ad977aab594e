#!/bin/sh
# tests/cli/test_xlsx.sh BIN: Excel workbooks end to end.
#
# The sample sheet tdh_title.csv and its workbook twin
# (tests/fixtures/workbooks/tdh_title.xlsx, written from it by
# data/gen/make_workbooks.py twin) give the same `report --format csv`, byte
# for byte, when the twin takes the CSV's place in a copy of the sample
# folder; a folder holding both kinds loads in one command; check names the
# worksheet read and the cell of a message; broken workbooks stop with their
# name and why (status 2, as an unreadable CSV does).
set -u
BIN=${1:-build/fourw}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh
BOOKS=tests/fixtures/workbooks

mkdir -p "$tmp/csv" "$tmp/book"
cp data/sheets/* "$tmp/csv/"
cp data/sheets/* "$tmp/book/"
rm "$tmp/book/tdh_title.csv"
cp "$BOOKS/tdh_title.xlsx" "$tmp/book/"
"$BIN" report --format csv "$tmp/csv" >"$tmp/csv.out" 2>/dev/null
"$BIN" report --format csv "$tmp/book" >"$tmp/book.out" 2>/dev/null
t "report on the sample with a workbook twin: same bytes as with its CSV" \
	cmp -s "$tmp/csv.out" "$tmp/book.out"
t "the report is not empty" test "$(wc -l <"$tmp/csv.out")" -gt 10

# data/README.md: 2116 data rows in all, 1 rejected; the twin replaces
# tdh_title.csv's 189 rows with its own 189
"$BIN" check "$tmp/book" >"$tmp/check.out" 2>&1
t "check: every row of the mixed folder counted" \
	grep -q "^total: 6 sheets, 2,116 rows read = 2,115 accepted + 1 rejected" "$tmp/check.out"
t "check: the worksheet read is named" \
	grep -q "tdh_title.xlsx:4W: note: worksheet '4W' read: the first whose header" "$tmp/check.out"
t "check: a message names its cell (row 180, column E)" \
	grep -q "tdh_title.xlsx:4W:180:5 (4W!E180): warning: " "$tmp/check.out"

# A folder holding .csv, .xlsx and .xls sheets
# loads in one command with the same figures as their CSV twins.
# plan_excel_fr.xls is plan_excel_fr.csv (Windows-1252, ';') as a French
# partner's old Excel would save it (make_workbooks.py xlstwin): its 268
# rows, the one planned row reporting people on line 243 (column H).
mkdir -p "$tmp/mixed"
cp data/sheets/* "$tmp/mixed/"
rm "$tmp/mixed/tdh_title.csv" "$tmp/mixed/plan_excel_fr.csv"
cp "$BOOKS/tdh_title.xlsx" "$BOOKS/plan_excel_fr.xls" "$tmp/mixed/"
"$BIN" report --format csv "$tmp/mixed" >"$tmp/mixed.out" 2>/dev/null
t "a folder of .csv, .xlsx and .xls: the same report bytes as all CSV" \
	cmp -s "$tmp/csv.out" "$tmp/mixed.out"
"$BIN" check "$tmp/mixed" >"$tmp/mixed-check.out" 2>&1
t "check on the mixed folder: every row of the six sheets counted" \
	grep -q "^total: 6 sheets, 2,116 rows read = 2,115 accepted + 1 rejected" "$tmp/mixed-check.out"
t "check on the mixed folder: the .xls sheet's rows and its warning's cell" \
	grep -q "plan_excel_fr.xls:4W:243:8 (4W!H243): warning: planned activity" "$tmp/mixed-check.out"
t "check on the mixed folder: the .xls sheet's 268 rows" \
	grep -q "^  268 rows read = 268 accepted + 0 rejected; 1 warning" "$tmp/mixed-check.out"
# The gap flags name the rows behind them: the same rows, as file:line
# in the CSV folder and as book:worksheet:line in the mixed one.
"$BIN" gaps --format csv "$tmp/csv" 2>/dev/null | sed "s|$tmp/csv/||g" >"$tmp/gaps-csv.out"
"$BIN" gaps --format csv "$tmp/mixed" 2>/dev/null | sed "s|$tmp/mixed/||g; s|plan_excel_fr\.xls:4W|plan_excel_fr.csv|g; s|tdh_title\.xlsx:4W|tdh_title.csv|g" >"$tmp/gaps-mixed.out"
t "gaps on the mixed folder: the same flags on the same rows as all CSV" \
	cmp -s "$tmp/gaps-csv.out" "$tmp/gaps-mixed.out"

"$BIN" check "$BOOKS/features.xlsx" >"$tmp/features.out" 2>&1
t "check: hidden rows and columns are said" \
	grep -q "1 row (the first: row 5) and 1 column (the first: C) hidden in Excel" "$tmp/features.out"
t "check: the sheet without a header is said skipped" \
	grep -q "skipped, having no such header in their first rows: 'Lisez-moi'" "$tmp/features.out"
"$BIN" check "$BOOKS/features.xlsx:Listes" >"$tmp/listes.out" 2>&1
t "check: book.xlsx:Sheet reads that worksheet" \
	grep -q "features.xlsx:Listes: note: worksheet 'Listes' read, as named after the file's name" "$tmp/listes.out"

refused() {  # file words
	"$BIN" check "$BOOKS/$1" >"$tmp/refused.out" 2>&1
	rc=$?
	[ "$rc" = 2 ] && grep -q "^fourw: $BOOKS/$1: .*$2" "$tmp/refused.out"
}
t "an encrypted workbook: stopped, in words" refused encrypted.xlsx "encrypted"
t "a truncated workbook: stopped, in words" refused truncated.xlsx "cut short"
t "a zip bomb: refused by the ratio limit" refused bomb.xlsx "more than the 200 allowed"
t "a broken worksheet XML: stopped, in words" refused bad_xml.xlsx "not well-formed XML"
t "a text file named .xlsx: stopped, in words" refused not_a_book.xlsx "not an Excel workbook"
