#include "strpool.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static uint64_t load8(const char *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
	return w;
}

static uint64_t load4(const char *p)
{
	uint32_t w;
	memcpy(&w, p, 4);
	return w;
}

/* One step of a chain: a word mixed into the state. */
static inline uint64_t chain(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0xff51afd7ed558ccdULL;
	return h ^ h >> 32;
}

/* Eight bytes at a time, and the last (up to) eight read in one load that
 * may overlap the ones before: loading hashes some fifteen cells a row,
 * and each row whole (rule 10).  A long text goes 32 bytes a step in four
 * chains that do not wait on each other, joined at the end: one chain
 * would wait on a multiply every eight bytes.  The length goes into the
 * seed, so the overlap cannot make two strings of different lengths look
 * alike.  Equal hashes are always checked byte by byte; the hash only
 * decides where to look. */
uint32_t strpool_hash(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ (n * 0xC2B2AE3D27D4EB4FULL);
	size_t left = n;
	const char *p = s;
	if (left > 32) {
		uint64_t b = h ^ 0x94D049BB133111EBULL, c = h ^ 0xBF58476D1CE4E5B9ULL,
		         d = h ^ 0x2545F4914F6CDD1DULL;
		for (; left > 32; p += 32, left -= 32) {
			h = chain(h, load8(p));
			b = chain(b, load8(p + 8));
			c = chain(c, load8(p + 16));
			d = chain(d, load8(p + 24));
		}
		h = chain(chain(chain(h, b), c), d);
	}
	for (; left > 8; p += 8, left -= 8)
		h = chain(h, load8(p));
	uint64_t w;
	if (n >= 8)
		w = load8(s + n - 8);
	else if (n >= 4)
		w = load4(s) << 32 | load4(s + n - 4);
	else
		w = n ? (uint64_t)(unsigned char)s[0] << 16 | (uint64_t)(unsigned char)s[n / 2] << 8 |
		        (unsigned char)s[n - 1] : 0;
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 29;
	/* a product's low bits see only the low bits of what was multiplied:
	 * mixed down again, texts that differ in their last bytes alone (dates,
	 * codes) fall in different slots of a table sized by these bits */
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 31;
	return (uint32_t)h;
}

void strpool_init(struct strpool *p)
{
	arena_init(&p->arena, 64 * 1024);
	p->cap = 1024;
	p->len = 0;
	p->slots = xcalloc(p->cap, sizeof *p->slots);
	p->strs = NULL;
	strpool_id(p, "", 0);     /* id 0 */
}

static void grow(struct strpool *p)
{
	size_t cap = p->cap * 2;
	struct strpool_slot *slots = xcalloc(cap, sizeof *slots);
	for (size_t i = 0; i < p->cap; i++) {
		if (!p->slots[i].ref)
			continue;
		size_t j = p->slots[i].hash & (cap - 1);
		while (slots[j].ref)
			j = (j + 1) & (cap - 1);
		slots[j] = p->slots[i];
	}
	free(p->slots);
	p->slots = slots;
	p->cap = cap;
}

/* The id array doubles at powers of two, so it needs no capacity. */
static void add_id(struct strpool *p, const char *s)
{
	size_t n = p->len;
	if ((n & (n - 1)) == 0)
		p->strs = xrealloc(p->strs, (n ? 2 * n : 1) * sizeof *p->strs);
	p->strs[n] = s;
	p->len++;
}

uint32_t strpool_id(struct strpool *p, const char *s, size_t n)
{
	if (p->len * 4 >= p->cap * 3)
		grow(p);
	uint32_t h = strpool_hash(s, n);
	size_t i = h & (p->cap - 1);
	for (; p->slots[i].ref; i = (i + 1) & (p->cap - 1)) {
		const struct strpool_slot *e = &p->slots[i];
		if (e->hash == h && e->len == n && memcmp(p->strs[e->ref - 1], s, n) == 0)
			return e->ref - 1;
	}
	uint32_t id = (uint32_t)p->len;
	p->slots[i] = (struct strpool_slot){ h, (uint32_t)n, id + 1 };
	add_id(p, arena_strndup(&p->arena, s, n));
	return id;
}

uint32_t strpool_id_cstr(struct strpool *p, const char *s)
{
	return strpool_id(p, s, strlen(s));
}

const char *strpool_intern(struct strpool *p, const char *s, size_t n)
{
	uint32_t id = strpool_id(p, s, n);   /* first: it may move p->strs */
	return p->strs[id];
}

const char *strpool_intern_cstr(struct strpool *p, const char *s)
{
	return strpool_intern(p, s, strlen(s));
}

void strpool_free(struct strpool *p)
{
	arena_free(&p->arena);
	free(p->slots);
	free(p->strs);
	p->slots = NULL;
	p->strs = NULL;
	p->cap = p->len = 0;
}
