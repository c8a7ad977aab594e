#!/bin/sh
# `fourw report --compare FILE`: what changed since a saved report, after
# the report.  The figures are those of tests/fixtures/sheets/delta_months.csv
# against tests/fixtures/compare/last_meeting.csv, worked out by hand in
# tests/fixtures/compare/README.md.
BIN=$1
. "$(dirname "$0")/lib.sh"
PLAN=tests/fixtures/plan/config.ini
SHEET=tests/fixtures/sheets/delta_months.csv
SAVED=tests/fixtures/compare/last_meeting.csv

"$BIN" -c $PLAN report --compare $SAVED $SHEET >"$tmp/text" 2>"$tmp/err"
t "report --compare: exit 0" [ $? -eq 0 ]
sed -n '/^What changed since /,$p' "$tmp/text" >"$tmp/section"
t "report --compare: a section after the report" grep -q "^What changed since $SAVED\$" "$tmp/section"
t "report --compare: Mopti 250 -> 310" grep -q '^  Mopti: reached 250 → 310$' "$tmp/section"
t "report --compare: Gao's partners, new and vanished cells" \
	grep -q '^  Gao: partners 3 → 2 · new GC · no more EAE$' "$tmp/section"
t "report --compare: Kidal's closed gap" \
	grep -q '^  Kidal: reached 0 → 3,500 · partners 0 → 1 · new GC · gap closed: no-presence$' "$tmp/section"
t "report --compare: Ménaka's two new gaps" \
	grep -q '^  Ménaka: reached 50,000 → 0 · partners 1 → 0 · no more GC · new gap: no-presence (critical) · new gap: low-coverage (critical)$' "$tmp/section"
t "report --compare: four regions changed, the six others not" [ "$(grep -c '^  ' "$tmp/section")" -eq 4 ]
"$BIN" -c $PLAN report $SHEET >"$tmp/plain"
t "report --compare: the report before the section is the report" \
	cmp -s "$tmp/plain" "$(head -n "$(wc -l <"$tmp/plain")" "$tmp/text" >"$tmp/head"; echo "$tmp/head")"

"$BIN" -c $PLAN report --format md --compare $SAVED $SHEET >"$tmp/md"
t "report --format md --compare: a Markdown section" grep -q "^## What changed since $SAVED\$" "$tmp/md"
t "report --format md --compare: a list" grep -q '^- \*\*Mopti\*\*: reached 250 → 310$' "$tmp/md"

"$BIN" -c $PLAN report --region Mopti --compare $SAVED $SHEET >"$tmp/mopti"
t "report --region Mopti --compare: the other regions are not compared" \
	[ "$(sed -n '/^What changed since /,$p' "$tmp/mopti" | grep -c '^  ')" -eq 1 ]

"$BIN" -c $PLAN report --format csv --compare $SAVED $SHEET >"$tmp/csv" 2>"$tmp/err"
t "report --format csv --compare: refused (exit 2), the CSV keeps its columns" [ $? -eq 2 ]
t "report --format csv --compare: says why" grep -q 'the CSV report keeps its columns' "$tmp/err"

"$BIN" -c $PLAN report --compare tests/fixtures/compare/bad_number.csv $SHEET >/dev/null 2>"$tmp/err"
t "report --compare FILE not a report: exit 2" [ $? -eq 2 ]
t "report --compare FILE not a report: file:line:column named" \
	grep -q 'bad_number\.csv:3:11: expected a whole number, got .douze.' "$tmp/err"
"$BIN" -c $PLAN report --compare $SHEET $SHEET >/dev/null 2>"$tmp/err"
t "report --compare with a sheet: its header named" \
	grep -q "delta_months\.csv:1:1: not a fourw report .*expected column 'region_code', found 'Organization'" "$tmp/err"

# The round trip: a report compared with itself has nothing to say.
"$BIN" -c $PLAN report --format csv $SHEET >"$tmp/self.csv"
"$BIN" -c $PLAN report --compare "$tmp/self.csv" $SHEET >"$tmp/self"
t "report --compare its own CSV: nothing changed" grep -q '^  nothing changed$' "$tmp/self"
