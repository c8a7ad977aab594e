/* delta: the figures as they stood a month earlier, and a region's trend,
 * both as cubes of the same filter with its period closed earlier. */
#include "delta.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "xalloc.h"

int delta_report_month(const struct config *c, const struct table *t, const struct filter *f)
{
	int m = c->report_month >= 0 ? c->report_month : t->latest_month;
	if (f->to_month >= 0 && (m < 0 || f->to_month < m))
		m = f->to_month;
	return m;
}

int delta_previous_month(int report_month)
{
	return report_month < 0 ? -1 : report_month - 1;
}

bool delta_filter_upto(const struct config *c, const struct filter *f, int upto,
                       struct filter *before)
{
	*before = *f;
	if (upto < 0)
		return false;
	/* rule 11 keeps other years out only without a window: the window
	 * starts where the plan year does so they stay out */
	int from = c->plan_year > 0 ? month_index(c->plan_year, 1) : -1;
	if (from > upto)
		from = -1;
	filter_close_window(before, from, upto);
	return true;
}

bool delta_compute_before(struct cube *before, struct cube_index *ix, const struct config *c,
                          const struct filter *f, int report_month)
{
	struct filter upto;
	if (!delta_filter_upto(c, f, delta_previous_month(report_month), &upto))
		return false;
	cube_compute(before, ix, &upto);
	return true;
}

bool delta_coverage_points(int64_t reached_now, int64_t reached_before, int64_t denom,
                           double *points)
{
	double now, then;
	if (!coverage_pct(reached_now, denom, &now) || !coverage_pct(reached_before, denom, &then))
		return false;
	*points = now - then;
	return true;
}

void trend_init(struct trend *tr)
{
	memset(tr, 0, sizeof *tr);
	tr->last_month = -1;
}

void trend_free(struct trend *tr)
{
	free(tr->reached);
	trend_init(tr);
}

void trend_compute(struct trend *tr, struct cube_index *ix, const struct config *c,
                   const struct filter *f, int report_month)
{
	struct cube q;
	struct filter upto;

	trend_free(tr);
	if (report_month < 0)
		return;
	tr->last_month = report_month;
	tr->nregions = c->nregions;
	tr->reached = xcalloc(c->nregions * TREND_MONTHS + 1, sizeof *tr->reached);
	cube_init(&q);
	for (int k = 0; k < TREND_MONTHS; k++) {
		delta_filter_upto(c, f, report_month - (TREND_MONTHS - 1 - k), &upto);
		cube_compute(&q, ix, &upto);
		for (size_t r = 0; r < c->nregions; r++)
			tr->reached[r * TREND_MONTHS + (size_t)k] = q.region_dedup[r];
	}
	cube_free(&q);
}
