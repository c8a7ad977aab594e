/* header: the lines that never scroll away — key figures, counting method,
 * coverage, filters and freshness on top; view tabs; keys at the bottom,
 * or the type-to-filter line while it is open. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "changes.h"
#include "draw.h"
#include "fmt.h"
#include "format.h"
#include "header.h"
#include "i18n.h"
#include "shown.h"
#include "views.h"

/* A pair drawn only if it fits whole before right (a figure is never
 * cut); gap columns follow it.  Returns the new x, unchanged if not drawn. */
static int pair_whole(int y, int x, int right, const char *label, const char *value, enum role vr,
                      int gap)
{
	int need = format_width(label, draw_ascii()) + 1 + format_width(value, draw_ascii());

	if (x + need > right)
		return x;
	x += draw_text(y, x, right - x, label, ROLE_LABEL);
	x += draw_text(y, x, right - x, " ", ROLE_NORMAL);
	x += draw_text(y, x, right - x, value, vr);
	return x + gap;
}

/* Columns between the header's items: fewer on a narrow screen. */
static int header_gap(int w)
{
	return w >= 100 ? 3 : 2;
}

static const char *short_or_unknown(int64_t v, char *buf)
{
	return v >= 0 ? fmt_short(v, buf) : strcpy(buf, _("unknown"));
}

/* Need and target of what is shown, and whose they are: the core's
 * (cube.total_in_need/targeted, rule 7 — the plan's, the selected regions'
 * or types' own, or none), so the header and `fourw report` with the same
 * filter always agree; the scope is named so nobody mistakes one for
 * another. */
static void scope_figures(const struct app *a, const char **scope, int64_t *need, int64_t *target)
{
	int r = app_single_region(a);

	*scope = r >= 0 ? a->cfg->regions[r].name : cube_scope_word(&a->cube);
	*need = a->cube.total_in_need;
	*target = a->cube.total_targeted;
}

/* The plan's name, clipped if it must be, ending in its year: the room
 * must see which year's plan the figures are measured against. */
static void plan_title(const struct app *a, int w, char *out, size_t size)
{
	const char *name = a->cfg->plan_name ? a->cfg->plan_name : _("4W coverage");
	char year[16] = "", clipped[200];

	if (a->cfg->plan_year > 0)
		snprintf(year, sizeof year, "%d", a->cfg->plan_year);
	bool named = !year[0] || strstr(name, year);
	if (format_width(name, draw_ascii()) + (named ? 0 : 1 + (int)strlen(year)) <= w) {
		snprintf(out, size, "%s%s%s", name, named ? "" : " ", named ? "" : year);
		return;
	}
	format_clip(name, w - (year[0] ? 1 + (int)strlen(year) : 0), draw_ascii(), clipped, sizeof clipped);
	snprintf(out, size, "%s%s%s", clipped, year[0] ? " " : "", year);
}

/* What changed: the title says against what, " Δ since 2024-02 ". */
static void title_since(const struct app *a, int w, char *buf, size_t size)
{
	char since[96];
	changes_since(a, since, sizeof since);
	snprintf(buf, size, " %.*s ", w >= 80 ? 60 : 30, since);
}

static void line_title(const struct app *a, int w)
{
	char month[FMT_MONTH_SIZE], right[64], name[256], left[300];

	draw_fill(0, 0, w, ROLE_TITLE);
	fmt_month(a->report_month, month);
	if (a->delta_on)
		title_since(a, w, right, sizeof right);
	else if (w >= 80)
		snprintf(right, sizeof right, _(" report month %s "), month);
	else
		snprintf(right, sizeof right, " %s ", month);
	int bw = format_width(right, draw_ascii());
	draw_text(0, w - bw, bw, right, ROLE_TITLE);
	snprintf(left, sizeof left, " fourw %s ", draw_glyphs()->vline);
	plan_title(a, w - bw - 1 - format_width(left, draw_ascii()), name, sizeof name);
	strncat(left, name, sizeof left - strlen(left) - 1);
	draw_text(0, 0, w - bw - 1, left, ROLE_TITLE);
}

/* What changed: the reached figure's change beside it ("Δ ▲ 3,560"). */
static int reached_change(const struct app *a, int x, int w, int gap)
{
	const struct base_figures *b = changes_total_before(a);
	char d[48];
	if (!b)
		return x;
	return pair_whole(1, x, w, "Δ", changes_people(a, a->cube.total_dedup, b->dedup, false, d),
	                  ROLE_FIGURE, gap);
}

static void line_figures(const struct app *a, int w)
{
	const char *scope;
	int64_t need, target;
	char b[32];
	int x = 1, gap = header_gap(w), was;
	bool masked = shown_cells_masked(a, &a->cube, -1, -1);   /* [share] mask_on_screen */

	scope_figures(a, &scope, &need, &target);
	x += draw_text(1, x, w - x, scope, ROLE_FILTER);
	x += draw_text(1, x, w - x, ":  ", ROLE_NORMAL);
	x = pair_whole(1, x, w, _("In need"), short_or_unknown(need, b), ROLE_FIGURE, gap);
	x = pair_whole(1, x, w, _("Targeted"), short_or_unknown(target, b), ROLE_FIGURE, gap);
	/* Reached and the simple sum whole where they fit, else in thousands */
	was = x;
	x = pair_whole(1, x, w, _("Reached"), shown_count(a, a->cube.total_dedup, masked, true, b),
	               ROLE_FIGURE, gap);
	if (x == was)
		x = pair_whole(1, x, w, _("Reached"), shown_count(a, a->cube.total_dedup, masked, false, b),
		               ROLE_FIGURE, gap);
	x = reached_change(a, x, w, gap);
	was = x;
	x = pair_whole(1, x, w, _("Simple sum"), shown_count(a, a->cube.total.reached, masked, true, b),
	               ROLE_NORMAL, gap);
	if (x == was)
		pair_whole(1, x, w, _("Simple sum"), shown_count(a, a->cube.total.reached, masked, false, b),
		           ROLE_NORMAL, gap);
}

/* How reached is counted, and the plan's reporting mode: the longest
 * form that fits. */
static void line_method(const struct app *a, int w)
{
	bool cumulative = a->cfg->mode == MODE_CUMULATIVE;
	const char *base = _(" Reached = without double counting"), *why = _(" (largest type per cercle)");
	const char *sum = _("; simple sum = all rows added");
	const char *mode = cumulative ? _("; cumulative: each line's latest report")
	                              : _("; monthly reports added up");
	const char *mode_short = cumulative ? _("; cumulative") : _("; monthly");
	char forms[6][256];

	snprintf(forms[0], sizeof forms[0], "%s%s%s%s", base, why, sum, mode);
	snprintf(forms[1], sizeof forms[1], "%s%s%s%s", base, why, sum, mode_short);
	snprintf(forms[2], sizeof forms[2], "%s%s%s", base, why, mode_short);
	snprintf(forms[3], sizeof forms[3], "%s%s", base, mode_short);
	snprintf(forms[4], sizeof forms[4], "%s", base);
	snprintf(forms[5], sizeof forms[5], "%s", mode_short + 1);
	const char *const alts[] = { forms[0], forms[1], forms[2], forms[3], forms[4], forms[5] };
	draw_fitting(2, 0, w, alts, 6, ROLE_DIM);
}

/* "Target ▕███░░▏ 51.5%" or "Target: no target"; returns the new x. */
static int coverage(const struct app *a, int x, int right, const char *label,
                    int64_t denom, const char *missing)
{
	char pct_s[16];
	double pct;
	int gap = header_gap(right);

	x += draw_text(3, x, right - x, label, ROLE_LABEL);
	x += draw_text(3, x, right - x, " ", ROLE_NORMAL);
	int64_t reached = shown_value(a, a->cube.total_dedup, shown_cells_masked(a, &a->cube, -1, -1));

	if (!coverage_pct(reached, denom, &pct))
		return x + gap + draw_text(3, x, right - x, missing, ROLE_WARN);
	int bw = right > 140 ? 24 : right >= 100 ? 10 : 8;
	draw_bar(3, x, bw, pct, draw_coverage_role(pct, &a->cfg->th));
	x += bw + 1;
	x += draw_text(3, x, right - x, fmt_pct(pct, pct_s), ROLE_FIGURE);
	return x + gap;
}

/* The plan's funding, in the longest form that fits whole. */
static void funding(const struct app *a, int x, int w)
{
	char r[32], q[32], p[16], forms[3][128];
	double pct;

	coverage_pct(a->cfg->funding_received, a->cfg->funding_requested, &pct);
	fmt_short(a->cfg->funding_received, r);
	fmt_short(a->cfg->funding_requested, q);
	fmt_pct(pct, p);
	snprintf(forms[0], sizeof forms[0], _("Funding %s of %s USD (%s)"), r, q, p);
	snprintf(forms[1], sizeof forms[1], _("Funding %s of %s"), p, q);
	snprintf(forms[2], sizeof forms[2], _("Funded %s"), p);
	const char *const alts[] = { forms[0], forms[1], forms[2] };
	draw_fitting(3, x, w - x, alts, 3, ROLE_NORMAL);
}

static void line_coverage(const struct app *a, int w)
{
	const char *scope;
	int64_t need, target;
	bool wide = w >= 80;

	scope_figures(a, &scope, &need, &target);
	int x = coverage(a, 1, w, wide ? _("Coverage of target") : _("Target"), target,
	                 wide ? _("no target") : _("none"));
	x = coverage(a, x, w, wide ? _("of need") : _("Need"), need, wide ? _("no figure for need") : _("none"));
	/* the plan's funding only, beside the whole plan's coverage: config
	 * gives none per region, type or partner, so under any filter none */
	if (a->cfg->funding_requested <= 0 || a->cfg->funding_received < 0 ||
	    !filter_is_empty(&a->filter))
		return;
	funding(a, x, w);
}

/* The rows the sheets hold that the plan's figures leave out — rejected,
 * sent again in a newer sheet, outside the plan year — so the room sees
 * they exist; x lists the rejected, the gap list the others.  Each is
 * drawn whole or not at all, the rejected first. */
static void data_quality(const struct app *a, int x, int w)
{
	char forms[3][128], n1[32];
	size_t rejects = a->tab->diags.rejects;
	const char *warn = draw_glyphs()->warn;

	x += w >= 100 ? 3 : 1;
	if (rejects) {
		snprintf(forms[0], sizeof forms[0], P_(" %s %zu rejected row (x)", " %s %zu rejected rows (x)", rejects),
		         warn, rejects);
		snprintf(forms[1], sizeof forms[1], _(" %s %zu rejected (x)"), warn, rejects);
		snprintf(forms[2], sizeof forms[2], _(" %s %zu (x)"), warn, rejects);
		const char *const alts[] = { forms[0], forms[1], forms[2] };
		x += draw_fitting(4, x, w - x, alts, 3, ROLE_WARN);
	}
	if (a->tab->nresent) {
		snprintf(forms[0], sizeof forms[0], P_("  %s sent again", "  %s sent again", a->tab->nresent),
		         fmt_int((int64_t)a->tab->nresent, n1));
		const char *const alts[] = { forms[0] };
		x += draw_fitting(4, x, w - x, alts, 1, ROLE_WARN);
	}
	if (a->base.outside_plan) {
		snprintf(forms[0], sizeof forms[0], _("  %s outside %d"),
		         fmt_int((int64_t)a->base.outside_plan, n1), a->cfg->plan_year);
		const char *const alts[] = { forms[0] };
		draw_fitting(4, x, w - x, alts, 1, ROLE_WARN);
	}
}

static void line_filters(const struct app *a, int w)
{
	char desc[256], forms[3][256], n1[32], month[FMT_MONTH_SIZE];
	const char *bullet = draw_glyphs()->bullet;
	int x = 1;

	filter_describe(&a->filter, a->cfg, desc, sizeof desc);
	x += draw_text(4, x, w - x, _("Filter: "), ROLE_LABEL);
	x += draw_text(4, x, w / 2 - x, desc, filter_is_empty(&a->filter) ? ROLE_NORMAL : ROLE_FILTER);
	fmt_int((int64_t)a->tab->len, n1);
	fmt_month(a->tab->latest_month, month);
	snprintf(forms[0], sizeof forms[0], P_("   %zu sheet %s %s rows %s latest %s",
	                                       "   %zu sheets %s %s rows %s latest %s", a->tab->nsources),
	         a->tab->nsources, bullet, n1, bullet, month);
	snprintf(forms[1], sizeof forms[1], _("  %s rows %s %s"), n1, bullet, month);
	snprintf(forms[2], sizeof forms[2], _("  %s rows"), n1);
	const char *const alts[] = { forms[0], forms[1], forms[2] };
	/* below 80 columns the short form leaves room for the rejected rows */
	x += draw_fitting(4, x, w - x, alts + (w < 80), 3 - (w < 80), ROLE_NORMAL);
	data_quality(a, x, w);
}

void header_draw(const struct app *a, int w)
{
	line_title(a, w);
	line_figures(a, w);
	line_method(a, w);
	line_coverage(a, w);
	line_filters(a, w);
}

/* Tab v's label in form 0 " Regions (R) ", 1 "Regions(R)" or 2: the current
 * tab's name alone and the others' letters. */
static void tab_label(const struct app *a, int v, int form, char *buf, size_t size)
{
	const struct view_ops *ops = app_view_ops(a, (enum view_id)v);
	char key[16], label[64];

	keymap_first_key(ops->show, key);
	views_tab_label(a, (enum view_id)v, label, sizeof label);
	if (form == 0)
		snprintf(buf, size, " %s (%s) ", label, key);
	else if (form == 1 || a->cur == (enum view_id)v)
		snprintf(buf, size, " %s(%s)", label, key);
	else
		snprintf(buf, size, " %s", key);
}

/* The first form in which every tab fits, and the status line after
 * them (a reload's warning, an export's file name must be read whole). */
static int tabs_form(const struct app *a, int w)
{
	char buf[96];
	int status = a->status[0] ? 2 + format_width(a->status, draw_ascii()) : 0;

	for (int form = 0; form < 2; form++) {
		int x = 1;
		for (int v = 0; v < VIEW_TABS; v++) {
			tab_label(a, v, form, buf, sizeof buf);
			x += format_width(buf, draw_ascii());
		}
		if (x + (status > 8 ? status : 8) <= w)       /* room for the help tab */
			return form;
	}
	return 2;
}

void tabs_draw(const struct app *a, int y, int w)
{
	char buf[96];
	int x = 1, form = tabs_form(a, w);

	for (int v = 0; v < VIEW_TABS; v++) {
		tab_label(a, v, form, buf, sizeof buf);
		x += draw_text(y, x, w - x, buf, a->cur == (enum view_id)v ? ROLE_TAB_ON : ROLE_TAB);
	}
	if (a->cur == VIEW_HELP)
		x += draw_text(y, x, w - x, _(" Help "), ROLE_TAB_ON);
	if (a->status[0])
		draw_text(y, x + 2, w - x - 2, a->status, ROLE_FILTER);
}

/* ---- footer: the keys that matter in a meeting --------------------------- */

/* The keys shown come from the key table (keymap_keys_brief): `with` names
 * a second action shown beside act, or act itself for the range of its keys. */
static const struct { enum action act, with; const char *label; } footer_keys[] = {
	{ ACT_REGION, ACT_REGION, N_("region") }, { ACT_PREV_REGION, ACT_NEXT_REGION, N_("step") },
	{ ACT_SEARCH, ACT_NONE, N_("filter") }, { ACT_PICK_TYPE, ACT_NONE, N_("type") },
	{ ACT_PICK_PARTNER, ACT_NONE, N_("partner") }, { ACT_CLEAR, ACT_NONE, N_("clear") },
	{ ACT_NEXT_VIEW, ACT_NONE, N_("view") }, { ACT_ENTER, ACT_NONE, N_("drill") },
	{ ACT_BACK, ACT_NONE, N_("back") }, { ACT_HELP, ACT_NONE, N_("help") }, { ACT_QUIT, ACT_NONE, N_("quit") },
};

static void prompt_draw(const struct app *a, int y, int w)
{
	char buf[256];

	draw_fill(y, 0, w, ROLE_PROMPT);
	snprintf(buf, sizeof buf, P_(" Filter: %s_   Enter keeps %s Esc cancels %s %zu rows match",
	                             " Filter: %s_   Enter keeps %s Esc cancels %s %zu rows match",
	                             a->cube.nrows),
	         a->prompt, draw_glyphs()->bullet, draw_glyphs()->bullet, a->cube.nrows);
	draw_text(y, 0, w, buf, ROLE_PROMPT);
}

#define FOOTER_KEYS (sizeof footer_keys / sizeof footer_keys[0])
#define FOOTER_KEPT 2         /* help and quit, the last two: always shown */

/* Footer entry i's width, " keys label". */
static int footer_width(size_t i)
{
	char keys[40];

	keymap_keys_brief(footer_keys[i].act, footer_keys[i].with, keys, sizeof keys);
	return 2 + format_width(keys, draw_ascii()) + format_width(_(footer_keys[i].label), draw_ascii());
}

static int footer_entry(int y, int x, int w, size_t i)
{
	char keys[40];

	keymap_keys_brief(footer_keys[i].act, footer_keys[i].with, keys, sizeof keys);
	x += draw_text(y, x, w - x, " ", ROLE_FOOTER);
	x += draw_text(y, x, w - x, keys, ROLE_FOOTKEY);
	x += draw_text(y, x, w - x, " ", ROLE_FOOTER);
	return x + draw_text(y, x, w - x, _(footer_keys[i].label), ROLE_FOOTER);
}

/* The keys that fit whole, in order, leaving room for help and quit. */
void footer_draw(const struct app *a, int y, int w)
{
	int x = 0, kept = 0;

	if (a->prompting) {
		prompt_draw(a, y, w);
		return;
	}
	draw_fill(y, 0, w, ROLE_FOOTER);
	for (size_t i = FOOTER_KEYS - FOOTER_KEPT; i < FOOTER_KEYS; i++)
		kept += footer_width(i);
	for (size_t i = 0; i < FOOTER_KEYS - FOOTER_KEPT; i++)
		if (x + footer_width(i) + kept <= w)
			x = footer_entry(y, x, w, i);
	for (size_t i = FOOTER_KEYS - FOOTER_KEPT; i < FOOTER_KEYS; i++)
		x = footer_entry(y, x, w, i);
}
