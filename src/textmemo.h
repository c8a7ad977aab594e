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
	uint32_t hash;
	int tag;                  /* 0 marks an empty slot */
	int64_t value;
};

struct textmemo {
	struct textmemo_entry *slots;
	size_t cap, len;
	struct arena keys;
};

/* tag must be > 0; b may be NULL (the same as ""). */
bool textmemo_get(const struct textmemo *m, int tag, const char *a, const char *b,
                  int64_t *value);
void textmemo_put(struct textmemo *m, int tag, const char *a, const char *b, int64_t value);
void textmemo_free(struct textmemo *m);
/* n bytes (8-aligned) the memo keeps as long as its answers: an answer
 * too large for a value, remembered by its address. */
void *textmemo_keep(struct textmemo *m, size_t n);

#endif
