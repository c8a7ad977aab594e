# fourw — build, test, run, install.  See README.md.
#
# Variants build out of tree: `make O=build-asan ...` never mixes objects with
# the normal build, so `make check` can run the suite twice without a clean.

CC         ?= cc
PKG_CONFIG ?= pkg-config
O          ?= build
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share/fourw
MANDIR     ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
LOCALEDIR  ?= $(PREFIX)/share/locale
# Link-time optimisation (-flto): the row loop calls across modules (the
# loader calls the hash, the memo look-ups, the count and date readers),
# and inlined across them a 200,000-row report runs 8% fewer instructions.
# The objects keep their machine code too (fat), so a link without -flto
# still works and nm (tests/structure.sh) still reads them.
CFLAGS     ?= -O3 -g -flto=auto -ffat-lto-objects
LDFLAGS    ?= -flto=auto
# The unit tests are built and linked without it: compiled with -flto,
# 392 of Criterion's 973 cases (the parameterized tests' cases) went
# missing, silently.  They link the core's machine code; the command-line
# and screen suites run the optimised binary.
NO_LTO      = $(filter-out -flto% -ffat-lto-objects,$(1))
WARN        = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
              -Wmissing-prototypes -Wformat=2 -Wvla -Wpointer-arith \
              -Wno-format-nonliteral
CORE_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc -DFOURW_DATADIR=\"$(DATADIR)\" \
                -DFOURW_LOCALEDIR=\"$(LOCALEDIR)\"

# Debian ships .pc files for ncursesw and criterion only; libcsv and iniparser
# need the fallbacks (iniparser's headers live in /usr/include/iniparser).
CURSES_CFLAGS := $(shell $(PKG_CONFIG) --cflags ncursesw 2>/dev/null)
CURSES_LIBS   := $(shell $(PKG_CONFIG) --libs   ncursesw 2>/dev/null || echo -lncursesw)
INI_CFLAGS    := $(shell $(PKG_CONFIG) --cflags iniparser 2>/dev/null || echo -I/usr/include/iniparser)
INI_LIBS      := $(shell $(PKG_CONFIG) --libs   iniparser 2>/dev/null || echo -liniparser)
CSV_LIBS      := -lcsv
# Workbooks (src/xlsx*.c): libzip and expat for .xlsx, libfreexl for .xls.
BOOK_CFLAGS   := $(shell $(PKG_CONFIG) --cflags libzip expat freexl 2>/dev/null)
BOOK_LIBS     := $(shell $(PKG_CONFIG) --libs   libzip expat freexl 2>/dev/null || echo -lzip -lexpat -lfreexl)
CRIT_CFLAGS   := $(shell $(PKG_CONFIG) --cflags criterion 2>/dev/null)
CRIT_LIBS     := $(shell $(PKG_CONFIG) --libs   criterion 2>/dev/null || echo -lcriterion)
THREAD_LIBS   := -pthread

CORE_SRC = $(wildcard src/*.c)
TUI_SRC  = $(wildcard tui/*.c)
TEST_SRC = $(wildcard tests/test_*.c) tests/plan_fixture.c tests/hostile_sheets.c
CORE_OBJ = $(patsubst %.c,$(O)/%.o,$(CORE_SRC))
TUI_OBJ  = $(patsubst %.c,$(O)/%.o,$(TUI_SRC))
TEST_OBJ = $(patsubst %.c,$(O)/%.o,$(TEST_SRC))
# The tests link the screen's non-drawing helpers too (layout, formatting).
TUI_TESTABLE = $(filter-out $(O)/tui/main.o,$(TUI_OBJ))

DEB_PACKAGES = build-essential pkg-config libncurses-dev libcsv-dev \
               libiniparser-dev libcriterion-dev libzip-dev libexpat1-dev \
               libfreexl-dev tmux valgrind groff-base gettext python3

# The French catalogue, compiled beside the binary: build/fourw finds
# build/locale (src/i18n.c), so tests and `make run` need no install.
LANGS = fr
MO_FILES = $(patsubst %,$(O)/locale/%/LC_MESSAGES/fourw.mo,$(LANGS))

all: $(O)/fourw

$(O)/libfourw.a: $(CORE_OBJ)
	$(AR) rcs $@ $^
$(O)/fourw: $(TUI_OBJ) $(O)/libfourw.a | $(MO_FILES)
	$(CC) $(LDFLAGS) -o $@ $^ $(INI_LIBS) $(CSV_LIBS) $(BOOK_LIBS) $(CURSES_LIBS) $(THREAD_LIBS) -lm
$(O)/run-tests: $(TEST_OBJ) $(TUI_TESTABLE) $(O)/libfourw.a | $(MO_FILES)
	$(CC) $(call NO_LTO,$(LDFLAGS)) -o $@ $^ $(INI_LIBS) $(CSV_LIBS) $(BOOK_LIBS) $(CRIT_LIBS) $(CURSES_LIBS) $(THREAD_LIBS) -lm

# Per-directory flags: the core never sees curses' feature macros.
$(O)/src/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(CORE_CPPFLAGS) $(INI_CFLAGS) $(BOOK_CFLAGS) -MMD -MP -c -o $@ $<
$(O)/tui/%.o: tui/%.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(CORE_CPPFLAGS) -Itui $(CURSES_CFLAGS) -MMD -MP -c -o $@ $<
$(O)/tests/%.o: tests/%.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(call NO_LTO,$(CFLAGS)) $(CORE_CPPFLAGS) -Itui $(CRIT_CFLAGS) $(CURSES_CFLAGS) -MMD -MP -c -o $@ $<
-include $(CORE_OBJ:.o=.d) $(TUI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)

# The installed data directory is compiled in (cli_check.c finds the default
# config.ini there): rebuild it when DATADIR changes, as in a `make install
# PREFIX=/opt/fourw` after a plain `make`.  The stamp is rewritten only when
# the value differs, so an unchanged DATADIR rebuilds nothing.
$(O)/datadir.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@
$(O)/src/cli_check.o: $(O)/datadir.stamp
$(O)/localedir.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(LOCALEDIR)' | cmp -s - $@ || echo '$(LOCALEDIR)' > $@
$(O)/src/i18n.o: $(O)/localedir.stamp
FORCE:

# ---- translations (GNU gettext) ---------------------------------------------
# `make pot` extracts every _(), N_() and P_() text into po/fourw.pot;
# `make po-update` merges it into po/fr.po for the translator.
$(O)/locale/%/LC_MESSAGES/fourw.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<
pot:
	xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=P_:1,2 \
	  --keyword=C_:1c,2 --keyword=NC_:1c,2 \
	  --keyword=ini_fail_key:4 --keyword=ini_fail_section:3 --keyword=fig_fail:3 \
	  --package-name=fourw --add-comments=TRANSLATORS: --sort-by-file \
	  -o po/fourw.pot src/*.c tui/*.c
po-update: pot
	for l in $(LANGS); do msgmerge --quiet --update --backup=none po/$$l.po po/fourw.pot; done

# ---- dependencies -----------------------------------------------------------
# As root the Debian packages are installed; otherwise the exact command is
# printed and make stops.
deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq >/dev/null 2>&1 || true; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	  else \
	    echo "fourw needs these Debian packages; run:"; \
	    echo "  sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi

# ---- tests ------------------------------------------------------------------
SAN_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined

check: deps
	$(MAKE) check-layering
	$(MAKE) test
	$(MAKE) O=build-san CFLAGS="$(SAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" test
	$(MAKE) check-portable

# The byte scans have an SSE2 path and a portable one (arm64 and others);
# on x86 this builds the unit tests without SSE2 so the second runs too.
check-portable:
	$(MAKE) O=build-portable CFLAGS="-O2 -g -U__SSE2__" build-portable/run-tests
	build-portable/run-tests --jobs 2

# One pass of the whole suite in the current variant: the code's shape
# (tests/structure.sh reads the objects for the dependency graph), unit
# tests, then the command-line and screen tests against the binary of the
# same variant.
test: $(O)/run-tests $(O)/fourw
	tests/structure.sh $(O)
	$(O)/run-tests --jobs 2
	tests/cli/run.sh $(O)/fourw
	tests/e2e/run.sh $(O)/fourw

check-layering:
	@! grep -nE '#include *[<"](n?curses|ncursesw/|tui/)' src/*.[ch] \
	  || { echo "src/ must not include curses or tui/ headers"; exit 1; }
	@echo "layering: src/ is free of curses"

# The build runs in a second make: this one read pkg-config's flags before
# `deps` could install pkg-config on a fresh machine.
run: deps
	$(MAKE) $(O)/fourw
	$(O)/fourw -c config.ini

clean:
	rm -rf build build-san build-portable build-bench build-fuzz

install: $(O)/fourw
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/data/sheets
	install -m 755 $(O)/fourw $(DESTDIR)$(BINDIR)/fourw
	install -m 644 config.ini $(DESTDIR)$(DATADIR)/config.ini
	install -m 644 data/*.csv data/README.md $(DESTDIR)$(DATADIR)/data/
	install -m 644 data/sheets/* $(DESTDIR)$(DATADIR)/data/sheets/
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR)
	sed -e 's|/usr/local/share/fourw|$(DATADIR)|g' \
	    -e 's|/usr/local/share/bash\\-completion/completions|$(BASHCOMPDIR)|g' \
	    doc/fourw.1 > $(DESTDIR)$(MANDIR)/man1/fourw.1
	chmod 644 $(DESTDIR)$(MANDIR)/man1/fourw.1
	install -m 644 completion/fourw.bash $(DESTDIR)$(BASHCOMPDIR)/fourw
	for l in $(LANGS); do \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
	  install -m 644 $(O)/locale/$$l/LC_MESSAGES/fourw.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/fourw.mo; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/fourw
	rm -rf $(DESTDIR)$(DATADIR)
	rm -f $(DESTDIR)$(MANDIR)/man1/fourw.1 $(DESTDIR)$(BASHCOMPDIR)/fourw
	for l in $(LANGS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/fourw.mo; done

.PHONY: all deps check check-portable test check-layering run clean install uninstall pot po-update FORCE

# Benchmark and fuzzing targets live beside their code.
-include bench/bench.mk
-include fuzz/fuzz.mk
