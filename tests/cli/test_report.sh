#!/bin/sh
# tests/cli/test_report.sh BIN: `fourw report` and `fourw gaps` end to end.
#
# The CSV is parsed back and reconciled: region × type lines add up to their
# region's total line, region totals add up to the plan line, and the plan
# line's `reached` equals a sum over the accepted rows that awk computes on
# its own from the sheet (with rule 4, the cumulative rule, re-implemented
# here).  Expected figures come from tests/fixtures/sheets/README.md and
# data/README.md, worked out without fourw.
set -u
BIN=${1:-build/fourw}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
cd "$(dirname "$0")/../.." || exit 1
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
SMALL=tests/fixtures/sheets/small_counting.csv

ok()   { echo "ok - $1"; }
fail() { echo "FAIL - $1"; }
check() { name=$1; shift; if "$@"; then ok "$name"; else fail "$name"; fi; }

# field N of the CSV line whose first and third fields are $2 and $3
# (these CSVs quote only labels with commas, never codes or numbers, so the
# fields before the quoted label are safe to split)
csv_field() {  # file region_code intervention_code field
	awk -F, -v r="$2" -v t="$3" -v f="$4" '
		function splitcsv(line, out,    n, i, c, q, cur) {
			n = 0; cur = ""; q = 0
			for (i = 1; i <= length(line); i++) {
				c = substr(line, i, 1)
				if (q) { if (c == "\"") { if (substr(line, i + 1, 1) == "\"") { cur = cur c; i++ } else q = 0 } else cur = cur c }
				else if (c == "\"") q = 1
				else if (c == ",") { out[++n] = cur; cur = "" }
				else cur = cur c
			}
			out[++n] = cur; return n
		}
		{ splitcsv($0, a); if (a[1] == r && a[3] == t) { print a[f]; exit } }' "$1"
}

# Checks region × type lines against each region total, region totals
# against the plan line; prints nothing and succeeds when all add up.
reconcile() {  # file
	awk '
		function splitcsv(line, out,    n, i, c, q, cur) {
			n = 0; cur = ""; q = 0
			for (i = 1; i <= length(line); i++) {
				c = substr(line, i, 1)
				if (q) { if (c == "\"") { if (substr(line, i + 1, 1) == "\"") { cur = cur c; i++ } else q = 0 } else cur = cur c }
				else if (c == "\"") q = 1
				else if (c == ",") { out[++n] = cur; cur = "" }
				else cur = cur c
			}
			out[++n] = cur; return n
		}
		NR == 1 { next }
		{
			n = splitcsv($0, a)
			if (n != 16) { print "line " NR ": " n " fields"; bad = 1 }
			if (a[1] == "*") { plan = a[11]; next }
			if (a[3] == "*") { total[a[1]] = a[11]; regions += a[11] }
			else types[a[1]] += a[11]
		}
		END {
			for (r in total) if (types[r] + 0 != total[r] + 0) { print r ": types " types[r] " total " total[r]; bad = 1 }
			if (regions != plan) { print "regions " regions " plan " plan; bad = 1 }
			exit bad
		}' "$1"
}

# Rule 2 and rule 4 re-implemented on small_counting.csv (13 columns:
# partner is col 2 else col 1; region 3, cercle 4, type 5, activity 6,
# status 7, month 8, girls..men 9-12): the people counted.
independent_sum() {  # cumulative|monthly
	awk -F, -v mode="$1" '
		NR == 1 { next }
		{
			who = $2 != "" ? $2 : $1
			key = who "|" $3 "|" $4 "|" $5 "|" $6
			people = ($7 == "Planned") ? 0 : $9 + $10 + $11 + $12
			row_key[NR] = key; row_month[NR] = $8; row_people[NR] = people
			if (!(key in latest) || $8 > latest[key]) latest[key] = $8
		}
		END {
			for (i in row_key)
				if (mode == "monthly" || row_month[i] == latest[row_key[i]]) s += row_people[i]
			print s + 0
		}' "$SMALL"
}

# ---- the small hand-made sheet, cumulative mode (config.ini) -------------

"$BIN" report -c config.ini --format csv "$SMALL" >"$TMP/small.csv" 2>"$TMP/err"
check "report exits 0" test $? -eq 0
check "csv header is exactly the issue's" test "$(head -n 1 "$TMP/small.csv")" = \
	"region_code,region,intervention_code,intervention,partners,activities,girls,boys,women,men,reached,reached_dedup,in_need,targeted,coverage_target_pct,coverage_need_pct"
check "plan line first" test "$(sed -n 2p "$TMP/small.csv" | cut -d, -f1,3)" = "*,*"
check "plan reached = 595 by hand" test "$(csv_field "$TMP/small.csv" '*' '*' 11)" = 595
check "plan dedup = 530 by hand" test "$(csv_field "$TMP/small.csv" '*' '*' 12)" = 530
check "Mopti dedup = 250 by hand" test "$(csv_field "$TMP/small.csv" ML05 '*' 12)" = 250
check "Gao sum = 300 by hand" test "$(csv_field "$TMP/small.csv" ML07 '*' 11)" = 300
check "girls 220 by hand" test "$(csv_field "$TMP/small.csv" '*' '*' 7)" = 220
check "region × type line has no dedup" test "$(csv_field "$TMP/small.csv" ML05 GC 12)" = ""
check "coverage with one decimal and a dot" test "$(csv_field "$TMP/small.csv" ML07 '*' 15)" = 0.3
check "small csv reconciles" reconcile "$TMP/small.csv"
check "plan reached = independent awk sum (cumulative)" \
	test "$(csv_field "$TMP/small.csv" '*' '*' 11)" = "$(independent_sum cumulative)"

# the same sheet in monthly mode: a copy of config.ini with mode changed
sed -e 's/^mode = cumulative/mode = monthly/' \
    -e "s|^regional_figures = data/|regional_figures = $(pwd)/data/|" config.ini >"$TMP/monthly.ini"
"$BIN" report -c "$TMP/monthly.ini" --format csv "$SMALL" >"$TMP/monthly.csv" 2>"$TMP/err"
check "monthly: plan reached = 655 by hand" test "$(csv_field "$TMP/monthly.csv" '*' '*' 11)" = 655
check "monthly: plan dedup = 590 by hand" test "$(csv_field "$TMP/monthly.csv" '*' '*' 12)" = 590
check "monthly: plan reached = independent awk sum" \
	test "$(csv_field "$TMP/monthly.csv" '*' '*' 11)" = "$(independent_sum monthly)"
check "monthly csv reconciles" reconcile "$TMP/monthly.csv"

# ---- filters --------------------------------------------------------------

"$BIN" report -c config.ini --format csv --region mopti "$SMALL" >"$TMP/mopti.csv" 2>&1
check "--region by name: selection measured against Mopti" \
	test "$(sed -n 2p "$TMP/mopti.csv" | cut -d, -f1-2,11-14)" = "*,Selected regions,295,250,300000,190000"
check "--region: only Mopti's lines" test "$(cut -d, -f1 "$TMP/mopti.csv" | sort -u | tr '\n' ' ')" = "* ML05 region_code "
"$BIN" report -c config.ini --format csv --region ML07 --type GC "$SMALL" >"$TMP/gaogc.csv" 2>&1
check "--region by code and --type" test "$(csv_field "$TMP/gaogc.csv" '*' '*' 11)" = 20
"$BIN" report -c config.ini --format csv --to 2024-01 "$SMALL" >"$TMP/jan.csv" 2>&1
check "--to: as of January, cumulative" test "$(csv_field "$TMP/jan.csv" '*' '*' 11)" = 60
"$BIN" report -c config.ini --region Segu "$SMALL" >"$TMP/out" 2>"$TMP/err"
check "unknown region: exit 2" test $? -eq 2
check "unknown region: suggestion" grep -q "unknown region 'Segu' — did you mean Ségou (ML04)?" "$TMP/err"
"$BIN" report -c config.ini --type nothing "$SMALL" >"$TMP/out" 2>"$TMP/err"
check "unknown type: exit 2" test $? -eq 2
"$BIN" report -c config.ini --from 2024-3x "$SMALL" >"$TMP/out" 2>"$TMP/err"
check "bad month: exit 2" test $? -eq 2
"$BIN" report -c config.ini "$TMP/missing.csv" >"$TMP/out" 2>"$TMP/err"
check "unreadable sheet: exit 2" test $? -eq 2

# ---- Markdown for the minutes --------------------------------------------

"$BIN" report -c config.ini --format md "$SMALL" >"$TMP/a.md" 2>&1
"$BIN" report -c config.ini --format md "$SMALL" >"$TMP/b.md" 2>&1
check "md byte-identical across runs" cmp -s "$TMP/a.md" "$TMP/b.md"
sum=$(sha256sum "$SMALL" | cut -d' ' -f1)
check "md names the sheet with its SHA-256" grep -q "small\\\\_counting.csv | 7 | 0 | \`$sum\` |" "$TMP/a.md"
check "md opens with the plan" sh -c "head -n 1 '$TMP/a.md' | grep -q '^# Mali'"
check "md states the counting method" grep -q '^- Reporting mode: cumulative' "$TMP/a.md"

# ---- the sample data: figures of data/README.md --------------------------

"$BIN" report -c config.ini --format csv data/sheets >"$TMP/data.csv" 2>"$TMP/err"
check "sample: exit 0 despite a rejected row" test $? -eq 0
check "sample: plan sum 424,950" test "$(csv_field "$TMP/data.csv" '*' '*' 11)" = 424950
check "sample: plan dedup 358,709" test "$(csv_field "$TMP/data.csv" '*' '*' 12)" = 358709
check "sample: Bamako 111.4 % of target" test "$(csv_field "$TMP/data.csv" ML09 '*' 15)" = 111.4
check "sample: Kidal total line 0" test "$(csv_field "$TMP/data.csv" ML08 '*' 11)" = 0
check "sample csv reconciles" reconcile "$TMP/data.csv"

"$BIN" report -c config.ini data/sheets >"$TMP/data.txt" 2>"$TMP/data.err"
check "text fits 100 columns" sh -c "LC_ALL=C tr -d '\\200-\\277' <'$TMP/data.txt' | LC_ALL=C awk 'length(\$0) > 100 { bad = 1 } END { exit bad }'"
check "text names the method" grep -q 'Reached without double counting *358,709' "$TMP/data.txt"

"$BIN" gaps -c config.ini --format csv data/sheets >"$TMP/gaps.csv" 2>"$TMP/gaps.err"
check "gaps csv header" test "$(head -n 1 "$TMP/gaps.csv")" = "severity,kind,region_code,region,cercle,intervention_code,reason,rows"
check "planted: Kidal no presence" grep -q '^critical,no-presence,ML08,Kidal,' "$TMP/gaps.csv"
check "planted: Ménaka misses GC" grep -q '^high,missing-service,ML10,Ménaka,,GC,' "$TMP/gaps.csv"
check "planted: Ménaka misses ENA" grep -q '^high,missing-service,ML10,Ménaka,,ENA,' "$TMP/gaps.csv"
check "planted: Bandiagara PSS concentration" grep -q '^medium,concentration,ML05,Mopti,Bandiagara,PSS,' "$TMP/gaps.csv"
check "planted: ENDA Mali stale" grep -q '^medium,stale,.*ENDA Mali: last report 2024-01' "$TMP/gaps.csv"
check "planted: the rejected row" grep -q 'data/sheets/irc_fr.csv:257$' "$TMP/gaps.csv"
check "planted: total differs" grep -q 'data/sheets/unicef_en.csv:609$' "$TMP/gaps.csv"
check "planted: planned with people" grep -q 'data/sheets/plan_excel_fr.csv:243$' "$TMP/gaps.csv"
check "gaps: most severe first" sh -c "cut -d, -f1 '$TMP/gaps.csv' | sed 1d | uniq | tr '\\n' ' ' | grep -qx 'critical high medium info '"

# ---- sheet text never reaches the terminal raw -----------------------------

{
	printf 'Organization,Region,Cercle,Intervention type,Reporting month,Girls\n'
	printf 'Evil\033]52;c;aGk=\007\342\200\256,Gao,Ansongo,PSS,2024-01,5\n'
	printf 'Good,Gao,Ansongo,PSS,2024-04,5\n'
	printf '=cmd|calc,Mopti,Mopti,PSS,2024-04,5\n'
} >"$TMP/evil.csv"
for fmt in text md csv; do
	"$BIN" gaps -c config.ini --format $fmt "$TMP/evil.csv" >"$TMP/gaps_evil.$fmt" 2>&1
	check "no raw ESC, BEL or U+202E in gaps $fmt" \
		sh -c "! LC_ALL=C grep -q \"\$(printf '\\033\\\\|\\007\\\\|\\342\\200\\256')\" '$TMP/gaps_evil.$fmt'"
	check "escape shown visibly in gaps $fmt" grep -q 'x1b' "$TMP/gaps_evil.$fmt"
done
"$BIN" report -c config.ini --format csv "$TMP/evil.csv" >"$TMP/evil2.csv" 2>&1
check "report csv still reconciles" reconcile "$TMP/evil2.csv"

# ---- rule 9: a report sent twice ------------------------------------------
# tests/fixtures/sheets/README.md, "resent/": a sheet and its re-sent copy
# give every figure of the sheet alone (the csv names no sheet, so the two
# outputs are compared whole).
R=tests/fixtures/sheets/resent
"$BIN" report -c config.ini --format csv $R/identical >"$TMP/resent_both.csv"
"$BIN" report -c config.ini --format csv $R/identical/partner_v1.csv >"$TMP/resent_one.csv"
check "resent: a sheet and its copy = the sheet alone" cmp -s "$TMP/resent_both.csv" "$TMP/resent_one.csv"
check "resent: plan reached 385 by hand" test "$(csv_field "$TMP/resent_both.csv" '*' '*' 11)" = 385
"$BIN" report -c config.ini --format csv $R/updated >"$TMP/resent_upd.csv"
check "resent updated: 280 + 80 + 45 + 20 = 425" test "$(csv_field "$TMP/resent_upd.csv" '*' '*' 11)" = 425
check "resent updated: dedup 80 + 280 + 20 = 380" test "$(csv_field "$TMP/resent_upd.csv" '*' '*' 12)" = 380
"$BIN" report -c config.ini --format csv $R/split >"$TMP/resent_split.csv"
check "resent split: both regions count, 280 + 150" test "$(csv_field "$TMP/resent_split.csv" '*' '*' 11)" = 430
"$BIN" report -c config.ini $R/updated >"$TMP/resent_upd.txt"
check "resent: the header says how many rows were sent again" grep -q '^Sheets 2 · rows 6 accepted (2 sent again in a newer sheet, not counted), 0 rejected (not counted), 0 warnings · 4 counted$' "$TMP/resent_upd.txt"
sed -e 's/^mode *=.*/mode = monthly/' -e '/^resent *=/d' -e "s|^regional_figures = |regional_figures = $PWD/|" config.ini >"$TMP/resent_monthly.ini"
"$BIN" report -c "$TMP/resent_monthly.ini" --format csv $R/months >"$TMP/resent_months.csv"
check "resent months: avril (2024-04) wins over fevrier: 70 + 90" test "$(csv_field "$TMP/resent_months.csv" '*' '*' 11)" = 160
sed -e 's/^resent *=.*/resent = sum/' -e "s|^regional_figures = |regional_figures = $PWD/|" config.ini >"$TMP/resent_sum.ini"
"$BIN" report -c "$TMP/resent_sum.ini" --format csv $R/identical >"$TMP/resent_sum.csv"
check "resent = sum: both copies count, 385 twice" test "$(csv_field "$TMP/resent_sum.csv" '*' '*' 11)" = 770
"$BIN" gaps -c config.ini $R/updated >"$TMP/resent_gaps.txt"
check "resent: a data-quality flag names both sheets" grep -q 'partner_v1.csv: 2 rows sent again in partner_v2.csv, counted once' "$TMP/resent_gaps.txt"

# ---- rule 12: the plan's geography ------------------------------------------
# tests/fixtures/sheets/README.md, "regions_2023.csv": the same 28 rows written
# in the 2023 regions and in the old ones; the plan's figures are by the old
# regions, so both give the same figures, each old region the sum of its new
# ones (worked out by hand in the README).
G=tests/fixtures/sheets
"$BIN" report -c config.ini --format csv $G/regions_2023.csv >"$TMP/geo_new.csv"
"$BIN" report -c config.ini --format csv $G/regions_2023_as_old.csv >"$TMP/geo_old.csv"
check "geography: 2023 regions = the old regions, every figure" cmp -s "$TMP/geo_new.csv" "$TMP/geo_old.csv"
check "geography: Kayes 10 + 20 + 30 + 1,000 + 40" test "$(csv_field "$TMP/geo_new.csv" ML01 '*' 11)" = 1100
check "geography: Mopti simple sum 3,650" test "$(csv_field "$TMP/geo_new.csv" ML05 '*' 11)" = 3650
check "geography: Mopti dedup 3,500 (Bankass: GC 400 over PSS 150)" test "$(csv_field "$TMP/geo_new.csv" ML05 '*' 12)" = 3500
check "geography: Tombouctou 9 + Taoudénit 21" test "$(csv_field "$TMP/geo_new.csv" ML06 '*' 11)" = 30
check "geography: plan 5,060" test "$(csv_field "$TMP/geo_new.csv" '*' '*' 11)" = 5060
check "geography: no new region left with no target" sh -c "! grep -q '^ML1[1-9]' '$TMP/geo_new.csv'"
check "geography: csv reconciles" reconcile "$TMP/geo_new.csv"
"$BIN" report -c config.ini $G/regions_2023.csv >"$TMP/geo_new.txt"
check "geography: the regions as written, one level down" grep -q '^  Kayes          Kayes 10 (1 row) · Nioro 1,050 (3 rows) · Kita 40 (1 row)$' "$TMP/geo_new.txt"
check "geography: a region written as itself only gets no line" sh -c "! grep -q '^  Gao  ' '$TMP/geo_new.txt'"
"$BIN" report -c config.ini --format csv --by written-region $G/regions_2023.csv >"$TMP/geo_written.csv"
check "geography --by written-region: Nioro 20 + 30 + 1,000" test "$(csv_field "$TMP/geo_written.csv" ML11 '*' 11)" = 1050
check "geography --by written-region: Nioro has no target" test -z "$(csv_field "$TMP/geo_written.csv" ML11 '*' 14)"
check "geography --by written-region: Kayes alone 10" test "$(csv_field "$TMP/geo_written.csv" ML01 '*' 11)" = 10
# A plan by the new regions: old cercles go to the new region they were
# carved into; an old region's row with no cercle stays in the region of
# that name (Kayes: 1,000 in the old twin, with Nioro in the 2023 sheet).
printf 'pcode,region,in_need,targeted\nML01,Kayes,100,50\nML11,Nioro,200,100\nML12,Kita,300,150\n' >"$TMP/new_figures.csv"
sed -e "s|^regional_figures = .*|regional_figures = $TMP/new_figures.csv|" config.ini >"$TMP/new_plan.ini"
"$BIN" report -c "$TMP/new_plan.ini" --format csv $G/regions_2023_as_old.csv >"$TMP/geo_newplan.csv"
check "new plan: Nioro gets the old sheet's Diéma 20 + Nioro 30" test "$(csv_field "$TMP/geo_newplan.csv" ML11 '*' 11)" = 50
check "new plan: Kita gets the cercle of Kita, 40" test "$(csv_field "$TMP/geo_newplan.csv" ML12 '*' 11)" = 40
check "new plan: Kayes keeps Bafoulabé 10 and the cercle-less 1,000" test "$(csv_field "$TMP/geo_newplan.csv" ML01 '*' 11)" = 1010
check "new plan: Nioro's coverage against its own target, 50 of 100" test "$(csv_field "$TMP/geo_newplan.csv" ML11 '*' 15)" = 50.0
# ---- failure is loud (issue 15) --------------------------------------------
# tests/fixtures/sheets/README.md, all_rejected.csv: 4 of 4 rows rejected;
# small_counting.csv: 7 accepted, 0 rejected.  data/README.md: one row of
# irc_fr.csv (line 257) rejected of its 340.
ALLREJ=tests/fixtures/sheets/all_rejected.csv
check "sample: report says on stderr what was rejected" test "$(cat "$TMP/data.err")" = \
	"fourw report: warning: 1 row rejected, not counted (irc_fr.csv: 1 of 340 rows rejected); run fourw check -c config.ini data/sheets to see why"
check "sample: gaps says it too" grep -qx "fourw gaps: warning: 1 row rejected, not counted (irc_fr.csv: 1 of 340 rows rejected); run fourw check -c config.ini data/sheets to see why" "$TMP/gaps.err"
"$BIN" report -c config.ini --format csv "$SMALL" >"$TMP/out" 2>"$TMP/err"
check "nothing rejected: nothing on stderr" test ! -s "$TMP/err"

for cmd in report gaps; do
	"$BIN" $cmd -c config.ini "$ALLREJ" >"$TMP/out" 2>"$TMP/err"
	check "$cmd, every row rejected: exit 2" test $? -eq 2
	check "$cmd, every row rejected: no plan of zeros on stdout" test ! -s "$TMP/out"
	check "$cmd, every row rejected: names the sheet and the check to run" test "$(cat "$TMP/err")" = \
		"fourw $cmd: no row accepted, nothing to count (all_rejected.csv: 4 of 4 rows rejected); run fourw check -c config.ini $ALLREJ to see why"
done
"$BIN" -c config.ini "$ALLREJ" </dev/null >"$TMP/out" 2>"$TMP/err"
check "screen, every row rejected: exit 2 before curses starts" test $? -eq 2
check "screen, every row rejected: the same message" grep -qx \
	"fourw: no row accepted, nothing to count (all_rejected.csv: 4 of 4 rows rejected); run fourw check -c config.ini $ALLREJ to see why" "$TMP/err"
check "screen, every row rejected: nothing drawn" test ! -s "$TMP/out"
"$BIN" report -c config.ini tests/fixtures/sheets/header_only.csv >"$TMP/out" 2>"$TMP/err"
check "a sheet with no data row: exit 2" test $? -eq 2
check "a sheet with no data row: said so" grep -q '(header_only.csv: no data row)' "$TMP/err"
mkdir "$TMP/nothing"
"$BIN" gaps -c config.ini "$TMP/nothing" >"$TMP/out" 2>"$TMP/err"
check "a folder with no sheet: exit 2" test $? -eq 2
check "a folder with no sheet: said so" grep -q '(no sheet found)' "$TMP/err"

# the all-rejected sheet beside a good one: the report goes on (exit 0),
# and its critical flag comes first, before the regions with nobody
"$BIN" gaps -c config.ini --format csv "$ALLREJ" "$SMALL" >"$TMP/mixed.csv" 2>"$TMP/err"
check "one sheet all rejected beside a good one: exit 0" test $? -eq 0
check "one sheet all rejected: stderr names it" test "$(cat "$TMP/err")" = \
	"fourw gaps: warning: 4 rows rejected, not counted (all_rejected.csv: 4 of 4 rows rejected); run fourw check -c config.ini $ALLREJ $SMALL to see why"
check "one sheet all rejected: a critical flag, first" sh -c "sed -n 2p '$TMP/mixed.csv' | grep -q '^critical,data-quality,,,,,\"sheet all_rejected.csv: 4 of 4 rows rejected, not counted'"
check "one sheet all rejected: no-presence flags after it" sh -c "sed -n '3,\$p' '$TMP/mixed.csv' | grep -q '^critical,no-presence,'"
check "one sheet all rejected: its four rows behind the flag" sh -c "sed -n 2p '$TMP/mixed.csv' | grep -q ',$ALLREJ:2 $ALLREJ:3 $ALLREJ:4 $ALLREJ:5\$'"
# five sheets that lose 4 rows each: three named (equal losses: name
# order), then "and 2 more sheets"; 5 × 4 = 20 rows
mkdir "$TMP/five"
for s in a b c d e; do cp "$ALLREJ" "$TMP/five/$s.csv"; done
cp "$SMALL" "$TMP/five/ok.csv"
"$BIN" report -c config.ini --format csv "$TMP/five" >"$TMP/out" 2>"$TMP/err"
check "five sheets losing rows: three named, then how many more" test "$(cat "$TMP/err")" = \
	"fourw report: warning: 20 rows rejected, not counted (a.csv: 4 of 4 rows rejected, b.csv: 4 of 4 rows rejected, c.csv: 4 of 4 rows rejected and 2 more sheets); run fourw check -c config.ini $TMP/five to see why"

# ---- rule 13: a region whose only rows name no organisation ---------------
# tests/fixtures/sheets/README.md, no_organisation.csv
NOORG=tests/fixtures/sheets/no_organisation.csv
"$BIN" gaps -c config.ini --format csv "$NOORG" >"$TMP/noorg.csv" 2>"$TMP/err"
check "no organisation: Kidal has no partner, and the flag says why" grep -qx \
	'critical,no-presence,ML08,Kidal,,,"Kidal: 61,000 in need, no partner reporting (2 rows with no organisation report people there)",' "$TMP/noorg.csv"
check "no organisation: Mopti (IRC) has a partner" sh -c "! grep -q '^critical,no-presence,ML05' '$TMP/noorg.csv'"
check "no organisation: Kidal's two rows flagged" grep -q "^medium,data-quality,ML08,Kidal,,,\"Kidal — no_organisation.csv: 2 rows: no organisation named (people counted, no partner) — fill in the organisation: the row counts its people but no partner\",$NOORG:2 $NOORG:3\$" "$TMP/noorg.csv"
"$BIN" report -c config.ini --format csv "$NOORG" >"$TMP/noorg_r.csv" 2>"$TMP/err"
check "no organisation: their people count, sum 98 by hand" test "$(csv_field "$TMP/noorg_r.csv" '*' '*' 11)" = 98
check "no organisation: dedup 30 + 45 = 75 by hand" test "$(csv_field "$TMP/noorg_r.csv" '*' '*' 12)" = 75
check "no organisation: Kidal has 0 partners" test "$(csv_field "$TMP/noorg_r.csv" ML08 '*' 5)" = 0

# ---- a data-quality line per warning code ---------------------------------
# tests/fixtures/sheets/README.md, cercle_numbering.csv: lines 2 and 3 (Kayes)
# and 4 (Koulikoro) have a cercle code and name that disagree, the name
# deciding; line 5 a near-miss cercle name, line 10 a near-miss region name.
CN=tests/fixtures/sheets/cercle_numbering.csv
"$BIN" gaps -c config.ini --format csv "$CN" >"$TMP/cn.csv" 2>"$TMP/err"
check "code and name disagree, name decided: a line with its rows" grep -q "^info,data-quality,ML01,Kayes,,,Kayes — cercle_numbering.csv: 2 rows: the cercle's p-code and name disagree (counted in the cercle named) — nothing is lost (the name decided); use the cercle p-codes of config.ini,$CN:2 $CN:3\$" "$TMP/cn.csv"
check "code and name disagree in Koulikoro: its own line" grep -q "^info,data-quality,ML02,Koulikoro,,,Koulikoro — cercle_numbering.csv: 1 row: the cercle's p-code and name disagree .*,$CN:4\$" "$TMP/cn.csv"
check "near-miss cercle name: a line of its own" grep -q "^info,data-quality,ML01,Kayes,,,\"Kayes — cercle_numbering.csv: 1 row: a misspelt cercle name, taken for the cercle of its p-code — nothing is lost (the p-code decided); correct the spelling in the next sheet\",$CN:5\$" "$TMP/cn.csv"
check "near-miss region name: a line of its own" grep -q "^info,data-quality,ML02,Koulikoro,,,\"Koulikoro — cercle_numbering.csv: 1 row: a misspelt region name, taken for the region of its p-code — nothing is lost (the p-code decided); correct the spelling in the next sheet\",$CN:10\$" "$TMP/cn.csv"
check "no warning falls under other warnings" sh -c "! grep -q 'other warnings' '$TMP/cn.csv'"

# The screen with no terminal (issue 16: `fourw < /dev/null` kept a core
# busy until killed): it says so and stops, before drawing anything.  The
# timeout is a hang guard only.
timeout 300 "$BIN" -c config.ini data/sheets </dev/null >"$TMP/out" 2>"$TMP/err"
check "screen with no terminal: exit 2" test $? -eq 2
check "screen with no terminal: says why and what to use" grep -qx \
	"fourw: the screen needs a terminal, and the input is not one; fourw report or fourw check write the same figures without one" "$TMP/err"
check "screen with no terminal: nothing drawn" test ! -s "$TMP/out"
