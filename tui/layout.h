/* layout: geometry and navigation arithmetic of the screen.  Pure (no
 * curses), so tests/test_tui_layout.c can check it at any terminal size. */
#ifndef FOURW_TUI_LAYOUT_H
#define FOURW_TUI_LAYOUT_H

#include <stdbool.h>
#include <stdint.h>

#include "config.h"

/* A projector with a big font: below this the screen says what it needs. */
#define LAYOUT_MIN_COLS 60
#define LAYOUT_MIN_LINES 20
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

/* What a column shows, for the order in which columns give way on a
 * narrow screen: layout.c's drop_order, the one table of it (README
 * "Narrow screens" lists the same).  LF_KEEP columns — keys, names,
 * reached, coverage %, flags — are never dropped. */
enum layout_field { LF_KEEP, LF_BAR, LF_CERCLES, LF_ACTIVITIES, LF_LATEST, LF_PARTNERS,
                    LF_NEED, LF_TARGET, LF_TREND, LF_COUNT };

/* Where field f stands in the drop order: 1 goes first; 0 never goes. */
int layout_drop_rank(enum layout_field f);

/* A table column: at least min columns wide, grown up to want while space
 * is left (in column order). */
struct layout_col { int min, want; enum layout_field field; };

/* Fills widths[] for the columns that fit in width with gap columns
 * between them: while the minimum widths do not fit, the column first in
 * the drop order goes; if the kept ones still do not fit, the trailing
 * ones go (at least the first stays, clipped).  Returns how many are
 * shown; the others get width 0. */
int layout_columns(const struct layout_col *cols, int n, int width, int gap, int *widths);

/* x of each column from x0, one gap after each shown column (0-width
 * columns take no room; their x is where the next would start); xs may be
 * NULL.  Returns the x just past the last shown column. */
int layout_positions(const int *widths, int n, int x0, int gap, int *xs);

/* A table scrolled sideways: columns [left, n) laid out in width (each at
 * its min, grown to want in column order) as far as they fit whole; the
 * last one shown may take the rest when it is the table's last (free text).
 * left is first clamped so that scrolling stops once the table's end is
 * on screen.  Returns that left; widths of unshown columns are 0. */
int layout_scroll_columns(const struct layout_col *cols, int n, int width, int gap, int left,
                          int *widths);

/* A table whose first `frozen` columns (key, name) always show.  Unscrolled
 * (left 0) it is layout_columns: what gives way goes in the drop order.
 * When something had to go, left > 0 scrolls the other columns sideways
 * from their (left-1)-th, as layout_scroll_columns, so every column can be
 * reached.  Returns left, clamped (0 when the whole table fits). */
int layout_table(const struct layout_col *cols, int n, int frozen, int width, int gap, int left,
                 int *widths);

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
