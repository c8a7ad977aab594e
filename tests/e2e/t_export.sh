# Exports from the screen (sourced by tests/e2e/run.sh): `e` then i or s
# writes the view under the filter into [share] folder; the files are read
# back.  A copy of config.ini points its folder into the test's own.

SHARE_INI=$TMP/share.ini
sed -e "s|^regional_figures = data/|regional_figures = $PWD/data/|" \
    -e "s|^sheets = data/|sheets = $PWD/data/|" \
    -e "/^\[share\]/,/^\[/s|^folder = .*|folder = $TMP/exports|" \
    -e "/^\[share\]/,/^\[/s|^excel_fr = .*|excel_fr = true|" config.ini >"$SHARE_INI"
saved_config=$CONFIG
CONFIG=$SHARE_INI

start 100x30
wait_for 'Funding' >/dev/null
keys 4 e
check "export: e asks for whom" wait_for 'Export this view: i for the IMO'
keys i
check "export: the file is named" wait_for 'Written: regions-region-segou-2024-04\.csv'
f=$TMP/exports/regions-region-segou-2024-04.csv
# Ségou's line as `fourw report` gives it (its own reading), in French-Excel
# form: the CSV report's reached_dedup ($12) and coverage ($15, '.' → ',').
want=$("$BIN" report -c "$saved_config" --region ML04 --format csv 2>/dev/null |
	awk -F, '$1 == "ML04" && $3 == "*" { sub(/\./, ",", $15); print "ML04;Ségou;" $13 ";" $14 ";" $12 ";" $15 }')
check "export: Ségou's figures are the report's, with ';' and a decimal comma" \
	grep -q "^$want;" "$f"
check "export: a UTF-8 BOM for Excel" sh -c "head -c 3 '$f' | od -An -tx1 | grep -q 'ef bb bf'"
check "export: an HXL row under the header" sh -c "sed -n 2p '$f' | grep -q '^#adm1+code;#adm1+name;'"
check "export: the Markdown beside it" test -s "$TMP/exports/regions-region-segou-2024-04.md"
keys A e s
check "export: rows to share" wait_for 'Written: rows-region-segou-2024-04-share\.csv'
check "export: small counts masked in the shared rows" \
	grep -q ';<5;' "$TMP/exports/rows-region-segou-2024-04-share.csv"
keys e Escape
check "export: Esc cancels" wait_for 'Export cancelled'
keys q; wait_for '^rc=0' >/dev/null
CONFIG=$saved_config
