/* textmemo: answers remembered by the text they were asked about.
 *
 * A national sheet repeats the same few hundred region, cercle, type,
 * status and date texts across a million rows; resolving each distinct text
 * once through the gazetteer or the date parser, instead of once per row,
 * is most of the loader's speed.  Keys are one or two texts plus a tag
 * saying which question was asked; the texts are copied, so the caller's
 * cells may be reused.  Zero-initialised is empty and ready. */
#ifndef FOURW_TEXTMEMO_H
#define FOURW_TEXTMEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

struct textmemo_entry {
	const char *a, *b;        /* copies of the key texts */
	uint32_t alen, blen;
	uint32_t hash;
	int tag;                  /* 0 marks an empty slot */
	int64_t value;
};

struct textmemo {
	struct textmemo_entry *slots;
	size_t cap, len;
	struct arena keys;
};

/* The key: tag (> 0) and the texts a[0..alen) and b[0..blen) (b may be
 * NULL when blen is 0).  The loader knows each cell's length, so a key
 * costs no strlen and is compared by length first. */
bool textmemo_get(const struct textmemo *m, int tag, const char *a, size_t alen,
                  const char *b, size_t blen, int64_t *value);
void textmemo_put(struct textmemo *m, int tag, const char *a, size_t alen, const char *b,
                  size_t blen, int64_t value);
void textmemo_free(struct textmemo *m);
/* n bytes (8-aligned) the memo keeps as long as its answers: an answer
 * too large for a value, remembered by its address. */
void *textmemo_keep(struct textmemo *m, size_t n);

#endif
