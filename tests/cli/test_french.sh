#!/bin/sh
# tests/cli/test_french.sh BIN: French reports, messages and --help, chosen by
# --lang, [ui] language or the locale — on a machine with no French locale
# (CI: C, C.UTF-8 and POSIX only): every run here is under LANG=C.UTF-8 or
# names a French locale that `locale -a` does not list.
#
# Expected French figures are the English report's, rewritten by sed (commas
# to no-break spaces, "6.3%" to "6,3 %"), not copied from French output.
set -u
BIN=${1:-build/fourw}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
cd "$(dirname "$0")/../.." || exit 1
. tests/cli/lib.sh

NBSP=$(printf '\302\240')
# Every locale variable cleared but LANG: the run below sets its own.
fw() { env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 "$BIN" "$@"; }
has() { grep -q -- "$1" "$2"; }
hasnt() { ! grep -q -- "$1" "$2"; }

if locale -a 2>/dev/null | grep -qi '^fr_'; then
	echo "# note: a French locale is installed here; the runs below do not use it"
fi

# ---- the text report ----------------------------------------------------------
fw report -c config.ini >"$tmp/en.txt" 2>/dev/null
fw --lang fr report -c config.ini >"$tmp/fr.txt" 2>"$tmp/fr.err"
t "report --lang fr: French headings" has 'CHIFFRES CLÉS' "$tmp/fr.txt"
t "report --lang fr: region table in French" has '^PAR RÉGION' "$tmp/fr.txt"
t "report --lang fr: no English heading left" \
	sh -c "! grep -Eq 'KEY FIGURES|BY REGION|People in need|Reached without|Simple sum|GAPS \\(' '$tmp/fr.txt'"
t "report --lang fr: the report month as a month name" has 'Mois du rapport avril 2024' "$tmp/fr.txt"
t "report --lang fr: stderr's warning in French" has 'attention' "$tmp/fr.err"

# People in need: the English figure with its commas turned to no-break spaces.
need_en=$(sed -n 's/^  People in need  *\([0-9,]*\)$/\1/p' "$tmp/en.txt")
need_fr=$(printf '%s' "$need_en" | sed "s/,/$NBSP/g")
t "report --lang fr: in need written 1 300 000" \
	grep -q "^  Personnes dans le besoin  *$need_fr\$" "$tmp/fr.txt"
# The coverage percents: 44.8% of the English line is 44,8 % in French.
pcts_en=$(sed -n 's/^  Reached without double counting .*   \([0-9.]*\)% of target · \([0-9.]*\)% of need$/\1 \2/p' "$tmp/en.txt")
set -- $pcts_en
t "report --lang fr: coverage written 44,8 %" \
	grep -q "$(printf '%s' "$1" | tr . ,)$NBSP% de la cible · $(printf '%s' "$2" | tr . ,)$NBSP% du besoin" "$tmp/fr.txt"
# Every line of the region table is as wide in French as in English
# (display columns: a no-break space is two bytes, one column).
width() { sed -n '/^BY REGION\|^PAR RÉGION/,/^\*/p' "$1" | sed '1d;$d' |
	while IFS= read -r l; do printf '%s' "$l" | wc -m; done | sort -u | tr '\n' ' '; }
t "report --lang fr: region columns line up as in English" \
	test "$(width "$tmp/fr.txt")" = "$(width "$tmp/en.txt")"

# ---- the Markdown report: every region line's figures, reformatted ------------
fw report -c config.ini --format md 2>/dev/null | grep '^| ML' >"$tmp/en.md"
fw report -c config.ini --format md --lang fr 2>/dev/null | grep '^| ML' >"$tmp/fr.md"
sed -e "s/\\([0-9]\\),\\([0-9]\\)/\\1$NBSP\\2/g" -e "s/\\([0-9]\\),\\([0-9]\\)/\\1$NBSP\\2/g" \
    -e "s/\\([0-9]\\)\\.\\([0-9]\\)%/\\1,\\2$NBSP%/g" "$tmp/en.md" >"$tmp/expected.md"
t "report --format md --lang fr: region lines are the English ones in French figures" \
	cmp -s "$tmp/expected.md" "$tmp/fr.md"
fw report -c config.ini --format md --lang fr 2>/dev/null >"$tmp/fr-full.md"
t "report --format md --lang fr: French sections" has '^## Chiffres clés' "$tmp/fr-full.md"
t "report --format md --lang fr: types by their French label" has '| GC | Gestion de cas |' "$tmp/fr-full.md"

# ---- the CSV stays machine-readable, byte for byte ----------------------------
fw report -c config.ini --format csv >"$tmp/en.csv" 2>/dev/null
fw report -c config.ini --format csv --lang fr >"$tmp/fr.csv" 2>/dev/null
env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=fr_FR.UTF-8 "$BIN" report -c config.ini --format csv >"$tmp/fr2.csv" 2>/dev/null
t "report --format csv: identical under --lang fr" cmp -s "$tmp/en.csv" "$tmp/fr.csv"
t "report --format csv: identical under LANG=fr_FR.UTF-8" cmp -s "$tmp/en.csv" "$tmp/fr2.csv"

# ---- check and gaps -----------------------------------------------------------
fw check -c config.ini >"$tmp/check-en.txt" 2>&1
fw check --lang fr -c config.ini >"$tmp/check-fr.txt" 2>&1
t "check --lang fr: the counts line in French" has 'lignes lues = ' "$tmp/check-fr.txt"
t "check --lang fr: what to do, in French" has 'à faire : ' "$tmp/check-fr.txt"
t "check --lang fr: no English framing left" \
	sh -c "! grep -Eq 'rows read|what to do:|  columns:|not used:' '$tmp/check-fr.txt'"
read_en=$(sed -n 's/^total: .* \([0-9,]*\) rows read = .*/\1/p' "$tmp/check-en.txt" | tr -d ,)
read_fr=$(sed -n 's/^total : [^,]*, \(.*\) lignes lues = .*/\1/p' "$tmp/check-fr.txt" | sed "s/$NBSP//g")
t "check --lang fr: the same rows read as in English ($read_en)" test -n "$read_en" -a "$read_en" = "$read_fr"
fw gaps --lang fr -c config.ini >"$tmp/gaps-fr.txt" 2>/dev/null
t "gaps --lang fr: severities and reasons in French" \
	sh -c "grep -q 'critique' '$tmp/gaps-fr.txt' && grep -q 'atteintes sur' '$tmp/gaps-fr.txt'"

# ---- --help -------------------------------------------------------------------
fw --lang fr --help >"$tmp/help.txt"
t "--lang fr --help: French usage" has '^usage : fourw' "$tmp/help.txt"
t "--lang fr --help: --lang itself documented" has '--lang fr|en' "$tmp/help.txt"
fw report --help --lang fr >"$tmp/help-report.txt"
t "report --help --lang fr (after the command): French" has '^usage : fourw report' "$tmp/help-report.txt"
fw --help >"$tmp/help-en.txt"
t "--help: English by default" has '^usage: fourw' "$tmp/help-en.txt"

# ---- how the language is chosen -----------------------------------------------
loc() { env -u LANGUAGE -u LC_ALL -u LC_MESSAGES "$@" "$BIN" --help | head -1; }
t "locale: LANG=fr_FR.UTF-8, not installed, still French" \
	test "$(loc LANG=fr_FR.UTF-8)" = "$(head -1 "$tmp/help.txt")"
t "locale: LANGUAGE=fr over LANG=C.UTF-8" \
	test "$(loc LANG=C.UTF-8 LANGUAGE=fr)" = "$(head -1 "$tmp/help.txt")"
t "locale: LC_ALL=C.UTF-8 over LANG=fr_FR.UTF-8 is English" \
	test "$(loc LANG=fr_FR.UTF-8 LC_ALL=C.UTF-8)" = "$(head -1 "$tmp/help-en.txt")"
t "locale: LANGUAGE=en:fr is English" \
	test "$(loc LANG=fr_FR.UTF-8 LANGUAGE=en:fr)" = "$(head -1 "$tmp/help-en.txt")"
t "locale: de_DE.UTF-8 falls back to English" \
	test "$(loc LANG=de_DE.UTF-8)" = "$(head -1 "$tmp/help-en.txt")"
t "locale: --lang en beats LANG=fr_FR.UTF-8" \
	test "$(env LANG=fr_FR.UTF-8 "$BIN" --lang en --help | head -1)" = "$(head -1 "$tmp/help-en.txt")"
# The config's own files are named relative to it: made absolute here.
ini_with() { sed -e "s/^\[ui\]\$/[ui]\nlanguage = $1/" -e "s#= *data/#= $PWD/data/#" config.ini; }
ini_with fr >"$tmp/fr.ini"
fw -c "$tmp/fr.ini" report data/sheets >"$tmp/ini.txt" 2>/dev/null
t "config: [ui] language = fr gives French" has '^PAR RÉGION' "$tmp/ini.txt"
fw -c "$tmp/fr.ini" report --lang en data/sheets >"$tmp/ini-en.txt" 2>/dev/null
t "config: --lang en beats [ui] language = fr" has '^BY REGION' "$tmp/ini-en.txt"
ini_with de >"$tmp/de.ini"
fw -c "$tmp/de.ini" report data/sheets >/dev/null 2>"$tmp/de.err"; rc=$?
t "config: [ui] language = de refused (exit 2, named)" sh -c "[ $rc -eq 2 ] && grep -q 'language' '$tmp/de.err'"
fw --lang de report -c config.ini >/dev/null 2>"$tmp/lang.err"; rc=$?
t "--lang de: refused, exit 2, with the choices" sh -c "[ $rc -eq 2 ] && grep -q \"unknown language 'de' (fr or en)\" '$tmp/lang.err'"

# A binary away from its catalogue (not installed, no FOURW_LOCALEDIR) says
# so and goes on in English rather than failing or mixing languages.
cp "$BIN" "$tmp/fourw-alone"
env -u LANGUAGE -u FOURW_LOCALEDIR LANG=C.UTF-8 "$tmp/fourw-alone" --lang fr --help >"$tmp/alone.out" 2>"$tmp/alone.err"
t "no catalogue: said on stderr" grep -q 'French was asked for, but .*fourw.mo cannot be read' "$tmp/alone.err"
t "no catalogue: English follows" grep -q '^usage: fourw' "$tmp/alone.out"
env -u LANGUAGE LANG=C.UTF-8 FOURW_LOCALEDIR="$(dirname "$BIN")/locale" "$tmp/fourw-alone" --lang fr --help >"$tmp/alone2.out" 2>&1
t "FOURW_LOCALEDIR names the catalogue" grep -q '^usage : fourw' "$tmp/alone2.out"
