#include <stdio.h>

#include "i18n.h"
#include "views.h"

const struct view_ops *const views_all[VIEW_COUNT] = {
	[VIEW_REGIONS] = &view_regions_ops, [VIEW_MATRIX] = &view_matrix_ops,
	[VIEW_GAPS] = &view_gaps_ops, [VIEW_PARTNERS] = &view_partners_ops,
	[VIEW_ROWS] = &view_rows_ops, [VIEW_HELP] = &view_help_ops,
};

void views_tab_label(const struct app *a, enum view_id v, char *buf, size_t size)
{
	if (v == VIEW_GAPS)
		view_gaps_label(a, buf, size);
	else
		snprintf(buf, size, "%s", _(app_view_ops(a, v)->name));
}
