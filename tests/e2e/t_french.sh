# tests/e2e/t_french.sh — sourced by run.sh (its start/keys/wait_for/check):
# `fourw --lang fr` on a machine with no French locale (run.sh starts every
# screen under LANG=C.UTF-8).  Every view is captured at 100x30 and 60x20
# and grepped for English words that must not be on a French screen, the
# rows behind a rejected row and their diagnostic message included.

# Words of the English screen that are not also French.
fr_english_words='Reached|Target|Targeted|Coverage|Region|Regions|Partner|Partners|Funding|help|quit|rows|Rows|Filter|Matrix|Gaps|Help|selected|Selected|Severity|Reason|Month|Status|Activity|people|Keys|Enter|Pick|latest|outside|Enlarge|need|month|ongoing|planned|completed|Latest|Stale|Flag|critical|high|medium|coverage|Simple|none|drill|back|clear|step'

# fr_capture FILE: every view and picker of the running screen into FILE.
fr_capture() {
	: >"$1"
	for k in R M 4 M G P A x c '?'; do
		keys "$k"; sleep 0.3; screen >>"$1"
	done
	keys Escape t; sleep 0.3; screen >>"$1"
	keys Escape p; sleep 0.3; screen >>"$1"
	keys Escape
}

fr_no_english() {
	! grep -wE "$fr_english_words" "$1" | grep -q .
}

for fr_size in 100x30 60x20; do
	SHEETS="--lang fr" start $fr_size
	wait_for 'q pour quitter' >/dev/null
	fr_capture "$TMP/fr-$fr_size.txt"
	check "french $fr_size: no English word on any view" fr_no_english "$TMP/fr-$fr_size.txt"
	[ "$fail" -eq 0 ] || grep -nwE "$fr_english_words" "$TMP/fr-$fr_size.txt" | sed 's/^/  | /'
	keys q; wait_for '^rc=0' >/dev/null
done
check "french 100x30: the views' titles" grep -qE 'Régions \(R\)  Matrice \(M\)  Lacunes( [^(]*)? \(G\)  Partenaires \(P\)  Lignes \(A\)' "$TMP/fr-100x30.txt"
check "french 100x30: the report month as a month name" grep -q 'mois du rapport avril 2024' "$TMP/fr-100x30.txt"
check "french 100x30: the types' French labels (config.ini [types])" grep -q 'Gestion de cas' "$TMP/fr-100x30.txt"
check "french 100x30: the help screen" grep -q 'effacer tous les filtres' "$TMP/fr-100x30.txt"
check "french 100x30: months in the rows and partners views abbreviated (avr. 2024)" \
	grep -qE '(janv|févr|avr|juil|sept|oct|nov|déc)\. 20[0-9][0-9]' "$TMP/fr-100x30.txt"
check "french 100x30: a rejected row's message in French" \
	grep -q "région inconnue 'Segu'" "$TMP/fr-100x30.txt"

# The plan's reached figure in the header is the report's, in French digits:
# the English report's CSV total, grouped by threes by awk here.
fr_nbsp=$(printf '\302\240')
fr_reached=$("$BIN" report -c $CONFIG --format csv 2>/dev/null |
	awk -F, '$1 == "*" && $3 == "*" { print $12; exit }')
fr_grouped=$(printf '%s\n' "$fr_reached" | awk -v s="$fr_nbsp" '{
	out = ""; n = length($0)
	for (i = 1; i <= n; i++) { out = out substr($0, i, 1); if ((n - i) % 3 == 0 && i < n) out = out s }
	print out }')
SHEETS="--lang fr" start 100x30
check "french: header reached $fr_reached written $fr_grouped" wait_for "Atteintes $fr_grouped "
check "french: coverage with a decimal comma and a spaced %" wait_for "Couverture de la cible .* [0-9]+,[0-9]$fr_nbsp%"
keys q; wait_for '^rc=0' >/dev/null

# The locale's route: LANG names a French locale that is not installed; the
# screen is French and still draws UTF-8 (bars, not ASCII '#').
start 100x30 LANG=fr_FR.UTF-8
check "french by LANG=fr_FR.UTF-8 (not installed): French labels" wait_for 'Couverture de la cible'
check "french by LANG=fr_FR.UTF-8: UTF-8 bars" wait_for 'Couverture de la cible [█▏▎▍▌▋▊▉░]'
keys q; wait_for '^rc=0' >/dev/null
start 100x30 LANGUAGE=fr
check "french by LANGUAGE=fr under LANG=C.UTF-8" wait_for 'Couverture de la cible'
keys q; wait_for '^rc=0' >/dev/null
unset SHEETS
