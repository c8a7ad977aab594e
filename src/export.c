/* export: see export.h.  Each view becomes a grid (export_grid.h) from the
 * core's figures — the same cube, gap list and rows the screen shows — and
 * the grid is written as CSV and Markdown. */
#include "export.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "export_grid.h"
#include "gap.h"
#include "i18n.h"
#include "text.h"

/* ---- the views as grids ---------------------------------------------- */

static const struct grid_col region_cols[] = {
	{ "region_code", N_("Code"), "#adm1+code", COL_TEXT, 0 },
	{ "region", N_("Region"), "#adm1+name", COL_TEXT, 0 },
	/* the plan's figures, not children counted from sheets: never masked */
	{ "in_need", N_("In need"), "#inneed", COL_TEXT, 0 },
	{ "targeted", N_("Targeted"), "#targeted", COL_TEXT, 0 },
	{ "reached", N_("Reached"), "#reached", COL_ROW_TOTAL, 0 },
	{ "coverage_target_pct", N_("Coverage of target %"), "#indicator+coverage+pct", COL_PCT, 4 },
	{ "partners", N_("Partners"), "#org+num", COL_TEXT, 0 },
	{ "flag", N_("Flag"), "#severity", COL_TEXT, 0 },
};

static void plan_figure(struct grid *g, size_t row, size_t col, int64_t v)
{
	char n[24];
	if (v >= 0)
		snprintf(n, sizeof n, "%lld", (long long)v);
	else
		n[0] = '\0';
	grid_text(g, row, col, n);
}

static void region_line(struct grid *g, size_t row, const struct measure *m, int64_t dedup,
                        int64_t need, int64_t target)
{
	char n[16];
	plan_figure(g, row, 2, need);
	plan_figure(g, row, 3, target);
	grid_count(g, row, 4, dedup);
	grid_pct(g, row, 5, target);
	snprintf(n, sizeof n, "%u", m->partners);
	grid_text(g, row, 6, n);
}

static void build_regions(struct grid *g, const struct report_input *in)
{
	grid_init(g, region_cols, sizeof region_cols / sizeof *region_cols);
	const struct cube *q = in->cube;
	size_t *idx = calloc(in->cfg->nregions + 1, sizeof *idx);
	size_t n = report_out_regions(in, idx);
	for (size_t k = 0; k < n; k++) {
		const struct region *r = &in->cfg->regions[idx[k]];
		size_t row = grid_row(g, false);
		grid_text(g, row, 0, r->codes[0].code);
		grid_text(g, row, 1, r->name);
		region_line(g, row, &q->region[idx[k]], q->region_dedup[idx[k]], r->in_need, r->targeted);
		enum severity s = gaps_worst_for_region(in->gaps, (int)idx[k]);
		grid_text(g, row, 7, s < SEV_COUNT ? severity_name(s) : "");
	}
	free(idx);
	size_t row = grid_row(g, true);
	grid_text(g, row, 1, _(cube_scope_word(q)));
	region_line(g, row, &q->total, q->total_dedup, q->total_in_need, q->total_targeted);
}

/* Regions × types, people reached (rule 5) per cell: one column per type.
 * The columns are made per call (the plan's types), kept in `cols`. */
static void build_matrix(struct grid *g, const struct report_input *in, struct grid_col *cols,
                         char (*hxl)[48])
{
	const struct config *c = in->cfg;
	const struct cube *q = in->cube;
	cols[0] = (struct grid_col){ "region_code", N_("Code"), "#adm1+code", COL_TEXT, 0 };
	cols[1] = (struct grid_col){ "region", N_("Region"), "#adm1+name", COL_TEXT, 0 };
	for (size_t t = 0; t < c->ntypes; t++) {
		char folded[32];
		text_fold(c->types[t].code, strlen(c->types[t].code), folded, sizeof folded);
		snprintf(hxl[t], 48, "#reached+%s", folded);
		cols[2 + t] = (struct grid_col){ c->types[t].code, c->types[t].code, hxl[t], COL_COUNT, 0 };
	}
	grid_init(g, cols, 2 + c->ntypes);
	size_t *idx = calloc(c->nregions + 1, sizeof *idx);
	size_t n = report_out_regions(in, idx);
	for (size_t k = 0; k <= n; k++) {
		bool total = k == n;
		size_t row = grid_row(g, total);
		grid_text(g, row, 0, total ? "" : c->regions[idx[k]].codes[0].code);
		grid_text(g, row, 1, total ? _(cube_scope_word(q)) : c->regions[idx[k]].name);
		for (size_t t = 0; t < c->ntypes; t++)
			grid_count(g, row, 2 + t, total ? q->type[t].reached
			                                 : cube_cell(q, idx[k], t)->reached);
	}
	free(idx);
}

static const struct grid_col gap_cols[] = {
	{ "severity", N_("Severity"), "#severity", COL_TEXT, 0 },
	{ "kind", N_("Kind"), "#indicator+gap", COL_TEXT, 0 },
	{ "region_code", N_("Code"), "#adm1+code", COL_TEXT, 0 },
	{ "region", N_("Region"), "#adm1+name", COL_TEXT, 0 },
	{ "intervention_code", N_("Type"), "#sector+code", COL_TEXT, 0 },
	{ "partner", N_("Partner"), "#org+impl", COL_TEXT, 0 },
	{ "rows", N_("Rows"), "#meta+rows", COL_TEXT, 0 },
	{ "reason", N_("Reason"), "#description", COL_TEXT, 0 },
};

static void build_gaps(struct grid *g, const struct report_input *in)
{
	const struct config *c = in->cfg;
	grid_init(g, gap_cols, sizeof gap_cols / sizeof *gap_cols);
	for (size_t i = 0; i < in->gaps->len; i++) {
		const struct gap *x = &in->gaps->items[i];
		size_t row = grid_row(g, false);
		char n[24];
		grid_text(g, row, 0, severity_name(x->severity));
		grid_text(g, row, 1, gap_kind_name(x->kind));
		grid_text(g, row, 2, x->region >= 0 ? c->regions[x->region].codes[0].code : "");
		grid_text(g, row, 3, x->region >= 0 ? c->regions[x->region].name : "");
		grid_text(g, row, 4, x->type >= 0 ? c->types[x->type].code : "");
		grid_text(g, row, 5, x->partner);
		snprintf(n, sizeof n, "%zu", x->nrows);
		grid_text(g, row, 6, n);
		grid_text(g, row, 7, x->reason);
	}
}

static const struct grid_col partner_cols[] = {
	{ "partner", N_("Partner"), "#org+impl", COL_TEXT, 0 },
	{ "regions", N_("Regions"), "#adm1+num", COL_TEXT, 0 },
	{ "activities", N_("Activities"), "#activity+num", COL_TEXT, 0 },
	{ "reached", N_("Reached"), "#reached", COL_COUNT, 0 },
	{ "latest_month", N_("Latest month"), "#date+reported", COL_TEXT, 0 },
};

static void build_partners(struct grid *g, const struct report_input *in)
{
	const struct cube *q = in->cube;
	grid_init(g, partner_cols, sizeof partner_cols / sizeof *partner_cols);
	for (size_t i = 0; i < q->npartners; i++) {
		const struct partner_info *p = &q->partners[i];
		size_t row = grid_row(g, false);
		char n[24];
		grid_text(g, row, 0, p->partner);
		snprintf(n, sizeof n, "%u", p->regions);
		grid_text(g, row, 1, n);
		snprintf(n, sizeof n, "%u", p->activities);
		grid_text(g, row, 2, n);
		grid_count(g, row, 3, p->reached);
		if (p->latest_month >= 0)
			snprintf(n, sizeof n, "%04d-%02d", month_year(p->latest_month),
			         month_month(p->latest_month));
		else
			n[0] = '\0';
		grid_text(g, row, 4, n);
	}
}

static const struct grid_col row_cols[] = {
	{ "sheet", N_("Sheet"), "#meta+source", COL_TEXT, 0 },
	{ "line", N_("Line"), "#meta+line", COL_TEXT, 0 },
	{ "partner", N_("Partner"), "#org+impl", COL_TEXT, 0 },
	{ "region", N_("Region"), "#adm1+name", COL_TEXT, 0 },
	{ "cercle", N_("Cercle"), "#adm2+name", COL_TEXT, 0 },
	{ "intervention_code", N_("Type"), "#sector+code", COL_TEXT, 0 },
	{ "activity", N_("Activity"), "#activity+name", COL_TEXT, 0 },
	{ "girls", N_("Girls"), "#reached+f+children", COL_COUNT, 0 },
	{ "boys", N_("Boys"), "#reached+m+children", COL_COUNT, 0 },
	{ "women", N_("Women"), "#reached+f+adults", COL_COUNT, 0 },
	{ "men", N_("Men"), "#reached+m+adults", COL_COUNT, 0 },
	{ "reached", N_("Reached"), "#reached", COL_ROW_TOTAL, 0 },
};

static void one_row(struct grid *g, const struct report_input *in, const struct activity *a)
{
	const struct config *c = in->cfg;
	const struct table *t = in->table;
	struct row_counts k = activity_counts(t, a);
	size_t row = grid_row(g, false);
	char n[24];
	grid_text(g, row, 0, t->sources[a->source].path);
	snprintf(n, sizeof n, "%u", a->line);
	grid_text(g, row, 1, n);
	grid_text(g, row, 2, table_str(t, a->partner));
	grid_text(g, row, 3, c->regions[a->region].name);
	grid_text(g, row, 4, a->cercle >= 0 ? c->cercles[a->cercle].name : "");
	grid_text(g, row, 5, c->types[a->itype].code);
	grid_text(g, row, 6, table_str(t, a->activity));
	int32_t parts[] = { k.girls, k.boys, k.women, k.men };
	for (int i = 0; i < 4; i++)
		grid_count(g, row, 7 + (size_t)i, parts[i] >= 0 ? parts[i] : -1);
	grid_count(g, row, 11, k.reached);
}

static void build_rows(struct grid *g, const struct report_input *in, const struct export_rows *r)
{
	grid_init(g, row_cols, sizeof row_cols / sizeof *row_cols);
	for (size_t i = 0; i < r->n; i++)
		one_row(g, in, &in->table->rows[r->idx[i]]);
}

/* ---- writing ------------------------------------------------------------ */

struct sink {
	struct report_out w;
	bool share, excel_fr;
	int below;
};

static void write_csv(struct sink *k, const struct grid *g)
{
	char sep = k->excel_fr ? ';' : ',', buf[32];
	if (k->excel_fr)
		report_out_puts(&k->w, "\xEF\xBB\xBF");
	for (size_t c = 0; c < g->ncols; c++) {
		if (c)
			report_out_printf(&k->w, "%c", sep);
		report_out_csv_cell_sep(&k->w, g->cols[c].name, sep);
	}
	report_out_puts(&k->w, "\r\n");
	for (size_t c = 0; c < g->ncols; c++)
		report_out_printf(&k->w, "%s%s", c ? (char[2]){ sep, 0 } : "", g->cols[c].hxl);
	report_out_puts(&k->w, "\r\n");
	for (size_t r = 0; r < g->nrows; r++) {
		for (size_t c = 0; c < g->ncols; c++) {
			if (c)
				report_out_printf(&k->w, "%c", sep);
			const char *v = grid_render(g, r, c, k->share, k->below, k->excel_fr ? ',' : '.', buf);
			report_out_csv_cell_sep(&k->w, v, sep);
		}
		report_out_puts(&k->w, "\r\n");
	}
}

static void write_md(struct sink *k, const struct grid *g, const char *title)
{
	char buf[32];
	report_out_printf(&k->w, "# %s\n\n", title);
	for (size_t c = 0; c < g->ncols; c++) {
		report_out_puts(&k->w, "| ");
		report_out_md_cell(&k->w, _(g->cols[c].label));
		report_out_puts(&k->w, " ");
	}
	report_out_puts(&k->w, "|\n");
	for (size_t c = 0; c < g->ncols; c++)
		report_out_puts(&k->w, g->cols[c].kind == COL_TEXT ? "| --- " : "| ---: ");
	report_out_puts(&k->w, "|\n");
	for (size_t r = 0; r < g->nrows; r++) {
		for (size_t c = 0; c < g->ncols; c++) {
			report_out_puts(&k->w, "| ");
			report_out_md_cell(&k->w, grid_render(g, r, c, k->share, k->below, '.', buf));
			report_out_puts(&k->w, " ");
		}
		report_out_puts(&k->w, "|\n");
	}
	if (k->share)
		report_out_printf(&k->w, _("\nCounts below %d are shown as <%d; totals that include "
		                           "them are rounded to the nearest ten.\n"), k->below, k->below);
}

static const char *const view_words[] = { "regions", "matrix", "gaps", "partners", "rows" };

/* The filter in a file name's words: folded, spaces and punctuation as '-'. */
static void filter_slug(const struct report_input *in, char *out, size_t cap)
{
	char said[256], folded[256];
	filter_describe(&in->cube->selection, in->cfg, said, sizeof said);
	size_t n = text_fold(said, strlen(said), folded, sizeof folded), o = 0;
	for (size_t i = 0; i < n && o + 1 < cap && o < 60; i++) {
		unsigned char ch = (unsigned char)folded[i];
		bool word = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
		if (word)
			out[o++] = (char)ch;
		else if (o && out[o - 1] != '-')
			out[o++] = '-';
	}
	while (o && out[o - 1] == '-')
		o--;
	out[o] = '\0';
	if (strcmp(out, "none") == 0 || o == 0)
		snprintf(out, cap, "all");
}

void export_name(const struct report_input *in, const struct export_request *rq,
                 char *out, size_t cap)
{
	char slug[72], month[32] = "";
	filter_slug(in, slug, sizeof slug);
	if (in->report_month >= 0)
		snprintf(month, sizeof month, "-%04d-%02d", month_year(in->report_month),
		         month_month(in->report_month));
	snprintf(out, cap, "%s-%s%s%s", view_words[rq->view], slug, month, rq->share ? "-share" : "");
}

/* Writes one file through a temporary name in the same folder. */
static bool write_file(const char *path, struct sink *k, const struct grid *g, bool csv,
                       const char *title, struct error *e)
{
	size_t len = strlen(path) + 16;
	char *tmp = malloc(len);
	snprintf(tmp, len, "%s.tmp%ld", path, (long)getpid());
	FILE *f = fopen(tmp, "w");
	bool ok = f != NULL;
	if (ok) {
		k->w = (struct report_out){ .f = f };
		if (csv)
			write_csv(k, g);
		else
			write_md(k, g, title);
		ok = report_out_finish(&k->w) == 0;
		ok = fclose(f) == 0 && ok;
		ok = ok && rename(tmp, path) == 0;
	}
	if (!ok) {
		error_set(e, "%s: cannot write: %s", path, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	return ok;
}

static void build(struct grid *g, const struct report_input *in, const struct export_request *rq,
                  struct grid_col *cols, char (*hxl)[48])
{
	switch (rq->view) {
	case EXPORT_REGIONS: build_regions(g, in); break;
	case EXPORT_MATRIX: build_matrix(g, in, cols, hxl); break;
	case EXPORT_GAPS: build_gaps(g, in); break;
	case EXPORT_PARTNERS: build_partners(g, in); break;
	case EXPORT_ROWS: build_rows(g, in, &rq->rows); break;
	}
}

static bool make_folder(const char *folder, struct error *e)
{
	if (mkdir(folder, 0777) == 0 || errno == EEXIST)
		return true;
	return error_set(e, "%s: cannot make the export folder: %s", folder, strerror(errno));
}

bool export_write(const struct report_input *in, const struct export_request *rq,
                  char *csv_path, size_t cap, struct error *e)
{
	const char *folder = rq->folder ? rq->folder : in->cfg->share.folder;
	char name[160], said[256], title[320];
	struct grid_col cols[2 + 64];
	char hxl[64][48];
	struct grid g;
	if (!make_folder(folder, e))
		return false;
	export_name(in, rq, name, sizeof name);
	filter_describe(&in->cube->selection, in->cfg, said, sizeof said);
	snprintf(title, sizeof title, "%s — %s: %s", in->cfg->plan_name ? in->cfg->plan_name : "fourw",
	         _("filter"), said);
	build(&g, in, rq, cols, hxl);
	struct sink k = { .share = rq->share, .excel_fr = in->cfg->share.excel_fr,
	                  .below = in->cfg->share.mask_below };
	snprintf(csv_path, cap, "%s/%s.md", folder, name);
	bool ok = write_file(csv_path, &k, &g, false, title, e);
	snprintf(csv_path, cap, "%s/%s.csv", folder, name);
	ok = ok && write_file(csv_path, &k, &g, true, title, e);
	grid_free(&g);
	return ok;
}
