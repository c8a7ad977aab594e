/* cube_rows: a flag's rows are read from groups of the index's rows (a
 * counting sort by group id, made on the first question of its kind and
 * kept with the index), filtered by the cube's own "counted" bits, so a
 * cube computed later from the same index does not change the answer. */
#include "cube_rows.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

bool cube_row_selected(const struct cube *q, size_t i)
{
	return q->index && i < q->room.rows && (q->selected_bits[i / 64] >> (i % 64) & 1);
}

static bool counted(const struct cube *q, uint32_t i)
{
	return q->counted_bits[i / 64] >> (i % 64) & 1;
}

size_t cube_rows_for(const struct cube *q, int region, int type, uint32_t **out)
{
	uint32_t *v = xmalloc((q->nrows + 1) * sizeof *v);
	size_t n = 0;
	for (size_t w = 0; q->index && w < q->room.rows / 64 + 1; w++)
		for (uint64_t bits = q->counted_bits[w]; bits; bits &= bits - 1) {
			uint32_t i = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(bits));
			const struct activity *a = &q->index->rows[i];
			if ((region < 0 || a->region == region) && (type < 0 || a->itype == type))
				v[n++] = i;
		}
	*out = v;
	return n;
}

size_t cube_rows_count(const struct cube *q, int region, int type)
{
	if (region >= 0 && type >= 0)
		return cube_cell(q, (size_t)region, (size_t)type)->activities;
	if (region >= 0)
		return q->region[region].activities;
	return type >= 0 ? q->type[type].activities : q->total.activities;
}

/* Rows grouped by a per-row id (CUBE_NONE: in no group), table order
 * inside: a counting sort into start[ngroups + 1] and rows[] (row numbers
 * only: a group lies in one region, so its rows are read from one stretch
 * of the table, in order). */
static void group_rows(const struct cube_index *ix, size_t ngroups,
                       uint32_t (*id_of)(const struct cube_index *, uint32_t),
                       uint32_t **start_out, uint32_t **rows_out)
{
	uint32_t *start = xcalloc(ngroups + 2, sizeof *start);
	for (uint32_t i = 0; i < ix->len; i++) {
		uint32_t id = id_of(ix, i);
		if (id != CUBE_NONE)
			start[id + 1]++;
	}
	for (size_t g = 0; g < ngroups; g++)
		start[g + 1] += start[g];
	uint32_t *rows = xmalloc((start[ngroups] + 1) * sizeof *rows);
	uint32_t *fill = xmalloc((ngroups + 1) * sizeof *fill);
	memcpy(fill, start, (ngroups + 1) * sizeof *fill);
	for (uint32_t i = 0; i < ix->len; i++) {
		uint32_t id = id_of(ix, i);
		if (id != CUBE_NONE)
			rows[fill[id]++] = i;
	}
	free(fill);
	*start_out = start;
	*rows_out = rows;
}

static uint32_t ctp_of(const struct cube_index *ix, uint32_t i)
{
	uint32_t pctp = ix->ids[i].pctp;
	return pctp == CUBE_NONE ? CUBE_NONE : ix->work.pctp_st[pctp].ctp;
}

static uint32_t pr_of(const struct cube_index *ix, uint32_t i)
{
	uint32_t prt = ix->ids[i].prt;
	return prt == CUBE_NONE || prt == CUBE_NO_PARTNER ? CUBE_NONE : ix->prt_pr[prt];
}

/* The counted rows of group g; `period` -2 takes every period, and
 * only_active leaves planned and suspended rows out. */
static size_t pick_rows(const struct cube *q, const uint32_t *start,
                        const uint32_t *rows, uint32_t g, int period,
                        bool only_active, struct cube_ref **out)
{
	uint32_t from = start[g], to = start[g + 1];
	struct cube_ref *v = xmalloc((to - from + 1) * sizeof *v);
	size_t n = 0;
	for (uint32_t k = from; k < to; k++) {
		const struct activity *a = &q->index->rows[rows[k]];
		if (counted(q, rows[k]) && (!only_active || status_active(a->status)) &&
		    (period == -2 || activity_period(a) == period))
			v[n++] = (struct cube_ref){ rows[k], a->source, a->line };
	}
	*out = v;
	return n;
}

size_t cube_overlap_rows(const struct cube *q, const struct overlap *o, struct cube_ref **out)
{
	struct cube_index *ix = q->index;
	*out = NULL;
	if (!ix || o->group >= ix->nctp)
		return 0;
	if (!ix->ctp_start)
		group_rows(ix, ix->nctp, ctp_of, &ix->ctp_start, &ix->ctp_rows);
	return pick_rows(q, ix->ctp_start, ix->ctp_rows, o->group, -2, true, out);
}

size_t cube_presence_rows(const struct cube *q, const struct presence *p, int period,
                          struct cube_ref **out)
{
	struct cube_index *ix = q->index;
	*out = NULL;
	if (!ix || p->id >= ix->npr)
		return 0;
	if (!ix->pr_start)
		group_rows(ix, ix->npr, pr_of, &ix->pr_start, &ix->pr_rows);
	return pick_rows(q, ix->pr_start, ix->pr_rows, p->id, period, false, out);
}

const struct table_lines *cube_lines(const struct cube *q, const struct table *t)
{
	return q->index && q->index->t == t ? &q->index->lines : NULL;
}
