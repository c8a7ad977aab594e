# Benchmark: `make bench`, see bench/README.
# Included by the top Makefile; uses its CC, WARN, CFLAGS and library flags.
# The tools build into build-bench/ beside the generated sheets, so the
# source tree stays clean and `make clean` removes them.

BENCH_O = build-bench

$(BENCH_O)/gen: bench/gen.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(CORE_CPPFLAGS) -o $@ $< -lm
$(BENCH_O)/csvcount: bench/csvcount.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(CORE_CPPFLAGS) -o $@ $< $(CSV_LIBS)
$(BENCH_O)/core_bench: bench/core_bench.c $(O)/libfourw.a
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(CORE_CPPFLAGS) $(INI_CFLAGS) -o $@ $< $(O)/libfourw.a \
	  $(INI_LIBS) $(CSV_LIBS) $(BOOK_LIBS) $(THREAD_LIBS) -lm

# The generator and the libcsv baseline alone (no core needed).
bench-tools: $(BENCH_O)/gen $(BENCH_O)/csvcount

# bench/run.sh builds what it needs (fourw, gen, csvcount, core_bench) with
# this Makefile, installs the peers from Debian when run as root and DuckDB's
# Node.js package from npm into build-bench/node_modules (any user), and
# writes bench/RESULTS.md.  BENCH_5M=1 adds the 5M-row sheet.
bench:
	bench/run.sh

.PHONY: bench bench-tools

# The hostile sheets' costs (tests/test_hostile.c checks only what they give).
$(BENCH_O)/hostile_bench: bench/hostile_bench.c tests/hostile_sheets.c tests/hostile_sheets.h $(O)/libfourw.a
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(CORE_CPPFLAGS) $(INI_CFLAGS) -Itests -o $@ bench/hostile_bench.c \
	  tests/hostile_sheets.c $(O)/libfourw.a \
	  $(INI_LIBS) $(CSV_LIBS) $(BOOK_LIBS) $(THREAD_LIBS) -lm
bench-hostile: $(BENCH_O)/hostile_bench
	$(BENCH_O)/hostile_bench -c config.ini
.PHONY: bench-hostile

# The bytes the screen sends per key at 100x30 (bench/bandwidth.py: tmux's
# pipe-pane counts them), with the budgets of a poor SSH link checked.
bandwidth: $(O)/fourw
	python3 bench/bandwidth.py $(O)/fourw --check
.PHONY: bandwidth
