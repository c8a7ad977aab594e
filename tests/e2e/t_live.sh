# Live reload (sourced by tests/e2e/run.sh): sheets that arrive or change
# while the screen is up.  The sample sheets are copied to a folder of the
# test's own.  The figures expected are `fourw report`'s on that folder
# before the change (a reading of its own, not the screen's) plus what the
# change adds, worked out by hand.

LIVE=$TMP/live
mkdir -p "$LIVE"
cp data/sheets/* "$LIVE/"
simple_sum() { "$BIN" report -c "$CONFIG" --format csv "$LIVE" 2>/dev/null |
	awk -F, '$1 == "*" && $3 == "*" { print $11 }'; }
with_commas() { printf '%s' "$1" | sed -e :a -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/;ta'; }

for mode in inotify polling; do
	case $mode in polling) env=FOURW_POLL=1 ;; *) env= ;; esac
	cp data/sheets/unicef_en.csv "$LIVE/unicef_en.csv"
	rm -f "$LIVE/new_sheet.csv"
	SHEETS=$LIVE start 100x30 $env
	wait_for '6 sheets' >/dev/null
	before=$(simple_sum)
	# A partner's sheet arrives: one Kayes row of 500 girls and 500 boys.
	{ head -1 data/sheets/unicef_en.csv
	  echo 'UNICEF,World Vision,Kayes,ML01,Kayes,ML0103,Kayes,Case management,Late arrivals,Ongoing,2024-04-01,2024-12-31,2024-04,500,500,0,0,1000'
	} >"$TMP/new_sheet.csv"
	mv "$TMP/new_sheet.csv" "$LIVE/new_sheet.csv"
	check "live ($mode): a sheet copied in is read, and the change said" \
		wait_for '\+1 row from new_sheet\.csv'
	check "live ($mode): its rows count" wait_for "7 sheets .* 2,116 rows"
	check "live ($mode): the simple sum grows by the row's 1,000" \
		wait_for "Simple sum $(with_commas $((before + 1000)))"
	keys q; wait_for '^rc=0' >/dev/null
done

# A sheet cut half-way is held back, its name on screen, the figures kept;
# Ctrl-R takes it anyway.
cp data/sheets/unicef_en.csv "$LIVE/unicef_en.csv"
SHEETS=$LIVE start 100x30
wait_for '7 sheets' >/dev/null
kept=$(with_commas "$(simple_sum)")
head -c 20000 data/sheets/unicef_en.csv >"$LIVE/unicef_en.csv"
check "live: a cut sheet is named and not taken" \
	wait_for 'unicef_en\.csv held back: [0-9,]+ rows, had 6[0-9][0-9]'
check "live: the figures read before stay" wait_for "Simple sum ${kept}( |$)"
keys k
check "live: the warning stays after a key" wait_for 'unicef_en\.csv held back'
keys C-r
check "live: Ctrl-R takes the cut sheet" \
	wait_for "Simple sum $(with_commas "$(simple_sum)")( |$)"
keys q; wait_for '^rc=0' >/dev/null
