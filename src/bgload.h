/* bgload: reading the sheets again on a thread of its own, so that a
 * reload of a large folder during the meeting never freezes the keys.
 *
 * The screen starts a load, goes on answering keys, and looks at
 * bgload_fd() (or simply calls bgload_ready() now and then); when the load
 * is done it takes the new table and index and swaps them in at once. */
#ifndef FOURW_BGLOAD_H
#define FOURW_BGLOAD_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "cube_index.h"
#include "diag.h"
#include "table.h"

struct bgload {
	const struct config *cfg;
	char **paths;             /* what to read: the paths the screen was given */
	size_t npaths;
	pthread_t thread;
	int wake[2];              /* the thread writes one byte here when done */
	bool running;
	/* filled by the thread: */
	struct table *table;      /* the new reading (owned until taken) */
	struct cube_index *index;
	bool ok;
	struct error err;
};

void bgload_init(struct bgload *b, const struct config *c, const char *const *paths,
                 size_t npaths);
void bgload_free(struct bgload *b);   /* waits for a running load, drops its result */

/* Starts reading; false if one is already running or no thread could be
 * started (then nothing changes). */
bool bgload_start(struct bgload *b);
bool bgload_running(const struct bgload *b);
/* Readable when the running load has finished; -1 if none runs. */
int bgload_fd(const struct bgload *b);
/* True once the running load has finished (without waiting). */
bool bgload_ready(struct bgload *b);
/* Waits for the load and hands over its table and index (the caller frees
 * them with table_free/cube_index_free and free()); false with b->err set
 * when the sheets could not be read — then nothing is handed over. */
bool bgload_take(struct bgload *b, struct table **t, struct cube_index **ix);

#endif
