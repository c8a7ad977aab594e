/* idmap: open addressing with linear probing, at most half full. */
#include "idmap.h"

#include <stdlib.h>
#include <string.h>

#include "bigmem.h"
#include "xalloc.h"

/* A table this large is taken from the system and handed straight back
 * (bigmem_zeroed): the regions are indexed on worker threads, whose freed
 * memory the allocator would keep. */
#define OWN_PAGES_BYTES ((size_t)256 << 10)

static uint64_t mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

static size_t key_slot(const uint64_t k[2], size_t cap)
{
	uint64_t h = k[0] * 0x9E3779B97F4A7C15ull + k[1] * 0xC2B2AE3D27D4EB4Full;
	return (size_t)mix(h) & (cap - 1);
}

/* cap empty slots: zeroed memory, as a slot's number 0 means empty. */
static struct idslot *new_slots(size_t cap)
{
	size_t bytes = cap * sizeof(struct idslot);
	return bytes >= OWN_PAGES_BYTES ? bigmem_zeroed(bytes) : xcalloc(cap, sizeof(struct idslot));
}

static void free_slots(struct idslot *s, size_t cap)
{
	size_t bytes = cap * sizeof(struct idslot);
	if (bytes >= OWN_PAGES_BYTES)
		bigmem_free(s, bytes);
	else
		free(s);
}

static void idmap_rehash(struct idmap *m, size_t cap)
{
	struct idslot *old = m->slots;
	size_t ocap = m->cap;
	m->cap = cap;
	m->slots = new_slots(cap);
	for (size_t i = 0; i < ocap; i++) {
		if (!old[i].number)
			continue;
		size_t j = key_slot(old[i].k, cap);
		while (m->slots[j].number)
			j = (j + 1) & (cap - 1);
		m->slots[j] = old[i];
	}
	free_slots(old, ocap);
}

uint32_t idmap_get(struct idmap *m, uint64_t a, uint64_t b, bool *fresh)
{
	const uint64_t k[2] = { a, b };
	if (2 * (m->len + 1) > m->cap)
		idmap_rehash(m, m->cap ? 2 * m->cap : 1024);
	size_t j = key_slot(k, m->cap);
	for (; m->slots[j].number; j = (j + 1) & (m->cap - 1)) {
		const uint64_t *e = m->slots[j].k;
		if (e[0] == a && e[1] == b) {
			*fresh = false;
			return m->slots[j].number - 1;
		}
	}
	memcpy(m->slots[j].k, k, sizeof k);
	m->slots[j].number = (uint32_t)++m->len;
	*fresh = true;
	return (uint32_t)m->len - 1;
}

void idmap_first_words(const struct idmap *m, uint64_t *out)
{
	for (size_t j = 0; j < m->cap; j++)
		if (m->slots[j].number)
			out[m->slots[j].number - 1] = m->slots[j].k[0];
}

void idmap_empty(struct idmap *m)
{
	if (m->len)
		memset(m->slots, 0, m->cap * sizeof *m->slots);
	m->len = 0;
}

void idmap_free(struct idmap *m)
{
	if (m->slots)
		free_slots(m->slots, m->cap);
	memset(m, 0, sizeof *m);
}
