/* cell: the pieces of a sheet cell that the number and date readers
 * share — a span of bytes, trimming the blanks French spreadsheets use
 * (space, NBSP U+00A0, narrow NBSP U+202F) and the markers partners write
 * for "not available". */
#ifndef FOURW_CELL_H
#define FOURW_CELL_H

#include <stdbool.h>
#include <stddef.h>

struct span {
	const char *p;
	size_t n;
};

bool cell_is_digit(char c);
bool cell_is_alpha(char c);
char cell_lower(char c);
/* s equals word, a lower-case ASCII word, ignoring ASCII case. */
bool cell_span_ieq(struct span s, const char *word);
/* Length of the blank starting at p / ending just before end, 0 if none. */
size_t cell_blank_at(const char *p, const char *end);
size_t cell_blank_before(const char *start, const char *end);
/* s without its leading and trailing blanks. */
struct span cell_trim(const char *s);
/* Empty, or a "not available" marker ("-", "n/a", "na", "nd", "#n/a"). */
bool cell_is_missing(struct span s);

#endif
