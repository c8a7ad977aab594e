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

int layout_columns(const struct layout_col *cols, int n, int width, int gap, int *widths)
{
	int shown = 0, used = 0;

	for (int i = 0; i < n; i++)
		widths[i] = 0;
	for (int i = 0; i < n; i++) {
		int need = cols[i].min + (i ? gap : 0);
		if (used + need > width)
			break;
		widths[i] = cols[i].min;
		used += need;
		shown++;
	}
	if (shown == 0 && n > 0) {
		widths[0] = width > 0 ? width : 0;
		return 1;
	}
	for (int i = 0; i < shown && used < width; i++) {
		int grow = cols[i].want - widths[i];
		if (grow <= 0)
			continue;
		if (grow > width - used)
			grow = width - used;
		widths[i] += grow;
		used += grow;
	}
	return shown;
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
