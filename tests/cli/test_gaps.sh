#!/bin/sh
# tests/cli/test_gaps.sh BIN: the plan's gap list and each region's
# (issue 16, "done when"): every flag `fourw gaps --region X` raises is in
# `fourw gaps`, word for word with its rows — staleness, concentration and
# data quality are judged per region in both — on the sample data and on
# a sheet with a partner silent in one region but active in another.
BIN=$1
. "$(dirname "$0")/lib.sh"

# The plan's regions, by the codes the report's CSV gives them.
"$BIN" report -c config.ini --format csv 2>/dev/null |
	awk -F, 'NR > 1 && $1 ~ /^ML[0-9]+$/ { print $1 }' | sort -u >"$tmp/regions"

# held_in_plan NAME [SHEET...]: each region's flags are lines of the plan's.
held_in_plan() {
	"$BIN" gaps -c config.ini --format csv "$@" 2>/dev/null | sed 1d | sort >"$tmp/plan"
	missing=0; seen=0
	while read -r code; do
		"$BIN" gaps -c config.ini --format csv --region "$code" "$@" 2>/dev/null | sed 1d | sort >"$tmp/mine"
		seen=$((seen + $(wc -l <"$tmp/mine")))
		comm -23 "$tmp/mine" "$tmp/plan" >"$tmp/lost"
		if [ -s "$tmp/lost" ]; then
			missing=1; echo "  $code's flags missing from the plan's list:"; sed 's/^/  | /' "$tmp/lost"
		fi
	done <"$tmp/regions"
	[ "$seen" -gt 0 ] || { echo "  no region raised a flag: nothing was compared"; return 1; }
	return $missing
}

t "regions listed from the report (10 or more)" test "$(wc -l <"$tmp/regions")" -ge 10
t "sample: the plan's list holds every region's flags" held_in_plan
# IRC last reported in Mopti in January, in Gao in April: stale in Mopti
# in both lists; three partners in Bandiagara in March: a crowd in both.
{ echo "Organization,Region,Cercle,Intervention type,Activity,Reporting month,Girls,Boys"
  echo "IRC,Mopti,Mopti,GC,a,2024-01,5,5"; echo "IRC,Gao,Gao,GC,a,2024-04,5,5"
  for p in COOPI Plan TdH; do echo "$p,Mopti,Bandiagara,PSS,b,2024-03,1,1"; done
} >"$tmp/stale.csv"
t "stale in one region: the plan's list holds every region's flags" held_in_plan "$tmp/stale.csv"
t "stale in one region: IRC in Mopti is in the plan's list" sh -c \
	"'$BIN' gaps -c config.ini --format csv '$tmp/stale.csv' 2>/dev/null | grep -q '^medium,stale,ML05,Mopti,.*IRC: last report 2024-01'"
