#!/bin/sh
# fuzz/memcheck.sh "VALGRIND COMMAND" BIN — `make memcheck`: every command
# of fourw on the sample data under valgrind, then a screen session in a
# private tmux server (first frame, a tour of the views, q).  A run fails
# when valgrind's log is not empty or valgrind exits 97 (its error code, set
# by fuzz.mk apart from fourw's own statuses).  Prints "ok - name" /
# "FAIL - name" and a closing "memcheck: N passed, N failed".
set -u
VG=$1
BIN=$2
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
CONFIG=config.ini
TMP=$(mktemp -d)
T="tmux -L fourw-memcheck-$$"
trap '$T kill-server 2>/dev/null; rm -rf "$TMP"' EXIT INT TERM
pass=0
fail=0
n=0

verdict() {   # verdict NAME STATUS LOG
	if [ "$2" -ne 97 ] && [ ! -s "$3" ]; then
		pass=$((pass + 1)); echo "ok - memcheck: $1"
	else
		fail=$((fail + 1)); echo "FAIL - memcheck: $1 (valgrind status $2)"
		sed 's/^/  | /' "$3" | head -60
	fi
}

run() {       # run NAME ARGS...: fourw ARGS under valgrind
	name=$1; shift
	n=$((n + 1))
	$VG --log-file="$TMP/vg.$n" "$BIN" "$@" >"$TMP/out" 2>"$TMP/err"
	verdict "$name" $? "$TMP/vg.$n"
}

run "fourw check data/" check -c $CONFIG data/
run "fourw report data/sheets" report -c $CONFIG data/sheets
run "fourw report --format md" report -c $CONFIG --format md
run "fourw report --format csv --region ML05" report -c $CONFIG --format csv --region ML05
run "fourw gaps" gaps -c $CONFIG
run "fourw check (hostile fixtures)" check -c $CONFIG tests/fixtures/sheets
# an .xlsx read in the program, an .xls in a child process (its log too)
run "fourw check (workbooks: .xlsx, and .xls apart)" check -c $CONFIG \
	tests/fixtures/workbooks/features.xlsx tests/fixtures/workbooks/sheet.xls

# A sheet large enough to be read in parts (two at this size; the unit
# tests read up to seven under ASan) and its regions indexed on both cores
# (4 MB and 65,536 rows): the sample rows, repeated.
awk 'NR == 1 { print; next } { rows[++n] = $0 } END { for (i = 0; i < 70000; i++) print rows[i % n + 1] }' \
	data/sheets/unicef_en.csv >"$TMP/large.csv"
run "fourw report (large sheet, in parts, two threads)" report -c $CONFIG "$TMP/large.csv"

# wait_for REGEX SECONDS: polls the pane (valgrind makes the first frame slow)
wait_for() {
	tries=$(($2 * 10))
	while [ "$tries" -gt 0 ]; do
		$T capture-pane -p -t mc 2>/dev/null | grep -Eq -- "$1" && return 0
		sleep 0.1; tries=$((tries - 1))
	done
	return 1
}

if ! command -v tmux >/dev/null 2>&1; then
	echo "skip - memcheck: screen session (tmux is not installed)"
else
	n=$((n + 1))
	log="$TMP/vg.$n"
	$T -f /dev/null new-session -d -s mc -x 100 -y 30 \
		"env LANG=C.UTF-8 TERM=screen-256color $VG --log-file=$log $BIN -c $CONFIG 2>$TMP/err.screen; echo rc=\$?; sleep 60"
	if wait_for 'Reached [0-9]' 120; then
		for k in R Tab Tab Tab Tab Tab '?' Escape x Escape 5 5; do
			$T send-keys -t mc "$k"; sleep 0.3
		done
		$T send-keys -t mc q
		wait_for '^rc=[0-9]+' 120 || echo "  the screen did not exit after q"
		status=$($T capture-pane -p -t mc | sed -n 's/^rc=\([0-9]*\)$/\1/p' | head -1)
		[ "${status:-1}" = 0 ] || echo "  the screen exited with status ${status:-?}" >>"$log"
		verdict "screen session (views, q)" "${status:-97}" "$log"
	else
		echo "  no first frame:"; $T capture-pane -p -t mc | sed 's/^/  | /'
		fail=$((fail + 1)); echo "FAIL - memcheck: screen session (no first frame)"
	fi
fi

echo "memcheck: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
