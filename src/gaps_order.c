#include "gaps_order.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Ranks of regions by display code, types by code and cercles by code, so
 * that sorting thousands of flags compares integers, not strings. */
struct ranks {
	int *region, *type, *cercle;
};

struct coded { const char *code; size_t i; };

static int cmp_coded(const void *a, const void *b)
{
	const struct coded *x = a, *y = b;
	int d = strcmp(x->code, y->code);
	return d ? d : (x->i > y->i) - (x->i < y->i);
}

static int *rank_by(size_t n, const char *(*code)(const struct config *, size_t),
                    const struct config *c)
{
	struct coded *v = xmalloc((n + 1) * sizeof *v);
	int *r = xmalloc((n + 1) * sizeof *r);
	for (size_t i = 0; i < n; i++)
		v[i] = (struct coded){ code(c, i), i };
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_coded);
	for (size_t k = 0; k < n; k++)
		r[v[k].i] = (int)k;
	free(v);
	return r;
}

static const char *region_code_at(const struct config *c, size_t i)
{
	return c->regions[i].ncodes ? c->regions[i].codes[0].code : "";
}

static const char *type_code_at(const struct config *c, size_t i)
{
	return c->types[i].code;
}

static const char *cercle_code_at(const struct config *c, size_t i)
{
	return c->cercles[i].code;
}

/* -1 (plan-wide, any type, no cercle) sorts first. */
static int rank(const int *r, int i)
{
	return i < 0 ? -1 : r[i];
}

/* Severity (within it, a flag that may cause others first), then region
 * display code (plan-wide first), then type code; the rest only makes the
 * order total, so output is reproducible. */
static int cmp_gap(const struct ranks *k, const struct gap *a, const struct gap *b)
{
	int x, y;
	if (a->severity != b->severity)
		return a->severity < b->severity ? -1 : 1;
	if (a->explains_others != b->explains_others)
		return a->explains_others ? -1 : 1;
	if ((x = rank(k->region, a->region)) != (y = rank(k->region, b->region)))
		return x < y ? -1 : 1;
	if ((x = rank(k->type, a->type)) != (y = rank(k->type, b->type)))
		return x < y ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if ((x = rank(k->cercle, a->cercle)) != (y = rank(k->cercle, b->cercle)))
		return x < y ? -1 : 1;
	return strcmp(a->reason, b->reason);
}

/* qsort has no context argument in C11: a small stable merge sort. */
static void merge_sort(const struct ranks *k, struct gap *v, struct gap *tmp, size_t n)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	merge_sort(k, v, tmp, h);
	merge_sort(k, v + h, tmp, n - h);
	size_t i = 0, j = h, o = 0;
	while (i < h && j < n)
		tmp[o++] = cmp_gap(k, &v[j], &v[i]) < 0 ? v[j++] : v[i++];
	while (i < h)
		tmp[o++] = v[i++];
	while (j < n)
		tmp[o++] = v[j++];
	memcpy(v, tmp, n * sizeof *v);
}

void gaps_order_sort(struct gap_list *g, const struct config *c)
{
	struct ranks k = { rank_by(c->nregions, region_code_at, c),
	                   rank_by(c->ntypes, type_code_at, c),
	                   rank_by(c->ncercles, cercle_code_at, c) };
	struct gap *tmp = xmalloc((g->len + 1) * sizeof *tmp);
	merge_sort(&k, g->items, tmp, g->len);
	free(tmp);
	free(k.region);
	free(k.type);
	free(k.cercle);
}

bool gaps_order_is_earlier(const struct gap *g, int report_month)
{
	return g->month >= 0 && report_month >= 0 && g->month < report_month;
}

/* Appends the flags of `earlier` standing (current or earlier) at least
 * as severe as `least`, in the list's order. */
static void agenda_pick(struct gap_agenda *a, const struct gap_list *g, int report_month,
                        enum severity least, bool earlier)
{
	for (size_t i = 0; i < g->len; i++) {
		const struct gap *p = &g->items[i];
		if (p->severity > least || gaps_order_is_earlier(p, report_month) != earlier)
			continue;
		a->items[a->n++] = i;
		if (!earlier)
			continue;
		a->nearlier++;
		if (a->first_month < 0 || p->month < a->first_month)
			a->first_month = p->month;
		if (p->month > a->last_month)
			a->last_month = p->month;
	}
}

void gap_agenda_build(struct gap_agenda *a, const struct gap_list *g, int report_month,
                      enum severity least)
{
	*a = (struct gap_agenda){ .items = xmalloc((g->len + 1) * sizeof *a->items),
	                          .first_month = -1, .last_month = -1 };
	for (size_t i = 0; i < g->len; i++)
		a->count[g->items[i].severity]++;
	agenda_pick(a, g, report_month, least, false);
	agenda_pick(a, g, report_month, least, true);
}

void gap_agenda_free(struct gap_agenda *a)
{
	free(a->items);
	a->items = NULL;
	a->n = a->nearlier = 0;
}
