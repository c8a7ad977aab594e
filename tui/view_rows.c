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
#include "layout.h"

static int count(const struct app *a)
{
	return (int)a->rows.n;
}

/* The columns right of File:line, in this order on screen, scrolled
 * sideways with h/l so the people columns are reachable on any screen:
 * who, where and what first, then reached beside its breakdown; the
 * activity, free text, takes what is left. */
enum { R_PARTNER, R_REGION, R_CERCLE, R_TYPE, R_REACHED, R_GIRLS, R_BOYS, R_WOMEN, R_MEN,
       R_MONTH, R_STATUS, R_ACTIVITY, R_N };
static const struct layout_col row_cols[R_N] = {
	[R_PARTNER] = { 18, 18, LF_KEEP }, [R_REGION] = { 10, 10, LF_KEEP },
	[R_CERCLE] = { 12, 12, LF_KEEP }, [R_TYPE] = { 5, 5, LF_KEEP },
	[R_REACHED] = { 8, 8, LF_KEEP }, [R_GIRLS] = { 7, 7, LF_KEEP },
	[R_BOYS] = { 7, 7, LF_KEEP }, [R_WOMEN] = { 7, 7, LF_KEEP },
	[R_MEN] = { 7, 7, LF_KEEP }, [R_MONTH] = { 7, 7, LF_KEEP },
	[R_STATUS] = { 9, 9, LF_KEEP }, [R_ACTIVITY] = { 8, 60, LF_KEEP },
};
#define IS_FIGURE(c) ((c) >= R_REACHED && (c) <= R_MEN)

struct cells { char text[R_N][96]; };

/* Bytes of the folder every sheet's path starts with ("data/sheets/"):
 * the folder given, which the screen need not repeat on every line. */
static size_t shared_folder(const struct app *a)
{
	const char *first = a->tab->nsources ? a->tab->sources[0].path : "";
	size_t len = strlen(first);

	for (size_t i = 1; i < a->tab->nsources; i++) {
		const char *p = a->tab->sources[i].path;
		size_t k = 0;
		while (k < len && p[k] == first[k])
			k++;
		len = k;
	}
	while (len > 0 && first[len - 1] != '/')
		len--;
	return len;
}

/* Whole paths where the longest "path:line" fits in half the screen, else
 * paths relative to the folder the sheets share. */
static size_t path_skip(const struct app *a, int w)
{
	for (size_t i = 0; i < a->tab->nsources; i++)
		if (format_width(a->tab->sources[i].path, draw_ascii()) + 6 > w / 2)
			return shared_folder(a);
	return 0;
}

static void where(const struct app *a, uint32_t source, uint32_t line, size_t skip, char *buf, size_t size)
{
	const char *path = source < a->tab->nsources ? a->tab->sources[source].path + skip : "?";
	snprintf(buf, size, "%s:%u", path, line);
}

static const char *people(int64_t v, int cols, char *buf)
{
	return v >= 0 ? format_figure(v, cols, buf) : strcpy(buf, "-");
}

/* "World Vision | Mopti | Bankass | GC | 1,234 | 600 | … | 2024-03 | ongoing | …" */
static void activity_cells(const struct app *a, const struct activity *r, struct cells *c)
{
	const struct config *cfg = a->cfg;
	const struct row_counts n = activity_counts(a->tab, r);

	snprintf(c->text[R_PARTNER], sizeof c->text[0], "%s", table_str(a->tab, r->partner));
	snprintf(c->text[R_REGION], sizeof c->text[0], "%s", cfg->regions[r->region].name);
	snprintf(c->text[R_CERCLE], sizeof c->text[0], "%s", r->cercle >= 0 ? cfg->cercles[r->cercle].name : "-");
	snprintf(c->text[R_TYPE], sizeof c->text[0], "%s", cfg->types[r->itype].code);
	format_month(activity_period(r), c->text[R_MONTH]);
	snprintf(c->text[R_STATUS], sizeof c->text[0], "%s", _(status_name((enum status)r->status)));
	people(n.reached, row_cols[R_REACHED].min, c->text[R_REACHED]);
	people(n.girls, row_cols[R_GIRLS].min, c->text[R_GIRLS]);
	people(n.boys, row_cols[R_BOYS].min, c->text[R_BOYS]);
	people(n.women, row_cols[R_WOMEN].min, c->text[R_WOMEN]);
	people(n.men, row_cols[R_MEN].min, c->text[R_MEN]);
	snprintf(c->text[R_ACTIVITY], sizeof c->text[0], "%s", table_str(a->tab, r->activity));
}

/* A rejected row's message, found among the table's diagnostics. */
static const struct diag *reject_at(const struct app *a, uint32_t source, uint32_t line)
{
	const struct diag_list *d = &a->tab->diags;
	for (size_t i = 0; i < d->len; i++)
		if (diag_source(d, &d->items[i]) == source && d->items[i].line == line)
			return &d->items[i];
	return NULL;
}

/* Line i: its file:line and either its cells (counted rows) or a
 * message (rejected ones); returns true for cells. */
static bool line_text(const struct app *a, int i, size_t skip, char *loc, struct cells *c,
                      char *msg, size_t size)
{
	const struct rows_list *rl = &a->rows;
	const struct diag *d;
	long row;

	msg[0] = '\0';
	if (rl->mode == ROWS_COUNTED) {
		const struct activity *r = &a->tab->rows[rl->idx[i]];
		where(a, r->source, r->line, skip, loc, 96);
		activity_cells(a, r, c);
		return true;
	}
	if (rl->mode == ROWS_REJECTED) {
		d = &a->tab->diags.items[rl->idx[i]];
		where(a, diag_source(&a->tab->diags, d), d->line, skip, loc, 96);
		snprintf(msg, size, _("col %u: %s"), diag_words(&a->tab->diags, d)->col,
		         diag_words(&a->tab->diags, d)->msg);
		return false;
	}
	where(a, rl->refs[i].source, rl->refs[i].line, skip, loc, 96);
	if ((row = app_find_row(a, rl->refs[i].source, rl->refs[i].line)) >= 0) {
		activity_cells(a, &a->tab->rows[row], c);
		return true;
	}
	if ((d = reject_at(a, rl->refs[i].source, rl->refs[i].line)) != NULL)
		snprintf(msg, size, _("not counted: %s"), diag_words(&a->tab->diags, d)->msg);
	return false;
}

/* Wide enough for the longest "path:line" as shown, so the location is
 * never cut; at most half the screen (then clipped from the left, the
 * line number kept). */
static int loc_width(const struct app *a, size_t skip, int w)
{
	int lw = 12;

	for (size_t i = 0; i < a->tab->nsources; i++) {
		int pw = format_width(a->tab->sources[i].path + skip, draw_ascii()) + 6;
		lw = pw > lw ? pw : lw;
	}
	return lw < w / 2 ? lw : w / 2;
}

struct table_geom { int locw, xs[R_N], ws[R_N], left; size_t skip; };

static void row_cells(int y, const struct table_geom *g, const struct cells *c, enum role r)
{
	for (int k = 0; k < R_N; k++)
		if (g->ws[k])
			draw_cell(y, g->xs[k], g->ws[k], c->text[k], IS_FIGURE(k), r);
}

static void heading(const struct app *a, int y, int x, int w, const struct table_geom *g)
{
	static const char *const names[R_N] = { N_("Partner"), N_("Region"), N_("Cercle"), N_("Type"),
		N_("Reached"), N_("Girls"), N_("Boys"), N_("Women"), N_("Men"), N_("Month"), N_("Status"),
		N_("Activity") };
	struct cells c;
	char title[256];

	snprintf(title, sizeof title, P_("%s  (%zu row)", "%s  (%zu rows)", a->rows.n), a->rows.title, a->rows.n);
	const char *hint = _("   h/l scroll the columns");
	bool scrolls = g->left > 0 || !g->ws[R_ACTIVITY];
	int tw = draw_text(y, x + 1, w - 2, title, a->rows.mode == ROWS_REJECTED ? ROLE_WARN : ROLE_LABEL);
	if (scrolls && a->rows.mode != ROWS_REJECTED)   /* only whole, after the whole title */
		draw_fitting(y, x + 1 + tw, w - 2 - tw, &hint, 1, ROLE_DIM);
	if (a->rows.mode == ROWS_REJECTED)
		return;
	for (int k = 0; k < R_N; k++)
		snprintf(c.text[k], sizeof c.text[k], "%s", _(names[k]));
	draw_cell(y + 1, x + 1, g->locw, _("File:line"), false, ROLE_COLHEAD);
	row_cells(y + 1, g, &c, ROLE_COLHEAD);
}

static void draw(struct app *a, struct view *v, int y, int x, int h, int w)
{
	char loc[96], shown[96], msg[512];
	struct table_geom g;
	struct cells c;

	g.skip = path_skip(a, w);
	g.locw = loc_width(a, g.skip, w);
	struct layout_col cols[R_N];
	memcpy(cols, row_cols, sizeof cols);
	cols[R_MONTH].min = cols[R_MONTH].want = format_month_width();
	g.left = v->left = layout_scroll_columns(cols, R_N, w - 3 - g.locw, 1, v->left, g.ws);
	layout_positions(g.ws, R_N, x + 2 + g.locw, 1, g.xs);
	heading(a, y, x, w, &g);
	v->top = layout_scroll(v->top, v->sel, (int)a->rows.n, h - 2);
	for (int i = v->top; i < (int)a->rows.n && i - v->top < h - 2; i++) {
		int row = y + 2 + i - v->top;
		enum role base = i == v->sel ? ROLE_SELECTED : ROLE_NORMAL;
		bool cells = line_text(a, i, g.skip, loc, &c, msg, sizeof msg);
		draw_fill(row, x, w, base);
		format_clip_left(loc, g.locw, draw_ascii(), shown, sizeof shown);
		draw_cell(row, x + 1, g.locw, shown, false, i == v->sel ? base : ROLE_KEY);
		if (cells)
			row_cells(row, &g, &c, base);
		else
			draw_text(row, x + 2 + g.locw, w - 3 - g.locw, msg, base);
	}
	if (a->rows.n == 0)
		draw_text(y + 3, x + 2, w - 4, _("No rows."), ROLE_DIM);
}

/* Enter on a counted row spells out its breakdown on the status line;
 * h/l scroll the columns. */
static enum handled act(struct app *a, struct view *v, enum action act)
{
	char g[32], b[32], wo[32], m[32];

	if (act == ACT_LEFT || act == ACT_RIGHT) {
		v->left += act == ACT_RIGHT ? 1 : v->left > 0 ? -1 : 0;
		return H_HANDLED;
	}
	if (act != ACT_ENTER || a->rows.mode != ROWS_COUNTED || v->sel >= (int)a->rows.n)
		return H_IGNORED;
	const struct row_counts r = activity_counts(a->tab, &a->tab->rows[a->rows.idx[v->sel]]);
	app_status(a, _("girls %s, boys %s, women %s, men %s"),
	           r.girls >= 0 ? fmt_int(r.girls, g) : "-", r.boys >= 0 ? fmt_int(r.boys, b) : "-",
	           r.women >= 0 ? fmt_int(r.women, wo) : "-", r.men >= 0 ? fmt_int(r.men, m) : "-");
	return H_HANDLED;
}

const struct view_ops view_rows_ops = { N_("Rows"), ACT_VIEW_ROWS, draw, count, act };
