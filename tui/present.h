/* present: the presentation mode, for the projector.  First the plan's key
 * figures in large digits (tui/bigdigits.h), then each region with need
 * (config order), its own key figures, its reach by intervention type and
 * its gap flags, one page after another every few seconds.  Any key pauses
 * (and a key again resumes), [ and ] step, S or Esc goes back to the
 * normal screen, q quits.  The figures are the core's (the unfiltered
 * cube and its gap list, as the regions view has them); counts are masked
 * as for sharing (tui/shown.h).  The loop owns the timing: it waits with
 * its usual timeout and asks present_tick whether a page turned, so an
 * idle presentation draws nothing between pages. */
#ifndef FOURW_TUI_PRESENT_H
#define FOURW_TUI_PRESENT_H

#include <stdbool.h>
#include <stdint.h>

#include "app.h"

struct present {
	bool on;                  /* the presentation was started (theme switched) */
	bool paused;
	int page;                 /* 0: the plan; k: the k-th region with need */
	int64_t turn_at_ms;       /* when the next page comes */
};

void present_init(struct present *p);
/* Starts or ends the presentation as a->presenting asks, and turns the
 * page when its time has come.  True when the screen must be drawn. */
bool present_tick(struct present *p, struct app *a, int64_t now_ms);
/* Answers a key while presenting. */
void present_key(struct present *p, struct app *a, int key, int64_t now_ms);
/* Draws the current page over the whole screen of w x h. */
void present_draw(const struct present *p, const struct app *a, int w, int h);

#endif
