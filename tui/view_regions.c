/* view_regions: the overview — one line per region with its key, need,
 * target, reach (without double counting), coverage, partners and worst
 * flag, then the total.  With regions picked (a region key, r, /name) the
 * table stays whole so the room keeps the comparison: the picked regions
 * stand out, the others are drawn as they were (redrawing them dimmed
 * would cost a slow link a kilobyte a key), and below the table one
 * picked region's types are listed.  Enter opens the region in the matrix. */
#include <stdio.h>

#include "app.h"
#include "changes.h"
#include "views.h"
#include "draw.h"
#include "fmt.h"
#include "gazetteer.h"
#include "i18n.h"
#include "layout.h"
#include "shown.h"
#include "wrap.h"
#include "i18n.h"

enum { C_KEY, C_NAME, C_NEED, C_TARGET, C_REACHED, C_TREND, C_BAR, C_PCT, C_PARTNERS, C_FLAG,
       C_N };

/* Minimum widths hold every heading and figure whole ("Targeted",
 * "111.4%", "Total (plan)"); on a narrow screen columns go in layout.c's
 * drop order. */
static const struct layout_col cols[C_N] = {
	[C_KEY] = { 3, 3, LF_KEEP }, [C_NAME] = { 12, 20, LF_KEEP }, [C_NEED] = { 7, 9, LF_NEED },
	[C_TARGET] = { 8, 9, LF_TARGET }, [C_REACHED] = { 7, 10, LF_KEEP },
	[C_TREND] = { 0, 0, LF_TREND },       /* what changed: TREND_MONTHS wide (columns_now) */
	[C_BAR] = { 8, 30, LF_BAR },
	[C_PCT] = { 6, 9, LF_KEEP }, [C_PARTNERS] = { 8, 8, LF_PARTNERS }, [C_FLAG] = { 4, 6, LF_KEEP },
};

struct line {                 /* what one line shows */
	int key;
	const char *name;
	int64_t need, target, reached;
	uint32_t partners;
	enum severity flag;
	enum role name_role;      /* picked regions stand out */
	bool sums_masked;         /* reached is over a count masked on screen (shown.h) */
	int region;               /* -1: the total */
	const struct base_figures *before;   /* what changed: the figures compared with */
};

static int count(const struct app *a)
{
	int regs[64];
	return app_compared_regions(a, regs) + 1;
}

static const char *figure(int64_t v, char *buf)
{
	return v >= 0 ? fmt_short(v, buf) : "?";
}

/* The columns for this screen: in the what-changed mode the trend has its
 * width (its place in the drop order is layout.c's). */
static void columns_now(const struct app *a, struct layout_col *out)
{
	for (int c = 0; c < C_N; c++)
		out[c] = cols[c];
	if (a->delta_on)
		out[C_TREND].min = out[C_TREND].want = TREND_MONTHS;
}

static void draw_heading(const struct app *a, int y, const int *x, const int *w)
{
	static const char *const names[C_N] = { NC_("column", "Key"), NC_("column", "Region"),
		NC_("column", "In need"), NC_("column", "Targeted"), NC_("column", "Reached"),
		NC_("column", "Trend"), NC_("column", "Coverage of target"), "%",
		NC_("column", "Partners"), NC_("column", "Flag") };
	/* what changed: the figures that move say so in their heading */
	static const char *const changed[C_N] = { [C_REACHED] = NC_("column", "Δ reached"),
		[C_PCT] = NC_("column", "Δ pts"), [C_PARTNERS] = NC_("column", "Δ partn.") };
	for (int c = 0; c < C_N; c++) {
		const char *h = i18n_column(names[c]);
		if (a->delta_on && changed[c] && format_width(i18n_column(changed[c]), draw_ascii()) <= w[c])
			h = i18n_column(changed[c]);   /* else the title bar's "Δ since" says it */
		if (w[c])
			draw_cell(y, x[c], w[c], c == C_BAR && w[c] < 18 ? _("Coverage") : h,
			          c >= C_NEED && c != C_BAR && c != C_FLAG && c != C_TREND, ROLE_COLHEAD);
	}
}

/* What changed: reached, coverage in points and partners against l->before
 * in place of the figures themselves ("▲ 3,500", "▲ 10.0", "▲ 1"). */
static void draw_changes(const struct app *a, int y, const int *x, const int *w,
                         const struct line *l, enum role base)
{
	const struct base_figures *b = l->before;
	char d[48], bars[64];
	double pp;
	if (l->region >= 0) {
		changes_trend_bars(a, l->region, bars, sizeof bars);
		draw_cell(y, x[C_TREND], w[C_TREND], bars, false, base == ROLE_SELECTED ? base : ROLE_FIGURE);
	}
	if (!b) {   /* the earlier figures do not list it */
		draw_cell(y, x[C_REACHED], w[C_REACHED], draw_glyphs()->none, true, ROLE_DIM);
		return;
	}
	changes_people(a, l->reached, b->dedup, false, d);
	if (format_width(d, draw_ascii()) > w[C_REACHED])
		changes_people(a, l->reached, b->dedup, true, d);
	draw_cell(y, x[C_REACHED], w[C_REACHED], d, true, base == ROLE_SELECTED ? base : ROLE_FIGURE);
	if (delta_coverage_points(l->reached, b->dedup, l->target, &pp)) {
		if (format_width(changes_points(pp, false, d), draw_ascii()) > w[C_PCT])
			changes_points(pp, true, d);
		draw_cell(y, x[C_PCT], w[C_PCT], d, true, base);
	}
	changes_words((int64_t)l->partners - (int64_t)b->partners, false, d);
	draw_cell(y, x[C_PARTNERS], w[C_PARTNERS], d, true, base);
}

static void draw_line(const struct app *a, int y, const int *x, const int *w,
                      const struct line *l, bool selected)
{
	char b[32], k[4] = { (char)(l->key ? l->key : ' '), 0 };
	enum role base = selected ? ROLE_SELECTED : ROLE_NORMAL;
	double pct;
	int64_t reached = shown_value(a, l->reached, l->sums_masked);

	draw_fill(y, x[0], layout_positions(w, C_N, x[0], 1, NULL) - x[0], base);
	draw_cell(y, x[C_KEY], w[C_KEY], k, false, selected ? base : ROLE_KEY);
	draw_cell(y, x[C_NAME], w[C_NAME], l->name, false, selected ? base : l->name_role);
	draw_cell(y, x[C_NEED], w[C_NEED], figure(l->need, b), true, base);
	draw_cell(y, x[C_TARGET], w[C_TARGET], figure(l->target, b), true, base);
	draw_cell(y, x[C_REACHED], w[C_REACHED], shown_count(a, l->reached, l->sums_masked, false, b),
	          true, selected ? base : ROLE_FIGURE);
	if (coverage_pct(reached, l->target, &pct)) {
		enum role cr = draw_coverage_role(pct, &a->cfg->th);
		draw_bar(y, x[C_BAR], w[C_BAR], pct, cr);
		/* whole, or without its tenths where they do not fit (French "111,4 %") */
		if (format_width(fmt_pct(pct, b), draw_ascii()) > w[C_PCT])
			fmt_pct_whole(pct, b);
		draw_cell(y, x[C_PCT], w[C_PCT], b, true, selected ? base : cr);
	} else if (w[C_BAR]) {
		draw_cell(y, x[C_BAR], w[C_BAR], _("no target"), false, ROLE_DIM);
	} else {
		draw_cell(y, x[C_PCT], w[C_PCT], draw_glyphs()->none, true, ROLE_DIM);   /* no target */
	}
	snprintf(b, sizeof b, "%u", l->partners);
	draw_cell(y, x[C_PARTNERS], w[C_PARTNERS], b, true, base);
	if (a->delta_on)
		draw_changes(a, y, x, w, l, base);
	if (w[C_FLAG])
		draw_cell(y, x[C_FLAG] + 1, w[C_FLAG] - 1, draw_glyphs()->sev[l->flag], false,
		          selected ? base : draw_severity_role(l->flag));
}

/* The total of what the table lists: with regions picked, of every
 * region (the picked one's own figures are on its line and in the header),
 * its flag the plan's worst, as the Flag column's are. */
static void total_line(const struct app *a, struct line *l)
{
	const struct cube *q = app_comparison(a);
	const struct gap_list *gl = filter_limits_regions(&a->filter) ? &a->base_gaps : &a->gaps;

	*l = (struct line){ 0, q == &a->base ? _("Total (plan)") : _("Total (all regions)"),
		q->total_in_need, q->total_targeted, q->total_dedup, q->total.partners, SEV_COUNT,
		ROLE_NORMAL, shown_cells_masked(a, q, -1, -1), -1, changes_whole_before(a) };
	for (size_t i = 0; i < gl->len; i++)
		if (gl->items[i].severity < l->flag)
			l->flag = gl->items[i].severity;
}

static void region_line(const struct app *a, int r, struct line *l)
{
	const struct region *g = &a->cfg->regions[r];
	const struct cube *q = filter_has_region(&a->filter, r) ? &a->cube : app_comparison(a);
	enum role name = filter_limits_regions(&a->filter) && filter_has_region(&a->filter, r)
	               ? ROLE_FILTER : ROLE_NORMAL;

	*l = (struct line){ layout_region_key(a->cfg, r), g->name, g->in_need, g->targeted,
		q->region_dedup[r], q->region[r].partners, app_worst_flag(a, r, -1), name,
		shown_cells_masked(a, q, r, -1), r, changes_region_before(a, r) };
}

/* One type of the picked region: "GC 1.03k ▲", "ENA — ▲" where no
 * partner works on it and a gap rule says so; nothing for a type with no
 * row and no flag. */
static size_t type_words(const struct app *a, int r, int t, char *buf, size_t size)
{
	const struct measure *m = cube_cell(&a->cube, (size_t)r, (size_t)t);
	enum severity s = gaps_worst_for_cell(&a->gaps, r, t);
	bool none = gaps_no_partner(&a->gaps, r, t) != SEV_COUNT;
	char n[32];

	if (m->activities == 0 && !none && s == SEV_COUNT)
		return 0;
	int used = snprintf(buf, size, "%s %s%s%s", a->cfg->types[t].code,
	                    none || m->activities == 0 ? draw_glyphs()->none : fmt_short(m->reached, n),
	                    s == SEV_COUNT ? "" : " ", s == SEV_COUNT ? "" : draw_glyphs()->sev[s]);
	return used > 0 && (size_t)used < size ? (size_t)used : 0;
}

/* Below the table, the one picked region's types, as many lines as fit:
 * "Ségou by type: GC 1.03k · PSS 10.6k ● · …" (M lists them in full). */
static void picked_types(const struct app *a, int y, int x, int h, int w)
{
	int r = app_single_region(a);
	char buf[1536], word[96];
	size_t used;

	if (r < 0 || h < 1)
		return;
	used = (size_t)snprintf(buf, sizeof buf, _("%s by type (M: the full list):"),
	                        a->cfg->regions[r].name);
	for (size_t t = 0; t < a->cfg->ntypes && used < sizeof buf; t++) {
		size_t n = type_words(a, r, (int)t, word, sizeof word);
		if (n && used + n + 8 < sizeof buf)
			used += (size_t)snprintf(buf + used, sizeof buf - used, "%s %s",
			                         used > 0 && buf[used - 1] == ':' ? "" : "  ", word);
	}
	wrap_draw(y, x, w, h, buf, ROLE_LABEL);
}

/* Below the table in the what-changed mode: the changes in words, the
 * picked region's alone when one is picked. */
static void changed_lines(const struct app *a, int y, int x, int h, int w)
{
	char buf[2048];
	if (h < 1)
		return;
	changes_summary(a, app_single_region(a), buf, sizeof buf);
	wrap_draw(y, x, w, h, buf, ROLE_LABEL);
}

/* Nothing under the filter: say so, and where the typed text looks like
 * a region's name, which one ("sgeou": did you mean Ségou?). */
static void empty_message(const struct app *a, int y, int x, int w)
{
	char names[160] = "", question[200], buf[256];
	if (a->filter.text[0])
		gazetteer_suggest_region(a->cfg, a->filter.text, names, sizeof names);
	snprintf(buf, sizeof buf, _("No region has rows under this filter%s (c clears it)."),
	         gazetteer_did_you_mean(names, question, sizeof question));
	draw_text(y, x, w, buf, ROLE_DIM);
}

static void draw(struct app *a, struct view *v, int y, int x0, int h, int w)
{
	int regs[64], n = app_compared_regions(a, regs), wd[C_N], x[C_N], row = y;
	struct layout_col now[C_N];
	struct line l;

	columns_now(a, now);
	v->left = layout_table(now, C_N, C_NEED, w - 2, 1, v->left, wd);   /* key, name stay */
	layout_positions(wd, C_N, x0 + 1, 1, x);
	draw_heading(a, y, x, wd);
	if (n == 0) {   /* no total under a message saying there are no rows */
		empty_message(a, y + 2, x0 + 2, w - 4);
		return;
	}
	for (int i = v->top; i < n + 1 && i - v->top < h - 2; i++) {
		row = y + 1 + (i - v->top);
		if (i < n) {
			region_line(a, regs[i], &l);
		} else {
			total_line(a, &l);
			row++;            /* a blank line sets the total apart */
		}
		draw_line(a, row, x, wd, &l, i == v->sel);
	}
	if (a->delta_on)
		changed_lines(a, row + 2, x0 + 1, y + h - row - 2, w - 2);
	else
		picked_types(a, row + 2, x0 + 1, y + h - row - 2, w - 2);
}

static enum handled act(struct app *a, struct view *v, enum action act)
{
	int regs[64], n = app_compared_regions(a, regs);

	if (act == ACT_LEFT || act == ACT_RIGHT) {   /* a narrow screen's dropped columns */
		v->left += act == ACT_RIGHT ? 1 : v->left > 0 ? -1 : 0;
		return H_HANDLED;
	}
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
