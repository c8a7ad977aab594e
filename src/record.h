/* record: one record of a sheet as the loader holds it — its cells in
 * one buffer, whatever split them (csvline.h or libcsv's callbacks), the
 * cells trimmed as Excel leaves them, and copies kept for later (the
 * header scan, rows that wait for the sheet's p-code system).  Internal
 * to the loading modules. */
#ifndef FOURW_RECORD_H
#define FOURW_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "csvline.h"

/* Limits (README.md, "Limits").  Beyond them the row is rejected, or the
 * cells not kept, with a message: hostile or broken input never costs
 * unbounded memory or time, and never a row lost without a word. */
#define CELL_MAX_CHARS 32767   /* Excel's own limit for one cell */
#define COLS_MAX 16384         /* Excel's own limit (column XFD) */

/* What a record held beyond the limits: the cells themselves are not kept. */
struct overflow {
	size_t dropped;            /* cells past COLS_MAX */
	bool dropped_text;         /* at least one of them was not empty */
	uint32_t long_col;         /* 1-based column of the first cell over CELL_MAX_CHARS, 0 if none */
	size_t long_chars;         /* its length in characters */
};

/* One record: its cells, NUL-separated in one buffer (as csvline.h
 * leaves them, or as the libcsv callbacks push them). */
struct record {
	uint32_t line;
	struct csvline_cells c;
	struct overflow of;
};

struct saved {                 /* a record kept for later (header scan, deferral) */
	uint32_t line;
	char *bytes;
	size_t *offs;
	size_t n;
	struct overflow of;
};

struct saved_list {
	struct saved *items;
	size_t n, cap;
};

/* Appends a cell to c. */
void record_push(struct csvline_cells *c, const char *s, size_t len);
/* Trims spaces, tabs and no-break spaces around the cell *s[0..*len), as
 * Excel leaves them. */
void record_trim(const char **s, size_t *len);
/* record_trim over every cell of c, which stay one after the other. */
void record_trim_cells(struct csvline_cells *c);

/* A copy of r; saved_free frees it. */
struct saved record_save(const struct record *r);
void saved_free(struct saved *s);
/* Keeps a copy of the record (bytes, offs, n, of) in l, to be read later. */
void saved_list_keep(struct saved_list *l, uint32_t line, char *bytes, const size_t *offs,
                     size_t n, const struct overflow *of);
void saved_list_free(struct saved_list *l);

#endif
