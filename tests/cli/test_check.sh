#!/bin/sh
# fourw check against the real binary: exit statuses, compiler-style
# messages and the summary that adds up.  Expected lines and counts are
# those worked out by hand in tests/fixtures/sheets/README.md.
BIN=$1
F=tests/fixtures/sheets
ok()   { echo "ok - $1"; }
fail() { echo "FAIL - $1"; }
t()    { name=$1; shift; if "$@"; then ok "$name"; else fail "$name"; fi; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

"$BIN" check -c config.ini $F/same_en.csv >"$tmp/out" 2>"$tmp/err"
t "check: a clean sheet exits 0" [ $? -eq 0 ]
t "check: summary adds up" grep -q '^total: 1 sheet, 8 rows read = 8 accepted + 0 rejected; 0 warnings$' "$tmp/out"
t "check: dialect line names encoding and delimiter" grep -q 'read as UTF-8, comma-separated' "$tmp/out"

"$BIN" check -c config.ini $F/broken_rows.csv >"$tmp/out" 2>"$tmp/err"
t "check: rejected rows exit 1" [ $? -eq 1 ]
t "check: file:line:col: rejected" grep -q "^$F/broken_rows.csv:11:3: rejected: .*Segu.*Ségou (ML04)" "$tmp/out"
t "check: nine rejections listed" [ "$(grep -c ': rejected: ' "$tmp/out")" -eq 9 ]
t "check: 13 = 4 + 9" grep -q '13 rows read = 4 accepted + 9 rejected' "$tmp/out"

"$BIN" check -c config.ini $F/same_fr_excel.csv >"$tmp/out"
t "check: Windows-1252 semicolons CRLF detected" grep -q 'read as Windows-1252, semicolon-separated, CRLF' "$tmp/out"
"$BIN" check -c config.ini $F/same_hxl.csv >"$tmp/out"
t "check: HXL row found" grep -q 'HXL hashtags on line 2' "$tmp/out"

"$BIN" check -c config.ini data/ >"$tmp/out"
t "check data/: every sample row accounted for" grep -q '^total: 6 sheets, 2,116 rows read = 2,115 accepted + 1 rejected; 4 warnings$' "$tmp/out"

"$BIN" check -c config.ini /nonexistent.csv >"$tmp/out" 2>"$tmp/err"
t "check: unreadable input exits 2" [ $? -eq 2 ]
t "check: unreadable input is named" grep -q '/nonexistent.csv' "$tmp/err"
"$BIN" check --bogus >"$tmp/out" 2>"$tmp/err"
t "check: usage error exits 2" [ $? -eq 2 ]
printf '[plan]\nname = x\nin_need = abc\n' >"$tmp/bad.ini"
"$BIN" check -c "$tmp/bad.ini" $F/same_en.csv >"$tmp/out" 2>"$tmp/err"
t "check: bad config exits 2" [ $? -eq 2 ]
t "check: bad config names file and line" grep -q "bad.ini:3" "$tmp/err"

# The README's key list is the program's key table, byte for byte.
"$BIN" --help-keys >"$tmp/keys"
sed -n '/<!-- keys:begin -->/,/<!-- keys:end -->/p' README.md | sed '1d;$d' >"$tmp/readme-keys"
t "README keys match fourw --help-keys" cmp -s "$tmp/keys" "$tmp/readme-keys"
