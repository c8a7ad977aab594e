/* views: the screens of the app, by view_id — the one place that names
 * every view, so the app (which the views call back) depends on none. */
#ifndef FOURW_TUI_VIEWS_H
#define FOURW_TUI_VIEWS_H

#include "app.h"
#include "view.h"

extern const struct view_ops view_regions_ops, view_matrix_ops, view_gaps_ops,
	view_partners_ops, view_rows_ops, view_help_ops;

extern const struct view_ops *const views_all[VIEW_COUNT];

#endif
