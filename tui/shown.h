/* shown: counts of people as the screen shows them.  In the presentation,
 * and on the whole screen with [share] mask_on_screen, a count below
 * [share] mask_below is "<5" and a total over such a count is rounded —
 * src/mask.h's rule, the one the exports to share follow; every view asks
 * here so none applies it its own way.  Otherwise figures are exact. */
#ifndef FOURW_TUI_SHOWN_H
#define FOURW_TUI_SHOWN_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"

/* Counts are masked on screen now. */
bool shown_masking(const struct app *a);
/* Some cell of q in region r and type t (-1: any) is masked: a total over
 * them must be rounded.  False when nothing is masked. */
bool shown_cells_masked(const struct app *a, const struct cube *q, int r, int t);
/* Partner p's (interned) total in a->cube is over a masked count: its
 * count in some region is, or may hold one — the region has a masked
 * cell, and the cube has no partner by type to tell whether it is
 * theirs. */
bool shown_partner_masked(const struct app *a, const char *partner);
/* The figure shown for v: v itself, or when masking, 0 for a masked count
 * and a total over masked counts rounded (what a percentage is taken of). */
int64_t shown_value(const struct app *a, int64_t v, bool sums_masked);
/* v as text: "<5" when masked, else shown_value in full ("1,234", whole)
 * or short ("1.23k"); buf >= 32 bytes. */
const char *shown_count(const struct app *a, int64_t v, bool sums_masked, bool whole, char *buf);

#endif
