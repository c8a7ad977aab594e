/* loop: the meeting screen's one event loop, from curses on to curses off. */
#ifndef FOURW_TUI_LOOP_H
#define FOURW_TUI_LOOP_H

#include "app.h"
#include "live.h"

/* Runs the screen until q or a signal; returns the exit status.  With
 * live (may be NULL) the figures follow the sheets on disk. */
int loop_run(struct app *a, struct live *live);

#endif
