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

# ---- check's messages: every kind of diagnostic, in French --------------------
# The sheets below add what no fixture raises; with the sample and the
# fixtures named, every code of enum diag_code (src/diag.h) is raised once at
# least — the table after them says where.  messy.csv, line by line:
#   2 p-code ML99 (no such region)        → rejected
#   3 status 'peut-être'                  → warning
#   4 end 01/02/2024 before start 15/03   → warning
#   5 month mai 2023, outside plan year   → counted in the sheet, one note
#   6 month 'juin' without a year         → one note
#   7, 8 the same row twice               → warning on 8
#   9 a 17th cell under a 16-cell header  → warning
#   10, 11 'Save the Children International' and '…Internationl' → note on 11
#   12 text past column 16,384            → warning
#   13 a cell of 33,000 characters        → rejected
#   14 a quote opened and never closed, swallowing line 15 → one row, rejected
# so 13 rows read (lines 2-14) = 10 accepted + 3 rejected (2, 13, 14);
# 5 warnings (3, 4, 8, 9, 12).
m="$tmp/msgs"
mkdir "$m"
row() { printf 'IRC,,Mopti,,Bandiagara,%s\n' "$1"; }
ok_tail='En cours,01/01/2024,31/12/2024,mars 2024,1,1,1,1,4'
{
	echo "Organisation,Partenaire de mise en oeuvre,Région,Pcode région,Cercle,Type d'intervention,Activité,Statut,Date de début,Date de fin,Mois de rapportage,Filles,Garçons,Femmes,Hommes,Total"
	echo "IRC,,,ML99,,GC,Gestion de cas,$ok_tail"
	row "GC,Gestion de cas,peut-être,01/01/2024,31/12/2024,mars 2024,1,1,1,1,4"
	row "GC,Gestion de cas,En cours,15/03/2024,01/02/2024,mars 2024,1,1,1,1,4"
	row "GC,Gestion de cas,Terminé,01/01/2023,31/05/2023,mai 2023,1,1,1,1,4"
	row "GC,Gestion de cas,En cours,,,juin,1,1,1,1,4"
	row "PSS,Soutien,En cours,01/01/2024,31/12/2024,avril 2024,2,2,2,2,8"
	row "PSS,Soutien,En cours,01/01/2024,31/12/2024,avril 2024,2,2,2,2,8"
	row "PSS,Soutien,En cours,01/01/2024,31/12/2024,mai 2024,2,2,2,2,8,surplus"
	echo "Save the Children International,,Gao,,Gao,GC,Gestion de cas,$ok_tail"
	echo "Save the Children Internationl,,Gao,,Gao,GC,Gestion de cas,$ok_tail"
	row "GC,Gestion de cas,$ok_tail$(awk 'BEGIN { for (i = 0; i < 16400; i++) printf "," }')x"
	row "GC,\"$(awk 'BEGIN { for (i = 0; i < 33000; i++) printf "a" }')\",$ok_tail"
	row "GC,\"Gestion de cas,$ok_tail"
	row "GC,Gestion de cas,$ok_tail"
} >"$m/messy.csv"
# ML09 with no name, and nothing else telling the p-code system: guessed.
printf "Organisation,Région,Pcode région,Type d'intervention,Filles,Garçons\nIRC,,ML09,GC,1,1\nIRC,Mopti,,GC,3,3\n" >"$m/ml09.csv"
# An HXL people column of households: not counted.
printf "Organisation,Région,Type d'intervention,Filles,Garçons,Ménages\n#org,#adm1+name,#activity+type,#reached+f,#reached+m,#reached+hh\nUNICEF,Mopti,GC,1,1,5\n" >"$m/hxl_hh.csv"
# One NUL byte in a count: 1 row read = 0 accepted + 1 rejected.
printf "Organisation,Région,Type d'intervention,Filles,Garçons\nIRC,Mopti,GC,1,1\000\n" >"$m/nul.csv"

w=tests/fixtures/workbooks
messy_inputs="data/sheets tests/fixtures/sheets $w/dates1904.xlsx $w/features.xlsx $w/sheet.xls $w/tdh_title.xlsx $m"
# shellcheck disable=SC2086 # the list above is of paths without spaces
fw check -v --lang fr -c config.ini $messy_inputs >"$tmp/msgs-fr.txt" 2>&1
# shellcheck disable=SC2086
fw check -v -c config.ini $messy_inputs >"$tmp/msgs-en.txt" 2>&1

# CODE|where|what its French message says (a piece of it)
cat >"$tmp/codes" <<'CODES'
DC_UNKNOWN_REGION_CODE|messy.csv:2|messy.csv:2:4: rejetée: Pcode région : p-code de région inconnu 'ML99'$
DC_REGION_CONFLICT|broken_rows.csv:16|Pcode région 'ML04' et Région 'Mopti' ne concordent pas : ML04 est Ségou, et 'Mopti' est ML05
DC_UNKNOWN_REGION|broken_rows.csv:11|Région : région inconnue 'Segu' — vouliez-vous dire Ségou (ML04) ?
DC_UNKNOWN_CERCLE|cercle_numbering.csv:7|p-code de cercle inconnu 'ML0704' (Cercle 'Ménaka' est ML1001, dans Ménaka) ; la ligne compte au niveau de la région
DC_CERCLE_NOT_IN_REGION|irc_fr.csv:269|Cercle 'Niafunké' n'est pas dans la région Ségou ; la ligne compte dans Ségou sans cercle
DC_NO_PLACE|broken_rows.csv:12|aucun lieu donné : Région et Cercle sont vides
DC_REGION_NAME_NEAR|cercle_numbering.csv:10|Région 'Koulikouro' pris pour Koulikoro, la région de Pcode région 'ML02'
DC_CERCLE_NAME_NEAR|cercle_numbering.csv:5|Cercle 'Bafoulabee' pris pour Bafoulabé, le cercle de Pcode cercle 'ML0101'
DC_CERCLE_CODE_CONFLICT|cercle_numbering.csv:2|ne concordent pas : la ligne compte dans Kayes (ML0103), le cercle nommé ; ML0101 est ici Bafoulabé
DC_CERCLE_NUMBERING|cercle_numbering.csv|note: ses p-codes de cercle suivent une autre numérotation (5 des 7 lignes
DC_UNKNOWN_TYPE|tdh_title.csv:180|type d'intervention inconnu 'Appui scolaire', compté comme AUTRE (Autre)
DC_TYPE_FROM_ACTIVITY|hxl_unknown_tag.csv|est vide ; type .* déduit de
DC_NO_TYPE|broken_rows.csv:13|aucun type d'intervention : Type d'intervention est vide
DC_UNKNOWN_STATUS|messy.csv:3|statut inconnu 'peut-être' (attendu planifié, en cours, terminé ou suspendu)
DC_IMPOSSIBLE_DATE|broken_rows.csv:15|Date de début : '31/02/2024' n'est pas une vraie date
DC_NOT_A_DATE|features.xlsx H7|'0.5' n'est pas une date (attendu jj/mm/aaaa
DC_END_BEFORE_START|messy.csv:4|Date de fin '01/02/2024' est avant Date de début '15/03/2024'
DC_OUTSIDE_PLAN_YEAR|messy.csv:5|note: 1 ligne déclare un mois hors de 2024 (mai 2023), non comptée
DC_MONTH_WITHOUT_YEAR|messy.csv:6|note: 1 ligne donne un nom de mois sans année (la première à la ligne 6)
DC_BAD_COUNT|broken_rows.csv:5|Filles : '-5' est négatif
DC_NO_COUNT|broken_rows.csv:14|aucun nombre de personnes : Filles, Garçons, Femmes, Hommes et Total sont tous vides
DC_TOTAL_DIFFERS|unicef_en.csv:609|Total reached 5274 diffère de la somme de la ventilation 5724 ; la ventilation est comptée
DC_PLANNED_REACHED|plan_excel_fr.csv:243|activité planifiée qui déclare 290 personnes atteintes
DC_NO_ORGANISATION|no_organisation.csv|aucune organisation nommée : .* et .* sont vides
DC_REPEATED_ROW|messy.csv:8|messy.csv:8: avertissement: identique à la ligne 7 dans tous les champs : comptée à nouveau
DC_EXTRA_CELLS|messy.csv:9|cette ligne a 17 cellules mais l'en-tête en a 16 ; 'surplus' et ce qui suit sont ignorés
DC_TOO_MANY_CELLS|messy.csv:12|plus que les 16384 qu'une fiche peut avoir ; les cellules après la colonne 16384 sont ignorées
DC_CELL_TOO_LONG|messy.csv:13|non lue : cette cellule fait 33000 caractères
DC_QUOTE_NEVER_CLOSED|messy.csv:14|une cellule entre guillemets ouverte à la ligne 14 n'est jamais fermée ; les lignes 14 à 15
DC_NO_REQUIRED_COLUMN|dates1904.xlsx row 2|rejetée: non lue : dans la fiche, aucune colonne de nombre de personnes
DC_COLUMN_NOT_RECOGNISED|dates1904.xlsx|n'a été reconnue dans l'en-tête ; ses lignes ne peuvent pas être comptées
DC_HXL_NOT_PLACED|hxl_hh.csv|Ménages (#reached+hh) : non comptée, elle compte des ménages, pas des personnes
DC_HEADER_NOT_FOUND|no_header.csv|aucune ligne d'en-tête trouvée dans les 26 premières lignes
DC_SYSTEM_GUESSED|ml09.csv|ML09 sans nom est lu comme Bamako (ancien système)
DC_NUL_BYTES|nul.csv|le fichier contient 1 octet NUL
DC_ORG_SPELLED_TWO_WAYS|messy.csv:11|le même partenaire écrit de deux façons compte comme deux partenaires
DC_WORKSHEET_READ|features.xlsx|feuille de calcul 'Données' lue : la première dont config.ini \[columns\] reconnaît l'en-tête
DC_HIDDEN_CELLS|features.xlsx|1 ligne (la première : ligne 5) et 1 colonne (la première : C) masquées dans Excel
CODES
while IFS='|' read -r code where said; do
	t "check --lang fr: $code ($where) in French" has "$said" "$tmp/msgs-fr.txt"
done <"$tmp/codes"
sed -n '/^enum diag_code {/,/DC_COUNT/p' src/diag.h | grep -o '^	DC_[A-Z_]*' | tr -d '\t' |
	grep -v '^DC_COUNT$' | sort >"$tmp/codes-enum"
cut -d'|' -f1 "$tmp/codes" | sort >"$tmp/codes-tested"
t "check --lang fr: every code of enum diag_code is raised above ($(wc -l <"$tmp/codes-enum"))" \
	cmp -s "$tmp/codes-enum" "$tmp/codes-tested"

# The counts: messy.csv by hand (see above), nul.csv, and every counts line
# true (read = accepted + rejected) with the English run's figures.
t "check --lang fr: messy.csv, 13 lignes lues = 10 acceptées + 3 rejetées ; 5 avertissements" \
	grep -q '^  13 lignes lues = 10 acceptées + 3 rejetées ; 5 avertissements$' "$tmp/msgs-fr.txt"
t "check --lang fr: one row, agreeing: 1 ligne lue = 0 acceptée + 1 rejetée ; 0 avertissement" \
	grep -q '^  1 ligne lue = 0 acceptée + 1 rejetée ; 0 avertissement$' "$tmp/msgs-fr.txt"
# "N read = A accepted + R rejected" as "N A R", thousands separators dropped.
counts() { sed -n -e "s/$NBSP//g" -e 's/\([0-9]\),\([0-9]\)/\1\2/g' \
	-e "s/^.* \\([0-9]*\\) $1 = \\([0-9]*\\) $2 + \\([0-9]*\\) $3[ ;].*/\\1 \\2 \\3/p" "$4"; }
counts 'lignes\? lues\?' 'acceptées\?' 'rejetées\?' "$tmp/msgs-fr.txt" >"$tmp/counts-fr"
counts 'rows read' accepted rejected "$tmp/msgs-en.txt" >"$tmp/counts-en"
t "check --lang fr: every counts line adds up" \
	sh -c "test -s '$tmp/counts-fr' && awk '\$1 != \$2 + \$3 { bad = 1 } END { exit bad }' '$tmp/counts-fr'"
t "check --lang fr: the same counts as in English, sheet by sheet" cmp -s "$tmp/counts-en" "$tmp/counts-fr"

# No English left: the sheets' own words set aside — quoted data (an
# apostrophe inside a French word or a cell is no quote), file paths, the
# columns line (config keys and headers), the recognised headers' list and
# the config's own names ("[columns]", the sheets' English headers).
perl -pe "s/(?<![[:alpha:]])'.*?'(?![[:alpha:]])//g; s{\\S*/\\S*}{}g;
	s/^  colonnes : .*//; s/En-têtes reconnus .*//; s/config\\.ini \\[columns\\]//g;
	s/Total reached|Reporting month|Start date|Region P-code//g" \
	"$tmp/msgs-fr.txt" >"$tmp/msgs-words.txt"
for word in rows? columns? unknown expected 'not a' missing header cells? rejected counted \
	sheets? is and the warnings? 'did you mean' read found; do
	t "check --lang fr: no English word '$word' in the messages" \
		sh -c "! grep -iwE -- '$word' '$tmp/msgs-words.txt'"
done

# Workbooks that cannot be read: the error in French.
for book in bad_xml bomb encrypted not_a_book truncated; do
	fw check --lang fr -c config.ini "$w/$book.xlsx" >/dev/null 2>"$tmp/book.err"
	t "check --lang fr: $book.xlsx refused in French" \
		sh -c "grep -q '^fourw : ' '$tmp/book.err' && ! sed 's|[^ ]*/[^ ]*||' '$tmp/book.err' |
		       grep -Eiq 'workbook|the archive|not a|part .* is|would expand'"
done

# A config.ini or a path that stops the command: said in French too.
fw --lang fr check -c tests/fixtures/config/bad_year.ini data/sheets >/dev/null 2>"$tmp/cfg.err"
t "check --lang fr: a bad [plan] year in French" \
	grep -q "\\[plan\\] year: attendu une année comme 2024, trouvé '24'" "$tmp/cfg.err"
fw --lang fr check -c tests/fixtures/config/syntax_error.ini data/sheets >/dev/null 2>"$tmp/cfg.err"
t "check --lang fr: a config syntax error in French" grep -q ' : erreur de syntaxe : ' "$tmp/cfg.err"
fw --lang fr check -c tests/fixtures/config/missing_in_need.ini data/sheets >/dev/null 2>"$tmp/cfg.err"
t "check --lang fr: a missing key in French, what is expected too" \
	grep -q 'in_need: absent (attendu un nombre entier de personnes)' "$tmp/cfg.err"
fw --lang fr check -c config.ini /dev/null >/dev/null 2>"$tmp/dev.err"
t "check --lang fr: a device given as a sheet, refused in French" \
	grep -q 'pas un fichier ordinaire (un périphérique caractère)' "$tmp/dev.err"
