/* changes: the "what changed" mode's figures kept with the app, and its
 * words. */
#include "changes.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "fmt.h"
#include "gap.h"
#include "i18n.h"
#include "mask.h"
#include "shown.h"

/* The saved report with --compare, else the previous month's figures. */
static const struct baseline *against(const struct app *a)
{
	return a->opt.saved ? a->opt.saved : &a->before;
}

/* The previous month's figures and the trend for f: seven cubes at a
 * million rows take a good part of a second, so they are kept while only
 * the regions picked change (each region's line is already there). */
static void earlier_figures(struct app *a, const struct filter *f)
{
	if (a->changes_ready && memcmp(f, &a->changes_for, sizeof *f) == 0)
		return;
	if (!a->opt.saved) {
		struct cube q;
		cube_init(&q);
		if (delta_compute_before(&q, a->index, a->cfg, f, a->report_month))
			baseline_from_cube(&a->before, a->cfg, &q);
		else
			baseline_free(&a->before);
		cube_free(&q);
	}
	trend_compute(&a->trend, a->index, a->cfg, f, a->report_month);
	a->changes_for = *f;
	a->changes_ready = true;
}

void changes_recompute(struct app *a, const struct cube *shown)
{
	if (!a->delta_on)
		return;
	struct filter f = a->filter;
	filter_clear_regions(&f);   /* every region's line is compared, picked or not */
	earlier_figures(a, &f);
	change_list_free(&a->changes);
	if (against(a)->region)
		compare_changes(against(a), a->cfg, shown, &a->changes);
}

void changes_toggle(struct app *a, const struct cube *shown)
{
	char since[96];
	a->delta_on = !a->delta_on;
	if (!a->delta_on) {
		changes_free(a);
		snprintf(a->status, sizeof a->status, "%s", _("figures as they stand"));
		return;
	}
	changes_recompute(a, shown);
	changes_since(a, since, sizeof since);
	if (!against(a)->region)
		snprintf(a->status, sizeof a->status, "%s",
		         _("no earlier month in the sheets to compare with"));
	else
		snprintf(a->status, sizeof a->status,
		         _("%s: each figure shows its change (d: back to the figures)"), since);
}

void changes_free(struct app *a)
{
	a->changes_ready = false;
	baseline_free(&a->before);
	trend_free(&a->trend);
	change_list_free(&a->changes);
}

void changes_since(const struct app *a, char *buf, size_t size)
{
	char month[FMT_MONTH_SIZE];
	if (a->opt.saved) {
		const char *base = strrchr(a->opt.saved_name, '/');
		snprintf(buf, size, _("Δ since %s"), base ? base + 1 : a->opt.saved_name);
		return;
	}
	snprintf(buf, size, _("Δ since %s"), fmt_month(delta_previous_month(a->report_month), month));
}

const char *changes_words(int64_t d, bool short_form, char *buf)
{
	char n[32];
	int64_t mag = d < 0 ? -d : d;
	if (d == 0)
		return strcpy(buf, "= 0");
	snprintf(buf, 48, "%s %s", d > 0 ? "▲" : "▼", short_form ? fmt_short(mag, n) : fmt_int(mag, n));
	return buf;
}

const char *changes_points(double pp, bool whole, char *buf)
{
	char n[16];
	/* the tenths shown decide the sign: +0.03 points reads "= 0.0" */
	if (fabs(pp) < 0.05)
		return strcpy(buf, i18n_french() ? "= 0,0" : "= 0.0");
	if (whole)
		fmt_pct_whole(fabs(pp), n);
	else
		fmt_pct(fabs(pp), n);
	size_t len = strlen(n);   /* the figure without its "%" (points, not percent) */
	while (len > 0 && (n[len - 1] < '0' || n[len - 1] > '9'))
		n[--len] = '\0';
	snprintf(buf, 48, "%s %s", pp > 0 ? "▲" : "▼", n);
	return buf;
}

const struct base_figures *changes_region_before(const struct app *a, int r)
{
	const struct baseline *b = against(a);
	if (!a->delta_on || !b->region || r < 0 || (size_t)r >= b->nregions || !b->region[r].listed)
		return NULL;
	return &b->region[r];
}

const struct base_figures *changes_cell_before(const struct app *a, int r, int t)
{
	const struct baseline *b = against(a);
	if (!changes_region_before(a, r) || t < 0 || (size_t)t >= b->ntypes)
		return NULL;
	return baseline_cell(b, (size_t)r, (size_t)t);
}

const struct base_figures *changes_total_before(const struct app *a)
{
	const struct baseline *b = against(a);
	if (!a->delta_on || !b->region || filter_limits_regions(&a->filter) || !b->total.listed)
		return NULL;
	return &b->total;
}

const struct base_figures *changes_whole_before(const struct app *a)
{
	const struct baseline *b = against(a);
	return a->delta_on && b->region && b->total.listed ? &b->total : NULL;
}

void changes_trend_bars(const struct app *a, int r, char *buf, size_t size)
{
	static const char *const bars[8] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	const struct trend *tr = &a->trend;
	int64_t top = 0;
	size_t used = 0;
	buf[0] = '\0';
	if (!a->delta_on || tr->last_month < 0 || r < 0 || (size_t)r >= tr->nregions)
		return;
	for (int k = 0; k < TREND_MONTHS; k++)
		if (trend_at(tr, (size_t)r, k) > top)
			top = trend_at(tr, (size_t)r, k);
	for (int k = 0; k < TREND_MONTHS && used + 4 < size; k++) {
		int64_t v = trend_at(tr, (size_t)r, k);
		/* nothing yet is a space, so a first figure stands out */
		const char *bar = v <= 0 || top <= 0 ? " " : bars[v * 7 / top];
		used += (size_t)snprintf(buf + used, size - used, "%s", bar);
	}
}

const char *changes_people(const struct app *a, int64_t now, int64_t before, bool short_form,
                           char *buf)
{
	int below = a->cfg->share.mask_below;
	if (!shown_masking(a))
		return changes_words(now - before, short_form, buf);
	if (mask_hides(now, below) || mask_hides(before, below))
		return mask_count(now ? now : before, below, buf);
	return changes_words(mask_total(now, true) - mask_total(before, true), short_form, buf);
}

/* One change in words, without its region: the core's, a reached figure
 * the screen's way ("▲ 3,500"). */
static void change_words(const struct app *a, const struct change *c, char *buf, size_t size)
{
	char d[48];
	if (c->kind == CHANGE_REACHED)
		snprintf(buf, size, "%s", changes_people(a, c->now, c->before, false, d));
	else
		compare_words(c, a->cfg, buf, size);
}

void changes_summary(const struct app *a, int r, char *buf, size_t size)
{
	char since[96], word[160];
	int last = -1;
	size_t used;
	changes_since(a, since, sizeof since);
	used = (size_t)snprintf(buf, size, "%s:", since);
	for (size_t i = 0; i < a->changes.len && used + 8 < size; i++) {
		const struct change *c = &a->changes.items[i];
		if (r >= 0 && c->region != r)
			continue;
		change_words(a, c, word, sizeof word);
		int n = c->region == last
		      ? snprintf(buf + used, size - used, " · %s", word)
		      : snprintf(buf + used, size - used, "  %s %s", a->cfg->regions[c->region].name, word);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
		last = c->region;
	}
	if (last < 0)
		snprintf(buf + used, size - used, " %s", _("nothing changed"));
}
