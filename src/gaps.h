/* gaps: the flags a meeting must discuss, DESIGN.md "Gaps".
 *
 * Rules read the cube, the table and the config's thresholds and return
 * flags (gap.h), each with a kind, a severity, where it applies, a one-line
 * reason with the numbers in it, and the rows behind it.  The verdicts the
 * screen shows beside figures (a coverage band, a cell with no partner
 * where there is need) come from here too, so a view never re-derives a
 * rule: it only maps severity and band to colour and symbol. */
#ifndef FOURW_GAPS_H
#define FOURW_GAPS_H

#include <stddef.h>
#include <stdint.h>

#include "aggregate.h"
#include "config.h"
#include "filter.h"
#include "gap.h"
#include "table.h"

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

/* A flag about a whole figure — coverage, above target or need — lists no
 * rows of its own: the rows behind it are the figure's, the counted rows
 * of *region and *type (-1: any; cube_rows_for).  False for other flags. */
bool gaps_figure_of(const struct gap *g, int *region, int *type);
/* How many rows stand behind flag i: its figure's counted rows (in the
 * cube the flags were computed from), else its own (nrows). */
size_t gaps_rows_behind(const struct gap_list *g, size_t i);

/* The worst severity among flags for region r (SEV_COUNT if none). */
enum severity gaps_worst_for_region(const struct gap_list *g, int region);
/* The worst severity among flags for type t in region r (SEV_COUNT if none). */
enum severity gaps_worst_for_cell(const struct gap_list *g, int region, int type);

/* "No partner where there is need" for type t in region r: the severity of
 * the flag that says so — a missing essential service there, or no
 * partner present in the region at all — or SEV_COUNT when no rule says so. */
enum severity gaps_no_partner(const struct gap_list *g, int region, int type);

/* Where a coverage percentage falls under the thresholds: below critical,
 * below high, below medium, or at or above medium (met). */
enum coverage_band { BAND_CRITICAL, BAND_HIGH, BAND_MEDIUM, BAND_MET };
enum coverage_band gaps_coverage_band(const struct thresholds *th, double pct);

#endif
