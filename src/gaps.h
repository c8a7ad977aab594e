/* gaps: the flags a meeting must discuss, DESIGN.md "Gaps".
 *
 * Rules read the cube, the table and the config's thresholds and return
 * flags, each with a kind, a severity, where it applies, a one-line reason
 * with the numbers in it, and the rows behind it (file and line, so data
 * quality flags can point at rejected rows too). */
#ifndef FOURW_GAPS_H
#define FOURW_GAPS_H

#include <stddef.h>
#include <stdint.h>

#include "aggregate.h"
#include "arena.h"
#include "config.h"
#include "filter.h"
#include "table.h"

enum gap_kind {
	GAP_NO_PRESENCE, GAP_LOW_COVERAGE, GAP_MISSING_SERVICE, GAP_CONCENTRATION,
	GAP_ABOVE_TARGET, GAP_ABOVE_NEED, GAP_STALE, GAP_DATA_QUALITY,
	GAP_KIND_COUNT
};

enum severity { SEV_CRITICAL, SEV_HIGH, SEV_MEDIUM, SEV_INFO, SEV_COUNT };

const char *gap_kind_name(enum gap_kind k);   /* "no-presence", "low-coverage"… */
const char *severity_name(enum severity s);   /* "critical", "high", "medium", "info" */

struct rowref { uint32_t source, line; };

struct gap {
	enum gap_kind kind;
	enum severity severity;
	int region;               /* index, or -1 (plan-wide) */
	int cercle;               /* index, or -1 */
	int type;                 /* index, or -1 */
	const char *reason;       /* "Kidal — GC: 61,000 in need, no partner reporting case management" */
	size_t nrows;             /* the rows behind it: gaps_rows lists them */
	/* private to gaps.c */
	struct rowref *rows;      /* kept here, or NULL: listed from the cube when asked */
	uint32_t group;           /* a concentration flag's overlap (cube_overlap_rows) */
};

struct gap_list {
	struct gap *items;        /* most severe first, then region code, type code */
	size_t len, cap;
	struct arena arena;       /* owns reasons and row lists */
	const struct cube *q;     /* the cube the flags were computed from, */
	uint64_t generation;      /* as it was then */
};

void gap_list_init(struct gap_list *g);
void gap_list_free(struct gap_list *g);

/* Computes every flag for the rows the cube counted, under the filter it
 * was computed for.  report_month is the month "now" for pace and
 * staleness (config's report date, else the table's latest month). */
void gaps_compute(struct gap_list *g, const struct config *c,
                  const struct table *t, const struct cube *q, int report_month);

/* The rows behind flag i, in file and line order, into *out (to free);
 * returns how many (the flag's nrows).  A concentration flag can cover
 * most rows of a region, so its rows are listed from the cube only when
 * asked (a filter change on the screen does not pay for them): the cube
 * must be as it was when the flags were computed — asking after it was
 * aggregated again is a programming error, and aborts rather than list
 * the rows of another filter. */
size_t gaps_rows(const struct gap_list *g, size_t i, struct rowref **out);

/* The worst severity among flags for region r (SEV_COUNT if none). */
enum severity gaps_worst_for_region(const struct gap_list *g, int region);

#endif
