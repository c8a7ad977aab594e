/* view_gaps: the core's flags as a meeting reads them (gap_agenda, in
 * src/gaps_order.c): those about the report month first, most severe
 * first; the flags about earlier months folded into one line that Enter
 * opens; `s` lists critical and high flags only.  Enter on a flag opens a
 * pane with its reason whole; Enter again lists the rows behind it
 * (rejected ones included); Esc closes the pane. */
#include <stdio.h>

#include "app.h"
#include "views.h"
#include "draw.h"
#include "i18n.h"
#include "wrap.h"

#define REASON_X 38           /* where the Reason column starts */

static size_t ncurrent(const struct app *a)
{
	return a->agenda.n - a->agenda.nearlier;
}

static int count(const struct app *a)
{
	size_t n = ncurrent(a);

	if (a->agenda.nearlier)
		n += 1 + (a->earlier_open ? a->agenda.nearlier : 0);
	return (int)n;
}

/* The flag on line i (an index into a->gaps), or -1 on the line that
 * folds the earlier months' flags. */
static long flag_on(const struct app *a, int i)
{
	size_t cur = ncurrent(a);

	if (i < 0 || i >= count(a))
		return -1;
	if ((size_t)i < cur)
		return (long)a->agenda.items[i];
	return (size_t)i == cur ? -1 : (long)a->agenda.items[i - 1];
}

static void flag_line(const struct app *a, int row, int x, int w, size_t k, bool sel)
{
	const struct gap *g = &a->gaps.items[k];
	enum role sr = sel ? ROLE_SELECTED : draw_severity_role(g->severity);
	char rows[24];

	draw_fill(row, x, w, sel ? ROLE_SELECTED : ROLE_NORMAL);
	draw_cell(row, x + 1, 2, draw_glyphs()->sev[g->severity], false, sr);
	draw_cell(row, x + 4, 9, severity_label(g->severity), false, sr);
	/* the kind in the line's own colour: one colour change less a line
	 * keeps the view within 3 KB over a slow link */
	draw_cell(row, x + 14, 17, gap_kind_label(g->kind), false, sel ? sr : ROLE_NORMAL);
	snprintf(rows, sizeof rows, "%zu", gaps_rows_behind(&a->gaps, k));
	draw_cell(row, x + 31, 5, rows, true, sel ? sr : ROLE_NORMAL);
	draw_text(row, x + REASON_X, w - REASON_X - 1, g->reason, sel ? sr : ROLE_NORMAL);
}

/* "141 earlier flags (months 2024-01 to 2024-03): Enter shows them". */
static void fold_line(const struct app *a, int row, int x, int w, bool sel)
{
	char buf[192], first[16], last[16];
	const struct gap_agenda *ag = &a->agenda;

	format_month(ag->first_month, first);
	format_month(ag->last_month, last);
	if (ag->first_month == ag->last_month)
		snprintf(buf, sizeof buf, P_("%zu earlier flag (month %s): Enter %s",
		                             "%zu earlier flags (month %s): Enter %s", ag->nearlier),
		         ag->nearlier, first, a->earlier_open ? _("folds them") : _("shows them"));
	else
		snprintf(buf, sizeof buf, _("%zu earlier flags (months %s to %s): Enter %s"), ag->nearlier,
		         first, last, a->earlier_open ? _("folds them") : _("shows them"));
	draw_fill(row, x, w, sel ? ROLE_SELECTED : ROLE_NORMAL);
	draw_text(row, x + 4, w - 5, buf, sel ? ROLE_SELECTED : ROLE_DIM);
}

static void heading(const struct app *a, int y, int x, int w)
{
	const char *note = a->gaps_least == SEV_HIGH ? _("critical and high only (s: all)") : "";
	int nw = format_width(note, draw_ascii());

	draw_text(y, x + 1, w - 2, _("   Severity  Kind              Rows  Reason"), ROLE_COLHEAD);
	if (nw && nw < w - 46)
		draw_text(y, x + w - nw - 1, nw, note, ROLE_FILTER);
}

static void empty(const struct app *a, int y, int x, int w)
{
	char buf[160];

	if (a->gaps.len == 0) {
		draw_text(y + 1, x + 2, w - 4, _("No gap flagged under this filter."), ROLE_OK);
		return;
	}
	snprintf(buf, sizeof buf, _("No critical or high flag under this filter; s lists all %zu."),
	         a->gaps.len);
	draw_text(y + 1, x + 2, w - 4, buf, ROLE_OK);
}

/* ---- the pane: one flag whole ------------------------------------------- */

/* "Mopti — Bandiagara — PSS", or "Plan" for a flag about the whole. */
static void where_words(const struct app *a, const struct gap *g, char *buf, size_t size)
{
	const struct config *c = a->cfg;

	snprintf(buf, size, "%s%s%s%s%s", g->region >= 0 ? c->regions[g->region].name : _("Plan"),
	         g->cercle >= 0 ? " — " : "", g->cercle >= 0 ? c->cercles[g->cercle].name : "",
	         g->type >= 0 ? " — " : "", g->type >= 0 ? c->types[g->type].code : "");
}

static int pane_lines(const struct app *a, long k, int w)
{
	return k < 0 ? 0 : 3 + wrap_count(a->gaps.items[k].reason, w - 4, draw_ascii());
}

static void draw_pane(const struct app *a, size_t k, int y, int x, int h, int w)
{
	const struct gap *g = &a->gaps.items[k];
	char buf[256], where[160];

	for (int i = 0; i < w; i++)
		draw_text(y, x + i, 1, draw_glyphs()->hline, ROLE_BOX);
	where_words(a, g, where, sizeof where);
	snprintf(buf, sizeof buf, "%s %s  %s  %s", draw_glyphs()->sev[g->severity],
	         severity_label(g->severity), gap_kind_label(g->kind), where);
	draw_text(y + 1, x + 2, w - 4, buf, draw_severity_role(g->severity));
	int used = wrap_draw(y + 2, x + 2, w - 4, h - 3, g->reason, ROLE_NORMAL);
	size_t behind = gaps_rows_behind(&a->gaps, k);
	snprintf(buf, sizeof buf, P_("%zu rows behind it: Enter lists them with file and line, Esc closes",
	                             "%zu rows behind it: Enter lists them with file and line, Esc closes",
	                             behind), behind);
	draw_text(y + 2 + used, x + 2, w - 4, buf, ROLE_DIM);
}

static void draw(struct app *a, struct view *v, int y, int x, int h, int w)
{
	long k = a->gap_detail ? flag_on(a, v->sel) : -1;
	int pane = pane_lines(a, k, w), list;

	if (a->agenda.n == 0) {
		empty(a, y, x, w);
		return;
	}
	if (pane > h / 2)
		pane = h / 2;
	list = h - pane;
	if (v->sel >= v->top + list - 1)      /* the selection stays above the pane */
		v->top = v->sel - list + 2;
	heading(a, y, x, w);
	for (int i = v->top; i < count(a) && i - v->top < list - 1; i++) {
		long f = flag_on(a, i);
		if (f < 0)
			fold_line(a, y + 1 + i - v->top, x, w, i == v->sel);
		else
			flag_line(a, y + 1 + i - v->top, x, w, (size_t)f, i == v->sel);
	}
	if (k >= 0)
		draw_pane(a, (size_t)k, y + list, x, pane, w);
}

static void list_rows(struct app *a, size_t k)
{
	const struct gap *g = &a->gaps.items[k];
	int region, type;

	app_push(a);
	if (gaps_figure_of(g, &region, &type)) {   /* its figure's rows: counted ones */
		char title[192];
		snprintf(title, sizeof title, _("Rows behind: %s"), g->reason);
		app_rows_counted(a, region, type, title);
	} else {
		app_rows_refs(a, k);
	}
	app_show(a, VIEW_ROWS);
}

static enum handled act(struct app *a, struct view *v, enum action act)
{
	long k = flag_on(a, v->sel);

	if (act == ACT_BACK && a->gap_detail) {
		a->gap_detail = false;
		return H_HANDLED;
	}
	if (act != ACT_ENTER || v->sel >= count(a))
		return H_IGNORED;
	if (k < 0)
		a->earlier_open = !a->earlier_open;
	else if (!a->gap_detail)
		a->gap_detail = true;
	else
		list_rows(a, (size_t)k);
	return H_HANDLED;
}

/* "Gaps 3✖ 3▲ 7●": how many flags of each severity the list holds, shown
 * or not; info flags are not counted, as they ask nothing of the room. */
void view_gaps_label(const struct app *a, char *buf, size_t size)
{
	const struct glyphs *g = draw_glyphs();
	int used = snprintf(buf, size, "%s", _("Gaps"));

	for (int s = SEV_CRITICAL; s < SEV_INFO && used >= 0 && (size_t)used < size; s++)
		if (a->agenda.count[s])
			used += snprintf(buf + used, size - (size_t)used, " %zu%s", a->agenda.count[s],
			                 g->sev[s]);
}

const struct view_ops view_gaps_ops = { N_("Gaps"), ACT_VIEW_GAPS, draw, count, act };
