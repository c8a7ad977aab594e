# Screens at the five sizes of issue 16 — 60x20 (a projector with a big
# font) up to 160x45 — sourced by tests/e2e/run.sh, whose helpers it uses.
# In every view: no figure cut ("…" never follows a digit), the footer's
# `? help` and `q quit` there; the regions, types and matrix figures equal
# `fourw report --format csv`'s (parsed here with awk, its own CSV split),
# whole or rounded to the shorter unit shown (1.9k is 1,850..1,950).

SZ_CSV=$TMP/sizes_report.csv
"$BIN" report -c $CONFIG --format csv 2>/dev/null >"$SZ_CSV"

# csvsplit: RFC 4180 fields (labels hold commas); near: a screen figure
# ("1.9k", "358,709", "1.3M") against the exact one, within half of its
# last digit's unit.
SZ_AWK='
function csvsplit(line, f,    n, i, c, q, cur) {
	n = 0; cur = ""; q = 0
	for (i = 1; i <= length(line); i++) {
		c = substr(line, i, 1)
		if (q) {
			if (c == "\"") { if (substr(line, i + 1, 1) == "\"") { cur = cur c; i++ } else q = 0 }
			else cur = cur c
		} else if (c == "\"") q = 1
		else if (c == ",") { f[++n] = cur; cur = "" }
		else cur = cur c
	}
	f[++n] = cur
	return n
}
function scale(s) { return s ~ /k$/ ? 1000 : s ~ /M$/ ? 1000000 : 1 }
function digits(s) { sub(/[kM]$/, "", s); gsub(/,/, "", s); return s }
function near(s, truth,    d, v, half) {
	d = digits(s); v = d * scale(s)
	half = scale(s) / 2
	if (index(d, ".")) half = half / (10 ^ (length(d) - index(d, ".")))
	return v - truth <= half && truth - v <= half
}
function isfig(s) { return s ~ /^[0-9][0-9.,]*[kM]?$/ }
'

sz_no_cut_figure() {
	screen | grep -n '[0-9]…' && { echo "  a figure is cut (above)"; return 1; }
	return 0
}

sz_help_key() {
	screen | tail -1 | grep -Eq '\? help +q quit *$' && return 0
	echo "  footer: $(screen | tail -1)"; return 1
}

# Every region line (and the total) against the report's lines for the
# regions: need, target, reached without double counting, %, partners —
# those the heading shows.
sz_regions_match() {
	screen >"$TMP/sz_screen"
	awk "$SZ_AWK"'
	FNR == NR {
		csvsplit($0, f)
		if (f[3] == "*") { k = f[1] == "*" ? "Total" : f[2]
			need[k] = f[13]; tgt[k] = f[14]; rd[k] = f[12]; pct[k] = f[15]; par[k] = f[5] }
		next
	}
	/Key +Region/ { hn = /In need/; ht = /Targeted/; hp = /Partners/; next }
	/^ +[0-9] +[^ ]/ || /^ +Total \(plan\)/ {
		name = $1 == "Total" ? "Total" : $2; k = 0; p = ""
		for (i = 3; i <= NF; i++)
			if (isfig($i)) fig[++k] = $i; else if ($i ~ /%$/) p = $i
		j = 0
		if (hn && !near(fig[++j], need[name])) bad = bad " " name ":need " fig[j] "/" need[name]
		if (ht && !near(fig[++j], tgt[name])) bad = bad " " name ":target " fig[j] "/" tgt[name]
		if (!near(fig[++j], rd[name])) bad = bad " " name ":reached " fig[j] "/" rd[name]
		if (hp && fig[++j] != par[name]) bad = bad " " name ":partners " fig[j] "/" par[name]
		if (p + 0 != pct[name] + 0) bad = bad " " name ":% " p "/" pct[name]
		seen++
	}
	END {
		if (bad != "" || seen < 11) { print "  " seen " lines checked;" bad; exit 1 }
	}' "$SZ_CSV" "$TMP/sz_screen"
}

# The header: reached whole, need and target (short), coverage of target.
sz_header_match() {
	screen >"$TMP/sz_screen"
	awk "$SZ_AWK"'
	FNR == NR { csvsplit($0, f); if (f[1] == "*" && f[3] == "*") { rd = f[12]; need = f[13]; tgt = f[14]; pct = f[15] } next }
	FNR == 2 {
		for (i = 1; i < NF; i++) {
			if ($i == "need") ok_need = near($(i + 1), need)
			if ($i == "Targeted") ok_tgt = near($(i + 1), tgt)
			if ($i == "Reached") { r = $(i + 1); gsub(/,/, "", r); ok_rd = r == rd }
		}
	}
	FNR == 4 { for (i = 1; i <= NF; i++) if ($i ~ /%$/) { ok_pct = $i + 0 == pct + 0; break } }
	END { if (!(ok_need && ok_tgt && ok_rd && ok_pct)) { print "  header:", ok_need, ok_tgt, ok_rd, ok_pct; exit 1 } }
	' "$SZ_CSV" "$TMP/sz_screen"
}

# Mopti's types: each reached (whole) as the report's line for the type.
sz_types_match() {
	screen >"$TMP/sz_screen"
	awk "$SZ_AWK"'
	FNR == NR { csvsplit($0, f); if (f[1] == "ML05") rd[f[3]] = f[11]; next }
	/Type +Intervention/ { in_list = 1; next }
	/All types \(simple sum\)/ { in_list = 0 }
	in_list && /^ +[A-Z]+ / {
		code = $1; v = ""
		for (i = 2; i <= NF; i++) if ($i ~ /^[0-9][0-9,]*$/) { v = $i; gsub(/,/, "", v); break }
		if (v + 0 != rd[code] + 0) bad = bad " " code ":" v "/" rd[code]
		seen++
	}
	/All types \(simple sum\)/ {
		for (i = 1; i <= NF; i++) if ($i ~ /^[0-9][0-9,]*$/) { v = $i; gsub(/,/, "", v); break }
		if (v != rd["*"]) bad = bad " all:" v "/" rd["*"]
	}
	END { if (bad != "" || seen < 5) { print "  " seen " types checked;" bad; exit 1 } }
	' "$SZ_CSV" "$TMP/sz_screen"
}

# The matrix: every cell shown (short figures) against the report's
# region-by-type reached; "—" where the report has no rows.
sz_matrix_match() {
	screen >"$TMP/sz_screen"
	awk "$SZ_AWK"'
	FNR == NR { csvsplit($0, f); if (f[1] != "*" && f[3] != "*") rd[f[2] SUBSEP f[3]] = f[11]; next }
	/^ +Region +[A-Z]/ { nc = 0; for (i = 2; i <= NF; i++) code[++nc] = $i; next }
	/^ +[0-9] +[^ ]/ && nc {
		name = $2; c = 0
		for (i = 3; i <= NF; i++) {
			if ($i == "—") { c++; if (rd[name SUBSEP code[c]] + 0 != 0) bad = bad " " name "/" code[c] ":—"; continue }
			if (!isfig($i)) continue
			c++
			if (!near($i, rd[name SUBSEP code[c]])) bad = bad " " name "/" code[c] ":" $i "/" rd[name SUBSEP code[c]]
			cells++
		}
	}
	END { if (bad != "" || cells < 10) { print "  " cells " cells checked;" bad; exit 1 } }
	' "$SZ_CSV" "$TMP/sz_screen"
}

# Scrolls the rows view right until the people columns show (at most 12
# steps); with Reached and all four in view, each row's breakdown adds up
# to its reached (the sample's rows have no separate total).
sz_people_reachable() {
	i=0
	while [ $i -lt 12 ] && ! screen | grep -Eq 'Women +Men'; do keys l; i=$((i + 1)); sleep 0.1; done
	wait_for 'Girls +Boys +Women +Men' 100 >/dev/null || { echo "  no people columns after $i steps"; return 1; }
	screen | grep -Eq '\.(csv|tsv):[0-9]+ ' || { echo "  file:line gone while scrolling"; return 1; }
	screen | awk '
		/Reached +Girls +Boys +Women +Men/ { all = 1; next }
		all && /\.(csv|tsv):[0-9]+ / {
			n = 0; for (i = 2; i <= NF; i++) if ($i ~ /^[0-9][0-9,]*$/) { v = $i; gsub(/,/, "", v); f[++n] = v }
			if ($0 ~ / - /) next          # a figure missing: nothing to add up
			if (n >= 5 && f[1] != f[2] + f[3] + f[4] + f[5]) { print "  " $1 ": " f[1] " != " f[2] "+" f[3] "+" f[4] "+" f[5]; bad = 1 }
		}
		END { exit bad }'
}

for size in 60x20 70x22 80x24 100x30 160x45; do
	start $size
	wait_for 'Reached [0-9]' >/dev/null
	check "$size: header figures as fourw report's" sz_header_match
	check "$size: header keeps the plan year" wait_for '^ fourw .* 2024 '
	keys R
	wait_for 'Key +Region' >/dev/null
	check "$size regions: Flag column shown" wait_for 'Key +Region .* Flag *$'
	check "$size regions: every figure as fourw report's" sz_regions_match
	check "$size regions: no figure cut" sz_no_cut_figure
	check "$size regions: ? help and q quit shown" sz_help_key
	keys l l l        # scrolled: what a narrow screen dropped comes back
	check "$size regions scrolled: the partners shown" wait_for 'Reached .*Partners +Flag'
	check "$size regions scrolled: every figure as fourw report's" sz_regions_match
	keys h h h 5 M
	wait_for 'Type +Intervention +Reached' >/dev/null
	check "$size types: Flag column shown" wait_for 'Type +Intervention +Reached .* Flag'
	check "$size types: Mopti's types as fourw report's" sz_types_match
	check "$size types: no figure cut" sz_no_cut_figure
	check "$size types: ? help and q quit shown" sz_help_key
	keys l l
	check "$size types scrolled: the cercles shown" wait_for 'Activities +Cercles'
	keys h h 5
	wait_for '^ +Region +GC ' >/dev/null
	check "$size matrix: cells as fourw report's" sz_matrix_match
	check "$size matrix: no figure cut" sz_no_cut_figure
	check "$size matrix: ? help and q quit shown" sz_help_key
	for view in P:'Partner +Latest|Partner +Stale' G:'Severity +Kind' A:'File:line'; do
		keys "${view%%:*}"
		wait_for "${view#*:}" >/dev/null
		check "$size view ${view%%:*}: no figure cut" sz_no_cut_figure
		check "$size view ${view%%:*}: ? help and q quit shown" sz_help_key
	done
	check "$size rows: the people columns are reachable" sz_people_reachable
	keys q
	wait_for '^rc=0' >/dev/null
done

# Below 60x20 one line names the size needed; enlarged, the screen is back.
start 60x20
wait_for 'Reached [0-9]' >/dev/null
$T resize-window -t $S -x 59 -y 20
check "59x20: names the size needed" wait_for 'Enlarge the terminal to at least 60x20'
$T resize-window -t $S -x 60 -y 19
check "60x19: names the size needed" wait_for 'Enlarge the terminal to at least 60x20'
$T resize-window -t $S -x 60 -y 20
check "60x20 again: the screen is back" wait_for '\? help +q quit *$'
keys q; wait_for '^rc=0' >/dev/null

# Sheets given by a long absolute path: file:line relative to that folder,
# whole, and pointing at a real line of the sheet.
SZ_LONG=$TMP/a/rather/long/absolute/folder/of/the/meeting/sheets/for/2024
mkdir -p "$SZ_LONG" && cp data/sheets/* "$SZ_LONG"/
sz_paths_relative() {
	screen | grep -Eq "^ +[A-Za-z0-9_]+\.(csv|tsv):[0-9]+ " || { echo "  no relative file:line"; return 1; }
	! screen | grep -q "$TMP" || { echo "  the folder is repeated"; return 1; }
	loc=$(screen | grep -Eo '^ +[A-Za-z0-9_]+\.(csv|tsv):[0-9]+ ' | head -1 | tr -d ' ')
	[ -n "$(sed -n "${loc#*:}p" "$SZ_LONG/${loc%%:*}")" ] || { echo "  $loc: no such line"; return 1; }
}
for size in 60x20 100x30; do
	SHEETS=$SZ_LONG start $size
	wait_for 'Reached [0-9]' >/dev/null
	keys A
	wait_for 'File:line' >/dev/null
	check "$size long path: file:line relative to the folder given" sz_paths_relative
	check "$size long path: no figure cut" sz_no_cut_figure
	keys q; wait_for '^rc=0' >/dev/null
done
