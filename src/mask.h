/* mask: children's data protected in what leaves the IMO's hands.
 *
 * A count of children (or of people) below the threshold (config
 * [protection] mask_below, default 5) is shown as "<5" — a case-management
 * row with 2 children names a family in a small commune.  A total that
 * includes a masked count is rounded to the nearest ten (five up), so the
 * masked count cannot be worked back from it: with the other cells exact,
 * the rounding leaves an uncertainty of ±5, wider than the 0–4 a masked
 * cell may hold.  Zero is not masked (no child to protect).  This module
 * is the rule's one owner; the exports and the presentation call it. */
#ifndef FOURW_MASK_H
#define FOURW_MASK_H

#include <stdbool.h>
#include <stdint.h>

#define MASK_DEFAULT_BELOW 5

/* True when v must not be shown as it is. */
bool mask_hides(int64_t v, int below);
/* A count as shared: "<5" when masked, else its digits ("12", "0");
 * buf 24 bytes. */
const char *mask_count(int64_t v, int below, char *buf);
/* A total whose parts include a masked count, rounded to the nearest ten
 * (five up); other totals unchanged. */
int64_t mask_total(int64_t total, bool has_masked_part);

#endif
