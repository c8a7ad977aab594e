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
#include "layout.h"
#include "i18n.h"

#define NAME_W 24
#define FIXED_W (NAME_W + 1 + 8 + 6 + 9)   /* name, latest, stale, reached */
#define REG_W 6

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

static void heading(const struct app *a, int y, int x, const int *regs, int nr)
{
	char name[8];

	draw_cell(y, x, NAME_W, _("Partner"), false, ROLE_COLHEAD);
	draw_cell(y, x + NAME_W + 1, 7, _("Latest"), false, ROLE_COLHEAD);
	draw_cell(y, x + NAME_W + 9, 5, _("Stale"), false, ROLE_COLHEAD);
	draw_cell(y, x + NAME_W + 15, 8, _("Reached"), true, ROLE_COLHEAD);
	for (int i = 0; i < nr; i++) {
		format_clip(a->cfg->regions[regs[i]].name, REG_W - 1, draw_ascii(), name, sizeof name);
		draw_cell(y, x + FIXED_W + 1 + i * REG_W, REG_W - 1, name, true, ROLE_COLHEAD);
	}
}

static void partner_line(const struct app *a, int y, int x, int w, const struct partner_info *p,
                         const int *regs, int nr, bool sel)
{
	char b[32];
	enum role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
	bool stale = app_partner_stale(a, p->partner);

	draw_fill(y, x, w, base);
	draw_cell(y, x, NAME_W, p->partner, false, base);
	draw_cell(y, x + NAME_W + 1, 7, format_month(p->latest_month, b), false, base);
	snprintf(b, sizeof b, _("%s old"), draw_glyphs()->warn);
	draw_cell(y, x + NAME_W + 9, 5, stale ? b : "", false, stale ? ROLE_WARN : base);
	draw_cell(y, x + NAME_W + 15, 8, fmt_short(p->reached, b), true, sel ? base : ROLE_FIGURE);
	for (int i = 0; i < nr; i++) {
		const struct presence *pr = presence_of(a, p->partner, regs[i]);
		const char *s = !pr ? "·" : pr->reached > 0 ? fmt_short(pr->reached, b) : draw_glyphs()->bullet;
		if (!pr && draw_ascii())
			s = ".";
		draw_cell(y, x + FIXED_W + 1 + i * REG_W, REG_W - 1, s, true, sel ? base : pr ? ROLE_OK : ROLE_DIM);
	}
}

static void draw(struct app *a, struct view *v, int y, int x, int h, int w)
{
	int regs[64], n = app_visible_regions(a, regs);
	int fit = (w - 2 - FIXED_W) / REG_W;

	if (v->left > n - fit)
		v->left = n - fit > 0 ? n - fit : 0;
	int nr = n - v->left < fit ? n - v->left : fit;
	if (a->cube.npartners == 0) {
		draw_text(y + 1, x + 2, w - 4, _("No partner reports under this filter."), ROLE_DIM);
		return;
	}
	heading(a, y, x + 1, regs + v->left, nr);
	for (int i = v->top; i < (int)a->cube.npartners && i - v->top < h - 2; i++)
		partner_line(a, y + 1 + i - v->top, x + 1, w - 2, &a->cube.partners[i],
		             regs + v->left, nr, i == v->sel);
	draw_text(y + h - 1, x + 1, w - 2, n > nr ? _("People reached per region; h/l scroll the regions;"
	          " Enter shows a partner's regions") : _("People reached per region; Enter shows a partner's regions"),
	          ROLE_DIM);
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
