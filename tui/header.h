/* header: the lines around the view — key figures and filters on top, the
 * view tabs under them, the keys (or the type-to-filter line) at the
 * bottom.  Everything on them is read from the app; nothing is changed. */
#ifndef FOURW_TUI_HEADER_H
#define FOURW_TUI_HEADER_H

#include "app.h"

/* The five header lines, from line 0. */
void header_draw(const struct app *a, int w);
/* The view tabs, each with the key that shows it, and the status line. */
void tabs_draw(const struct app *a, int y, int w);
/* The keys that matter in a meeting, or the type-to-filter line. */
void footer_draw(const struct app *a, int y, int w);

#endif
