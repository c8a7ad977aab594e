/* export: what the screen shows, written for the minutes.
 *
 * A view of the screen (regions, matrix, gaps, partners, the rows behind
 * a figure) under the filter of the cube it was computed for becomes a
 * table, written twice into the config's [share] folder: Markdown for the
 * minutes and CSV for a spreadsheet, named after the view, the filter and
 * the report month (regions-segou-2024-04.csv).  The CSV carries an HXL
 * hashtag row under its header, so HDX tools and the HXL Proxy read it;
 * its text cells cannot run as formulas; in French-Excel form ([share]
 * excel_fr) it has a UTF-8 BOM, ';' and decimal commas.  Each file is
 * written to a temporary name and renamed, so a reader never sees half of
 * one.  Marked for sharing, small counts are masked (mask.h). */
#ifndef FOURW_EXPORT_H
#define FOURW_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "report_out.h"

enum export_view { EXPORT_REGIONS, EXPORT_MATRIX, EXPORT_GAPS, EXPORT_PARTNERS, EXPORT_ROWS };

/* The rows a rows view lists (table indices), for EXPORT_ROWS. */
struct export_rows {
	const uint32_t *idx;
	size_t n;
};

struct export_request {
	enum export_view view;
	bool share;               /* for sharing: small counts masked */
	struct export_rows rows;
	const char *folder;       /* NULL: the config's [share] folder */
};

/* Writes both files; on success `csv_path` holds the CSV's path (the
 * Markdown's is the same with .md).  False with e set if the folder cannot
 * be made or a file cannot be written (nothing half-written is left). */
bool export_write(const struct report_input *in, const struct export_request *rq,
                  char *csv_path, size_t cap, struct error *e);

/* The name both files share, without folder or extension:
 * "regions-segou-2024-04", "gaps-all-2024-04", "-share" added when shared. */
void export_name(const struct report_input *in, const struct export_request *rq,
                 char *out, size_t cap);

#endif
