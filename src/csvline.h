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
 * every short line over an alphabet of the characters that matter.
 *
 * Where the line's delimiters and quotes are is found once for the whole
 * line, sixteen bytes at a time; each cell is then one copy into the
 * record.  Lines longer than CSVLINE_MAX bytes are left to libcsv. */
#ifndef FOURW_CSVLINE_H
#define FOURW_CSVLINE_H

#include <stdbool.h>
#include <stddef.h>

#define CSVLINE_MAX 16384

enum csvline_result {
	CSVLINE_RECORD,    /* the cells are in the record */
	CSVLINE_BLANK,     /* spaces and a line end only: no record */
	CSVLINE_OTHER,     /* not simple: the record holds nothing usable; use libcsv */
};

/* A record's cells in one buffer, each NUL-terminated and each right after
 * the one before: cell i is bytes + offs[i], len bytes in all.  (The row's
 * hash of its cells as written reads them as one span.)  Zero-initialised
 * is empty; free() bytes, offs and line. */
struct csvline_cells {
	char *bytes;
	size_t len, cap;
	size_t *offs;
	size_t n, offcap;
	char *line;               /* the copy split (scratch) */
	size_t line_cap;
	bool may_trim;            /* csvline_split: some cell begins or ends with a byte
	                             record_trim may drop (csvline_trim_edge) */
};

/* Bytes that may begin (bit 1) or end (bit 2) what record_trim drops: a
 * tab, CR, LF or other control byte, and the first or last byte of a
 * no-break space (C2 A0) or a narrow one (E2 80 AF); csvline has dropped
 * the plain spaces.  A table: it is asked of both ends of every cell. */
extern const unsigned char csvline_trim_edge[256];

static inline bool csvline_may_trim(unsigned char first, unsigned char last)
{
	return (csvline_trim_edge[first] & 1) | (csvline_trim_edge[last] & 2);
}

/* The length of cell i of c. */
static inline size_t csvline_cell_len(const struct csvline_cells *c, size_t i)
{
	return (i + 1 < c->n ? c->offs[i + 1] : c->len) - c->offs[i] - 1;
}

/* Splits line s[0..n) (its line end included, if any) at `delim` into out,
 * which it empties first. */
enum csvline_result csvline_split(const char *s, size_t n, char delim,
                                  struct csvline_cells *out);

#endif
