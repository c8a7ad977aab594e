# tests/cli/lib.sh: sourced by the CLI test scripts (run.sh runs only
# test_*.sh).  t NAME CMD... prints "ok - NAME" when CMD succeeds, else
# "FAIL - NAME"; $tmp is a scratch folder removed on exit.
ok()   { echo "ok - $1"; }
fail() { echo "FAIL - $1"; }
t()    { name=$1; shift; if "$@"; then ok "$name"; else fail "$name"; fi; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
