/* share: `e` writes what the screen shows for the minutes (src/export.h).
 * The app asks (a->exporting) whether it is for the IMO (exact figures) or
 * to share (children's small counts masked, src/mask.h); the loop hands
 * the answer here. */
#ifndef FOURW_TUI_SHARE_H
#define FOURW_TUI_SHARE_H

#include <stdbool.h>

#include "app.h"

/* Answers a key while the question is open: i, s or Esc.  True if the key
 * was the question's. */
bool share_key(struct app *a, int key);

#endif
