#include "views.h"

const struct view_ops *const views_all[VIEW_COUNT] = {
	[VIEW_REGIONS] = &view_regions_ops, [VIEW_MATRIX] = &view_matrix_ops,
	[VIEW_GAPS] = &view_gaps_ops, [VIEW_PARTNERS] = &view_partners_ops,
	[VIEW_ROWS] = &view_rows_ops, [VIEW_HELP] = &view_help_ops,
};
