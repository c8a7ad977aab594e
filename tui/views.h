/* views: the screens of the app, by view_id — the one place that names
 * every view, so the app (which the views call back) depends on none. */
#ifndef FOURW_TUI_VIEWS_H
#define FOURW_TUI_VIEWS_H

#include "app.h"
#include "view.h"

extern const struct view_ops view_regions_ops, view_matrix_ops, view_gaps_ops,
	view_partners_ops, view_rows_ops, view_help_ops;

extern const struct view_ops *const views_all[VIEW_COUNT];

/* The label of view v's tab: its name, with what it holds where that
 * matters before it is opened ("Gaps 3✖ 3▲ 7●"). */
void views_tab_label(const struct app *a, enum view_id v, char *buf, size_t size);
/* The gaps tab's: how many flags of each severity, shown or not. */
void view_gaps_label(const struct app *a, char *buf, size_t size);

#endif
