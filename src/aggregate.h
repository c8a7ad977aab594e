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
 * A cube is computed from a cube_index (built once from the table) and a
 * filter; it records both, so what reads the cube (the gap rules, the
 * report, the rows behind a figure: cube_rows.h) needs nothing else.  The
 * screen and the report only read a cube; no figure is computed anywhere
 * else. */
#ifndef FOURW_AGGREGATE_H
#define FOURW_AGGREGATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "cube_index.h"
#include "filter.h"
#include "table.h"

/* Whose need and target the total is measured against (rule 7): the
 * plan's, the selected regions' own, the selected types' targets (no need
 * is known by type), or none (regions and types at once: the type targets
 * are national). */
enum denominators { DENOM_PLAN, DENOM_REGIONS, DENOM_TYPES, DENOM_NONE };

struct measure {
	int64_t reached;          /* rule 5: Σ people reached */
	int64_t girls, boys, women, men, older;   /* Σ of the given values */
	uint32_t partners;        /* distinct partners (rule 3) with a counted row */
	uint32_t activities;      /* counted rows (planned ones included) */
	uint32_t planned;         /* of which planned: presence, not reach */
	uint32_t cercles;         /* distinct cercles covered */
	uint32_t active;          /* counted rows neither planned nor suspended:
	                             presence that delivers (gap rules) */
	uint32_t active_unnamed;  /* of those, rows with no organisation: their people
	                             count, but they make no partner (rule 13) */
};

/* How many of each thing the cube's arrays hold room for. */
struct cube_room {
	size_t nregions, ntypes, rows, presence, partners, overlaps;
};

/* What the counted rows written in one region add to its plan region
 * (rule 12): the level below a plan region, shown beside it. */
struct written_sum {
	int64_t reached;          /* simple sum */
	uint32_t rows;            /* counted rows */
};

struct cube {
	size_t nregions, ntypes;
	struct measure *cell;     /* read with cube_cell */
	struct measure *region;   /* [region]: all types */
	int64_t *region_dedup;    /* [region]: rule 6 */
	struct written_sum *written;  /* read with cube_written */
	struct measure *type;     /* [type]: all regions */
	struct measure total;
	int64_t total_dedup;
	size_t nrows;             /* rows counted: counted_bits holds which (a list of
	                             them would be 4 MB a cube at a million rows) */
	uint32_t superseded;      /* rows left out by the cumulative rule */
	uint32_t repeats_left_out;    /* repeated rows not counted again (repeated_rows = once) */
	uint32_t outside_plan;    /* rows outside the plan year, left out (rule 11): only
	                             when the filter chose no period window */
	uint32_t resent_left_out;     /* rows a newer sheet sent again (resent = latest) */
	struct presence *presence;    /* sorted by partner, then region */
	size_t npresence;
	struct partner_info *partners; /* sorted by partner name */
	size_t npartners;
	size_t nselected;         /* rows the filter selected (= nrows + superseded
	                           * + repeats_left_out + outside_plan + resent_left_out) */
	int64_t total_in_need;    /* denominators of `total`: the plan's figures, or
	                             with a region filter the selected regions' sum
	                             (CONFIG_UNKNOWN if one of them is unknown) */
	int64_t total_targeted;
	enum denominators denominators;   /* which: what the filter selected (rule 7) */
	struct overlap *overlaps; /* sorted by region, cercle, type, period */
	size_t noverlaps;
	uint64_t generation;      /* new with every computation (unique in the process): what
	                             was read from the cube before is stale once it moves */
	struct filter selection;  /* the filter the cube was computed for */
	struct cube_index *index; /* the index it was computed with */
	uint64_t *selected_bits;  /* by row: the filter selected it (counted or superseded) */
	uint64_t *counted_bits;   /* by row: counted */
	struct cube_room room;
};

void cube_init(struct cube *q);
void cube_free(struct cube *q);   /* not the index: its holder frees it */

/* (Re)computes q for the rows f selects among those ix indexes.  q keeps a
 * pointer to ix (for the rows behind its figures) and a copy of f. */
void cube_compute(struct cube *q, struct cube_index *ix, const struct filter *f);

/* The figures of region r × type t. */
static inline const struct measure *cube_cell(const struct cube *q, size_t r, size_t t)
{
	return &q->cell[r * q->ntypes + t];
}

/* What the rows written in region w add to plan region r. */
static inline const struct written_sum *cube_written(const struct cube *q, size_t r, size_t w)
{
	return &q->written[r * q->nregions + w];
}

/* Whose figures the total is measured against, in words: "Plan",
 * "Selected regions", "Selected types", or "Selection" (no denominator). */
const char *cube_scope_word(const struct cube *q);

/* True if some counted row of plan region r was written in another region. */
bool cube_region_rolled_up(const struct cube *q, size_t r);

/* Coverage in percent of reached over denom; false (and no value) when the
 * denominator is unknown or zero — the caller says "no target". */
bool coverage_pct(int64_t reached, int64_t denom, double *pct);

#endif
