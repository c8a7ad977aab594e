# Presentation mode (sourced by tests/e2e/run.sh): `--present N` and the S
# key.  Pages are waited for with the usual hang guard, never timed.  The
# masking checks read tests/fixtures/sheets/masked_small.csv, whose figures
# are worked out below with awk (and in tests/fixtures/sheets/README.md).

# The title line's page number ("6/11" -> 6).
present_page() { screen | sed -n '1s/.* \([0-9][0-9]*\)\/[0-9][0-9]* *$/\1/p'; }
# The k-th region with need (page k+1), in config order: `fourw report`'s
# region lines (in config order) whose in_need ($13) is above zero.
present_region() {
	"$BIN" report -c "$CONFIG" --format csv 2>/dev/null |
		awk -F, -v k="$1" '$1 != "*" && $1 != "region_code" && $3 == "*" && $13 > 0 { if (++i == k) print $2 }'
}
with_commas_p() { printf '%s' "$1" | sed -e :a -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/;ta'; }

plan_reached=$(with_commas_p "$("$BIN" report -c "$CONFIG" --format csv 2>/dev/null |
	awk -F, '$1 == "*" && $3 == "*" { print $12 }')")

SHEETS="--present 1" start 100x30
check "present: opens on the plan's page" wait_for '^ Presentation .* 1/11 *$'
check "present: the plan's reached under its large digits" wait_for "People reached: $plan_reached"
# 358,709 in large digits: the third dot row of 3 5 8 , 7 0 9 (###, ###,
# ###, ., ..#, #.#, ###), each dot two columns wide
check "present: large block digits at 100x30" \
	wait_for '██████  ██████  ██████          ██  ██  ██  ██████'
check "present: the first region with need follows ($(present_region 1))" \
	wait_for "^ Presentation +$(present_region 1) +2/11"
check "present: and the next ($(present_region 2))" wait_for "^ Presentation +$(present_region 2) +3/11"
keys x
check "present: a key pauses, and says so" wait_for ' paused +[0-9]+/11 *$'
paused_at=$(present_page)
sleep 3                                   # three pages' time: none must turn
check "present: paused, the page stays" test "$(present_page)" = "$paused_at"
next=$((paused_at % 11 + 1))
keys ']'
check "present: ] steps to the next page while paused ($(present_region $((next - 1))))" \
	wait_for "$(present_region $((next - 1))) +paused +$next/11 *$"
keys '['
check "present: [ steps back" wait_for " paused +$paused_at/11 *\$"
keys x
check "present: a key again resumes" wait_for "^ Presentation .* [0-9]+/11 *\$"
keys Escape
check "present: Esc goes back to the tables" wait_for 'Regions \(R\)'
keys S
check "present: S opens it from the tables" wait_for '^ Presentation .*/11 *$'
keys q
check "present: q quits" wait_for '^rc=0'

# 60x20: the figure whole (a smaller font), in ASCII under LANG=C too.
for env in LANG=C.UTF-8 LANG=C; do
	SHEETS="--present 60" start 60x20 $env
	check "present 60x20 ($env): the plan's reached whole" wait_for "People reached: $plan_reached"
	keys ']'
	check "present 60x20 ($env): a region's page" wait_for "^ Presentation +$(present_region 1) +2/11"
	keys q; wait_for '^rc=0' >/dev/null
done
SHEETS="--present 60" start 60x20 LANG=C
check "present 60x20 ASCII: '#' digits" wait_for '^ +### ### ###   ### ### ###'
keys q; wait_for '^rc=0' >/dev/null

# Masking.  Mopti in masked_small.csv: case management 2+1 = 3 children
# (below 5: "<5" in the presentation); reached without double counting =
# Bandiagara max(3, 104) + Bankass 150 = 254, over the masked 3, so shown
# rounded to ten: 250.  The normal view keeps 3 and 254.
MASKED=tests/fixtures/sheets/masked_small.csv
mopti_gc=$(awk -F, '$3 == "Mopti" && $5 == "Case management" { s += $13 } END { print s }' "$MASKED")
mopti_dedup=$(awk -F, 'NR > 1 && $3 == "Mopti" { s[$4 FS $5] += $13 }
	END { for (k in s) { split(k, p, FS); if (s[k] > m[p[1]]) m[p[1]] = s[k] } for (c in m) t += m[c]; print t }' "$MASKED")
mopti_shown=$(( (mopti_dedup + 5) / 10 * 10 ))
SHEETS="--present 60 $MASKED" start 100x30
wait_for '1/11' >/dev/null
keys ']' ']' ']' ']' ']'
check "present: Mopti's page" wait_for '^ Presentation +Mopti +6/11'
check "present: Mopti's $mopti_gc children in case management shown <5" wait_for '^ GC +Case management +<5 '
check "present: Mopti's $mopti_dedup reached, over them, shown $mopti_shown" \
	wait_for "People reached: $mopti_shown "
keys Escape
check "present: the normal view keeps Mopti's $mopti_dedup" wait_for "^ 5 +Mopti .* $mopti_dedup +[^ ]+ +[0-9.]+%"
keys M
check "present: the normal matrix keeps Mopti's $mopti_gc" wait_for "^ 5 Mopti +$mopti_gc +104 "
keys q; wait_for '^rc=0' >/dev/null

MASK_INI=$TMP/mask.ini
sed -e "s|^regional_figures = data/|regional_figures = $PWD/data/|" \
    -e "s|^sheets = data/|sheets = $PWD/data/|" \
    -e "/^\[share\]/,/^\[/s|^mask_on_screen = .*|mask_on_screen = yes|" config.ini >"$MASK_INI"
saved_config=$CONFIG
CONFIG=$MASK_INI
SHEETS=$MASKED start 100x30
check "mask_on_screen: the regions view rounds Mopti to $mopti_shown" \
	wait_for "^ 5 +Mopti .* $mopti_shown +[^ ]+ +[0-9.]+%"
keys M
check "mask_on_screen: the matrix masks Mopti's case management" wait_for '^ 5 Mopti +<5 +104 '
# What changed since January (the sheet is all February): a change gives
# back no masked count — case management's 3 is "<5" again, the other
# changes are of figures rounded to ten (PSS 104 - 0: 100; Mopti 254: 250).
keys d
check "mask_on_screen: a change of a masked count is <5, the others rounded" \
	wait_for '^ 5 Mopti +<5 +▲ 100 '
keys R
check "mask_on_screen: Mopti's change rounded to $mopti_shown" wait_for "^ 5 +Mopti .* ▲ $mopti_shown "
keys q; wait_for '^rc=0' >/dev/null
CONFIG=$saved_config

# French: the presentation's words translated (po/fr.po).
SHEETS="--lang fr --present 60" start 100x30
check "present (fr): the French title" wait_for '^ Présentation '
check "present (fr): the French caption" wait_for 'Personnes atteintes : '
keys ']' x
check "present (fr): paused in French" wait_for ' en pause +2/11'
screen >"$TMP/present-fr.txt"
check "present (fr): no English word on the page" fr_no_english "$TMP/present-fr.txt"
keys q; wait_for '^rc=0' >/dev/null
