/* view_partners: who works where — partner × region presence, each
 * partner's latest reporting month, stale partners marked (from the core's
 * STALE flags).  Enter shows the regions view for that partner. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "views.h"
#include "draw.h"
#include "fmt.h"
#include "format.h"
#include "i18n.h"
#include "layout.h"
#include "shown.h"

#define REG_W 6
#define FIXED_W 48                /* the partner's columns at their widest */

/* The partner's own columns, then one per region (scrolled with h/l).  On
 * a narrow screen the name narrows and the latest month goes (layout.c's
 * drop order) so that two regions stay in view. */
enum { P_NAME, P_LATEST, P_STALE, P_REACHED, P_N };
static const struct layout_col fixed_cols[P_N] = {
	[P_NAME] = { 12, 24, LF_KEEP }, [P_LATEST] = { 7, 7, LF_LATEST },
	[P_STALE] = { 5, 5, LF_KEEP }, [P_REACHED] = { 8, 8, LF_KEEP },
};

struct fixed { int w[P_N], x[P_N], right; };

static void fixed_layout(int x, int w, int nregions, struct fixed *f)
{
	struct layout_col cols[P_N];
	memcpy(cols, fixed_cols, sizeof cols);
	cols[P_LATEST].min = cols[P_LATEST].want = format_month_width();
	int keep = nregions < 2 ? nregions : 2, widest = FIXED_W + cols[P_LATEST].want - 7;
	int width = w - keep * REG_W < widest ? w - keep * REG_W : widest;

	layout_columns(cols, P_N, width, 1, f->w);
	f->right = layout_positions(f->w, P_N, x, 1, f->x);
}

static int count(const struct app *a)
{
	return (int)a->cube.npartners;
}

/* The presence of partner p in region r, or NULL. */
static const struct presence *presence_of(const struct app *a, const char *p, int r)
{
	for (size_t i = 0; i < a->cube.npresence; i++)
		if (a->cube.presence[i].partner == p && a->cube.presence[i].region == r)
			return &a->cube.presence[i];
	return NULL;
}

static void heading(const struct app *a, int y, const struct fixed *f, const int *regs, int nr)
{
	char name[8];

	draw_cell(y, f->x[P_NAME], f->w[P_NAME], _("Partner"), false, ROLE_COLHEAD);
	draw_cell(y, f->x[P_LATEST], f->w[P_LATEST], _("Latest"), false, ROLE_COLHEAD);
	draw_cell(y, f->x[P_STALE], f->w[P_STALE], _("Stale"), false, ROLE_COLHEAD);
	draw_cell(y, f->x[P_REACHED], f->w[P_REACHED], _("Reached"), true, ROLE_COLHEAD);
	for (int i = 0; i < nr; i++) {
		format_clip(a->cfg->regions[regs[i]].name, REG_W - 1, draw_ascii(), name, sizeof name);
		draw_cell(y, f->right + 1 + i * REG_W, REG_W - 1, name, true, ROLE_COLHEAD);
	}
}

static void partner_line(const struct app *a, int y, int x, int w, const struct fixed *f,
                         const struct partner_info *p, const int *regs, int nr, bool sel)
{
	char b[32];
	enum role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
	bool stale = app_partner_stale(a, p->partner);

	draw_fill(y, x, w, base);
	draw_cell(y, f->x[P_NAME], f->w[P_NAME], p->partner, false, base);
	draw_cell(y, f->x[P_LATEST], f->w[P_LATEST], format_month(p->latest_month, b), false, base);
	snprintf(b, sizeof b, _("%s old"), draw_glyphs()->warn);
	draw_cell(y, f->x[P_STALE], f->w[P_STALE], stale ? b : "", false, stale ? ROLE_WARN : base);
	draw_cell(y, f->x[P_REACHED], f->w[P_REACHED],
	          shown_count(a, p->reached, shown_partner_masked(a, p->partner), false, b), true,
	          sel ? base : ROLE_FIGURE);
	for (int i = 0; i < nr; i++) {
		const struct presence *pr = presence_of(a, p->partner, regs[i]);
		bool over_masked = shown_cells_masked(a, &a->cube, regs[i], -1);
		const char *s = !pr ? "·" : pr->reached > 0 ? shown_count(a, pr->reached, over_masked, false, b)
		              : draw_glyphs()->bullet;
		if (!pr && draw_ascii())
			s = ".";
		draw_cell(y, f->right + 1 + i * REG_W, REG_W - 1, s, true, sel ? base : pr ? ROLE_OK : ROLE_DIM);
	}
}

static void draw(struct app *a, struct view *v, int y, int x, int h, int w)
{
	int regs[64], n = app_visible_regions(a, regs);
	struct fixed f;

	fixed_layout(x + 1, w - 2, n, &f);
	int fit = (x + w - 1 - f.right) / REG_W;

	if (v->left > n - fit)
		v->left = n - fit > 0 ? n - fit : 0;
	int nr = n - v->left < fit ? n - v->left : fit;
	if (a->cube.npartners == 0) {
		draw_text(y + 1, x + 2, w - 4, _("No partner reports under this filter."), ROLE_DIM);
		return;
	}
	heading(a, y, &f, regs + v->left, nr);
	v->top = layout_scroll(v->top, v->sel, (int)a->cube.npartners, h - 2);
	for (int i = v->top; i < (int)a->cube.npartners && i - v->top < h - 2; i++)
		partner_line(a, y + 1 + i - v->top, x + 1, w - 2, &f, &a->cube.partners[i],
		             regs + v->left, nr, i == v->sel);
	/* each part of the hint whole or left out */
	const char *const hint[] = { _("People reached per region"), _("h/l scroll the regions"),
		_("Enter shows a partner's regions") };
	const char *const hint_all_shown[] = { hint[0], hint[2] };
	draw_pieces(y + h - 1, x + 1, w - 2, n > nr ? hint : hint_all_shown, n > nr ? 3 : 2, "; ", ROLE_DIM);
}

static enum handled act(struct app *a, struct view *v, enum action act)
{
	struct filter f;

	if (act == ACT_LEFT || act == ACT_RIGHT) {
		v->left += act == ACT_LEFT ? (v->left > 0 ? -1 : 0) : 1;
		return H_HANDLED;
	}
	if (act != ACT_ENTER || v->sel >= (int)a->cube.npartners)
		return H_IGNORED;
	app_push(a);
	f = a->filter;
	f.npartners = 0;
	filter_add_partner(&f, a->cube.partners[v->sel].partner);
	app_set_filter(a, &f);
	app_show(a, VIEW_REGIONS);
	return H_HANDLED;
}

const struct view_ops view_partners_ops = { N_("Partners"), ACT_VIEW_PARTNERS, draw, count, act };
