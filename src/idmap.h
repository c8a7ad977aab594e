/* idmap: a map from small tuples to dense ids, for building the cube index.
 *
 * A key is two 64-bit words; each new key gets the next id (0, 1, 2, …),
 * so the index can keep per-tuple figures in plain arrays. */
#ifndef FOURW_IDMAP_H
#define FOURW_IDMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Key and id side by side: a lookup in a large map costs one cache miss.
 * Every tuple packs into two words (24-byte slots: the maps of a million
 * rows are the largest thing alive while the index is built). */
struct idslot {
	uint64_t k[2];
	uint32_t number;          /* the id + 1; 0 marks an empty slot */
};

struct idmap {
	struct idslot *slots;
	size_t cap, len;          /* len: keys held, and the next id */
};

/* Two 32-bit values in one key word. */
static inline uint64_t idmap_pair(uint32_t hi, uint32_t lo)
{
	return (uint64_t)hi << 32 | lo;
}

/* The id of the key (a, b); a new key gets the next id and sets *fresh.
 * A zeroed struct idmap is an empty map. */
uint32_t idmap_get(struct idmap *m, uint64_t a, uint64_t b, bool *fresh);

/* out[id] = the first word of each key (out: room for m->len). */
void idmap_first_words(const struct idmap *m, uint64_t *out);

/* Forgets every key, keeping the room: the next key gets id 0. */
void idmap_empty(struct idmap *m);

void idmap_free(struct idmap *m);

#endif
