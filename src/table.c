#include "table.h"

#include <stdlib.h>
#include <string.h>

#include "bigmem.h"
#include "i18n.h"
#include "workers.h"
#include "xalloc.h"

static const char *const status_names[STATUS_COUNT] = {
	[STATUS_UNKNOWN] = "",
	/* N_: the screen shows them translated; --status reads them as here. */
	[STATUS_PLANNED] = N_("planned"),
	[STATUS_ONGOING] = N_("ongoing"),
	[STATUS_COMPLETED] = N_("completed"),
	[STATUS_SUSPENDED] = N_("suspended"),
};

const char *status_name(enum status s)
{
	return (unsigned)s < STATUS_COUNT ? status_names[s] : "";
}

int activity_period(const struct activity *a)
{
	if (a->month >= 0)
		return a->month;
	if (a->end_month >= 0)
		return a->end_month;
	return a->start_month;
}

void table_init(struct table *t)
{
	memset(t, 0, sizeof *t);
	strpool_init(&t->strings);
	diag_list_init(&t->diags);
	t->latest_month = -1;
}

void table_free(struct table *t)
{
	for (size_t i = 0; i < t->nsources; i++) {
		free(t->sources[i].unmapped);
		free(t->sources[i].people);
	}
	free(t->rows);
	free(t->wide);
	bigmem_array_free(t->written, t->written_cap, sizeof *t->written);
	free(t->resent);
	free(t->sources);
	strpool_free(&t->strings);
	diag_list_free(&t->diags);
	memset(t, 0, sizeof *t);
	t->latest_month = -1;
}

size_t table_add(struct table *t, const struct activity *a)
{
	t->rows = xgrow(t->rows, &t->cap, t->len + 1, sizeof *t->rows);
	t->rows[t->len] = *a;
	return t->len++;
}

static bool fits_row(int32_t v)
{
	return v == COUNT_MISSING || (v >= 0 && v <= COUNT16_MAX);
}

static uint16_t narrow(int32_t v)
{
	return v == COUNT_MISSING ? COUNT16_MISSING : (uint16_t)v;
}

void table_set_counts(struct table *t, struct activity *a, const struct row_counts *c)
{
	const int32_t v[6] = { c->reached, c->girls, c->boys, c->women, c->men, c->older };
	bool fits = true;
	for (int k = 0; k < 6; k++)
		fits = fits && fits_row(v[k]);
	a->wide = !fits;
	if (fits) {
		for (int k = 0; k < 6; k++)
			a->people.n[k] = narrow(v[k]);
		return;
	}
	memset(&a->people, 0, sizeof a->people);
	t->wide = xgrow(t->wide, &t->wide_cap, t->nwide + 1, sizeof *t->wide);
	t->wide[t->nwide] = *c;
	a->people.wide_at = (uint32_t)t->nwide++;
}

void table_count_as_written(struct table *t)
{
	for (size_t i = 0; i < t->len; i++)
		t->rows[i].region = t->rows[i].written_region;
}

uint32_t table_add_source(struct table *t, const char *path)
{
	t->sources = xgrow(t->sources, &t->sources_cap, t->nsources + 1,
	                   sizeof *t->sources);
	struct source *s = &t->sources[t->nsources];
	memset(s, 0, sizeof *s);
	s->path = strpool_intern_cstr(&t->strings, path);
	s->latest_month = -1;
	for (int f = 0; f < F_COUNT; f++)
		s->map.col[f] = -1;
	return (uint32_t)t->nsources++;
}

/* ---- row keys: a report (rule 9), a whole row (rule 10) ------------------ */

static uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15u + (h << 6) + (h >> 2);
	return h * 0xff51afd7ed558ccdu;
}

/* A report's key (rule 9): who, where, what and when — the fields a row
 * shares with the same report sent again, counts aside. */
static uint64_t report_hash(const struct activity *a)
{
	uint64_t h = mix(mix(mix(a->org, a->partner), a->activity), a->commune);
	h = mix(h, (uint64_t)(uint16_t)activity_place_region(a) << 16 | (uint16_t)a->cercle);
	h = mix(h, (uint64_t)(uint16_t)a->month << 32 | (uint64_t)(uint16_t)a->start_month << 16 |
	           (uint16_t)a->end_month);
	return mix(h, a->itype);
}

static bool same_report(const struct activity *a, const struct activity *b)
{
	return a->org == b->org && a->partner == b->partner && a->activity == b->activity &&
	       a->commune == b->commune && activity_place_region(a) == activity_place_region(b) &&
	       a->cercle == b->cercle &&
	       a->month == b->month && a->start_month == b->start_month &&
	       a->end_month == b->end_month && a->itype == b->itype;
}

/* Rule 10: the report's key, and its status and counts too. */
static uint64_t row_hash(const struct table *t, const struct activity *a)
{
	const struct row_counts c = activity_counts(t, a);
	uint64_t h = mix(report_hash(a), a->status);
	h = mix(h, (uint64_t)(uint32_t)c.reached << 32 | (uint32_t)c.girls);
	h = mix(h, (uint64_t)(uint32_t)c.boys << 32 | (uint32_t)c.women);
	return mix(h, (uint64_t)(uint32_t)c.men << 32 | (uint32_t)c.older);
}

static bool same_row(const struct table *t, const struct activity *a, const struct activity *b)
{
	if (a->source != b->source || a->status != b->status || !same_report(a, b))
		return false;
	const struct row_counts x = activity_counts(t, a), y = activity_counts(t, b);
	return !memcmp(&x, &y, sizeof x);
}

/* ---- repeated rows (rule 10) ----------------------------------------------- */

void table_drop_written(struct table *t)
{
	bigmem_array_free(t->written, t->written_cap, sizeof *t->written);
	t->written = NULL;
	t->nwritten = t->written_cap = 0;
}

void table_reserve_written(struct table *t, size_t n)
{
	table_drop_written(t);
	t->written = bigmem_grow(NULL, &t->written_cap, n, sizeof *t->written);
}

void table_note_written(struct table *t, uint32_t cells_hash)
{
	t->written = bigmem_grow(t->written, &t->written_cap, t->nwritten + 1, sizeof *t->written);
	t->written[t->nwritten++] = cells_hash;
}

/* A large sheet's rows are looked at in partitions of their hash at once,
 * one per core: equal rows have equal hashes, so each partition finds the
 * first rows a single pass would; the repeats are said in row order. */
#define REPEATS_SPLIT_ROWS ((size_t)1 << 16)

struct repeat_pass {
	struct table *t;
	size_t first, n, nparts;
	const uint32_t *hash;      /* [n]: each row's, of its cells or its fields */
	struct repeat_found {     /* a partition's repeats, in row order */
		struct repeat_pair { size_t row, earlier; } *pair;
		size_t len, cap;
	} found[WORKERS_MAX];
};

static size_t partition_of(const struct repeat_pass *rp, uint64_t m)
{
	return (size_t)(m >> 32) % rp->nparts;
}

static void note_repeat(struct repeat_found *f, size_t row, size_t earlier)
{
	f->pair = xgrow(f->pair, &f->cap, f->len + 1, sizeof *f->pair);
	f->pair[f->len++] = (struct repeat_pair){ row, earlier };
}

/* A slot holds its row (row - first + 1, 0: empty) and, where the rows
 * are few enough to leave the top byte free, eight bits of the row's hash:
 * most slots probed in passing then show that their row differs without a
 * look at its hash, a cache miss a probe in a table of a million rows. */
#define TAGGED_ROWS ((size_t)1 << 24)
/* The slot of the row this far ahead is asked for early: in a table of a
 * million rows each first probe is a cache miss, which the wait on the
 * rows between then hides. */
#define PROBE_AHEAD 16

static uint32_t slot_tag(size_t n, uint32_t h)
{
	return n < TAGGED_ROWS ? (h >> 24) << 24 : 0;
}

static void repeats_in_partition(void *arg, size_t p)
{
	struct repeat_pass *rp = arg;
	size_t members = 0, size = 16;
	uint32_t row_bits = rp->n < TAGGED_ROWS ? (uint32_t)TAGGED_ROWS - 1 : UINT32_MAX;
	for (size_t r = 0; r < rp->n; r++)
		members += partition_of(rp, mix(rp->hash[r], 0)) == p;
	while (size < members + members / 2)
		size *= 2;
	uint32_t *slot = bigmem_zeroed(size * sizeof *slot);   /* the worker's own pages */
	for (size_t r = 0; r < rp->n; r++) {
		if (r + PROBE_AHEAD < rp->n) {
			uint64_t ahead = mix(rp->hash[r + PROBE_AHEAD], 0);
			if (partition_of(rp, ahead) == p)
				__builtin_prefetch(&slot[(size_t)ahead & (size - 1)], 1);
		}
		uint32_t h = rp->hash[r], tag = slot_tag(rp->n, h);
		uint64_t m = mix(h, 0);
		if (partition_of(rp, m) != p)
			continue;
		struct activity *a = &rp->t->rows[rp->first + r];
		size_t k = (size_t)m & (size - 1), earlier = 0;
		for (; slot[k]; k = (k + 1) & (size - 1)) {
			earlier = slot[k] & row_bits;
			if ((slot[k] & ~row_bits) == tag && rp->hash[earlier - 1] == h &&
			    same_row(rp->t, a, &rp->t->rows[rp->first + earlier - 1]))
				break;
		}
		a->repeated = slot[k] != 0;
		if (slot[k])
			note_repeat(&rp->found[p], rp->first + r, rp->first + earlier - 1);
		else
			slot[k] = (uint32_t)(r + 1) | tag;
	}
	bigmem_free(slot, size * sizeof *slot);
}

size_t table_mark_repeats(struct table *t, size_t first,
                          void (*found)(void *arg, size_t row, size_t earlier), void *arg)
{
	struct repeat_pass rp = { .t = t, .first = first, .n = t->len - first };
	rp.nparts = rp.n < REPEATS_SPLIT_ROWS ? 1 : workers_available();
	/* the cells' hashes where noted (equal cells make equal fields; the
	 * fields are compared too, so a collision is no repeat) */
	uint32_t *own = NULL;
	rp.hash = t->written;
	if (t->nwritten != rp.n) {
		rp.hash = own = xmalloc((rp.n + 1) * sizeof *own);
		for (size_t r = 0; r < rp.n; r++)
			own[r] = (uint32_t)row_hash(t, &t->rows[first + r]);
	}
	workers_run(rp.nparts, repeats_in_partition, &rp);
	size_t at[WORKERS_MAX] = { 0 }, repeats = 0;
	for (;; repeats++) {         /* the partitions' repeats merged in row order */
		size_t best = rp.nparts;
		for (size_t p = 0; p < rp.nparts; p++)
			if (at[p] < rp.found[p].len &&
			    (best == rp.nparts ||
			     rp.found[p].pair[at[p]].row < rp.found[best].pair[at[best]].row))
				best = p;
		if (best == rp.nparts)
			break;
		const struct repeat_pair *e = &rp.found[best].pair[at[best]];
		found(arg, e->row, e->earlier);
		at[best]++;
	}
	for (size_t p = 0; p < rp.nparts; p++)
		free(rp.found[p].pair);
	free(own);
	table_drop_written(t);
	return repeats;
}

/* ---- reports sent twice (rule 9) ----------------------------------------- */

struct newness { int latest_month; const char *path; uint32_t source; };

/* Older first: the latest reporting month, then the name (never the name
 * alone: "avril" comes before "fevrier"). */
static int cmp_newness(const void *a, const void *b)
{
	const struct newness *x = a, *y = b;
	if (x->latest_month != y->latest_month)
		return x->latest_month < y->latest_month ? -1 : 1;
	return strcmp(x->path, y->path);
}

/* rank[s]: how new sheet s is among the table's sheets (larger is newer). */
static uint32_t *rank_sources(const struct table *t)
{
	struct newness *order = xmalloc(t->nsources * sizeof *order);
	uint32_t *rank = xmalloc(t->nsources * sizeof *rank);
	for (uint32_t i = 0; i < t->nsources; i++)
		order[i] = (struct newness){ t->sources[i].latest_month, t->sources[i].path, i };
	qsort(order, t->nsources, sizeof *order, cmp_newness);
	for (uint32_t i = 0; i < t->nsources; i++)
		rank[order[i].source] = i;
	free(order);
	return rank;
}

/* One slot of the reports' open-addressing table: the row (+ 1, 0 empty)
 * and its key's hash, compared first so that a probe past another report
 * reads no row (the rows are far apart in memory, the slots are not). */
struct report_slot { uint32_t row, hash; };

/* The slot of row i's report (hash h), or the empty slot where it goes. */
static size_t report_slot(const struct table *t, const struct report_slot *slot, size_t size,
                          size_t i, uint32_t h)
{
	size_t k = (size_t)h & (size - 1);
	for (; slot[k].row; k = (k + 1) & (size - 1))
		if (slot[k].hash == h &&
		    (slot[k].row == i + 1 || same_report(&t->rows[i], &t->rows[slot[k].row - 1])))
			break;
	return k;
}

static void note_resent(struct table *t, struct activity *a, const struct activity *by,
                        size_t *cap)
{
	const struct row_counts x = activity_counts(t, a), y = activity_counts(t, by);
	a->resent = 1;
	t->sources[a->source].resent++;
	t->resent = xgrow(t->resent, cap, t->nresent + 1, sizeof *t->resent);
	t->resent[t->nresent++] = (struct resent_row){
		a->source, a->line, by->source, by->line,
		a->status == by->status && !memcmp(&x, &y, sizeof x) };
}

/* Puts row i's report in the slots, keeping for each report the first row
 * of the newest sheet that sent it, and marks it shared when a second
 * sheet sends it. */
static void note_report(const struct table *t, struct report_slot *slot, size_t size,
                        const uint32_t *rank, uint64_t *shared, size_t i, uint32_t *at)
{
	uint32_t h = (uint32_t)(report_hash(&t->rows[i]) >> 32);
	size_t k = report_slot(t, slot, size, i, h);
	*at = (uint32_t)k;
	if (!slot[k].row) {
		slot[k] = (struct report_slot){ (uint32_t)(i + 1), h };
		return;
	}
	uint32_t held = t->rows[slot[k].row - 1].source, mine = t->rows[i].source;
	if (held != mine)
		shared[k / 64] |= (uint64_t)1 << (k % 64);
	if (rank[mine] > rank[held])
		slot[k].row = (uint32_t)(i + 1);
}

size_t table_mark_resent(struct table *t)
{
	size_t cap = 0, size = 16;
	free(t->resent);
	t->resent = NULL;
	t->nresent = 0;
	for (size_t s = 0; s < t->nsources; s++)
		t->sources[s].resent = 0;
	for (size_t i = 0; i < t->len; i++)
		t->rows[i].resent = 0;
	if (t->nsources < 2 || !t->len)
		return 0;      /* one sheet: nothing can be sent twice */
	while (size < t->len + t->len / 2)
		size *= 2;
	uint32_t *rank = rank_sources(t);
	struct report_slot *slot = xcalloc(size, sizeof *slot);
	uint32_t *at = xmalloc(t->len * sizeof *at);     /* each row's slot */
	/* the slots of reports more than one sheet sent: a bitmap small enough
	 * to stay in cache, so the second pass reads the slots of these alone */
	uint64_t *shared = xcalloc(size / 64 + 1, sizeof *shared);
	for (size_t i = 0; i < t->len; i++)
		note_report(t, slot, size, rank, shared, i, &at[i]);
	for (size_t i = 0; i < t->len; i++) {
		if (!(shared[at[i] / 64] >> (at[i] % 64) & 1))
			continue;
		size_t best = slot[at[i]].row - 1;
		if (t->rows[best].source != t->rows[i].source)
			note_resent(t, &t->rows[i], &t->rows[best], &cap);
	}
	free(at);
	free(shared);
	free(slot);
	free(rank);
	return t->nresent;
}

static int cmp_pair(const void *a, const void *b)
{
	const struct resent_pair *x = a, *y = b;
	if (x->older != y->older)
		return x->older < y->older ? -1 : 1;
	return (x->newer > y->newer) - (x->newer < y->newer);
}

size_t table_resent_pairs(const struct table *t, struct resent_pair **pairs)
{
	/* one pair per row, sorted by (older, newer), then the runs folded */
	struct resent_pair *v = xmalloc((t->nresent + 1) * sizeof *v);
	for (size_t i = 0; i < t->nresent; i++)
		v[i] = (struct resent_pair){ t->resent[i].source, t->resent[i].by_source, 1,
		                             t->resent[i].same };
	qsort(v, t->nresent, sizeof *v, cmp_pair);
	size_t n = 0;
	for (size_t i = 0; i < t->nresent; i++) {
		if (n && !cmp_pair(&v[n - 1], &v[i])) {
			v[n - 1].rows++;
			v[n - 1].same += v[i].same;
		} else {
			v[n++] = v[i];
		}
	}
	*pairs = v;
	return n;
}

bool table_resent_whole(const struct table *t, const struct resent_pair *p)
{
	size_t older = t->sources[p->older].accepted, newer = t->sources[p->newer].accepted;
	return p->rows == older && p->same == older && newer == older;
}
