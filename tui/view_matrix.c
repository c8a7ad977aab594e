/* view_matrix: regions × intervention types.  Each cell shows people
 * reached and the worst flag there by colour and symbol; a cell the gap
 * rules flag as "no partner where there is need" (gaps_no_partner) stands
 * out.  With one region selected the matrix turns into that region's list
 * of types (the drill-down of a region).  Enter on a cell lists its rows. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "views.h"
#include "draw.h"
#include "fmt.h"
#include "layout.h"
#include "report_out.h"
#include "i18n.h"

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

/* Cell text and role: "12.3k ▲", or "—" in warning style where a gap rule
 * says no partner works on the type and the region has need. */
static enum role cell(const struct app *a, int r, int t, char *buf, size_t size)
{
	const struct measure *m = r < 0 ? &a->cube.type[t] : cube_cell(&a->cube, (size_t)r, (size_t)t);
	enum severity s = r < 0 ? SEV_COUNT : gaps_worst_for_cell(&a->gaps, r, t);
	enum severity need = r < 0 ? SEV_COUNT : gaps_no_partner(&a->gaps, r, t);
	const struct glyphs *g = draw_glyphs();
	char n[16];

	if (need != SEV_COUNT) {
		snprintf(buf, size, "%s %s", g->none, g->sev[worse(s, need)]);
		return ROLE_WARN;
	}
	if (m->activities == 0) {
		snprintf(buf, size, "%s  ", g->none);
		return ROLE_DIM;
	}
	snprintf(buf, size, "%s %s", fmt_short(m->reached, n), g->sev[s]);
	return s == SEV_COUNT ? ROLE_NORMAL : draw_severity_role(s);
}

static void legend(const struct app *a, int y, int x, int w)
{
	const struct glyphs *g = draw_glyphs();
	char buf[256];

	(void)a;
	snprintf(buf, sizeof buf, _("%s critical  %s high  %s medium  %s info  %s + mark = no partner where there is need"
	         "  %s = no rows"), g->sev[SEV_CRITICAL], g->sev[SEV_HIGH], g->sev[SEV_MEDIUM],
	         g->sev[SEV_INFO], g->none, g->none);
	draw_text(y, x, w, buf, ROLE_DIM);
}

/* The selected cell spelled out, so the room hears the full names. */
static void detail(const struct app *a, int r, int t, int y, int x, int w)
{
	const struct measure *m = r < 0 ? (t < 0 ? &a->cube.total : &a->cube.type[t])
	                        : t < 0 ? &a->cube.region[r] : cube_cell(&a->cube, (size_t)r, (size_t)t);
	char buf[384], n[32];

	snprintf(buf, sizeof buf, _("%s %s %s: %s reached (sum) %s %u partners %s %u activities %s %u cercles"
	         "  %s Enter lists the rows"),
	         r < 0 ? _("All regions") : a->cfg->regions[r].name, draw_glyphs()->bullet,
	         t < 0 ? _("all types") : itype_label(&a->cfg->types[t]), fmt_int(m->reached, n),
	         draw_glyphs()->bullet, m->partners, draw_glyphs()->bullet, m->activities,
	         draw_glyphs()->bullet, m->cercles, draw_glyphs()->bullet);
	draw_text(y, x, w, buf, ROLE_LABEL);
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
	char buf[64], k[24];

	if (r >= 0)
		snprintf(k, sizeof k, "%c %s", layout_region_key(a->cfg, r) ? layout_region_key(a->cfg, r) : ' ',
		         a->cfg->regions[r].name);
	draw_cell(y, x, NAME_W, r >= 0 ? k : _("Total (sum)"), false, sel_row ? ROLE_SELECTED : ROLE_NORMAL);
	for (int c = 0; c < ncols && v->left + c < (int)a->cfg->ntypes; c++) {
		int t = v->left + c;
		enum role role = cell(a, r, t, buf, sizeof buf);
		if (r < 0)
			snprintf(buf, sizeof buf, "%s  ", fmt_short(a->cube.type[t].reached, k));
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
	int rows = h - 4;
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

static void type_line(const struct app *a, int y, int x, int w, int r, int t, bool sel)
{
	const struct measure *m = t < 0 ? &a->cube.region[r] : cube_cell(&a->cube, (size_t)r, (size_t)t);
	char buf[256], n[32], flag[64] = "";
	enum role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
	enum role fr = t < 0 ? base : type_flag(a, r, t, flag, sizeof flag);

	snprintf(buf, sizeof buf, "%-5s", t < 0 ? "" : a->cfg->types[t].code);
	draw_fill(y, x, w, base);
	draw_cell(y, x, 6, buf, false, sel ? base : ROLE_KEY);
	draw_cell(y, x + 6, 30, t < 0 ? _("All types (simple sum)") : itype_label(&a->cfg->types[t]), false, base);
	draw_cell(y, x + 37, 10, fmt_int(m->reached, n), true, sel ? base : ROLE_FIGURE);
	snprintf(buf, sizeof buf, "%9u %11u %8u", m->partners, m->activities, m->cercles);
	draw_text(y, x + 48, 31, buf, base);
	draw_cell(y, x + 80, w - 80, flag, false, fr);
}

static void draw_types(struct app *a, const struct view *v, int y, int x, int h, int w)
{
	int r = app_single_region(a), nt = (int)a->cfg->ntypes;

	char written[512];
	size_t lead = (size_t)snprintf(written, sizeof written, "%s", _("As written: "));
	bool rolled = report_out_written_words(a->cfg, &a->cube, (size_t)r, written + lead,
	                                       sizeof written - lead);
	draw_text(y, x + 1, w - 2, _("Type  Intervention                         Reached  Partners  Activities"
	          "  Cercles  Flag"), ROLE_COLHEAD);
	for (int i = v->top; i < nt + 1 && i - v->top < h - 3 - rolled; i++)
		type_line(a, y + 1 + i - v->top, x + 1, w - 2, r, i < nt ? i : -1, i == v->sel);
	if (rolled)   /* rule 12: the regions the sheets wrote, one level down */
		draw_text(y + h - 3, x + 1, w - 2, written, ROLE_DIM);
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
	} else {
		return H_IGNORED;
	}
	return H_HANDLED;
}

const struct view_ops view_matrix_ops = { N_("Matrix"), ACT_VIEW_MATRIX, draw, count, act };
