#!/bin/sh
# tests/cli/run.sh BIN: runs every tests/cli/test_*.sh against the real
# binary.  Each script prints "ok - name" / "FAIL - name" lines; this prints
# the closing "N passed, N failed" line CI reads.
set -u
BIN=${1:-build/fourw}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
pass=0; fail=0
for t in "$(dirname "$0")"/test_*.sh; do
	[ -e "$t" ] || continue
	out=$(sh "$t" "$BIN" 2>&1)
	printf '%s\n' "$out"
	p=$(printf '%s\n' "$out" | grep -c '^ok ')
	f=$(printf '%s\n' "$out" | grep -c '^FAIL')
	pass=$((pass + p)); fail=$((fail + f))
done
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
