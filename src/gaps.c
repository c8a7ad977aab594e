/* gaps: the flags a meeting must discuss, DESIGN.md "Gaps".
 *
 * Every rule reads the cube (never the rows again, except to list the rows
 * behind a flag) and states its numbers in the reason.  Decisions where
 * DESIGN.md leaves room, in one place:
 *   - Presence is an *active* row: counted, neither planned nor suspended,
 *     naming an organisation (rule 13: a row with none counts its people
 *     but makes no partner, so a region or a service with only such rows
 *     is flagged as having no partner, and the flag says how many rows).
 *   - Rules that judge the whole response against the plan (no presence,
 *     low coverage) run only when the filter narrows regions and period
 *     at most; missing service also allows a type filter (it then looks at
 *     the essential types selected).  Under a partner, status or text
 *     filter they would call a part of the response "missing".
 *   - One flag per cause: a region flagged "no presence" gets no "missing
 *     service" and no "low coverage" flag besides.
 *   - Low coverage: the thresholds give the severity; a region at or ahead
 *     of the even pace (targeted × months elapsed / 12) is still listed,
 *     as info, so early in the year the room is not told "critical" about
 *     a region that is on schedule.
 *   - Stale: month granularity — a report for month M covers until M's last
 *     day; the report date is the last day of the report month.
 *   - Concentration counts active partners with a cercle and a period.
 *   - Flags about a whole figure (coverage, presence, above target) list no
 *     rows: the figure's rows are cube_rows_for(); flags about particular
 *     rows (concentration, stale, data quality) list them. */
#include "gaps.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cube_rows.h"
#include "fmt.h"
#include "gaps_order.h"
#include "gaps_quality.h"
#include "parse.h"
#include "xalloc.h"

enum severity gaps_worst_for_region(const struct gap_list *g, int region)
{
	enum severity worst = SEV_COUNT;
	for (size_t i = 0; i < g->len; i++)
		if (g->items[i].region == region && g->items[i].severity < worst)
			worst = g->items[i].severity;
	return worst;
}

enum severity gaps_worst_for_cell(const struct gap_list *g, int region, int type)
{
	enum severity worst = SEV_COUNT;
	for (size_t i = 0; i < g->len; i++) {
		const struct gap *p = &g->items[i];
		if (p->region == region && p->type == type && p->severity < worst)
			worst = p->severity;
	}
	return worst;
}

enum severity gaps_no_partner(const struct gap_list *g, int region, int type)
{
	enum severity worst = SEV_COUNT;
	for (size_t i = 0; i < g->len; i++) {
		const struct gap *p = &g->items[i];
		bool says = p->region == region &&
		            (p->kind == GAP_NO_PRESENCE ||
		             (p->kind == GAP_MISSING_SERVICE && p->type == type));
		if (says && p->severity < worst)
			worst = p->severity;
	}
	return worst;
}

enum coverage_band gaps_coverage_band(const struct thresholds *th, double pct)
{
	if (pct < th->critical_pct)
		return BAND_CRITICAL;
	if (pct < th->high_pct)
		return BAND_HIGH;
	if (pct < th->medium_pct)
		return BAND_MEDIUM;
	return BAND_MET;
}

/* ---- building flags ------------------------------------------------------ */

struct ctx {
	struct gap_list *g;
	const struct config *c;
	const struct table *t;
	const struct filter *f;
	const struct cube *q;
	int report_month;
	bool *absent;             /* [region]: flagged no-presence */
};

static bool region_selected(const struct filter *f, size_t r)
{
	return filter_has_region(f, (int)r);
}

static bool type_selected(const struct filter *f, size_t ty)
{
	return filter_has_type(f, (int)ty);
}

/* The filter looks at the whole response (regions and period aside). */
static bool whole_response(const struct filter *f)
{
	return !filter_limits_types(f) && !f->npartners && !f->statuses && !f->text[0];
}

/* A monthly sum that starts after January is a part of the year: it cannot
 * be measured against a yearly target. */
static bool whole_year(const struct filter *f, const struct config *c)
{
	return f->from_month < 0 || c->mode == MODE_CUMULATIVE ||
	       (c->plan_year > 0 && f->from_month <= month_index(c->plan_year, 1));
}

static int64_t need_or_target(const struct region *re)
{
	return re->in_need > 0 ? re->in_need : re->targeted;
}

static void period_words(const struct filter *f, char *buf, size_t size)
{
	char a[FMT_MONTH_SIZE], b[FMT_MONTH_SIZE];
	buf[0] = '\0';
	if (f->from_month >= 0)
		fmt_month(f->from_month, a);
	if (f->to_month >= 0)
		fmt_month(f->to_month, b);
	if (f->from_month >= 0 && f->to_month >= 0)
		snprintf(buf, size, _(" in %s..%s"), a, b);
	else if (f->from_month >= 0)
		snprintf(buf, size, _(" since %s"), a);
	else if (f->to_month >= 0)
		snprintf(buf, size, _(" up to %s"), b);
}

/* ---- no presence --------------------------------------------------------- */

/* Rule 13: a row with no organisation is presence of nobody. */
static uint32_t partners_active(const struct measure *m)
{
	return m->active - m->active_unnamed;
}

/* What stands in for a partner where none is active — `inactive` rows
 * (planned or suspended), rows naming no organisation — in parentheses;
 * "" when there is nothing. */
static void absence_words(const struct measure *m, uint32_t inactive, const char *inactive_words,
                          char *buf, size_t size)
{
	char n1[32];
	int w = 0;
	buf[0] = '\0';
	if (inactive)
		w = snprintf(buf, size, " (%u %s", inactive, inactive_words);
	if (m->active_unnamed)
		w += snprintf(buf + w, size - (size_t)w, _("%s%s row%s with no organisation report%s "
		              "people there"), w ? "; " : " (", fmt_int(m->active_unnamed, n1),
		              m->active_unnamed == 1 ? "" : "s", m->active_unnamed == 1 ? "s" : "");
	if (w)
		snprintf(buf + w, size - (size_t)w, ")");
}

static void rule_no_presence(struct ctx *x)
{
	if (!whole_response(x->f))
		return;
	char n1[32], when[48], instead[160];
	period_words(x->f, when, sizeof when);
	for (size_t r = 0; r < x->c->nregions; r++) {
		const struct region *re = &x->c->regions[r];
		const struct measure *m = &x->q->region[r];
		if (!region_selected(x->f, r) || need_or_target(re) <= 0 || partners_active(m) > 0)
			continue;
		x->absent[r] = true;
		absence_words(m, m->activities - m->active, _("activities planned or suspended only"),
		              instead, sizeof instead);
		gap_list_add(x->g, GAP_NO_PRESENCE, SEV_CRITICAL, (int)r, -1,
		    _("%s: %s %s, no partner %s%s%s"), re->name, fmt_int(need_or_target(re), n1),
		    re->in_need > 0 ? _("in need") : _("targeted"),
		    m->activities == m->active ? _("reporting") : _("active"), when, instead);
	}
}

/* ---- low coverage ------------------------------------------------------- */

/* Months of the plan year elapsed by the report month (0..12), or -1. */
static int months_elapsed(const struct config *c, int report_month)
{
	if (c->plan_year <= 0 || report_month < 0)
		return -1;
	int m = report_month - month_index(c->plan_year, 1) + 1;
	return m < 0 ? 0 : m > 12 ? 12 : m;
}

static enum severity coverage_severity(const struct thresholds *th, double pct)
{
	static const enum severity of_band[] = {
		[BAND_CRITICAL] = SEV_CRITICAL, [BAND_HIGH] = SEV_HIGH,
		[BAND_MEDIUM] = SEV_MEDIUM, [BAND_MET] = SEV_COUNT,
	};
	return of_band[gaps_coverage_band(th, pct)];
}

static void low_coverage(struct ctx *x, int region, const char *who, int64_t reached,
                         int64_t targeted)
{
	double pct;
	char n1[32], n2[32], p1[16], p2[16], month[FMT_MONTH_SIZE], pace[160] = "";
	if (!coverage_pct(reached, targeted, &pct))
		return;
	enum severity sev = coverage_severity(&x->c->th, pct);
	if (sev == SEV_COUNT)
		return;
	int m = months_elapsed(x->c, x->report_month);
	if (m >= 0) {
		/* reached / targeted against m / 12, in integers: no rounding at the edge */
		bool on_pace = reached * 12 >= targeted * m;
		fmt_month(x->report_month, month);
		snprintf(pace, sizeof pace, _("; %s expected by %s at an even pace — %s"),
		         fmt_pct(100.0 * m / 12.0, p2), month, on_pace ? _("on pace") : _("behind pace"));
		if (on_pace)
			sev = SEV_INFO;
	}
	gap_list_add(x->g, GAP_LOW_COVERAGE, sev, region, -1,
	    _("%s: %s reached of %s targeted (%s)%s"), who, fmt_int(reached, n1), fmt_int(targeted, n2),
	    fmt_pct(pct, p1), pace);
}

static void rule_low_coverage(struct ctx *x)
{
	if (!whole_response(x->f) || !whole_year(x->f, x->c))
		return;
	for (size_t r = 0; r < x->c->nregions; r++)
		if (region_selected(x->f, r) && !x->absent[r])
			low_coverage(x, (int)r, x->c->regions[r].name, x->q->region_dedup[r],
			             x->c->regions[r].targeted);
	if (!filter_limits_regions(x->f))
		low_coverage(x, -1, _("Plan"), x->q->total_dedup, x->q->total_targeted);
}

/* ---- missing essential service ------------------------------------------ */

/* "Case management" → "case management", but "UASC" stays. */
static void lower_first(const char *s, char *out, size_t size)
{
	snprintf(out, size, "%s", s ? s : "");
	if (out[0] >= 'A' && out[0] <= 'Z' && !(out[1] >= 'A' && out[1] <= 'Z'))
		out[0] = (char)(out[0] - 'A' + 'a');
}

static void rule_missing_service(struct ctx *x)
{
	const struct filter *f = x->f;
	if (f->npartners || f->statuses || f->text[0])
		return;
	char n1[32], label[128], instead[160];
	for (size_t r = 0; r < x->c->nregions; r++) {
		const struct region *re = &x->c->regions[r];
		if (!region_selected(f, r) || need_or_target(re) <= 0 || x->absent[r])
			continue;
		for (size_t ty = 0; ty < x->c->ntypes; ty++) {
			const struct itype *it = &x->c->types[ty];
			const struct measure *m = cube_cell(x->q, r, ty);
			if (!it->essential || !type_selected(f, ty) || partners_active(m) > 0)
				continue;
			lower_first(itype_label(it), label, sizeof label);
			absence_words(m, m->planned, _("planned"), instead, sizeof instead);
			gap_list_add(x->g, GAP_MISSING_SERVICE, SEV_HIGH, (int)r, (int)ty,
			    _("%s — %s: %s %s, no partner reporting %s%s"), re->name, it->code,
			    fmt_int(need_or_target(re), n1), re->in_need > 0 ? _("in need") : _("targeted"),
			    label, instead);
		}
	}
}

/* ---- above target / above need ------------------------------------------ */

static void above(struct ctx *x, int region, int type, const char *who, int64_t reached,
                  int64_t in_need, int64_t targeted)
{
	char n1[32], n2[32], p[16];
	double pct;
	if (in_need > 0 && reached > in_need) {
		coverage_pct(reached, in_need, &pct);
		gap_list_add(x->g, GAP_ABOVE_NEED, SEV_HIGH, region, type,
		    _("%s: %s reached, more than the %s people in need (%s) — likely double counting"),
		    who, fmt_int(reached, n1), fmt_int(in_need, n2), fmt_pct(pct, p));
	} else if (targeted > 0 && reached > targeted) {
		coverage_pct(reached, targeted, &pct);
		gap_list_add(x->g, GAP_ABOVE_TARGET, SEV_MEDIUM, region, type,
		    _("%s: %s reached, more than the %s targeted (%s) — check for double counting"),
		    who, fmt_int(reached, n1), fmt_int(targeted, n2), fmt_pct(pct, p));
	}
}

/* A part of the rows can only be smaller than the whole, so these run
 * under any filter: a part above the target means the whole is too. */
static void rule_above(struct ctx *x)
{
	char who[160];
	for (size_t r = 0; r < x->c->nregions; r++) {
		const struct region *re = &x->c->regions[r];
		if (region_selected(x->f, r))
			above(x, (int)r, -1, re->name, x->q->region_dedup[r], re->in_need, re->targeted);
	}
	if (!filter_limits_regions(x->f))
		above(x, -1, -1, _("Plan"), x->q->total_dedup, x->q->total_in_need, x->q->total_targeted);
	for (size_t ty = 0; ty < x->c->ntypes; ty++) {
		const struct itype *it = &x->c->types[ty];
		snprintf(who, sizeof who, _("All regions — %s"), it->code);
		if (!filter_limits_regions(x->f) && type_selected(x->f, ty))
			above(x, -1, (int)ty, who, x->q->type[ty].reached, CONFIG_UNKNOWN, it->targeted);
	}
}

/* ---- rows behind flags --------------------------------------------------- */

static void attach_cube_rows(struct ctx *x, size_t item, const struct cube_ref *rows, size_t n)
{
	struct rowref *refs = gap_refs_of(rows, n);
	gap_list_attach_rows(x->g, item, refs, n);
	free(refs);
}

/* ---- concentration ------------------------------------------------------- */

static void rule_concentration(struct ctx *x)
{
	const struct cube *q = x->q;
	int th = x->c->th.concentration_partners;
	unsigned need = th > 2 ? (unsigned)th : 2;   /* one partner alone is no crowd */
	char month[FMT_MONTH_SIZE];
	for (size_t k = 0; k < q->noverlaps; k++) {
		const struct overlap *o = &q->overlaps[k];
		if (o->partners < need)
			continue;
		fmt_month(o->period, month);
		struct gap *gp = gap_list_add(x->g, GAP_CONCENTRATION, SEV_MEDIUM, o->region, o->type,
		    _("%s — %s — %s: %u partners active in %s (%u or more) — coordinate, and check "
		    "the same children are not counted twice"), x->c->regions[o->region].name,
		    x->c->cercles[o->cercle].name, x->c->types[o->type].code, o->partners, month, need);
		gp->cercle = o->cercle;
		gp->month = o->period;
		gp->nrows = o->rows;           /* listed by gaps_rows when asked */
		gp->group = o->group;
	}
}

/* ---- stale reporting ----------------------------------------------------- */

/* Days since 1970 of the last day of month idx. */
static long month_end_days(int idx)
{
	struct date next = { month_year(idx + 1), month_month(idx + 1), 1 };
	return date_days(&next) - 1;
}

/* One flag per region where a partner's last report there is stale; the
 * rows behind it are that report. */
static void rule_stale(struct ctx *x)
{
	const struct cube *q = x->q;
	if (x->report_month < 0)
		return;
	long now = month_end_days(x->report_month);
	char last[FMT_MONTH_SIZE], rep[FMT_MONTH_SIZE], n1[32];
	for (size_t k = 0; k < q->npresence; k++) {
		/* per partner and region: silent in Mopti since October is stale
		 * in Mopti however busy the partner is in Gao, in the plan's list
		 * as in Mopti's */
		const struct presence *pr = &q->presence[k];
		if (pr->latest_month < 0)
			continue;
		long days = now - month_end_days(pr->latest_month);
		if (days <= x->c->th.stale_days)
			continue;
		fmt_month(pr->latest_month, last);
		fmt_month(x->report_month, rep);
		struct gap *gp = gap_list_add(x->g, GAP_STALE, SEV_MEDIUM, pr->region, -1,
		    _("%s — %s: last report %s, %s days before the end of %s (more than %d)"),
		    x->c->regions[pr->region].name, pr->partner, last, fmt_int(days, n1), rep,
		    x->c->th.stale_days);
		gp->partner = pr->partner;
		struct cube_ref *rows;
		size_t n = cube_presence_rows(q, pr, pr->latest_month, &rows);
		attach_cube_rows(x, x->g->len - 1, rows, n);
		free(rows);
	}
}

void gaps_compute(struct gap_list *g, const struct config *c,
                  const struct table *t, const struct cube *q, int report_month)
{
	gap_list_free(g);
	gap_list_init(g);
	g->q = q;
	g->generation = q->generation;
	struct ctx x = { g, c, t, &q->selection, q, report_month,
	                 xcalloc(c->nregions + 1, sizeof(bool)) };
	rule_no_presence(&x);
	rule_low_coverage(&x);
	rule_missing_service(&x);
	rule_concentration(&x);
	rule_above(&x);
	rule_stale(&x);
	gaps_quality_flag(g, c, t, q);
	free(x.absent);
	gaps_order_sort(g, c);
}

/* ---- the rows behind a flag ---------------------------------------------- */

/* The flags whose rows are found again in the cube when asked need the
 * cube as it was when they were computed. */
static void same_cube(const struct gap_list *g)
{
	if (g->q->generation != g->generation) {
		fputs(_("fourw: internal error: the rows behind a flag were asked after the cube "
		      "it came from was computed again\n"), stderr);
		abort();
	}
}

static size_t concentration_rows(const struct gap_list *g, const struct gap *p,
                                 struct rowref **out)
{
	same_cube(g);
	struct cube_ref *rows;
	struct overlap o = { .group = p->group };
	size_t n = cube_overlap_rows(g->q, &o, &rows);
	*out = gap_refs_of(rows, n);
	free(rows);
	gap_sort_refs(*out, n);
	return n;
}

size_t gaps_rows(const struct gap_list *g, size_t i, struct rowref **out)
{
	const struct gap *p = &g->items[i];
	if (p->kind == GAP_CONCENTRATION)
		return concentration_rows(g, p, out);
	if (p->kind == GAP_DATA_QUALITY && !p->rows && p->nrows) {
		same_cube(g);
		return gaps_quality_rows(g, p, out);
	}
	*out = xmalloc((p->nrows + 1) * sizeof **out);
	if (p->nrows)
		memcpy(*out, p->rows, p->nrows * sizeof **out);
	return p->nrows;
}

bool gaps_figure_of(const struct gap *g, int *region, int *type)
{
	if (g->kind != GAP_LOW_COVERAGE && g->kind != GAP_ABOVE_TARGET && g->kind != GAP_ABOVE_NEED)
		return false;
	*region = g->region;
	*type = g->type;
	return true;
}

size_t gaps_rows_behind(const struct gap_list *g, size_t i)
{
	int region, type;
	if (!gaps_figure_of(&g->items[i], &region, &type))
		return g->items[i].nrows;
	same_cube(g);
	return cube_rows_count(g->q, region, type);
}
