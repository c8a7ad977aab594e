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

/* Whether some organisation's files are to be in French (*any_french) and
 * some in English (*any_english). */
void check_partners_languages(const struct table *t, bool *any_french, bool *any_english);

/* Writes the files into dir (created if missing) and names each on out;
 * returns false, having said why on err, if a file could not be written.
 * A table's messages are worded once, in the run's language, as the sheets
 * are read: other_language is the same sheets read again in the other one
 * (or NULL), and an organisation whose files are in that language takes
 * its messages from there, so a French partner's file is French through. */
bool check_write_partners(const struct table *t, const struct table *other_language,
                          const char *dir, FILE *out, FILE *err);

#endif
