/* fuzz/harness: what each fuzz target checks on one input.
 *
 * The libFuzzer targets (fuzz/fuzz_*.c) and the Criterion test that replays
 * fuzz/regressions/ (tests/test_hostile.c) share these functions, so a crash
 * input saved from a fuzzing run is checked in `make test` exactly as the
 * fuzzer checked it.  Each returns NULL when every invariant held, or a
 * message naming the one that broke (a static buffer, overwritten by the
 * next call).  A crash in the code under test is, of course, a crash. */
#ifndef FOURW_FUZZ_HARNESS_H
#define FOURW_FUZZ_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "table.h"

/* The sheet pipeline: bytes -> load_buffer -> accepted and rejected rows.
 * Checks rows read = accepted + rejected, one REJECT diagnostic per rejected
 * row, and every REJECT (and every accepted row) on a line of the input. */
const char *harness_load(const struct config *c, const uint8_t *data, size_t size);

/* The same checks on a source already loaded from a file of nlines lines. */
const char *harness_check_source(const struct table *t, uint32_t source, size_t nlines);

/* Physical lines in a buffer, counted as the loader counts them (LF, CRLF
 * or a lone CR ends a line; a last line without an end still counts). */
size_t harness_count_lines(const char *buf, size_t len);

/* parse_people, parse_date and month_parse on the input as one cell, and
 * safe_escape of it: results in range, escaped text free of controls. */
const char *harness_parse(const uint8_t *data, size_t size);

/* place_region, place_cercle, place_system_hint and the suggestions on the
 * input split at the first newline into a p-code and a name. */
const char *harness_place(const struct config *c, const uint8_t *data, size_t size);

/* The input written to dir/fuzz.xlsx and read as a workbook: refused with
 * a reason, or its worksheet's CSV text passes harness_load's checks and
 * the workbook loaded as a sheet accounts for its rows. */
const char *harness_workbook(const struct config *c, const char *dir, const uint8_t *data,
                             size_t size);

/* config_load of the input written to dir/config.ini: a config or an error
 * message, never a crash; a loaded config is internally consistent. */
const char *harness_config(const char *dir, const uint8_t *data, size_t size);

/* A private folder for harness_config, made from dir (a mkdtemp template
 * such as "/tmp/fourw-fuzz-XXXXXX", rewritten in place), holding copies of
 * the regional figures files the shipped and test configs name, so that
 * inputs taken from them load all the way through.  false if it cannot be
 * made.  harness_config_dir_remove deletes it. */
bool harness_config_dir(char *dir);
void harness_config_dir_remove(const char *dir);

/* The config the targets use: $FOURW_FUZZ_CONFIG, else ./config.ini
 * (fuzz.mk runs from the top of the project).  Aborts if it cannot load. */
void harness_load_config(struct config *c);

#endif
