#!/bin/sh
# A terminal tool's manners: the man page (doc/fourw.1) against the
# program's own lists — keys, options, config.ini sections and keys,
# commands — so that none is added without its page; `fourw help CMD` =
# `fourw CMD --help` for every command; the config.ini in use named by
# check; the bash completion; make install / uninstall into a DESTDIR.
# Run from the source tree (tests/cli/run.sh).  A FAIL names what is
# missing and where to add it.
BIN=$1
. "$(dirname "$0")/lib.sh"
MAN=doc/fourw.1

# ---- the man page reads cleanly --------------------------------------------
if command -v groff >/dev/null; then
	groff -ww -man -z "$MAN" >"$tmp/groff" 2>&1
	t "man: groff -ww -man -z is silent" [ ! -s "$tmp/groff" ]
	sed 's/^/  | /' "$tmp/groff"
else
	ok "man: groff lint skipped: no groff (make deps installs groff-base)"
fi

# The text of section $1 (".SH NAME" or ".SS NAME", up to the next heading
# of either level).
section() {
	awk -v h="$1" 'index($0, h) == 1 { on = 1; next }
	               on && /^\.S[HS] / { exit } on' "$MAN"
}

# ---- every key of the key table --------------------------------------------
"$BIN" --help-keys | sh doc/man-keys.sh >"$tmp/keys-want"
sed -n '/^\.\\" keys:begin/,/^\.\\" keys:end/p' "$MAN" | sed '1d;$d' >"$tmp/keys-have"
if cmp -s "$tmp/keys-want" "$tmp/keys-have"; then
	ok "man: KEYS is the program's key table"
else
	fail "man: KEYS differs from the key table; replace the lines between keys:begin and keys:end with: $BIN --help-keys | sh doc/man-keys.sh"
	diff "$tmp/keys-have" "$tmp/keys-want" | grep '^[<>] [^.]' | sed 's/^</  | in the page only:/; s/^>/  | in the table only:/'
fi

# ---- every option, in the page and in the help that owns it -----------------
# The options each part of the program parses: the screen's and the global
# ones in tui/main.c (value_of and strcmp), the commands' getopt tables.
grep -o '"--[a-z-]*"' tui/main.c | tr -d '"' | sort -u >"$tmp/opt-main"
for f in check report; do
	sed -n 's/^[[:space:]]*{ "\([a-z-]*\)", [a-z_]*_argument.*/--\1/p' "src/cli_$f.c" | sort -u >"$tmp/opt-$f"
done
t "options: found in the sources" [ "$(cat "$tmp"/opt-* | wc -l)" -ge 20 ]
"$BIN" --help >"$tmp/help-main"
"$BIN" check --help >"$tmp/help-check"
"$BIN" report --help >"$tmp/help-report"
for part in main check report; do
	missing=""; unhelped=""
	for o in $(cat "$tmp/opt-$part"); do
		roff=$(printf '%s' "$o" | sed 's/-/\\\\-/g')
		grep -q -- "$roff" "$MAN" || missing="$missing $o"
		grep -q -- "$o" "$tmp/help-$part" || unhelped="$unhelped $o"
	done
	src=src/cli_$part.c; [ "$part" = main ] && src=tui/main.c
	cmd="fourw $part --help"; [ "$part" = main ] && cmd="fourw --help"
	t "man: every option of $src is in $MAN${missing:+ — missing:$missing}" [ -z "$missing" ]
	t "help: $cmd lists every option of $src${unhelped:+ — missing:$unhelped}" [ -z "$unhelped" ]
done

# ---- every command ----------------------------------------------------------
commands=$(sed -n 's/^static const char \*const commands\[\] = {\(.*\)};/\1/p' tui/main.c | tr -d '",')
t "commands: found in tui/main.c" [ "$(echo $commands | wc -w)" -ge 4 ]
section ".SH COMMANDS" >"$tmp/man-commands"
for c in $commands; do
	t "man: COMMANDS has fourw $c" grep -q "^\.B fourw $c " "$tmp/man-commands"
	t "help: fourw --help names $c" grep -qE "fourw (\[-c FILE\] )?$c " "$tmp/help-main"
	[ "$c" = help ] && continue
	"$BIN" "$c" --help >"$tmp/a" 2>&1; a=$?
	"$BIN" help "$c" >"$tmp/b" 2>&1; b=$?
	t "help: fourw help $c is fourw $c --help, status 0" [ "$a$b" = 00 ]
	t "help: ... the same bytes" cmp -s "$tmp/a" "$tmp/b"
	t "help: ... starting with its usage" grep -q "^usage: fourw $c " "$tmp/a"
done

# ---- every config.ini section and key ---------------------------------------
# The lists src/config.c checks the file against (an unknown key is refused),
# and the keys the shipped config.ini sets.
keys_of() {
	awk -v a="$1" 'index($0, a "[") { on = 1 }
	               on { while (match($0, /"[a-z_.]+"/)) { print substr($0, RSTART + 1, RLENGTH - 2)
	                                                     $0 = substr($0, RSTART + RLENGTH) } }
	               on && /NULL/ { exit }' src/config.c
}
keys_of known_sections >"$tmp/sections"
t "config: sections found in src/config.c" [ "$(wc -l <"$tmp/sections")" -ge 10 ]
missing=""
for s in $(cat "$tmp/sections"); do
	grep -q "^\.SS .*\[$s\]" "$MAN" || missing="$missing [$s]"
done
t "man: CONFIGURATION has every section of src/config.c${missing:+ — missing:$missing}" [ -z "$missing" ]
for pair in plan:plan_keys gaps:gaps_keys ui:ui_keys columns:field_keys; do
	s=${pair%%:*}
	section ".SS [$s]" | grep '^\.BR\? ' >"$tmp/man-keys"
	{ keys_of "${pair#*:}"
	  awk -v s="[$s]" '/^\[/ { on = ($1 == s); next }
	                   on && /^[a-z_]+ *=/ { sub(/ *=.*/, ""); print }' config.ini; } | sort -u >"$tmp/want"
	missing=""
	for k in $(cat "$tmp/want"); do
		grep -qw -- "$k" "$tmp/man-keys" || missing="$missing $k"
	done
	t "man: [$s] has every key of src/config.c and config.ini ($(wc -l <"$tmp/want"))${missing:+ — missing:$missing}" [ -z "$missing" ]
done

# ---- environment, exit status, examples --------------------------------------
section ".SH ENVIRONMENT" >"$tmp/env"
for v in NO_COLOR LANG LANGUAGE TERM FOURW_CONFIG XDG_CONFIG_HOME; do
	t "man: ENVIRONMENT has $v" grep -qw "$v" "$tmp/env"
done
t "man: EXIT STATUS gives 0, 1 and 2" [ "$(section ".SH EXIT STATUS" | grep -c '^\.B [012]$')" -eq 3 ]
section ".SH EXAMPLES" >"$tmp/ex"
for c in check report gaps; do
	t "man: EXAMPLES run fourw $c" grep -q "^fourw $c " "$tmp/ex"
done

# ---- the config.ini in use is named -----------------------------------------
repo=$(pwd)
"$BIN" check -c config.ini data/sheets >"$tmp/out" 2>&1
t "check: first line names -c's config" [ "$(sed -n 1p "$tmp/out")" = "config: config.ini" ]
mkdir -p "$tmp/xdg" "$tmp/elsewhere"
ln -s "$repo" "$tmp/xdg/fourw"        # config.ini and the data it names
(cd "$tmp/elsewhere" && env -u FOURW_CONFIG XDG_CONFIG_HOME="$tmp/xdg" "$BIN" check) >"$tmp/out" 2>&1
t "check: from another folder, names \$XDG_CONFIG_HOME/fourw/config.ini" \
	[ "$(sed -n 1p "$tmp/out")" = "config: $tmp/xdg/fourw/config.ini" ]
(cd "$tmp/elsewhere" && FOURW_CONFIG="$repo/config.ini" "$BIN" check) >"$tmp/out" 2>&1
t "check: names \$FOURW_CONFIG's file" [ "$(sed -n 1p "$tmp/out")" = "config: $repo/config.ini" ]

# ---- bash completion ----------------------------------------------------------
# complete WORD...: COMPREPLY, one a line, for the command line WORD... with
# the cursor at the end of the last word.
complete_line() {
	bash -c '. completion/fourw.bash
	         COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _fourw
	         printf "%s\n" "${COMPREPLY[@]}"' complete "$BIN" "$@"
}
complete_c_locale() { (LC_ALL=C; export LC_ALL; complete_line "$@"); }
if command -v bash >/dev/null; then
	t "completion: fourw re<Tab> is report" [ "$(complete_line re)" = report ]
	t "completion: fourw help <Tab> is the commands" [ "$(complete_line help "" | tr '\n' ' ')" = "check report gaps " ]
	t "completion: --by <Tab>" [ "$(complete_line report --by "" | tr '\n' ' ')" = "plan-region written-region " ]
	t "completion: --format=<Tab>" [ "$(complete_line gaps --format = "" | tr '\n' ' ')" = "text md csv " ]
	# The names config.ini gives its regions (first part of each value of
	# [regions.old] and [regions.new]), read here by awk, not by fourw.
	awk '/^\[/ { on = ($1 == "[regions.old]" || $1 == "[regions.new]"); next }
	     on && /^[A-Z0-9]+ *=/ { sub(/^[^=]*= */, ""); sub(/ *\|.*/, ""); print }' config.ini |
		sort -u >"$tmp/regions-want"
	complete_line -c config.ini report --region "" | sort >"$tmp/regions-have"
	t "completion: report --region <Tab> is every region of config.ini ($(wc -l <"$tmp/regions-want"))" \
		cmp -s "$tmp/regions-want" "$tmp/regions-have"
	t "completion: report --region Mo<Tab> is Mopti" [ "$(complete_line report --region Mo)" = Mopti ]
	t "completion: report --region Sé<Tab> in the C locale is Ségou as written" \
		[ "$(complete_c_locale report --region Sé)" = "Ségou" ]
	t "completion: a name with spaces and quotes is escaped for the shell" \
		[ "$(bash -c '. completion/fourw.bash; _fourw_quote "District de Bamako (l'"'"'ancien)"')" = "District\ de\ Bamako\ \(l\'ancien\)" ]
	t "completion: gaps --type AU<Tab> is AUTRE" [ "$(complete_line -c config.ini gaps --type AU)" = AUTRE ]
	t "completion: a config that is not there offers no region" [ -z "$(complete_line -c /nonexistent.ini report --region "")" ]
	t "completion: check da<Tab> is the folder data" [ "$(complete_line check da)" = data ]
else
	ok "completion: skipped: no bash"
fi

# ---- make install / uninstall into a DESTDIR ---------------------------------
# With the build folder BIN came from, so nothing is rebuilt.
build=$(dirname "$BIN")
case $build in "$repo"/*) build=${build#"$repo"/} ;; *) build="" ;; esac
if [ -n "$build" ] && [ -f Makefile ] && command -v make >/dev/null; then
	root=$tmp/root
	make -s install O="$build" DESTDIR="$root" >"$tmp/install" 2>&1
	t "install: make install DESTDIR succeeds" [ $? -eq 0 ]
	sed 's/^/  | /' "$tmp/install" | head -5
	for f in bin/fourw share/fourw/config.ini share/man/man1/fourw.1 \
	         share/bash-completion/completions/fourw share/fourw/data/sheets/irc_fr.csv; do
		t "install: installs \$PREFIX/$f" [ -f "$root/usr/local/$f" ]
	done
	# The installed program, its installed config and sample sheets, from
	# another folder: data/README.md's 2,116 rows, 1 rejected.
	(cd "$tmp/elsewhere" && env -u FOURW_CONFIG "$root/usr/local/bin/fourw" \
		-c "$root/usr/local/share/fourw/config.ini" check) >"$tmp/out" 2>&1
	t "install: the installed fourw checks the installed sample (exit 1: one row rejected)" [ $? -eq 1 ]
	t "install: ... 2,116 rows = 2,115 + 1" grep -q '^total: 6 sheets, 2,116 rows read = 2,115 accepted + 1 rejected' "$tmp/out"
	make -s uninstall O="$build" DESTDIR="$root" >/dev/null 2>&1
	t "uninstall: removes every file installed" [ -z "$(find "$root" -type f)" ]
else
	ok "install: skipped: $BIN is not in a build folder of this tree"
fi

# ---- every command the README and the man page show, run -------------------
# In a scratch folder laid out like the examples assume: the source tree's
# config.ini and data, `build/fourw` and `fourw` on PATH being BIN, and the
# examples' sheet folders (path/to/sheets, sheets/2024-04) the sample sheets.
# A command passes when it exits 0 or 1 (check: rows rejected); the screen,
# having no terminal here, must stop with that reason and nothing else.
ex=$tmp/run
mkdir -p "$ex/build" "$ex/bin" "$ex/path/to" "$ex/sheets"
ln -s "$repo/config.ini" "$ex/config.ini"; ln -s "$repo/config.ini" "$ex/mali-cp.ini"
ln -s "$repo/data" "$ex/data"
ln -s "$repo/data/sheets" "$ex/path/to/sheets"; ln -s "$repo/data/sheets" "$ex/sheets/2024-04"
ln -s "$BIN" "$ex/build/fourw"; ln -s "$BIN" "$ex/bin/fourw"
run_example() {
	(cd "$ex" && env -u FOURW_CONFIG PATH="$ex/bin:$PATH" sh -c "$1" </dev/null >"$tmp/ex.out" 2>"$tmp/ex.err")
	rc=$?
	[ $rc -le 1 ] && return 0
	[ $rc -eq 2 ] && [ "$(cat "$tmp/ex.err")" = "fourw: the screen needs a terminal, and the input is not one; fourw report or fourw check write the same figures without one" ] && return 0
	sed 's/^/  | /' "$tmp/ex.err" | head -5
	return 1
}
awk '/^```sh$/ { on = 1; next } /^```/ { on = 0 } on' README.md |
	sed 's/ *#.*//' | grep -v '^make \|^$' >"$tmp/readme-cmds"
t "README: its sh blocks show fourw commands" [ "$(wc -l <"$tmp/readme-cmds")" -ge 7 ]
while IFS= read -r c; do
	t "README runs: $c" run_example "$c"
done <"$tmp/readme-cmds"
sed -n '/^\.EX$/,/^\.EE$/p' "$MAN" | sed 's/\\-/-/g' | grep '^fourw ' | grep -v /usr/local >"$tmp/man-cmds"
t "man: EXAMPLES show fourw commands" [ "$(wc -l <"$tmp/man-cmds")" -ge 10 ]
while IFS= read -r c; do
	t "man runs: $c" run_example "$c"
done <"$tmp/man-cmds"
