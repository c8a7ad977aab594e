#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "strpool.h"
#include "xalloc.h"

void diag_list_init(struct diag_list *l)
{
	memset(l, 0, sizeof *l);
	arena_init(&l->arena, 16 * 1024);
}

void diag_list_free(struct diag_list *l)
{
	free(l->items);
	free(l->words);
	free(l->slots);
	arena_free(&l->arena);
	memset(l, 0, sizeof *l);
}

void diag_list_reserve(struct diag_list *l, size_t n)
{
	if (n <= l->cap)
		return;
	l->items = xrealloc(l->items, n * sizeof *l->items);
	l->cap = n;
}

void diag_list_fit(struct diag_list *l)
{
	if (l->cap > l->len + l->len / 8) {
		l->items = xrealloc(l->items, (l->len + 1) * sizeof *l->items);
		l->cap = l->len + 1;
	}
	free(l->slots);           /* the index of wordings serves only adding */
	l->slots = NULL;
	l->nslots = 0;
}

/* Words are hashed eight bytes at a time: every warning of a row is
 * looked up by its text (550,000 of them on a messy 1M-row sheet). */
static uint64_t words_hash(const struct diag_words *w)
{
	uint64_t h = (uint64_t)w->source << 40 ^ (uint64_t)w->col << 16 ^
	             (uint64_t)w->level << 8 ^ w->code;
	h = (h ^ strpool_hash(w->msg, strlen(w->msg))) * 0x9E3779B97F4A7C15u;
	return h ^ h >> 32;
}

static bool same_words(const struct diag_words *a, const struct diag_words *b)
{
	return a->source == b->source && a->col == b->col && a->level == b->level &&
	       a->code == b->code &&
	       strcmp(a->msg, b->msg) == 0;
}

/* Doubles the index once it is half full. */
static void grow_slots(struct diag_list *l)
{
	free(l->slots);
	size_t want = l->nslots ? l->nslots * 2 : 256;
	while (want < 2 * (l->nwords + 1))   /* rebuilt after diag_list_fit */
		want *= 2;
	l->nslots = want;
	l->slots = xcalloc(l->nslots, sizeof *l->slots);
	for (size_t k = 0; k < l->nwords; k++) {
		size_t i = (size_t)words_hash(&l->words[k]) & (l->nslots - 1);
		while (l->slots[i])
			i = (i + 1) & (l->nslots - 1);
		l->slots[i] = (uint32_t)k + 1;
	}
}

/* The id of w's words in l, kept (msg copied) if l has none such yet. */
static uint32_t words_id(struct diag_list *l, const struct diag_words *w)
{
	if (2 * (l->nwords + 1) > l->nslots)
		grow_slots(l);
	size_t i = (size_t)words_hash(w) & (l->nslots - 1);
	for (; l->slots[i]; i = (i + 1) & (l->nslots - 1))
		if (same_words(&l->words[l->slots[i] - 1], w))
			return l->slots[i] - 1;
	l->words = xgrow(l->words, &l->words_cap, l->nwords + 1, sizeof *l->words);
	l->words[l->nwords] = *w;
	l->words[l->nwords].msg = arena_strdup(&l->arena, w->msg);
	l->slots[i] = (uint32_t)++l->nwords;
	return (uint32_t)(l->nwords - 1);
}

static void count_level(struct diag_list *l, uint8_t level)
{
	if (level == DIAG_REJECT)
		l->rejects++;
	else if (level == DIAG_WARNING)
		l->warnings++;
	else
		l->notes++;
}

uint32_t diag_add_words(struct diag_list *l, uint32_t source, uint32_t line,
                        const struct diag_words *w)
{
	struct diag_words own = *w;
	own.source = source;
	uint32_t id = words_id(l, &own);
	diag_add_again(l, line, id);
	return id;
}

void diag_add_again(struct diag_list *l, uint32_t line, uint32_t words)
{
	l->items = xgrow(l->items, &l->cap, l->len + 1, sizeof *l->items);
	l->items[l->len++] = (struct diag){ .line = line, .words = words };
	count_level(l, l->words[words].level);
}

void diag_list_append(struct diag_list *l, const struct diag_list *from)
{
	uint32_t *id = xmalloc((from->nwords + 1) * sizeof *id);
	memset(id, 0xff, (from->nwords + 1) * sizeof *id);   /* not looked up yet */
	diag_list_reserve(l, l->len + from->len);
	for (size_t k = 0; k < from->len; k++) {
		const struct diag *d = &from->items[k];
		if (id[d->words] == UINT32_MAX)
			id[d->words] = words_id(l, &from->words[d->words]);
		l->items[l->len++] = (struct diag){ .line = d->line, .words = id[d->words] };
		count_level(l, from->words[d->words].level);
	}
	free(id);
}

uint32_t diag_add_text(struct diag_list *l, enum diag_level level, enum diag_code code,
                       uint32_t source, uint32_t line, uint32_t col, const char *text)
{
	struct diag_words w = { text, source, col, (uint8_t)level, (uint8_t)code };
	return diag_add_words(l, source, line, &w);
}

void diag_vadd(struct diag_list *l, enum diag_level level, enum diag_code code,
               uint32_t source, uint32_t line, uint32_t col, const char *fmt, va_list ap)
{
	char buf[4096];     /* a sheet's note may list its header and the known ones */
	vsnprintf(buf, sizeof buf, fmt, ap);
	struct diag_words w = { buf, source, col, (uint8_t)level, (uint8_t)code };
	diag_add_words(l, source, line, &w);
}

void diag_add(struct diag_list *l, enum diag_level level, enum diag_code code,
              uint32_t source, uint32_t line, uint32_t col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(l, level, code, source, line, col, fmt, ap);
	va_end(ap);
}

void diag_vreject(struct diag_list *l, bool more, enum diag_code code, uint32_t source,
                  uint32_t line, uint32_t col, const char *fmt, va_list ap)
{
	struct diag *last = l->len ? &l->items[l->len - 1] : NULL;
	const struct diag_words *w = last ? diag_words(l, last) : NULL;
	if (!more || !last || w->level != DIAG_REJECT || w->source != source ||
	    last->line != line) {
		diag_vadd(l, DIAG_REJECT, code, source, line, col, fmt, ap);
		return;
	}
	char buf[4096];
	int n = snprintf(buf, sizeof buf, _("%s; also "), w->msg);
	if (n > 0 && (size_t)n < sizeof buf)
		vsnprintf(buf + n, sizeof buf - (size_t)n, fmt, ap);
	struct diag_words joined = { buf, w->source, w->col, w->level, w->code };
	last->words = words_id(l, &joined);    /* the row's own words may be another row's too */
}

bool error_set(struct error *e, const char *fmt, ...)
{
	if (e) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(e->msg, sizeof e->msg, fmt, ap);
		va_end(ap);
	}
	return false;
}
