#include "gap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

static const char *const kind_names[GAP_KIND_COUNT] = {
	[GAP_NO_PRESENCE] = N_("no-presence"), [GAP_LOW_COVERAGE] = N_("low-coverage"),
	[GAP_MISSING_SERVICE] = N_("missing-service"), [GAP_CONCENTRATION] = N_("concentration"),
	[GAP_ABOVE_TARGET] = N_("above-target"), [GAP_ABOVE_NEED] = N_("above-need"),
	[GAP_STALE] = N_("stale"), [GAP_DATA_QUALITY] = N_("data-quality"),
};

static const char *const severity_names[SEV_COUNT] = {
	[SEV_CRITICAL] = N_("critical"), [SEV_HIGH] = N_("high"), [SEV_MEDIUM] = N_("medium"),
	[SEV_INFO] = N_("info"),
};

const char *gap_kind_name(enum gap_kind k)
{
	return (unsigned)k < GAP_KIND_COUNT ? kind_names[k] : "";
}

const char *severity_name(enum severity s)
{
	return (unsigned)s < SEV_COUNT ? severity_names[s] : "";
}

const char *gap_kind_label(enum gap_kind k)
{
	return _(gap_kind_name(k));
}

const char *severity_label(enum severity s)
{
	return _(severity_name(s));
}

const char *severity_count_format(enum severity s, size_t n)
{
	switch (s) {
	case SEV_CRITICAL: return P_("%zu critical", "%zu critical", n);
	case SEV_HIGH:     return P_("%zu high", "%zu high", n);
	case SEV_MEDIUM:   return P_("%zu medium", "%zu medium", n);
	default:           return P_("%zu info", "%zu info", n);
	}
}

void gap_list_init(struct gap_list *g)
{
	g->items = NULL;
	g->len = g->cap = 0;
	g->q = NULL;
	g->generation = 0;
	g->memo = NULL;
	arena_init(&g->arena, 16 * 1024);
}

void gap_list_free(struct gap_list *g)
{
	free(g->items);
	arena_free(&g->arena);
	if (g->memo) {
		free(g->memo->start);
		free(g->memo->line);
		free(g->memo);
		g->memo = NULL;
	}
	g->items = NULL;
	g->len = g->cap = 0;
}

struct gap *gap_list_vadd(struct gap_list *g, enum gap_kind kind, enum severity sev,
                          int region, int type, const char *fmt, va_list ap)
{
	char buf[640];
	vsnprintf(buf, sizeof buf, fmt, ap);
	g->items = xgrow(g->items, &g->cap, g->len + 1, sizeof *g->items);
	struct gap *p = &g->items[g->len++];
	*p = (struct gap){ .kind = kind, .severity = sev, .region = region, .cercle = -1,
	                   .type = type, .reason = arena_strdup(&g->arena, buf),
	                   .month = -1 };
	return p;
}

struct gap *gap_list_add(struct gap_list *g, enum gap_kind kind, enum severity sev,
                         int region, int type, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct gap *p = gap_list_vadd(g, kind, sev, region, type, fmt, ap);
	va_end(ap);
	return p;
}

static int cmp_ref(const void *a, const void *b)
{
	const struct rowref *x = a, *y = b;
	if (x->source != y->source)
		return x->source < y->source ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

void gap_sort_refs(struct rowref *refs, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (cmp_ref(&refs[i - 1], &refs[i]) > 0) {
			qsort(refs, n, sizeof *refs, cmp_ref);
			return;
		}
}

void gap_list_attach_rows(struct gap_list *g, size_t item, const struct rowref *refs, size_t n)
{
	struct gap *p = &g->items[item];
	p->rows = arena_alloc(&g->arena, (n ? n : 1) * sizeof *p->rows);
	memcpy(p->rows, refs, n * sizeof *refs);
	p->nrows = n;
	gap_sort_refs(p->rows, n);
}

struct rowref *gap_refs_of(const struct cube_ref *rows, size_t n)
{
	struct rowref *refs = xmalloc((n + 1) * sizeof *refs);
	for (size_t k = 0; k < n; k++)
		refs[k] = (struct rowref){ rows[k].source, rows[k].line };
	return refs;
}

const char *gap_sheet_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}
