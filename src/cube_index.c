/* cube_index: built once per table.  Every row's ids come from maps from
 * tuples to dense ids (idmap), which are dropped once the ids are known;
 * what stays is a few arrays per id, and the work space sized by them. */
#include "cube_index.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "bigmem.h"
#include "idmap.h"
#include "text.h"
#include "workers.h"
#include "xalloc.h"

/* Appends to a growable array of n items of `size` bytes (doubling at
 * powers of two, so no capacity needs keeping). */
static void *push(void *v, size_t n, size_t size)
{
	if ((n & (n - 1)) == 0)
		v = xrealloc(v, (n ? 2 * n : 1) * size);
	return v;
}

/* A partner name, its string id, and the name folded: partners are
 * listed as people read names, case and accents aside (Caritas Mali before
 * COOPI), the names as written breaking ties. */
struct named { const char *name; uint32_t string; char key[64]; };

static int cmp_named(const void *a, const void *b)
{
	const struct named *x = a, *y = b;
	int k = strcmp(x->key, y->key);
	return k ? k : strcmp(x->name, y->name);
}

/* The loader only stores indices into this config; a row that does not
 * fit it (a table loaded with another config) cannot be placed. */
static bool row_usable(const struct config *c, const struct activity *a)
{
	return a->region >= 0 && (size_t)a->region < c->nregions && a->itype < c->ntypes &&
	       (a->cercle < 0 || (size_t)a->cercle < c->ncercles);
}

/* Partner ids in name order, so the presence and partner lists come out
 * sorted without sorting per computation.  Returns them by string id
 * (CUBE_NONE: a string no row names as its partner, and the empty name of
 * a row with no organisation, which makes no partner); a row's is
 * pid_of[row.partner]. */
static uint32_t *index_partners(struct cube_index *ix)
{
	const struct strpool *names = &ix->t->strings;
	uint32_t *pid_of = xmalloc((names->len + 1) * sizeof *pid_of);
	memset(pid_of, 0xff, (names->len + 1) * sizeof *pid_of);   /* CUBE_NONE */
	struct named *v = NULL;
	ix->np = 0;
	for (size_t i = 0; i < ix->len; i++) {
		uint32_t s = ix->rows[i].partner;
		if (pid_of[s] == CUBE_NONE && *strpool_str(names, s)) {
			v = push(v, ix->np, sizeof *v);
			v[ix->np] = (struct named){ strpool_str(names, s), s, "" };
			text_fold(v[ix->np].name, strlen(v[ix->np].name), v[ix->np].key,
			          sizeof v[ix->np].key);
			pid_of[s] = (uint32_t)ix->np++;
		}
	}
	if (ix->np)
		qsort(v, ix->np, sizeof *v, cmp_named);
	ix->pname = xmalloc((ix->np + 1) * sizeof *ix->pname);
	for (size_t k = 0; k < ix->np; k++) {
		pid_of[v[k].string] = (uint32_t)k;
		ix->pname[k] = v[k].name;
	}
	free(v);
	return pid_of;
}

struct builder {
	struct idmap prt, pr, gid, place, pctp, ctp;
	uint32_t *pctp_ctp;       /* each (partner, cercle, type, period)'s group */
};

static uint32_t build_prt(struct cube_index *ix, struct builder *b, const struct activity *a,
                          uint32_t pid)
{
	bool fresh;
	uint32_t region = (uint16_t)a->region;
	uint32_t prt = idmap_get(&b->prt, idmap_pair(pid, region << 8 | a->itype), 0, &fresh);
	if (!fresh)
		return prt;
	uint32_t pr = idmap_get(&b->pr, idmap_pair(pid, region), 0, &fresh);
	if (fresh) {
		ix->pr_pid = push(ix->pr_pid, pr, sizeof *ix->pr_pid);
		ix->pr_region = push(ix->pr_region, pr, sizeof *ix->pr_region);
		ix->pr_pid[pr] = pid;
		ix->pr_region[pr] = (uint32_t)a->region;
	}
	ix->prt_pr = push(ix->prt_pr, prt, sizeof *ix->prt_pr);
	ix->prt_region = push(ix->prt_region, prt, sizeof *ix->prt_region);
	ix->prt_type = push(ix->prt_type, prt, sizeof *ix->prt_type);
	ix->prt_pr[prt] = pr;
	ix->prt_region[prt] = (uint32_t)a->region;
	ix->prt_type[prt] = a->itype;
	return prt;
}

/* Place (activity_place_region), cercle (or none) and type in one word. */
static uint64_t place_word(const struct activity *a)
{
	return (uint64_t)(uint16_t)activity_place_region(a) << 32 |
	       (uint64_t)(uint16_t)a->cercle << 16 | a->itype;
}

static uint32_t build_place(struct cube_index *ix, struct builder *b, const struct activity *a)
{
	bool fresh;
	uint32_t id = idmap_get(&b->place, place_word(a), 0, &fresh);
	if (fresh) {
		ix->place_region = push(ix->place_region, id, sizeof *ix->place_region);
		ix->place_type = push(ix->place_type, id, sizeof *ix->place_type);
		ix->place_cercle = push(ix->place_cercle, id, sizeof *ix->place_cercle);
		ix->place_slot = push(ix->place_slot, id, sizeof *ix->place_slot);
		ix->place_region[id] = (uint32_t)a->region;
		ix->place_slot[id] = (uint32_t)((size_t)activity_place_region(a) *
		                                (ix->c->ncercles + 1) + (size_t)(a->cercle + 1));
		ix->place_type[id] = a->itype;
		ix->place_cercle[id] = a->cercle;
	}
	return id;
}

static uint32_t build_pctp(struct cube_index *ix, struct builder *b, const struct activity *a,
                           uint32_t pid, int period)
{
	bool fresh;
	if (a->cercle < 0 || period < 0)
		return CUBE_NONE;
	uint32_t id = idmap_get(&b->pctp, idmap_pair(pid, (uint32_t)period), place_word(a), &fresh);
	if (!fresh)
		return id;
	uint32_t g = idmap_get(&b->ctp, place_word(a), (uint32_t)period, &fresh);
	b->pctp_ctp = push(b->pctp_ctp, id, sizeof *b->pctp_ctp);
	b->pctp_ctp[id] = g;
	if (fresh) {
		struct cube_work *w = &ix->work;
		w->ctp = push(w->ctp, g, sizeof *w->ctp);
		w->ctp[g] = (struct overlap){ a->region, a->cercle, a->itype, period, 0, 0, g };
	}
	return id;
}

/* The ids of row i (its cumulative key into *gid in cumulative mode); a
 * row with no partner (pid CUBE_NONE) has a place and a cumulative key of
 * its own, and no partner tuple. */
static struct cube_ids build_ids(struct cube_index *ix, struct builder *b, size_t i,
                                 uint32_t pid, uint32_t *gid)
{
	const struct activity *a = &ix->rows[i];
	bool fresh;
	uint32_t place = build_place(ix, b, a);
	if (ix->mode == MODE_CUMULATIVE)   /* (partner, place, commune, activity) */
		*gid = idmap_get(&b->gid, idmap_pair(pid, place),
		                 idmap_pair(a->commune, a->activity), &fresh);
	if (pid == CUBE_NONE)
		return (struct cube_ids){ CUBE_NO_PARTNER, place, CUBE_NONE };
	return (struct cube_ids){ build_prt(ix, b, a, pid), place,
	                          build_pctp(ix, b, a, pid, activity_period(a)) };
}

/* ---- every row's ids, the regions at once ------------------------------- */

/* Each region is indexed on its own (on the cores at once, for a large
 * table), its tuples numbered from 0 in the order its rows first meet
 * them.  Joined region after region, the numbers are the ones a single
 * pass over the rows in region order gives: a tuple that holds the region
 * (partner × region × type, partner × region; the keys of cercle, type and
 * period and the cumulative key, which are per region) is new in its
 * region, so its id is the count of the regions before plus its own; a
 * place (named by the region as written, which two plan regions may share)
 * and a (partner, type) are numbered again, in that order, in maps of the
 * whole.  Each core indexes one region at a time. */
#define INDEX_SPLIT_ROWS ((size_t)1 << 16)

struct region_ids {
	size_t from, to;              /* its rows */
	struct cube_index part;       /* its tuples, numbered from 0 */
	uint64_t *place_word;         /* its places' words, by its numbers */
	uint32_t *pctp_ctp;
	uint32_t *place_to;           /* its place numbers → the index's */
	uint32_t prt_base, pctp_base, gid_base;
};

struct index_job {
	struct cube_index *ix;
	const uint32_t *pid_of;
	struct region_ids *r;         /* [nr] */
	size_t nr;
	atomic_size_t next;           /* the next region a worker takes */
};

/* Region k's rows, by builder b, whose maps are emptied first: a region
 * numbers its tuples from 0. */
static void index_region(struct index_job *j, struct builder *b, size_t k)
{
	struct cube_index *ix = j->ix;
	struct region_ids *r = &j->r[k];
	struct cube_index *part = &r->part;
	struct idmap *maps[] = { &b->prt, &b->pr, &b->gid, &b->place, &b->pctp, &b->ctp };
	for (size_t m = 0; m < sizeof maps / sizeof maps[0]; m++)
		idmap_empty(maps[m]);
	b->pctp_ctp = NULL;
	*part = (struct cube_index){ .c = ix->c, .t = ix->t, .rows = ix->rows, .mode = ix->mode };
	for (size_t i = r->from; i < r->to; i++) {
		const struct activity *a = &ix->rows[i];
		uint32_t unused_gid;
		ix->ids[i] = !row_usable(ix->c, a)
		             ? (struct cube_ids){ CUBE_NONE, CUBE_NONE, CUBE_NONE }
		             : build_ids(part, b, i, j->pid_of[a->partner],
		                         ix->gid ? &ix->gid[i] : &unused_gid);
	}
	part->nprt = b->prt.len; part->npr = b->pr.len; part->ngid = b->gid.len;
	part->nplace = b->place.len; part->npctp = b->pctp.len; part->nctp = b->ctp.len;
	r->place_word = xmalloc((part->nplace + 1) * sizeof *r->place_word);
	idmap_first_words(&b->place, r->place_word);
	r->pctp_ctp = b->pctp_ctp;
}

/* One core's work: the regions not yet taken, one after another, in the
 * maps of one builder, which grow to the largest region once instead of
 * again in each. */
static void index_regions(void *arg, size_t worker)
{
	(void)worker;
	struct index_job *j = arg;
	struct builder b;
	memset(&b, 0, sizeof b);
	for (size_t k; (k = atomic_fetch_add(&j->next, 1)) < j->nr;)
		index_region(j, &b, k);
	struct idmap *maps[] = { &b.prt, &b.pr, &b.gid, &b.place, &b.pctp, &b.ctp };
	for (size_t m = 0; m < sizeof maps / sizeof maps[0]; m++)
		idmap_free(maps[m]);
}

/* Places, region after region, in the map of the whole: a place of an
 * earlier region keeps the number it had there. */
static void join_places(struct cube_index *ix, struct region_ids *r, size_t nr)
{
	struct idmap all;
	memset(&all, 0, sizeof all);
	for (size_t k = 0; k < nr; k++) {
		const struct cube_index *part = &r[k].part;
		r[k].place_to = xmalloc((part->nplace + 1) * sizeof *r[k].place_to);
		const uint64_t *word = r[k].place_word;
		for (size_t l = 0; l < part->nplace; l++) {
			bool fresh;
			uint32_t id = idmap_get(&all, word[l], 0, &fresh);
			if (fresh) {
				ix->place_region = push(ix->place_region, id, sizeof *ix->place_region);
				ix->place_type = push(ix->place_type, id, sizeof *ix->place_type);
				ix->place_cercle = push(ix->place_cercle, id, sizeof *ix->place_cercle);
				ix->place_slot = push(ix->place_slot, id, sizeof *ix->place_slot);
				ix->place_region[id] = part->place_region[l];
				ix->place_type[id] = part->place_type[l];
				ix->place_cercle[id] = part->place_cercle[l];
				ix->place_slot[id] = part->place_slot[l];
			}
			r[k].place_to[l] = id;
		}
	}
	ix->nplace = all.len;
	idmap_free(&all);
}

/* (partner, region, type) and (partner, region), region after region; a
 * (partner, type) is numbered as its first (partner, region, type) comes. */
static void join_partners(struct cube_index *ix, struct region_ids *r, size_t nr)
{
	size_t nprt = 0, npr = 0;
	for (size_t k = 0; k < nr; k++) {
		nprt += r[k].part.nprt;
		npr += r[k].part.npr;
	}
	ix->prt_pr = xmalloc((nprt + 1) * sizeof *ix->prt_pr);
	ix->prt_pt = xmalloc((nprt + 1) * sizeof *ix->prt_pt);
	ix->prt_region = xmalloc((nprt + 1) * sizeof *ix->prt_region);
	ix->prt_type = xmalloc((nprt + 1) * sizeof *ix->prt_type);
	ix->pr_pid = xmalloc((npr + 1) * sizeof *ix->pr_pid);
	ix->pr_region = xmalloc((npr + 1) * sizeof *ix->pr_region);
	struct idmap pt;
	memset(&pt, 0, sizeof pt);
	size_t prt = 0, pr = 0;
	for (size_t k = 0; k < nr; k++) {
		const struct cube_index *part = &r[k].part;
		r[k].prt_base = (uint32_t)prt;
		for (size_t l = 0; l < part->nprt; l++, prt++) {
			bool fresh;
			uint32_t pid = part->pr_pid[part->prt_pr[l]];
			ix->prt_pr[prt] = part->prt_pr[l] + (uint32_t)pr;
			ix->prt_pt[prt] = idmap_get(&pt, idmap_pair(pid, part->prt_type[l]), 0, &fresh);
			ix->prt_region[prt] = part->prt_region[l];
			ix->prt_type[prt] = part->prt_type[l];
		}
		for (size_t l = 0; l < part->npr; l++, pr++) {
			ix->pr_pid[pr] = part->pr_pid[l];
			ix->pr_region[pr] = part->pr_region[l];
		}
	}
	ix->nprt = prt;
	ix->npr = pr;
	ix->npt = pt.len;
	idmap_free(&pt);
}

/* The (partner, cercle, type, period) tuples, their groups and the
 * cumulative keys, region after region; returns each tuple's group. */
static uint32_t *join_groups(struct cube_index *ix, struct region_ids *r, size_t nr)
{
	size_t npctp = 0, nctp = 0, ngid = 0;
	for (size_t k = 0; k < nr; k++) {
		npctp += r[k].part.npctp;
		nctp += r[k].part.nctp;
	}
	uint32_t *pctp_ctp = xmalloc((npctp + 1) * sizeof *pctp_ctp);
	ix->work.ctp = xmalloc((nctp + 1) * sizeof *ix->work.ctp);
	size_t pctp = 0, ctp = 0;
	for (size_t k = 0; k < nr; k++) {
		const struct cube_index *part = &r[k].part;
		r[k].pctp_base = (uint32_t)pctp;
		r[k].gid_base = (uint32_t)ngid;
		for (size_t l = 0; l < part->npctp; l++)
			pctp_ctp[pctp++] = r[k].pctp_ctp[l] + (uint32_t)ctp;
		for (size_t l = 0; l < part->nctp; l++) {
			ix->work.ctp[ctp + l] = part->work.ctp[l];
			ix->work.ctp[ctp + l].group += (uint32_t)ctp;
		}
		ctp += part->nctp;
		ngid += part->ngid;
	}
	ix->npctp = pctp;
	ix->nctp = ctp;
	ix->ngid = ngid;
	return pctp_ctp;
}

/* A region's rows: their tuples' numbers in the region → the index's. */
static void renumber_region(void *arg, size_t k)
{
	struct index_job *j = arg;
	struct cube_index *ix = j->ix;
	const struct region_ids *r = &j->r[k];
	for (size_t i = r->from; i < r->to; i++) {
		struct cube_ids *d = &ix->ids[i];
		if (d->place == CUBE_NONE)
			continue;                 /* a row the config cannot place */
		d->place = r->place_to[d->place];
		if (d->prt != CUBE_NO_PARTNER)
			d->prt += r->prt_base;
		if (d->pctp != CUBE_NONE)
			d->pctp += r->pctp_base;
		if (ix->gid)
			ix->gid[i] += r->gid_base;
	}
}

/* A region's jobs on the cores at once where the table is large. */
static void for_each_region(struct index_job *j, void (*job)(void *arg, size_t k), size_t n)
{
	if (j->ix->len < INDEX_SPLIT_ROWS)
		for (size_t k = 0; k < n; k++)
			job(j, k);
	else
		workers_run(n, job, j);
}

/* Every row's ids and each region's first row (rows of no region of the
 * config, last, have none); returns each (partner, cercle, type, period)'s
 * group. */
static uint32_t *index_rows(struct cube_index *ix, const uint32_t *pid_of)
{
	size_t nr = ix->c->nregions, from = 0;
	struct index_job j = { ix, pid_of, xcalloc(nr + 1, sizeof *j.r), nr, 0 };
	ix->region_start = xcalloc(nr + 2, sizeof *ix->region_start);
	ix->ids = xmalloc((ix->len + 1) * sizeof *ix->ids);
	bigmem_advise(ix->ids, (ix->len + 1) * sizeof *ix->ids);
	if (ix->mode == MODE_CUMULATIVE)
		ix->gid = xcalloc(ix->len + 1, sizeof *ix->gid);
	for (size_t k = 0; k < nr; k++) {
		j.r[k].from = from;
		j.r[k].to = from = table_region_end(ix->t, from, k);
		ix->region_start[k + 1] = (uint32_t)from;
	}
	for (size_t i = from; i < ix->len; i++)
		ix->ids[i] = (struct cube_ids){ CUBE_NONE, CUBE_NONE, CUBE_NONE };
	for_each_region(&j, index_regions, workers_available());
	join_places(ix, j.r, nr);
	join_partners(ix, j.r, nr);
	uint32_t *pctp_ctp = join_groups(ix, j.r, nr);
	for_each_region(&j, renumber_region, nr);
	for (size_t k = 0; k < nr; k++) {
		free(j.r[k].pctp_ctp);
		free(j.r[k].place_to);
		free(j.r[k].place_word);
		cube_index_free(&j.r[k].part);
	}
	free(j.r);
	return pctp_ctp;
}

struct pr_key { uint32_t pid, region, pr; };

static int cmp_pr(const void *a, const void *b)
{
	const struct pr_key *x = a, *y = b;
	if (x->pid != y->pid)
		return x->pid < y->pid ? -1 : 1;
	return (x->region > y->region) - (x->region < y->region);
}

static void index_presence_order(struct cube_index *ix)
{
	struct pr_key *v = xmalloc((ix->npr + 1) * sizeof *v);
	for (size_t k = 0; k < ix->npr; k++)
		v[k] = (struct pr_key){ ix->pr_pid[k], ix->pr_region[k], (uint32_t)k };
	if (ix->npr)
		qsort(v, ix->npr, sizeof *v, cmp_pr);
	ix->pr_order = xmalloc((ix->npr + 1) * sizeof *ix->pr_order);
	for (size_t k = 0; k < ix->npr; k++)
		ix->pr_order[k] = v[k].pr;
	free(v);
}

static uint32_t *stamps(size_t n)
{
	return xcalloc(n + 1, sizeof(uint32_t));
}

static void work_alloc(struct cube_index *ix, uint32_t *pctp_ctp)
{
	const struct config *c = ix->c;
	struct cube_work *w = &ix->work;
	size_t nrc = c->nregions * (c->ncercles + 1);
	w->st_prt = stamps(ix->nprt);     w->st_pt = stamps(ix->npt);
	w->st_pr = stamps(ix->npr);       w->st_pid = stamps(ix->np);
	w->st_place = stamps(ix->nplace); w->st_rc = stamps(nrc);
	w->st_tc = stamps(c->ntypes * c->ncercles); w->st_cer = stamps(c->ncercles);
	w->st_gid = stamps(ix->ngid);
	w->ctp_counted = xcalloc(ix->nctp + 1, sizeof *w->ctp_counted);
	w->pctp_st = xcalloc(ix->npctp + 1, sizeof *w->pctp_st);
	for (size_t k = 0; k < ix->npctp; k++)
		w->pctp_st[k].ctp = pctp_ctp[k];
	w->st_ctp = stamps(ix->nctp);
	w->prt_acc = xcalloc(ix->nprt + 1, sizeof *w->prt_acc);
	w->place_sum = xcalloc(ix->nplace + 1, sizeof *w->place_sum);
	w->rc_max = xcalloc(nrc + 1, sizeof *w->rc_max);
	w->gid_best = xcalloc(ix->ngid + 1, sizeof *w->gid_best);
	w->touched_prt = xmalloc((ix->nprt + 1) * sizeof *w->touched_prt);
	w->touched_place = xmalloc((ix->nplace + 1) * sizeof *w->touched_place);
	w->touched_ctp = xmalloc((ix->nctp + 1) * sizeof *w->touched_ctp);
	w->touched_rc = xmalloc((nrc + 1) * sizeof *w->touched_rc);
	w->rc_region = xmalloc((nrc + 1) * sizeof *w->rc_region);
	if (ix->mode == MODE_CUMULATIVE)   /* monthly mode counts as it selects */
		w->sel = xmalloc((ix->len + 1) * sizeof *w->sel);
	w->pr_acc = xcalloc(ix->npr + 1, sizeof *w->pr_acc);
	w->pid_acc = xcalloc(ix->np + 1, sizeof *w->pid_acc);
}

void cube_index_build(struct cube_index *ix, const struct config *c, struct table *t)
{
	table_group_by_region(t);
	memset(ix, 0, sizeof *ix);
	ix->c = c;
	ix->t = t;
	ix->rows = t->rows;
	ix->len = t->len;
	ix->mode = c->mode;
	uint32_t *pid_of = index_partners(ix);
	uint32_t *pctp_ctp = index_rows(ix, pid_of);
	free(pid_of);
	index_presence_order(ix);
	work_alloc(ix, pctp_ctp);
	free(pctp_ctp);
	table_lines_build(&ix->lines, t);
}

static void work_free(struct cube_work *w)
{
	void *ptrs[] = {
		w->st_prt, w->st_pt, w->st_pr, w->st_pid, w->st_place, w->st_rc, w->st_tc,
		w->st_cer, w->st_gid, w->st_ctp, w->ctp_counted, w->pctp_st, w->prt_acc,
		w->place_sum, w->rc_max, w->gid_best, w->touched_prt, w->touched_place,
		w->touched_ctp, w->touched_rc, w->rc_region, w->sel, w->pr_acc, w->pid_acc, w->ctp,
	};
	for (size_t i = 0; i < sizeof ptrs / sizeof ptrs[0]; i++)
		free(ptrs[i]);
}

void cube_index_free(struct cube_index *ix)
{
	void *ptrs[] = {
		ix->ids, ix->gid, ix->region_start, ix->pname, ix->prt_pr, ix->prt_pt,
		ix->prt_region, ix->prt_type, ix->pr_pid, ix->pr_region, ix->pr_order,
		ix->place_region, ix->place_type, ix->place_cercle, ix->place_slot,
		ix->ctp_start, ix->pr_start, ix->ctp_rows, ix->pr_rows,
	};
	for (size_t i = 0; i < sizeof ptrs / sizeof ptrs[0]; i++)
		free(ptrs[i]);
	work_free(&ix->work);
	table_lines_free(&ix->lines);
	memset(ix, 0, sizeof *ix);
}

long cube_index_row_at(const struct cube_index *ix, uint32_t source, uint32_t line)
{
	return ix->t ? table_lines_find(&ix->lines, ix->t, source, line) : -1;
}
