/* strpool: string interning.  Equal contents give the same pointer, so
 * repeated cells (partner names, activities) are stored once and compared
 * with ==.  The pool owns the bytes; returned pointers are borrowed and live
 * until strpool_free(). */
#ifndef FOURW_STRPOOL_H
#define FOURW_STRPOOL_H

#include <stddef.h>

#include "arena.h"

struct strpool {
	struct arena arena;
	const char **slots;
	size_t cap, len;
};

void        strpool_init(struct strpool *p);
const char *strpool_intern(struct strpool *p, const char *s, size_t n);
const char *strpool_intern_cstr(struct strpool *p, const char *s);
void        strpool_free(struct strpool *p);

#endif
