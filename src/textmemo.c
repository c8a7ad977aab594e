#include "textmemo.h"

#include <stdlib.h>
#include <string.h>

#include "strpool.h"
#include "xalloc.h"

static uint32_t key_hash(int tag, const char *a, const char *b)
{
	uint32_t h = strpool_hash(a, strlen(a));
	if (b && *b)
		h = h * 0x9E3779B1u ^ strpool_hash(b, strlen(b));
	return h ^ (uint32_t)tag * 0x85EBCA6Bu;
}

static bool same_key(const struct textmemo_entry *e, uint32_t hash, int tag, const char *a,
                     const char *b)
{
	return e->hash == hash && e->tag == tag && strcmp(e->a, a) == 0 &&
	       strcmp(e->b, b ? b : "") == 0;
}

static struct textmemo_entry *find(const struct textmemo *m, uint32_t hash, int tag,
                                   const char *a, const char *b)
{
	size_t i = hash & (m->cap - 1);
	while (m->slots[i].tag && !same_key(&m->slots[i], hash, tag, a, b))
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

bool textmemo_get(const struct textmemo *m, int tag, const char *a, const char *b,
                  int64_t *value)
{
	if (!m->slots)
		return false;
	const struct textmemo_entry *e = find(m, key_hash(tag, a, b), tag, a, b);
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
	for (size_t i = 0; i < ocap; i++)
		if (old[i].tag)
			*find(m, old[i].hash, old[i].tag, old[i].a, old[i].b) = old[i];
	free(old);
}

void textmemo_put(struct textmemo *m, int tag, const char *a, const char *b, int64_t value)
{
	if (!m->keys.block_size)
		arena_init(&m->keys, 16 * 1024);
	if ((m->len + 1) * 4 >= m->cap * 3)
		grow(m);
	uint32_t hash = key_hash(tag, a, b);
	struct textmemo_entry *e = find(m, hash, tag, a, b);
	if (!e->tag) {
		m->len++;
		*e = (struct textmemo_entry){ arena_strdup(&m->keys, a), arena_strdup(&m->keys, b ? b : ""),
		                              hash, tag, 0 };
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
