/* layout: sizes, scrolling and region keys, without drawing. */
#include <string.h>

#include "layout.h"

bool layout_too_small(int cols, int lines)
{
	return cols < LAYOUT_MIN_COLS || lines < LAYOUT_MIN_LINES;
}

int layout_body_lines(int lines)
{
	int h = lines - LAYOUT_HEADER_LINES - LAYOUT_TABS_LINES - LAYOUT_FOOTER_LINES;
	return h > 0 ? h : 0;
}

/* 1..10 for an old-system code "ML01".."ML10", else 0. */
static int old_code_number(const struct pcode *p)
{
	if (!(p->system & SYS_OLD) || strncmp(p->code, "ML", 2) != 0 || strlen(p->code) != 4)
		return 0;
	if (p->code[2] < '0' || p->code[2] > '1' || p->code[3] < '0' || p->code[3] > '9')
		return 0;
	int n = (p->code[2] - '0') * 10 + (p->code[3] - '0');
	return n >= 1 && n <= 10 ? n : 0;
}

int layout_region_key(const struct config *c, int r)
{
	if (!c || r < 0 || (size_t)r >= c->nregions)
		return 0;
	const struct region *g = &c->regions[r];
	for (int i = 0; i < g->ncodes; i++) {
		int n = old_code_number(&g->codes[i]);
		if (n)
			return n == 10 ? '0' : '0' + n;
	}
	return 0;
}

int layout_region_of_key(const struct config *c, int key)
{
	if (!c || key < '0' || key > '9')
		return -1;
	for (size_t r = 0; r < c->nregions; r++)
		if (layout_region_key(c, (int)r) == key)
			return (int)r;
	return -1;
}

/* The order in which columns give way when a table is wider than the
 * screen, first listed first: the bar repeats the % beside it; the trend
 * (what-changed mode) repeats the change beside it; counts of
 * cercles, activities and partners and the latest month are detail; need
 * and target are in the header and in the % they make. */
static const enum layout_field drop_order[] = {
	LF_BAR, LF_TREND, LF_CERCLES, LF_ACTIVITIES, LF_LATEST, LF_PARTNERS, LF_NEED, LF_TARGET,
};

int layout_drop_rank(enum layout_field f)
{
	for (size_t i = 0; i < sizeof drop_order / sizeof drop_order[0]; i++)
		if (drop_order[i] == f)
			return (int)i + 1;
	return 0;
}

/* Columns shown (widths[i] > 0 marks them) and their minimum widths. */
static int min_total(const struct layout_col *cols, int n, int gap, const int *widths)
{
	int used = 0, shown = 0;

	for (int i = 0; i < n; i++)
		if (widths[i]) {
			used += cols[i].min + (shown ? gap : 0);
			shown++;
		}
	return used;
}

/* The shown column that goes first, or -1 when only kept ones are left. */
static int first_to_drop(const struct layout_col *cols, int n, const int *widths)
{
	int best = -1, best_rank = 0;

	for (int i = 0; i < n; i++) {
		int rank = layout_drop_rank(cols[i].field);
		if (widths[i] && rank && (best < 0 || rank < best_rank)) {
			best = i;
			best_rank = rank;
		}
	}
	return best;
}

/* Grows the shown columns towards their want, in column order; returns
 * the width used. */
static int grow(const struct layout_col *cols, int n, int width, int used, int *widths)
{
	for (int i = 0; i < n && used < width; i++) {
		int more = widths[i] ? cols[i].want - widths[i] : 0;
		if (more <= 0)
			continue;
		if (more > width - used)
			more = width - used;
		widths[i] += more;
		used += more;
	}
	return used;
}

int layout_columns(const struct layout_col *cols, int n, int width, int gap, int *widths)
{
	int shown = 0, drop;

	for (int i = 0; i < n; i++)
		widths[i] = cols[i].min;
	while (min_total(cols, n, gap, widths) > width && (drop = first_to_drop(cols, n, widths)) >= 0)
		widths[drop] = 0;
	for (int i = n - 1; i > 0 && min_total(cols, n, gap, widths) > width; i--)
		widths[i] = 0;
	if (n > 0 && min_total(cols, n, gap, widths) > width) {
		widths[0] = width > 0 ? width : 0;
		return 1;
	}
	grow(cols, n, width, min_total(cols, n, gap, widths), widths);
	for (int i = 0; i < n; i++)
		shown += widths[i] > 0;
	return shown;
}

int layout_positions(const int *widths, int n, int x0, int gap, int *xs)
{
	int x = x0, any = 0;

	for (int i = 0; i < n; i++) {
		if (widths[i] && any)
			x += gap;
		if (xs)
			xs[i] = x;
		x += widths[i];
		any |= widths[i] > 0;
	}
	return x;
}

/* The columns [left, n) that fit whole from left, at their min widths. */
static int fit_from(const struct layout_col *cols, int n, int width, int gap, int left, int *widths)
{
	int used = 0, shown = 0;

	for (int i = 0; i < n; i++)
		widths[i] = 0;
	for (int i = left; i < n; i++) {
		int need = cols[i].min + (shown ? gap : 0);
		if (used + need > width)
			break;
		widths[i] = cols[i].min;
		used += need;
		shown++;
	}
	return used;
}

int layout_scroll_columns(const struct layout_col *cols, int n, int width, int gap, int left,
                          int *widths)
{
	if (n <= 0)
		return 0;
	if (left > n - 1)
		left = n - 1;
	/* Scrolling further would only take columns away from the left. */
	while (left > 0) {
		fit_from(cols, n, width, gap, left - 1, widths);
		if (!widths[n - 1])
			break;
		left--;
	}
	if (left < 0)
		left = 0;
	int used = fit_from(cols, n, width, gap, left, widths);
	if (used == 0) {     /* one column wider than the screen: clipped */
		widths[left] = width > 0 ? width : 0;
		return left;
	}
	used = grow(cols, n, width, used, widths);
	if (widths[n - 1] && used < width)   /* free text at the end takes the rest */
		widths[n - 1] += width - used;
	return left;
}

int layout_table(const struct layout_col *cols, int n, int frozen, int width, int gap, int left,
                 int *widths)
{
	int used = 0;

	if (layout_columns(cols, n, width, gap, widths) == n || left <= 0 || frozen >= n)
		return 0;
	for (int i = 0; i < frozen; i++) {
		widths[i] = cols[i].min;
		used += cols[i].min + gap;
	}
	return 1 + layout_scroll_columns(cols + frozen, n - frozen, width - used, gap, left - 1,
	                                 widths + frozen);
}

int layout_step(int sel, int n, int h, enum layout_step step)
{
	int page = h > 1 ? h - 1 : 1;

	if (n <= 0)
		return 0;
	switch (step) {
	case STEP_UP:        sel--; break;
	case STEP_DOWN:      sel++; break;
	case STEP_PAGE_UP:   sel -= page; break;
	case STEP_PAGE_DOWN: sel += page; break;
	case STEP_HOME:      sel = 0; break;
	case STEP_END:       sel = n - 1; break;
	}
	return sel < 0 ? 0 : sel >= n ? n - 1 : sel;
}

int layout_scroll(int top, int sel, int n, int h)
{
	if (h <= 0 || n <= 0)
		return 0;
	if (sel < top)
		top = sel;
	if (sel >= top + h)
		top = sel - h + 1;
	if (top > n - h)
		top = n - h;
	return top < 0 ? 0 : top;
}

int layout_matrix_cols(int width, int name_w, int cell_w)
{
	if (cell_w <= 0)
		return 0;
	int left = width - name_w;
	return left > 0 ? left / (cell_w + 1) : 0;
}

int layout_cycle(const int *list, int n, int cur, int dir)
{
	if (n <= 0)
		return -1;
	int at = -1;
	for (int i = 0; i < n; i++)
		if (list[i] == cur)
			at = i;
	if (at < 0)
		return dir > 0 ? list[0] : list[n - 1];
	return list[((at + (dir > 0 ? 1 : -1)) % n + n) % n];
}
