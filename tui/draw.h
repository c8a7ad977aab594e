/* draw: the only place that writes sheet text and figures to curses.
 * Every string goes through format_clip, so nothing is cut mid-character,
 * nothing overflows its box and no control character reaches the terminal. */
#ifndef FOURW_TUI_DRAW_H
#define FOURW_TUI_DRAW_H

#include <stdbool.h>

#include "config.h"
#include "format.h"
#include "gaps.h"
#include "theme.h"

void draw_set_ascii(bool ascii);
bool draw_ascii(void);
const struct glyphs *draw_glyphs(void);

/* Text clipped to w columns at (y, x); returns the columns written. */
int draw_text(int y, int x, int w, const char *s, enum role r);
/* Text padded (or clipped) to exactly w columns; right-aligned if right. */
void draw_cell(int y, int x, int w, const char *s, bool right, enum role r);
/* w spaces in role r: backgrounds of bars and selected lines. */
void draw_fill(int y, int x, int w, enum role r);
/* The first of alts[0..n) that fits whole in w columns, drawn at (y, x):
 * the long form of a text where there is room, a shorter one where there
 * is not, never a cut one.  Returns the columns written, 0 if none fits. */
int draw_fitting(int y, int x, int w, const char *const *alts, int n, enum role r);
/* pieces[0..n) left to right with sep between them, each whole or not at
 * all (one that does not fit is left out, the next may still fit): a line
 * of facts that never ends in a cut one.  Returns the columns written. */
int draw_pieces(int y, int x, int w, const char *const *pieces, int n, const char *sep, enum role r);
/* s centred in [x, x+w). */
void draw_centered(int y, int x, int w, const char *s, enum role r);
/* A coverage bar; pct < 0 draws nothing but the empty track. */
void draw_bar(int y, int x, int w, double pct, enum role r);

enum role draw_severity_role(enum severity s);
/* Role of a coverage percentage: the colour of its band (gaps_coverage_band). */
enum role draw_coverage_role(double pct, const struct thresholds *th);

#endif
