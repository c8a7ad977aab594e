/* filter: which rows the meeting is looking at.
 *
 * Cheap checks come first (bit masks, then the period), text last; text
 * verdicts are cached per interned string, so a million rows cost a few
 * thousand folds, not a million. */
#include "filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "gazetteer.h"
#include "i18n.h"
#include "parse.h"
#include "text.h"
#include "xalloc.h"

enum { PREP_KNOWN = 1, PREP_PARTNER = 2, PREP_WORD_SHIFT = 2 };
_Static_assert(FILTER_WORDS_MAX + PREP_WORD_SHIFT <= 8, "a verdict's words fit in its byte");

void filter_init(struct filter *f)
{
	memset(f, 0, sizeof *f);
	f->from_month = f->to_month = -1;
}

bool filter_is_empty(const struct filter *f)
{
	return !f->regions && !f->types && !f->statuses && f->from_month < 0 &&
	       f->to_month < 0 && !f->npartners && !f->text[0];
}

static bool in_mask(uint64_t mask, int i)
{
	return !mask || (i >= 0 && i < 64 && (mask >> i & 1));
}

_Static_assert(FILTER_MAX_REGIONS <= 64 && FILTER_MAX_TYPES <= 64,
               "a filter keeps its regions and types in 64-bit words");

static uint64_t bit(int i)
{
	return i >= 0 && i < 64 ? (uint64_t)1 << i : 0;
}

bool filter_has_region(const struct filter *f, int r)
{
	return in_mask(f->regions, r);
}

bool filter_has_type(const struct filter *f, int t)
{
	return in_mask(f->types, t);
}

bool filter_limits_regions(const struct filter *f)
{
	return f->regions != 0;
}

bool filter_limits_types(const struct filter *f)
{
	return f->types != 0;
}

int filter_single_region(const struct filter *f)
{
	uint64_t m = f->regions;
	if (m == 0 || (m & (m - 1)) != 0)
		return -1;
	return __builtin_ctzll(m);
}

bool filter_add_region(struct filter *f, int r)
{
	f->regions |= bit(r);
	return bit(r) != 0;
}

bool filter_add_type(struct filter *f, int t)
{
	f->types |= bit(t);
	return bit(t) != 0;
}

void filter_only_region(struct filter *f, int r)
{
	f->regions = bit(r);
}

void filter_only_type(struct filter *f, int t)
{
	f->types = bit(t);
}

void filter_clear_regions(struct filter *f)
{
	f->regions = 0;
}

void filter_close_window(struct filter *f, int from, int to)
{
	if (f->to_month < 0 || to < f->to_month)
		f->to_month = to;
	if (f->from_month < 0)
		f->from_month = from;
}

void filter_set_text(struct filter *f, const char *utf8)
{
	text_fold(utf8, strlen(utf8), f->text, sizeof f->text);
}

bool filter_add_partner(struct filter *f, const char *utf8)
{
	if (f->npartners == FILTER_MAX_PARTNERS)
		return false;
	text_fold(utf8, strlen(utf8), f->partners[f->npartners], sizeof f->partners[0]);
	f->npartners++;
	return true;
}

/* ---- folding ------------------------------------------------------------ */

/* Folds s and tells whether `needle` (folded, non-empty) occurs in it. */
static bool folded_contains(const char *s, const char *needle)
{
	char small[512];
	size_t n = strlen(s), size = 2 * n + 1;
	char *buf = size <= sizeof small ? small : xmalloc(size);
	text_fold(s, n, buf, size);
	bool hit = strstr(buf, needle) != NULL;
	if (buf != small)
		free(buf);
	return hit;
}

static bool folded_equals_any(const char *s, const struct filter *f)
{
	char buf[sizeof f->partners[0] + 1];
	/* a name longer than the slot cannot equal any partner in it */
	if (text_fold(s, strlen(s), buf, sizeof buf) >= sizeof f->partners[0])
		return false;
	for (size_t i = 0; i < f->npartners; i++)
		if (strcmp(buf, f->partners[i]) == 0)
			return true;
	return false;
}

static bool any_contains(const char *const *v, size_t n, const char *needle)
{
	for (size_t i = 0; i < n; i++)
		if (strstr(v[i], needle))
			return true;
	return false;
}

/* ---- the prepared filter ----------------------------------------------- */

/* The folded text cut at its spaces: up to FILTER_WORDS_MAX words, the
 * last keeping whatever follows it. */
static void prep_words(struct filter_prep *p)
{
	const char *s = p->f->text;
	p->nwords = 0;
	while (*s && p->nwords < FILTER_WORDS_MAX) {
		while (*s == ' ')
			s++;
		size_t n = p->nwords + 1 < FILTER_WORDS_MAX ? strcspn(s, " ") : strlen(s);
		if (n)
			snprintf(p->words[p->nwords++], sizeof p->words[0], "%.*s", (int)n, s);
		s += n;
	}
}

/* The words (bits) text holds, each as part of it. */
static uint8_t words_in(const struct filter_prep *p, const char *text)
{
	uint8_t bits = 0;
	for (int k = 0; k < p->nwords; k++)
		if (folded_contains(text, p->words[k]))
			bits |= (uint8_t)(1u << k);
	return bits;
}

static uint8_t words_in_list(const struct filter_prep *p, const char *const *v, size_t n)
{
	uint8_t bits = 0;
	for (int k = 0; k < p->nwords; k++)
		if (any_contains(v, n, p->words[k]))
			bits |= (uint8_t)(1u << k);
	return bits;
}

static void prep_places(struct filter_prep *p)
{
	const struct config *c = p->c;
	prep_words(p);
	p->region_text = xcalloc(c->nregions + 1, 1);
	p->cercle_text = xcalloc(c->ncercles + 1, 1);
	p->type_text = xcalloc(c->ntypes + 1, 1);
	for (size_t r = 0; r < c->nregions; r++)
		for (int k = 0; k < p->nwords; k++)
			if (gazetteer_region_mentions(c, (int)r, p->words[k]))
				p->region_text[r] |= (uint8_t)(1u << k);
	for (size_t i = 0; i < c->ncercles; i++) {
		const struct cercle *ce = &c->cercles[i];
		p->cercle_text[i] = words_in(p, ce->name) | words_in(p, ce->code) |
		                    words_in_list(p, ce->variants, ce->nvariants);
	}
	for (size_t i = 0; i < c->ntypes; i++) {
		const struct itype *ty = &c->types[i];
		p->type_text[i] = words_in(p, ty->code) |
		                  (ty->label_en ? words_in(p, ty->label_en) : 0) |
		                  (ty->label_fr ? words_in(p, ty->label_fr) : 0);
	}
}

void filter_prep_init(struct filter_prep *p, const struct filter *f,
                      const struct config *c, const struct table *t)
{
	memset(p, 0, sizeof *p);
	p->f = f;
	p->c = c;
	p->t = t;
	p->any_text = f->text[0] != '\0';
	p->any_partner = f->npartners > 0;
	if (p->any_text)
		prep_places(p);
	if (p->any_text || p->any_partner)
		p->verdict = xcalloc(t->strings.len + 1, 1);
}

void filter_prep_free(struct filter_prep *p)
{
	free(p->region_text);
	free(p->cercle_text);
	free(p->type_text);
	free(p->verdict);
	memset(p, 0, sizeof *p);
}

static uint8_t judge(const struct filter_prep *p, const char *s)
{
	uint8_t v = PREP_KNOWN;
	if (p->any_partner && folded_equals_any(s, p->f))
		v |= PREP_PARTNER;
	if (p->any_text)
		v |= (uint8_t)(words_in(p, s) << PREP_WORD_SHIFT);
	return v;
}

/* The verdict for a string of the table, computed the first time it is
 * seen. */
static uint8_t verdict_of(struct filter_prep *p, uint32_t id)
{
	if (!p->verdict[id])
		p->verdict[id] = judge(p, table_str(p->t, id));
	return p->verdict[id];
}

/* ---- the criteria ------------------------------------------------------ */


/* Rule 8: the reporting month, else the [start, end] span; one date alone
 * stands for both ends (an activity with a start and no end is not assumed
 * to run for ever). */
void filter_row_span(const struct activity *a, int *lo, int *hi)
{
	if (a->month >= 0) {
		*lo = *hi = a->month;
		return;
	}
	int s = a->start_month >= 0 ? a->start_month : a->end_month;
	int e = a->end_month >= 0 ? a->end_month : a->start_month;
	*lo = s < e ? s : e;
	*hi = s < e ? e : s;
}

/* A row with no date at all is kept only when the range is open. */
static bool span_match(const struct filter *f, int lo, int hi)
{
	if (f->from_month < 0 && f->to_month < 0)
		return true;
	if (hi < 0)
		return false;
	return (f->from_month < 0 || hi >= f->from_month) &&
	       (f->to_month < 0 || lo <= f->to_month);
}

bool filter_keys_match(const struct filter *f, int region, int type, int status,
                       int lo, int hi)
{
	if (!in_mask(f->regions, region) || !in_mask(f->types, type))
		return false;
	if (f->statuses && !(status >= 0 && status < 32 && (f->statuses >> status & 1)))
		return false;
	return span_match(f, lo, hi);
}

/* Every word of the text somewhere in the row: its region (as counted or
 * as written: "nioro" finds the rows written in Nioro, counted under
 * Kayes), cercle, type, partner — the implementing partner, else the
 * organisation (rule 3), never a funder beside an implementing partner —
 * activity or commune. */
static bool text_match(struct filter_prep *p, const struct activity *a)
{
	const struct config *c = p->c;
	unsigned all = (1u << p->nwords) - 1, bits = 0;
	if ((size_t)a->region < c->nregions)
		bits |= p->region_text[a->region];
	if ((size_t)a->written_region < c->nregions)
		bits |= p->region_text[a->written_region];
	if (a->cercle >= 0 && (size_t)a->cercle < c->ncercles)
		bits |= p->cercle_text[a->cercle];
	if (a->itype < c->ntypes)
		bits |= p->type_text[a->itype];
	if (bits == all)
		return true;
	bits |= (unsigned)(verdict_of(p, a->partner) | verdict_of(p, a->activity) |
	                   verdict_of(p, a->commune)) >> PREP_WORD_SHIFT;
	return bits == all;
}

bool filter_prep_needs_row(const struct filter_prep *p)
{
	return p->any_partner || p->any_text;
}

bool filter_strings_match(struct filter_prep *p, const struct activity *a)
{
	if (p->any_partner &&
	    !((verdict_of(p, a->partner) | verdict_of(p, a->org)) & PREP_PARTNER))
		return false;
	return !p->any_text || text_match(p, a);
}

bool filter_prep_match(struct filter_prep *p, const struct activity *a)
{
	int lo, hi;
	filter_row_span(a, &lo, &hi);
	return filter_keys_match(p->f, a->region, a->itype, a->status, lo, hi) &&
	       filter_strings_match(p, a);
}

bool filter_match(const struct filter *f, const struct config *c,
                  const struct table *t, const struct activity *a)
{
	struct filter_prep p;
	filter_prep_init(&p, f, c, t);
	bool hit = filter_prep_match(&p, a);
	filter_prep_free(&p);
	return hit;
}

size_t filter_rows(const struct filter *f, const struct config *c,
                   const struct table *t, uint32_t **out)
{
	struct filter_prep p;
	uint32_t *v = xmalloc((t->len ? t->len : 1) * sizeof *v);
	size_t n = 0;
	filter_prep_init(&p, f, c, t);
	for (size_t i = 0; i < t->len; i++)
		if (filter_prep_match(&p, &t->rows[i]))
			v[n++] = (uint32_t)i;
	filter_prep_free(&p);
	*out = v;
	return n;
}

/* ---- description ------------------------------------------------------- */

struct sbuf {
	char *buf;
	size_t size, len;
};

static void sb_put(struct sbuf *b, const char *s)
{
	size_t n = strlen(s);
	if (b->len + 1 < b->size) {
		size_t room = b->size - 1 - b->len;
		memcpy(b->buf + b->len, s, n < room ? n : room);
		b->buf[b->len + (n < room ? n : room)] = '\0';
	}
	b->len += n;
}

static void sb_section(struct sbuf *b, const char *label)
{
	if (b->len)
		sb_put(b, "; ");
	sb_put(b, label);
}

static void describe_mask(struct sbuf *b, const char *label, uint64_t mask, size_t n,
                          const char *(*name)(const struct config *, size_t),
                          const struct config *c)
{
	if (!mask)
		return;
	sb_section(b, label);
	int k = 0;
	for (size_t i = 0; i < n && i < 64; i++)
		if (mask >> i & 1) {
			sb_put(b, k++ ? ", " : " ");
			sb_put(b, name(c, i));
		}
}

static const char *region_label(const struct config *c, size_t i)
{
	return c->regions[i].name;
}

static const char *type_label(const struct config *c, size_t i)
{
	return c->types[i].code;
}

static const char *status_label(const struct config *c, size_t i)
{
	(void)c;
	return _(status_name((enum status)i));
}

static void describe_period(struct sbuf *b, const struct filter *f)
{
	char m1[FMT_MONTH_SIZE], m2[FMT_MONTH_SIZE];
	if (f->from_month < 0 && f->to_month < 0)
		return;
	sb_section(b, "");
	if (f->from_month >= 0)
		fmt_month(f->from_month, m1);
	if (f->to_month >= 0)
		fmt_month(f->to_month, m2);
	if (f->from_month >= 0 && f->to_month >= 0) {
		sb_put(b, m1);
		sb_put(b, "..");
		sb_put(b, m2);
	} else {
		sb_put(b, f->from_month >= 0 ? _("from ") : _("to "));
		sb_put(b, f->from_month >= 0 ? m1 : m2);
	}
}

void filter_describe(const struct filter *f, const struct config *c,
                     char *buf, size_t size)
{
	struct sbuf b = { buf, size, 0 };
	if (size)
		buf[0] = '\0';
	describe_mask(&b, _("region"), f->regions, c->nregions, region_label, c);
	describe_mask(&b, _("type"), f->types, c->ntypes, type_label, c);
	describe_mask(&b, _("status"), f->statuses, STATUS_COUNT, status_label, c);
	for (size_t i = 0; i < f->npartners; i++) {
		sb_put(&b, i ? ", \"" : (b.len ? _("; partner \"") : _("partner \"")));
		sb_put(&b, f->partners[i]);
		sb_put(&b, "\"");
	}
	describe_period(&b, f);
	if (f->text[0]) {
		sb_section(&b, _("text \""));
		sb_put(&b, f->text);
		sb_put(&b, "\"");
	}
	if (!b.len)
		sb_put(&b, _("none"));
}

bool filter_prep_text_names_region(const struct filter_prep *p, size_t r)
{
	return p->region_text && r < p->c->nregions && p->region_text[r] != 0;
}

bool filter_prep_text_names_type(const struct filter_prep *p, size_t t)
{
	return p->type_text && t < p->c->ntypes && p->type_text[t] != 0;
}
