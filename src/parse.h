/* parse: the people counts of a 4W sheet, as partners type them.
 *
 * People counts:  "1234", "1 234" (space, NBSP U+00A0 or narrow NBSP
 * U+202F), "1,234", "1.234", "1'234", surrounding spaces.  Empty, "-",
 * "N/A", "NA", "ND", "#N/A" are missing.  Negative or fractional counts are
 * errors (people are whole), as is anything that is not a number.
 *
 * Dates live in date.h, included here because most readers of a cell want
 * both. */
#ifndef FOURW_PARSE_H
#define FOURW_PARSE_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"

enum num_status {
	NUM_OK,
	NUM_MISSING,     /* empty or a "not available" marker: not an error */
	NUM_NEGATIVE,
	NUM_FRACTION,
	NUM_TOO_LARGE,   /* above PARSE_PEOPLE_MAX */
	NUM_INVALID,     /* not a number at all */
};

#define PARSE_PEOPLE_MAX 100000000  /* no single row reaches 100 million people */

enum num_status parse_people(const char *s, int64_t *out);

/* A plain English phrase for a status, for messages: "is negative". */
const char *parse_num_status_text(enum num_status st);

#endif
