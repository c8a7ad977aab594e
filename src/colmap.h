/* colmap: which column of a sheet holds which field.
 *
 * Columns are matched to fields (config.h enum field) by HXL tag when the
 * sheet has a hashtag row, and otherwise — or for untagged columns — by
 * header text against the aliases of config.ini [columns]: first a whole
 * header equal to an alias, then an alias found as whole words inside the
 * header, the longest alias winning ("Older women (60+)" is older_women,
 * not women).  A field is taken by one column only. */
#ifndef FOURW_COLMAP_H
#define FOURW_COLMAP_H

#include <stddef.h>

#include "config.h"

/* How many of the cells look like known column headers: the score used to
 * find the header row below title rows. */
int colmap_header_score(const struct config *c, const char *const *cells, size_t n);

/* Maps the columns.  hxl may be NULL.  col[f] receives the column of field
 * f or -1; which[col] receives the field of each column or -1 (array of n). */
void colmap_map(const struct config *c, const char *const *header,
                const char *const *hxl, size_t n, int col[F_COUNT], int *which);

#endif
