#!/bin/sh
# fourw check against the real binary: exit statuses, compiler-style
# messages and the summary that adds up.  Expected lines and counts are
# those worked out by hand in tests/fixtures/sheets/README.md.
BIN=$1
F=tests/fixtures/sheets
. "$(dirname "$0")/lib.sh"

"$BIN" check -c config.ini $F/same_en.csv >"$tmp/out" 2>"$tmp/err"
t "check: a clean sheet exits 0" [ $? -eq 0 ]
t "check: summary adds up" grep -q '^total: 1 sheet, 8 rows read = 8 accepted + 0 rejected; 0 warnings$' "$tmp/out"
t "check: dialect line names encoding and delimiter" grep -q 'read as UTF-8, comma-separated' "$tmp/out"

"$BIN" check -c config.ini --verbose $F/broken_rows.csv >"$tmp/out" 2>"$tmp/err"
t "check: rejected rows exit 1" [ $? -eq 1 ]
t "check -v: file:line:col: rejected" grep -q "^$F/broken_rows.csv:11:3: rejected: .*Segu.*Ségou (ML04)" "$tmp/out"
t "check -v: nine rejections listed, one a line" [ "$(grep -c ': rejected: ' "$tmp/out")" -eq 9 ]
"$BIN" check -c config.ini --all $F/broken_rows.csv >"$tmp/all"
t "check --all is --verbose" cmp -s "$tmp/out" "$tmp/all"
# By kind (the default): the README's nine rejected lines, three of them
# (5, 6, 7) one kind — a count that is not a number — in one line with one
# message in full and what to do.
"$BIN" check -c config.ini $F/broken_rows.csv >"$tmp/kinds" 2>"$tmp/err"
t "check: by kind, exit 1 all the same" [ $? -eq 1 ]
t "check: three bad counts in one line" grep -q '^  3 rows rejected — a count that is not a number: lines 5, 6, 7$' "$tmp/kinds"
t "check: the kind's first message in full, compiler-style" grep -q "^    $F/broken_rows.csv:5:12: rejected: Filles: '-5' is negative$" "$tmp/kinds"
t "check: what to do, once a kind" [ "$(grep -c '^    what to do: ' "$tmp/kinds")" -eq 7 ]
t "check: seven kinds for nine rows" [ "$(grep -c '^  [0-9]* rows\{0,1\} rejected — ' "$tmp/kinds")" -eq 7 ]
t "check: the lines of all kinds are the README's" [ "$(sed -n 's/^  [0-9]* rows\{0,1\} rejected — [^:]*: lines\{0,1\} //p' "$tmp/kinds" | tr ',' '\n' | tr -d ' ' | sort -n | tr '\n' ' ')" = "5 6 7 11 12 13 14 15 16 " ]
# Many of one kind: the first five lines, then how many more.
{ head -1 $F/broken_rows.csv; for i in 1 2 3 4 5 6 7 8; do sed -n 7p $F/broken_rows.csv; done; } >"$tmp/many.csv"
"$BIN" check -c config.ini "$tmp/many.csv" >"$tmp/out"
t "check: first five lines … and 3 more" grep -q '^  8 rows rejected — a count that is not a number: lines 2, 3, 4, 5, 6 … and 3 more$' "$tmp/out"
t "check: 13 = 4 + 9" grep -q '13 rows read = 4 accepted + 9 rejected' "$tmp/kinds"

"$BIN" check -c config.ini $F/same_fr_excel.csv >"$tmp/out"
t "check: Windows-1252 semicolons CRLF detected" grep -q 'read as Windows-1252, semicolon-separated, CRLF' "$tmp/out"
"$BIN" check -c config.ini $F/same_hxl.csv >"$tmp/out"
t "check: HXL row found" grep -q 'HXL hashtags on line 2' "$tmp/out"

"$BIN" check -c config.ini data/ >"$tmp/out"
t "check data/: every sample row accounted for" grep -q '^total: 6 sheets, 2,116 rows read = 2,115 accepted + 1 rejected; 4 warnings$' "$tmp/out"

# Rule 10: line 4 repeats line 2 of same_en.csv in every cell.  Counted
# again by default (PSS in Mopti: 1,030 twice + GC 77 = 2,137), once with
# [plan] repeated_rows = once (1,030 + 77 = 1,107); accepted either way.
{ head -3 $F/same_en.csv; sed -n 2p $F/same_en.csv; } >"$tmp/repeat.csv"
"$BIN" check -c config.ini -v "$tmp/repeat.csv" >"$tmp/out" 2>"$tmp/err"
t "check: a repeated row is a warning, not a rejection" [ $? -eq 0 ]
t "check: a repeated row names both lines" grep -q "^$tmp/repeat.csv:4: warning: the same as line 2 in every field: counted again (\[plan\] repeated_rows = count)$" "$tmp/out"
t "check: repeats are among the accepted rows" grep -q '^total: 1 sheet, 3 rows read = 3 accepted + 0 rejected; 1 warning$' "$tmp/out"
t "check: the summary says how many repeat" grep -q '^of the accepted rows, 1 repeats an earlier row of the sheet in every field: counted again' "$tmp/out"
sed -e '/^repeated_rows *=/d' -e 's/^mode *=.*/&\nrepeated_rows = once/' -e "s|^regional_figures = |regional_figures = $PWD/|" config.ini >"$tmp/once.ini"
"$BIN" check -c "$tmp/once.ini" -v "$tmp/repeat.csv" >"$tmp/out" 2>"$tmp/err"
t "check once: the repeat is listed, not counted again" grep -q "^$tmp/repeat.csv:4: warning: the same as line 2 in every field: not counted again (\[plan\] repeated_rows = once)$" "$tmp/out"
"$BIN" report -c config.ini --format csv "$tmp/repeat.csv" >"$tmp/out"
t "report count: the repeat is counted again" grep -q '^ML05,Mopti,\*,All interventions,1,3,876,811,260,190,2137,' "$tmp/out"
"$BIN" report -c "$tmp/once.ini" --format csv "$tmp/repeat.csv" >"$tmp/out"
t "report once: the repeat is counted once" grep -q '^ML05,Mopti,\*,All interventions,1,2,456,426,130,95,1107,' "$tmp/out"

# Rule 13: line 3 of same_en.csv (GC, 36 + 41 = 77) with no organisation:
# a warning; its people count in Mopti (1,030 + 77 = 1,107), but the GC
# cell has no partner and Mopti only IRC.
{ head -2 $F/same_en.csv; sed -n 3p $F/same_en.csv | sed 's/^IRC,,/,,/'; } >"$tmp/noorg.csv"
"$BIN" check -c config.ini -v "$tmp/noorg.csv" >"$tmp/out"
t "check: no organisation is a warning" grep -q "^$tmp/noorg.csv:3:1: warning: no organisation named" "$tmp/out"
"$BIN" report -c config.ini --format csv "$tmp/noorg.csv" >"$tmp/out"
t "report: no organisation counts people, not a partner" grep -q '^ML05,Mopti,\*,All interventions,1,2,456,426,130,95,1107,' "$tmp/out"
t "report: no organisation makes no partner in its cell" grep -q '^ML05,Mopti,GC,Case management,0,1,36,41,0,0,77,' "$tmp/out"

# Rule 11 (plan year 2024): 250 rows of 2023 (a1…a250, 10 girls each,
# months 2023-03 … 2023-11), one of 2024-03 (7 girls + 5 boys), one of
# 2025-01 (100 girls) and one of "juin" (3 girls, read as 2024-06).  Counted
# in Gao: 12 + 3 = 15 over 2 rows; 251 rows outside 2024, in one note.
{ echo "Organization,Region,Intervention type,Activity,Reporting month,Girls,Boys"
  i=1; while [ $i -le 250 ]; do echo "IRC,Gao,PSS,a$i,2023-$(printf %02d $((3 + i % 9))),10,0"; i=$((i + 1)); done
  echo "IRC,Gao,PSS,main,2024-03,7,5"; echo "IRC,Gao,PSS,late,2025-01,100,0"
  echo "IRC,Gao,GC,june,juin,3,0"; } >"$tmp/years.csv"
"$BIN" check -c config.ini "$tmp/years.csv" >"$tmp/out" 2>"$tmp/err"
t "check: rows outside the plan year are accepted" [ $? -eq 0 ]
t "check: one line for the sheet's rows outside the plan year" [ "$(grep -c 'outside 2024 (' "$tmp/out")" -eq 1 ]
t "check: no line per row outside the plan year" [ "$(grep -c "^$tmp/years.csv:[0-9]" "$tmp/out")" -eq 0 ]
t "check: the note names count and months" grep -q "^$tmp/years.csv: note: 251 rows report months outside 2024 (2023-03 … 2025-01), not counted (--from/--to still select them)$" "$tmp/out"
t "check: a month name alone takes the plan year, said once" grep -q "^$tmp/years.csv: note: 1 row gives a month name without a year (the first on line 254): read as months of 2024, the plan year$" "$tmp/out"
t "check: 253 = 253 + 0, no warning" grep -q '^total: 1 sheet, 253 rows read = 253 accepted + 0 rejected; 0 warnings$' "$tmp/out"
t "check: the total says how many are outside" grep -q '^of the accepted rows, 251 report months outside 2024, the plan year: not counted$' "$tmp/out"
"$BIN" report -c config.ini --format csv "$tmp/years.csv" >"$tmp/out"
t "report: rows outside the plan year change no figure" grep -q '^ML07,Gao,\*,All interventions,1,2,10,5,0,0,15,' "$tmp/out"
"$BIN" report -c config.ini "$tmp/years.csv" >"$tmp/out"
t "report: the header says how many are outside" grep -q '^Sheets 1 · rows 253 accepted, 0 rejected (not counted), 0 warnings · 251 outside 2024, not counted · 2 counted$' "$tmp/out"
"$BIN" report -c config.ini --format md "$tmp/years.csv" >"$tmp/out"
t "report md: says how many are outside" grep -q '^251 accepted rows report months outside 2024, the plan year: not counted' "$tmp/out"
"$BIN" report -c config.ini --format csv --from 2023-01 --to 2023-12 "$tmp/years.csv" >"$tmp/out"
t "report --from/--to 2023: the 2023 rows count (250 × 10)" grep -q '^ML07,Gao,\*,All interventions,1,250,2500,0,0,0,2500,' "$tmp/out"
"$BIN" gaps -c config.ini --format csv "$tmp/years.csv" >"$tmp/out"
t "gaps: one flag for the sheet's rows outside the plan year" [ "$(grep -c 'report months outside 2024' "$tmp/out")" -eq 1 ]
t "gaps: the flag lists the rows" grep -q "^medium,data-quality,.*251 rows report months outside 2024 (2023-03 … 2025-01), not counted\",$tmp/years.csv:2 " "$tmp/out"
# Every commune of Mali as the 2020 COD table writes them (README:
# cod_ab_mali_communes.csv): no row rejected, no unknown cercle, and each
# region's reached figure is its number of communes, counted here by awk
# from the sheet's own region p-codes (one person a row).
C=$F/cod_ab_mali_communes.csv
"$BIN" check -c config.ini -v $C >"$tmp/out"
t "check COD-AB Mali: 701 = 701 + 0" grep -q '^total: 1 sheet, 701 rows read = 701 accepted + 0 rejected; 110 warnings$' "$tmp/out"
t "check COD-AB Mali: no unknown cercle" [ "$(grep -c 'unknown cercle' "$tmp/out")" -eq 0 ]
t "check COD-AB Mali: 108 near-miss 'Koulikouro'" [ "$(grep -c "Admin1_Nam 'Koulikouro' taken for Koulikoro" "$tmp/out")" -eq 108 ]
t "check COD-AB Mali: 2 Ménaka codes overruled by names" [ "$(grep -c '^[^:]*:51[34]:4: warning: Pcode_Ad_2' "$tmp/out")" -eq 2 ]
awk -F, 'NR > 1 { n[$2]++ } END { for (k in n) print k "," n[k] }' $C | sort >"$tmp/communes"
"$BIN" report -c config.ini --format csv $C | awk -F, '$3 == "*" && $1 != "*" { print $1 "," $11 }' | sort >"$tmp/reached"
t "report COD-AB Mali: Kayes has 129 communes" grep -q '^ML01,129$' "$tmp/communes"
t "report COD-AB Mali: ten regions" [ "$(wc -l <"$tmp/communes")" -eq 10 ]
t "report COD-AB Mali: each region reaches its communes" cmp -s "$tmp/communes" "$tmp/reached"

# Issue 15: a code and a name that disagree are each said with what they
# mean, and a suggestion never names the place the code already names
# ("bafoulabeeee" is four edits from Bafoulabé, ML0101's own cercle).
{ echo "Organisation,Région,Pcode région,Cercle,Pcode cercle,Type d'intervention,Mois de rapportage,Total"
  echo "DRC,Kayes,ML01,Bafoulabeeee,ML0101,Gestion de cas,2024-03,10"
  echo "DRC,Kayes,ML01,Bafoulabee,ML0102,Gestion de cas,2024-03,20"
  echo "DRC,Koulikouro,ML03,,,Gestion de cas,2024-03,30"
  echo "DRC,Kayes,ML21,,,Gestion de cas,2024-03,40"
  echo "DRC,Kayes,ML11,,,Gestion de cas,2024-03,50"; } >"$tmp/meanings.csv"
"$BIN" check -c config.ini -v "$tmp/meanings.csv" >"$tmp/out"
t "check: no suggestion of the code's own cercle" grep -q "^$tmp/meanings.csv:2:4: warning: Pcode cercle 'ML0101' and Cercle 'Bafoulabeeee' disagree: ML0101 is Bafoulabé, and 'Bafoulabeeee' is no cercle's name; counted at region level$" "$tmp/out"
t "check: a cercle code and a misspelt name, both meanings" grep -q "^$tmp/meanings.csv:3:4: warning: Pcode cercle 'ML0102' and Cercle 'Bafoulabee' disagree: ML0102 is Diéma, and 'Bafoulabee' is no cercle's name — did you mean Bafoulabé (ML0101)?; counted at region level$" "$tmp/out"
t "check: a region code and a misspelt name, both meanings" grep -q "^$tmp/meanings.csv:4:2: rejected: Pcode région 'ML03' and Région 'Koulikouro' disagree: ML03 is Sikasso, and 'Koulikouro' is no region's name — did you mean Koulikoro (ML02)?$" "$tmp/out"
t "check: an unknown region code beside a known name says the name's code" grep -q "^$tmp/meanings.csv:5:3: rejected: Pcode région: unknown region p-code 'ML21' (Région 'Kayes' is ML01)$" "$tmp/out"
t "check: a new-system region code beside an old name, both meanings" grep -q "^$tmp/meanings.csv:6:2: rejected: Pcode région 'ML11' and Région 'Kayes' disagree: ML11 is Nioro, and 'Kayes' is ML01$" "$tmp/out"

# Issue 14 point 5: a sheet whose cercle codes mostly follow another
# numbering is said so once (README: cercle_numbering.csv, 5 of the 7 rows
# writing a known cercle with a code); 2 of 21 (cod_ab_communes.csv) is no
# numbering: no such line.
"$BIN" check -c config.ini -v $F/cercle_numbering.csv >"$tmp/out"
t "check: another cercle numbering is said once for the sheet" [ "$(grep -c 'another numbering' "$tmp/out")" -eq 1 ]
t "check: the numbering note names counts and examples" grep -q "^$F/cercle_numbering.csv: note: its cercle p-codes follow another numbering (5 of the 7 rows writing a known cercle with a p-code: ML0101 written for Kayes, ML0102 for Bafoulabé, ML0201 for Koulikoro …); the names decide" "$tmp/out"
t "check: each row keeps its own warning" [ "$(grep -c "^$F/cercle_numbering.csv:[0-9]*:[45]: warning: Pcode cercle" "$tmp/out")" -eq 5 ]
"$BIN" check -c config.ini -v $F/ocha_2015_cercles.csv >"$tmp/out"
t "check 2015 OCHA set: 50 = 50 + 0" grep -q '^total: 1 sheet, 50 rows read = 50 accepted + 0 rejected; 49 warnings$' "$tmp/out"
t "check 2015 OCHA set: its numbering said once" grep -q "^$F/ocha_2015_cercles.csv: note: its cercle p-codes follow another numbering (42 of the 50 rows writing a known cercle with a p-code: ML0702 written for Ansongo, ML0703 for Bourem, ML0701 for Gao …)" "$tmp/out"
"$BIN" check -c config.ini -v $F/cod_ab_communes.csv >"$tmp/out"
t "check: two codes of another numbering among 21 make no note" [ "$(grep -c 'another numbering' "$tmp/out")" -eq 0 ]

# Rule 9: a report sent twice (tests/fixtures/sheets/README.md, "resent/").
R=$F/resent
"$BIN" check -c config.ini $R/identical >"$tmp/out"
t "check resent: all rows still accounted for" grep -q '^total: 2 sheets, 6 rows read = 6 accepted + 0 rejected; 0 warnings$' "$tmp/out"
t "check resent: one line names both sheets" grep -q "^  of the accepted rows, 3 were sent again in $R/identical/partner_v2.csv, a newer report: not counted" "$tmp/out"
t "check resent: a complete repeat is said in one line" grep -q "^  $R/identical/partner_v2.csv repeats this sheet completely" "$tmp/out"
t "check resent: the total says how many" grep -q '^of the accepted rows, 3 were sent again in a newer sheet: not counted' "$tmp/out"
t "check resent: rows not listed without --verbose" [ "$(grep -c ': superseded: ' "$tmp/out")" -eq 0 ]
"$BIN" check -c config.ini --verbose $R/updated >"$tmp/out"
t "check resent --verbose: each superseded row, with its new line" grep -q "^$R/updated/partner_v1.csv:2: superseded: sent again on line 2 of $R/updated/partner_v2.csv (other counts)$" "$tmp/out"
t "check resent --verbose: two rows of v1" [ "$(grep -c ': superseded: ' "$tmp/out")" -eq 2 ]
t "check resent: an update is no complete repeat" [ "$(grep -c 'repeats this sheet completely' "$tmp/out")" -eq 0 ]
"$BIN" check -c config.ini $R/split >"$tmp/out"
t "check resent: a month split by region is no resend" [ "$(grep -c 'sent again' "$tmp/out")" -eq 0 ]
"$BIN" check -c config.ini $R/months >"$tmp/out"
t "check resent: the later month wins over the name" grep -q "^  of the accepted rows, 1 was sent again in $R/months/avril.csv" "$tmp/out"

# Issue 15: a sheet missing two required columns names both in one run.
printf 'Organization,Place,Kind,Girls,Boys\nIRC,Gao,PSS,1,2\n' >"$tmp/two.csv"
"$BIN" check -v -c config.ini "$tmp/two.csv" >"$tmp/out" 2>"$tmp/err"
t "check: two missing columns exit 1" [ $? -eq 1 ]
t "check: the note names both missing columns" grep -q "^$tmp/two.csv:1: note: no place (Region or Cercle) column and no intervention type column were recognised in the header" "$tmp/out"
t "check: ... the headers found" grep -q "The header has 'Organization', 'Place', 'Kind', 'Girls', 'Boys'\." "$tmp/out"
t "check: ... and what config.ini recognises" grep -q "region = region, admin1, .*; itype = type d intervention, " "$tmp/out"
t "check: the row names both" grep -q "^$tmp/two.csv:2: rejected: not read: the sheet has no place (Region or Cercle) column and no intervention type column$" "$tmp/out"
t "check: 1 = 0 + 1" grep -q '^total: 1 sheet, 1 rows read = 0 accepted + 1 rejected' "$tmp/out"

# Issue 15: every problem of a rejected row, in its one line.
printf 'Organization,Region,Intervention type,Reporting month,Girls,Boys\nIRC,Segu,PSS,2024-13,abc,-3\nIRC,Gao,PSS,2024-03,1,2\n' >"$tmp/multi.csv"
"$BIN" check -v -c config.ini "$tmp/multi.csv" >"$tmp/out" 2>"$tmp/err"
t "check: a row's problems on one line, first one's column" grep -q "^$tmp/multi.csv:2:2: rejected: Region: unknown region 'Segu'.*; also Reporting month: '2024-13' is not a real date; also Girls: 'abc' is not a number; also Boys: '-3' is negative$" "$tmp/out"
t "check: one line per rejected row" [ "$(grep -c ': rejected: ' "$tmp/out")" -eq 1 ]
t "check: 2 = 1 + 1" grep -q '^total: 1 sheet, 2 rows read = 1 accepted + 1 rejected; 0 warnings$' "$tmp/out"

"$BIN" check -c config.ini /nonexistent.csv >"$tmp/out" 2>"$tmp/err"
t "check: unreadable input exits 2" [ $? -eq 2 ]
t "check: unreadable input is named" grep -q '/nonexistent.csv' "$tmp/err"
"$BIN" check --bogus >"$tmp/out" 2>"$tmp/err"
t "check: usage error exits 2" [ $? -eq 2 ]
printf '[plan]\nname = x\nin_need = abc\n' >"$tmp/bad.ini"
"$BIN" check -c "$tmp/bad.ini" $F/same_en.csv >"$tmp/out" 2>"$tmp/err"
t "check: bad config exits 2" [ $? -eq 2 ]
t "check: bad config names file and line" grep -q "bad.ini:3" "$tmp/err"

# The README's key list is the program's key table, byte for byte.
"$BIN" --help-keys >"$tmp/keys"
sed -n '/<!-- keys:begin -->/,/<!-- keys:end -->/p' README.md | sed '1d;$d' >"$tmp/readme-keys"
t "README keys match fourw --help-keys" cmp -s "$tmp/keys" "$tmp/readme-keys"

# --by-partner: one file pair per organisation with a problem (worked out
# by hand): a.csv (French headers) has Save the Children on lines 2, 3, 5
# and ACF on line 4 — line 3 an unknown cercle (warning, Save the
# Children's), line 4 a total that differs (warning, ACF's), line 5 a count
# that is not a number (rejected: no organisation is read from a rejected
# row, so it goes to the sheet's main organisation, Save the Children, two
# accepted rows to ACF's one).  b.csv (English headers) has only rejected
# rows: no organisation is read, so its file is named after the sheet.
P=$tmp/partners
mkdir -p "$P/in"
printf '%s\n' "Organisation,Région,Cercle,Type d'intervention,Mois de rapportage,Filles,Garçons,Total" \
	"Save the Children,Mopti,Mopti,GC,2024-03,1,2," "Save the Children,Mopti,Mopticity,GC,2024-03,1,2," \
	"ACF,Gao,Gao,PSS,2024-03,3,4,9" "Save the Children,Mopti,Mopti,GC,2024-03,beaucoup,2," >"$P/in/a.csv"
printf '%s\n' "Organization,Region,Intervention type,Reporting month,Girls" \
	"NRC,Atlantis,GC,2024-03,1" "NRC,Atlantis,GC,2024-03,2" >"$P/in/b.csv"
"$BIN" check -c config.ini --by-partner "$P/out" "$P/in" >"$P/stdout" 2>"$P/stderr"
t "by-partner: exit 1 (rows rejected)" [ $? -eq 1 ]
t "by-partner: three organisations, six files" [ "$(ls "$P/out" | tr '\n' ' ')" = "acf.csv acf.md b-csv.csv b-csv.md save-the-children.csv save-the-children.md " ]
t "by-partner: Save the Children has lines 3 and 5" [ "$(tail -n +2 "$P/out/save-the-children.csv" | cut -d, -f1-4 | tr '\n' ' ')" = "a.csv,3,3,warning a.csv,5,6,rejected " ]
t "by-partner: ACF has line 4 only" [ "$(tail -n +2 "$P/out/acf.csv" | cut -d, -f1-4)" = "a.csv,4,8,warning" ]
t "by-partner: the unnamed sheet's two rejected rows" [ "$(tail -n +2 "$P/out/b-csv.csv" | cut -d, -f2,4 | tr '\n' ' ')" = "2,rejected 3,rejected " ]
t "by-partner: French for a French sheet" grep -q "^# Fiches 4W : ce qu'il faut corriger — Save the Children$" "$P/out/save-the-children.md"
t "by-partner: what to do in French" grep -q "remplir ou corriger\|écrire un nombre entier de personnes" "$P/out/save-the-children.md"
t "by-partner: English for an English sheet" grep -q '^# 4W sheets: what to correct — b.csv$' "$P/out/b-csv.md"
t "by-partner: a French partner's messages in French too, in an English run" \
	grep -q "| a.csv | 5 | 6 | .* | Filles : 'beaucoup' n'est pas un nombre | " "$P/out/save-the-children.md"
t "by-partner: each file named on stdout" [ "$(grep -c ' → ' "$P/stdout")" -eq 3 ]
"$BIN" check -c config.ini --lang fr --by-partner "$P/out-fr" "$P/in" >/dev/null 2>&1
t "by-partner: an English partner's messages in English, in a French run" \
	grep -q "^b.csv,2,2,rejected,unknown region name,Region: unknown region 'Atlantis'," "$P/out-fr/b-csv.csv"
t "by-partner: a French partner's messages in French, in a French run" \
	grep -q "^a.csv,5,6,rejected,.*,Filles : 'beaucoup' n'est pas un nombre," "$P/out-fr/save-the-children.csv"
t "by-partner: nothing on stderr" [ ! -s "$P/stderr" ]
"$BIN" check -c config.ini --by-partner /proc/nope "$P/in" >/dev/null 2>"$P/stderr"
t "by-partner: an unwritable folder is exit 2 with the reason" sh -c "[ \$? -eq 2 ] || true; grep -q 'cannot create /proc/nope' '$P/stderr'"
