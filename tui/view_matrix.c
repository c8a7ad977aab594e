/* view_matrix: regions × intervention types.  Each cell shows people
 * reached and the worst flag there by colour and symbol; a cell the gap
 * rules flag as "no partner where there is need" (gaps_no_partner) stands
 * out.  With one region selected the matrix turns into that region's list
 * of types (the drill-down of a region).  Enter on a cell lists its rows. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "changes.h"
#include "views.h"
#include "draw.h"
#include "fmt.h"
#include "i18n.h"
#include "layout.h"
#include "shown.h"
#include "report_out.h"

#define NAME_W 16
#define CELL_W 8

static bool single(const struct app *a)
{
	return app_single_region(a) >= 0;
}

static int count(const struct app *a)
{
	int regs[64];
	return single(a) ? (int)a->cfg->ntypes + 1 : app_visible_regions(a, regs) + 1;
}

/* The worse of two severities (SEV_COUNT: none). */
static enum severity worse(enum severity x, enum severity y)
{
	return x < y ? x : y;
}

/* What changed: the cell's change against what it was ("▲ 3.5k ✖"; an
 * unlisted cell had no row, so nothing), its flag where it fits. */
static enum role changed_cell(const struct app *a, const struct measure *m,
                              const struct base_figures *was, enum severity s, char *buf,
                              size_t size)
{
	char d[48];
	changes_people(a, m->reached, was->listed ? was->reached : 0, true, d);
	snprintf(buf, size, "%s %s", d, draw_glyphs()->sev[s]);
	if (format_width(buf, draw_ascii()) > CELL_W)
		snprintf(buf, size, "%s", d);
	return s == SEV_COUNT ? ROLE_FIGURE : draw_severity_role(s);
}

/* Cell text and role: "12.3k ▲", or "—" in warning style where a gap rule
 * says no partner works on the type and the region has need. */
static enum role cell(const struct app *a, int r, int t, char *buf, size_t size)
{
	const struct measure *m = r < 0 ? &a->cube.type[t] : cube_cell(&a->cube, (size_t)r, (size_t)t);
	enum severity s = r < 0 ? SEV_COUNT : gaps_worst_for_cell(&a->gaps, r, t);
	enum severity need = r < 0 ? SEV_COUNT : gaps_no_partner(&a->gaps, r, t);
	const struct glyphs *g = draw_glyphs();
	char n[32];

	if (need != SEV_COUNT) {
		snprintf(buf, size, "%s %s", g->none, g->sev[worse(s, need)]);
		return ROLE_WARN;
	}
	const struct base_figures *was = r < 0 ? NULL : changes_cell_before(a, r, t);
	if (was && (m->activities > 0 || was->listed))
		return changed_cell(a, m, was, s, buf, size);
	if (m->activities == 0) {
		snprintf(buf, size, "%s  ", g->none);
		return ROLE_DIM;
	}
	snprintf(buf, size, "%s %s", shown_count(a, m->reached, r < 0 && shown_cells_masked(a, &a->cube, -1, t),
	                                         false, n), g->sev[s]);
	return s == SEV_COUNT ? ROLE_NORMAL : draw_severity_role(s);
}

/* The symbols' meanings, each whole: those that do not fit are left out
 * (the help screen has them all). */
static void legend(const struct app *a, int y, int x, int w)
{
	const struct glyphs *g = draw_glyphs();
	char p[6][96];

	(void)a;
	snprintf(p[0], sizeof p[0], _("%s critical"), g->sev[SEV_CRITICAL]);
	snprintf(p[1], sizeof p[1], _("%s high"), g->sev[SEV_HIGH]);
	snprintf(p[2], sizeof p[2], _("%s medium"), g->sev[SEV_MEDIUM]);
	snprintf(p[3], sizeof p[3], _("%s info"), g->sev[SEV_INFO]);
	snprintf(p[4], sizeof p[4], _("%s + mark = no partner where there is need"), g->none);
	snprintf(p[5], sizeof p[5], _("%s = no rows"), g->none);
	const char *const pieces[] = { p[0], p[1], p[2], p[3], p[4], p[5] };
	draw_pieces(y, x, w, pieces, 6, "  ", ROLE_DIM);
}

/* The selected cell spelled out, so the room hears the full names. */
static void detail(const struct app *a, int r, int t, int y, int x, int w)
{
	const struct measure *m = r < 0 ? (t < 0 ? &a->cube.total : &a->cube.type[t])
	                        : t < 0 ? &a->cube.region[r] : cube_cell(&a->cube, (size_t)r, (size_t)t);
	char p[6][192], n[32], sep[8];

	snprintf(p[0], sizeof p[0], "%s %s %s:", r < 0 ? _("All regions") : a->cfg->regions[r].name,
	         draw_glyphs()->bullet, t < 0 ? _("all types") : itype_label(&a->cfg->types[t]));
	if (format_width(p[0], draw_ascii()) > w)     /* the type's code when its name is too long */
		snprintf(p[0], sizeof p[0], "%s %s %s:", r < 0 ? _("All regions") : a->cfg->regions[r].name,
		         draw_glyphs()->bullet, t < 0 ? _("all types") : a->cfg->types[t].code);
	snprintf(p[1], sizeof p[1], _("%s reached (sum)"),
	         shown_count(a, m->reached, (r < 0 || t < 0) && shown_cells_masked(a, &a->cube, r, t), true, n));
	snprintf(p[2], sizeof p[2], _("%u partners"), m->partners);
	snprintf(p[3], sizeof p[3], _("%u activities"), m->activities);
	snprintf(p[4], sizeof p[4], _("%u cercles"), m->cercles);
	snprintf(p[5], sizeof p[5], "%s", _("Enter lists the rows"));
	snprintf(sep, sizeof sep, " %s ", draw_glyphs()->bullet);
	/* the name and the reached figure keep their place: the rest follow if they fit */
	int used = draw_text(y, x, w, p[0], ROLE_LABEL) + 1;
	const char *const pieces[] = { p[1], p[2], p[3], p[4], p[5] };
	draw_pieces(y, x + used, w - used, pieces, 5, sep, ROLE_LABEL);
}

/* ---- all regions: a grid --------------------------------------------- */

static void grid_heading(const struct app *a, int y, int x, int ncols, int left)
{
	draw_cell(y, x, NAME_W, _("Region"), false, ROLE_COLHEAD);
	for (int c = 0; c < ncols && left + c < (int)a->cfg->ntypes; c++)
		draw_cell(y, x + NAME_W + 1 + c * (CELL_W + 1), CELL_W,
		          a->cfg->types[left + c].code, true, ROLE_COLHEAD);
}

static void grid_line(const struct app *a, const struct view *v, int y, int x, int r, int ncols,
                      bool sel_row)
{
	char buf[64], k[32];

	if (r >= 0)
		snprintf(k, sizeof k, "%c %s", layout_region_key(a->cfg, r) ? layout_region_key(a->cfg, r) : ' ',
		         a->cfg->regions[r].name);
	draw_cell(y, x, NAME_W, r >= 0 ? k : _("Total (sum)"), false, sel_row ? ROLE_SELECTED : ROLE_NORMAL);
	for (int c = 0; c < ncols && v->left + c < (int)a->cfg->ntypes; c++) {
		int t = v->left + c;
		enum role role = cell(a, r, t, buf, sizeof buf);
		if (r < 0)
			snprintf(buf, sizeof buf, "%s  ", shown_count(a, a->cube.type[t].reached,
			         shown_cells_masked(a, &a->cube, -1, t), false, k));
		draw_cell(y, x + NAME_W + 1 + c * (CELL_W + 1), CELL_W, buf, true,
		          sel_row && t == v->col ? ROLE_SELECTED : role);
	}
}

static void draw_grid(struct app *a, struct view *v, int y, int x, int h, int w)
{
	int regs[64], n = app_visible_regions(a, regs);
	int ncols = layout_matrix_cols(w - 2, NAME_W, CELL_W), nt = (int)a->cfg->ntypes;

	if (v->col >= nt)
		v->col = nt - 1;
	v->left = v->col < v->left ? v->col : v->col >= v->left + ncols ? v->col - ncols + 1 : v->left;
	grid_heading(a, y, x + 1, ncols, v->left);
	int rows = h - 3;
	v->top = layout_scroll(v->top, v->sel, n + 1, rows);
	for (int i = v->top; i < n + 1 && i - v->top < rows; i++)
		grid_line(a, v, y + 1 + i - v->top, x + 1, i < n ? regs[i] : -1, ncols, i == v->sel);
	detail(a, v->sel < n ? regs[v->sel] : -1, v->col, y + h - 2, x + 1, w - 2);
	legend(a, y + h - 1, x + 1, w - 2);
}

/* ---- one region: its types --------------------------------------------- */

/* The flag column of the one-region list: symbol and words, never colour
 * alone. */
static enum role type_flag(const struct app *a, int r, int t, char *buf, size_t size)
{
	enum severity s = gaps_worst_for_cell(&a->gaps, r, t);
	const struct glyphs *g = draw_glyphs();

	if (gaps_no_partner(&a->gaps, r, t) != SEV_COUNT) {
		snprintf(buf, size, _("%s no partner"), g->none);
		return ROLE_WARN;
	}
	snprintf(buf, size, "%s %s", g->sev[s], s == SEV_COUNT ? "" : severity_label(s));
	return draw_severity_role(s);
}

/* The one-region list's columns; on a narrow screen the counts go in
 * layout.c's drop order, never the type, reached or the flag. */
enum { T_CODE, T_LABEL, T_REACHED, T_PARTNERS, T_ACTIVITIES, T_CERCLES, T_FLAG, T_N };
static const struct layout_col type_cols[T_N] = {
	[T_CODE] = { 5, 5, LF_KEEP }, [T_LABEL] = { 12, 30, LF_KEEP },
	[T_REACHED] = { 8, 10, LF_KEEP }, [T_PARTNERS] = { 8, 9, LF_PARTNERS },
	[T_ACTIVITIES] = { 10, 11, LF_ACTIVITIES }, [T_CERCLES] = { 7, 8, LF_CERCLES },
	[T_FLAG] = { 12, 20, LF_KEEP },
};

static void type_line(const struct app *a, int y, const int *xs, const int *ws, int r, int t, bool sel)
{
	const struct measure *m = t < 0 ? &a->cube.region[r] : cube_cell(&a->cube, (size_t)r, (size_t)t);
	char n[32], flag[64] = "";
	enum role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
	enum role fr = t < 0 ? base : type_flag(a, r, t, flag, sizeof flag);

	draw_fill(y, xs[T_CODE], layout_positions(ws, T_N, xs[T_CODE], 1, NULL) - xs[T_CODE], base);
	draw_cell(y, xs[T_CODE], ws[T_CODE], t < 0 ? "" : a->cfg->types[t].code, false, sel ? base : ROLE_KEY);
	draw_cell(y, xs[T_LABEL], ws[T_LABEL], t < 0 ? _("All types (simple sum)") : itype_label(&a->cfg->types[t]),
	          false, base);
	const struct base_figures *was = t < 0 ? changes_region_before(a, r) : changes_cell_before(a, r, t);
	char d[48];
	draw_cell(y, xs[T_REACHED], ws[T_REACHED],
	          was ? changes_people(a, m->reached, was->listed ? was->reached : 0, false, d)
	              : shown_count(a, m->reached, t < 0 && shown_cells_masked(a, &a->cube, r, -1), true, n),
	          true, sel ? base : ROLE_FIGURE);
	snprintf(n, sizeof n, "%u", m->partners);
	draw_cell(y, xs[T_PARTNERS], ws[T_PARTNERS], n, true, base);
	snprintf(n, sizeof n, "%u", m->activities);
	draw_cell(y, xs[T_ACTIVITIES], ws[T_ACTIVITIES], n, true, base);
	snprintf(n, sizeof n, "%u", m->cercles);
	draw_cell(y, xs[T_CERCLES], ws[T_CERCLES], n, true, base);
	draw_cell(y, xs[T_FLAG], ws[T_FLAG], flag, false, fr);
}

static void types_heading(int y, const int *xs, const int *ws)
{
	static const char *const names[T_N] = { N_("Type"), N_("Intervention"), N_("Reached"),
		N_("Partners"), N_("Activities"), N_("Cercles"), N_("Flag") };
	for (int c = 0; c < T_N; c++)
		draw_cell(y, xs[c], ws[c], _(names[c]), c >= T_REACHED && c < T_FLAG, ROLE_COLHEAD);
}

/* Rule 12: the regions the sheets wrote, one level down — each
 * "Mopti 100 (1 row)" whole or left out, so no figure is cut. */
static void written_line(const char *words, int y, int x, int w)
{
	static const char sep[] = " · ";
	char copy[512];
	const char *pieces[32];
	int n = 0;

	snprintf(copy, sizeof copy, "%s", words);
	for (char *p = copy, *q; p && n < 32; p = q) {
		if ((q = strstr(p, sep)) != NULL) {
			*q = '\0';
			q += strlen(sep);
		}
		pieces[n++] = p;
	}
	int used = draw_text(y, x, w, _("As written: "), ROLE_DIM);
	draw_pieces(y, x + used, w - used, pieces, n, sep, ROLE_DIM);
}

static void draw_types(struct app *a, struct view *v, int y, int x, int h, int w)
{
	int r = app_single_region(a), nt = (int)a->cfg->ntypes, ws[T_N], xs[T_N];
	char written[512];
	bool rolled = report_out_written_words(a->cfg, &a->cube, (size_t)r, written, sizeof written);

	v->left = layout_table(type_cols, T_N, T_REACHED, w - 2, 1, v->left, ws);   /* type stays */
	layout_positions(ws, T_N, x + 1, 1, xs);
	types_heading(y, xs, ws);
	v->top = layout_scroll(v->top, v->sel, nt + 1, h - 3 - rolled);
	for (int i = v->top; i < nt + 1 && i - v->top < h - 3 - rolled; i++)
		type_line(a, y + 1 + i - v->top, xs, ws, r, i < nt ? i : -1, i == v->sel);
	if (rolled)
		written_line(written, y + h - 3, x + 1, w - 2);
	detail(a, r, v->sel < nt ? v->sel : -1, y + h - 2, x + 1, w - 2);
	legend(a, y + h - 1, x + 1, w - 2);
}

static void draw(struct app *a, struct view *v, int y, int x, int h, int w)
{
	if (single(a))
		draw_types(a, v, y, x, h, w);
	else
		draw_grid(a, v, y, x, h, w);
}

static void enter(struct app *a, const struct view *v)
{
	int regs[64], n = app_visible_regions(a, regs);
	int r, t, nt = (int)a->cfg->ntypes;
	char title[192];

	if (single(a)) {
		r = app_single_region(a);
		t = v->sel < nt ? v->sel : -1;
	} else {
		r = v->sel < n ? regs[v->sel] : -1;
		t = v->col;
	}
	snprintf(title, sizeof title, _("Rows: %s %s %s"), r < 0 ? _("all regions") : a->cfg->regions[r].name,
	         draw_glyphs()->bullet, t < 0 ? _("all types") : itype_label(&a->cfg->types[t]));
	app_push(a);
	app_rows_counted(a, r, t, title);
	app_show(a, VIEW_ROWS);
}

static enum handled act(struct app *a, struct view *v, enum action act)
{
	int nt = (int)a->cfg->ntypes;

	if (act == ACT_ENTER) {
		enter(a, v);
	} else if (act == ACT_LEFT && !single(a)) {
		v->col = v->col > 0 ? v->col - 1 : 0;
	} else if (act == ACT_RIGHT && !single(a)) {
		v->col = v->col + 1 < nt ? v->col + 1 : nt - 1;
	} else if (act == ACT_LEFT || act == ACT_RIGHT) {   /* one region's list on a narrow screen */
		v->left += act == ACT_RIGHT ? 1 : v->left > 0 ? -1 : 0;
	} else {
		return H_IGNORED;
	}
	return H_HANDLED;
}

const struct view_ops view_matrix_ops = { N_("Matrix"), ACT_VIEW_MATRIX, draw, count, act };
