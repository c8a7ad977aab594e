/* export_grid: a table of cells as an export writes it, with the masking
 * rule (mask.h) applied where a count is rendered — private to export.c.
 *
 * Columns are text, counts of people, a row total (the sum of the row's
 * count columns), or a percentage of another column over a denominator.
 * Rows may be totals of the rows above them. */
#ifndef FOURW_EXPORT_GRID_H
#define FOURW_EXPORT_GRID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum col_kind { COL_TEXT, COL_COUNT, COL_ROW_TOTAL, COL_PCT };

struct grid_col {
	const char *name;         /* CSV header: machine-readable, never translated */
	const char *label;        /* Markdown header: translated */
	const char *hxl;          /* HXL hashtag and attributes */
	enum col_kind kind;
	int of;                   /* COL_PCT: the column whose value is divided */
};

struct grid_cell {
	char *text;               /* COL_TEXT (owned) */
	int64_t n;                /* a count, or -1: empty */
	int64_t denom;            /* COL_PCT: the denominator, or -1: none */
};

struct grid {
	const struct grid_col *cols;
	size_t ncols;
	struct grid_cell *cells;  /* nrows × ncols */
	bool *total;              /* by row: a total of the rows above */
	size_t nrows, cap, cells_cap;
};

void grid_init(struct grid *g, const struct grid_col *cols, size_t ncols);
void grid_free(struct grid *g);
/* Appends an empty row (every count empty); returns its index. */
size_t grid_row(struct grid *g, bool total);
void grid_text(struct grid *g, size_t row, size_t col, const char *text);
void grid_count(struct grid *g, size_t row, size_t col, int64_t n);
void grid_pct(struct grid *g, size_t row, size_t col, int64_t denom);

/* What a cell shows: masked and rounded as mask.h says when share (with
 * threshold below), else exact.  decimal: ',' or '.' for percentages.
 * Returns buf (or the cell's text). */
const char *grid_render(const struct grid *g, size_t row, size_t col, bool share, int below,
                        char decimal, char buf[32]);

#endif
