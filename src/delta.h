/* delta: what changed since the previous reporting month, from the same
 * sheets.
 *
 * The report month is the month the figures speak of: config's
 * report_date, else the latest reporting month in the sheets; a filter
 * ending earlier (`report --to`) moves it back.  The previous month is the
 * report month minus one.  "The figures as they stood at the end of the
 * previous month" are the same aggregation (aggregate.c, the same filter)
 * over the rows whose period reaches no later than that month: the filter
 * with its window closed there (filter_close_window).  Nothing is counted
 * here; a change is the difference of two cubes.
 *
 * What a window changes besides the months, said where it matters:
 *   - a row with no date at all counts only without a window (rule 8), so
 *     it is in the figures shown and not in the previous ones: it shows
 *     as part of the change;
 *   - rule 11 (rows outside the plan year) applies only without a window,
 *     so the window opens at the plan year's January, which keeps the
 *     earlier years out of the previous figures as rule 11 keeps them out
 *     of the ones shown.
 *
 * The trend of a region is the same figure as it stood at the end of each
 * of the last months: one cube per month, computed only when asked. */
#ifndef FOURW_DELTA_H
#define FOURW_DELTA_H

#include <stdbool.h>
#include <stdint.h>

#include "aggregate.h"
#include "config.h"
#include "cube_index.h"
#include "filter.h"
#include "table.h"

/* The report month (see above), or -1 when no row has a month. */
int delta_report_month(const struct config *c, const struct table *t, const struct filter *f);

/* The previous reporting month of report_month, or -1 (no report month). */
int delta_previous_month(int report_month);

/* *before = f with its period closed at month `upto` (and opened at the
 * plan year's January when f has no start): the rows that stood by then.
 * False (and *before = f) when upto < 0. */
bool delta_filter_upto(const struct config *c, const struct filter *f, int upto,
                       struct filter *before);

/* The figures f selects as they stood at the end of the month before
 * report_month, into *before (a cube_init'ed cube).  False when there is
 * no previous month; *before is then left as it was. */
bool delta_compute_before(struct cube *before, struct cube_index *ix, const struct config *c,
                          const struct filter *f, int report_month);

/* A change in coverage, in percentage points: now - before of
 * reached / denominator.  False when the denominator is unknown or zero. */
bool delta_coverage_points(int64_t reached_now, int64_t reached_before, int64_t denom,
                           double *points);

/* Reached (without double counting) per region at the end of each of
 * TREND_MONTHS months ending at the report month. */
#define TREND_MONTHS 6
struct trend {
	int last_month;           /* the report month; -1: no trend */
	size_t nregions;
	int64_t *reached;         /* [region * TREND_MONTHS + k], k = 0 the oldest */
};

void trend_init(struct trend *tr);
void trend_free(struct trend *tr);
void trend_compute(struct trend *tr, struct cube_index *ix, const struct config *c,
                   const struct filter *f, int report_month);
/* The figure of region r at month k (0 = oldest) of the trend. */
static inline int64_t trend_at(const struct trend *tr, size_t r, int k)
{
	return tr->reached[r * TREND_MONTHS + (size_t)k];
}

#endif
