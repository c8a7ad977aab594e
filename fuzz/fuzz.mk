# Fuzzing and memory checks.  Included by the top Makefile; uses
# its WARN, CORE_CPPFLAGS and library flags.
#
#   make fuzz [FUZZ_SECONDS=60]   each libFuzzer target for FUZZ_SECONDS
#   make fuzz-build               only build them (into build-fuzz/)
#   make memcheck                 valgrind on check, report, gaps and the screen
#
# The targets (fuzz/fuzz_*.c, checks in fuzz/harness.c) are built with clang
# and -fsanitize=fuzzer,address,undefined over a copy of the core library
# compiled the same way in build-fuzz/.  Each run starts from the corpus it
# grew before (build-fuzz/corpus/TARGET), the seeds (sample sheets, test
# sheets and configs, cells of the sheets) and fuzz/regressions/TARGET.  A
# crash stops `make fuzz`; libFuzzer saves the input under
# build-fuzz/artifacts/TARGET/: copy it into fuzz/regressions/TARGET/, where
# the Criterion suite (tests/test_hostile.c) replays it on every `make test`.

FUZZ_O        = build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_TARGETS  = load parse place config xlsx
FUZZ_SAN      = -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS   = -O1 -g -fno-omit-frame-pointer $(FUZZ_SAN)
FUZZ_BINS     = $(patsubst %,$(FUZZ_O)/fuzz_%,$(FUZZ_TARGETS))

# Per target: the largest input worth trying, and its dictionary if any.
FUZZ_MAXLEN_load   = 4096
FUZZ_MAXLEN_parse  = 128
FUZZ_MAXLEN_place  = 256
FUZZ_MAXLEN_config = 16384
FUZZ_MAXLEN_xlsx   = 65536

# libFuzzer ships with clang in Debian's libclang-rt-N-dev, N being clang's
# major version.  As root the packages are installed; otherwise the exact
# apt-get line is printed and make stops.
fuzz-deps: deps
	@probe='int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { (void)d; (void)n; return 0; }'; \
	can_fuzz() { printf '%s\n' "$$probe" | $(FUZZ_CC) -fsanitize=fuzzer,address,undefined \
	             -x c - -o /dev/null >/dev/null 2>&1; }; \
	can_fuzz && exit 0; \
	want=""; command -v $(FUZZ_CC) >/dev/null 2>&1 || want="clang"; \
	if [ -z "$$want" ] || [ "$$(id -u)" = 0 ]; then \
	  if [ -n "$$want" ]; then \
	    echo "installing: clang"; apt-get update -qq >/dev/null 2>&1 || true; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang >/dev/null || exit 1; \
	  fi; \
	  major=$$($(FUZZ_CC) -dumpversion | cut -d. -f1); \
	  pkg=$$(apt-cache search --names-only "^libclang-rt-$$major-dev\$$" | cut -d' ' -f1); \
	  want="$${pkg:-libclang-rt-$$major-dev}"; \
	fi; \
	if [ "$$(id -u)" != 0 ]; then \
	  echo "make fuzz needs clang's libFuzzer; run:"; \
	  echo "  sudo apt-get install $$want"; exit 1; \
	fi; \
	echo "installing: $$want"; apt-get update -qq >/dev/null 2>&1 || true; \
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$want >/dev/null || exit 1; \
	can_fuzz || { echo "$(FUZZ_CC) still cannot link -fsanitize=fuzzer"; exit 1; }

# The core library, compiled for fuzzing in its own tree.
fuzz-lib: fuzz-deps
	$(MAKE) --no-print-directory O=$(FUZZ_O) CC=$(FUZZ_CC) \
	  CFLAGS="$(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link" $(FUZZ_O)/libfourw.a

$(FUZZ_O)/fuzz_%: fuzz/fuzz_%.c fuzz/harness.c fuzz/harness.h fuzz-lib
	$(FUZZ_CC) $(WARN) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(CORE_CPPFLAGS) $(INI_CFLAGS) -Ifuzz \
	  -o $@ $< fuzz/harness.c $(FUZZ_O)/libfourw.a $(INI_LIBS) $(CSV_LIBS) $(BOOK_LIBS) $(THREAD_LIBS) -lm

fuzz-build: $(FUZZ_BINS)

# Seeds: whole sheets and configs as they are; for the cell-level targets,
# the distinct cells of every sheet (places as a p-code and as a name).
fuzz-seeds:
	@rm -rf $(FUZZ_O)/seeds; mkdir -p $(FUZZ_O)/seeds/load $(FUZZ_O)/seeds/config \
	  $(FUZZ_O)/seeds/parse $(FUZZ_O)/seeds/place $(FUZZ_O)/seeds/xlsx
	@python3 data/gen/make_workbooks.py seeds $(FUZZ_O)/seeds/xlsx
	@cp data/sheets/* tests/fixtures/sheets/*.csv tests/fixtures/sheets/*.tsv $(FUZZ_O)/seeds/load/
	@cp config.ini tests/fixtures/config/*.ini $(FUZZ_O)/seeds/config/
	@cat data/sheets/* tests/fixtures/sheets/*.csv tests/fixtures/sheets/*.tsv | tr -d '\r"' \
	 | tr ',;|\t' '\n\n\n\n' | sort -u | head -2000 \
	 | awk -v d=$(FUZZ_O)/seeds 'length($$0) { \
	     f = sprintf("%s/parse/%04d", d, NR); printf "%s", $$0 > f; close(f); \
	     f = sprintf("%s/place/n%04d", d, NR); printf "\n%s", $$0 > f; close(f); \
	     f = sprintf("%s/place/c%04d", d, NR); printf "%s\n\n2", $$0 > f; close(f) }'

# One target for FUZZ_SECONDS.  The log's last lines give the executions.
# -timeout is a hang guard for one input (at most 4 KB), set far above what
# any input takes so that a busy CI machine cannot trip it.
fuzz-run-%: $(FUZZ_O)/fuzz_% fuzz-seeds
	@mkdir -p $(FUZZ_O)/corpus/$* $(FUZZ_O)/artifacts/$* $(FUZZ_O)/logs fuzz/regressions/$*
	@echo "fuzz $*: $(FUZZ_SECONDS) s (log: $(FUZZ_O)/logs/$*.log)"
	@UBSAN_OPTIONS=print_stacktrace=1 $(FUZZ_O)/fuzz_$* -max_total_time=$(FUZZ_SECONDS) \
	  -timeout=120 -rss_limit_mb=2048 -max_len=$(FUZZ_MAXLEN_$*) -print_final_stats=1 \
	  $(if $(wildcard fuzz/$*.dict),-dict=fuzz/$*.dict) \
	  -artifact_prefix=$(FUZZ_O)/artifacts/$*/ \
	  $(FUZZ_O)/corpus/$* $(FUZZ_O)/seeds/$* fuzz/regressions/$* \
	  >$(FUZZ_O)/logs/$*.log 2>&1 \
	|| { tail -40 $(FUZZ_O)/logs/$*.log; echo "fuzz $*: FAILED; the input is in" \
	     "$(FUZZ_O)/artifacts/$*/ - copy it into fuzz/regressions/$*/ and fix"; exit 1; }
	@grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' $(FUZZ_O)/logs/$*.log \
	  | sed 's/^/  /'

fuzz: $(patsubst %,fuzz-run-%,$(FUZZ_TARGETS))

# ---- valgrind ----------------------------------------------------------------
# Every command on the sample data, and a screen session driven through tmux
# (wait for the first frame, tour the views, press q).  Errors or leaks
# (definite, indirect or possible) fail; memory ncurses keeps until exit is
# not a leak ("still reachable", and the caches fuzz/valgrind.supp names).
# valgrind's own exit code is 97 so that `check`'s status 1 (rows rejected)
# is not taken for an error.
MEMCHECK = valgrind -q --suppressions=fuzz/valgrind.supp --leak-check=full --show-leak-kinds=definite,indirect,possible \
           --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=97

memcheck: deps $(O)/fourw
	@fuzz/memcheck.sh "$(MEMCHECK)" $(O)/fourw

.PHONY: fuzz fuzz-deps fuzz-lib fuzz-build fuzz-seeds memcheck
