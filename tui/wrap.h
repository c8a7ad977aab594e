/* wrap: text broken into lines at spaces, so a long text (a gap's reason)
 * is read whole on a narrow screen instead of cut with an ellipsis. */
#ifndef FOURW_TUI_WRAP_H
#define FOURW_TUI_WRAP_H

#include <stdbool.h>
#include <stddef.h>

#include "theme.h"

/* The bytes of s that fill the next line of at most cols columns: whole
 * words up to the last space that fits (a word longer than a line stands
 * alone on its line, where drawing clips it); *next is where the line
 * after it starts (spaces skipped). */
size_t wrap_line(const char *s, int cols, bool ascii, const char **next);

/* How many lines s takes at cols columns. */
int wrap_count(const char *s, int cols, bool ascii);

/* Draws s from (y, x) over at most `lines` lines of w columns; returns the
 * lines used. */
int wrap_draw(int y, int x, int w, int lines, const char *s, enum role r);

#endif
