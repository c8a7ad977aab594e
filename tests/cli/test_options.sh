#!/bin/sh
# Global options before the command (as in git or apt), `fourw help CMD`,
# and where config.ini is looked for.  Expected counts: same_en.csv has 8
# data rows, all accepted (tests/fixtures/sheets/README.md).
BIN=$1
F=tests/fixtures/sheets
. "$(dirname "$0")/lib.sh"
EN=$PWD/$F/same_en.csv

# -c before the command is the same -c as after it.
"$BIN" -c config.ini check $F/same_en.csv >"$tmp/out" 2>"$tmp/err"
t "options: -c before check exits 0" [ $? -eq 0 ]
t "options: -c before check reads the sheet" grep -q '^total: 1 sheet, 8 rows read = 8 accepted + 0 rejected; 0 warnings$' "$tmp/out"
for cmd in report gaps; do
	"$BIN" $cmd -c config.ini --format md $F/same_en.csv >"$tmp/after" 2>&1
	"$BIN" -c config.ini $cmd --format md $F/same_en.csv >"$tmp/before" 2>&1
	t "options: -c before $cmd is -c after it" cmp -s "$tmp/before" "$tmp/after"
	"$BIN" --config=config.ini $cmd --format md $F/same_en.csv >"$tmp/before" 2>&1
	t "options: --config=FILE before $cmd" cmp -s "$tmp/before" "$tmp/after"
	"$BIN" --config config.ini $cmd --format md $F/same_en.csv >"$tmp/before" 2>&1
	t "options: --config FILE before $cmd" cmp -s "$tmp/before" "$tmp/after"
done

# Given before and after the command, the later one (after) wins.
"$BIN" -c "$tmp/none.ini" check -c config.ini $F/same_en.csv >"$tmp/out" 2>"$tmp/err"
t "options: -c after the command wins over -c before" [ $? -eq 0 ]
"$BIN" -c config.ini check -c "$tmp/none.ini" $F/same_en.csv >"$tmp/out" 2>"$tmp/err"
t "options: a missing -c after the command is used, exit 2" [ $? -eq 2 ]
t "options: ... and named" grep -q "^fourw: $tmp/none.ini: cannot read" "$tmp/err"

# Refusals name the option.
"$BIN" --theme light check $F/same_en.csv >"$tmp/out" 2>"$tmp/err"
t "options: a screen option before a command exits 2" [ $? -eq 2 ]
t "options: ... and is named" grep -q "^fourw: --theme is an option of the screen, not of 'check' " "$tmp/err"
t "options: ... in one line" [ "$(wc -l <"$tmp/err")" -eq 1 ]
t "options: ... nothing on stdout" [ ! -s "$tmp/out" ]
"$BIN" --bogus report $F/same_en.csv >"$tmp/out" 2>"$tmp/err"
t "options: an unknown option before a command exits 2" [ $? -eq 2 ]
t "options: ... and is named" grep -q "^fourw: unknown or incomplete option '--bogus'$" "$tmp/err"
"$BIN" -c >"$tmp/out" 2>"$tmp/err"
t "options: -c without its file exits 2, named" grep -q "^fourw: unknown or incomplete option '-c'$" "$tmp/err"
# A word after a path is a path (a folder may be called check).
"$BIN" -c config.ini "$tmp/nosheet" check >"$tmp/out" 2>"$tmp/err"
t "options: a command word after a path is a path" grep -q "nosheet" "$tmp/err"

# The screen keeps its options anywhere; an error before curses starts
# shows --theme before the paths was read.
"$BIN" --theme neon -c config.ini $F/same_en.csv >"$tmp/out" 2>"$tmp/err"
t "screen: --theme before the paths is read" grep -q "^fourw: --theme: unknown theme 'neon'" "$tmp/err"

# Help: fourw help CMD = fourw CMD --help = fourw --help CMD.
"$BIN" report --help >"$tmp/a"
"$BIN" help report >"$tmp/b"
t "help: fourw help report is fourw report --help" cmp -s "$tmp/a" "$tmp/b"
"$BIN" --help report >"$tmp/b"
t "help: fourw --help report is fourw report --help" cmp -s "$tmp/a" "$tmp/b"
"$BIN" help >"$tmp/a"; "$BIN" --help >"$tmp/b"
t "help: fourw help is fourw --help" cmp -s "$tmp/a" "$tmp/b"
t "help: --help lists the commands" [ "$(grep -cE '^ +fourw \[-c FILE\] (check|report|gaps) ' "$tmp/b")" -eq 3 ]
t "help: --help says the later -c wins" grep -q 'given both, the later one wins' "$tmp/b"
t "help: --help names the XDG config" grep -q 'XDG_CONFIG_HOME/fourw/config.ini' "$tmp/b"
"$BIN" help nope >"$tmp/out" 2>"$tmp/err"
t "help: an unknown command exits 2" [ $? -eq 2 ]
t "help: ... and is named" grep -q "^fourw help: no command 'nope'" "$tmp/err"

# ---- config lookup: -c, $FOURW_CONFIG, ./config.ini, XDG, the installed copy
installed=$(strings "$BIN" 2>/dev/null | grep -o '/[^ ]*/fourw/config\.ini' | grep -v '/\.config/' | head -1)
mkdir -p "$tmp/run" "$tmp/home" "$tmp/xdg/fourw" "$tmp/home/.config/fourw"
sed "s|^regional_figures = |regional_figures = $PWD/|" config.ini >"$tmp/good.ini"
printf '[plan]\nname = x\nin_need = abc\n' >"$tmp/bad.ini"
look() { (cd "$tmp/run" && env -u FOURW_CONFIG -u XDG_CONFIG_HOME HOME="$tmp/home" "$@") >"$tmp/out" 2>"$tmp/err"; }
if [ -n "$installed" ] && [ -e "$installed" ]; then
	ok "config lookup: skipped, a config is installed at $installed"
else
	look "$BIN" check "$EN"
	t "config: none found exits 2" [ $? -eq 2 ]
	t "config: none found names ./config.ini" grep -q '^  \./config\.ini$' "$tmp/err"
	t "config: ... and ~/.config" grep -q "^  $tmp/home/.config/fourw/config.ini " "$tmp/err"
	t "config: ... and the installed copy" grep -q '/config.ini  (the installed copy)$' "$tmp/err"
	t "config: ... and FOURW_CONFIG" grep -q 'FOURW_CONFIG (not set)' "$tmp/err"
	t "config: ... in that order" sh -c "grep -n '' '$tmp/err' | grep -E 'FOURW_CONFIG \(|\./config|\.config/fourw|installed' | cut -d: -f1 | tr '\n' ' ' | grep -q '^2 3 4 5 $'"
	t "config: ... and says how to choose one" grep -q '^choose one with -c FILE .* or FOURW_CONFIG=FILE$' "$tmp/err"
	look env XDG_CONFIG_HOME="$tmp/xdg" "$BIN" report "$EN"
	t "config: none found names \$XDG_CONFIG_HOME's" grep -q "^  $tmp/xdg/fourw/config.ini  (\$XDG_CONFIG_HOME" "$tmp/err"
fi
cp "$tmp/good.ini" "$tmp/home/.config/fourw/config.ini"
look "$BIN" check "$EN"
t "config: ~/.config/fourw/config.ini is read" grep -q '8 rows read = 8 accepted' "$tmp/out"
cp "$tmp/bad.ini" "$tmp/xdg/fourw/config.ini"
look env XDG_CONFIG_HOME="$tmp/xdg" "$BIN" check "$EN"
t "config: \$XDG_CONFIG_HOME comes before ~/.config" grep -q "$tmp/xdg/fourw/config.ini:3" "$tmp/err"
cp "$tmp/good.ini" "$tmp/run/config.ini"
look env XDG_CONFIG_HOME="$tmp/xdg" "$BIN" check "$EN"
t "config: ./config.ini comes before \$XDG_CONFIG_HOME" [ $? -eq 0 ]
look env XDG_CONFIG_HOME="$tmp/xdg" FOURW_CONFIG="$tmp/bad.ini" "$BIN" check "$EN"
t "config: \$FOURW_CONFIG comes before ./config.ini" grep -q "$tmp/bad.ini:3" "$tmp/err"
look env FOURW_CONFIG="$tmp/bad.ini" "$BIN" -c "$tmp/good.ini" check "$EN"
t "config: -c comes before \$FOURW_CONFIG" [ $? -eq 0 ]

# The screen with global options first: fourw -c FILE --theme light SHEET.
if command -v tmux >/dev/null 2>&1; then
	T="tmux -L fourw-options-$$" S=o
	trap '$T kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
	$T -f /dev/null new-session -d -s o -x 100 -y 30 \
		"env LANG=C.UTF-8 TERM=screen-256color $BIN -c config.ini --theme light '$EN' 2>$tmp/err.screen; echo rc=\$?; sleep 3600"
	t "screen: -c and --theme before the sheet open the screen" wait_for 'Reached'
	$T send-keys -t $S q
	t "screen: q exits 0" wait_for '^rc=0'
	t "screen: stderr empty" [ ! -s "$tmp/err.screen" ]
	$T kill-server 2>/dev/null
else
	echo "ok - screen checks skipped: tmux is not installed"
fi
