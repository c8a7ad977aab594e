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

/* True if a row of cells is an HXL hashtag row: at least two non-empty
 * cells, and every non-empty cell starts with '#'. */
bool dialect_is_hxl_row(const char *const *cells, size_t n);

#endif
