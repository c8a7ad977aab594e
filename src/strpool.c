#include "strpool.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Eight bytes at a time: interning hashes every text cell of every row. */
uint32_t strpool_hash(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
		s += 8;
		n -= 8;
	}
	uint64_t w = 0;
	memcpy(&w, s, n);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 29;
	return (uint32_t)h;
}

void strpool_init(struct strpool *p)
{
	arena_init(&p->arena, 64 * 1024);
	p->cap = 1024;
	p->len = 0;
	p->slots = xcalloc(p->cap, sizeof *p->slots);
}

static void grow(struct strpool *p)
{
	size_t cap = p->cap * 2;
	struct strpool_slot *slots = xcalloc(cap, sizeof *slots);
	for (size_t i = 0; i < p->cap; i++) {
		if (!p->slots[i].s)
			continue;
		size_t j = p->slots[i].hash & (cap - 1);
		while (slots[j].s)
			j = (j + 1) & (cap - 1);
		slots[j] = p->slots[i];
	}
	free(p->slots);
	p->slots = slots;
	p->cap = cap;
}

const char *strpool_intern(struct strpool *p, const char *s, size_t n)
{
	if (p->len * 4 >= p->cap * 3)
		grow(p);
	uint32_t h = strpool_hash(s, n);
	size_t i = h & (p->cap - 1);
	for (; p->slots[i].s; i = (i + 1) & (p->cap - 1)) {
		const struct strpool_slot *e = &p->slots[i];
		if (e->hash == h && e->len == n && memcmp(e->s, s, n) == 0)
			return e->s;
	}
	p->len++;
	p->slots[i] = (struct strpool_slot){ arena_strndup(&p->arena, s, n), h, (uint32_t)n };
	return p->slots[i].s;
}

const char *strpool_intern_cstr(struct strpool *p, const char *s)
{
	return strpool_intern(p, s, strlen(s));
}

void strpool_each(const struct strpool *p, void (*fn)(const char *s, size_t n, void *data),
                  void *data)
{
	for (size_t i = 0; i < p->cap; i++)
		if (p->slots[i].s)
			fn(p->slots[i].s, p->slots[i].len, data);
}

void strpool_free(struct strpool *p)
{
	arena_free(&p->arena);
	free(p->slots);
	p->slots = NULL;
	p->cap = p->len = 0;
}
