/* view: the small vtable every screen implements (tig's view_ops).
 *
 * A view draws itself from the app's state into the rectangle it is given
 * (it never reads LINES/COLS) and answers actions, not keys.  Its own
 * cursor is handed to it as `self`: a view never reaches into another
 * view's.  Movement (up, down, pages) is done for it by the app from
 * count(); act() only handles what is particular to the view, such as
 * Enter. */
#ifndef FOURW_TUI_VIEW_H
#define FOURW_TUI_VIEW_H

#include "keymap.h"

struct app;

enum handled { H_IGNORED, H_HANDLED };

/* Where a view stands; the app keeps it across view changes and restores
 * it on Esc. */
struct view {
	const struct view_ops *ops;
	int sel, top;             /* selected line, first line shown */
	int col, left;            /* selected column, first column shown */
	int h;                    /* body height at the last draw, for paging */
};

struct view_ops {
	const char *name;         /* tab label */
	enum action show;         /* the action that shows it: its first key is the tab's letter */
	void (*draw)(struct app *a, struct view *self, int y, int x, int h, int w);
	int (*count)(const struct app *a);          /* selectable lines */
	enum handled (*act)(struct app *a, struct view *self, enum action act);   /* NULL: none */
};


#endif
