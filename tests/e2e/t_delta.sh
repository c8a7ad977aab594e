# What changed (sourced by tests/e2e/run.sh): key d and --compare on
# tests/fixtures/sheets/delta_months.csv under the frozen plan.  Every
# figure expected is worked out by hand in tests/fixtures/sheets/README.md
# (delta_months.csv) and tests/fixtures/compare/README.md.

delta_config=$CONFIG
CONFIG=tests/fixtures/plan/config.ini
DELTA_SHEET=tests/fixtures/sheets/delta_months.csv
SAVED=tests/fixtures/compare/last_meeting.csv

SHEETS=$DELTA_SHEET start 100x30
wait_for 'Reached 4,390' >/dev/null
keys d
check "delta: d says against which month" wait_for 'Δ since 2024-02 *$'
check "delta: the header's reached moves by 4,390 - 830" wait_for 'Reached 4,390 +Δ ▲ 3,560'
check "delta: Mopti +60 (March's restatement 160 for February's 100)" \
	wait_for '^ +5 +Mopti .* ▲ 60 +▂▆█ '
check "delta: Gao's dedup does not move (GC 20 under SENS 280)" wait_for '^ +7 +Gao .* = 0 +▄██ '
check "delta: Kidal +3,500, +10.0 points, +1 partner" \
	wait_for '^ +8 +Kidal .* ▲ 3,500 +█ .* ▲ 10\.0 +▲ 1 '
check "delta: the changes in words" \
	wait_for 'Kidal ▲ 3,500 · partners 0 → 1 · new GC · gap closed'
keys M
check "delta: the matrix's cells change too" wait_for '^ 8 Kidal +▲ 3\.5k'
keys R d
check "delta: d again gives the figures back" wait_for 'report month 2024-03 *$'
check "delta: the figures themselves" wait_for '^ +8 +Kidal .* 3\.5k '
keys q; wait_for '^rc=0' >/dev/null

SHEETS="--ascii $DELTA_SHEET" start 100x30
wait_for 'Reached 4,390' >/dev/null
keys d
check "delta --ascii: ^ for a rise, bars in ASCII" wait_for '^ +5 +Mopti .* \^ 60 +\.\+# '
keys q; wait_for '^rc=0' >/dev/null

SHEETS=$DELTA_SHEET start 60x20
wait_for 'Reached' >/dev/null
keys d
check "delta 60x20: the changes stay" wait_for '^ +8 +Kidal .* ▲ 3,500 +▲ 10\.0 +✖'
delta_no_trend() { ! screen | grep -E '^ +5 +Mopti ' | grep -q '█'; }
check "delta 60x20: the trend gives way (drop order)" delta_no_trend
keys q; wait_for '^rc=0' >/dev/null

SHEETS="--compare $SAVED $DELTA_SHEET" start 100x30
wait_for 'Reached 4,390' >/dev/null
keys d
check "compare: against the saved report" wait_for 'Δ since last_meeting\.csv *$'
check "compare: the whole moves by 4,390 - 50,830" wait_for 'Δ ▼ 46,440'
check "compare: Ménaka -50,000, -83.3 points, -1 partner" \
	wait_for '^ +0 +Ménaka .* ▼ 50,000 .* ▼ 83\.3 +▼ 1 '
check "compare: Gao's partners 3 -> 2, its vanished and new cells" \
	wait_for 'Gao partners 3 → 2 · new GC · no more EAE'
check "compare: Ménaka's new gaps" \
	wait_for 'Ménaka ▼ 50,000 · partners 1 → 0 · no more GC ·'
check "compare: Kidal's closed gap" wait_for 'new GC · gap closed: no-presence  Ménaka'
keys q; wait_for '^rc=0' >/dev/null

SHEETS="--compare tests/fixtures/compare/bad_number.csv $DELTA_SHEET" start 100x30
check "compare: a file that is not a report stops the screen (exit 2)" wait_for '^rc=2'
check "compare: its file, line and column named" \
	grep -q 'bad_number\.csv:3:11: .*douze' "$TMP/err.$n"

# French: the month in French and French grouping, which need nothing of the
# catalogue beyond what fmt.c writes itself.
SHEETS="--lang fr $DELTA_SHEET" start 100x30
wait_for '4.{1,3}390' >/dev/null
keys d
check "delta fr: the previous month in French" wait_for 'Δ [^ ]+ février 2024 *$'
check "delta fr: French figures" wait_for '^ +8 +Kidal .* ▲ 3.{1,3}500 '
keys q; wait_for '^rc=0' >/dev/null

CONFIG=$delta_config
