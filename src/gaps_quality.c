#include "gaps_quality.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cube_rows.h"
#include "date.h"
#include "diag_kind.h"
#include "fmt.h"
#include "idmap.h"
#include "xalloc.h"

struct ctx {
	struct gap_list *g;
	const struct config *c;
	const struct table *t;
	const struct cube *q;     /* and the filter it was computed for */
};

/* How grave each warning or note is for the figures, by its code: each
 * code a counted row or a sheet can carry has a line of its own, worded by
 * diag_kind.h (what it means, what to do).  The codes left out only ever
 * reject a row, and a sheet's rejected rows have one flag (dq_rejects); a
 * code with no severity here (one added to diag.h since) falls under
 * "other warnings". */
struct dq_line {
	bool listed;              /* the code has a line of its own */
	enum severity sev;
};

static const struct dq_line dq_lines[DC_COUNT] = {
	[DC_TOTAL_DIFFERS] = { true, SEV_MEDIUM },
	[DC_PLANNED_REACHED] = { true, SEV_MEDIUM },
	[DC_REPEATED_ROW] = { true, SEV_MEDIUM },
	[DC_NO_ORGANISATION] = { true, SEV_MEDIUM },
	[DC_UNKNOWN_TYPE] = { true, SEV_INFO },
	[DC_TYPE_FROM_ACTIVITY] = { true, SEV_INFO },
	[DC_UNKNOWN_CERCLE] = { true, SEV_INFO },
	[DC_CERCLE_NOT_IN_REGION] = { true, SEV_INFO },
	[DC_REGION_NAME_NEAR] = { true, SEV_INFO },
	[DC_CERCLE_NAME_NEAR] = { true, SEV_INFO },
	[DC_CERCLE_CODE_CONFLICT] = { true, SEV_INFO },
	[DC_END_BEFORE_START] = { true, SEV_INFO },
	[DC_UNKNOWN_STATUS] = { true, SEV_INFO },
	[DC_EXTRA_CELLS] = { true, SEV_INFO },
	[DC_TOO_MANY_CELLS] = { true, SEV_INFO },
	[DC_ORG_SPELLED_TWO_WAYS] = { true, SEV_INFO },
	[DC_HXL_NOT_PLACED] = { true, SEV_MEDIUM },
	[DC_MONTH_WITHOUT_YEAR] = { true, SEV_INFO },
	[DC_SYSTEM_GUESSED] = { true, SEV_INFO },
	[DC_CERCLE_NUMBERING] = { true, SEV_INFO },
	[DC_COLUMN_NOT_RECOGNISED] = { true, SEV_INFO },
	[DC_HEADER_NOT_FOUND] = { true, SEV_INFO },
	[DC_NUL_BYTES] = { true, SEV_INFO },
};

/* Messages of codes with no line of their own share the "other" line. */
static unsigned dq_group(enum diag_code code)
{
	return (unsigned)code < DC_COUNT && dq_lines[code].listed ? (unsigned)code : DC_COUNT;
}

/* One data-quality line: the warnings or notes of one kind, one sheet
 * and one region (-1: the sheet as a whole). */
struct dq_group {
	uint32_t source;
	int region;
	unsigned kind;            /* dq_group of its code */
	bool note;                /* about the sheet, not a row */
	size_t count;             /* its messages */
	size_t nlines;            /* of them, those naming a line */
	int64_t people;           /* its repeated rows' people: what rides on the choice */
};

static int cmp_dq(const void *a, const void *b)
{
	const struct dq_group *x = a, *y = b;
	if (x->source != y->source)
		return x->source < y->source ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->note != y->note)
		return x->note ? 1 : -1;
	return (x->region > y->region) - (x->region < y->region);
}

/* One flag per sheet with rejected rows.  A sheet that lost more than half
 * of them is critical, and goes before every other flag: the regions with
 * "no partner" and the low coverage it leaves behind may be its doing. */
static void dq_reject_flag(struct ctx *x, const struct source *src)
{
	char n1[32], n2[32];
	bool most = src->rejected * 2 > src->rows_read;
	struct gap *g = gap_list_add(x->g, GAP_DATA_QUALITY, most ? SEV_CRITICAL : SEV_MEDIUM,
	    -1, -1, _("%s%s: %s of %s rows rejected, not counted%s (fourw check says why)"),
	    most ? _("sheet ") : "", gap_sheet_name(src->path), fmt_int((int64_t)src->rejected, n1),
	    fmt_int((int64_t)src->rows_read, n2),
	    most ? _(" — flags below may come from it") : "");
	g->explains_others = most;
}

static void dq_rejects(struct ctx *x)
{
	const struct table *t = x->t;
	for (uint32_t s = 0; s < t->nsources; s++) {
		const struct source *src = &t->sources[s];
		if (!src->rejected)
			continue;
		dq_reject_flag(x, src);
		struct rowref *refs = xmalloc((t->diags.rejects + 1) * sizeof *refs);
		size_t n = 0;
		for (size_t k = 0; k < t->diags.len && n < t->diags.rejects; k++) {
			const struct diag *d = &t->diags.items[k];
			const struct diag_words *w = diag_words(&t->diags, d);
			if (w->level == DIAG_REJECT && w->source == s && d->line)
				refs[n++] = (struct rowref){ s, d->line };
		}
		gap_list_attach_rows(x->g, x->g->len - 1, refs, n);
		free(refs);
	}
}

/* ---- rule 11: rows outside the plan year, one flag per sheet -------------- */

/* A sheet's rows outside the plan year: how many, which months. */
struct outside_range { int first, last; size_t n; };

/* The group word of an outside-the-year flag, apart from every kind's
 * (dq_group_word). */
#define DQ_OUTSIDE_GROUP UINT32_MAX

static void outside_emit(struct ctx *x, uint32_t source, const struct outside_range *m)
{
	char n1[32], lo[FMT_MONTH_SIZE], hi[FMT_MONTH_SIZE];
	fmt_month(m->first, lo);
	fmt_month(m->last, hi);
	struct gap *g = gap_list_add(x->g, GAP_DATA_QUALITY, SEV_MEDIUM, -1, -1,
	    P_("%s: %s row reports a month outside %d (%s%s%s), not counted",
	       "%s: %s rows report months outside %d (%s%s%s), not counted", m->n),
	    gap_sheet_name(x->t->sources[source].path), fmt_int((int64_t)m->n, n1), x->c->plan_year,
	    lo, m->first == m->last ? "" : " … ", m->first == m->last ? "" : hi);
	g->nrows = m->n;
	g->group = DQ_OUTSIDE_GROUP;
	g->source = source;
}

static bool outside_selected(const struct cube *q, const struct table *t, size_t i)
{
	return t->rows[i].outside_plan && cube_row_selected(q, i);
}

/* The rows the cube left out as outside the plan year (none when the
 * filter chose a period window), each sheet's in one flag; its rows are
 * found again when asked (500,000 of them on a sheet spanning two years). */
static void dq_outside(struct ctx *x)
{
	const struct table *t = x->t;
	if (!x->q->outside_plan)
		return;
	struct outside_range *m = xmalloc((t->nsources + 1) * sizeof *m);
	for (size_t s = 0; s < t->nsources; s++)
		m[s] = (struct outside_range){ -1, -1, 0 };
	for (size_t i = 0; i < t->len; i++) {
		if (!outside_selected(x->q, t, i))
			continue;
		int p = activity_period(&t->rows[i]);
		struct outside_range *r = &m[t->rows[i].source];
		r->first = r->first < 0 || p < r->first ? p : r->first;
		r->last = p > r->last ? p : r->last;
		r->n++;
	}
	for (uint32_t s = 0; s < t->nsources; s++)
		if (m[s].n)
			outside_emit(x, s, &m[s]);
	free(m);
}

/* The first row of sheet p's outside the plan year among [i, end), or end. */
static size_t outside_next(const struct cube *q, const struct table *t, const struct gap *p,
                           size_t i, size_t end)
{
	while (i < end && !(t->rows[i].source == p->source && outside_selected(q, t, i)))
		i++;
	return i;
}

/* Up to this many runs of rows are merged; beyond, the rows are sorted. */
#define OUTSIDE_MERGE_RUNS 32

/* Sheet p's rows outside the plan year in file order, merged from the
 * table's runs of rows in file order (one a region) rather than sorted
 * after: 500,000 of them on a sheet spanning two years, and a sort's copy
 * beside them (gap_sort_refs sorts what more runs leave unsorted). */
static size_t outside_rows(const struct cube *q, const struct table *t, const struct gap *p,
                           struct rowref *out)
{
	const struct table_lines *l = cube_lines(q, t);
	size_t n = 0, nrun = l && !l->key && l->nrun <= OUTSIDE_MERGE_RUNS ? l->nrun : 1;
	size_t pos[OUTSIDE_MERGE_RUNS], end[OUTSIDE_MERGE_RUNS];
	for (size_t r = 0; r < nrun; r++) {
		end[r] = nrun > 1 ? l->run[r + 1] : t->len;
		pos[r] = outside_next(q, t, p, nrun > 1 ? l->run[r] : 0, end[r]);
	}
	while (n < p->nrows) {
		size_t best = nrun;
		for (size_t r = 0; r < nrun; r++)
			if (pos[r] < end[r] &&
			    (best == nrun || t->rows[pos[r]].line < t->rows[pos[best]].line))
				best = r;
		if (best == nrun)
			break;
		out[n++] = (struct rowref){ p->source, t->rows[pos[best]].line };
		pos[best] = outside_next(q, t, p, pos[best] + 1, end[best]);
	}
	return n;
}

/* Rule 9: one flag per pair of sheets, naming both, its rows the older
 * sheet's superseded ones. */
/* Sent-again rows in the order of table_resent_pairs: older sheet, newer
 * sheet, then line. */
static int cmp_resent_row(const void *a, const void *b)
{
	const struct resent_row *x = a, *y = b;
	if (x->source != y->source)
		return x->source < y->source ? -1 : 1;
	if (x->by_source != y->by_source)
		return x->by_source < y->by_source ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

static void dq_resent(struct ctx *x)
{
	const struct table *t = x->t;
	if (!t->nresent)
		return;
	struct resent_pair *p;
	size_t n = table_resent_pairs(t, &p);
	bool latest = x->c->resent == RESENT_LATEST;
	char n1[32];
	/* each pair's rows are then the next p[k].rows of the sorted copy */
	struct resent_row *rows = xmalloc((t->nresent + 1) * sizeof *rows);
	memcpy(rows, t->resent, t->nresent * sizeof *rows);
	qsort(rows, t->nresent, sizeof *rows, cmp_resent_row);
	struct rowref *refs = xmalloc((t->nresent + 1) * sizeof *refs);
	for (size_t k = 0, at = 0; k < n; at += p[k].rows, k++) {
		gap_list_add(x->g, GAP_DATA_QUALITY, latest ? SEV_INFO : SEV_MEDIUM, -1, -1,
		    P_("%s: %s row sent again in %s, %s", "%s: %s rows sent again in %s, %s", p[k].rows),
		    gap_sheet_name(t->sources[p[k].older].path), fmt_int((int64_t)p[k].rows, n1),
		    gap_sheet_name(t->sources[p[k].newer].path),
		    latest ? P_("counted once", "counted once", p[k].rows)
		           : P_("counted twice ([plan] resent = sum)", "counted twice ([plan] resent = sum)",
		                p[k].rows));
		for (size_t m = 0; m < p[k].rows; m++)
			refs[m] = (struct rowref){ rows[at + m].source, rows[at + m].line };
		gap_list_attach_rows(x->g, x->g->len - 1, refs, p[k].rows);
	}
	free(refs);
	free(rows);
	free(p);
}

/* A warning belongs to its row's region, and is left out when the filter
 * did not select that row. */
static bool dq_place(const struct ctx *x, long row, int *region)
{
	if (row >= 0 && !filter_is_empty(&x->q->selection) && !cube_row_selected(x->q, (size_t)row))
		return false;
	*region = row >= 0 ? x->t->rows[row].region : -1;
	return true;
}

/* Rule 10: repeated rows say how many people the config's choice counts
 * again or leaves out. */
static void dq_stake(const struct ctx *x, const struct dq_group *e, char *buf, size_t size)
{
	char n1[32];
	buf[0] = '\0';
	if (e->kind != DC_REPEATED_ROW)
		return;
	bool once = x->c->repeated_rows == REPEATED_ONCE;
	snprintf(buf, size, _(" (%s people %s; [plan] repeated_rows = %s)"), fmt_int(e->people, n1),
	         once ? _("not counted again") : _("counted again"), once ? "once" : "count");
}

/* Kind and note in a gap's group word (its sheet and region are its own). */
static uint32_t dq_group_word(const struct dq_group *e)
{
	return (uint32_t)e->kind << 1 | e->note;
}

/* The line's flag; its rows are found again when asked (gaps_quality_rows). */
static void dq_emit(struct ctx *x, const struct dq_group *e)
{
	const char *file = gap_sheet_name(x->t->sources[e->source].path);
	char n1[32], prefix[160] = "", stake[128];
	bool other = e->kind == DC_COUNT;
	enum diag_code code = (enum diag_code)e->kind;
	if (e->region >= 0)
		snprintf(prefix, sizeof prefix, "%s — ", x->c->regions[e->region].name);
	dq_stake(x, e, stake, sizeof stake);
	struct gap *g = gap_list_add(x->g, GAP_DATA_QUALITY, other ? SEV_INFO : dq_lines[code].sev,
	    e->region, -1, "%s%s: %s %s%s: %s%s — %s", prefix, file, fmt_int((int64_t)e->count, n1),
	    e->note ? _("note") : _("row"), e->count == 1 ? "" : "s",
	    other ? _("other warnings") : diag_kind_meaning(code), stake,
	    other ? _("see fourw check") : diag_kind_fix(code));
	g->nrows = e->nlines;
	g->group = dq_group_word(e);
	g->source = e->source;
}

/* The rows of a sheet's messages, found by walking the table beside them
 * (a sheet's messages are in file order): none if the cube was computed
 * over another table.  With no filter only a row's region is asked, and
 * each line's is read from a byte a line (a million rows: 1 MB) instead. */
struct dq_rows {
	const struct table_lines *lines;
	struct table_lines_walk walk;
	int8_t *region_at;        /* [line_base[s] + line]: the region of the row there, -1 none */
	size_t *line_base;        /* [nsources + 1] */
};

/* Lines a row may be looked up by, beyond its rows, before the walk is
 * cheaper than a byte a line (a sheet of mostly blank lines). */
#define DQ_LINES_PER_ROW 4

static void dq_regions_by_line(struct dq_rows *r, const struct table *t)
{
	r->line_base = xcalloc(t->nsources + 1, sizeof *r->line_base);
	for (size_t i = 0; i < t->len; i++) {        /* each sheet's last line, + 1 */
		size_t *top = &r->line_base[t->rows[i].source + 1];
		if (*top < (size_t)t->rows[i].line + 1)
			*top = (size_t)t->rows[i].line + 1;
	}
	for (size_t s = 0; s < t->nsources; s++)
		r->line_base[s + 1] += r->line_base[s];
	if (r->line_base[t->nsources] > DQ_LINES_PER_ROW * t->len + 4096) {
		free(r->line_base);
		r->line_base = NULL;
		return;
	}
	r->region_at = xmalloc(r->line_base[t->nsources] + 1);
	memset(r->region_at, -1, r->line_base[t->nsources] + 1);
	for (size_t i = 0; i < t->len; i++)
		r->region_at[r->line_base[t->rows[i].source] + t->rows[i].line] = t->rows[i].region;
}

static void dq_rows_init(struct dq_rows *r, const struct ctx *x)
{
	r->lines = cube_lines(x->q, x->t);
	r->region_at = NULL;
	r->line_base = NULL;
	if (r->lines)
		table_lines_walk_init(&r->walk, r->lines);
	if (r->lines && filter_is_empty(&x->q->selection))
		dq_regions_by_line(r, x->t);
}

static void dq_rows_free(struct dq_rows *r)
{
	if (r->lines)
		table_lines_walk_free(&r->walk);
	free(r->region_at);
	free(r->line_base);
}

/* The row warning d is about, or -1. */
static long dq_row_of(const struct ctx *x, struct dq_rows *r, const struct diag *d)
{
	if (!r->lines || !d->line)
		return -1;
	return table_lines_walk_find(&r->walk, r->lines, x->t, diag_source(&x->t->diags, d), d->line);
}

/* The region of the row at line d of sheet `source` (-1: none), where no
 * filter is set; false if it must be asked of the row itself. */
static bool dq_region_at(const struct dq_rows *r, uint32_t source, const struct diag *d,
                         int *region)
{
	if (!r->region_at)
		return false;
	size_t at = r->line_base[source] + d->line;
	*region = d->line && at < r->line_base[source + 1] ? r->region_at[at] : -1;
	return true;
}

/* A warning or note's line, or false for a message no line holds
 * (rejected rows, rows outside the plan year: flags of their own; how a
 * workbook was read, which says nothing of its data). */
static bool dq_line_of(const struct ctx *x, struct dq_rows *r, size_t k, struct dq_group *key,
                       int64_t *people)
{
	const struct diag_list *dl = &x->t->diags;
	const struct diag *d = &dl->items[k];
	const struct diag_words *w = diag_words(dl, d);
	int region;
	if (w->level == DIAG_REJECT || w->source >= x->t->nsources ||
	    w->code == DC_OUTSIDE_PLAN_YEAR || w->code == DC_WORKSHEET_READ ||
	    w->code == DC_HIDDEN_CELLS)
		return false;
	long row = -1;
	bool by_line = w->level == DIAG_WARNING && w->code != DC_REPEATED_ROW &&
	               dq_region_at(r, w->source, d, &region);
	if (!by_line) {
		row = w->level == DIAG_WARNING ? dq_row_of(x, r, d) : -1;
		if (!dq_place(x, row, &region))
			return false;
	}
	*key = (struct dq_group){ w->source, region, dq_group((enum diag_code)w->code),
	                          w->level == DIAG_NOTE, 0, 0, 0 };
	*people = w->code == DC_REPEATED_ROW && row >= 0
	        ? activity_counts(x->t, &x->t->rows[row]).reached : 0;
	return true;
}

/* One pass over the messages, none kept apart: the groups are few. */
static void dq_warnings(struct ctx *x)
{
	const struct diag_list *dl = &x->t->diags;
	struct dq_rows r;
	dq_rows_init(&r, x);
	struct idmap ids = { 0 };
	struct dq_group *v = NULL, key;
	size_t n = 0, cap = 0;
	int64_t people;
	for (size_t k = 0; k < dl->len; k++) {
		if (!dq_line_of(x, &r, k, &key, &people))
			continue;
		bool fresh;
		uint32_t id = idmap_get(&ids, idmap_pair(key.source, (uint32_t)(key.region + 1)),
		                        dq_group_word(&key), &fresh);
		if (fresh) {
			v = xgrow(v, &cap, n + 1, sizeof *v);
			v[n++] = key;
		}
		v[id].count++;
		v[id].nlines += dl->items[k].line != 0;
		v[id].people += people;
	}
	dq_rows_free(&r);
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_dq);
	for (size_t i = 0; i < n; i++)
		dq_emit(x, &v[i]);
	free(v);
	idmap_free(&ids);
}

/* A data-quality line whose rows are found from the messages. */
static bool dq_from_messages(const struct gap *p)
{
	return p->kind == GAP_DATA_QUALITY && !p->rows && p->nrows && p->group != DQ_OUTSIDE_GROUP;
}

/* Room for each such flag's rows (m->start) and, by its key, its index in
 * g (*item, by idmap id); returns how many flags. */
static size_t dq_memo_room(const struct gap_list *g, struct gap_rows_memo *m, struct idmap *ids,
                           uint32_t **item)
{
	size_t n = 0;
	*item = xmalloc((g->len + 1) * sizeof **item);
	m->start = xcalloc(g->len + 1, sizeof *m->start);
	for (size_t i = 0; i < g->len; i++) {
		const struct gap *p = &g->items[i];
		bool fresh;
		m->start[i + 1] = m->start[i];
		if (!dq_from_messages(p))
			continue;
		uint32_t id = idmap_get(ids, idmap_pair(p->source, (uint32_t)(p->region + 1)), p->group,
		                        &fresh);
		if (fresh && id == n)
			(*item)[n++] = (uint32_t)i;
		m->start[i + 1] += (uint32_t)p->nrows;
	}
	return n;
}

/* Every data-quality line's rows, in one pass over the messages. */
static void dq_memo_build(const struct gap_list *g, struct gap_rows_memo *m)
{
	const struct cube_index *ix = g->q->index;
	struct ctx x = { NULL, ix->c, ix->t, g->q };
	struct idmap ids = { 0 };
	uint32_t *item;
	size_t nflags = dq_memo_room(g, m, &ids, &item);
	uint32_t *fill = xmalloc((g->len + 1) * sizeof *fill);
	memcpy(fill, m->start, (g->len + 1) * sizeof *fill);
	m->line = xmalloc(((size_t)m->start[g->len] + 1) * sizeof *m->line);
	struct dq_rows r;
	dq_rows_init(&r, &x);
	struct dq_group key;
	int64_t people;
	for (size_t k = 0; k < ix->t->diags.len && nflags; k++) {
		const struct diag *d = &ix->t->diags.items[k];
		if (!d->line || !dq_line_of(&x, &r, k, &key, &people))
			continue;
		bool fresh;
		uint32_t id = idmap_get(&ids, idmap_pair(key.source, (uint32_t)(key.region + 1)),
		                        dq_group_word(&key), &fresh);
		if (id < nflags && fill[item[id]] < m->start[item[id] + 1])
			m->line[fill[item[id]]++] = d->line;
	}
	dq_rows_free(&r);
	idmap_free(&ids);
	free(fill);
	free(item);
}

size_t gaps_quality_rows(const struct gap_list *g, const struct gap *p, struct rowref **out)
{
	const struct cube_index *ix = g->q->index;
	*out = xmalloc((p->nrows + 1) * sizeof **out);
	if (p->group == DQ_OUTSIDE_GROUP) {
		size_t n = outside_rows(g->q, ix->t, p, *out);
		gap_sort_refs(*out, n);
		return n;
	}
	struct gap_rows_memo alone = { NULL, NULL }, *m = g->memo ? g->memo : &alone;
	if (!m->start)
		dq_memo_build(g, m);
	size_t i = (size_t)(p - g->items), n = m->start[i + 1] - m->start[i];
	for (size_t j = 0; j < n; j++)
		(*out)[j] = (struct rowref){ p->source, m->line[m->start[i] + j] };
	free(alone.start);
	free(alone.line);
	gap_sort_refs(*out, n);
	return n;
}

void gaps_quality_flag(struct gap_list *g, const struct config *c, const struct table *t,
                       const struct cube *q)
{
	struct ctx x = { g, c, t, q };
	if (!g->memo)
		g->memo = xcalloc(1, sizeof *g->memo);
	free(g->memo->start);     /* the flags' rows are found again for these flags */
	free(g->memo->line);
	*g->memo = (struct gap_rows_memo){ NULL, NULL };
	dq_rejects(&x);
	dq_outside(&x);
	dq_resent(&x);
	dq_warnings(&x);
}
