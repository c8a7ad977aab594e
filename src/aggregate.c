/* aggregate: the coverage cube, DESIGN.md "The numbers" rules 1–8.
 *
 * The meeting changes the filter far more often than the sheets, so the
 * work is split in two: once per table the cube_index gives each row its
 * ids; per filter (here) one pass over the selected rows adds people into
 * a few small arrays; distinct partners and cercles are counted by
 * stamping ids with a generation number (nothing cleared, nothing
 * allocated per row), and region, type and plan figures are folded from
 * the cells at the end.  A region filter walks only that region's rows and
 * ids, in a straight line. */
#include "aggregate.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "xalloc.h"

/* What a row adds to the people reached. */
struct people {
	int32_t reached, girls, boys, women, men, older;
};

/* ---- the cube's own arrays --------------------------------------------- */

/* Cube generations handed out so far: one counter for the process, so no
 * two states of any cubes share a number. */
static uint64_t generations;

void cube_init(struct cube *q)
{
	memset(q, 0, sizeof *q);
	q->total_in_need = q->total_targeted = CONFIG_UNKNOWN;
	filter_init(&q->selection);
}

static void cube_free_arrays(struct cube *q)
{
	free(q->cell); free(q->region); free(q->region_dedup); free(q->written); free(q->type);
	free(q->presence); free(q->partners); free(q->overlaps);
	free(q->selected_bits); free(q->counted_bits);
}

void cube_free(struct cube *q)
{
	cube_free_arrays(q);
	cube_init(q);
}

/* Makes room in q for what ix can produce: arrays are allocated again only
 * when an index of other sizes comes. */
static void cube_make_room(struct cube *q, const struct cube_index *ix)
{
	size_t nr = ix->c->nregions, nt = ix->c->ntypes;
	struct cube_room need = { nr, nt, ix->len, ix->npr, ix->np, ix->nctp };
	q->nregions = nr;
	q->ntypes = nt;
	if (!memcmp(&need, &q->room, sizeof need) && q->cell)
		return;
	cube_free_arrays(q);
	q->cell = xmalloc((nr * nt + 1) * sizeof *q->cell);
	q->region = xmalloc((nr + 1) * sizeof *q->region);
	q->region_dedup = xmalloc((nr + 1) * sizeof *q->region_dedup);
	q->written = xmalloc((nr * nr + 1) * sizeof *q->written);
	q->type = xmalloc((nt + 1) * sizeof *q->type);
	q->presence = xmalloc((ix->npr + 1) * sizeof *q->presence);
	q->partners = xmalloc((ix->np + 1) * sizeof *q->partners);
	q->overlaps = xmalloc((ix->nctp + 1) * sizeof *q->overlaps);
	q->selected_bits = xmalloc((ix->len / 64 + 1) * sizeof *q->selected_bits);
	q->counted_bits = xmalloc((ix->len / 64 + 1) * sizeof *q->counted_bits);
	q->room = need;
}

static void cube_zero(struct cube *q)
{
	memset(q->cell, 0, (q->nregions * q->ntypes + 1) * sizeof *q->cell);
	memset(q->region, 0, (q->nregions + 1) * sizeof *q->region);
	memset(q->region_dedup, 0, (q->nregions + 1) * sizeof *q->region_dedup);
	memset(q->written, 0, (q->nregions * q->nregions + 1) * sizeof *q->written);
	memset(q->type, 0, (q->ntypes + 1) * sizeof *q->type);
	memset(&q->total, 0, sizeof q->total);
	memset(q->selected_bits, 0, (q->room.rows / 64 + 1) * sizeof *q->selected_bits);
	memset(q->counted_bits, 0, (q->room.rows / 64 + 1) * sizeof *q->counted_bits);
	q->total_dedup = 0;
	q->nrows = q->npresence = q->npartners = q->noverlaps = q->nselected = 0;
	q->superseded = q->repeats_left_out = q->outside_plan = q->resent_left_out = 0;
}

static struct measure *cell_at(struct cube *q, size_t r, size_t t)
{
	return (struct measure *)cube_cell(q, r, t);
}

/* ---- selection and the cumulative rule ---------------------------------- */

/* True the first time id is seen in this computation. */
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
static bool superseded(const struct cube_index *ix, uint32_t i)
{
	int period = activity_period(&ix->rows[i]);
	return period >= 0 && period < ix->work.gid_best[ix->gid[i]];
}

/* ---- counting one row ---------------------------------------------------- */

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

static int32_t given(int32_t v)
{
	return v == COUNT_MISSING ? 0 : v;
}

static struct people people_of(const struct table *t, const struct activity *a)
{
	const struct row_counts c = activity_counts(t, a);
	return (struct people){ c.reached, given(c.girls), given(c.boys), given(c.women),
	                        given(c.men), given(c.older) };
}

static void add_people(struct measure *m, const struct people *n)
{
	m->reached += n->reached;
	m->girls += n->girls;
	m->boys += n->boys;
	m->women += n->women;
	m->men += n->men;
	m->older += n->older;
}

/* The partner's first active row in a (cercle, type, period) group in this
 * computation makes one more partner there. */
static void count_overlap(struct cube_work *w, uint32_t pctp)
{
	struct pctp_state *ps = &w->pctp_st[pctp];
	uint32_t g = ps->ctp;
	if (ps->stamp != w->gen) {     /* the partner's first row there in this computation */
		ps->stamp = w->gen;
		if (first(w->st_ctp, g, w->gen)) {   /* and so, maybe, the group's */
			w->ctp[g].partners = w->ctp_counted[g] = 0;
			w->touched_ctp[w->ntouched_ctp++] = g;
		}
		w->ctp[g].partners++;
	}
	w->ctp_counted[g]++;
}

/* What a row adds to its partner's presence in its region and type. */
static void count_partner(struct cube_work *w, uint32_t prt, const struct people *n,
                          int period)
{
	struct prt_acc *pa = &w->prt_acc[prt];
	if (first(w->st_prt, prt, w->gen)) {
		*pa = (struct prt_acc){ 0, -1, 0 };
		w->touched_prt[w->ntouched_prt++] = prt;
	}
	pa->activities++;
	pa->reached += n->reached;
	pa->latest = max_int(pa->latest, period);
}

static void count_row(struct cube *q, struct cube_index *ix, size_t region, uint32_t i)
{
	struct cube_work *w = &ix->work;
	const struct activity *a = &ix->rows[i];
	const struct cube_ids *id = &ix->ids[i];
	struct measure *m = cell_at(q, region, a->itype);
	bool active = status_active(a->status);
	struct people n = people_of(ix->t, a);
	add_people(m, &n);
	struct written_sum *ws = &q->written[region * q->nregions + (size_t)a->written_region];
	ws->reached += n.reached;
	ws->rows++;
	m->activities++;
	m->planned += a->status == STATUS_PLANNED;
	m->active += active;
	if (id->prt != CUBE_NO_PARTNER)
		count_partner(w, id->prt, &n, activity_period(a));
	else
		m->active_unnamed += active;
	if (first(w->st_place, id->place, w->gen)) {
		w->place_sum[id->place] = 0;
		w->touched_place[w->ntouched_place++] = id->place;
	}
	w->place_sum[id->place] += n.reached;
	if (active && id->pctp != CUBE_NONE)
		count_overlap(w, id->pctp);
}

/* ---- the walk over the selected rows -------------------------------------- */

struct walk {
	struct cube *q;
	struct cube_index *ix;
	struct filter_prep *p;
	bool cumulative;          /* rule 4: counting waits for each key's latest period */
	bool repeats_once;        /* rule 10: a repeated row is selected, not counted */
	bool plan_year_only;      /* rule 11: rows outside the plan year are selected, not
	                           * counted, unless the filter chose a period window */
	bool resent_latest;       /* rule 9: a row a newer sheet sent again is selected, not counted */
};

static void count_one(struct walk *w, size_t region, uint32_t i)
{
	count_row(w->q, w->ix, region, i);
	set_bit(w->q->counted_bits, i);
	w->q->nrows++;
}

/* One pass over a region's rows: the filter, then in monthly mode the
 * counting itself; in cumulative mode the latest period of each key among
 * the selected rows (rows with no period are never superseded). */
static void walk_region(struct walk *w, size_t r)
{
	struct cube_index *ix = w->ix;
	struct cube_work *x = &ix->work;
	const struct filter *f = w->p->f;
	bool strings = filter_prep_needs_row(w->p);
	int lo, hi;
	for (uint32_t i = ix->region_start[r]; i < ix->region_start[r + 1]; i++) {
		const struct activity *a = &ix->rows[i];
		if (ix->ids[i].prt == CUBE_NONE)
			continue;
		filter_row_span(a, &lo, &hi);
		if (!filter_keys_match(f, (int)r, a->itype, a->status, lo, hi))
			continue;
		if (strings && !filter_strings_match(w->p, a))
			continue;
		set_bit(w->q->selected_bits, i);
		if (a->outside_plan && w->plan_year_only) {
			w->q->outside_plan++;
			continue;
		}
		if (a->resent && w->resent_latest) {
			w->q->resent_left_out++;
			continue;
		}
		if (a->repeated && w->repeats_once) {
			w->q->repeats_left_out++;
			continue;
		}
		if (!w->cumulative) {
			x->nsel++;
			count_one(w, r, i);
			continue;
		}
		x->sel[x->nsel++] = i;
		uint32_t gid = ix->gid[i];
		int period = activity_period(a);
		if (first(x->st_gid, gid, x->gen) || period > x->gid_best[gid])
			x->gid_best[gid] = period;
	}
}

static bool walks(const struct cube_index *ix, const struct filter *f, size_t r)
{
	return filter_has_region(f, r) && ix->region_start[r] < ix->region_start[r + 1];
}

static void walk_all(struct walk *w, const struct filter *f)
{
	struct cube_index *ix = w->ix;
	struct cube_work *x = &ix->work;
	size_t nr = ix->c->nregions;
	x->nsel = 0;
	for (size_t r = 0; r < nr; r++)
		if (walks(ix, f, r))
			walk_region(w, r);
	for (size_t k = 0; w->cumulative && k < x->nsel; k++) {
		uint32_t i = x->sel[k];
		if (superseded(ix, i))
			w->q->superseded++;
		else
			count_one(w, (size_t)ix->rows[i].region, i);
	}
	w->q->nselected = x->nsel + w->q->repeats_left_out + w->q->outside_plan +
	                 w->q->resent_left_out;
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
	to->active_unnamed += m->active_unnamed;
}

static void fold_cells(struct cube *q)
{
	for (size_t r = 0; r < q->nregions; r++)
		for (size_t ty = 0; ty < q->ntypes; ty++) {
			const struct measure *m = cube_cell(q, r, ty);
			if (!m->activities)
				continue;
			add_measure(&q->region[r], m);
			add_measure(&q->type[ty], m);
			add_measure(&q->total, m);
		}
}

static void fold_presence(struct cube *q, struct cube_index *ix, uint32_t prt)
{
	struct cube_work *x = &ix->work;
	const struct prt_acc *pa = &x->prt_acc[prt];
	uint32_t region = ix->prt_region[prt], type = ix->prt_type[prt];
	uint32_t pr = ix->prt_pr[prt], pid = ix->pr_pid[pr];
	cell_at(q, region, type)->partners++;
	if (first(x->st_pt, ix->prt_pt[prt], x->gen))
		q->type[type].partners++;
	bool new_pr = first(x->st_pr, pr, x->gen);
	if (new_pr) {
		q->region[region].partners++;
		x->pr_acc[pr] = (struct presence){ ix->pname[pid], (int)region, 0, 0, -1, pr };
	}
	if (first(x->st_pid, pid, x->gen)) {
		q->total.partners++;
		x->pid_acc[pid] = (struct partner_info){ ix->pname[pid], -1, 0, 0, 0 };
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

/* Distinct cercles of one place (region, type, cercle) counted: in its
 * cell, its type and the plan. */
static void count_cercle(struct cube *q, struct cube_index *ix, uint32_t region,
                         uint32_t type, int ce)
{
	struct cube_work *x = &ix->work;
	cell_at(q, region, type)->cercles++;
	if (first(x->st_tc, (uint32_t)(type * ix->c->ncercles + (size_t)ce), x->gen))
		q->type[type].cercles++;
	if (first(x->st_cer, (uint32_t)ce, x->gen))
		q->total.cercles++;
}

/* Distinct cercles, and rule 6: for each finest place (cercle, else the
 * region), the largest type's sum; these maxima added up per region and
 * for the plan. */
static void fold_places(struct cube *q, struct cube_index *ix)
{
	struct cube_work *x = &ix->work;
	size_t nrc = 0;
	for (size_t k = 0; k < x->ntouched_place; k++) {
		uint32_t pl = x->touched_place[k];
		uint32_t region = ix->place_region[pl], type = ix->place_type[pl];
		int ce = ix->place_cercle[pl];
		uint32_t rc = ix->place_slot[pl];
		if (first(x->st_rc, rc, x->gen)) {
			x->rc_max[rc] = 0;
			x->rc_region[rc] = region;
			x->touched_rc[nrc++] = rc;
			q->region[region].cercles += ce >= 0;
		}
		if (x->place_sum[pl] > x->rc_max[rc])
			x->rc_max[rc] = x->place_sum[pl];
		if (ce >= 0)
			count_cercle(q, ix, region, type, ce);
	}
	for (size_t k = 0; k < nrc; k++) {
		uint32_t rc = x->touched_rc[k];
		q->region_dedup[x->rc_region[rc]] += x->rc_max[rc];
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

static void finish_lists(struct cube *q, struct cube_index *ix)
{
	struct cube_work *x = &ix->work;
	for (size_t k = 0; k < x->ntouched_prt; k++)
		fold_presence(q, ix, x->touched_prt[k]);
	for (size_t k = 0; k < ix->npr; k++) {
		uint32_t pr = ix->pr_order[k];
		if (x->st_pr[pr] == x->gen)
			q->presence[q->npresence++] = x->pr_acc[pr];
	}
	for (size_t pid = 0; pid < ix->np; pid++)
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

/* The regions the selection is of: those the filter picks, else those its
 * text names ("segou") when every selected row lies in them; false when
 * it is not a choice of regions. */
static bool selected_regions(const struct cube *q, const struct config *c,
                             const struct filter *f, const struct filter_prep *p, bool *in)
{
	bool any = false, outside = false;
	for (size_t r = 0; r < c->nregions; r++) {
		in[r] = filter_limits_regions(f) ? filter_has_region(f, (int)r)
		                                 : filter_prep_text_names_region(p, r);
		any |= in[r];
		outside |= !in[r] && q->region[r].activities > 0;
	}
	return any && (filter_limits_regions(f) || !outside);
}

/* The same for intervention types. */
static bool selected_types(const struct cube *q, const struct config *c,
                           const struct filter *f, const struct filter_prep *p, bool *in)
{
	bool any = false, outside = false;
	for (size_t t = 0; t < c->ntypes; t++) {
		in[t] = filter_limits_types(f) ? filter_has_type(f, (int)t)
		                               : filter_prep_text_names_type(p, t);
		any |= in[t];
		outside |= !in[t] && q->type[t].activities > 0;
	}
	return any && (filter_limits_types(f) || !outside);
}

static int64_t add_known(int64_t sum, int64_t v)
{
	return sum < 0 || v < 0 ? CONFIG_UNKNOWN : sum + v;
}

/* Rule 7 under a filter: the denominators of what is selected, so a part
 * is never measured against the whole — the regions' own figures, the
 * types' targets where config.ini gives them (no need is known by type),
 * none for regions and types at once (the type targets are national) —
 * and the plan's otherwise (a partner, a status or a period narrows what
 * is reached within the plan). */
static void finish_denominators(struct cube *q, const struct config *c, const struct filter *f,
                                const struct filter_prep *p)
{
	bool *in_r = xcalloc(c->nregions + 1, sizeof *in_r), *in_t = xcalloc(c->ntypes + 1, 1);
	bool regions = selected_regions(q, c, f, p, in_r), types = selected_types(q, c, f, p, in_t);
	q->denominators = regions && types ? DENOM_NONE : regions ? DENOM_REGIONS
	                : types ? DENOM_TYPES : DENOM_PLAN;
	q->total_in_need = q->denominators == DENOM_PLAN ? c->in_need
	                 : q->denominators == DENOM_REGIONS ? 0 : CONFIG_UNKNOWN;
	q->total_targeted = q->denominators == DENOM_PLAN ? c->targeted
	                  : q->denominators == DENOM_NONE ? CONFIG_UNKNOWN : 0;
	for (size_t r = 0; regions && !types && r < c->nregions; r++)
		if (in_r[r]) {
			q->total_in_need = add_known(q->total_in_need, c->regions[r].in_need);
			q->total_targeted = add_known(q->total_targeted, c->regions[r].targeted);
		}
	for (size_t t = 0; types && !regions && t < c->ntypes; t++)
		if (in_t[t])
			q->total_targeted = add_known(q->total_targeted, c->types[t].targeted);
	free(in_r);
	free(in_t);
}

/* When the generation counter wraps the stamps could lie, so they start
 * afresh. */
static void next_generation(struct cube_index *ix)
{
	struct cube_work *x = &ix->work;
	if (x->gen < UINT32_MAX - 1) {
		x->gen++;
		return;
	}
	const struct config *c = ix->c;
	uint32_t *all[] = { x->st_prt, x->st_pt, x->st_pr, x->st_pid, x->st_place, x->st_rc,
	                    x->st_tc, x->st_cer, x->st_gid, x->st_ctp };
	size_t len[] = { ix->nprt, ix->npt, ix->npr, ix->np, ix->nplace,
	                 c->nregions * (c->ncercles + 1), c->ntypes * c->ncercles, c->ncercles,
	                 ix->ngid, ix->nctp };
	for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
		memset(all[k], 0, (len[k] + 1) * sizeof(uint32_t));
	for (size_t k = 0; k < ix->npctp; k++)
		x->pctp_st[k].stamp = 0;
	x->gen = 1;
}

void cube_compute(struct cube *q, struct cube_index *ix, const struct filter *f)
{
	const struct config *c = ix->c;
	cube_make_room(q, ix);
	cube_zero(q);
	q->index = ix;
	q->selection = *f;
	next_generation(ix);
	q->generation = ++generations;
	ix->work.ntouched_prt = ix->work.ntouched_place = ix->work.ntouched_ctp = 0;
	struct filter_prep p;
	filter_prep_init(&p, f, c, ix->t);
	struct walk w = { q, ix, &p, ix->mode == MODE_CUMULATIVE,
	                  c->repeated_rows == REPEATED_ONCE,
	                  f->from_month < 0 && f->to_month < 0, c->resent == RESENT_LATEST };
	walk_all(&w, f);
	fold_cells(q);
	finish_lists(q, ix);
	fold_places(q, ix);
	finish_denominators(q, c, f, &p);
	filter_prep_free(&p);
}

const char *cube_scope_word(const struct cube *q)
{
	switch (q->denominators) {
	case DENOM_REGIONS: return N_("Selected regions");
	case DENOM_TYPES: return N_("Selected types");
	case DENOM_NONE: return N_("Selection");
	default: return N_("Plan");
	}
}

bool cube_region_rolled_up(const struct cube *q, size_t r)
{
	for (size_t w = 0; w < q->nregions; w++)
		if (w != r && cube_written(q, r, w)->rows)
			return true;
	return false;
}

bool coverage_pct(int64_t reached, int64_t denom, double *pct)
{
	if (denom <= 0)
		return false;
	*pct = 100.0 * (double)reached / (double)denom;
	return true;
}
