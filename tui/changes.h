/* changes: the screen's "what changed" mode.  Key d toggles it; every
 * figure of the regions view, the matrix's cells and the header's reached
 * figure then show their change ("▲ 1,234", "▼ 56") against the figures
 * as they stood at the end of the previous reporting month (src/delta.h),
 * or, with `fourw --compare FILE`, against that saved report
 * (src/compare.h).  The figures compared with, the trend and the list of
 * changes all come from the core; this file only keeps them with the app
 * and words them. */
#ifndef FOURW_TUI_CHANGES_H
#define FOURW_TUI_CHANGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "compare.h"

struct app;
struct cube;

/* The d key: on, off; the figures are computed when it goes on.  shown:
 * the cube whose regions the regions view lists (app_comparison's with
 * regions picked), so the app hands it and this file calls none of it. */
void changes_toggle(struct app *a, const struct cube *shown);
/* After the cube moved (filter, new data): the figures compared with, the
 * trend and the list of changes again, when the mode is on. */
void changes_recompute(struct app *a, const struct cube *shown);
void changes_free(struct app *a);

/* "Δ since 2024-02" ("Δ depuis février 2024"), or "Δ since
 * last-meeting.csv" with --compare. */
void changes_since(const struct app *a, char *buf, size_t size);

/* A change as the screen shows it: "▲ 1,234", "▼ 56", "= 0"; short forms
 * ("▲ 1.2k") with short = true.  buf 48 bytes. */
const char *changes_words(int64_t d, bool short_form, char *buf);
/* The change of a count of people, now - before, as the screen shows it:
 * changes_words', or under masking (shown.h) "<5" where either figure is
 * masked, else the difference of the two rounded to ten, so that a change
 * never gives back a count the figures themselves mask. */
const char *changes_people(const struct app *a, int64_t now, int64_t before, bool short_form,
                           char *buf);
/* A coverage change in percentage points: "▲ 10.0" (whole: "▲ 10", where
 * the tenths do not fit). buf 48 bytes. */
const char *changes_points(double pp, bool whole, char *buf);

/* The figures region r is compared with, or NULL when the earlier figures
 * do not list it. */
const struct base_figures *changes_region_before(const struct app *a, int r);
/* Those of region r × type t (listed or not: an unlisted cell had no row). */
const struct base_figures *changes_cell_before(const struct app *a, int r, int t);
/* Those of the whole, or NULL when they are not the same scope as the
 * header's (regions picked). */
const struct base_figures *changes_total_before(const struct app *a);

/* Those of the whole, whatever the filter's regions (the regions view's
 * total line is every region's); NULL when the mode is off. */
const struct base_figures *changes_whole_before(const struct app *a);

/* Region r's trend as bars, one a month, oldest first ("▁▃▅█"): its
 * reached figure as it stood at the end of each month (delta.h).  Empty
 * when there is no trend. */
void changes_trend_bars(const struct app *a, int r, char *buf, size_t size);

/* The list of changes in words, for the region picked (r >= 0) or every
 * region: "Kidal ▲ 3,500 · partners 0 → 1 · new GC · closed: no partner". */
void changes_summary(const struct app *a, int r, char *buf, size_t size);

#endif
