/* gaps_quality: the data-quality flags, from the loader's messages.
 *
 * Rejected rows give one flag per sheet (critical, and first of all, when
 * the sheet lost more than half of its rows); warnings and notes are
 * grouped by sheet, code (each code its own line, never its wording) and
 * the region of their row, each line saying what the rows have, how they
 * are counted and what to do, and are left out when the filter did not
 * select that row. */
#ifndef FOURW_GAPS_QUALITY_H
#define FOURW_GAPS_QUALITY_H

#include "aggregate.h"
#include "config.h"
#include "gap.h"
#include "table.h"

/* Appends the data-quality flags for the rows the cube counted, under the
 * filter it was computed for. */
void gaps_quality_flag(struct gap_list *g, const struct config *c, const struct table *t,
                       const struct cube *q);

/* The rows behind data-quality line p of g (its sheet's messages of its
 * kind and region, or its rows outside the plan year), in a new array (to
 * free), sorted by file and line; returns how many.  Found only when asked,
 * not while the flags are computed: the first question finds every line's
 * message rows in one pass and keeps their line numbers with g (4 bytes a
 * row: 2.2 MB for a sheet with a warning on 550,000 rows); the rows outside
 * the plan year are found again each time. */
size_t gaps_quality_rows(const struct gap_list *g, const struct gap *p, struct rowref **out);

#endif
