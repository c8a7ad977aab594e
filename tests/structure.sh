#!/bin/sh
# tests/structure.sh [BUILD_DIR] — the code's shape rules, checked on every `make check`
# so they cannot drift back:
#   - no file in src/ or tui/ over 700 lines, no function over 60 lines;
#   - no dependency cycle between modules (a module is a .c/.h pair; the
#     graph comes from the objects' symbols, so it needs a build: BUILD_DIR
#     is the first argument, default build);
#   - the filter's bitmasks are read and set only in src/filter.c, and no
#     region or type index is shifted into a mask anywhere else (a bit of a
#     many-word bitset, `1 << (i % 64)`, is no such mask);
#   - no diagnostic is classified by its message text (src/diag.c, which
#     keeps each wording once, compares texts for that alone).
# Ends with "structure: N passed, N failed"; exits non-zero on a failure.
set -u
cd "$(dirname "$0")/.." || exit 2
pass=0
fail=0
report() {   # report NAME OFFENDERS
	if [ -z "$2" ]; then
		pass=$((pass + 1)); echo "ok   - $1"
	else
		fail=$((fail + 1)); echo "FAIL - $1"; printf '%s\n' "$2" | sed 's/^/  | /'
	fi
}

long_files=$(wc -l src/*.[ch] tui/*.[ch] | awk '$2 != "total" && $1 > 700 { print $2 ": " $1 " lines" }')
report "no file in src/ or tui/ over 700 lines" "$long_files"

# A function body opens with "{" at column 0 right after a line ending in
# ")" (its parameter list; tables and structs end otherwise), and closes at
# the next "}" at column 0.
long_functions=$(awk '
	FNR == 1 { inside = 0 }
	/^\{/ && prev ~ /\)[ \t]*$/ { inside = 1; start = FNR; name = prev; next }
	inside && /^\}/ { if (FNR - start - 1 > 60) printf "%s:%d: %s (%d lines)\n", FILENAME, start, name, FNR - start - 1; inside = 0 }
	{ prev = $0 }' src/*.c tui/*.c)
report "no function over 60 lines" "$long_functions"

# Module graph from the objects' symbols: a calling (or reading) what b
# defines makes a depend on b, whichever header declares it.
OBJ=${1:-build}
if ls "$OBJ"/src/*.o "$OBJ"/tui/*.o >/dev/null 2>&1; then
	tmp=$(mktemp -d)
	for o in "$OBJ"/src/*.o "$OBJ"/tui/*.o; do
		m=$(basename "$o" .o)
		nm --defined-only -g "$o" | awk -v m="$m" 'NF == 3 { print $3, m }' >>"$tmp/defs"
		nm -u "$o" | awk -v m="$m" '{ print $NF, m }' >>"$tmp/uses"
	done
	sort -o "$tmp/defs" "$tmp/defs"; sort -o "$tmp/uses" "$tmp/uses"
	join "$tmp/uses" "$tmp/defs" | awk '$2 != $3 { print $2, $3 }' | sort -u >"$tmp/edges"
	cycle=$(tsort "$tmp/edges" 2>&1 >/dev/null | sed -n 's/^tsort: //p' | grep -v 'input contains a loop' || true)
	rm -rf "$tmp"
	report "no dependency cycle between modules" "$cycle"
else
	report "no dependency cycle between modules" "$OBJ/src/*.o not built: run make first"
fi

masks=$(grep -nE '\.(regions|types)(_mask)?\b *[&|^]|\(uint64_t\) *1 *<<|1u?ll? *<<|UINT64_C\(1\) *<<' \
	src/*.c tui/*.c | grep -v '^src/filter\.c:' | grep -v '% 64)' || true)
report "filter bitmasks read and set only in src/filter.c" "$masks"

# (src/diag.c compares wordings to keep each once: that reads no meaning)
by_text=$(grep -nE 'str(str|cmp|ncmp|casestr)\([^;]*(->|\.)msg\b' src/*.c tui/*.c |
	grep -v '^src/diag\.c:' || true)
report "no diagnostic classified by its message text" "$by_text"

echo "structure: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
