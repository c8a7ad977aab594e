/* check_summary: one sheet's rejected rows and warnings grouped by kind,
 * as `fourw check` prints them unless --verbose asks for every row: per
 * kind the count, the first lines, one message in full (file:line:col, so
 * an editor jumps to it) and what to do (diag_kind.h). */
#ifndef FOURW_CHECK_SUMMARY_H
#define FOURW_CHECK_SUMMARY_H

#include <stdio.h>

#include "table.h"

/* How many line numbers a kind lists before "… and N more". */
#define CHECK_FIRST_LINES 5

/* Prints one message compiler-style: "sheet.csv:12:4: warning: …". */
void check_print_diag(FILE *out, const struct table *t, const struct diag *d);

/* One sheet's messages (indices into t->diags, in order): its notes one by
 * one, its rejected rows and warnings grouped by kind. */
void check_print_kinds(FILE *out, const struct table *t, const uint32_t *idx, size_t n);

#endif
