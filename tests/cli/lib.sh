# tests/cli/lib.sh: sourced by the CLI test scripts (run.sh runs only
# test_*.sh).  t NAME CMD... prints "ok - NAME" when CMD succeeds, else
# "FAIL - NAME"; $tmp is a scratch folder removed on exit.
ok()   { echo "ok - $1"; }
fail() { echo "FAIL - $1"; }
t()    { name=$1; shift; if "$@"; then ok "$name"; else fail "$name"; fi; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# wait_for TEXT: polls the tmux pane $T (a "tmux -L ..." command) session
# $S until TEXT shows; the limit is a hang guard (about two minutes), not a
# speed limit.  On failure the pane is printed.
wait_for() {
	i=2400
	while [ $i -gt 0 ]; do
		$T capture-pane -p -t "$S" | grep -qi -- "$1" && return 0
		sleep 0.05; i=$((i - 1))
	done
	$T capture-pane -p -t "$S" | sed 's/^/  | /'; return 1
}
