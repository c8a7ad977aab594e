/* view_regions: the overview — one line per region with its key, need,
 * target, reach (without double counting), coverage, partners and worst
 * flag, then the total.  Enter opens the region in the matrix. */
#include <stdio.h>

#include "app.h"
#include "views.h"
#include "draw.h"
#include "fmt.h"
#include "gazetteer.h"
#include "layout.h"
#include "i18n.h"

enum { C_KEY, C_NAME, C_NEED, C_TARGET, C_REACHED, C_BAR, C_PCT, C_PARTNERS, C_FLAG, C_N };

static const struct layout_col cols[C_N] = {
	[C_KEY] = { 3, 3 }, [C_NAME] = { 12, 20 }, [C_NEED] = { 8, 9 },
	[C_TARGET] = { 8, 9 }, [C_REACHED] = { 9, 10 }, [C_BAR] = { 10, 30 },
	[C_PCT] = { 9, 9 }, [C_PARTNERS] = { 8, 8 }, [C_FLAG] = { 4, 6 },
};

struct line {                 /* what one line shows */
	int key;
	const char *name;
	int64_t need, target, reached;
	uint32_t partners;
	enum severity flag;
};

static int count(const struct app *a)
{
	int regs[64];
	return app_visible_regions(a, regs) + 1;
}

static const char *figure(int64_t v, char *buf)
{
	return v >= 0 ? fmt_short(v, buf) : "?";
}

static void draw_heading(int y, const int *x, const int *w)
{
	static const char *const names[C_N] = { NC_("column", "Key"), NC_("column", "Region"),
		NC_("column", "In need"), NC_("column", "Targeted"), NC_("column", "Reached"),
		NC_("column", "Coverage of target"), "%", NC_("column", "Partners"), NC_("column", "Flag") };
	for (int c = 0; c < C_N; c++)
		if (w[c])
			draw_cell(y, x[c], w[c], i18n_column(names[c]), c >= C_NEED && c != C_BAR && c != C_FLAG,
			          ROLE_COLHEAD);
}

static void draw_line(const struct app *a, int y, const int *x, const int *w,
                      const struct line *l, bool selected)
{
	char b[32], k[4] = { (char)(l->key ? l->key : ' '), 0 };
	enum role base = selected ? ROLE_SELECTED : ROLE_NORMAL;
	double pct;

	draw_fill(y, x[0], x[C_N - 1] + w[C_N - 1] - x[0], base);
	draw_cell(y, x[C_KEY], w[C_KEY], k, false, selected ? base : ROLE_KEY);
	draw_cell(y, x[C_NAME], w[C_NAME], l->name, false, base);
	draw_cell(y, x[C_NEED], w[C_NEED], figure(l->need, b), true, base);
	draw_cell(y, x[C_TARGET], w[C_TARGET], figure(l->target, b), true, base);
	draw_cell(y, x[C_REACHED], w[C_REACHED], fmt_short(l->reached, b), true,
	          selected ? base : ROLE_FIGURE);
	if (coverage_pct(l->reached, l->target, &pct)) {
		enum role cr = draw_coverage_role(pct, &a->cfg->th);
		draw_bar(y, x[C_BAR], w[C_BAR], pct, cr);
		draw_cell(y, x[C_PCT], w[C_PCT], fmt_pct(pct, b), true, selected ? base : cr);
	} else {
		draw_cell(y, x[C_BAR], w[C_BAR], _("no target"), false, ROLE_DIM);
	}
	snprintf(b, sizeof b, "%u", l->partners);
	draw_cell(y, x[C_PARTNERS], w[C_PARTNERS], b, true, base);
	if (w[C_FLAG])
		draw_cell(y, x[C_FLAG] + 1, w[C_FLAG] - 1, draw_glyphs()->sev[l->flag], false,
		          selected ? base : draw_severity_role(l->flag));
}

static void total_line(const struct app *a, struct line *l)
{
	int r = app_single_region(a);

	*l = (struct line){ 0, r >= 0 ? "Total (this region)"
	                       : filter_limits_regions(&a->filter) ? _("Total (selected)") : _("Total (plan)"),
		a->cube.total_in_need, a->cube.total_targeted,
		a->cube.total_dedup, a->cube.total.partners, SEV_COUNT };
	for (size_t i = 0; i < a->gaps.len; i++)
		if (a->gaps.items[i].severity < l->flag)
			l->flag = a->gaps.items[i].severity;
}

/* Nothing under the filter: say so, and where the typed text looks like
 * a region's name, which one ("sgeou": did you mean Ségou?). */
static void empty_message(const struct app *a, int y, int x, int w)
{
	char names[160] = "", buf[256];
	if (a->filter.text[0])
		gazetteer_suggest_region(a->cfg, a->filter.text, names, sizeof names);
	snprintf(buf, sizeof buf, _("No region has rows under this filter%s%s%s (c clears it)."),
	         *names ? " — did you mean " : "", names, *names ? "?" : "");
	draw_text(y, x, w, buf, ROLE_DIM);
}

static void draw(struct app *a, struct view *v, int y, int x0, int h, int w)
{
	int regs[64], n = app_visible_regions(a, regs), wd[C_N], x[C_N];
	struct line l;

	layout_columns(cols, C_N, w - 2, 1, wd);
	x[0] = x0 + 1;
	for (int c = 1; c < C_N; c++)
		x[c] = x[c - 1] + wd[c - 1] + 1;
	draw_heading(y, x, wd);
	if (n == 0) {             /* no total under a message saying there are no rows */
		empty_message(a, y + 2, x0 + 2, w - 4);
		return;
	}
	for (int i = v->top; i < n + 1 && i - v->top < h - 2; i++) {
		int row = y + 1 + (i - v->top);
		if (i < n) {
			const struct region *g = &a->cfg->regions[regs[i]];
			l = (struct line){ layout_region_key(a->cfg, regs[i]), g->name, g->in_need,
				g->targeted, a->cube.region_dedup[regs[i]], a->cube.region[regs[i]].partners,
				app_worst_flag(a, regs[i], -1) };
		} else {
			total_line(a, &l);
			row++;            /* a blank line sets the total apart */
		}
		draw_line(a, row, x, wd, &l, i == v->sel);
	}
}

static enum handled act(struct app *a, struct view *v, enum action act)
{
	int regs[64], n = app_visible_regions(a, regs);

	if (act != ACT_ENTER)
		return H_IGNORED;
	app_push(a);
	if (v->sel < n) {
		struct filter f = a->filter;
		filter_only_region(&f, regs[v->sel]);
		app_set_filter(a, &f);
	}
	app_show_from_top(a, VIEW_MATRIX);
	return H_HANDLED;
}

const struct view_ops view_regions_ops = { N_("Regions"), ACT_VIEW_REGIONS, draw, count, act };
