/* xalloc: allocation that never returns NULL.
 *
 * fourw is a batch reader: when memory runs out there is nothing sensible to
 * do but say so and stop, so every allocation goes through here and aborts
 * with a message instead of handing NULL to callers that would not check. */
#ifndef FOURW_XALLOC_H
#define FOURW_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows an array so that it holds at least `need` items of `size` bytes,
 * doubling; updates *cap. Returns the (possibly moved) array. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Says that n bytes could not be had, and aborts (for memory taken
 * elsewhere than malloc, bigmem.h). */
_Noreturn void xalloc_die(size_t n);

/* A function run once, before the out-of-memory message and the abort:
 * the screen gives the terminal back there, so the message is readable
 * (the core knows nothing of curses).  NULL removes it. */
void xalloc_set_fatal_hook(void (*hook)(void));

#endif
