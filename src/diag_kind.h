/* diag_kind: each diagnostic code in words — what kind of problem it is
 * and what the partner or the IMO does about it.  The one place these
 * words live: `fourw check` prints them beside each kind's count, and
 * whatever else summarises messages by kind reads them here. */
#ifndef FOURW_DIAG_KIND_H
#define FOURW_DIAG_KIND_H

#include <stdbool.h>

#include "diag.h"

/* In the reader's language (i18n.h).  "unknown cercle" */
const char *diag_kind_name(enum diag_code code);
/* "the total differs from the breakdown (the breakdown is counted)": what
 * the kind means for the figures; its name for a kind that only rejects. */
const char *diag_kind_meaning(enum diag_code code);
/* "write the cercle as config.ini [cercles] names it, or add the spelling there" */
const char *diag_kind_fix(enum diag_code code);

/* The same in French when french (the words a partner writing in French
 * receives), else in English. */
const char *diag_kind_name_in(enum diag_code code, bool french);
const char *diag_kind_fix_in(enum diag_code code, bool french);

#endif
