/* present: see present.h. */
#include "present.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "bigdigits.h"
#include "draw.h"
#include "fmt.h"
#include "i18n.h"
#include "keymap.h"
#include "layout.h"
#include "shown.h"
#include "theme.h"
#include "wrap.h"

#define KEY_ESC 27
#define FIGURE_GAP 4              /* columns between figures side by side */
#define FIGURES 3                 /* reached, coverage of target, of need */

/* ---- pages ------------------------------------------------------------- */

/* The regions shown one after another: those with need in the plan, in
 * config order.  Returns how many, into out[64]. */
static int regions_with_need(const struct app *a, int *out)
{
	int n = 0;
	for (size_t r = 0; r < a->cfg->nregions && n < 64; r++)
		if (a->cfg->regions[r].in_need > 0)
			out[n++] = (int)r;
	return n;
}

static int page_count(const struct app *a)
{
	int regs[64];
	return 1 + regions_with_need(a, regs);
}

/* The region of page p, or -1 for the plan's page. */
static int page_region(const struct app *a, int page)
{
	int regs[64], n = regions_with_need(a, regs);
	return page >= 1 && page <= n ? regs[page - 1] : -1;
}

void present_init(struct present *p)
{
	memset(p, 0, sizeof *p);
}

static void use_theme(struct app *a, enum theme_kind kind)
{
	theme_init(kind, a->opt.color);
	bkgd(theme_attr(ROLE_NORMAL));
}

/* The page on screen stays a whole period from now. */
static void restart_timer(struct present *p, const struct app *a, int64_t now_ms)
{
	p->turn_at_ms = now_ms + (int64_t)a->opt.present_seconds * 1000;
}

static void turn(struct present *p, const struct app *a, int dir, int64_t now_ms)
{
	int n = page_count(a);
	p->page = ((p->page + dir) % n + n) % n;
	restart_timer(p, a, now_ms);
}

bool present_tick(struct present *p, struct app *a, int64_t now_ms)
{
	if (a->presenting != p->on) {
		p->on = a->presenting;
		p->paused = false;
		p->page = 0;
		restart_timer(p, a, now_ms);
		use_theme(a, p->on ? a->opt.present_theme : a->opt.theme);
		return true;
	}
	if (!p->on || p->paused || now_ms < p->turn_at_ms)
		return false;
	turn(p, a, 1, now_ms);
	return true;
}

/* Any other key pauses, and a key again resumes with a whole page's time
 * (the room was talking about this page). */
static void toggle_pause(struct present *p, const struct app *a, int64_t now_ms)
{
	p->paused = !p->paused;
	if (!p->paused)
		restart_timer(p, a, now_ms);
}

void present_key(struct present *p, struct app *a, int key, int64_t now_ms)
{
	enum action act = keymap_lookup(key);

	if (act == ACT_QUIT)
		a->quit = true;
	else if (key == KEY_ESC || act == ACT_PRESENT)
		a->presenting = false;
	else if (act == ACT_NEXT_REGION || act == ACT_PREV_REGION)
		turn(p, a, act == ACT_NEXT_REGION ? 1 : -1, now_ms);
	else if (act == ACT_RELOAD)
		a->reload_asked = true;
	else
		toggle_pause(p, a, now_ms);
}

/* ---- key figures ------------------------------------------------------- */

struct figure {
	char caption[160];        /* "People reached: 12,345", read whole */
	char value[32];           /* what the large digits show */
	enum role role;
};

static void coverage_figure(const struct app *a, struct figure *f, const char *label,
                            int64_t reached, int64_t denom, const char *missing)
{
	double pct;
	if (coverage_pct(reached, denom, &pct)) {
		fmt_pct(pct, f->value);
		f->role = draw_coverage_role(pct, &a->cfg->th);
	} else {
		snprintf(f->value, sizeof f->value, "%s", missing);
		f->role = ROLE_DIM;
	}
	snprintf(f->caption, sizeof f->caption, _("%s: %s"), label, f->value);
}

/* Region r's key figures (r < 0: the plan's), each measured against its
 * own need and target, as the regions view and the header measure them. */
static void key_figures(const struct app *a, int r, struct figure *f)
{
	const struct cube *q = &a->base;
	int64_t reached = r < 0 ? q->total_dedup : q->region_dedup[r];
	int64_t need = r < 0 ? q->total_in_need : a->cfg->regions[r].in_need;
	int64_t target = r < 0 ? q->total_targeted : a->cfg->regions[r].targeted;
	bool sums_masked = shown_cells_masked(a, q, r, -1);
	int64_t shown = shown_value(a, reached, sums_masked);

	shown_count(a, reached, sums_masked, true, f[0].value);
	snprintf(f[0].caption, sizeof f[0].caption, _("%s: %s"), _("People reached"), f[0].value);
	f[0].role = ROLE_FIGURE;
	coverage_figure(a, &f[1], _("Coverage of target"), shown, target, _("no target"));
	coverage_figure(a, &f[2], _("Coverage of need"), shown, need, _("no figure for need"));
}

/* How the figures are laid out: a font (BIG_FONTS: plain text) and how
 * they are grouped in bands — 1: all side by side; 2: the first, then the
 * others side by side; 3: one under another. */
struct fig_layout {
	int font, grouping, height;
};

/* Band b of a grouping: figures [*from, *to); false past the last band. */
static bool band(int grouping, int b, int *from, int *to)
{
	int bands = grouping == 1 ? 1 : grouping == 2 ? 2 : FIGURES;
	if (b >= bands)
		return false;
	*from = grouping == 1 ? 0 : b == 0 ? 0 : grouping == 2 ? 1 : b;
	*to = grouping == 1 ? FIGURES : grouping == 2 && b == 1 ? FIGURES : *from + 1;
	return true;
}

static int big_width(const char *value, int font)
{
	return font < BIG_FONTS ? bigdigits_width(value, (enum big_font)font) : -1;
}

static int figure_width(const struct figure *f, int font)
{
	int big = big_width(f->value, font), cap = format_width(f->caption, draw_ascii());
	return big > cap ? big : cap;
}

static int band_width(const struct figure *f, int from, int to, int font)
{
	int w = 0;
	for (int i = from; i < to; i++)
		w += (i > from ? FIGURE_GAP : 0) + figure_width(&f[i], font);
	return w;
}

/* Lines a band takes: the large digits, if any figure of it has them,
 * and the caption under them. */
static int band_height(const struct figure *f, int from, int to, int font)
{
	for (int i = from; i < to; i++)
		if (big_width(f[i].value, font) >= 0)
			return bigdigits_rows((enum big_font)font) + 1;
	return 1;
}

/* The largest font, then the fewest bands, that fit in w x h. */
static bool choose_layout(const struct figure *f, int w, int h, struct fig_layout *out)
{
	for (int font = 0; font <= BIG_FONTS; font++) {
		if (font == BIG_SMALL && draw_ascii())
			continue;               /* half blocks need UTF-8 */
		for (int g = 1; g <= 3; g++) {
			int from, to, height = 0, fits = 1;
			for (int b = 0; band(g, b, &from, &to); b++) {
				height += (b ? 1 : 0) + band_height(f, from, to, font);
				fits &= band_width(f, from, to, font) <= w;
			}
			if (fits && height <= h) {
				*out = (struct fig_layout){ font, g, height };
				return true;
			}
		}
	}
	return false;
}

static void draw_big(int y, int x, const char *value, int font, enum role r)
{
	struct big_text t;
	if (!bigdigits_render(value, (enum big_font)font, draw_ascii(), &t))
		return;
	for (int i = 0; i < t.rows; i++)
		draw_text(y + i, x, t.cols, t.line[i], r);
}

/* One band, centred in w: each figure's large digits over its caption. */
static void draw_band(const struct figure *f, int from, int to, int font, int y, int w)
{
	int x = (w - band_width(f, from, to, font)) / 2;
	int rows = band_height(f, from, to, font) - 1;

	for (int i = from; i < to; i++) {
		int fw = figure_width(&f[i], font), bw = big_width(f[i].value, font);
		if (bw >= 0)
			draw_big(y, x + (fw - bw) / 2, f[i].value, font, f[i].role);
		int cw = format_width(f[i].caption, draw_ascii());
		draw_text(y + rows, x + (fw - cw) / 2, cw, f[i].caption, rows ? ROLE_LABEL : f[i].role);
		x += fw + FIGURE_GAP;
	}
}

/* The key figures from line y in at most h lines; returns the lines used. */
static int draw_figures(const struct app *a, int r, int y, int w, int h)
{
	struct figure f[FIGURES];
	struct fig_layout l;
	int from, to, used = 0;

	key_figures(a, r, f);
	if (!choose_layout(f, w - 2, h, &l))
		return 0;
	for (int b = 0; band(l.grouping, b, &from, &to); b++) {
		used += b ? 1 : 0;
		draw_band(f, from, to, l.font, y + used, w);
		used += band_height(f, from, to, l.font);
	}
	return used;
}

/* ---- a region's types and flags ---------------------------------------- */

enum { T_CODE, T_LABEL, T_REACHED, T_PARTNERS, T_FLAG, T_N };
static const struct layout_col type_cols[T_N] = {
	[T_CODE] = { 5, 6, LF_KEEP }, [T_LABEL] = { 12, 44, LF_KEEP },
	[T_REACHED] = { 10, 11, LF_KEEP }, [T_PARTNERS] = { 11, 12, LF_PARTNERS },
	[T_FLAG] = { 14, 22, LF_KEEP },
};

/* A type worth a line: rows there, or a flag about it. */
static bool type_listed(const struct app *a, int r, int t)
{
	return cube_cell(&a->base, (size_t)r, (size_t)t)->activities > 0 ||
	       gaps_worst_for_cell(&a->base_gaps, r, t) != SEV_COUNT;
}

static int types_listed(const struct app *a, int r)
{
	int n = 0;
	for (size_t t = 0; t < a->cfg->ntypes; t++)
		n += type_listed(a, r, (int)t);
	return n;
}

static void types_heading(int y, const int *xs, const int *ws)
{
	const char *const names[T_N] = { _("Type"), _("Intervention"), _("Reached"), _("Partners"),
		_("Flag") };
	for (int c = 0; c < T_N; c++)
		draw_cell(y, xs[c], ws[c], names[c], c == T_REACHED || c == T_PARTNERS, ROLE_COLHEAD);
}

/* The worst flag about type t in region r, in words: "▲ high", or
 * "— no partner" where a rule says nobody works on it there. */
static enum role type_flag(const struct app *a, int r, int t, char *buf, size_t size)
{
	enum severity s = gaps_worst_for_cell(&a->base_gaps, r, t);
	const struct glyphs *g = draw_glyphs();

	if (gaps_no_partner(&a->base_gaps, r, t) != SEV_COUNT) {
		snprintf(buf, size, "%s %s", g->none, _("no partner"));
		return ROLE_WARN;
	}
	snprintf(buf, size, "%s %s", g->sev[s], s == SEV_COUNT ? "" : severity_label(s));
	return draw_severity_role(s);
}

static void type_line(const struct app *a, int y, const int *xs, const int *ws, int r, int t)
{
	const struct measure *m = cube_cell(&a->base, (size_t)r, (size_t)t);
	char n[32], flag[64];
	enum role fr = type_flag(a, r, t, flag, sizeof flag);

	draw_cell(y, xs[T_CODE], ws[T_CODE], a->cfg->types[t].code, false, ROLE_KEY);
	draw_cell(y, xs[T_LABEL], ws[T_LABEL], itype_label(&a->cfg->types[t]), false, ROLE_NORMAL);
	draw_cell(y, xs[T_REACHED], ws[T_REACHED], shown_count(a, m->reached, false, true, n), true,
	          ROLE_FIGURE);
	snprintf(n, sizeof n, "%u", m->partners);
	draw_cell(y, xs[T_PARTNERS], ws[T_PARTNERS], n, true, ROLE_NORMAL);
	draw_cell(y, xs[T_FLAG], ws[T_FLAG], flag, false, fr);
}

/* The reach of region r by type, as many lines as fit; returns the lines used. */
/* Region r's types in h lines (the heading included); where they do not
 * all fit, the last line says how many more the matrix lists. */
static int draw_types(const struct app *a, int r, int y, int w, int h)
{
	int ws[T_N], xs[T_N], row = 1, listed = types_listed(a, r);
	int room = listed + 1 <= h ? listed : h - 2;     /* a line kept for "+ N more" */
	char more[96];

	if (h < 3)
		return 0;
	layout_columns(type_cols, T_N, w - 2, 1, ws);
	layout_positions(ws, T_N, 1, 1, xs);
	types_heading(y, xs, ws);
	for (size_t t = 0; t < a->cfg->ntypes && row <= room; t++)
		if (type_listed(a, r, (int)t))
			type_line(a, y + row++, xs, ws, r, (int)t);
	if (room < listed) {
		snprintf(more, sizeof more, P_("+ %d more type (M lists them all)",
		         "+ %d more types (M lists them all)", listed - room), listed - room);
		draw_text(y + row++, 8, w - 9, more, ROLE_DIM);
	}
	return row;
}

static int flags_of(const struct app *a, int r)
{
	int n = 0;
	for (size_t i = 0; i < a->base_gaps.len; i++)
		n += a->base_gaps.items[i].region == r;
	return n;
}

/* A flag's reason as the page shows it: the core's, unless it is about a
 * figure over a masked count, whose reason would spell the exact figure
 * out — then what kind of flag it is and where. */
static const char *flag_reason(const struct app *a, const struct gap *f, char *buf, size_t size)
{
	int r, t;
	char place[128];
	if (!gaps_figure_of(f, &r, &t) || !shown_cells_masked(a, &a->base, r, t))
		return f->reason;
	snprintf(place, sizeof place, "%s%s%s", r >= 0 ? a->cfg->regions[r].name : _("The whole plan"),
	         t >= 0 ? " — " : "", t >= 0 ? a->cfg->types[t].code : "");
	snprintf(buf, size, f->kind == GAP_LOW_COVERAGE ? _("%s: coverage low (figures masked)")
	                  : f->kind == GAP_ABOVE_TARGET ? _("%s: above its target (figures masked)")
	                  : _("%s: above its need (figures masked)"), place);
	return buf;
}

/* Lines region r's first few flags take wrapped at w: room the page keeps
 * for them. */
static int flag_lines(const struct app *a, int r, int w, int first)
{
	int lines = 0, n = 0;
	char buf[256];
	for (size_t i = 0; i < a->base_gaps.len && n < first; i++)
		if (a->base_gaps.items[i].region == r) {
			const char *reason = flag_reason(a, &a->base_gaps.items[i], buf, sizeof buf);
			lines += wrap_count(reason, w - 5, draw_ascii());
			n++;
		}
	return lines;
}

/* Region r's flags, worst first, each whole (wrapped) while they fit, then
 * how many more the gaps view lists. */
static void draw_flags(const struct app *a, int r, int y, int w, int h)
{
	const struct glyphs *g = draw_glyphs();
	int row = 0, shown = 0, total = flags_of(a, r);
	char more[96], buf[256];

	for (size_t i = 0; i < a->base_gaps.len && row < h; i++) {
		const struct gap *f = &a->base_gaps.items[i];
		if (f->region != r)
			continue;
		const char *reason = flag_reason(a, f, buf, sizeof buf);
		int lines = wrap_count(reason, w - 5, draw_ascii());
		if (row + lines > h - (shown + 1 < total))
			break;
		draw_text(y + row, 1, 2, g->sev[f->severity], draw_severity_role(f->severity));
		row += wrap_draw(y + row, 4, w - 5, lines, reason, ROLE_NORMAL);
		shown++;
	}
	if (shown < total && row < h) {
		snprintf(more, sizeof more, P_("+ %d more flag (G lists them all)",
		         "+ %d more flags (G lists them all)", total - shown), total - shown);
		draw_text(y + row, 4, w - 5, more, ROLE_DIM);
	}
}

/* ---- the page ---------------------------------------------------------- */

/* The page's name in the middle of the title line; the page number, and
 * the pause mark while paused, on the right. */
static void draw_title(const struct present *p, const struct app *a, int w)
{
	int r = page_region(a, p->page);
	char right[64], left[64];
	const char *name = r >= 0 ? a->cfg->regions[r].name
	                 : a->cfg->plan_name ? a->cfg->plan_name : _("The whole plan");

	draw_fill(0, 0, w, ROLE_TITLE);
	snprintf(right, sizeof right, " %d/%d ", p->page + 1, page_count(a));
	int rw = format_width(right, draw_ascii());
	draw_text(0, w - rw, rw, right, ROLE_TITLE);
	if (p->paused) {
		int pw = format_width(_(" paused "), draw_ascii());
		draw_text(0, w - rw - pw, pw, _(" paused "), ROLE_WARN);
		rw += pw;
	}
	snprintf(left, sizeof left, " %s ", _("Presentation"));
	int lw = draw_text(0, 0, w - rw, left, ROLE_TITLE);
	int nw = format_width(name, draw_ascii());
	int x = (w - nw) / 2 > lw ? (w - nw) / 2 : lw;
	draw_text(0, x, w - rw - x, name, ROLE_TITLE);
}

static void draw_footer(const struct present *p, int y, int w)
{
	const char *const pieces[] = { _("[ ] step"), p->paused ? _("a key resumes") : _("a key pauses"),
		_("Esc back to the tables"), _("q quits") };
	draw_fill(y, 0, w, ROLE_FOOTER);
	draw_pieces(y, 1, w - 1, pieces, 4, "   ", ROLE_FOOTER);
}

/* The plan's page: its key figures, and the regions that follow. */
static void plan_page(const struct app *a, int y, int w, int h)
{
	int regs[64], n = regions_with_need(a, regs), used;
	char list[1024];
	size_t len;

	used = draw_figures(a, -1, y, w, h > 6 ? h - 3 : h);
	len = (size_t)snprintf(list, sizeof list, "%s", _("Next, the regions with need:"));
	for (int i = 0; i < n && len < sizeof list; i++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s %s", i ? "," : "",
		                        a->cfg->regions[regs[i]].name);
	if (h - used - 1 > 0)
		wrap_draw(y + used + 1, 1, w - 2, h - used - 1, list, ROLE_LABEL);
}

/* A region's page: its key figures, its types, its flags; the figures
 * take what the lists leave, at least half the page. */
static void region_page(const struct app *a, int r, int y, int w, int h)
{
	int lists = 1 + types_listed(a, r) + 1 + flag_lines(a, r, w, 3);
	int budget = h - lists - 1 > h / 2 ? h - lists - 1 : h / 2;
	int used = draw_figures(a, r, y, w, budget);
	/* The worst flags matter more than the last types: the types give up
	 * lines (the matrix lists them all) so that the first two flags show. */
	int first_flags = flags_of(a, r) ? flag_lines(a, r, w, 2) + 1 : 0;

	y += used + (used ? 1 : 0);
	h -= used + (used ? 1 : 0);
	used = draw_types(a, r, y, w, h - first_flags > 3 ? h - first_flags : 3);
	if (h - used - 1 > 0)
		draw_flags(a, r, y + used + 1, w, h - used - 1);
}

void present_draw(const struct present *p, const struct app *a, int w, int h)
{
	int r = page_region(a, p->page);

	draw_title(p, a, w);
	if (r < 0)
		plan_page(a, 2, w, h - 3);
	else
		region_page(a, r, 2, w, h - 3);
	draw_footer(p, h - 1, w);
}
