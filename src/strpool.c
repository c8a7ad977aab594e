#include "strpool.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;          /* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
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
	const char **slots = xcalloc(cap, sizeof *slots);
	for (size_t i = 0; i < p->cap; i++) {
		const char *s = p->slots[i];
		if (!s)
			continue;
		size_t j = hash_bytes(s, strlen(s)) & (cap - 1);
		while (slots[j])
			j = (j + 1) & (cap - 1);
		slots[j] = s;
	}
	free(p->slots);
	p->slots = slots;
	p->cap = cap;
}

const char *strpool_intern(struct strpool *p, const char *s, size_t n)
{
	if (p->len * 4 >= p->cap * 3)
		grow(p);
	size_t i = hash_bytes(s, n) & (p->cap - 1);
	for (; p->slots[i]; i = (i + 1) & (p->cap - 1))
		if (strncmp(p->slots[i], s, n) == 0 && p->slots[i][n] == '\0')
			return p->slots[i];
	p->len++;
	return p->slots[i] = arena_strndup(&p->arena, s, n);
}

const char *strpool_intern_cstr(struct strpool *p, const char *s)
{
	return strpool_intern(p, s, strlen(s));
}

void strpool_free(struct strpool *p)
{
	arena_free(&p->arena);
	free(p->slots);
	p->slots = NULL;
	p->cap = p->len = 0;
}
