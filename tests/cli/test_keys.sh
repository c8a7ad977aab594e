#!/bin/sh
# fourw --help-keys, the key table as Markdown (the README's key section is
# compared with it in test_check.sh): it needs no terminal and no config,
# so the README can be regenerated anywhere, and no key is listed twice (a
# second binding of a key would never be reached).
BIN=$1
ok()   { echo "ok - $1"; }
fail() { echo "FAIL - $1"; }
t()    { name=$1; shift; if "$@"; then ok "$name"; else fail "$name"; fi; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

"$BIN" --help-keys >"$tmp/keys" 2>"$tmp/err"
t "help-keys: exits 0" [ $? -eq 0 ]
t "help-keys: nothing on stderr" [ ! -s "$tmp/err" ]
t "help-keys: a Markdown table" [ "$(sed -n 1,2p "$tmp/keys")" = "| Keys | Action |
| --- | --- |" ]
env -u TERM LANG=C LC_ALL=C "$BIN" --help-keys -c /nonexistent.ini >"$tmp/keys-bare" 2>&1
t "help-keys: same without a terminal, locale or config" cmp -s "$tmp/keys" "$tmp/keys-bare"
sed '1,2d' "$tmp/keys" | cut -d'|' -f2 | grep -o '`[^`]*`' | sort | uniq -d >"$tmp/dup"
t "help-keys: no key listed twice" [ ! -s "$tmp/dup" ]
t "help-keys: one line per tab letter" [ "$(grep -cE '^\| `[RMGPA]` `F[2-6]` \|' "$tmp/keys")" -eq 5 ]
