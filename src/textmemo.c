#include "textmemo.h"

#include <stdlib.h>
#include <string.h>

#include "strpool.h"
#include "xalloc.h"

/* A key as asked. */
struct key {
	int tag;
	const char *a, *b;
	uint32_t alen, blen;
	uint32_t hash;
};

static struct key make_key(int tag, const char *a, size_t alen, const char *b, size_t blen)
{
	struct key k = { tag, a, b ? b : "", (uint32_t)alen, b ? (uint32_t)blen : 0, 0 };
	uint32_t h = strpool_hash(a, alen);
	if (k.blen)
		h = h * 0x9E3779B1u ^ strpool_hash(b, blen);
	k.hash = h ^ (uint32_t)tag * 0x85EBCA6Bu;
	return k;
}

static uint64_t load8(const char *p)
{
	uint64_t v;
	memcpy(&v, p, sizeof v);
	return v;
}

static uint32_t load4(const char *p)
{
	uint32_t v;
	memcpy(&v, p, sizeof v);
	return v;
}

/* The n bytes at p and q are the same: the short texts of a sheet's cells
 * in a few loads, without a call (seven look-ups a row). */
static bool same_bytes(const char *p, const char *q, size_t n)
{
	if (n >= 8) {
		for (size_t i = 0; i + 8 < n; i += 8)
			if (load8(p + i) != load8(q + i))
				return false;
		return load8(p + n - 8) == load8(q + n - 8);
	}
	if (n >= 4)
		return load4(p) == load4(q) && load4(p + n - 4) == load4(q + n - 4);
	for (size_t i = 0; i < n; i++)
		if (p[i] != q[i])
			return false;
	return true;
}

static bool same_key(const struct textmemo_entry *e, const struct key *k)
{
	return e->hash == k->hash && e->tag == k->tag && e->alen == k->alen &&
	       e->blen == k->blen && same_bytes(e->a, k->a, k->alen) &&
	       same_bytes(e->b, k->b, k->blen);
}

static struct textmemo_entry *find(const struct textmemo *m, const struct key *k)
{
	size_t i = k->hash & (m->cap - 1);
	while (m->slots[i].tag && !same_key(&m->slots[i], k))
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

bool textmemo_get(const struct textmemo *m, int tag, const char *a, size_t alen,
                  const char *b, size_t blen, int64_t *value)
{
	if (!m->slots)
		return false;
	struct key k = make_key(tag, a, alen, b, blen);
	const struct textmemo_entry *e = find(m, &k);
	if (!e->tag)
		return false;
	*value = e->value;
	return true;
}

static void grow(struct textmemo *m)
{
	struct textmemo_entry *old = m->slots;
	size_t ocap = m->cap;
	m->cap = ocap ? 2 * ocap : 256;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (size_t i = 0; i < ocap; i++) {
		if (!old[i].tag)
			continue;
		size_t k = old[i].hash & (m->cap - 1);
		while (m->slots[k].tag)
			k = (k + 1) & (m->cap - 1);
		m->slots[k] = old[i];
	}
	free(old);
}

void textmemo_put(struct textmemo *m, int tag, const char *a, size_t alen, const char *b,
                  size_t blen, int64_t value)
{
	if (!m->keys.block_size)
		arena_init(&m->keys, 16 * 1024);
	if ((m->len + 1) * 4 >= m->cap * 3)
		grow(m);
	struct key k = make_key(tag, a, alen, b, blen);
	struct textmemo_entry *e = find(m, &k);
	if (!e->tag) {
		m->len++;
		*e = (struct textmemo_entry){ arena_strndup(&m->keys, a, k.alen),
		                              arena_strndup(&m->keys, k.b, k.blen),
		                              k.alen, k.blen, k.hash, tag, 0 };
	}
	e->value = value;
}

void textmemo_free(struct textmemo *m)
{
	if (m->keys.block_size)
		arena_free(&m->keys);
	free(m->slots);
	memset(m, 0, sizeof *m);
}

void *textmemo_keep(struct textmemo *m, size_t n)
{
	if (!m->keys.block_size)
		arena_init(&m->keys, 16 * 1024);
	return arena_alloc(&m->keys, n);
}
