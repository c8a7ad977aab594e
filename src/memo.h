/* memo: remembers answers keyed by interned strings.
 *
 * A national 4W sheet repeats the same few hundred region, cercle, type,
 * status and date texts across a million rows.  Resolving each through the
 * gazetteer (folding, comparing every name and variant) once per distinct
 * text instead of once per row is most of the loader's speed.  Keys are
 * pointers from a strpool (equal text = equal pointer) plus a small tag
 * saying which question was asked. */
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
