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

. ./tests/e2e/t_export.sh
. ./tests/e2e/t_live.sh
. ./tests/e2e/t_bandwidth.sh
echo "e2e: $pass passed, $fail failed"
