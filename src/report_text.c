#include "report_text.h"

#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#define TEXT_WIDTH 100

/* The two calls on nearly every line, short so the layout reads. */
#define out report_out_printf
#define put report_out_puts

static void put_esc(struct report_out *w, const char *s)
{
	char *e = report_out_escape(s);
	put(w, e);
	free(e);
}

/* Writes s (already safe) in `width` columns, left or right aligned; text
 * longer than the column is cut and ends with "~". */
static void cell(struct report_out *w, const char *s, int width, bool right)
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

static void cell_esc(struct report_out *w, const char *s, int width)
{
	char *e = report_out_escape(s);
	cell(w, e, width, false);
	free(e);
}

/* Prints text wrapped to the page: the first line after `lead` columns
 * already used, the next ones indented by `indent`. */
static void wrap(struct report_out *w, const char *text, int lead, int indent)
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

static void text_header(struct report_out *w, const char *title)
{
	const struct report_input *in = w->in;
	char month[FMT_MONTH_SIZE], filt[512], n[5][32];
	out(w, "%s — ", title);
	put_esc(w, in->cfg->plan_name);
	report_out_month_words(in->report_month, month);
	filter_describe(&in->cube->selection, in->cfg, filt, sizeof filt);
	out(w, _("\nReport month %s · filter: "), month);
	char *e = report_out_escape(filt);
	wrap(w, e, (int)text_utf8_len(_("Report month %s · filter: ")) - 2 + (int)text_utf8_len(month), 2);
	free(e);
	struct report_totals s = report_out_totals(in->table);
	char resent[96];
	report_out_resent_words(in, &s, resent, sizeof resent);
	/* each count with its own words, which agree with it in French */
	out(w, P_("Sheets %s · rows %s accepted%s, ", "Sheets %s · rows %s accepted%s, ", s.accepted),
	    fmt_int((int64_t)s.sheets, n[0]), fmt_int((int64_t)s.accepted, n[1]), resent);
	out(w, P_("%s rejected (not counted), ", "%s rejected (not counted), ", s.rejected),
	    fmt_int((int64_t)s.rejected, n[2]));
	out(w, P_("%s warnings · ", "%s warnings · ", s.warnings), fmt_int((int64_t)s.warnings, n[3]));
	if (in->cube->outside_plan)   /* rule 11: of the accepted, left out of every figure */
		out(w, P_("%s outside %d, not counted · ", "%s outside %d, not counted · ",
		          in->cube->outside_plan), fmt_int((int64_t)in->cube->outside_plan, n[0]),
		    in->cfg->plan_year);
	out(w, P_("%s counted\n", "%s counted\n", in->cube->nrows), fmt_int((int64_t)in->cube->nrows, n[4]));
}

/* "  label ......... figure" in display columns (a French figure holds
 * no-break spaces of two bytes). */
static void key_line(struct report_out *w, const char *label, const char *figure)
{
	put(w, "  ");
	cell(w, label, 34, false);
	put(w, " ");
	cell(w, figure, 13, true);
}

static void text_key_figures(struct report_out *w)
{
	const struct report_input *in = w->in;
	const struct cube *q = in->cube;
	const struct config *c = in->cfg;
	char a[32], b[32], p1[16], p2[16], words[400];
	out(w, _("\nKEY FIGURES (%s)\n"), report_out_scope_word(in));
	key_line(w, _("People in need"), report_out_int_or(q->total_in_need, _("unknown"), a));
	put(w, "\n");
	key_line(w, _("People targeted"), report_out_int_or(q->total_targeted, _("unknown"), a));
	put(w, "\n");
	key_line(w, _("Reached without double counting"), fmt_int(q->total_dedup, a));
	out(w, "   %s%s · %s%s\n",
	    report_out_pct_or(q->total_dedup, q->total_targeted, _("no target"), p1),
	    q->total_targeted > 0 ? _(" of target") : "",
	    report_out_pct_or(q->total_dedup, q->total_in_need, _("no need figure"), p2),
	    q->total_in_need > 0 ? _(" of need") : "");
	key_line(w, _("Simple sum of rows"), fmt_int(q->total.reached, a));
	out(w, "   %s\n", _("(a child reached by two types counts twice)"));
	if (c->funding_requested > 0 && c->funding_received >= 0) {
		key_line(w, _("Funding received"), fmt_int(c->funding_received, a));
		out(w, _("   of %s requested (%s)\n"), fmt_int(c->funding_requested, b),
		    report_out_pct_or(c->funding_received, c->funding_requested, "", p1));
	}
	out(w, _("  Partners %s · activity rows %s (%s planned)\n"), fmt_int(q->total.partners, a),
	    fmt_int(q->total.activities, b), fmt_int(q->total.planned, p1));
	report_out_method_words(in, words, sizeof words);
	put(w, _("  Counting: "));
	wrap(w, _(report_out_dedup_words), (int)text_utf8_len(_("  Counting: ")), 4);
	put(w, _("  Reporting mode: "));
	wrap(w, words, (int)text_utf8_len(_("  Reporting mode: ")), 4);
	put(w, _("  Planned activities count as presence, never as people reached.\n"));
}

/* Seven figures right-aligned in the columns of BY REGION, then the line's end. */
static void figure_cells(struct report_out *w, const char *const figures[7], bool eol)
{
	static const int widths[7] = { 11, 11, 11, 11, 9, 9, 8 };
	for (int k = 0; k < 7; k++) {
		put(w, " ");
		cell(w, figures[k], widths[k], true);
	}
	if (eol)
		put(w, "\n");
}

static void text_region_line(struct report_out *w, const char *code, const char *name,
                             int64_t need, int64_t target, int64_t dedup,
                             const struct measure *m)
{
	char a[32], b[32], d[32], s[32], p1[16], p2[16], pa[32];
	cell(w, code, 5, false);
	put(w, " ");
	cell_esc(w, name, 14);
	const char *figures[7] = {
		report_out_int_or(need, _("unknown"), a), report_out_int_or(target, _("unknown"), b),
		fmt_int(dedup, d), fmt_int(m->reached, s),
		report_out_pct_or(dedup, target, _("no target"), p1),
		report_out_pct_or(dedup, need, _("no figure"), p2), fmt_int(m->partners, pa),
	};
	figure_cells(w, figures, true);
}

/* Rule 12: the regions as written, one level below the plan's. */
static void text_written(struct report_out *w, const size_t *reg, size_t nreg)
{
	if (!report_out_any_rolled_up(w->in, reg, nreg))
		return;
	out(w, "%s\n", _(report_out_written_title));
	for (size_t k = 0; k < nreg; k++) {
		char words[1024];
		if (!report_out_written_words(w->in->cfg, w->in->cube, reg[k], words,
		                              sizeof words))
			continue;
		const char *name = w->in->cfg->regions[reg[k]].name;
		put(w, "  ");
		cell_esc(w, name, 14);
		put(w, " ");
		wrap(w, words, 17, 17);
	}
}

static void text_regions(struct report_out *w, const size_t *reg, size_t nreg)
{
	const struct report_input *in = w->in;
	const struct config *c = in->cfg;
	const char *heads[7] = { C_("column", "In need"), C_("column", "Targeted"),
	                         C_("column", "Reached*"), C_("column", "Simple sum"),
	                         /* xgettext:no-c-format */
	                         C_("column", "% target"),
	                         /* xgettext:no-c-format */
	                         C_("column", "% need"),
	                         C_("column", "Partners") };
	put(w, _("\nBY REGION\n"));
	cell(w, _("Code"), 5, false);
	put(w, " ");
	cell(w, _("Region"), 14, false);
	figure_cells(w, heads, true);
	for (size_t k = 0; k < nreg; k++) {
		size_t r = reg[k];
		text_region_line(w, c->regions[r].codes[0].code, c->regions[r].name,
		                 c->regions[r].in_need, c->regions[r].targeted,
		                 in->cube->region_dedup[r], &in->cube->region[r]);
	}
	text_region_line(w, "", report_out_regions_picked(in) ? _("Selected") : _("Total"),
	                 in->cube->total_in_need, in->cube->total_targeted, in->cube->total_dedup,
	                 &in->cube->total);
	put(w, _("* reached without double counting; coverage uses it\n"));
	text_written(w, reg, nreg);
}

static void text_matrix_block(struct report_out *w, const size_t *reg, size_t nreg,
                              const size_t *ty, size_t nty)
{
	const struct report_input *in = w->in;
	const struct cube *q = in->cube;
	char a[32];
	cell(w, _("Region"), 14, false);
	for (size_t k = 0; k < nty; k++)
		out(w, " %10s", in->cfg->types[ty[k]].code);
	put(w, "\n");
	for (size_t i = 0; i < nreg; i++) {
		cell_esc(w, in->cfg->regions[reg[i]].name, 14);
		for (size_t k = 0; k < nty; k++) {
			const struct measure *m = &q->cell[reg[i] * q->ntypes + ty[k]];
			put(w, " ");
			cell(w, m->activities ? fmt_int(m->reached, a) : "-", 10, true);
		}
		put(w, "\n");
	}
	cell(w, _("All regions"), 14, false);
	for (size_t k = 0; k < nty; k++) {
		put(w, " ");
		cell(w, fmt_int(q->type[ty[k]].reached, a), 10, true);
	}
	put(w, "\n");
}

static void text_matrix(struct report_out *w, const size_t *reg, size_t nreg)
{
	size_t *ty = xmalloc((w->in->cfg->ntypes + 1) * sizeof *ty);
	size_t nty = report_out_types(w->in, ty);
	const size_t per_block = (TEXT_WIDTH - 14) / 11;
	put(w, _("\nREGION × INTERVENTION TYPE (people reached, simple sum; - no activity)\n"));
	for (size_t k = 0; k < nty; k += per_block) {
		if (k)
			put(w, "\n");
		text_matrix_block(w, reg, nreg, ty + k, nty - k < per_block ? nty - k : per_block);
	}
	free(ty);
}

/* "rows: a.csv:12 a.csv:14 … and 30 more", wrapped under the reason. */
static void text_refs(struct report_out *w, const struct gap_list *g, size_t item, size_t max)
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
	out(w, "%*s%s", (int)(indent - 1 - text_utf8_len(_("rows:"))), "", _("rows:"));
	size_t used = indent - 1;
	for (size_t i = 0; i < nrows && i <= max; i++) {
		char *e = NULL;
		if (i == max)
			snprintf(buf, sizeof buf, _("… and %zu more"), nrows - max);
		else
			snprintf(buf, sizeof buf, ":%u", rows[i].line);
		if (i < max)
			e = report_out_escape(t->sources[rows[i].source].path);
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

static void text_gap_counts(struct report_out *w, const struct gap_list *g)
{
	size_t n[SEV_COUNT] = {0};
	for (size_t i = 0; i < g->len; i++)
		n[g->items[i].severity]++;
	const char *sep = _(": ");
	out(w, _("\nGAPS (%zu"), g->len);
	for (int s = 0; s < SEV_COUNT; s++)
		if (n[s]) {
			out(w, "%s", sep);
			out(w, severity_count_format((enum severity)s, n[s]), n[s]);
			sep = ", ";
		}
	put(w, ")\n");
}

static void text_gaps(struct report_out *w)
{
	const struct gap_list *g = w->in->gaps;
	static const struct gap_list none = {0};
	if (!g)
		g = &none;
	text_gap_counts(w, g);
	if (!g->len)
		put(w, _("  No gap flagged.\n"));
	for (size_t i = 0; i < g->len; i++) {
		const struct gap *p = &g->items[i];
		char *e = report_out_escape(p->reason);
		cell(w, severity_label(p->severity), 9, false);
		put(w, " ");
		cell(w, gap_kind_label(p->kind), 16, false);
		put(w, " ");
		wrap(w, e, 27, 27);
		free(e);
		text_refs(w, g, i, 6);
	}
}

int report_text_write(struct report_out *w)
{
	size_t *reg = xmalloc((w->in->cfg->nregions + 1) * sizeof *reg);
	size_t nreg = report_out_regions(w->in, reg);
	text_header(w, "fourw report");
	text_key_figures(w);
	text_regions(w, reg, nreg);
	text_matrix(w, reg, nreg);
	text_gaps(w);
	free(reg);
	return report_out_finish(w);
}

int report_text_write_gaps(struct report_out *w)
{
	text_header(w, "fourw gaps");
	text_gaps(w);
	return report_out_finish(w);
}
