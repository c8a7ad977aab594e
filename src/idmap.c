/* idmap: open addressing with linear probing, at most half full. */
#include "idmap.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

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

static void idmap_rehash(struct idmap *m, size_t cap)
{
	struct idslot *old = m->slots;
	size_t ocap = m->cap;
	m->cap = cap;
	m->slots = xmalloc(cap * sizeof *m->slots);
	for (size_t j = 0; j < cap; j++)
		m->slots[j].val = IDMAP_NONE;
	for (size_t i = 0; i < ocap; i++) {
		if (old[i].val == IDMAP_NONE)
			continue;
		size_t j = key_slot(old[i].k, cap);
		while (m->slots[j].val != IDMAP_NONE)
			j = (j + 1) & (cap - 1);
		m->slots[j] = old[i];
	}
	free(old);
}

uint32_t idmap_get(struct idmap *m, uint64_t a, uint64_t b, bool *fresh)
{
	const uint64_t k[2] = { a, b };
	if (2 * (m->len + 1) > m->cap)
		idmap_rehash(m, m->cap ? 2 * m->cap : 1024);
	size_t j = key_slot(k, m->cap);
	for (; m->slots[j].val != IDMAP_NONE; j = (j + 1) & (m->cap - 1)) {
		const uint64_t *e = m->slots[j].k;
		if (e[0] == a && e[1] == b) {
			*fresh = false;
			return m->slots[j].val;
		}
	}
	memcpy(m->slots[j].k, k, sizeof k);
	m->slots[j].val = (uint32_t)m->next;
	m->len++;
	*fresh = true;
	return (uint32_t)m->next++;
}

void idmap_empty(struct idmap *m)
{
	if (!m->len)
		return;
	for (size_t j = 0; j < m->cap; j++)
		m->slots[j].val = IDMAP_NONE;
	m->len = 0;
}

void idmap_free(struct idmap *m)
{
	free(m->slots);
	memset(m, 0, sizeof *m);
}
