/* view: the small vtable every screen implements (tig's view_ops).
 *
 * A view draws itself from the app's state into the rectangle it is given
 * (it never reads LINES/COLS) and answers actions, not keys.  Movement
 * (up, down, pages) is done for it by the app from count(); act() only
 * handles what is particular to the view, such as Enter. */
#ifndef FOURW_TUI_VIEW_H
#define FOURW_TUI_VIEW_H

#include "keymap.h"

struct app;

enum handled { H_IGNORED, H_HANDLED };

struct view_ops {
	const char *name;         /* tab label */
	void (*draw)(struct app *a, int y, int x, int h, int w);
	int (*count)(const struct app *a);          /* selectable lines */
	enum handled (*act)(struct app *a, enum action act);   /* NULL: none */
};

extern const struct view_ops view_regions_ops, view_matrix_ops, view_gaps_ops,
	view_partners_ops, view_rows_ops, view_help_ops;

#endif
