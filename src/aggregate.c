/* aggregate: the coverage cube, DESIGN.md "The numbers" rules 1–8.
 *
 * The meeting changes the filter far more often than the sheets, so the
 * work is split in two:
 *   - once per table (index_build): each row gets dense ids for the tuples
 *     counted distinct — (partner, region, type), (region, type, cercle),
 *     the cumulative key, (partner, cercle, type, period) — in an array
 *     beside the table, whose rows are grouped by region
 *     (table_group_by_region);
 *   - per filter (aggregate): one pass over the selected rows adds people
 *     into a few small arrays; distinct partners and cercles are counted by
 *     stamping ids with a generation number (nothing cleared, nothing
 *     allocated per row), and region, type and plan figures are folded
 *     from the cells at the end.
 * A region filter walks only that region's rows and ids, in a straight
 * line. */
#include "aggregate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define NONE UINT32_MAX

/* ---- a map from small tuples to dense ids (index building only) -------- */

/* Key and id side by side: a lookup in a large map costs one cache miss.
 * Every tuple packs into two words (24-byte slots: the maps of a million
 * rows are the largest thing alive while the index is built). */
struct idslot {
	uint64_t k[2];
	uint32_t val;             /* NONE marks an empty slot */
};

struct idmap {
	struct idslot *slots;
	size_t cap, len;          /* len: keys held */
	size_t next;              /* the next id (ids go on after idmap_empty) */
};

static uint64_t mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ull;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

static size_t key_slot(const uint64_t k[2], size_t cap)
{
	uint64_t h = k[0] * 0x9E3779B97F4A7C15ull + k[1] * 0xC2B2AE3D27D4EB4Full;
	return (size_t)mix(h) & (cap - 1);
}

/* Two 32-bit values in one key word. */
static uint64_t pair(uint32_t hi, uint32_t lo)
{
	return (uint64_t)hi << 32 | lo;
}

static void idmap_rehash(struct idmap *m, size_t cap)
{
	struct idslot *old = m->slots;
	size_t ocap = m->cap;
	m->cap = cap;
	m->slots = xmalloc(cap * sizeof *m->slots);
	for (size_t j = 0; j < cap; j++)
		m->slots[j].val = NONE;
	for (size_t i = 0; i < ocap; i++) {
		if (old[i].val == NONE)
			continue;
		size_t j = key_slot(old[i].k, cap);
		while (m->slots[j].val != NONE)
			j = (j + 1) & (cap - 1);
		m->slots[j] = old[i];
	}
	free(old);
}

/* The id of the key (a, b); a new key gets the next id and sets *fresh. */
static uint32_t idmap_get(struct idmap *m, uint64_t a, uint64_t b, bool *fresh)
{
	const uint64_t k[2] = { a, b };
	if (2 * (m->len + 1) > m->cap)
		idmap_rehash(m, m->cap ? 2 * m->cap : 1024);
	size_t j = key_slot(k, m->cap);
	for (; m->slots[j].val != NONE; j = (j + 1) & (m->cap - 1)) {
		const uint64_t *e = m->slots[j].k;
		if (e[0] == a && e[1] == b) {
			*fresh = false;
			return m->slots[j].val;
		}
	}
	memcpy(m->slots[j].k, k, sizeof k);
	m->slots[j].val = (uint32_t)m->next;
	m->len++;
	*fresh = true;
	return (uint32_t)m->next++;
}

/* Forgets every key (their ids stay taken): keys that hold a region are
 * never met again once the next region's rows begin. */
static void idmap_empty(struct idmap *m)
{
	if (!m->len)
		return;
	for (size_t j = 0; j < m->cap; j++)
		m->slots[j].val = NONE;
	m->len = 0;
}

static void idmap_free(struct idmap *m)
{
	free(m->slots);
	memset(m, 0, sizeof *m);
}

/* Appends to a growable array of n items of `size` bytes (doubling at
 * powers of two, so no capacity needs keeping). */
static void *push(void *v, size_t n, size_t size)
{
	if ((n & (n - 1)) == 0)
		v = xrealloc(v, (n ? 2 * n : 1) * size);
	return v;
}

/* ---- telling whether the index still fits the table --------------------- */

static uint64_t row_key_hash(const struct activity *a)
{
	uint64_t h = mix((uint64_t)a->partner ^ (uint64_t)(uint16_t)a->region << 48);
	h = mix(h ^ (uint64_t)a->activity ^ (uint64_t)a->itype << 56);
	h = mix(h ^ (uint64_t)a->commune ^ (uint64_t)(uint16_t)a->cercle << 48);
	h = mix(h ^ (uint64_t)(uint16_t)a->month << 32 ^ (uint64_t)(uint16_t)a->start_month << 16
	        ^ (uint16_t)a->end_month ^ (uint64_t)a->source << 40 ^ a->line);
	uint64_t n = (uint64_t)a->people.n[0] << 16 | a->people.n[1];   /* or wide_at */
	return mix(h ^ n << 8 ^ a->status ^ (uint64_t)a->wide << 7);
}

/* A table freed and loaded again into the same struct may get its rows at
 * the same address with the same length; the old index would then be
 * silently wrong.  Hashing up to 512 spread rows (all of a small table)
 * catches that for microseconds; a caller that edits rows in place must
 * still call cube_invalidate. */
static uint64_t table_fingerprint(const struct table *t)
{
	uint64_t h = mix(t->len ^ (uint64_t)t->nsources << 40 ^ (uint64_t)t->strings.len << 20);
	size_t step = t->len / 512 + 1;
	for (size_t i = 0; i < t->len; i += step)
		h = mix(h ^ row_key_hash(&t->rows[i]));
	if (t->len)
		h = mix(h ^ row_key_hash(&t->rows[t->len - 1]));
	return h;
}

/* ---- the per-table index ----------------------------------------------- */

/* A row's ids, 12 bytes, beside it (a million rows: 12 MB beside the
 * table's 48): what counting needs besides the row itself.  The cumulative
 * key is kept apart (cube_cache.gid), only in cumulative mode. */
struct ids {
	uint32_t prt;             /* (partner, region, type); NONE: a row the config cannot place */
	uint32_t place;           /* (region, type, cercle or -1): rule 6 and cercles */
	uint32_t pctp;            /* (partner, region, cercle, type, period), or NONE */
};

/* What a row adds to the people reached. */
struct people {
	int32_t reached, girls, boys, women, men, older;
};

struct cube_cache {
	/* what the index was built from */
	const struct table *t;
	const struct activity *rows;
	size_t len;
	const struct config *c;
	enum reporting_mode mode; /* the config's mode then: cumulative keys only in cumulative mode */
	uint64_t fingerprint;

	struct ids *ids;          /* [len], by row */
	uint32_t *gid;            /* [len]: cumulative key; NULL in monthly mode */
	uint32_t *region_start;   /* [nregions + 1]: each region's rows */

	const char **pname;       /* partners sorted by name: index = partner id */
	size_t np;
	uint32_t *prt_pr, *prt_pt, *prt_region, *prt_type;
	size_t nprt, npt;
	uint32_t *pr_pid, *pr_region, *pr_order;   /* pr_order: by partner, then region */
	size_t npr;
	uint32_t *place_region, *place_type;
	int32_t *place_cercle;
	size_t nplace;
	uint32_t *pctp_ctp;       /* while the index is built; then in pctp_st */
	size_t npctp;
	struct overlap *ctp;      /* (region, cercle, type, period) groups */
	size_t nctp, ngid;

	/* per call: a stamp equal to gen means "seen in this call" */
	uint32_t gen;
	uint32_t *st_prt, *st_pt, *st_pr, *st_pid, *st_place, *st_rc, *st_tc, *st_cer;
	uint32_t *st_gid, *st_ctp;
	uint32_t *ctp_counted;    /* [nctp]: rows counted per group, apart from ctp (written per row) */
	/* a (partner, cercle, type, period)'s stamp beside its group: counting
	 * a row reads one cache line for both */
	struct pctp_state { uint32_t stamp, ctp; } *pctp_st;
	struct prt_acc { uint32_t activities; int latest; int64_t reached; } *prt_acc;
	int64_t *place_sum;
	int64_t *rc_max;          /* [region * (ncercles + 1) + cercle + 1]: rule 6 */
	int *gid_best;            /* latest period per cumulative key */
	uint32_t *touched_prt, *touched_place, *touched_ctp, *touched_rc;
	size_t ntouched_prt, ntouched_place, ntouched_ctp;
	uint32_t *sel;            /* rows the filter selected (cumulative mode) */
	size_t nsel;
	uint64_t *sel_bits, *count_bits;   /* by row index */
	struct presence *pr_acc;
	struct partner_info *pid_acc;

	/* (source, line) → row, on first use: a loaded table is in that
	 * order within each region and is searched as it is; only a table
	 * built in another order gets these sorted copies */
	uint64_t *line_key;
	uint32_t *line_row;
	bool lines_built;

	/* rows by overlap group and by partner × region (CSR), and the row of
	 * each diagnostic: built on first use */
	uint32_t *ctp_start, *pr_start;
	uint32_t *ctp_rows, *pr_rows;
	int32_t *diag_row;
	size_t ndiag_row;
	bool diag_built;
};

static void cache_free(struct cube_cache *x)
{
	if (!x)
		return;
	void *ptrs[] = {
		x->ids, x->gid, x->region_start, x->pname, x->prt_pr, x->prt_pt, x->prt_region,
		x->prt_type, x->pr_pid, x->pr_region, x->pr_order, x->place_region,
		x->place_type, x->place_cercle, x->pctp_ctp, x->ctp, x->st_prt, x->st_pt,
		x->st_pr, x->st_pid, x->st_place, x->st_rc, x->st_tc, x->st_cer, x->st_gid,
		x->pctp_st, x->st_ctp, x->ctp_counted, x->prt_acc, x->place_sum, x->rc_max, x->gid_best,
		x->touched_prt, x->touched_place, x->touched_ctp, x->touched_rc, x->sel, x->sel_bits,
		x->count_bits, x->pr_acc, x->pid_acc, x->line_key, x->line_row,
		x->ctp_start, x->ctp_rows, x->pr_start, x->pr_rows, x->diag_row,
	};
	for (size_t i = 0; i < sizeof ptrs / sizeof ptrs[0]; i++)
		free(ptrs[i]);
	free(x);
}

struct named { const char *name; uint32_t string; };   /* a partner name and its string id */

static int cmp_named(const void *a, const void *b)
{
	return strcmp(((const struct named *)a)->name, ((const struct named *)b)->name);
}

/* The loader only stores indices into this config; a row that does not
 * fit it (a table loaded with another config) cannot be placed. */
static bool row_usable(const struct config *c, const struct activity *a)
{
	return a->region >= 0 && (size_t)a->region < c->nregions && a->itype < c->ntypes &&
	       (a->cercle < 0 || (size_t)a->cercle < c->ncercles);
}

/* Partner ids in name order, so the presence and partner lists come out
 * sorted without sorting per call.  Returns them by string id (NONE: a
 * string no row names as its partner); a row's is pid_of[row.partner]. */
static uint32_t *index_partners(struct cube_cache *x)
{
	const struct strpool *names = &x->t->strings;
	uint32_t *pid_of = xmalloc((names->len + 1) * sizeof *pid_of);
	memset(pid_of, 0xff, (names->len + 1) * sizeof *pid_of);   /* NONE */
	struct named *v = NULL;
	x->np = 0;
	for (size_t i = 0; i < x->len; i++) {
		uint32_t s = x->rows[i].partner;
		if (pid_of[s] == NONE) {
			v = push(v, x->np, sizeof *v);
			v[x->np] = (struct named){ strpool_str(names, s), s };
			pid_of[s] = (uint32_t)x->np++;
		}
	}
	if (x->np)
		qsort(v, x->np, sizeof *v, cmp_named);
	x->pname = xmalloc((x->np + 1) * sizeof *x->pname);
	for (size_t k = 0; k < x->np; k++) {
		pid_of[v[k].string] = (uint32_t)k;
		x->pname[k] = v[k].name;
	}
	free(v);
	return pid_of;
}

struct builder {
	struct idmap prt, pr, pt, gid, place, pctp, ctp;
};

static uint32_t build_prt(struct cube_cache *x, struct builder *b, const struct activity *a,
                          uint32_t pid)
{
	bool fresh;
	uint32_t region = (uint16_t)a->region;
	uint32_t prt = idmap_get(&b->prt, pair(pid, region << 8 | a->itype), 0, &fresh);
	if (!fresh)
		return prt;
	uint32_t pr = idmap_get(&b->pr, pair(pid, region), 0, &fresh);
	if (fresh) {
		x->pr_pid = push(x->pr_pid, pr, sizeof *x->pr_pid);
		x->pr_region = push(x->pr_region, pr, sizeof *x->pr_region);
		x->pr_pid[pr] = pid;
		x->pr_region[pr] = (uint32_t)a->region;
	}
	uint32_t pt = idmap_get(&b->pt, pair(pid, a->itype), 0, &fresh);
	x->prt_pr = push(x->prt_pr, prt, sizeof *x->prt_pr);
	x->prt_pt = push(x->prt_pt, prt, sizeof *x->prt_pt);
	x->prt_region = push(x->prt_region, prt, sizeof *x->prt_region);
	x->prt_type = push(x->prt_type, prt, sizeof *x->prt_type);
	x->prt_pr[prt] = pr;
	x->prt_pt[prt] = pt;
	x->prt_region[prt] = (uint32_t)a->region;
	x->prt_type[prt] = a->itype;
	return prt;
}

/* Region, cercle (or none) and type in one word. */
static uint64_t place_word(const struct activity *a)
{
	return (uint64_t)(uint16_t)a->region << 32 | (uint64_t)(uint16_t)a->cercle << 16 | a->itype;
}

static uint32_t build_place(struct cube_cache *x, struct builder *b, const struct activity *a)
{
	bool fresh;
	uint32_t id = idmap_get(&b->place, place_word(a), 0, &fresh);
	if (fresh) {
		x->place_region = push(x->place_region, id, sizeof *x->place_region);
		x->place_type = push(x->place_type, id, sizeof *x->place_type);
		x->place_cercle = push(x->place_cercle, id, sizeof *x->place_cercle);
		x->place_region[id] = (uint32_t)a->region;
		x->place_type[id] = a->itype;
		x->place_cercle[id] = a->cercle;
	}
	return id;
}

static uint32_t build_pctp(struct cube_cache *x, struct builder *b, const struct activity *a,
                           uint32_t pid, int period)
{
	bool fresh;
	if (a->cercle < 0 || period < 0)
		return NONE;
	uint32_t id = idmap_get(&b->pctp, pair(pid, (uint32_t)period), place_word(a), &fresh);
	if (!fresh)
		return id;
	uint32_t g = idmap_get(&b->ctp, place_word(a), (uint32_t)period, &fresh);
	x->pctp_ctp = push(x->pctp_ctp, id, sizeof *x->pctp_ctp);
	x->pctp_ctp[id] = g;
	if (fresh) {
		x->ctp = push(x->ctp, g, sizeof *x->ctp);
		x->ctp[g] = (struct overlap){ a->region, a->cercle, a->itype, period, 0, 0, g };
	}
	return id;
}

static int32_t given(int32_t v)
{
	return v == COUNT_MISSING ? 0 : v;
}

/* The ids of row i (its cumulative key into *gid in cumulative mode). */
static struct ids build_ids(struct cube_cache *x, struct builder *b, size_t i, uint32_t pid,
                            uint32_t *gid)
{
	const struct activity *a = &x->rows[i];
	bool fresh;
	uint32_t place = build_place(x, b, a);
	if (x->mode == MODE_CUMULATIVE)   /* (partner, place, commune, activity) */
		*gid = idmap_get(&b->gid, pair(pid, place), pair(a->commune, a->activity), &fresh);
	return (struct ids){ build_prt(x, b, a, pid), place,
	                     build_pctp(x, b, a, pid, activity_period(a)) };
}

/* Every row's ids, region after region; each region's rows in one stretch
 * (region_start).  The keys of (partner, cercle, type, period), of
 * (cercle, type, period) and the cumulative key (by its place) hold the
 * region, so their maps are emptied when a region ends: they never hold
 * more than one region's keys (at a million rows the largest maps, emptied
 * so, are a few MB, not 16). */
static void index_rows(struct cube_cache *x, struct builder *b, const uint32_t *pid_of)
{
	size_t nr = x->c->nregions;
	x->region_start = xcalloc(nr + 2, sizeof *x->region_start);
	x->ids = xmalloc((x->len + 1) * sizeof *x->ids);
	if (x->mode == MODE_CUMULATIVE)
		x->gid = xcalloc(x->len + 1, sizeof *x->gid);
	int region = -1;
	for (size_t i = 0; i < x->len; i++) {
		const struct activity *a = &x->rows[i];
		if (a->region >= 0 && (size_t)a->region < nr)
			x->region_start[a->region + 1]++;
		if (!row_usable(x->c, a)) {
			x->ids[i] = (struct ids){ NONE, NONE, NONE };
			continue;
		}
		if (a->region != region) {
			idmap_empty(&b->pctp);
			idmap_empty(&b->ctp);
			idmap_empty(&b->gid);
			region = a->region;
		}
		uint32_t unused;
		x->ids[i] = build_ids(x, b, i, pid_of[a->partner], x->gid ? &x->gid[i] : &unused);
	}
	/* each region's first row; rows of no region (or of another config's)
	 * come after them all */
	for (size_t r = 0; r < nr; r++)
		x->region_start[r + 1] += x->region_start[r];
}

struct pr_key { uint32_t pid, region, pr; };

static int cmp_pr(const void *a, const void *b)
{
	const struct pr_key *x = a, *y = b;
	if (x->pid != y->pid)
		return x->pid < y->pid ? -1 : 1;
	return (x->region > y->region) - (x->region < y->region);
}

static void index_presence_order(struct cube_cache *x)
{
	struct pr_key *v = xmalloc((x->npr + 1) * sizeof *v);
	for (size_t k = 0; k < x->npr; k++)
		v[k] = (struct pr_key){ x->pr_pid[k], x->pr_region[k], (uint32_t)k };
	if (x->npr)
		qsort(v, x->npr, sizeof *v, cmp_pr);
	x->pr_order = xmalloc((x->npr + 1) * sizeof *x->pr_order);
	for (size_t k = 0; k < x->npr; k++)
		x->pr_order[k] = v[k].pr;
	free(v);
}

static uint32_t *stamps(size_t n)
{
	return xcalloc(n + 1, sizeof(uint32_t));
}

static void index_alloc_call_state(struct cube_cache *x)
{
	const struct config *c = x->c;
	size_t nrc = c->nregions * (c->ncercles + 1);
	x->st_prt = stamps(x->nprt);    x->st_pt = stamps(x->npt);
	x->st_pr = stamps(x->npr);      x->st_pid = stamps(x->np);
	x->st_place = stamps(x->nplace); x->st_rc = stamps(nrc);
	x->st_tc = stamps(c->ntypes * c->ncercles); x->st_cer = stamps(c->ncercles);
	x->st_gid = stamps(x->ngid);
	x->ctp_counted = xcalloc(x->nctp + 1, sizeof *x->ctp_counted);
	x->pctp_st = xcalloc(x->npctp + 1, sizeof *x->pctp_st);
	for (size_t k = 0; k < x->npctp; k++)
		x->pctp_st[k].ctp = x->pctp_ctp[k];
	free(x->pctp_ctp);
	x->pctp_ctp = NULL;
	x->st_ctp = stamps(x->nctp);
	x->prt_acc = xcalloc(x->nprt + 1, sizeof *x->prt_acc);
	x->place_sum = xcalloc(x->nplace + 1, sizeof *x->place_sum);
	x->rc_max = xcalloc(nrc + 1, sizeof *x->rc_max);
	x->gid_best = xcalloc(x->ngid + 1, sizeof *x->gid_best);
	x->touched_prt = xmalloc((x->nprt + 1) * sizeof *x->touched_prt);
	x->touched_place = xmalloc((x->nplace + 1) * sizeof *x->touched_place);
	x->touched_ctp = xmalloc((x->nctp + 1) * sizeof *x->touched_ctp);
	x->touched_rc = xmalloc((nrc + 1) * sizeof *x->touched_rc);
	if (x->mode == MODE_CUMULATIVE)   /* monthly mode counts as it selects */
		x->sel = xmalloc((x->len + 1) * sizeof *x->sel);
	x->sel_bits = xcalloc(x->len / 64 + 1, sizeof *x->sel_bits);
	x->count_bits = xcalloc(x->len / 64 + 1, sizeof *x->count_bits);
	x->pr_acc = xcalloc(x->npr + 1, sizeof *x->pr_acc);
	x->pid_acc = xcalloc(x->np + 1, sizeof *x->pid_acc);
}

static struct cube_cache *index_build(const struct config *c, const struct table *t)
{
	if (!table_grouped_by_region(t)) {
		fputs("fourw: internal error: aggregate on a table not grouped by region "
		      "(table_group_by_region)\n", stderr);
		abort();
	}
	struct cube_cache *x = xcalloc(1, sizeof *x);
	struct builder b;
	memset(&b, 0, sizeof b);
	x->t = t;
	x->rows = t->rows;
	x->len = t->len;
	x->c = c;
	x->mode = c->mode;
	x->fingerprint = table_fingerprint(t);
	uint32_t *pid_of = index_partners(x);
	index_rows(x, &b, pid_of);
	free(pid_of);
	x->nprt = b.prt.next; x->npr = b.pr.next; x->npt = b.pt.next; x->ngid = b.gid.next;
	x->nplace = b.place.next; x->npctp = b.pctp.next; x->nctp = b.ctp.next;
	struct idmap *maps[] = { &b.prt, &b.pr, &b.pt, &b.gid, &b.place, &b.pctp, &b.ctp };
	for (size_t k = 0; k < sizeof maps / sizeof maps[0]; k++)
		idmap_free(maps[k]);
	index_presence_order(x);
	index_alloc_call_state(x);
	return x;
}

static bool cache_fits(const struct cube_cache *x, const struct config *c,
                       const struct table *t)
{
	return x && x->t == t && x->rows == t->rows && x->len == t->len && x->c == c &&
	       x->mode == c->mode && x->fingerprint == table_fingerprint(t);
}

/* ---- the cube's own arrays --------------------------------------------- */

/* Cube generations handed out so far: one counter for the process, so no
 * two states of any cubes share a number. */
static uint64_t generations;

void cube_init(struct cube *q)
{
	memset(q, 0, sizeof *q);
	q->total_in_need = q->total_targeted = CONFIG_UNKNOWN;
}

void cube_free(struct cube *q)
{
	free(q->cell);
	free(q->region);
	free(q->region_dedup);
	free(q->type);
	free(q->rows);
	free(q->presence);
	free(q->partners);
	free(q->overlaps);
	cache_free(q->cache);
	cube_init(q);
}

void cube_invalidate(struct cube *q)
{
	cache_free(q->cache);
	q->cache = NULL;
	q->generation = ++generations;
}

static void cube_size(struct cube *q, const struct config *c, const struct cube_cache *x)
{
	size_t nr = c->nregions, nt = c->ntypes;
	free(q->cell); free(q->region); free(q->region_dedup); free(q->type);
	free(q->rows); free(q->presence); free(q->partners); free(q->overlaps);
	q->cell = xmalloc((nr * nt + 1) * sizeof *q->cell);
	q->region = xmalloc((nr + 1) * sizeof *q->region);
	q->region_dedup = xmalloc((nr + 1) * sizeof *q->region_dedup);
	q->type = xmalloc((nt + 1) * sizeof *q->type);
	q->rows = xmalloc((x->len + 1) * sizeof *q->rows);
	q->presence = xmalloc((x->npr + 1) * sizeof *q->presence);
	q->partners = xmalloc((x->np + 1) * sizeof *q->partners);
	q->overlaps = xmalloc((x->nctp + 1) * sizeof *q->overlaps);
	q->nregions = nr;
	q->ntypes = nt;
}

void cube_take_index(struct cube *to, struct cube *from)
{
	if (!from->cache || to == from)
		return;
	to->generation = ++generations;
	from->generation = ++generations;
	cache_free(to->cache);
	to->cache = from->cache;
	from->cache = NULL;
	cube_size(to, to->cache->c, to->cache);
}

static void cube_zero(struct cube *q)
{
	memset(q->cell, 0, (q->nregions * q->ntypes + 1) * sizeof *q->cell);
	memset(q->region, 0, (q->nregions + 1) * sizeof *q->region);
	memset(q->region_dedup, 0, (q->nregions + 1) * sizeof *q->region_dedup);
	memset(q->type, 0, (q->ntypes + 1) * sizeof *q->type);
	memset(&q->total, 0, sizeof q->total);
	q->total_dedup = 0;
	q->nrows = q->npresence = q->npartners = q->noverlaps = q->nselected = 0;
	q->superseded = 0;
}

/* ---- selection and the cumulative rule ---------------------------------- */

/* True the first time id is seen in this call. */
static bool first(uint32_t *st, uint32_t id, uint32_t gen)
{
	if (st[id] == gen)
		return false;
	st[id] = gen;
	return true;
}

static void set_bit(uint64_t *bits, uint32_t i)
{
	bits[i / 64] |= (uint64_t)1 << (i % 64);
}

/* Row i in cumulative mode: a later period of its key was selected. */
static bool superseded(const struct cube_cache *x, uint32_t i)
{
	int period = activity_period(&x->rows[i]);
	return period >= 0 && period < x->gid_best[x->gid[i]];
}

/* ---- counting one row ---------------------------------------------------- */

static bool is_active(unsigned status)
{
	return status != STATUS_PLANNED && status != STATUS_SUSPENDED;
}

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

static struct people people_of(const struct cube_cache *x, const struct activity *a)
{
	const struct row_counts c = activity_counts(x->t, a);
	return (struct people){ c.reached, given(c.girls), given(c.boys), given(c.women),
	                        given(c.men), given(c.older) };
}

static void count_row(struct cube *q, struct cube_cache *x, size_t region, uint32_t i)
{
	const struct activity *a = &x->rows[i];
	const struct ids *id = &x->ids[i];
	struct measure *m = &q->cell[region * q->ntypes + a->itype];
	bool active = is_active(a->status);
	struct people n = people_of(x, a);
	m->reached += n.reached;
	m->girls += n.girls;
	m->boys += n.boys;
	m->women += n.women;
	m->men += n.men;
	m->older += n.older;
	m->activities++;
	m->planned += a->status == STATUS_PLANNED;
	m->active += active;
	struct prt_acc *pa = &x->prt_acc[id->prt];
	if (first(x->st_prt, id->prt, x->gen)) {
		*pa = (struct prt_acc){ 0, -1, 0 };
		x->touched_prt[x->ntouched_prt++] = id->prt;
	}
	pa->activities++;
	pa->reached += n.reached;
	pa->latest = max_int(pa->latest, activity_period(a));
	if (first(x->st_place, id->place, x->gen)) {
		x->place_sum[id->place] = 0;
		x->touched_place[x->ntouched_place++] = id->place;
	}
	x->place_sum[id->place] += n.reached;
	if (active && id->pctp != NONE) {
		struct pctp_state *ps = &x->pctp_st[id->pctp];
		uint32_t g = ps->ctp;
		if (ps->stamp != x->gen) {     /* the partner's first row there in this call */
			ps->stamp = x->gen;
			if (first(x->st_ctp, g, x->gen)) {   /* and so, maybe, the group's */
				x->ctp[g].partners = x->ctp_counted[g] = 0;
				x->touched_ctp[x->ntouched_ctp++] = g;
			}
			x->ctp[g].partners++;
		}
		x->ctp_counted[g]++;
	}
}

/* ---- the walk over the selected rows -------------------------------------- */

struct walk {
	struct cube *q;
	struct cube_cache *x;
	struct filter_prep *p;
	bool cumulative;          /* rule 4: counting waits for each key's latest period */
	bool ordered;             /* one region walked: its rows come in table order */
};

static void count_one(struct walk *w, size_t region, uint32_t i)
{
	count_row(w->q, w->x, region, i);
	set_bit(w->x->count_bits, i);
	if (w->ordered)
		w->q->rows[w->q->nrows++] = i;
}

/* One pass over a region's rows: the filter, then in monthly mode the
 * counting itself; in cumulative mode the latest period of each key among
 * the selected rows (rows with no period are never superseded). */
static void walk_region(struct walk *w, size_t r)
{
	struct cube_cache *x = w->x;
	const struct filter *f = w->p->f;
	bool strings = filter_prep_needs_row(w->p);
	int lo, hi;
	for (uint32_t i = x->region_start[r]; i < x->region_start[r + 1]; i++) {
		const struct activity *a = &x->rows[i];
		if (x->ids[i].prt == NONE)
			continue;
		filter_row_span(a, &lo, &hi);
		if (!filter_keys_match(f, (int)r, a->itype, a->status, lo, hi))
			continue;
		if (strings && !filter_strings_match(w->p, a))
			continue;
		set_bit(x->sel_bits, i);
		if (!w->cumulative) {
			x->nsel++;
			count_one(w, r, i);
			continue;
		}
		x->sel[x->nsel++] = i;
		uint32_t gid = x->gid[i];
		int period = activity_period(a);
		if (first(x->st_gid, gid, x->gen) || period > x->gid_best[gid])
			x->gid_best[gid] = period;
	}
}

static bool walks(const struct cube_cache *x, const struct filter *f, size_t r)
{
	return (!f->regions || (r < 64 && (f->regions >> r & 1))) &&
	       x->region_start[r] < x->region_start[r + 1];
}

static void walk_all(struct walk *w, const struct config *c, const struct filter *f)
{
	struct cube_cache *x = w->x;
	int n = 0;
	for (size_t r = 0; r < c->nregions; r++)
		n += walks(x, f, r);
	w->ordered = n <= 1;
	memset(x->sel_bits, 0, (x->len / 64 + 1) * sizeof *x->sel_bits);
	memset(x->count_bits, 0, (x->len / 64 + 1) * sizeof *x->count_bits);
	x->nsel = 0;
	for (size_t r = 0; r < c->nregions; r++)
		if (walks(x, f, r))
			walk_region(w, r);
	for (size_t k = 0; w->cumulative && k < x->nsel; k++) {
		uint32_t i = x->sel[k];
		if (superseded(x, i))
			w->q->superseded++;
		else
			count_one(w, (size_t)x->rows[i].region, i);
	}
	w->q->nselected = x->nsel;
	if (w->ordered)
		return;
	/* several regions were walked one after the other: list the counted
	 * rows in table order */
	for (size_t i = 0; i < x->len / 64 + 1; i++)
		for (uint64_t bits = x->count_bits[i]; bits; bits &= bits - 1)
			w->q->rows[w->q->nrows++] = (uint32_t)(i * 64 + (size_t)__builtin_ctzll(bits));
}

/* ---- folding the cells into regions, types and the plan ----------------- */

static void add_measure(struct measure *to, const struct measure *m)
{
	to->reached += m->reached;
	to->girls += m->girls;
	to->boys += m->boys;
	to->women += m->women;
	to->men += m->men;
	to->older += m->older;
	to->activities += m->activities;
	to->planned += m->planned;
	to->active += m->active;
}

static void fold_cells(struct cube *q)
{
	for (size_t r = 0; r < q->nregions; r++)
		for (size_t ty = 0; ty < q->ntypes; ty++) {
			const struct measure *m = &q->cell[r * q->ntypes + ty];
			if (!m->activities)
				continue;
			add_measure(&q->region[r], m);
			add_measure(&q->type[ty], m);
			add_measure(&q->total, m);
		}
}

static void fold_presence(struct cube *q, struct cube_cache *x, uint32_t prt)
{
	const struct prt_acc *pa = &x->prt_acc[prt];
	uint32_t region = x->prt_region[prt], type = x->prt_type[prt];
	uint32_t pr = x->prt_pr[prt], pid = x->pr_pid[pr];
	q->cell[region * q->ntypes + type].partners++;
	if (first(x->st_pt, x->prt_pt[prt], x->gen))
		q->type[type].partners++;
	bool new_pr = first(x->st_pr, pr, x->gen);
	if (new_pr) {
		q->region[region].partners++;
		x->pr_acc[pr] = (struct presence){ x->pname[pid], (int)region, 0, 0, -1, pr };
	}
	if (first(x->st_pid, pid, x->gen)) {
		q->total.partners++;
		x->pid_acc[pid] = (struct partner_info){ x->pname[pid], -1, 0, 0, 0 };
	}
	struct presence *p = &x->pr_acc[pr];
	struct partner_info *pi = &x->pid_acc[pid];
	p->activities += pa->activities;
	p->reached += pa->reached;
	p->latest_month = max_int(p->latest_month, pa->latest);
	pi->activities += pa->activities;
	pi->reached += pa->reached;
	pi->latest_month = max_int(pi->latest_month, pa->latest);
	pi->regions += new_pr;
}

/* Distinct cercles, and rule 6: for each finest place (cercle, else the
 * region), the largest type's sum; these maxima added up per region and
 * for the plan. */
static void fold_places(struct cube *q, struct cube_cache *x)
{
	size_t per_region = x->c->ncercles + 1, nrc = 0;
	for (size_t k = 0; k < x->ntouched_place; k++) {
		uint32_t pl = x->touched_place[k];
		uint32_t region = x->place_region[pl], type = x->place_type[pl];
		int ce = x->place_cercle[pl];
		size_t rc = region * per_region + (size_t)(ce + 1);
		if (first(x->st_rc, (uint32_t)rc, x->gen)) {
			x->rc_max[rc] = 0;
			x->touched_rc[nrc++] = (uint32_t)rc;
			q->region[region].cercles += ce >= 0;
		}
		if (x->place_sum[pl] > x->rc_max[rc])
			x->rc_max[rc] = x->place_sum[pl];
		if (ce < 0)
			continue;
		q->cell[region * q->ntypes + type].cercles++;
		if (first(x->st_tc, (uint32_t)(type * x->c->ncercles + (size_t)ce), x->gen))
			q->type[type].cercles++;
		if (first(x->st_cer, (uint32_t)ce, x->gen))
			q->total.cercles++;
	}
	for (size_t k = 0; k < nrc; k++) {
		uint32_t rc = x->touched_rc[k];
		q->region_dedup[rc / per_region] += x->rc_max[rc];
		q->total_dedup += x->rc_max[rc];
	}
}

static int cmp_overlap(const void *a, const void *b)
{
	const struct overlap *x = a, *y = b;
	if (x->region != y->region)
		return x->region < y->region ? -1 : 1;
	if (x->cercle != y->cercle)
		return x->cercle < y->cercle ? -1 : 1;
	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	return (x->period > y->period) - (x->period < y->period);
}

static void finish_lists(struct cube *q, struct cube_cache *x)
{
	for (size_t k = 0; k < x->ntouched_prt; k++)
		fold_presence(q, x, x->touched_prt[k]);
	for (size_t k = 0; k < x->npr; k++) {
		uint32_t pr = x->pr_order[k];
		if (x->st_pr[pr] == x->gen)
			q->presence[q->npresence++] = x->pr_acc[pr];
	}
	for (size_t pid = 0; pid < x->np; pid++)
		if (x->st_pid[pid] == x->gen)
			q->partners[q->npartners++] = x->pid_acc[pid];
	for (size_t k = 0; k < x->ntouched_ctp; k++) {
		uint32_t g = x->touched_ctp[k];
		if (x->ctp[g].partners < 2)
			continue;
		q->overlaps[q->noverlaps] = x->ctp[g];
		q->overlaps[q->noverlaps++].rows = x->ctp_counted[g];
	}
	if (q->noverlaps > 1)
		qsort(q->overlaps, q->noverlaps, sizeof *q->overlaps, cmp_overlap);
}

/* The denominators of the total: the plan's, unless the filter picked
 * regions — then what those regions need, so a part is never measured
 * against the whole. */
static void finish_denominators(struct cube *q, const struct config *c, const struct filter *f)
{
	q->total_in_need = c->in_need;
	q->total_targeted = c->targeted;
	if (!f->regions)
		return;
	int64_t need = 0, target = 0;
	for (size_t r = 0; r < c->nregions && r < 64; r++) {
		if (!(f->regions >> r & 1))
			continue;
		const struct region *re = &c->regions[r];
		need = need < 0 || re->in_need < 0 ? CONFIG_UNKNOWN : need + re->in_need;
		target = target < 0 || re->targeted < 0 ? CONFIG_UNKNOWN : target + re->targeted;
	}
	q->total_in_need = need;
	q->total_targeted = target;
}

/* When the generation counter wraps the stamps could lie, so they start
 * afresh. */
static void next_generation(struct cube_cache *x)
{
	if (x->gen < UINT32_MAX - 1) {
		x->gen++;
		return;
	}
	const struct config *c = x->c;
	uint32_t *all[] = { x->st_prt, x->st_pt, x->st_pr, x->st_pid, x->st_place, x->st_rc,
	                    x->st_tc, x->st_cer, x->st_gid, x->st_ctp };
	size_t len[] = { x->nprt, x->npt, x->npr, x->np, x->nplace,
	                 c->nregions * (c->ncercles + 1), c->ntypes * c->ncercles, c->ncercles,
	                 x->ngid, x->nctp };
	for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
		memset(all[k], 0, (len[k] + 1) * sizeof(uint32_t));
	for (size_t k = 0; k < x->npctp; k++)
		x->pctp_st[k].stamp = 0;
	x->gen = 1;
}

void aggregate(struct cube *q, const struct config *c, const struct table *t,
               const struct filter *f)
{
	if (!cache_fits(q->cache, c, t)) {
		cache_free(q->cache);
		q->cache = index_build(c, t);
		cube_size(q, c, q->cache);
	}
	struct cube_cache *x = q->cache;
	cube_zero(q);
	next_generation(x);
	q->generation = ++generations;
	x->ntouched_prt = x->ntouched_place = x->ntouched_ctp = 0;
	struct filter_prep p;
	filter_prep_init(&p, f, c, t);
	struct walk w = { q, x, &p, c->mode == MODE_CUMULATIVE, false };
	walk_all(&w, c, f);
	filter_prep_free(&p);
	fold_cells(q);
	finish_lists(q, x);
	fold_places(q, x);
	finish_denominators(q, c, f);
}

/* ---- questions about the cube ------------------------------------------- */

bool coverage_pct(int64_t reached, int64_t denom, double *pct)
{
	if (denom <= 0)
		return false;
	*pct = 100.0 * (double)reached / (double)denom;
	return true;
}

size_t cube_rows_for(const struct cube *q, const struct table *t,
                     int region, int type, uint32_t **out)
{
	uint32_t *v = xmalloc((q->nrows + 1) * sizeof *v);
	size_t n = 0;
	for (size_t k = 0; k < q->nrows; k++) {
		const struct activity *a = &t->rows[q->rows[k]];
		if ((region < 0 || a->region == region) && (type < 0 || a->itype == type))
			v[n++] = q->rows[k];
	}
	*out = v;
	return n;
}

bool cube_row_selected(const struct cube *q, size_t i)
{
	const struct cube_cache *x = q->cache;
	return x && i < x->len && (x->sel_bits[i / 64] >> (i % 64) & 1);
}

static bool counted(const struct cube_cache *x, uint32_t i)
{
	return x->count_bits[i / 64] >> (i % 64) & 1;
}

/* Rows grouped by a per-row id (NONE: in no group), table order inside:
 * a counting sort into start[ngroups + 1] and rows[] (row numbers only: a
 * group lies in one region, so its rows are read from one stretch of the
 * table, in order). */
static void group_rows(const struct cube_cache *x, size_t ngroups,
                       uint32_t (*id_of)(const struct cube_cache *, uint32_t),
                       uint32_t **start_out, uint32_t **rows_out)
{
	uint32_t *start = xcalloc(ngroups + 2, sizeof *start);
	for (uint32_t i = 0; i < x->len; i++) {
		uint32_t id = id_of(x, i);
		if (id != NONE)
			start[id + 1]++;
	}
	for (size_t g = 0; g < ngroups; g++)
		start[g + 1] += start[g];
	uint32_t *rows = xmalloc((start[ngroups] + 1) * sizeof *rows);
	uint32_t *fill = xmalloc((ngroups + 1) * sizeof *fill);
	memcpy(fill, start, (ngroups + 1) * sizeof *fill);
	for (uint32_t i = 0; i < x->len; i++) {
		uint32_t id = id_of(x, i);
		if (id != NONE)
			rows[fill[id]++] = i;
	}
	free(fill);
	*start_out = start;
	*rows_out = rows;
}

static uint32_t ctp_of(const struct cube_cache *x, uint32_t i)
{
	uint32_t pctp = x->ids[i].pctp;
	return pctp == NONE ? NONE : x->pctp_st[pctp].ctp;
}

static uint32_t pr_of(const struct cube_cache *x, uint32_t i)
{
	uint32_t prt = x->ids[i].prt;
	return prt == NONE ? NONE : x->prt_pr[prt];
}

/* The counted rows of group g; `period` -2 takes every period, and
 * only_active leaves planned and suspended rows out. */
static size_t pick_rows(const struct cube_cache *x, const uint32_t *start,
                        const uint32_t *rows, uint32_t g, int period,
                        bool only_active, struct cube_ref **out)
{
	uint32_t from = start[g], to = start[g + 1];
	struct cube_ref *v = xmalloc((to - from + 1) * sizeof *v);
	size_t n = 0;
	for (uint32_t k = from; k < to; k++) {
		const struct activity *a = &x->rows[rows[k]];
		if (counted(x, rows[k]) && (!only_active || is_active(a->status)) &&
		    (period == -2 || activity_period(a) == period))
			v[n++] = (struct cube_ref){ rows[k], a->source, a->line };
	}
	*out = v;
	return n;
}

size_t cube_overlap_rows(const struct cube *q, const struct overlap *o, struct cube_ref **out)
{
	struct cube_cache *x = q->cache;
	*out = NULL;
	if (!x || o->group >= x->nctp)
		return 0;
	if (!x->ctp_start)
		group_rows(x, x->nctp, ctp_of, &x->ctp_start, &x->ctp_rows);
	return pick_rows(x, x->ctp_start, x->ctp_rows, o->group, -2, true, out);
}

size_t cube_presence_rows(const struct cube *q, const struct presence *p, int period,
                          struct cube_ref **out)
{
	struct cube_cache *x = q->cache;
	*out = NULL;
	if (!x || p->id >= x->npr)
		return 0;
	if (!x->pr_start)
		group_rows(x, x->npr, pr_of, &x->pr_start, &x->pr_rows);
	return pick_rows(x, x->pr_start, x->pr_rows, p->id, period, false, out);
}

struct line_pair { uint64_t key; uint32_t row; };

static int cmp_line_pair(const void *a, const void *b)
{
	uint64_t x = ((const struct line_pair *)a)->key, y = ((const struct line_pair *)b)->key;
	return (x > y) - (x < y);
}

static uint64_t row_line_key(const struct activity *a)
{
	return (uint64_t)a->source << 32 | a->line;
}

/* Which of the table's stretches row a lies in: its region, or past them
 * all (nregions) for rows of no region or of another config's. */
static size_t stretch_of(const struct cube_cache *x, const struct activity *a)
{
	size_t nr = x->c->nregions;
	return a->region >= 0 && (size_t)a->region < nr ? (size_t)a->region : nr;
}

/* A loaded table is in file order within each region: then each region's
 * stretch is searched as it is; only a table built in another order gets
 * sorted copies of the keys. */
static void build_lines(struct cube_cache *x)
{
	x->lines_built = true;
	bool sorted = true;
	for (size_t i = 1; i < x->len && sorted; i++)
		sorted = stretch_of(x, &x->rows[i - 1]) != stretch_of(x, &x->rows[i]) ||
		         row_line_key(&x->rows[i - 1]) <= row_line_key(&x->rows[i]);
	if (sorted)
		return;
	struct line_pair *v = xmalloc((x->len + 1) * sizeof *v);
	for (size_t i = 0; i < x->len; i++)
		v[i] = (struct line_pair){ row_line_key(&x->rows[i]), (uint32_t)i };
	qsort(v, x->len, sizeof *v, cmp_line_pair);
	x->line_key = xmalloc((x->len + 1) * sizeof *x->line_key);
	x->line_row = xmalloc((x->len + 1) * sizeof *x->line_row);
	for (size_t i = 0; i < x->len; i++) {
		x->line_key[i] = v[i].key;
		x->line_row[i] = v[i].row;
	}
	free(v);
}

/* The first k in [lo, hi) whose key is not below `key`, keys ascending
 * there. */
static size_t lower_bound(const struct cube_cache *x, size_t lo, size_t hi, uint64_t key)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uint64_t k = x->line_key ? x->line_key[mid] : row_line_key(&x->rows[mid]);
		if (k < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The row with this key in [lo, hi), or -1. */
static long row_in(const struct cube_cache *x, size_t lo, size_t hi, uint64_t key)
{
	size_t k = lower_bound(x, lo, hi, key);
	if (k >= hi)
		return -1;
	if (x->line_key)
		return x->line_key[k] == key ? (long)x->line_row[k] : -1;
	return row_line_key(&x->rows[k]) == key ? (long)k : -1;
}

long cube_row_at(const struct cube *q, const struct table *t, uint32_t source, uint32_t line)
{
	struct cube_cache *x = q->cache;
	if (!x || x->t != t || x->rows != t->rows || x->len != t->len)
		return -1;
	if (!x->lines_built)
		build_lines(x);
	uint64_t key = (uint64_t)source << 32 | line;
	if (x->line_key)
		return row_in(x, 0, x->len, key);
	size_t nr = x->c->nregions;
	for (size_t r = 0; r < nr; r++) {
		long row = row_in(x, x->region_start[r], x->region_start[r + 1], key);
		if (row >= 0)
			return row;
	}
	return row_in(x, x->region_start[nr], x->len, key);   /* rows of no region */
}

const int32_t *cube_diag_rows(const struct cube *q, const struct table *t)
{
	struct cube_cache *x = q->cache;
	if (!x || x->t != t || x->rows != t->rows || x->len != t->len)
		return NULL;
	if (x->diag_built && x->ndiag_row == t->diags.len)
		return x->diag_row;
	free(x->diag_row);
	x->diag_row = xmalloc((t->diags.len + 1) * sizeof *x->diag_row);
	for (size_t k = 0; k < t->diags.len; k++) {
		const struct diag *d = &t->diags.items[k];
		x->diag_row[k] = d->level == DIAG_REJECT || !d->line ? -1
		               : (int32_t)cube_row_at(q, t, d->source, d->line);
	}
	x->ndiag_row = t->diags.len;
	x->diag_built = true;
	return x->diag_row;
}
