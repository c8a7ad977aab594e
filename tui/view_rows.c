/* view_rows: the activity rows behind a figure, each with its file:line so
 * "where does that number come from?" is answered on the spot; or the
 * rejected rows with the reason they were not counted. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "views.h"
#include "draw.h"
#include "fmt.h"
#include "format.h"
#include "i18n.h"

static int count(const struct app *a)
{
	return (int)a->rows.n;
}

static void where(const struct app *a, uint32_t source, uint32_t line, char *buf, size_t size)
{
	const char *path = source < a->tab->nsources ? a->tab->sources[source].path : "?";
	snprintf(buf, size, "%s:%u", path, line);
}

/* Appends s as a cell of exactly w columns (by display width, so names
 * with accents line up and are never cut inside a character). */
static void cat_cell(char *buf, size_t size, const char *s, int w, bool right)
{
	char cell[256];
	size_t used = strlen(buf);

	format_cell(s, w, right, draw_ascii(), cell, sizeof cell);
	snprintf(buf + used, size - used, "%s ", cell);
}

/* "World Vision  Mopti  Bankass  GC  2024-03  ongoing  1,234  activity" */
static void activity_text(const struct app *a, const struct activity *r, char *buf, size_t size)
{
	const struct config *c = a->cfg;
	char month[16], n[32];
	size_t used;

	buf[0] = '\0';
	cat_cell(buf, size, table_str(a->tab, r->partner), 18, false);
	cat_cell(buf, size, c->regions[r->region].name, 10, false);
	cat_cell(buf, size, r->cercle >= 0 ? c->cercles[r->cercle].name : "-", 12, false);
	cat_cell(buf, size, c->types[r->itype].code, 5, false);
	cat_cell(buf, size, format_month(activity_period(r), month), 7, false);
	cat_cell(buf, size, _(status_name((enum status)r->status)), 9, false);
	cat_cell(buf, size, fmt_int(activity_counts(a->tab, r).reached, n), 8, true);
	used = strlen(buf);
	snprintf(buf + used, size - used, " %s", table_str(a->tab, r->activity));
}

/* A rejected row's message, found among the table's diagnostics. */
static const struct diag *reject_at(const struct app *a, uint32_t source, uint32_t line)
{
	const struct diag_list *d = &a->tab->diags;
	for (size_t i = 0; i < d->len; i++)
		if (d->items[i].source == source && d->items[i].line == line)
			return &d->items[i];
	return NULL;
}

static void line_text(const struct app *a, int i, char *loc, char *buf, size_t size)
{
	const struct rows_list *rl = &a->rows;
	const struct diag *d;
	long row;

	if (rl->mode == ROWS_COUNTED) {
		const struct activity *r = &a->tab->rows[rl->idx[i]];
		where(a, r->source, r->line, loc, 96);
		activity_text(a, r, buf, size);
		return;
	}
	if (rl->mode == ROWS_REJECTED) {
		d = &a->tab->diags.items[rl->idx[i]];
		where(a, d->source, d->line, loc, 96);
		snprintf(buf, size, _("col %u: %s"), diag_words(&a->tab->diags, d)->col,
		         diag_words(&a->tab->diags, d)->msg);
		return;
	}
	where(a, rl->refs[i].source, rl->refs[i].line, loc, 96);
	if ((row = app_find_row(a, rl->refs[i].source, rl->refs[i].line)) >= 0)
		activity_text(a, &a->tab->rows[row], buf, size);
	else if ((d = reject_at(a, rl->refs[i].source, rl->refs[i].line)) != NULL)
		snprintf(buf, size, _("not counted: %s"), diag_words(&a->tab->diags, d)->msg);
	else
		buf[0] = '\0';
}

/* Wide enough for the longest "path:line", so the location is never cut;
 * at most half the screen. */
static int loc_width(const struct app *a, int w)
{
	int lw = 12;

	for (size_t i = 0; i < a->tab->nsources; i++) {
		int pw = format_width(a->tab->sources[i].path, draw_ascii()) + 6;
		lw = pw > lw ? pw : lw;
	}
	return lw < w / 2 ? lw : w / 2;
}

static void draw(struct app *a, struct view *v, int y, int x, int h, int w)
{
	char title[256], loc[96], buf[512];
	int locw = loc_width(a, w);

	snprintf(title, sizeof title, P_("%s  (%zu row)", "%s  (%zu rows)", a->rows.n), a->rows.title, a->rows.n);
	draw_text(y, x + 1, w - 2, title, a->rows.mode == ROWS_REJECTED ? ROLE_WARN : ROLE_LABEL);
	if (a->rows.mode != ROWS_REJECTED) {
		static const int widths[] = { 0, 18, 10, 12, 5, 7, 9, 8 };
		const char *heads[] = { _("File:line"), _("Partner"), _("Region"), _("Cercle"),
		                        _("Type"), _("Month"), _("Status"), _("Reached") };
		buf[0] = '\0';
		for (int c = 0; c < 8; c++)     /* display columns: a French head may hold "é" */
			cat_cell(buf, sizeof buf, heads[c], c ? widths[c] : locw, c == 7);
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), " %s", _("Activity"));
		draw_text(y + 1, x + 1, w - 2, buf, ROLE_COLHEAD);
	}
	for (int i = v->top; i < (int)a->rows.n && i - v->top < h - 2; i++) {
		int row = y + 2 + i - v->top;
		bool sel = i == v->sel;
		line_text(a, i, loc, buf, sizeof buf);
		draw_fill(row, x, w, sel ? ROLE_SELECTED : ROLE_NORMAL);
		draw_cell(row, x + 1, locw, loc, false, sel ? ROLE_SELECTED : ROLE_KEY);
		draw_text(row, x + 2 + locw, w - 3 - locw, buf, sel ? ROLE_SELECTED : ROLE_NORMAL);
	}
	if (a->rows.n == 0)
		draw_text(y + 3, x + 2, w - 4, _("No rows."), ROLE_DIM);
}

/* Enter on a counted row spells out its breakdown on the status line. */
static enum handled act(struct app *a, struct view *v, enum action act)
{
	char g[32], b[32], wo[32], m[32];

	if (act != ACT_ENTER || a->rows.mode != ROWS_COUNTED || v->sel >= (int)a->rows.n)
		return H_IGNORED;
	const struct row_counts r = activity_counts(a->tab, &a->tab->rows[a->rows.idx[v->sel]]);
	app_status(a, _("girls %s, boys %s, women %s, men %s"),
	           r.girls >= 0 ? fmt_int(r.girls, g) : "-", r.boys >= 0 ? fmt_int(r.boys, b) : "-",
	           r.women >= 0 ? fmt_int(r.women, wo) : "-", r.men >= 0 ? fmt_int(r.men, m) : "-");
	return H_HANDLED;
}

const struct view_ops view_rows_ops = { N_("Rows"), ACT_VIEW_ROWS, draw, count, act };
