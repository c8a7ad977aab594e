/* live: the meeting screen follows the sheets on disk.
 *
 * The sheets the screen read are watched (src/watch.h); once a change has
 * settled they are read again on a thread (src/bgload.h) while the keys go
 * on working, and the new reading replaces the one on screen — unless a
 * sheet looks caught half-way (src/reload.h), in which case the figures
 * stay and a warning names the sheet until it reads cleanly.  Ctrl-R reads
 * again at once and takes what it reads. */
#ifndef FOURW_TUI_LIVE_H
#define FOURW_TUI_LIVE_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "bgload.h"
#include "watch.h"

struct live {
	struct watch watch;
	struct bgload load;
	struct table *tab;        /* the reading on screen (owned) */
	struct cube_index *index;
	bool forced;              /* the running load was asked by hand: take it whatever it reads */
	char warning[256];        /* a sheet held back, shown until it reads cleanly */
};

/* Takes ownership of t (moved in, then t is emptied) and indexes it;
 * paths are what the screen was given (none: config's sheets). */
void live_init(struct live *l, const struct config *c, struct table *t,
               const char *const *paths, size_t npaths, int64_t now_ms);
void live_free(struct live *l);

/* Called on every turn of the loop: watches, starts and takes reloads.
 * True when the screen must be drawn again. */
bool live_tick(struct live *l, struct app *a, int64_t now_ms);

/* Milliseconds of a monotonic clock (the loop's "now"). */
int64_t live_now_ms(void);

#endif
