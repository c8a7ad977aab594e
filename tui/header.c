/* header: the lines that never scroll away — key figures, counting method,
 * coverage, filters and freshness on top; view tabs; keys at the bottom,
 * or the type-to-filter line while it is open. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "fmt.h"
#include "format.h"
#include "header.h"
#include "i18n.h"

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

static void line_title(const struct app *a, int w)
{
	char buf[256], month[FMT_MONTH_SIZE];

	draw_fill(0, 0, w, ROLE_TITLE);
	snprintf(buf, sizeof buf, _(" report month %s "), fmt_month(a->report_month, month));
	int bw = format_width(buf, draw_ascii());
	draw_text(0, w - bw, bw, buf, ROLE_TITLE);
	snprintf(buf, sizeof buf, _(" fourw %s %s"), draw_glyphs()->vline,
	         a->cfg->plan_name ? a->cfg->plan_name : _("4W coverage"));
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
	x = pair(1, x, w, _("In need"), short_or_unknown(need, b), ROLE_FIGURE);
	x = pair(1, x, w, _("Targeted"), short_or_unknown(target, b), ROLE_FIGURE);
	x = pair(1, x, w, _("Reached"), fmt_int(a->cube.total_dedup, b), ROLE_FIGURE);
	pair(1, x, w, _("Simple sum"), fmt_int(a->cube.total.reached, b), ROLE_NORMAL);
}

static void line_method(const struct app *a, int w)
{
	char buf[256];

	snprintf(buf, sizeof buf, _(" Reached = without double counting (largest type per cercle)%s%s"),
	         w >= 90 ? _("; simple sum = all rows added") : "",
	         w < 120 ? "" : a->cfg->mode == MODE_CUMULATIVE ? _("; cumulative: each line's latest report")
	                                                        : _("; monthly reports added up"));
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
	int x = coverage(a, 1, w, _("Coverage of target"), target, _("no target"));
	x = coverage(a, x, w, _("of need"), need, _("no figure for need"));
	/* the plan's funding only: config gives none per region or type */
	if (a->cfg->funding_requested <= 0 || a->cfg->funding_received < 0 ||
	    a->cube.denominators != DENOM_PLAN)
		return;
	coverage_pct(a->cfg->funding_received, a->cfg->funding_requested, &pct);
	snprintf(buf, sizeof buf, _("%s of %s USD (%s)"), fmt_short(a->cfg->funding_received, r),
	         fmt_short(a->cfg->funding_requested, q), fmt_pct(pct, p));
	pair(3, x, w, _("Funding"), buf, ROLE_NORMAL);
}

/* The rows the sheets hold that the plan's figures leave out — rejected,
 * sent again in a newer sheet, outside the plan year — so the room sees
 * they exist; x lists the rejected, the gap list the others. */
static void data_quality_words(const struct app *a, char *buf, size_t size)
{
	char n1[32];
	size_t rejects = a->tab->diags.rejects, used = 0;

	buf[0] = '\0';
	if (rejects)
		used += (size_t)snprintf(buf, size, P_(" %s %zu rejected row (x)", " %s %zu rejected rows (x)",
		                         rejects), draw_glyphs()->warn, rejects);
	if (a->tab->nresent && used < size)
		used += (size_t)snprintf(buf + used, size - used, _("  %s sent again"),
		                         fmt_int((int64_t)a->tab->nresent, n1));
	if (a->base.outside_plan && used < size)
		used += (size_t)snprintf(buf + used, size - used, _("  %s outside %d"),
		                         fmt_int((int64_t)a->base.outside_plan, n1), a->cfg->plan_year);
	if (used > 0 && used + 1 < size)
		strcat(buf, " ");
}

static void line_filters(const struct app *a, int w)
{
	char desc[256], buf[256], n1[32], month[FMT_MONTH_SIZE];
	int x = 1;

	filter_describe(&a->filter, a->cfg, desc, sizeof desc);
	x += draw_text(4, x, w - x, _("Filter: "), ROLE_LABEL);
	x += draw_text(4, x, w / 2 - x, desc, filter_is_empty(&a->filter) ? ROLE_NORMAL : ROLE_FILTER);
	snprintf(buf, sizeof buf, _("   %zu sheet%s %s %s rows %s latest %s"), a->tab->nsources,
	         a->tab->nsources == 1 ? "" : "s", draw_glyphs()->bullet, fmt_int((int64_t)a->tab->len, n1), draw_glyphs()->bullet,
	         fmt_month(a->tab->latest_month, month));
	x += draw_text(4, x, w - x, buf, ROLE_NORMAL);
	data_quality_words(a, buf, sizeof buf);
	if (buf[0])
		draw_text(4, x + 3, w - x - 3, buf, ROLE_WARN);
}

void header_draw(const struct app *a, int w)
{
	line_title(a, w);
	line_figures(a, w);
	line_method(a, w);
	line_coverage(a, w);
	line_filters(a, w);
}

void tabs_draw(const struct app *a, int y, int w)
{
	char buf[64], key[16];
	int x = 1;

	for (int v = 0; v < VIEW_TABS; v++) {
		const struct view_ops *ops = app_view_ops(a, (enum view_id)v);
		snprintf(buf, sizeof buf, " %s (%s) ", _(ops->name), keymap_first_key(ops->show, key));
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
	snprintf(buf, sizeof buf, _(" Filter: %s_   Enter keeps %s Esc cancels %s %zu rows match"),
	         a->prompt, draw_glyphs()->bullet, draw_glyphs()->bullet, a->cube.nrows);
	draw_text(y, 0, w, buf, ROLE_PROMPT);
}

void footer_draw(const struct app *a, int y, int w)
{
	char keys[40];
	int x = 0;

	if (a->prompting) {
		prompt_draw(a, y, w);
		return;
	}
	draw_fill(y, 0, w, ROLE_FOOTER);
	for (size_t i = 0; i < sizeof footer_keys / sizeof footer_keys[0] && x < w; i++) {
		keymap_keys_brief(footer_keys[i].act, footer_keys[i].with, keys, sizeof keys);
		x += draw_text(y, x, w - x, " ", ROLE_FOOTER);
		x += draw_text(y, x, w - x, keys, ROLE_FOOTKEY);
		x += draw_text(y, x, w - x, " ", ROLE_FOOTER);
		x += draw_text(y, x, w - x, _(footer_keys[i].label), ROLE_FOOTER);
	}
}
