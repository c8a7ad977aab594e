#!/bin/sh
# Terminal safety end to end: a sheet whose cells, and whose file
# name, carry ESC [ 2J, an OSC 0 title change, an OSC 52 clipboard write,
# C1 controls (U+009B CSI as C2 9B) and bidi overrides (U+202E).  Every
# command's stdout and stderr is checked byte by byte: none of those bytes
# may come out raw, and the escaped forms must (so the text did pass).  Then
# the screen, in a private tmux with set-clipboard on: the title must not
# change and no clipboard buffer appear.  And `report | head -1` ends
# quietly.  (SIGTERM/SIGHUP restoring the screen: tests/e2e/run.sh.)
BIN=$1
. "$(dirname "$0")/lib.sh"
T="tmux -L fourw-hostile-$$" S=h
trap '$T kill-server 2>/dev/null; rm -rf "$tmp"' EXIT

ESC=$(printf '\033')
BEL=$(printf '\007')
# the file name itself is hostile too
dir="$tmp/sheets"
mkdir "$dir"
sheet="$dir/evil${ESC}[2Jname.csv"
{
	printf 'Organisation,Partenaire,Région,Cercle,Type,Activité,Filles,Garçons,Statut\n'
	printf 'Org\033[2J,P\033]0;pwned\007,Mopti,Mopti,GC,a,1,2,en cours\n'
	printf 'Org2,P2,Mopti,clip\033]52;c;cHduZWQ=\007,GC,a,1,2,en cours\n'
	printf 'Org3,P3,Mo\302\233pti,Mopti,GC,a,1,2,en cours\n'
	printf 'Org4,P4,Mopti,Mopti,GC,a,\342\200\2563,2,en cours\n'
	printf 'Org5,P\342\200\256gpj.exe,Mopti,Mopti,GC,a,1,2,done\033[5m\n'
	printf 'Org6,P6,Mopti,Mopti,ZZ\033]0;pwned\007,a,1,2,en cours\n'
	printf 'Org7\033\\,P7,Mopti,Mopti,GC,a,5,5,en cours\n'
} >"$sheet"

# raw FILE: true if FILE holds a raw control byte: C0 other than TAB and LF
# (ESC, BEL, CR...), DEL, a C1 control as UTF-8 (C2 80..C2 9F) or a bidi
# control (U+200E/F, U+202A..E, U+2066..9, U+061C).
raw() {
	LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$1" && return 0
	LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1" && return 0
	LC_ALL=C grep -q "$(printf '\342\200[\216\217\252-\256]')" "$1" && return 0
	LC_ALL=C grep -q "$(printf '\342\201[\246-\251]')" "$1" && return 0
	LC_ALL=C grep -q "$(printf '\330\234')" "$1"
}

# clean NAME: stdout and stderr of the last run hold no raw control; shows
# the offending bytes otherwise.
clean() {
	for f in "$tmp/out" "$tmp/err"; do
		if raw "$f"; then
			echo "  raw control bytes in $(basename "$f") of $1:"
			od -c "$f" | grep -E '033|007|302 233|342 200 256' | head -5 | sed 's/^/  | /'
			return 1
		fi
	done
}

# escaped: the escaped forms reached stdout (the cells were printed, safely)
escaped() { grep -qi '\\x1b' "$tmp/out"; }

for cmd in "check" "report" "report --format md" "report --format csv" \
           "gaps" "gaps --format md" "gaps --format csv"; do
	# shellcheck disable=SC2086 # cmd holds the subcommand and its options
	"$BIN" $cmd -c config.ini "$dir" >"$tmp/out" 2>"$tmp/err"
	status=$?
	t "hostile sheet: $cmd runs (status $status)" [ "$status" -le 1 ]
	t "hostile sheet: $cmd writes no raw control byte" clean "$cmd"
	# the CSV report holds figures only: no text from the sheet to show
	[ "$cmd" = "report --format csv" ] || t "hostile sheet: $cmd shows the escapes visibly" escaped
done
"$BIN" check -c config.ini "$dir" >"$tmp/out" 2>"$tmp/err"
t "check: OSC 52 shown as text" grep -q "unknown cercle 'clip\\\\x1b\\]52;c;cHduZWQ=\\\\x07'" "$tmp/out"
t "check: OSC 0 shown as text" grep -q "unknown intervention type 'ZZ\\\\x1b\\]0;pwned\\\\x07'" "$tmp/out"
t "check: C1 CSI shown as \\x9b" grep -q "unknown region 'Mo\\\\x9bpti'" "$tmp/out"
t "check: U+202E shown as \\u202e" grep -q "'\\\\u202e3' is not a number" "$tmp/out"

# messages: an unreadable path and a config value carrying escapes
"$BIN" check -c config.ini "$tmp/no${ESC}]0;pwned${BEL}such.csv" >"$tmp/out" 2>"$tmp/err"
t "missing sheet with escapes in its name: exit 2" [ $? -eq 2 ]
t "missing sheet: message has no raw control byte" clean "missing sheet"
t "missing sheet: the name is shown escaped" grep -q 'no\\x1b\]0' "$tmp/err"
printf '[plan]\nname = x\nin_need = 12\033[2J\302\233\342\200\256\n' >"$tmp/bad.ini"
"$BIN" check -c "$tmp/bad.ini" "$dir" >"$tmp/out" 2>"$tmp/err"
t "config value with escapes: exit 2" [ $? -eq 2 ]
t "config value with escapes: message has no raw control byte" clean "bad config"
t "config value with escapes: shown escaped" grep -q "got '12\\\\x1b\[2J" "$tmp/err"
"$BIN" report -c config.ini --region "x${ESC}[2J" "$dir" >"$tmp/out" 2>"$tmp/err"
t "--region with escapes: usage message has no raw control byte" clean "--region"

# A closed pipe: `fourw report | head -1` ends by SIGPIPE (141) or with its
# usual status (0; 1 for check on sheets with rejected rows), quietly.
quiet_status() { case $1 in 0|1|141) return 0 ;; esac; return 1; }
if env --default-signal=PIPE true 2>/dev/null; then dflt="env --default-signal=PIPE"; else dflt=; fi
for cmd in "report data/sheets" "report --format csv data/sheets" "check tests/fixtures/sheets"; do
	# shellcheck disable=SC2086
	{ $dflt "$BIN" $cmd -c config.ini 2>"$tmp/err"; echo $? >"$tmp/rc"; } | head -1 >/dev/null
	rc=$(cat "$tmp/rc")
	t "$cmd | head -1: exits by SIGPIPE or normally (got $rc)" quiet_status "$rc"
	# (data/sheets has one rejected row, which report names on stderr)
	t "$cmd | head -1: nothing on stderr but the rejected rows" \
		[ -z "$(grep -v '^fourw report: warning: 1 row rejected, not counted' "$tmp/err")" ]
done

# A full disk: a clear message and status 2, not a silent truncated report.
if [ -w /dev/full ]; then
	"$BIN" report -c config.ini data/sheets >/dev/full 2>"$tmp/err"
	t "report >/dev/full: exit 2" [ $? -eq 2 ]
	t "report >/dev/full: says why" grep -q 'No space left on device' "$tmp/err"
fi

# The screen: OSC 0 would retitle the pane, OSC 52 would fill a tmux paste
# buffer (set-clipboard on).  The rows view draws the hostile partners.
if command -v tmux >/dev/null 2>&1; then
	$T -f /dev/null new-session -d -s h -x 120 -y 30 \
		"env LANG=C.UTF-8 TERM=screen-256color $BIN -c config.ini '$dir' 2>$tmp/err.screen; echo rc=\$?; sleep 3600"
	$T set-option -g set-clipboard on >/dev/null 2>&1
	$T set-option -g allow-rename on >/dev/null 2>&1
	title0=$($T display -p -t h '#{pane_title}')
	t "screen: first frame" wait_for 'Reached'
	for k in Tab Tab Tab Tab; do $T send-keys -t h "$k"; sleep 0.1; done
	t "screen: rows view shows the partner escaped" wait_for 'P\\x1b\]0;pwned\\x07'
	$T send-keys -t h x
	t "screen: rejected rows shown" wait_for 'Rejected rows'
	$T send-keys -t h Escape q
	t "screen: q exits 0" wait_for '^rc=0'
	t "screen: the pane title did not change" [ "$($T display -p -t h '#{pane_title}')" = "$title0" ]
	t "screen: no OSC 52 clipboard buffer" [ -z "$($T list-buffers 2>/dev/null)" ]
	t "screen: stderr empty" [ ! -s "$tmp/err.screen" ]
	$T kill-server 2>/dev/null
else
	echo "ok - screen checks skipped: tmux is not installed"
fi
