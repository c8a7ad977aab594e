/* export_grid: see export_grid.h. */
#include "export_grid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aggregate.h"
#include "mask.h"
#include "xalloc.h"

void grid_init(struct grid *g, const struct grid_col *cols, size_t ncols)
{
	memset(g, 0, sizeof *g);
	g->cols = cols;
	g->ncols = ncols;
}

void grid_free(struct grid *g)
{
	for (size_t i = 0; i < g->nrows * g->ncols; i++)
		free(g->cells[i].text);
	free(g->cells);
	free(g->total);
	memset(g, 0, sizeof *g);
}

static struct grid_cell *cell(const struct grid *g, size_t row, size_t col)
{
	return &g->cells[row * g->ncols + col];
}

size_t grid_row(struct grid *g, bool total)
{
	g->cells = xgrow(g->cells, &g->cells_cap, (g->nrows + 1) * g->ncols, sizeof *g->cells);
	g->total = xgrow(g->total, &g->cap, g->nrows + 1, sizeof *g->total);
	g->total[g->nrows] = total;
	for (size_t c = 0; c < g->ncols; c++)
		*cell(g, g->nrows, c) = (struct grid_cell){ NULL, -1, -1 };
	return g->nrows++;
}

void grid_text(struct grid *g, size_t row, size_t col, const char *text)
{
	free(cell(g, row, col)->text);
	cell(g, row, col)->text = xstrdup(text ? text : "");
}

void grid_count(struct grid *g, size_t row, size_t col, int64_t n)
{
	cell(g, row, col)->n = n;
}

void grid_pct(struct grid *g, size_t row, size_t col, int64_t denom)
{
	cell(g, row, col)->denom = denom;
}

/* Whether any count of the row (not its total) is masked. */
static bool row_has_masked(const struct grid *g, size_t row, int below)
{
	for (size_t c = 0; c < g->ncols; c++)
		if (g->cols[c].kind == COL_COUNT && mask_hides(cell(g, row, c)->n, below))
			return true;
	return false;
}

/* Whether a total row's column sums a masked cell: some row above it, up to
 * the previous total row, has one there (or, for a row-total column, in
 * its counts). */
static bool column_has_masked(const struct grid *g, size_t row, size_t col, int below)
{
	for (size_t r = row; r-- > 0 && !g->total[r];) {
		if (mask_hides(cell(g, r, col)->n, below))
			return true;
		if (g->cols[col].kind == COL_ROW_TOTAL && row_has_masked(g, r, below))
			return true;
	}
	return false;
}

/* The count as shared: masked when small, rounded when it sums a masked
 * count; -1 in *shown when masked. */
static int64_t shared_count(const struct grid *g, size_t row, size_t col, int below)
{
	int64_t n = cell(g, row, col)->n;
	if (n < 0 || mask_hides(n, below))
		return n < 0 ? n : -2;
	bool sums_masked = g->total[row] ? column_has_masked(g, row, col, below)
	                 : g->cols[col].kind == COL_ROW_TOTAL && row_has_masked(g, row, below);
	if (g->total[row] && g->cols[col].kind == COL_ROW_TOTAL)
		sums_masked = sums_masked || row_has_masked(g, row, below);
	return mask_total(n, sums_masked);
}

static const char *render_pct(const struct grid *g, size_t row, size_t col, bool share, int below,
                              char decimal, char buf[32])
{
	const struct grid_cell *k = cell(g, row, col);
	int of = g->cols[col].of;
	int64_t n = share ? shared_count(g, row, (size_t)of, below) : cell(g, row, (size_t)of)->n;
	double pct;
	if (n < 0 || !coverage_pct(n, k->denom, &pct))
		return "";
	long long tenths = (long long)(pct * 10.0 + 0.5);
	snprintf(buf, 32, "%lld%c%lld", tenths / 10, decimal, tenths % 10);
	return buf;
}

const char *grid_render(const struct grid *g, size_t row, size_t col, bool share, int below,
                        char decimal, char buf[32])
{
	const struct grid_cell *k = cell(g, row, col);
	switch (g->cols[col].kind) {
	case COL_TEXT:
		return k->text ? k->text : "";
	case COL_PCT:
		return render_pct(g, row, col, share, below, decimal, buf);
	case COL_COUNT:
	case COL_ROW_TOTAL:
		break;
	}
	int64_t n = share ? shared_count(g, row, col, below) : k->n;
	if (n == -2)
		snprintf(buf, 32, "<%d", below);
	else if (n < 0)
		buf[0] = '\0';
	else
		snprintf(buf, 32, "%lld", (long long)n);
	return buf;
}
