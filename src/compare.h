/* compare: the figures the screen's Δ is measured against, and what
 * changed against them.
 *
 * A baseline holds, per region, per region × type and for the whole, the
 * figures of an earlier moment: either the same sheets' figures as they
 * stood at the end of the previous reporting month (baseline_from_cube
 * over delta.h's cube), or a report saved at an earlier meeting
 * (`fourw report --format csv`, read back by baseline_read_report).  Both
 * are compared with the cube shown the same way, so the screen has one
 * kind of "before".
 *
 * What a saved report can tell, and so what is compared:
 *   - the figures: reached, reached without double counting (regions and
 *     the whole), partners and activities per region and per region × type;
 *   - new and vanished region × type cells (a cell is listed when it has
 *     activity rows);
 *   - partners: the report names none, only how many per region and per
 *     cell, so a change is a count ("Mopti: 2 → 3 partners"), never a name;
 *   - gaps, only those whose rule needs nothing but those figures: a region
 *     with need or a target and no partner (the report's partner count:
 *     any counted row, where the gap rule counts active ones), and low
 *     coverage by band (reached without double counting ÷ targeted against
 *     config's thresholds; the pace against the months elapsed is not
 *     compared, the saved report's month being unknown).  The other rules
 *     need the rows, which a report does not keep. */
#ifndef FOURW_COMPARE_H
#define FOURW_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "aggregate.h"
#include "config.h"
#include "diag.h"
#include "gap.h"

struct base_figures {
	bool listed;              /* the earlier figures have this line */
	uint32_t partners, activities;
	int64_t reached;
	int64_t dedup;            /* without double counting; -1 where not given (cells) */
	int64_t in_need, targeted;    /* CONFIG_UNKNOWN where not given */
};

struct baseline {
	size_t nregions, ntypes;
	struct base_figures total;
	struct base_figures *region;  /* [region] */
	struct base_figures *cell;    /* [region * ntypes + type] */
};

void baseline_init(struct baseline *b);
void baseline_free(struct baseline *b);
/* The figures of cube q (every region and every cell with rows listed). */
void baseline_from_cube(struct baseline *b, const struct config *c, const struct cube *q);
/* Reads a saved `fourw report --format csv` of this plan.  False, with
 * "FILE:LINE:COLUMN: what is wrong" in *e, for a file that is not one (its
 * header must be the report's, byte for byte) or names a region or type
 * code config.ini does not have. */
bool baseline_read_report(struct baseline *b, const struct config *c, const char *path,
                          struct error *e);

static inline const struct base_figures *baseline_cell(const struct baseline *b, size_t r,
                                                       size_t t)
{
	return &b->cell[r * b->ntypes + t];
}

enum change_kind {
	CHANGE_REACHED,           /* a region's reached without double counting moved */
	CHANGE_PARTNERS,          /* a region's number of partners moved */
	CHANGE_CELL_NEW,          /* region × type with rows now, none before */
	CHANGE_CELL_GONE,         /* region × type with rows before, none now */
	CHANGE_GAP_NEW,           /* a comparable gap (gap, severity) open now, not before */
	CHANGE_GAP_CLOSED,        /* open before, not now */
};

struct change {
	enum change_kind kind;
	int region, type;         /* type -1: the region as a whole */
	int64_t before, now;      /* the figures (REACHED, PARTNERS); cells: reached */
	enum gap_kind gap;        /* GAP_NO_PRESENCE or GAP_LOW_COVERAGE */
	enum severity severity;   /* of the gap (new: now; closed: before) */
};

struct change_list {
	struct change *items;
	size_t len, cap;
};

void change_list_free(struct change_list *l);
/* What changed from b to q, region by region in config order: figures,
 * cells, then gaps.  Regions b does not list (a report written under a
 * region filter) and regions q's filter leaves out are not compared. */
void compare_changes(const struct baseline *b, const struct config *c, const struct cube *q,
                     struct change_list *out);

/* One change in words, without its region: "reached 250 → 310",
 * "partners 3 → 2", "new GC", "no more EAE", "new gap: no-presence
 * (critical)", "gap closed: no-presence". */
void compare_words(const struct change *c, const struct config *cfg, char *buf, size_t size);

/* The changes after a report, region by region, under the heading "What
 * changed since NAME" (Markdown: a section and a list); "nothing changed"
 * when l is empty.  Returns -1 when writing failed. */
int compare_write(FILE *out, bool markdown, const char *name, const struct config *cfg,
                  const struct change_list *l);

#endif
