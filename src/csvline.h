/* csvline: the common line of a CSV sheet, split without libcsv.
 *
 * libcsv reads a byte at a time through a state machine and callbacks; on a
 * large sheet that was the largest single cost of loading.  Yet nearly
 * every line of a 4W sheet is one whole record of simple cells: unquoted
 * text, or "quoted text" with "" standing for a quote.  This splits such a
 * line the way libcsv would (the same cells, byte for byte: spaces around a
 * cell dropped, quotes removed, a line of spaces no record at all) and says
 * CSVLINE_OTHER for anything else, which the caller hands to libcsv: a
 * quoted cell running on to the next line, a quote inside an unquoted cell,
 * text after a closing quote.  tests/test_csvline.c compares the two on
 * every short line over an alphabet of the characters that matter. */
#ifndef FOURW_CSVLINE_H
#define FOURW_CSVLINE_H

#include <stddef.h>

enum csvline_result {
	CSVLINE_RECORD,    /* the cells were given to on_cell, in order */
	CSVLINE_BLANK,     /* spaces and a line end only: no record */
	CSVLINE_OTHER,     /* not simple: some cells may have been given; start again with libcsv */
};

/* The same shape as libcsv's field callback. */
typedef void (*csvline_cell_fn)(void *cell, size_t len, void *data);

struct csvline_scratch {   /* room for a cell whose "" were undoubled; free() buf */
	char *buf;
	size_t cap;
};

/* Splits line s[0..n) (its line end included, if any) at `delim`. */
enum csvline_result csvline_split(const char *s, size_t n, char delim,
                                  struct csvline_scratch *scratch,
                                  csvline_cell_fn on_cell, void *data);

#endif
