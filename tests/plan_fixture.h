/* plan_fixture: a small plan and activity table built in code, so the
 * tests of filter, aggregate, gaps and report need neither config.ini nor
 * the loader.  Every figure below is chosen to make hand arithmetic easy.
 *
 * Regions (display code, in need, targeted):
 *   ML07 Gao         200,000  120,000   cercles Ansongo ML0701, Bourem ML0702, Gao ML0703
 *   ML05 Mopti       300,000  180,000   cercles Douentza ML0504, Mopti ML0506
 *   ML08 Kidal        61,000   40,000   cercle  Kidal ML0802
 *   ML04 Ségou       100,000   60,000   cercle  Ségou ML0406  (variant "segou")
 *   ML06 Tombouctou  unknown  unknown   cercle  Tombouctou ML0605 (variant "timbuktu")
 * Plan: 1,300,000 in need, 800,000 targeted, 29,200,000 requested,
 * 600,000 received, year 2024, monthly mode.
 * Types: GC (essential), PSS (type target 50,000), EAE, ENA (essential),
 * SENS, AUTRE (the "other" type).
 * Thresholds: 25 / 50 / 75 %, 3 partners, 45 days. */
#ifndef FOURW_PLAN_FIXTURE_H
#define FOURW_PLAN_FIXTURE_H

#include <stdint.h>

#include "aggregate.h"
#include "config.h"
#include "cube_index.h"
#include "filter.h"
#include "gaps.h"
#include "table.h"

enum { FX_GAO, FX_MOPTI, FX_KIDAL, FX_SEGOU, FX_TOMBOUCTOU, FX_NREGIONS };
enum { FX_GC, FX_PSS, FX_EAE, FX_ENA, FX_SENS, FX_AUTRE, FX_NTYPES };

#define FX_NA INT32_MIN   /* a count the sheet leaves empty */
/* A row with only a total column. */
#define FX_TOTAL_ONLY(n) .girls = FX_NA, .boys = FX_NA, .women = FX_NA, .men = FX_NA, .total = (n)

/* One row as a test writes it.  Unset counts are 0 (given as zero); set
 * one to FX_NA to leave it empty.  Months are written yyyymm (0 = none). */
struct fx_row {
	uint32_t src;             /* from fx_source() */
	const char *partner;      /* implementing partner (rule 3) */
	const char *org;          /* NULL: same as partner */
	const char *region;       /* region name as in the fixture */
	const char *cercle;       /* NULL: region-level row */
	const char *commune;
	const char *type;         /* type code */
	const char *activity;
	int ym, start_ym, end_ym;
	int32_t girls, boys, women, men;
	int32_t total;            /* the sheet's total column; 0 = left empty */
	enum status status;       /* STATUS_UNKNOWN unless set */
};

void fx_config(struct config *c);
void fx_config_free(struct config *c);

/* What the core suites (filter, aggregate, gaps, report) start from: the
 * fixture plan, an empty table with one source, an unbuilt index, an empty
 * cube, gap list and filter.  Criterion runs each test in a process of its
 * own, so a suite keeps one in a static and sets it up per test. */
struct fx_world {
	struct config cfg;
	struct table tab;
	struct cube_index ix;     /* built by the test once its rows are added */
	struct cube cube;
	struct filter flt;
	struct gap_list gl;
	uint32_t src;             /* the one source, named source_path */
};
void fx_world_init(struct fx_world *w, const char *source_path);
void fx_world_free(struct fx_world *w);

/* The suites that need the loader's full gazetteer, columns and types load
 * a frozen copy of the shipped config (tests/fixtures/plan/, see its
 * README), never the shipped config.ini, so editing the shipped plan cannot
 * change what a test expects.  Fails the test if it does not load; free
 * with config_free. */
#define FX_PLAN_INI "tests/fixtures/plan/config.ini"
void fx_plan_load(struct config *c);

/* The frozen plan and one fixture sheet read as fourw reads it, indexed:
 * what the suites over a hand-worked sheet start from.  Fails the test if
 * either does not load. */
void fx_plan_sheet(struct config *c, struct table *t, struct cube_index *ix, const char *path);

/* Table with no rows; sources are added with fx_source. */
void fx_table(struct table *t);
uint32_t fx_source(struct table *t, const char *path);
/* Adds a row as the loader would (reached by rule 2, planned rows reach
 * nobody), on the next line of its source; returns its index. */
size_t fx_add(struct table *t, const struct config *c, struct fx_row r);

int fx_region(const struct config *c, const char *name);
int fx_cercle(const struct config *c, const char *name);
int fx_type(const struct config *c, const char *code);
int fx_month(int yyyymm);

#endif
