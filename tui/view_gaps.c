/* view_gaps: the core's flags, most severe first, each with its reason.
 * Enter lists the rows behind a flag (rejected ones included). */
#include <stdio.h>

#include "app.h"
#include "views.h"
#include "draw.h"
#include "i18n.h"

/* How many rows Enter lists: a coverage flag's figure is its region's
 * counted rows (or the plan's); the other flags keep theirs. */
static size_t rows_behind(const struct app *a, const struct gap *g)
{
	if (g->kind != GAP_LOW_COVERAGE)
		return g->nrows;
	return g->region >= 0 ? a->cube.region[g->region].activities : a->cube.total.activities;
}

static int count(const struct app *a)
{
	return (int)a->gaps.len;
}

static void draw(struct app *a, struct view *v, int y, int x, int h, int w)
{
	char rows[24];

	if (a->gaps.len == 0) {
		draw_text(y + 1, x + 2, w - 4, _("No gap flagged under this filter."), ROLE_OK);
		return;
	}
	draw_text(y, x + 1, w - 2, _("   Severity  Kind              Rows  Reason"), ROLE_COLHEAD);
	for (int i = v->top; i < (int)a->gaps.len && i - v->top < h - 1; i++) {
		const struct gap *g = &a->gaps.items[i];
		int row = y + 1 + i - v->top;
		bool sel = i == v->sel;
		enum role sr = sel ? ROLE_SELECTED : draw_severity_role(g->severity);
		draw_fill(row, x, w, sel ? ROLE_SELECTED : ROLE_NORMAL);
		draw_cell(row, x + 1, 2, draw_glyphs()->sev[g->severity], false, sr);
		draw_cell(row, x + 4, 9, severity_label(g->severity), false, sr);
		draw_cell(row, x + 14, 17, gap_kind_label(g->kind), false, sel ? sr : ROLE_LABEL);
		snprintf(rows, sizeof rows, "%zu", rows_behind(a, g));
		draw_cell(row, x + 31, 5, rows, true, sel ? sr : ROLE_NORMAL);
		draw_text(row, x + 38, w - 39, g->reason, sel ? sr : ROLE_NORMAL);
	}
}

static enum handled act(struct app *a, struct view *v, enum action act)
{
	if (act != ACT_ENTER || v->sel >= (int)a->gaps.len)
		return H_IGNORED;
	app_push(a);
	const struct gap *g = &a->gaps.items[v->sel];
	if (g->kind == GAP_LOW_COVERAGE) {   /* its figure's rows: the region's counted rows */
		char title[192];
		snprintf(title, sizeof title, _("Rows behind: %s"), g->reason);
		app_rows_counted(a, g->region, -1, title);
	} else {
		app_rows_refs(a, (size_t)v->sel);
	}
	app_show(a, VIEW_ROWS);
	return H_HANDLED;
}

const struct view_ops view_gaps_ops = { N_("Gaps"), ACT_VIEW_GAPS, draw, count, act };
