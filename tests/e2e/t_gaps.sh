# Screen tests of the gaps view, a region key in the regions view, and the
# small things of issue 16 (LANG=C, quitting on every terminal type, an
# empty result).  Sourced by tests/e2e/run.sh: start, keys, wait_for,
# check, screen, $T, $S, $TMP, $BIN, $CONFIG come from there.

# How many flags of a severity `fourw gaps` raises on the sample: the tab
# title and the s filter are checked against the command line's list.
gaps_csv() { "$BIN" gaps -c $CONFIG --format csv ${1:-} 2>/dev/null; }
sev_count() { gaps_csv | awk -F, -v s="$1" 'NR > 1 && $1 == s { n++ } END { print n + 0 }'; }
# Lines of the gaps view listing a flag of each severity.
flag_lines() { screen | grep -cE "^ (✖|▲|●|·) +$1 " ; }

crit=$(sev_count critical); high=$(sev_count high); med=$(sev_count medium)
start 100x30
wait_for 'Reached [0-9]' >/dev/null
check "gaps tab: flags by severity as fourw gaps counts them (${crit} ${high} ${med})" \
	wait_for "Gaps ${crit}✖ ${high}▲ ${med}● \(G\)"
keys G s
check "s: the gaps view lists critical and high only" wait_for 'critical and high only \(s: all\)'
only_urgent() {
	[ "$(flag_lines critical)" -eq "$crit" ] && [ "$(flag_lines high)" -eq "$high" ] &&
	[ "$(flag_lines medium)" -eq 0 ] && [ "$(flag_lines info)" -eq 0 ] && return 0
	echo "  want $crit critical, $high high, nothing else:"; screen | sed 's/^/  | /'; return 1
}
check "s: $crit critical and $high high flags, no medium or info" only_urgent
keys s
check "s again: every flag" wait_for '^ ● +medium +concentration'
keys q; wait_for '^rc=0' >/dev/null

# Enter on a flag opens a pane with its reason whole, however narrow the
# screen: at 80 columns the concentration flag's reason is cut in the list
# and read to its last words in the pane.
start 80x24
wait_for 'Reached [0-9]' >/dev/null
keys G Down Down Down Down Down Down Down Down Down
wait_for '^ ● +medium +concentration' >/dev/null
keys Enter
check "pane: the reason's last words" wait_for '^  same children are not counted twice *$|counted twice *$'
check "pane: how many rows are behind it" wait_for '^  22 rows behind it: Enter lists them'
pane_whole() {
	screen | sed -n '/^─────/,$p' | grep -q '…' || return 0
	echo "  the pane cuts a line:"; screen | sed 's/^/  | /'; return 1
}
check "pane: no line cut with …" pane_whole
keys Escape
check "pane: Esc closes it" sh -c "sleep 0.3; ! $T capture-pane -p -t $S | grep -q 'rows behind it'"
keys q; wait_for '^rc=0' >/dev/null

# Flags about months before the report month (April) fold into one line:
# three partners in Bandiagara for PSS in January to April and in Ansongo
# for GC in February and March make six concentration flags, five of
# them about earlier months (fourw gaps lists all six).
{ echo "Organization,Region,Cercle,Intervention type,Activity,Reporting month,Girls,Boys"
  for m in 01 02 03 04; do for p in IRC COOPI Plan; do echo "$p,Mopti,Bandiagara,PSS,a$m,2024-$m,10,5"; done; done
  for m in 02 03; do for p in IRC COOPI Plan; do echo "$p,Gao,Ansongo,GC,b$m,2024-$m,1,1"; done; done
} >"$TMP/earlier.csv"
earlier=$(gaps_csv "$TMP/earlier.csv" | grep -o 'active in 2024-0[1-3]' | wc -l)
SHEETS=$TMP/earlier.csv start 100x40
wait_for 'Reached [0-9]' >/dev/null
keys G
check "earlier months: $earlier flags folded into one line" \
	wait_for "^ +$earlier earlier flags \(months 2024-01 to 2024-03\): Enter shows them"
check "earlier months: April's flag stays in the list" wait_for 'PSS: 3 partners active in 2024-04'
check "earlier months: none of theirs shown folded" sh -c "! $T capture-pane -p -t $S | grep -q 'active in 2024-0[1-3]'"
keys End Enter
check "earlier months: Enter unfolds them" wait_for 'Enter folds them'
unfolded() { [ "$(screen | grep -c 'active in 2024-0[1-3]')" -eq "$earlier" ]; }
check "earlier months: all $earlier listed once unfolded" unfolded
keys q; wait_for '^rc=0' >/dev/null

# A region key keeps the regions table whole: every region's line stays
# (the others as they were), the picked region's types are listed under the
# table, and the header's funding is gone (config gives none by region).
start 100x30
wait_for 'Reached [0-9]' >/dev/null
nlines=$(screen | grep -cE '^ [0-9] +[A-Z]')
keys 4
wait_for '^ *Ségou: +In need' >/dev/null
check "region key: all $nlines region lines kept" sh -c "[ \$($T capture-pane -p -t $S | grep -cE '^ [0-9] +[A-Z]') -eq $nlines ]"
check "region key: Kayes keeps its own figures" wait_for '^ 1 +Kayes +60k +30k +1\.9k'
check "region key: Ségou's types under the table" wait_for '^ Ségou by type \(M: the full list\): GC '
check "region key: no funding beside Ségou's coverage" sh -c "! $T capture-pane -p -t $S | sed -n 4p | grep -q Funding"
keys 4
check "same key again: the plan, no types listed" sh -c "sleep 0.3; ! $T capture-pane -p -t $S | grep -q 'by type'"
check "same key again: the plan's funding back" wait_for 'Funding 600k of 29\.2M'
# A partner's part of the plan has no funding of its own in config either.
keys p Down Enter
wait_for 'Filter: partner' >/dev/null
check "partner filter: no funding beside the partner's coverage" sh -c "! $T capture-pane -p -t $S | sed -n 4p | grep -q Funding"
keys q; wait_for '^rc=0' >/dev/null

# LANG=C: every symbol has its ASCII twin — no "?" on the screen but the
# help key's, even in the status line's dash and the accented names.
start 100x30 LANG=C
wait_for 'Reached [0-9]' >/dev/null
keys 4
wait_for 'Segou selected - same key again' >/dev/null
ascii_only() {
	screen >"$TMP/c.txt"
	if LC_ALL=C grep -q '[^ -~]' "$TMP/c.txt" || grep -v '? help' "$TMP/c.txt" | grep -q '?'; then
		echo "  a symbol without its ASCII twin:"; sed 's/^/  | /' "$TMP/c.txt"; return 1
	fi
}
check "LANG=C: ASCII only, no ? for a symbol (regions, status line)" ascii_only
keys G
wait_for 'Severity +Kind' >/dev/null
check "LANG=C: ASCII only in the gaps view" ascii_only
keys q; wait_for '^rc=0' >/dev/null

# Quitting leaves no figure behind, whatever the terminal: the screen is
# wiped before it is given back (vt100 has no alternate screen to restore).
gone() {
	screen | grep -qE 'Reached|Key +Region|fourw' || return 0
	echo "  left on the terminal:"; screen | sed 's/^/  | /'; return 1
}
for term in vt100 xterm screen-256color; do
	start 100x30 TERM=$term
	wait_for 'Reached [0-9]' >/dev/null
	keys q
	wait_for '^rc=0' >/dev/null
	check "TERM=$term: nothing of fourw left after q" gone
done
# A terminal that cannot place the cursor is refused, with a way out.
start 100x30 TERM=dumb
check "TERM=dumb: refused with status 2" wait_for '^rc=2'
check "TERM=dumb: says why" grep -q 'cannot place the cursor' "$TMP/err.$n"

# An empty result: the message alone, no total under it, and the gaps
# view says what it lists.
start 100x30
wait_for 'Reached [0-9]' >/dev/null
keys / zzqq Enter
wait_for 'No region has rows under this filter' >/dev/null
check "empty result: no total row drawn" sh -c "! $T capture-pane -p -t $S | grep -q Total"
keys q; wait_for '^rc=0' >/dev/null
