/* layout: geometry and navigation arithmetic of the screen.  Pure (no
 * curses), so tests/test_tui_layout.c can check it at any terminal size. */
#ifndef FOURW_TUI_LAYOUT_H
#define FOURW_TUI_LAYOUT_H

#include <stdbool.h>
#include <stdint.h>

#include "config.h"

#define LAYOUT_MIN_COLS 80
#define LAYOUT_MIN_LINES 24
#define LAYOUT_HEADER_LINES 5     /* key figures, method, coverage, filters */
#define LAYOUT_TABS_LINES 1
#define LAYOUT_FOOTER_LINES 1

bool layout_too_small(int cols, int lines);

/* Rows left for a view between the header, the tab line and the footer. */
int layout_body_lines(int lines);

/* The shortcut key of region r: '1'..'9' and '0' for the ten regions of the
 * old p-code system (ML01..ML10, by code, so the keys do not move when the
 * config lists regions in another order); 0 for any other region. */
int layout_region_key(const struct config *c, int r);
/* The region a key selects, or -1. */
int layout_region_of_key(const struct config *c, int key);

/* A table column: at least min columns wide, grown up to want while space
 * is left (in column order). */
struct layout_col { int min, want; };

/* Fills widths[] for as many leading columns as fit in width with gap
 * columns between them; returns how many fit (at least the first one, even
 * if clipped).  Unshown columns get width 0. */
int layout_columns(const struct layout_col *cols, int n, int width, int gap, int *widths);

/* Scroll arithmetic for a list of n lines shown h at a time. */
enum layout_step { STEP_UP, STEP_DOWN, STEP_PAGE_UP, STEP_PAGE_DOWN, STEP_HOME, STEP_END };
int layout_step(int sel, int n, int h, enum layout_step step);
/* The first line to show so that sel is visible, moving top as little as
 * possible. */
int layout_scroll(int top, int sel, int n, int h);

/* How many matrix columns of cell_w (plus one separator space each) fit
 * beside a name column of name_w in width. */
int layout_matrix_cols(int width, int name_w, int cell_w);

/* Next/previous entry of list[0..n) after cur, wrapping; cur == -1 starts
 * at the first (dir > 0) or the last (dir < 0). */
int layout_cycle(const int *list, int n, int cur, int dir);

#endif
