#!/bin/sh
# tests/e2e/run.sh BIN — drive the real fourw screen in a private tmux server
# and read the screen back.  Polls capture-pane until the expected text shows
# instead of sleeping a fixed time.  The poll's limit (about two minutes) is
# a hang guard, not a speed limit: a busy machine or a sanitizer build may
# take seconds to draw a frame, and a check only waits that long when it is
# failing anyway.  The pane outlives the program by an hour so its exit
# status can be read however slow the machine; the server is killed on exit.
# Ends with "e2e: N passed, N failed"; exits non-zero on any failure.
set -u
BIN=${1:-build/fourw}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
cd "$(dirname "$0")/../.." || exit 2
CONFIG=config.ini

if ! command -v tmux >/dev/null 2>&1; then
	echo "skip - tmux is not installed"
	echo "e2e: 0 passed, 0 failed"
	exit 0
fi
if [ ! -x "$BIN" ]; then
	echo "e2e: $BIN is not built"; echo "e2e: 0 passed, 1 failed"; exit 1
fi

TMP=$(mktemp -d)
T="tmux -L fourw-e2e-$$"
S=
n=0
pass=0
fail=0
trap '$T kill-server 2>/dev/null; rm -rf "$TMP"' EXIT INT TERM

# start COLSxLINES [VAR=value...]: a new session running the binary (on
# $SHEETS when set, else the config's sheets); its
# stderr goes to $TMP/err.N, its process id to $TMP/pid.N (the shell writes
# its own and execs fourw, so no process lookup tool is needed) and the exit
# status is printed as rc=N.
start() {
	size=$1; shift
	old=$S; n=$((n + 1)); S=s$n
	$T -f /dev/null new-session -d -s $S -x "${size%x*}" -y "${size#*x}" \
		"env LANG=C.UTF-8 TERM=screen-256color $* sh -c 'echo \$\$ >$TMP/pid.$n; exec $BIN -c $CONFIG ${SHEETS:-}' 2>$TMP/err.$n; echo rc=\$?; sleep 3600"
	[ -z "$old" ] || $T kill-session -t "$old" 2>/dev/null
	$T set-option -t $S -g status off >/dev/null 2>&1
}
screen() { $T capture-pane -p -t $S; }
keys()   { $T send-keys -t $S "$@"; }
wait_for() {
	tries=${2:-2400}
	while [ "$tries" -gt 0 ]; do
		screen | grep -Eq -- "$1" && return 0
		sleep 0.05; tries=$((tries - 1))
	done
	echo "  timed out waiting for /$1/"; screen | sed 's/^/  | /'
	return 1
}
check() {
	name=$1; shift
	if "$@"; then pass=$((pass + 1)); echo "ok   - $name"
	else fail=$((fail + 1)); echo "FAIL - $name"; fi
}

# The header's "Reached 64,123" without its commas.
header_reached() { screen | sed -n 's/.*Reached \([0-9,]*\).*/\1/p' | head -1 | tr -d ,; }

# The region's reached (without double counting) from `fourw report`: the
# CSV's total line for that region.
report_reached() {
	"$BIN" report -c $CONFIG --region "$1" --format csv 2>/dev/null > "$TMP/report.csv" || return 1
	awk -F, -v want="$2" '
		NR == 1 { for (i = 1; i <= NF; i++) { h = tolower($i); gsub(/"/, "", h); col[h] = i } next }
		{
			line = tolower($0)
			if (line !~ /total|all/) next
			for (i = 1; i <= NF; i++) { v = $i; gsub(/[", ]/, "", v); if (v == want) found = 1 }
		}
		END { exit !found }' "$TMP/report.csv"
}

same_as_report() {
	got=$(header_reached)
	[ -n "$got" ] || { echo "  no reached figure in the header"; return 1; }
	report_reached "$1" "$got" && return 0
	echo "  header says $got for $1; report --region $1 --format csv says:"
	sed 's/^/  | /' "$TMP/report.csv" | head -20
	return 1
}

stderr_empty() {
	[ ! -s "$TMP/err.$n" ] && return 0
	echo "  stderr:"; sed 's/^/  | /' "$TMP/err.$n" | head -20; return 1
}

no_colour() {
	$T capture-pane -p -e -t $S > "$TMP/esc"
	if grep -Eq '\[([34][0-7]|3[89];5|4[89];5)[;m]|\[[0-9;]*;([34][0-7])m' "$TMP/esc"; then
		echo "  colour escapes found:"; grep -Eo '.\[[0-9;]*m' "$TMP/esc" | sort -u | head | sed 's/^/  | /'
		return 1
	fi
	grep -q '\[7m\|\[[0-9;]*;7m\|\[7;' "$TMP/esc" || { echo "  no reverse video either"; return 1; }
}

for size in 100x30 80x24; do
	start $size
	check "$size: key figures appear" wait_for 'In need .* Targeted .* Reached [0-9]'
	check "$size: coverage and method shown" wait_for 'without double counting \(largest type per cercle\)'
	check "$size: regions listed with keys" wait_for '^ +5 +Mopti '

	keys 5
	check "$size: key 5 selects Mopti in the header" wait_for '^ *Mopti: +In need'
	check "$size: Mopti's reached equals fourw report --region ML05" same_as_report ML05
	keys 5
	check "$size: same key again: whole plan" wait_for '^ *Plan: +In need'

	keys / s e g o u
	check "$size: /segou filters live" wait_for 'Filter: segou_'
	keys Enter
	check "$size: /segou Enter selects Ségou" wait_for '^ *Ségou: +In need'
	keys c
	check "$size: c clears every filter" wait_for '^ *Plan: +In need'

	keys R
	check "$size: regions view" wait_for 'Key +Region +In need'
	keys Tab
	check "$size: Tab -> matrix" wait_for '^ +Region +GC '
	keys Tab
	check "$size: Tab -> gaps" wait_for 'Severity +Kind|No gap flagged'
	keys Tab
	check "$size: Tab -> partners" wait_for 'Partner +Latest'
	keys Tab
	check "$size: Tab -> rows" wait_for 'File:line'
	keys Tab
	check "$size: Tab wraps to regions" wait_for 'Key +Region +In need'
	keys '?'
	check "$size: ? shows the keys" wait_for 'Keys \(Esc or \? closes\)'
	keys Escape

	keys R Home Enter
	check "$size: Enter on a region opens its types" wait_for 'Type +Intervention +Reached'
	keys Enter
	check "$size: Enter on a type lists rows with file:line" wait_for '\.(csv|tsv):[0-9]+ '
	keys Escape
	check "$size: Esc goes back" wait_for 'Type +Intervention +Reached'
	keys x
	check "$size: x lists rejected rows" wait_for 'Rejected rows'
	keys Escape c

	$T resize-window -t $S -x 60 -y 15
	check "$size: 60x15 asks to enlarge" wait_for 'Enlarge the terminal'
	$T resize-window -t $S -x "${size%x*}" -y "${size#*x}"
	check "$size: back to $size redraws" wait_for 'In need .* Reached [0-9]'

	keys q
	check "$size: q exits with status 0" wait_for '^rc=0'
	check "$size: stderr empty" stderr_empty
done

start 100x30 NO_COLOR=1
wait_for 'Reached [0-9]' >/dev/null
check "NO_COLOR: no colour escapes" no_colour
keys q; wait_for '^rc=0' >/dev/null
start 100x30 TERM=vt100
wait_for 'Reached [0-9]' >/dev/null
check "TERM=vt100: no colour escapes" no_colour
keys q
check "TERM=vt100: q exits with status 0" wait_for '^rc=0'
# SIGTERM and SIGHUP (a dropped SSH link): the loop notices the flag,
# restores the terminal and exits 128+signal, with nothing on stderr.
for sig in TERM HUP; do
	start 100x30
	wait_for 'Reached [0-9]' >/dev/null
	pid=$(cat "$TMP/pid.$n")
	[ -n "$pid" ] && kill -$sig "$pid"
	check "SIG$sig: exits cleanly" wait_for '^rc=1(43|29)$'
	check "SIG$sig: stderr empty" stderr_empty
done

# The rows behind a concentration flag are listed when it is opened (Enter
# opens the flag's pane, Enter again its rows), from
# the cube it was computed from: the tenth flag of the sample plan, 22 rows
# (fourw gaps lists the same).
start 120x40
wait_for 'Reached [0-9]' >/dev/null
keys G
wait_for 'Severity +Kind' >/dev/null
keys Down Down Down Down Down Down Down Down Down Enter Enter
check "gaps: Enter on the concentration flag lists its rows" \
	wait_for 'Rows behind: Mopti — Bandiagara — PSS: 4 partners'
check "gaps: its first row, irc_fr.csv:272" wait_for '^ *data/sheets/irc_fr.csv:272 +IRC +Mopti +Bandiagara +PSS'
check "gaps: its last row, unicef_en.csv:563" wait_for '^ *data/sheets/unicef_en.csv:563 +AVS-Mali'
keys q; wait_for '^rc=0' >/dev/null

# The matrix marks "no partner where there is need" exactly where a gap
# rule says so in `fourw gaps`: a missing essential service in that cell,
# or no partner present in the region at all.
need_flags() {   # REGION [TYPE]: how many such flags fourw gaps raises there
	"$BIN" gaps -c $CONFIG --format csv 2>/dev/null | awk -F, -v r="$1" -v t="${2:-}" '
		$4 == r && ($2 == "no-presence" || ($2 == "missing-service" && (t == "" || $6 == t))) { n++ }
		END { print n + 0 }'
}
# A marked grid cell is "—" and a flag symbol; a cell with no rows is "—" alone.
row_marks() { screen | grep -E "^ +[0-9] +$1 " | grep -o '— [^ ]' | wc -l; }
marks_as_gaps() {
	want=$(need_flags "$1"); got=$(row_marks "$1")
	[ "$got" -eq "$want" ] && return 0
	echo "  $1: $got cells marked on the matrix, fourw gaps has $want flags saying no partner"
	return 1
}
type_unmarked() {   # REGION TYPE: on the region's own list, fourw gaps agreeing
	[ "$(need_flags "$1" "$2")" -eq 0 ] || { echo "  fourw gaps flags $1 $2"; return 1; }
	screen | grep -Eq "^ *$2 " || { echo "  no $2 line"; return 1; }
	! screen | grep -E "^ *$2 " | grep -q 'no partner'
}
type_marked() {
	[ "$(need_flags "$1" "$2")" -gt 0 ] || { echo "  fourw gaps does not flag $1 $2"; return 1; }
	screen | grep -E "^ *$2 " | grep -q 'no partner'
}
start 120x40
wait_for 'Reached [0-9]' >/dev/null
keys M
check "matrix: grid shown" wait_for '^ +Region +GC '
check "matrix: Kayes marked only where fourw gaps flags it (nowhere)" marks_as_gaps Kayes
check "matrix: Ménaka marked where fourw gaps flags a missing service" marks_as_gaps Ménaka
check "matrix: Tombouctou marked only where fourw gaps flags it" marks_as_gaps Tombouctou
keys 1
wait_for 'Type +Intervention +Reached' >/dev/null
check "matrix: Kayes EAFGA has no partner yet is not marked (no gap rule flags it)" \
	type_unmarked Kayes EAFGA
keys 1 0
wait_for '^ *Ménaka: +In need' >/dev/null
check "matrix: Ménaka GC marked, as fourw gaps flags it" type_marked Ménaka GC
keys q; wait_for '^rc=0' >/dev/null

start 100x30 LANG=C
check "LANG=C: ASCII bars" wait_for 'Coverage of target [#.]+ '
keys q; wait_for '^rc=0' >/dev/null

# The header's data-quality line names the rows the figures leave out: a
# sheet and its re-sent copy (tests/fixtures/sheets/README.md, resent/):
# the 3 rows of partner_v1.csv are sent again in partner_v2.csv, and the
# plan's figures are those of one sheet (sum 60 + 45 + 280 = 385).
SHEETS=tests/fixtures/sheets/resent/identical start 100x30
check "resent: the header counts the rows sent again" wait_for '2 sheets .* 6 rows .* 3 sent again'
check "resent: the figures are one sheet's" wait_for 'Simple sum 385'
keys q; wait_for '^rc=0' >/dev/null
# ... and the rows outside the plan year (2024): two of 2023 (10 girls
# each) are left out, one of 2024-03 counts 7 + 5 = 12.
{ echo "Organization,Region,Intervention type,Activity,Reporting month,Girls,Boys"
  echo "IRC,Gao,PSS,a,2023-05,10,0"; echo "IRC,Gao,PSS,b,2023-06,10,0"
  echo "IRC,Gao,PSS,main,2024-03,7,5"; } >"$TMP/years.csv"
SHEETS=$TMP/years.csv start 100x30
check "plan year: the header counts the rows outside it" wait_for '3 rows .* 2 outside 2024'
check "plan year: they change no figure" wait_for 'Reached 12 +Simple sum 12'
keys q; wait_for '^rc=0' >/dev/null

# Rule 12: a sheet written in the 2023 regions (tests/fixtures/sheets/
# README.md, regions_2023.csv) counts under the plan's old regions; a
# region's own list names the regions as written (Mopti 100, Douentza 200,
# Bandiagara 300 + 400 + 150 + 500 + 2,000 = 3,350).
SHEETS=tests/fixtures/sheets/regions_2023.csv start 100x30
check "geography: Kayes holds Nioro and Kita" wait_for 'Kayes +60k +30k +1\.1k'
keys 5; keys M
check "geography: Mopti's list names the regions as written" \
	wait_for 'As written: Mopti 100 \(1 row\) · Douentza 200 \(1 row\) · Bandiagara 3,350 \(5 rows\)'
keys q; wait_for '^rc=0' >/dev/null

# Funding is the plan's alone (config gives none per region): shown for
# the plan, not beside a region's own coverage (issue 16).
start 100x30
check "funding: the plan's, on the plan's line" wait_for 'Funding 600k of 29\.2M'
keys 4
wait_for 'Filter: region Ségou' >/dev/null
check "funding: none beside a region's coverage" sh -c "! $T capture-pane -p -t $S | sed -n 4p | grep -q Funding"
keys q; wait_for '^rc=0' >/dev/null

# A filter that finds nothing says so, with no total row drawn over it.
start 100x30
wait_for 'Funding' >/dev/null
keys / zzqq Enter
check "empty filter: the message stands alone" wait_for '^  No region has rows under this filter \(c clears it\)\. *$'
keys c / sgeou Enter
check "empty filter: a misspelt region's name is suggested" \
	wait_for 'No region has rows under this filter — did you mean Ségou \(ML04\)\? \(c clears it\)\.'
keys q; wait_for '^rc=0' >/dev/null

# The pickers jump as one types: p, then "coop", then Enter picks COOPI.
start 100x30
wait_for 'Funding' >/dev/null
keys p; wait_for 'Pick: Partner' >/dev/null
keys c o o p
check "picker: what was typed is shown" wait_for 'Pick: Partner — "coop"'
keys Enter
check "picker: the line typed is the one chosen" wait_for 'Filter: partner "coopi"'
keys q; wait_for '^rc=0' >/dev/null

# A region's Flag is the plan's worst flag for it, whatever the filter:
# Ménaka's ▲ (high: a missing essential service) stays when it is typed.
start 100x30
check "flag: Ménaka's mark in the plan's list" wait_for '^ 0   Ménaka .*▲ *$'
keys / menaka Enter
wait_for 'Filter: region Ménaka' >/dev/null
check "flag: the same mark under its own filter" wait_for '^ 0   Ménaka .*▲ *$'
keys q; wait_for '^rc=0' >/dev/null

# Enter on a low-coverage flag lists the rows its figure counts — as many
# as the report's activity rows for Kayes — not "(0 rows)".
kayes_rows=$("$BIN" report -c "$CONFIG" --format csv 2>/dev/null | awk -F, '$1 == "ML01" && $3 == "*" { print $6 }')
start 100x30
wait_for 'Funding' >/dev/null
keys G
check "low coverage: the flag says how many rows are behind it" wait_for "critical +low-coverage +$kayes_rows +Kayes:"
keys Enter Enter
check "low coverage: Enter lists them" wait_for 'data/sheets/sci_tab\.tsv:269 +Save the Children +Kayes'
keys q; wait_for '^rc=0' >/dev/null

# Screen tests by topic (sizes, gaps view, French…) live beside this file
# and use the helpers above.
for topic in tests/e2e/t_*.sh; do
	[ -e "$topic" ] || continue
	echo "# $topic"
	. "./$topic"
done

echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
