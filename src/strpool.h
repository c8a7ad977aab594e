/* strpool: string interning.  Equal contents give the same pointer and the
 * same id, so repeated cells (partner names, activities) are stored once and
 * compared with ==.  Ids count up from 0, which is always "" (so a zeroed
 * record names empty strings); a table row keeps 4-byte ids rather than
 * 8-byte pointers.  The pool owns the bytes; returned pointers are borrowed
 * and live until strpool_free(). */
#ifndef FOURW_STRPOOL_H
#define FOURW_STRPOOL_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

struct strpool_slot {
	uint32_t hash, len;       /* compared before the bytes are */
	uint32_t ref;             /* the string's id + 1; 0 marks an empty slot */
};

struct strpool {
	struct arena arena;
	struct strpool_slot *slots;
	size_t cap, len;          /* len: how many strings, and the next id */
	const char **strs;        /* [id] */
};

void        strpool_init(struct strpool *p);
uint32_t    strpool_id(struct strpool *p, const char *s, size_t n);
uint32_t    strpool_id_cstr(struct strpool *p, const char *s);
const char *strpool_intern(struct strpool *p, const char *s, size_t n);
const char *strpool_intern_cstr(struct strpool *p, const char *s);

/* The string with this id (an id the pool gave). */
static inline const char *strpool_str(const struct strpool *p, uint32_t id)
{
	return p->strs[id];
}

void        strpool_free(struct strpool *p);
/* The hash the pool files s[0..n) under (also used by textmemo.c). */
uint32_t    strpool_hash(const char *s, size_t n);

#endif
