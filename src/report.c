/* report: the figures for the minutes — text, Markdown and CSV writers.
 *
 * Writers only present what aggregate and gaps computed; the one
 * arithmetic here is a percentage of two cube figures through
 * coverage_pct.  Everything that came from a sheet or config.ini goes
 * through safe_escape on its way out (and Markdown's own specials are
 * escaped too), so no cell can drive the terminal or break a table.
 *
 * Orders: regions by display p-code everywhere; intervention types in
 * config order in text and Markdown (the plan's own order), by code in
 * CSV, where lines sort by (region_code, intervention_code) as bytes, so
 * `*` (the total) comes before the codes and the plan line comes first. */
#include "report.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "parse.h"
#include "safe.h"
#include "text.h"
#include "xalloc.h"

#define TEXT_WIDTH 100

bool report_format_parse(const char *s, enum report_format *fmt)
{
	static const struct { const char *name; enum report_format f; } names[] = {
		{ "text", REPORT_TEXT }, { "md", REPORT_MD }, { "markdown", REPORT_MD },
		{ "csv", REPORT_CSV },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i].name) == 0) {
			*fmt = names[i].f;
			return true;
		}
	return false;
}

/* ---- output with a sticky error ------------------------------------------ */

struct w {
	FILE *f;
	bool err;
	const struct report_input *in;
};

__attribute__((format(printf, 2, 3)))
static void out(struct w *w, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (vfprintf(w->f, fmt, ap) < 0)
		w->err = true;
	va_end(ap);
}

static void put(struct w *w, const char *s)
{
	if (fputs(s, w->f) == EOF)
		w->err = true;
}

static int finish(struct w *w)
{
	if (fflush(w->f) != 0 || ferror(w->f))
		w->err = true;
	return w->err ? -1 : 0;
}

/* ---- escaping ------------------------------------------------------------ */

/* Sheet text made safe for a terminal: "\x1b", "\u202e" (see safe.h). */
static char *esc(const char *s)
{
	size_t need = safe_escape(s ? s : "", NULL, 0);
	char *buf = xmalloc(need + 1);
	safe_escape(s ? s : "", buf, need + 1);
	return buf;
}

/* The same, with Markdown's table and inline specials escaped. */
static char *esc_md(const char *s)
{
	char *e = esc(s);
	char *m = xmalloc(2 * strlen(e) + 1), *p = m;
	for (const char *q = e; *q; q++) {
		if (strchr("\\|*_`[]<>#", *q))
			*p++ = '\\';
		*p++ = *q;
	}
	*p = '\0';
	free(e);
	return m;
}

static void put_esc(struct w *w, const char *s)
{
	char *e = esc(s);
	put(w, e);
	free(e);
}

static void put_md(struct w *w, const char *s)
{
	char *e = esc_md(s);
	put(w, e);
	free(e);
}

/* ---- columns for the text format ----------------------------------------- */

/* Writes s (already safe) in `width` columns, left or right aligned; text
 * longer than the column is cut and ends with "~". */
static void cell(struct w *w, const char *s, int width, bool right)
{
	size_t n = text_utf8_len(s);
	if (n > (size_t)width) {
		const char *p = s;
		for (int k = 0; k < width - 1 && *p; k++)
			do
				p++;
			while ((*p & 0xC0) == 0x80);
		out(w, "%.*s~", (int)(p - s), s);
		return;
	}
	if (right)
		out(w, "%*s%s", width - (int)n, "", s);
	else
		out(w, "%s%*s", s, width - (int)n, "");
}

static void cell_esc(struct w *w, const char *s, int width)
{
	char *e = esc(s);
	cell(w, e, width, false);
	free(e);
}

static const char *pct_or(int64_t reached, int64_t denom, const char *none, char buf[16])
{
	double pct;
	return coverage_pct(reached, denom, &pct) ? fmt_pct(pct, buf) : none;
}

static const char *int_or(int64_t v, const char *none, char buf[32])
{
	return v >= 0 ? fmt_int(v, buf) : none;
}

/* Prints text wrapped to the page: the first line after `lead` columns
 * already used, the next ones indented by `indent`. */
static void wrap(struct w *w, const char *text, int lead, int indent)
{
	const char *p = text;
	int room = TEXT_WIDTH - lead;
	while (*p) {
		size_t len = strlen(p);
		if ((int)text_utf8_len(p) <= room) {
			put(w, p);
			break;
		}
		/* cut at the last space that fits, counting code points */
		const char *q = p, *cut = NULL;
		for (int k = 0; *q && k <= room; k++) {
			if (*q == ' ')
				cut = q;
			do
				q++;
			while ((*q & 0xC0) == 0x80);
		}
		if (!cut || cut == p)
			cut = q < p + len ? q : p + len;
		out(w, "%.*s\n%*s", (int)(cut - p), p, indent, "");
		p = *cut == ' ' ? cut + 1 : cut;
		room = TEXT_WIDTH - indent;
	}
	put(w, "\n");
}

/* ---- what is shown ------------------------------------------------------- */

static bool region_selected(const struct filter *f, size_t r)
{
	return filter_has_region(f, (int)r);
}

/* The filter the cube was computed for picks regions: totals are then the
 * selection's, not the plan's. */
static bool regions_picked(const struct report_input *in)
{
	return filter_limits_regions(&in->cube->selection);
}

/* A region appears when the filter selects it and it has rows or figures. */
static bool region_shown(const struct report_input *in, size_t r)
{
	const struct region *re = &in->cfg->regions[r];
	return region_selected(&in->cube->selection, r) &&
	       (in->cube->region[r].activities > 0 || re->in_need > 0 || re->targeted > 0);
}

/* Region indices in display p-code order (insertion sort: a few dozen). */
static size_t regions_in_order(const struct report_input *in, size_t *out_idx)
{
	const struct config *c = in->cfg;
	size_t n = 0;
	for (size_t r = 0; r < c->nregions; r++) {
		if (!region_shown(in, r))
			continue;
		size_t k = n++;
		while (k > 0 && strcmp(c->regions[out_idx[k - 1]].codes[0].code,
		                       c->regions[r].codes[0].code) > 0) {
			out_idx[k] = out_idx[k - 1];
			k--;
		}
		out_idx[k] = r;
	}
	return n;
}

/* Types with rows, and essential types the filter selects (so a missing
 * service shows as an empty column). */
static size_t types_shown(const struct report_input *in, size_t *out_idx)
{
	const struct config *c = in->cfg;
	const struct filter *f = &in->cube->selection;
	size_t n = 0;
	for (size_t t = 0; t < c->ntypes; t++) {
		bool sel = filter_has_type(f, (int)t);
		if (in->cube->type[t].activities > 0 || (c->types[t].essential && sel))
			out_idx[n++] = t;
	}
	return n;
}

static const char *region_name(const struct config *c, int r)
{
	return r >= 0 && (size_t)r < c->nregions ? c->regions[r].name : "";
}

static const char *region_code(const struct config *c, int r)
{
	return r >= 0 && (size_t)r < c->nregions ? c->regions[r].codes[0].code : "";
}

/* ---- words shared by text and Markdown ------------------------------------ */

static const char *scope_word(const struct report_input *in)
{
	return regions_picked(in) ? "Selected regions" : "Plan";
}

static void method_words(const struct report_input *in, char *buf, size_t size)
{
	char n1[32];
	if (in->cfg->mode == MODE_CUMULATIVE)
		snprintf(buf, size, "cumulative — each report restates the year, so only the latest "
		         "report of each partner × place × type × activity counts (%s earlier "
		         "reports superseded)", fmt_int(in->cube->superseded, n1));
	else
		snprintf(buf, size, "monthly — each month's rows add up");
}

static const char *dedup_words =
	"reached without double counting = for each cercle (else the region), the largest "
	"intervention type's sum, added up; the simple sum of all rows is shown beside it";

static void month_words(int m, char buf[16])
{
	if (m >= 0)
		month_format(m, buf);
	else
		snprintf(buf, 16, "none");
}

struct sheet_totals { size_t sheets, read, accepted, rejected, warnings; };

static struct sheet_totals sheet_totals(const struct table *t)
{
	struct sheet_totals s = { t->nsources, 0, 0, 0, t->diags.warnings };
	for (size_t i = 0; i < t->nsources; i++) {
		s.read += t->sources[i].rows_read;
		s.accepted += t->sources[i].accepted;
		s.rejected += t->sources[i].rejected;
	}
	return s;
}

/* ---- text ---------------------------------------------------------------- */

static void text_header(struct w *w, const char *title)
{
	const struct report_input *in = w->in;
	char month[16], filt[512], n[5][32];
	out(w, "%s — ", title);
	put_esc(w, in->cfg->plan_name);
	month_words(in->report_month, month);
	filter_describe(&in->cube->selection, in->cfg, filt, sizeof filt);
	out(w, "\nReport month %s · filter: ", month);
	char *e = esc(filt);
	wrap(w, e, 24 + (int)strlen(month), 2);
	free(e);
	struct sheet_totals s = sheet_totals(in->table);
	out(w, "Sheets %s · rows %s accepted, %s rejected (not counted), %s warnings · "
	    "%s counted\n", fmt_int((int64_t)s.sheets, n[0]), fmt_int((int64_t)s.accepted, n[1]),
	    fmt_int((int64_t)s.rejected, n[2]), fmt_int((int64_t)s.warnings, n[3]),
	    fmt_int((int64_t)in->cube->nrows, n[4]));
}

static void text_key_figures(struct w *w)
{
	const struct report_input *in = w->in;
	const struct cube *q = in->cube;
	const struct config *c = in->cfg;
	char a[32], b[32], p1[16], p2[16], words[400];
	out(w, "\nKEY FIGURES (%s)\n", scope_word(in));
	out(w, "  %-34s %13s\n", "People in need", int_or(q->total_in_need, "unknown", a));
	out(w, "  %-34s %13s\n", "People targeted", int_or(q->total_targeted, "unknown", a));
	out(w, "  %-34s %13s   %s of target · %s of need\n", "Reached without double counting",
	    fmt_int(q->total_dedup, a), pct_or(q->total_dedup, q->total_targeted, "no target", p1),
	    pct_or(q->total_dedup, q->total_in_need, "no need figure", p2));
	out(w, "  %-34s %13s   (a child reached by two types counts twice)\n",
	    "Simple sum of rows", fmt_int(q->total.reached, a));
	if (c->funding_requested > 0 && c->funding_received >= 0)
		out(w, "  %-34s %13s   of %s requested (%s)\n", "Funding received",
		    fmt_int(c->funding_received, a), fmt_int(c->funding_requested, b),
		    pct_or(c->funding_received, c->funding_requested, "", p1));
	out(w, "  Partners %s · activity rows %s (%s planned)\n", fmt_int(q->total.partners, a),
	    fmt_int(q->total.activities, b), fmt_int(q->total.planned, p1));
	method_words(in, words, sizeof words);
	put(w, "  Counting: ");
	wrap(w, dedup_words, 12, 4);
	put(w, "  Reporting mode: ");
	wrap(w, words, 18, 4);
	put(w, "  Planned activities count as presence, never as people reached.\n");
}

static void text_region_line(struct w *w, const char *code, const char *name,
                             int64_t need, int64_t target, int64_t dedup,
                             const struct measure *m)
{
	char a[32], b[32], d[32], s[32], p1[16], p2[16], pa[32];
	cell(w, code, 5, false);
	put(w, " ");
	cell_esc(w, name, 14);
	out(w, " %11s %11s %11s %11s %9s %9s %8s\n", int_or(need, "unknown", a),
	    int_or(target, "unknown", b), fmt_int(dedup, d), fmt_int(m->reached, s),
	    pct_or(dedup, target, "no target", p1), pct_or(dedup, need, "no figure", p2),
	    fmt_int(m->partners, pa));
}

static void text_regions(struct w *w, const size_t *reg, size_t nreg)
{
	const struct report_input *in = w->in;
	const struct config *c = in->cfg;
	out(w, "\nBY REGION\n%-5s %-14s %11s %11s %11s %11s %9s %9s %8s\n", "Code", "Region",
	    "In need", "Targeted", "Reached*", "Simple sum", "% target", "% need", "Partners");
	for (size_t k = 0; k < nreg; k++) {
		size_t r = reg[k];
		text_region_line(w, c->regions[r].codes[0].code, c->regions[r].name,
		                 c->regions[r].in_need, c->regions[r].targeted,
		                 in->cube->region_dedup[r], &in->cube->region[r]);
	}
	text_region_line(w, "", regions_picked(in) ? "Selected" : "Total",
	                 in->cube->total_in_need, in->cube->total_targeted, in->cube->total_dedup,
	                 &in->cube->total);
	put(w, "* reached without double counting; coverage uses it\n");
}

static void text_matrix_block(struct w *w, const size_t *reg, size_t nreg,
                              const size_t *ty, size_t nty)
{
	const struct report_input *in = w->in;
	const struct cube *q = in->cube;
	char a[32];
	cell(w, "Region", 14, false);
	for (size_t k = 0; k < nty; k++)
		out(w, " %10s", in->cfg->types[ty[k]].code);
	put(w, "\n");
	for (size_t i = 0; i < nreg; i++) {
		cell_esc(w, in->cfg->regions[reg[i]].name, 14);
		for (size_t k = 0; k < nty; k++) {
			const struct measure *m = cube_cell(q, reg[i], ty[k]);
			out(w, " %10s", m->activities ? fmt_int(m->reached, a) : "-");
		}
		put(w, "\n");
	}
	cell(w, "All regions", 14, false);
	for (size_t k = 0; k < nty; k++)
		out(w, " %10s", fmt_int(q->type[ty[k]].reached, a));
	put(w, "\n");
}

static void text_matrix(struct w *w, const size_t *reg, size_t nreg)
{
	size_t *ty = xmalloc((w->in->cfg->ntypes + 1) * sizeof *ty);
	size_t nty = types_shown(w->in, ty);
	const size_t per_block = (TEXT_WIDTH - 14) / 11;
	put(w, "\nREGION × INTERVENTION TYPE (people reached, simple sum; - no activity)\n");
	for (size_t k = 0; k < nty; k += per_block) {
		if (k)
			put(w, "\n");
		text_matrix_block(w, reg, nreg, ty + k, nty - k < per_block ? nty - k : per_block);
	}
	free(ty);
}

/* "rows: a.csv:12 a.csv:14 … and 30 more", wrapped under the reason. */
static void text_refs(struct w *w, const struct gap_list *g, size_t item, size_t max)
{
	const struct table *t = w->in->table;
	const size_t indent = 27;
	char buf[64];
	struct rowref *rows;
	size_t nrows = gaps_rows(g, item, &rows);
	if (!nrows) {
		free(rows);
		return;
	}
	out(w, "%*srows:", (int)indent - 6, "");
	size_t used = indent - 1;
	for (size_t i = 0; i < nrows && i <= max; i++) {
		char *e = NULL;
		if (i == max)
			snprintf(buf, sizeof buf, "… and %zu more", nrows - max);
		else
			snprintf(buf, sizeof buf, ":%u", rows[i].line);
		if (i < max)
			e = esc(t->sources[rows[i].source].path);
		size_t len = (e ? text_utf8_len(e) : 0) + text_utf8_len(buf) + 1;
		if (used + len > TEXT_WIDTH && used > indent) {
			out(w, "\n%*s", (int)indent - 1, "");
			used = indent - 1;
		}
		out(w, " %s%s", e ? e : "", buf);
		used += len;
		free(e);
	}
	put(w, "\n");
	free(rows);
}

static void text_gap_counts(struct w *w, const struct gap_list *g)
{
	size_t n[SEV_COUNT] = {0};
	for (size_t i = 0; i < g->len; i++)
		n[g->items[i].severity]++;
	const char *sep = ": ";
	out(w, "\nGAPS (%zu", g->len);
	for (int s = 0; s < SEV_COUNT; s++)
		if (n[s]) {
			out(w, "%s%zu %s", sep, n[s], severity_name((enum severity)s));
			sep = ", ";
		}
	put(w, ")\n");
}

static void text_gaps(struct w *w)
{
	const struct gap_list *g = w->in->gaps;
	static const struct gap_list none = {0};
	if (!g)
		g = &none;
	text_gap_counts(w, g);
	if (!g->len)
		put(w, "  No gap flagged.\n");
	for (size_t i = 0; i < g->len; i++) {
		const struct gap *p = &g->items[i];
		char *e = esc(p->reason);
		out(w, "%-9s %-16s ", severity_name(p->severity), gap_kind_name(p->kind));
		wrap(w, e, 27, 27);
		free(e);
		text_refs(w, g, i, 6);
	}
}

static int text_report(struct w *w)
{
	size_t *reg = xmalloc((w->in->cfg->nregions + 1) * sizeof *reg);
	size_t nreg = regions_in_order(w->in, reg);
	text_header(w, "fourw report");
	text_key_figures(w);
	text_regions(w, reg, nreg);
	text_matrix(w, reg, nreg);
	text_gaps(w);
	free(reg);
	return finish(w);
}

/* ---- Markdown ------------------------------------------------------------ */

static void md_plan(struct w *w)
{
	const struct report_input *in = w->in;
	const struct config *c = in->cfg;
	char a[32], b[32], p[16], month[16], filt[512], words[400];
	put(w, "# ");
	put_md(w, c->plan_name);
	put(w, " — coverage report\n\n## Plan, filter and counting method\n\n");
	out(w, "- People in need: %s; people targeted: %s\n", int_or(c->in_need, "unknown", a),
	    int_or(c->targeted, "unknown", b));
	if (c->funding_requested > 0 && c->funding_received >= 0)
		out(w, "- Funding: %s received of %s requested (%s)\n", fmt_int(c->funding_received, a),
		    fmt_int(c->funding_requested, b),
		    pct_or(c->funding_received, c->funding_requested, "", p));
	month_words(in->report_month, month);
	out(w, "- Report month: %s\n- Filter: ", month);
	filter_describe(&in->cube->selection, c, filt, sizeof filt);
	put_md(w, filt);
	method_words(in, words, sizeof words);
	out(w, "\n- Counting: %s\n- Reporting mode: %s\n", dedup_words, words);
	put(w, "- Planned activities count as presence, never as people reached.\n");
}

static void md_sheets(struct w *w)
{
	const struct table *t = w->in->table;
	char a[32], b[32];
	put(w, "\n## Sheets read\n\n| Sheet | Rows accepted | Rows rejected | SHA-256 |\n"
	       "|---|---:|---:|---|\n");
	for (size_t i = 0; i < t->nsources; i++) {
		const struct source *s = &t->sources[i];
		put(w, "| ");
		put_md(w, s->path);
		out(w, " | %s | %s | `%s` |\n", fmt_int((int64_t)s->accepted, a),
		    fmt_int((int64_t)s->rejected, b), s->sha256);
	}
	struct sheet_totals st = sheet_totals(t);
	out(w, "| **%zu sheets** | **%s** | **%s** | |\n", st.sheets,
	    fmt_int((int64_t)st.accepted, a), fmt_int((int64_t)st.rejected, b));
	out(w, "\nRejected rows are not counted; `fourw check` lists each with its reason. "
	    "Warnings: %zu.\n", st.warnings);
}

static void md_key_figures(struct w *w)
{
	const struct report_input *in = w->in;
	const struct cube *q = in->cube;
	char a[32], b[32], p1[16], p2[16];
	out(w, "\n## Key figures (%s)\n\n| Figure | People | %% of target | %% of need |\n"
	    "|---|---:|---:|---:|\n", scope_word(in));
	out(w, "| People in need | %s | | |\n", int_or(q->total_in_need, "unknown", a));
	out(w, "| People targeted | %s | | |\n", int_or(q->total_targeted, "unknown", a));
	out(w, "| **Reached without double counting** | **%s** | %s | %s |\n",
	    fmt_int(q->total_dedup, a), pct_or(q->total_dedup, q->total_targeted, "no target", p1),
	    pct_or(q->total_dedup, q->total_in_need, "no need figure", p2));
	out(w, "| Simple sum of rows | %s | | |\n", fmt_int(q->total.reached, a));
	out(w, "\nPartners: %s · activity rows counted: %s (%s planned)\n",
	    fmt_int(q->total.partners, a), fmt_int(q->total.activities, b),
	    fmt_int(q->total.planned, p1));
}

static void md_region_line(struct w *w, const char *code, const char *name, int64_t need,
                           int64_t target, int64_t dedup, const struct measure *m)
{
	char a[32], b[32], d[32], s[32], p1[16], p2[16], pa[32], ac[32];
	bool total = !*code;
	out(w, "| %s | %s", code, total ? "**" : "");
	put_md(w, name);
	out(w, "%s | %s | %s | %s | %s | %s | %s | %s | %s |\n", total ? "**" : "",
	    int_or(need, "unknown", a), int_or(target, "unknown", b), fmt_int(dedup, d),
	    fmt_int(m->reached, s),
	    pct_or(dedup, target, "no target", p1), pct_or(dedup, need, "no figure", p2),
	    fmt_int(m->partners, pa), fmt_int(m->activities, ac));
}

static void md_regions(struct w *w, const size_t *reg, size_t nreg)
{
	const struct report_input *in = w->in;
	const struct config *c = in->cfg;
	put(w, "\n## By region\n\n| Code | Region | In need | Targeted | Reached* | Simple sum "
	       "| % target | % need | Partners | Rows |\n"
	       "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
	for (size_t k = 0; k < nreg; k++) {
		size_t r = reg[k];
		md_region_line(w, c->regions[r].codes[0].code, c->regions[r].name,
		               c->regions[r].in_need, c->regions[r].targeted,
		               in->cube->region_dedup[r], &in->cube->region[r]);
	}
	md_region_line(w, "", regions_picked(in) ? "Selected regions" : "Total",
	               in->cube->total_in_need, in->cube->total_targeted, in->cube->total_dedup,
	               &in->cube->total);
	put(w, "\n\\* reached without double counting; coverage uses it.\n");
}

static void md_matrix(struct w *w, const size_t *reg, size_t nreg)
{
	const struct report_input *in = w->in;
	const struct cube *q = in->cube;
	size_t *ty = xmalloc((in->cfg->ntypes + 1) * sizeof *ty);
	size_t nty = types_shown(in, ty);
	char a[32];
	put(w, "\n## Region × intervention type\n\nPeople reached, simple sum; – no activity.\n\n"
	       "| Region |");
	for (size_t k = 0; k < nty; k++)
		out(w, " %s |", in->cfg->types[ty[k]].code);
	put(w, "\n|---|");
	for (size_t k = 0; k < nty; k++)
		put(w, "---:|");
	put(w, "\n");
	for (size_t i = 0; i < nreg; i++) {
		put(w, "| ");
		put_md(w, in->cfg->regions[reg[i]].name);
		put(w, " |");
		for (size_t k = 0; k < nty; k++) {
			const struct measure *m = cube_cell(q, reg[i], ty[k]);
			out(w, " %s |", m->activities ? fmt_int(m->reached, a) : "–");
		}
		put(w, "\n");
	}
	put(w, "| **All regions** |");
	for (size_t k = 0; k < nty; k++)
		out(w, " **%s** |", fmt_int(q->type[ty[k]].reached, a));
	put(w, "\n");
	free(ty);
}

static void md_types(struct w *w)
{
	const struct report_input *in = w->in;
	const struct cube *q = in->cube;
	size_t *ty = xmalloc((in->cfg->ntypes + 1) * sizeof *ty);
	size_t nty = types_shown(in, ty);
	char a[32], b[32], c[32], d[32], p[16];
	put(w, "\n## Intervention types, all regions\n\n| Code | Intervention | Reached | Partners "
	       "| Rows | Type target | % of type target |\n|---|---|---:|---:|---:|---:|---:|\n");
	for (size_t k = 0; k < nty; k++) {
		const struct itype *it = &in->cfg->types[ty[k]];
		const struct measure *m = &q->type[ty[k]];
		out(w, "| %s | ", it->code);
		put_md(w, it->label_en);
		out(w, " | %s | %s | %s | %s | %s |\n", fmt_int(m->reached, a), fmt_int(m->partners, b),
		    fmt_int(m->activities, c), int_or(it->targeted, "–", d),
		    pct_or(m->reached, it->targeted, "–", p));
	}
	free(ty);
}

static void md_where(struct w *w, const struct gap *p)
{
	const struct config *c = w->in->cfg;
	put_md(w, p->region >= 0 ? region_name(c, p->region) : "all");
	if (p->cercle >= 0 && (size_t)p->cercle < c->ncercles) {
		put(w, " / ");
		put_md(w, c->cercles[p->cercle].name);
	}
	if (p->type >= 0 && (size_t)p->type < c->ntypes)
		out(w, " / %s", c->types[p->type].code);
}

static void md_refs(struct w *w, const struct gap_list *g, size_t item, size_t max)
{
	struct rowref *rows;
	size_t n = gaps_rows(g, item, &rows);
	for (size_t i = 0; i < n && i < max; i++) {
		put(w, i ? ", " : "");
		put_md(w, w->in->table->sources[rows[i].source].path);
		out(w, ":%u", rows[i].line);
	}
	if (n > max)
		out(w, " … and %zu more", n - max);
	free(rows);
}

static void md_gaps(struct w *w, const char *heading)
{
	const struct gap_list *g = w->in->gaps;
	out(w, "\n%s\n\n", heading);
	if (!g || !g->len) {
		put(w, "No gap flagged.\n");
		return;
	}
	put(w, "| Severity | Kind | Where | Reason | Rows |\n|---|---|---|---|---|\n");
	for (size_t i = 0; i < g->len; i++) {
		const struct gap *p = &g->items[i];
		out(w, "| %s | %s | ", severity_name(p->severity), gap_kind_name(p->kind));
		md_where(w, p);
		put(w, " | ");
		put_md(w, p->reason);
		put(w, " | ");
		md_refs(w, g, i, 10);
		put(w, " |\n");
	}
}

static int md_report(struct w *w)
{
	size_t *reg = xmalloc((w->in->cfg->nregions + 1) * sizeof *reg);
	size_t nreg = regions_in_order(w->in, reg);
	md_plan(w);
	md_sheets(w);
	md_key_figures(w);
	md_regions(w, reg, nreg);
	md_matrix(w, reg, nreg);
	md_types(w);
	md_gaps(w, "## Gaps");
	free(reg);
	return finish(w);
}

/* ---- CSV ----------------------------------------------------------------- */

/* A text cell: escaped like the rest, a leading = + - @ (or tab, CR) made
 * inert with a quote so no spreadsheet runs it as a formula, and RFC 4180
 * quoting when needed. */
static void csv_text(struct w *w, const char *s)
{
	char *e = esc(s);
	bool formula = strchr("=+-@\t\r", e[0]) && e[0];
	bool quote = strpbrk(e, ",\"\r\n") != NULL;
	if (quote)
		put(w, "\"");
	if (formula)
		put(w, "'");
	for (const char *p = e; *p; p++) {
		if (*p == '"' && fputc('"', w->f) == EOF)
			w->err = true;
		if (fputc(*p, w->f) == EOF)
			w->err = true;
	}
	if (quote)
		put(w, "\"");
	free(e);
}

static void csv_int(struct w *w, int64_t v)
{
	if (v >= 0)
		out(w, "%lld", (long long)v);
}

/* One decimal with a '.', whatever the locale: tenths rounded half up. */
static void csv_pct(struct w *w, int64_t reached, int64_t denom)
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

static void csv_line(struct w *w, const struct csv_line *l)
{
	csv_text(w, l->code);
	put(w, ",");
	csv_text(w, l->name);
	put(w, ",");
	csv_text(w, l->tcode);
	put(w, ",");
	csv_text(w, l->tname);
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

static void csv_region(struct w *w, size_t r, const size_t *ty)
{
	const struct config *c = w->in->cfg;
	const struct cube *q = w->in->cube;
	const struct region *re = &c->regions[r];
	struct csv_line l = { re->codes[0].code, re->name, "*", "All interventions",
	                      &q->region[r], q->region_dedup[r], re->in_need, re->targeted };
	csv_line(w, &l);
	for (size_t k = 0; k < c->ntypes; k++) {
		const struct measure *m = cube_cell(q, r, ty[k]);
		if (!m->activities)
			continue;
		const struct itype *it = &c->types[ty[k]];
		l = (struct csv_line){ re->codes[0].code, re->name, it->code, it->label_en, m, -1, -1, -1 };
		csv_line(w, &l);
	}
}

static int csv_report(struct w *w)
{
	const struct report_input *in = w->in;
	const struct config *c = in->cfg;
	size_t *reg = xmalloc((c->nregions + 1) * sizeof *reg);
	size_t *ty = xmalloc((c->ntypes + 1) * sizeof *ty);
	size_t nreg = regions_in_order(in, reg);
	types_by_code(c, ty);
	put(w, "region_code,region,intervention_code,intervention,partners,activities,girls,boys,"
	       "women,men,reached,reached_dedup,in_need,targeted,coverage_target_pct,"
	       "coverage_need_pct\n");
	struct csv_line plan = { "*", regions_picked(in) ? "Selected regions" : "All regions", "*",
	                         "All interventions", &in->cube->total, in->cube->total_dedup,
	                         in->cube->total_in_need, in->cube->total_targeted };
	csv_line(w, &plan);
	for (size_t k = 0; k < nreg; k++)
		csv_region(w, reg[k], ty);
	free(reg);
	free(ty);
	return finish(w);
}

/* ---- the gap list on its own --------------------------------------------- */

static void csv_refs(struct w *w, const struct gap_list *g, size_t item)
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
	csv_text(w, buf);
	free(buf);
}

static int csv_gaps(struct w *w)
{
	const struct config *c = w->in->cfg;
	const struct gap_list *g = w->in->gaps;
	put(w, "severity,kind,region_code,region,cercle,intervention_code,reason,rows\n");
	for (size_t i = 0; g && i < g->len; i++) {
		const struct gap *p = &g->items[i];
		out(w, "%s,%s,", severity_name(p->severity), gap_kind_name(p->kind));
		csv_text(w, region_code(c, p->region));
		put(w, ",");
		csv_text(w, region_name(c, p->region));
		put(w, ",");
		csv_text(w, p->cercle >= 0 && (size_t)p->cercle < c->ncercles ? c->cercles[p->cercle].name : "");
		put(w, ",");
		csv_text(w, p->type >= 0 && (size_t)p->type < c->ntypes ? c->types[p->type].code : "");
		put(w, ",");
		csv_text(w, p->reason);
		put(w, ",");
		csv_refs(w, g, i);
		put(w, "\n");
	}
	return finish(w);
}

static int md_gaps_report(struct w *w)
{
	const struct report_input *in = w->in;
	char month[16], filt[512];
	put(w, "# ");
	put_md(w, in->cfg->plan_name);
	month_words(in->report_month, month);
	filter_describe(&in->cube->selection, in->cfg, filt, sizeof filt);
	out(w, " — gaps\n\n- Report month: %s\n- Filter: ", month);
	put_md(w, filt);
	put(w, "\n");
	md_gaps(w, "## Flags, most severe first");
	return finish(w);
}

int report_write(FILE *f, enum report_format fmt, const struct report_input *in)
{
	struct w w = { f, false, in };
	switch (fmt) {
	case REPORT_MD:
		return md_report(&w);
	case REPORT_CSV:
		return csv_report(&w);
	case REPORT_TEXT:
	default:
		return text_report(&w);
	}
}

int report_write_gaps(FILE *f, enum report_format fmt, const struct report_input *in)
{
	struct w w = { f, false, in };
	switch (fmt) {
	case REPORT_MD:
		return md_gaps_report(&w);
	case REPORT_CSV:
		return csv_gaps(&w);
	case REPORT_TEXT:
	default:
		text_header(&w, "fourw gaps");
		text_gaps(&w);
		return finish(&w);
	}
}
