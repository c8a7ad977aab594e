/* table_lines: a table's rows found by (source, line) — a message's row
 * (table.h declares it) — without a sorted copy where the rows lie in a few
 * runs of file order, as a table grouped by region does. */
#include "table.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static uint64_t line_key(const struct activity *a)
{
	return (uint64_t)a->source << 32 | a->line;
}

/* A table loaded and grouped by region is in file order within each
 * region: a few runs, each searched as it lies.  Past this many runs (a
 * table built in another order) sorted copies of the keys are cheaper. */
#define LINES_MAX_RUNS 256

struct line_pair { uint64_t key; uint32_t row; };

static int cmp_line_pair(const void *a, const void *b)
{
	uint64_t x = ((const struct line_pair *)a)->key, y = ((const struct line_pair *)b)->key;
	return (x > y) - (x < y);
}

static void lines_sort(struct table_lines *l, const struct table *t)
{
	struct line_pair *v = xmalloc((t->len + 1) * sizeof *v);
	for (size_t i = 0; i < t->len; i++)
		v[i] = (struct line_pair){ line_key(&t->rows[i]), (uint32_t)i };
	qsort(v, t->len, sizeof *v, cmp_line_pair);
	l->key = xmalloc((t->len + 1) * sizeof *l->key);
	l->row = xmalloc((t->len + 1) * sizeof *l->row);
	for (size_t i = 0; i < t->len; i++) {
		l->key[i] = v[i].key;
		l->row[i] = v[i].row;
	}
	free(v);
}

void table_lines_build(struct table_lines *l, const struct table *t)
{
	memset(l, 0, sizeof *l);
	size_t cap = 16;
	l->run = xmalloc(cap * sizeof *l->run);
	l->run[0] = 0;
	for (size_t i = 1; i < t->len && l->nrun < LINES_MAX_RUNS; i++) {
		if (line_key(&t->rows[i - 1]) < line_key(&t->rows[i]))
			continue;
		if (l->nrun + 2 >= cap)
			l->run = xrealloc(l->run, (cap *= 2) * sizeof *l->run);
		l->run[++l->nrun] = i;
	}
	l->run[++l->nrun] = t->len;
	if (l->nrun > LINES_MAX_RUNS)
		lines_sort(l, t);
}

void table_lines_free(struct table_lines *l)
{
	free(l->run);
	free(l->key);
	free(l->row);
	memset(l, 0, sizeof *l);
}

static uint64_t key_at(const struct table_lines *l, const struct table *t, size_t k)
{
	return l->key ? l->key[k] : line_key(&t->rows[k]);
}

/* The first place in [lo, hi) (keys ascending there) whose key is not
 * below key; hi if none. */
static size_t first_not_below(const struct table_lines *l, const struct table *t,
                              size_t lo, size_t hi, uint64_t key)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (key_at(l, t, mid) < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The row with this key among [lo, hi) (keys ascending there), or -1. */
static long find_in(const struct table_lines *l, const struct table *t,
                    size_t lo, size_t hi, uint64_t key)
{
	size_t end = hi;
	lo = first_not_below(l, t, lo, hi, key);
	if (lo >= end || key_at(l, t, lo) != key)
		return -1;
	return l->key ? (long)l->row[lo] : (long)lo;
}

long table_lines_find(const struct table_lines *l, const struct table *t,
                      uint32_t source, uint32_t line)
{
	uint64_t key = (uint64_t)source << 32 | line;
	if (l->key)
		return find_in(l, t, 0, t->len, key);
	for (size_t r = 0; r < l->nrun; r++) {
		long row = find_in(l, t, l->run[r], l->run[r + 1], key);
		if (row >= 0)
			return row;
	}
	return -1;
}

void table_lines_walk_init(struct table_lines_walk *w, const struct table_lines *l)
{
	size_t n = l->key ? 1 : l->nrun;
	w->pos = xmalloc((n + 1) * sizeof *w->pos);
	w->next = xmalloc((n + 1) * sizeof *w->next);
	for (size_t r = 0; r < n; r++)
		w->pos[r] = l->key ? 0 : l->run[r];
	w->primed = false;
	w->last = 0;
}

void table_lines_walk_free(struct table_lines_walk *w)
{
	free(w->pos);
	free(w->next);
	w->pos = NULL;
	w->next = NULL;
}

static size_t run_end(const struct table_lines *l, const struct table *t, size_t r)
{
	return l->key ? t->len : l->run[r + 1];
}

/* Moves run r past the keys below key, and notes the key it stops at.
 * Galloping, then halving: the next key asked may lie far on (a few flags
 * over a million rows), and a step a row cost the screen 3 ms a filter
 * change. */
static void walk_run(struct table_lines_walk *w, const struct table_lines *l,
                     const struct table *t, size_t r, uint64_t key)
{
	size_t end = run_end(l, t, r), lo = w->pos[r], hi = lo;
	for (size_t step = 1; hi < end && key_at(l, t, hi) < key; step *= 2) {
		lo = hi + 1;
		hi = end - hi > step ? hi + step : end;
	}
	size_t pos = first_not_below(l, t, lo, hi, key);
	w->pos[r] = pos;
	w->next[r] = pos < end ? key_at(l, t, pos) : UINT64_MAX;
}

long table_lines_walk_find(struct table_lines_walk *w, const struct table_lines *l,
                           const struct table *t, uint32_t source, uint32_t line)
{
	uint64_t key = (uint64_t)source << 32 | line;
	if (key < w->last)
		return table_lines_find(l, t, source, line);
	w->last = key;
	size_t n = l->key ? 1 : l->nrun;
	if (!w->primed) {
		for (size_t r = 0; r < n; r++)
			walk_run(w, l, t, r, 0);
		w->primed = true;
	}
	long found = -1;
	for (size_t r = 0; r < n; r++) {
		if (w->next[r] < key)
			walk_run(w, l, t, r, key);
		if (w->next[r] == key)
			found = l->key ? (long)l->row[w->pos[r]] : (long)w->pos[r];
	}
	return found;
}
