/* check_partners: `fourw check --by-partner DIR` — for each organisation
 * whose sheets have a problem, one Markdown and one CSV file with its
 * rejected rows, warnings and notes: sheet, line, column, the kind of
 * problem and what to do.  The information-management officer's monthly
 * email to each partner, in French where the partner's sheets are.
 *
 * A message is the organisation's of the row it is about; a rejected row
 * (which has no organisation read) and a note about a whole sheet belong
 * to the organisation most of the sheet's rows name. */
#ifndef FOURW_CHECK_PARTNERS_H
#define FOURW_CHECK_PARTNERS_H

#include <stdio.h>

#include "table.h"

/* Writes the files into dir (created if missing) and names each on out;
 * returns false, having said why on err, if a file could not be written. */
bool check_write_partners(const struct table *t, const char *dir, FILE *out, FILE *err);

#endif
