#include "memo.h"

#include <stdlib.h>

#include "xalloc.h"

static size_t slot_of(int tag, const void *a, const void *b, size_t cap)
{
	uint64_t h = (uint64_t)(uintptr_t)a * 0x9E3779B97F4A7C15ULL;
	h ^= (uint64_t)(uintptr_t)b * 0xC2B2AE3D27D4EB4FULL;
	h ^= (uint64_t)tag * 0x165667B19E3779F9ULL;
	h ^= h >> 29;
	return (size_t)h & (cap - 1);
}

void memo_init(struct memo *m)
{
	m->cap = 256;
	m->len = 0;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
}

void memo_free(struct memo *m)
{
	free(m->slots);
	m->slots = NULL;
	m->cap = m->len = 0;
}

static struct memo_entry *find(const struct memo *m, int tag, const void *a, const void *b)
{
	size_t i = slot_of(tag, a, b, m->cap);
	for (;; i = (i + 1) & (m->cap - 1)) {
		struct memo_entry *e = &m->slots[i];
		if (e->tag == 0 || (e->tag == tag && e->a == a && e->b == b))
			return e;
	}
}

bool memo_get(const struct memo *m, int tag, const void *a, const void *b, int64_t *value)
{
	if (!m->slots)
		return false;
	const struct memo_entry *e = find(m, tag, a, b);
	if (e->tag == 0)
		return false;
	*value = e->value;
	return true;
}

static void grow(struct memo *m)
{
	struct memo old = *m;
	m->cap *= 2;
	m->len = 0;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].tag)
			memo_put(m, old.slots[i].tag, old.slots[i].a, old.slots[i].b, old.slots[i].value);
	free(old.slots);
}

void memo_put(struct memo *m, int tag, const void *a, const void *b, int64_t value)
{
	if (!m->slots)
		memo_init(m);
	if ((m->len + 1) * 4 >= m->cap * 3)
		grow(m);
	struct memo_entry *e = find(m, tag, a, b);
	if (e->tag == 0)
		m->len++;
	*e = (struct memo_entry){ .a = a, .b = b, .tag = tag, .value = value };
}
