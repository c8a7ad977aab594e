/* live: see live.h. */
#include "live.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "aggregate.h"
#include "i18n.h"
#include "reload.h"
#include "xalloc.h"

int64_t live_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void live_init(struct live *l, const struct config *c, struct table *t,
               const char *const *paths, size_t npaths, int64_t now_ms)
{
	memset(l, 0, sizeof *l);
	l->tab = xmalloc(sizeof *l->tab);
	*l->tab = *t;
	table_init(t);
	l->index = xmalloc(sizeof *l->index);
	cube_index_build(l->index, c, l->tab);
	bgload_init(&l->load, c, paths, npaths);
	if (npaths == 0) {
		paths = c->sheets;
		npaths = c->nsheets;
	}
	watch_open(&l->watch, paths, npaths, getenv("FOURW_POLL") == NULL, now_ms);
}

static void drop(struct table *t, struct cube_index *ix)
{
	cube_index_free(ix);
	free(ix);
	table_free(t);
	free(t);
}

void live_free(struct live *l)
{
	watch_close(&l->watch);
	bgload_free(&l->load);
	drop(l->tab, l->index);
	memset(l, 0, sizeof *l);
}

/* The change line: the reading on screen is measured by the app's own
 * plan cube (a->base), the new one by a cube of its own. */
static void say_change(struct app *a, const struct table *now, struct cube_index *now_ix)
{
	struct cube is;
	struct filter all;
	char line[sizeof a->status];
	filter_init(&all);
	cube_init(&is);
	cube_compute(&is, now_ix, &all);
	reload_summary(a->cfg, a->tab, &a->base, now, &is, line, sizeof line);
	app_status(a, "%s", line);
	cube_free(&is);
}

/* A finished load: shown, or held back with the sheet named. */
static void take(struct live *l, struct app *a)
{
	struct table *t;
	struct cube_index *ix;
	bool forced = l->forced;
	l->forced = false;
	if (!bgload_take(&l->load, &t, &ix)) {
		snprintf(l->warning, sizeof l->warning, _("Sheets not read again: %s"), l->load.err.msg);
		app_status(a, "%s", l->warning);
		return;
	}
	char why[sizeof l->warning];
	if (!forced && reload_suspect(l->tab, t, why, sizeof why) >= 0) {
		snprintf(l->warning, sizeof l->warning, "%s", why);
		app_status(a, "%s", l->warning);
		drop(t, ix);
		return;
	}
	l->warning[0] = '\0';
	say_change(a, t, ix);
	app_swap_data(a, t, ix);
	drop(l->tab, l->index);
	l->tab = t;
	l->index = ix;
}

bool live_tick(struct live *l, struct app *a, int64_t now_ms)
{
	bool redraw = false;
	if (bgload_ready(&l->load)) {
		take(l, a);
		redraw = true;
	}
	if (a->reload_asked && !bgload_running(&l->load)) {
		a->reload_asked = false;
		l->forced = true;
		watch_taken(&l->watch);
		bgload_start(&l->load);
	} else if (watch_tick(&l->watch, now_ms) == WATCH_READY && !bgload_running(&l->load)) {
		watch_taken(&l->watch);
		bgload_start(&l->load);
	}
	if (l->warning[0] && !a->status[0]) {
		app_status(a, "%s", l->warning);
		redraw = true;
	}
	return redraw;
}
