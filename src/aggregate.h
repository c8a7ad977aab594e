/* aggregate: the coverage cube, DESIGN.md "The numbers" rules 1–8.
 *
 * For a filter, computes per region × intervention type the people reached
 * (sum, with its disaggregation), partners, activity rows and cercles; per
 * region, per type and for the plan the same plus the figure without double
 * counting (rule 6: for each finest place — cercle, else region — the
 * largest type's sum, added up).  In cumulative mode only the latest
 * reporting period of each partner × place × type × activity counts (rule
 * 4).  Planned rows are presence, never people reached.
 *
 * The screen and the report only read a cube; no figure is computed
 * anywhere else. */
#ifndef FOURW_AGGREGATE_H
#define FOURW_AGGREGATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "filter.h"
#include "table.h"

struct measure {
	int64_t reached;          /* rule 5: Σ people reached */
	int64_t girls, boys, women, men, older;   /* Σ of the given values */
	uint32_t partners;        /* distinct partners (rule 3) with a counted row */
	uint32_t activities;      /* counted rows (planned ones included) */
	uint32_t planned;         /* of which planned: presence, not reach */
	uint32_t cercles;         /* distinct cercles covered */
	uint32_t active;          /* counted rows neither planned nor suspended:
	                             presence that delivers (gap rules) */
};

struct presence {             /* one partner in one region */
	const char *partner;      /* interned in the table */
	int region;
	uint32_t activities;
	int64_t reached;
	int latest_month;         /* latest period of this partner here, -1 if none */
	uint32_t id;              /* (added) private: for cube_presence_rows */
};

struct partner_info {         /* one partner, all regions */
	const char *partner;
	int latest_month;         /* latest reporting period over the partner's rows */
	uint32_t activities;
	int64_t reached;
	uint32_t regions;         /* how many regions */
};

/* One cercle × type × reporting period where several partners are active
 * at once: what the concentration rule reads.  Only groups with two or more
 * distinct active partners are listed. */
struct overlap {
	int region, cercle, type;
	int period;               /* month_index */
	uint32_t partners;        /* distinct active partners */
	uint32_t rows;            /* their counted rows (the ones cube_overlap_rows lists) */
	uint32_t group;           /* private: for cube_overlap_rows */
};

struct cube_cache;            /* private to aggregate.c */

struct cube {
	size_t nregions, ntypes;
	struct measure *cell;     /* [region * ntypes + type] */
	struct measure *region;   /* [region]: all types */
	int64_t *region_dedup;    /* [region]: rule 6 */
	struct measure *type;     /* [type]: all regions */
	struct measure total;
	int64_t total_dedup;
	uint32_t *rows;           /* indices of the rows counted, in table order */
	size_t nrows;
	uint32_t superseded;      /* rows left out by the cumulative rule */
	struct presence *presence;    /* sorted by partner, then region */
	size_t npresence;
	struct partner_info *partners; /* sorted by partner name */
	size_t npartners;
	/* --- added for the report, the gap rules and speed --- */
	size_t nselected;         /* rows the filter selected (= nrows + superseded) */
	int64_t total_in_need;    /* denominators of `total`: the plan's figures, or
	                             with a region filter the selected regions' sum
	                             (CONFIG_UNKNOWN if one of them is unknown) */
	int64_t total_targeted;
	struct overlap *overlaps; /* sorted by region, cercle, type, period */
	size_t noverlaps;
	uint64_t generation;      /* new with every aggregate (unique in the process): what
	                             was read from the cube before is stale once it moves */
	struct cube_cache *cache; /* per-table index reused across calls */
};

void cube_init(struct cube *q);
void cube_free(struct cube *q);
/* (Re)computes q for the rows f selects.  The table's rows must be grouped
 * by region (table_group_by_region): a region's rows are then one stretch
 * the filter walks.  An ungrouped table is a programming error: it aborts
 * with a message. */
void aggregate(struct cube *q, const struct config *c, const struct table *t,
               const struct filter *f);

/* Forgets the per-table index.  The index is rebuilt by itself when the
 * table, its rows, its length or the config move, or when a sample of its
 * rows changes; call this after changing rows of a table in place (or
 * after reloading into the same table, to be certain). */
void cube_invalidate(struct cube *q);

/* Moves from's per-table index to `to` (dropping to's own): a second cube
 * over the same table and config is then computed without building the
 * index again — and without holding it twice.  `from` keeps its figures
 * (as of its last aggregate), but the questions below that need the index
 * (cube_rows_for, cube_*_rows, cube_row_at, cube_diag_rows) must be asked
 * of `to`; aggregating `from` again builds a new index. */
void cube_take_index(struct cube *to, struct cube *from);

/* The table row loaded from (source, line), or -1: used to place warnings
 * (which name a file and line) on a region.  The first call indexes. */
long cube_row_at(const struct cube *q, const struct table *t, uint32_t source, uint32_t line);

/* True if the last aggregate()'s filter selected row i (counted or
 * superseded). */
bool cube_row_selected(const struct cube *q, size_t i);

/* A counted row and where it was read. */
struct cube_ref { uint32_t row, source, line; };

/* The rows behind a gap flag, without walking every counted row or
 * touching the table: the counted active rows of an overlap; the counted
 * rows of a presence whose period is `period`.  *out is malloc'd, in table
 * order; returns how many.  The first call indexes the table's groups. */
size_t cube_overlap_rows(const struct cube *q, const struct overlap *o, struct cube_ref **out);
size_t cube_presence_rows(const struct cube *q, const struct presence *p, int period,
                          struct cube_ref **out);

/* For each diagnostic of t->diags, the row it is about (-1: a rejected row,
 * a note, or none); indexed once per table and kept with the cube. */
const int32_t *cube_diag_rows(const struct cube *q, const struct table *t);

/* Coverage in percent of reached over denom; false (and no value) when the
 * denominator is unknown or zero — the caller says "no target". */
bool coverage_pct(int64_t reached, int64_t denom, double *pct);

/* The counted rows for region r and type t (-1 = any) into *out (malloc'd);
 * returns how many.  What Enter on a figure lists. */
size_t cube_rows_for(const struct cube *q, const struct table *t,
                     int region, int type, uint32_t **out);

#endif
