/* memo: a small map from pointer pairs (interned strings, most often) to
 * numbers: which names were already seen, what a string of one pool is in
 * another.  Keys are compared as pointers, plus a small tag saying which
 * question was asked.  (Answers remembered by text: textmemo.h.) */
#ifndef FOURW_MEMO_H
#define FOURW_MEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct memo_entry {
	const void *a, *b;        /* interned strings (NULL allowed) */
	int tag;                  /* which question; 0 marks an empty slot */
	int64_t value;
};

struct memo {
	struct memo_entry *slots;
	size_t cap, len;
};

void memo_init(struct memo *m);
void memo_free(struct memo *m);
/* tag must be > 0. */
bool memo_get(const struct memo *m, int tag, const void *a, const void *b, int64_t *value);
void memo_put(struct memo *m, int tag, const void *a, const void *b, int64_t value);

#endif
