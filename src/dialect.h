/* dialect: how a sheet's text is laid out — its delimiter and where its
 * header row (and HXL hashtag row) are. */
#ifndef FOURW_DIALECT_H
#define FOURW_DIALECT_H

#include <stdbool.h>
#include <stddef.h>

/* Picks the delimiter among , ; TAB | from the first 30 lines of UTF-8
 * text: the one that splits the most lines into the same number (≥ 2) of
 * fields, counting only outside double quotes.  Ties go to ';', then ','
 * (francophone Excel uses ';').  Returns ',' for text with no candidate. */
char dialect_sniff_delimiter(const char *text, size_t len);
/* True when text holds all the sniffer reads (its first lines): more text
 * after it would not change the answer. */
bool dialect_sniff_has_enough(const char *text, size_t len);

/* Printable name of a delimiter: "comma", "semicolon", "tab", "pipe". */
const char *dialect_delimiter_name(char d);

/* True if s is an HXL hashtag spec as the HXL 1.1 tagging conventions'
 * Appendix B writes it: '#' and a token, then any number of '+' tokens,
 * with optional white space before each '+' (a token is an ASCII letter,
 * then letters, digits or '_').  "# atteints" (a '#' and a space) is not. */
bool dialect_is_hxl_tag(const char *s);

/* True if a row of cells is an HXL hashtag row as libhxl finds it: at
 * least half of its non-empty cells are hashtags, so a stray note in the
 * row does not hide the tags.  Two hashtags at least, so that a lone title
 * cell such as "#Mali" does not end the headers. */
bool dialect_is_hxl_row(const char *const *cells, size_t n);

#endif
