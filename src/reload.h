/* reload: whether sheets read again during the meeting may replace the
 * figures on the screen, and what changed, in one line.
 *
 * A sheet caught half-written — emptied, cut part-way, or rejecting far
 * more rows than the version on screen — is not taken: the figures read
 * before stay, with a warning naming the sheet, until it reads cleanly
 * (or the coordinator takes it by hand).  The thresholds are here and
 * nowhere else. */
#ifndef FOURW_RELOAD_H
#define FOURW_RELOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "aggregate.h"
#include "config.h"
#include "table.h"

/* A sheet is suspect when it rejects more rows than before by more than
 * this many, or by a tenth of its rows if that is more. */
#define RELOAD_REJECT_SLACK 5

/* The first sheet of `now` that looks caught half-way when compared with
 * the same path in `before` (or, for a sheet new to the folder, one that
 * rejects more than half its rows): its index in now->sources, and why in
 * `why` (short, for the tab line: "stc.csv held back: 4 rows, had 10").  -1 when every sheet may be taken. */
long reload_suspect(const struct table *before, const struct table *now,
                    char *why, size_t cap);

/* What changed between two readings, in one line for the status bar:
 * "+120 rows from stc_juin.csv — Mopti reached +3,410".  The cubes are
 * each reading's unfiltered figures (the plan's, rule 6 per region). */
void reload_summary(const struct config *c,
                    const struct table *before, const struct cube *before_plan,
                    const struct table *now, const struct cube *now_plan,
                    char *out, size_t cap);

#endif
