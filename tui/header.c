/* header: the lines that never scroll away — key figures, counting method,
 * coverage, filters and freshness on top; view tabs; keys at the bottom —
 * and the two overlays, pickers and the type-to-filter line. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "fmt.h"
#include "format.h"
#include "layout.h"

/* Draws "label value" pairs left to right; returns the new x. */
static int pair(int y, int x, int right, const char *label, const char *value, enum role vr)
{
	x += draw_text(y, x, right - x, label, ROLE_LABEL);
	x += draw_text(y, x, right - x, " ", ROLE_NORMAL);
	x += draw_text(y, x, right - x, value, vr);
	return x + draw_text(y, x, right - x, "   ", ROLE_NORMAL);
}

static const char *short_or_unknown(int64_t v, char *buf)
{
	return v >= 0 ? fmt_short(v, buf) : strcpy(buf, "unknown");
}

/* Need and target of what is shown: the selected region's own, else the
 * plan's.  The scope is always named so nobody mistakes one for the other. */
/* The denominators are the core's (cube.total_in_need/targeted: the plan's,
 * or with a region filter the selected regions' own), so the header and
 * `fourw report` with the same filter always agree. */
static void scope_figures(const struct app *a, const char **scope, int64_t *need, int64_t *target)
{
	int r = app_single_region(a);

	*scope = r >= 0 ? a->cfg->regions[r].name
	       : filter_limits_regions(&a->filter) ? "Selected regions" : "Plan";
	*need = a->cube.total_in_need;
	*target = a->cube.total_targeted;
}

static void line_title(const struct app *a, int w)
{
	char buf[256], month[16];

	draw_fill(0, 0, w, ROLE_TITLE);
	snprintf(buf, sizeof buf, " report month %s ", format_month(a->report_month, month));
	int bw = format_width(buf, draw_ascii());
	draw_text(0, w - bw, bw, buf, ROLE_TITLE);
	snprintf(buf, sizeof buf, " fourw %s %s", draw_glyphs()->vline,
	         a->cfg->plan_name ? a->cfg->plan_name : "4W coverage");
	draw_text(0, 0, w - bw - 1, buf, ROLE_TITLE);
}

static void line_figures(const struct app *a, int w)
{
	const char *scope;
	int64_t need, target;
	char b[32];
	int x = 1;

	scope_figures(a, &scope, &need, &target);
	x += draw_text(1, x, w - x, scope, ROLE_FILTER);
	x += draw_text(1, x, w - x, ":  ", ROLE_NORMAL);
	x = pair(1, x, w, "In need", short_or_unknown(need, b), ROLE_FIGURE);
	x = pair(1, x, w, "Targeted", short_or_unknown(target, b), ROLE_FIGURE);
	x = pair(1, x, w, "Reached", fmt_int(a->cube.total_dedup, b), ROLE_FIGURE);
	pair(1, x, w, "Simple sum", fmt_int(a->cube.total.reached, b), ROLE_NORMAL);
}

static void line_method(const struct app *a, int w)
{
	char buf[256];

	snprintf(buf, sizeof buf, " Reached = without double counting (largest type per cercle)%s%s",
	         w >= 90 ? "; simple sum = all rows added" : "",
	         w < 120 ? "" : a->cfg->mode == MODE_CUMULATIVE ? "; cumulative: each line's latest report"
	                                                        : "; monthly reports added up");
	draw_text(2, 0, w, buf, ROLE_DIM);
}

/* "Target ▕███░░▏ 51.5%" or "Target: no target"; returns the new x. */
static int coverage(const struct app *a, int x, int right, const char *label,
                    int64_t denom, const char *missing)
{
	char pct_s[16];
	double pct;

	x += draw_text(3, x, right - x, label, ROLE_LABEL);
	x += draw_text(3, x, right - x, " ", ROLE_NORMAL);
	if (!coverage_pct(a->cube.total_dedup, denom, &pct))
		return x + 3 + draw_text(3, x, right - x, missing, ROLE_WARN);
	int bw = right > 140 ? 24 : right >= 100 ? 12 : 8;
	draw_bar(3, x, bw, pct, draw_coverage_role(pct, &a->cfg->th));
	x += bw + 1;
	x += draw_text(3, x, right - x, fmt_pct(pct, pct_s), ROLE_FIGURE);
	return x + 3;
}

static void line_coverage(const struct app *a, int w)
{
	const char *scope;
	int64_t need, target;
	char r[32], q[32], p[16], buf[128];
	double pct;

	scope_figures(a, &scope, &need, &target);
	int x = coverage(a, 1, w, "Coverage of target", target, "no target");
	x = coverage(a, x, w, "of need", need, "no figure for need");
	if (a->cfg->funding_requested <= 0 || a->cfg->funding_received < 0)
		return;
	coverage_pct(a->cfg->funding_received, a->cfg->funding_requested, &pct);
	snprintf(buf, sizeof buf, "%s of %s USD (%s)", fmt_short(a->cfg->funding_received, r),
	         fmt_short(a->cfg->funding_requested, q), fmt_pct(pct, p));
	pair(3, x, w, "Funding", buf, ROLE_NORMAL);
}

static void line_filters(const struct app *a, int w)
{
	char desc[256], buf[256], n1[32], month[16];
	size_t rejects = a->tab->diags.rejects;
	int x = 1;

	filter_describe(&a->filter, a->cfg, desc, sizeof desc);
	x += draw_text(4, x, w - x, "Filter: ", ROLE_LABEL);
	x += draw_text(4, x, w / 2 - x, desc, filter_is_empty(&a->filter) ? ROLE_NORMAL : ROLE_FILTER);
	snprintf(buf, sizeof buf, "   %zu sheet%s %s %s rows %s latest %s", a->tab->nsources,
	         a->tab->nsources == 1 ? "" : "s", draw_glyphs()->bullet, fmt_int((int64_t)a->tab->len, n1), draw_glyphs()->bullet,
	         format_month(a->tab->latest_month, month));
	x += draw_text(4, x, w - x, buf, ROLE_NORMAL);
	if (rejects == 0)
		return;
	snprintf(buf, sizeof buf, " %s %zu rejected row%s (x) ", draw_glyphs()->warn, rejects,
	         rejects == 1 ? "" : "s");
	draw_text(4, x + 3, w - x - 3, buf, ROLE_WARN);
}

void header_draw(struct app *a, int w)
{
	line_title(a, w);
	line_figures(a, w);
	line_method(a, w);
	line_coverage(a, w);
	line_filters(a, w);
}

void tabs_draw(struct app *a, int y, int w)
{
	static const char keys[] = "RMGPA";
	char buf[64];
	int x = 1;

	for (int v = 0; v < VIEW_TABS; v++) {
		snprintf(buf, sizeof buf, " %s (%c) ", a->views[v].ops->name, keys[v]);
		x += draw_text(y, x, w - x, buf, a->cur == (enum view_id)v ? ROLE_TAB_ON : ROLE_TAB);
	}
	if (a->cur == VIEW_HELP)
		x += draw_text(y, x, w - x, " Help ", ROLE_TAB_ON);
	if (a->status[0])
		draw_text(y, x + 2, w - x - 2, a->status, ROLE_FILTER);
}

/* ---- footer: the keys that matter in a meeting --------------------------- */

static const struct { enum action act; const char *keys, *label; } footer_keys[] = {
	{ ACT_REGION, "1-0", "region" }, { ACT_NEXT_REGION, "[ ]", "step" },
	{ ACT_SEARCH, NULL, "filter" }, { ACT_PICK_TYPE, NULL, "type" },
	{ ACT_PICK_PARTNER, NULL, "partner" }, { ACT_CLEAR, NULL, "clear" },
	{ ACT_NEXT_VIEW, NULL, "view" }, { ACT_ENTER, NULL, "drill" },
	{ ACT_BACK, NULL, "back" }, { ACT_HELP, NULL, "help" }, { ACT_QUIT, NULL, "quit" },
};

/* The first key bound to act, from the key table itself. */
static const char *first_key(enum action act, char *buf)
{
	for (size_t i = 0; i < keymap_len; i++)
		if (keymap[i].action == act)
			return keymap_key_name(keymap[i].key, buf);
	return "";
}

static void prompt_draw(struct app *a, int y, int w)
{
	char buf[256];

	draw_fill(y, 0, w, ROLE_PROMPT);
	snprintf(buf, sizeof buf, " Filter: %s_   Enter keeps %s Esc cancels %s %zu rows match",
	         a->prompt, draw_glyphs()->bullet, draw_glyphs()->bullet, a->cube.nrows);
	draw_text(y, 0, w, buf, ROLE_PROMPT);
}

void footer_draw(struct app *a, int y, int w)
{
	char name[16];
	int x = 0;

	if (a->prompting) {
		prompt_draw(a, y, w);
		return;
	}
	draw_fill(y, 0, w, ROLE_FOOTER);
	for (size_t i = 0; i < sizeof footer_keys / sizeof footer_keys[0] && x < w; i++) {
		const char *k = footer_keys[i].keys ? footer_keys[i].keys : first_key(footer_keys[i].act, name);
		x += draw_text(y, x, w - x, " ", ROLE_FOOTER);
		x += draw_text(y, x, w - x, k, ROLE_FOOTKEY);
		x += draw_text(y, x, w - x, " ", ROLE_FOOTER);
		x += draw_text(y, x, w - x, footer_keys[i].label, ROLE_FOOTER);
	}
}

/* ---- pickers ------------------------------------------------------------ */

int picker_count(const struct app *a)
{
	switch (a->picker) {
	case PICK_REGION:  return a->nregions + 1;
	case PICK_TYPE:    return (int)a->cfg->ntypes + 1;
	case PICK_PARTNER: return (int)a->base.npartners + 1;
	default:           return 0;
	}
}

static void picker_label(const struct app *a, int i, char *buf, size_t size)
{
	if (i == 0) {
		snprintf(buf, size, "(all)");
	} else if (a->picker == PICK_REGION) {
		const struct region *g = &a->cfg->regions[a->regions[i - 1]];
		int key = layout_region_key(a->cfg, a->regions[i - 1]);
		snprintf(buf, size, "%c %s (%s)", key ? key : ' ', g->name, g->codes[0].code);
	} else if (a->picker == PICK_TYPE) {
		const struct itype *t = &a->cfg->types[i - 1];
		snprintf(buf, size, "%-5s %s", t->code, t->label_en);
	} else {
		snprintf(buf, size, "%s", a->base.partners[i - 1].partner);
	}
}

void picker_draw(struct app *a, int y, int x, int h, int w)
{
	static const char *const titles[] = { "", "Region", "Intervention type", "Partner" };
	char label[160], title[64];
	int n = picker_count(a);
	int bw = w < 60 ? w - 4 : 56, bh = n + 2 < h - 2 ? n + 2 : h - 2;
	int bx = x + (w - bw) / 2, by = y + 1;

	a->picker_top = layout_scroll(a->picker_top, a->picker_sel, n, bh - 2);
	for (int r = 0; r < bh; r++)
		draw_fill(by + r, bx, bw, ROLE_NORMAL);
	attrset(theme_attr(ROLE_BOX));
	mvhline(by, bx, ACS_HLINE, bw);
	mvhline(by + bh - 1, bx, ACS_HLINE, bw);
	mvvline(by, bx, ACS_VLINE, bh);
	mvvline(by, bx + bw - 1, ACS_VLINE, bh);
	attrset(theme_attr(ROLE_NORMAL));
	snprintf(title, sizeof title, " Pick: %s (Enter chooses, Esc closes) ", titles[a->picker]);
	draw_text(by, bx + 2, bw - 4, title, ROLE_BOX);
	for (int r = 0; r < bh - 2 && a->picker_top + r < n; r++) {
		int i = a->picker_top + r;
		picker_label(a, i, label, sizeof label);
		enum role role = i == a->picker_sel ? ROLE_SELECTED : ROLE_NORMAL;
		draw_fill(by + 1 + r, bx + 1, bw - 2, role);
		draw_text(by + 1 + r, bx + 2, bw - 4, label, role);
	}
}

void picker_choose(struct app *a)
{
	struct filter f = a->filter;
	int i = a->picker_sel;

	if (a->picker == PICK_REGION)
		filter_only_region(&f, i == 0 ? -1 : a->regions[i - 1]);
	else if (a->picker == PICK_TYPE)
		filter_only_type(&f, i - 1);
	else if (a->picker == PICK_PARTNER) {
		f.npartners = 0;
		if (i > 0)
			filter_add_partner(&f, a->base.partners[i - 1].partner);
	}
	a->picker = PICK_NONE;
	app_set_filter(a, &f);
}
