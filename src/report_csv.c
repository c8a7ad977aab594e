#include "report_csv.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* The two calls on nearly every line, short so the layout reads. */
#define out report_out_printf
#define put report_out_puts

const char report_csv_header[] =
	"region_code,region,intervention_code,intervention,partners,activities,girls,boys,"
	"women,men,reached,reached_dedup,in_need,targeted,coverage_target_pct,"
	"coverage_need_pct";

static const char *region_code(const struct config *c, int r)
{
	return r >= 0 && (size_t)r < c->nregions ? c->regions[r].codes[0].code : "";
}

static void csv_int(struct report_out *w, int64_t v)
{
	if (v >= 0)
		out(w, "%lld", (long long)v);
}

/* One decimal with a '.', whatever the locale: tenths rounded half up. */
static void csv_pct(struct report_out *w, int64_t reached, int64_t denom)
{
	double pct;
	if (!coverage_pct(reached, denom, &pct))
		return;
	long long tenths = (long long)(pct * 10.0 + 0.5);
	out(w, "%lld.%lld", tenths / 10, tenths % 10);
}

struct csv_line {
	const char *code, *name, *tcode, *tname;
	const struct measure *m;
	int64_t dedup, need, target;   /* -1: empty cell */
};

static void csv_line(struct report_out *w, const struct csv_line *l)
{
	report_out_csv_cell(w, l->code);
	put(w, ",");
	report_out_csv_cell(w, l->name);
	put(w, ",");
	report_out_csv_cell(w, l->tcode);
	put(w, ",");
	report_out_csv_cell(w, l->tname);
	const struct measure *m = l->m;
	out(w, ",%u,%u,%lld,%lld,%lld,%lld,%lld,", m->partners, m->activities,
	    (long long)m->girls, (long long)m->boys, (long long)m->women, (long long)m->men,
	    (long long)m->reached);
	csv_int(w, l->dedup);
	put(w, ",");
	csv_int(w, l->need);
	put(w, ",");
	csv_int(w, l->target);
	put(w, ",");
	if (l->dedup >= 0)
		csv_pct(w, l->dedup, l->target);
	put(w, ",");
	if (l->dedup >= 0)
		csv_pct(w, l->dedup, l->need);
	put(w, "\n");
}

static void types_by_code(const struct config *c, size_t *idx)
{
	for (size_t t = 0; t < c->ntypes; t++) {
		size_t k = t;
		while (k > 0 && strcmp(c->types[idx[k - 1]].code, c->types[t].code) > 0) {
			idx[k] = idx[k - 1];
			k--;
		}
		idx[k] = t;
	}
}

static void csv_region(struct report_out *w, size_t r, const size_t *ty)
{
	const struct config *c = w->in->cfg;
	const struct cube *q = w->in->cube;
	const struct region *re = &c->regions[r];
	struct csv_line l = { re->codes[0].code, re->name, "*", "All interventions",
	                      &q->region[r], q->region_dedup[r], re->in_need, re->targeted };
	csv_line(w, &l);
	for (size_t k = 0; k < c->ntypes; k++) {
		const struct measure *m = &q->cell[r * q->ntypes + ty[k]];
		if (!m->activities)
			continue;
		const struct itype *it = &c->types[ty[k]];
		l = (struct csv_line){ re->codes[0].code, re->name, it->code, it->label_en, m, -1, -1, -1 };
		csv_line(w, &l);
	}
}

int report_csv_write(struct report_out *w)
{
	const struct report_input *in = w->in;
	const struct config *c = in->cfg;
	size_t *reg = xmalloc((c->nregions + 1) * sizeof *reg);
	size_t *ty = xmalloc((c->ntypes + 1) * sizeof *ty);
	size_t nreg = report_out_regions(in, reg);
	types_by_code(c, ty);
	put(w, report_csv_header);
	put(w, "\n");
	struct csv_line plan = { "*", report_out_regions_picked(in) ? "Selected regions" : "All regions", "*",
	                         "All interventions", &in->cube->total, in->cube->total_dedup,
	                         in->cube->total_in_need, in->cube->total_targeted };
	csv_line(w, &plan);
	for (size_t k = 0; k < nreg; k++)
		csv_region(w, reg[k], ty);
	free(reg);
	free(ty);
	return report_out_finish(w);
}

static void csv_refs(struct report_out *w, const struct gap_list *g, size_t item)
{
	/* built first, so the cell can be quoted as a whole when needed */
	size_t cap = 64, len = 0;
	char *buf = xmalloc(cap);
	buf[0] = '\0';
	struct rowref *rows;
	size_t n = gaps_rows(g, item, &rows);
	for (size_t i = 0; i < n; i++) {
		const char *path = w->in->table->sources[rows[i].source].path;
		size_t need = len + strlen(path) + 16;
		if (need > cap)
			buf = xrealloc(buf, cap = 2 * need);
		len += (size_t)snprintf(buf + len, cap - len, "%s%s:%u", i ? " " : "", path,
		                        rows[i].line);
	}
	free(rows);
	report_out_csv_cell(w, buf);
	free(buf);
}

int report_csv_write_gaps(struct report_out *w)
{
	const struct config *c = w->in->cfg;
	const struct gap_list *g = w->in->gaps;
	put(w, "severity,kind,region_code,region,cercle,intervention_code,reason,rows\n");
	for (size_t i = 0; g && i < g->len; i++) {
		const struct gap *p = &g->items[i];
		out(w, "%s,%s,", severity_name(p->severity), gap_kind_name(p->kind));
		report_out_csv_cell(w, region_code(c, p->region));
		put(w, ",");
		report_out_csv_cell(w, report_out_region_name(c, p->region));
		put(w, ",");
		report_out_csv_cell(w, p->cercle >= 0 && (size_t)p->cercle < c->ncercles ? c->cercles[p->cercle].name : "");
		put(w, ",");
		report_out_csv_cell(w, p->type >= 0 && (size_t)p->type < c->ntypes ? c->types[p->type].code : "");
		put(w, ",");
		report_out_csv_cell(w, p->reason);
		put(w, ",");
		csv_refs(w, g, i);
		put(w, "\n");
	}
	return report_out_finish(w);
}
