/* share: see share.h. */
#include "share.h"

#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "i18n.h"
#include "xalloc.h"

static bool view_to_export(enum view_id v, enum export_view *out)
{
	static const struct { enum view_id v; enum export_view e; } map[] = {
		{ VIEW_REGIONS, EXPORT_REGIONS }, { VIEW_MATRIX, EXPORT_MATRIX },
		{ VIEW_GAPS, EXPORT_GAPS }, { VIEW_PARTNERS, EXPORT_PARTNERS },
		{ VIEW_ROWS, EXPORT_ROWS },
	};
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (map[i].v == v) {
			*out = map[i].e;
			return true;
		}
	return false;
}

/* The table rows the rows view lists: its counted rows, or a flag's rows
 * that were counted (rejected ones are check's to list). */
static uint32_t *listed_rows(const struct app *a, size_t *n)
{
	const struct rows_list *r = &a->rows;
	uint32_t *idx = xcalloc(r->n + 1, sizeof *idx);
	*n = 0;
	for (size_t i = 0; i < r->n; i++) {
		long at = r->mode == ROWS_COUNTED ? (long)r->idx[i]
		        : r->mode == ROWS_REFS ? app_find_row(a, r->refs[i].source, r->refs[i].line) : -1;
		if (at >= 0)
			idx[(*n)++] = (uint32_t)at;
	}
	return idx;
}

static void export_now(struct app *a, bool share)
{
	struct export_request rq = { .share = share };
	struct report_input in = { a->cfg, a->tab, &a->cube, &a->gaps, a->report_month };
	struct error e;
	char path[512];
	if (!view_to_export(a->cur, &rq.view)) {
		app_status(a, "%s", _("This view has nothing to export (Tab to another)"));
		return;
	}
	uint32_t *idx = NULL;
	if (rq.view == EXPORT_ROWS) {
		idx = listed_rows(a, &rq.rows.n);
		rq.rows.idx = idx;
	}
	if (export_write(&in, &rq, path, sizeof path, &e)) {
		/* the name first: a long folder is what the tab line may cut */
		char *slash = strrchr(path, '/');
		if (slash)
			*slash = '\0';
		app_status(a, _("Written: %s (and .md) in %s"), slash ? slash + 1 : path,
		           slash ? path : ".");
	}
	else
		app_status(a, "%s", e.msg);
	free(idx);
}

bool share_key(struct app *a, int key)
{
	if (!a->exporting)
		return false;
	a->exporting = false;
	if (key == 'i' || key == 'I')
		export_now(a, false);
	else if (key == 's' || key == 'S')
		export_now(a, true);
	else
		app_status(a, "%s", _("Export cancelled"));
	return true;
}
