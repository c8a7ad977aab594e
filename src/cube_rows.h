/* cube_rows: the table rows behind a cube's figures — a cell, an overlap,
 * a presence, a diagnostic — answered from the cube and the index it was
 * computed with, without walking every counted row. */
#ifndef FOURW_CUBE_ROWS_H
#define FOURW_CUBE_ROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "aggregate.h"

/* True if the cube's filter selected row i (counted or superseded). */
bool cube_row_selected(const struct cube *q, size_t i);

/* The counted rows for region r and type t (-1 = any) into *out (malloc'd);
 * returns how many.  What Enter on a figure lists. */
size_t cube_rows_for(const struct cube *q, int region, int type, uint32_t **out);
/* How many rows cube_rows_for lists, read from the cube's figures. */
size_t cube_rows_count(const struct cube *q, int region, int type);

/* A counted row and where it was read. */
struct cube_ref { uint32_t row, source, line; };

/* The rows behind a gap flag: the counted active rows of an overlap; the
 * counted rows of a presence whose period is `period`.  *out is malloc'd,
 * in table order; returns how many.  The first question of each kind
 * groups the index's rows (kept with the index). */
size_t cube_overlap_rows(const struct cube *q, const struct overlap *o, struct cube_ref **out);
size_t cube_presence_rows(const struct cube *q, const struct presence *p, int period,
                          struct cube_ref **out);

/* Where each row of t was read, to find the row a diagnostic is about
 * (table_lines_walk over t->diags in order); NULL if the cube was not
 * computed over t. */
const struct table_lines *cube_lines(const struct cube *q, const struct table *t);

#endif
