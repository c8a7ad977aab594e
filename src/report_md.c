#include "report_md.h"

#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "i18n.h"
#include "xalloc.h"

/* The two calls on nearly every line, short so the layout reads. */
#define out report_out_printf
#define put report_out_puts

static void md_plan(struct report_out *w)
{
	const struct report_input *in = w->in;
	const struct config *c = in->cfg;
	char a[32], b[32], p[16], month[FMT_MONTH_SIZE], filt[512], words[400];
	put(w, "# ");
	report_out_md_cell(w, c->plan_name);
	put(w, _(" — coverage report\n\n## Plan, filter and counting method\n\n"));
	out(w, _("- People in need: %s; people targeted: %s\n"),
	    report_out_int_or(c->in_need, _("unknown"), a),
	    report_out_int_or(c->targeted, _("unknown"), b));
	if (c->funding_requested > 0 && c->funding_received >= 0)
		out(w, _("- Funding: %s received of %s requested (%s)\n"), fmt_int(c->funding_received, a),
		    fmt_int(c->funding_requested, b),
		    report_out_pct_or(c->funding_received, c->funding_requested, "", p));
	report_out_month_words(in->report_month, month);
	out(w, _("- Report month: %s\n- Filter: "), month);
	filter_describe(&in->cube->selection, c, filt, sizeof filt);
	report_out_md_cell(w, filt);
	report_out_method_words(in, words, sizeof words);
	out(w, _("\n- Counting: %s\n- Reporting mode: %s\n"), _(report_out_dedup_words), words);
	put(w, _("- Planned activities count as presence, never as people reached.\n"));
}

static void md_sheets(struct report_out *w)
{
	const struct table *t = w->in->table;
	char a[32], b[32];
	put(w, _("\n## Sheets read\n\n| Sheet | Rows accepted | Rows rejected | SHA-256 |\n"
	       "|---|---:|---:|---|\n"));
	for (size_t i = 0; i < t->nsources; i++) {
		const struct source *s = &t->sources[i];
		put(w, "| ");
		report_out_md_cell(w, s->path);
		out(w, " | %s | %s | `%s` |\n", fmt_int((int64_t)s->accepted, a),
		    fmt_int((int64_t)s->rejected, b), s->sha256);
	}
	struct report_totals st = report_out_totals(t);
	out(w, P_("| **%zu sheets** | **%s** | **%s** | |\n", "| **%zu sheets** | **%s** | **%s** | |\n",
	          st.sheets), st.sheets,
	    fmt_int((int64_t)st.accepted, a), fmt_int((int64_t)st.rejected, b));
	out(w, _("\nRejected rows are not counted; `fourw check` lists each with its reason. "
	    "Warnings: %zu.\n"), st.warnings);
	if (w->in->cube->outside_plan)   /* rule 11 */
		out(w, _("\n%s accepted %s outside %d, the plan year: not counted (a period "
		    "chosen with --from/--to shows them).\n"),
		    fmt_int((int64_t)w->in->cube->outside_plan, a), w->in->cube->outside_plan == 1
		    ? _("row reports a month") : _("rows report months"), w->in->cfg->plan_year);
	if (st.resent)
		out(w, _("\nOf the rows accepted, %s %s sent again in a newer sheet: %s "
		    "(`fourw check` names both sheets).\n"), fmt_int((int64_t)st.resent, a),
		    st.resent == 1 ? _("was") : _("were"),
		    w->in->cfg->resent == RESENT_LATEST ? _("not counted") : _("counted twice"));
}

static void md_key_figures(struct report_out *w)
{
	const struct report_input *in = w->in;
	const struct cube *q = in->cube;
	char a[32], b[32], p1[16], p2[16];
	out(w, _("\n## Key figures (%s)\n\n| Figure | People | %% of target | %% of need |\n"
	    "|---|---:|---:|---:|\n"), report_out_scope_word(in));
	out(w, _("| People in need | %s | | |\n"), report_out_int_or(q->total_in_need, _("unknown"), a));
	out(w, _("| People targeted | %s | | |\n"),
	    report_out_int_or(q->total_targeted, _("unknown"), a));
	out(w, _("| **Reached without double counting** | **%s** | %s | %s |\n"),
	    fmt_int(q->total_dedup, a),
	    report_out_pct_or(q->total_dedup, q->total_targeted, _("no target"), p1),
	    report_out_pct_or(q->total_dedup, q->total_in_need, _("no need figure"), p2));
	out(w, _("| Simple sum of rows | %s | | |\n"), fmt_int(q->total.reached, a));
	out(w, _("\nPartners: %s · activity rows counted: %s (%s planned)\n"),
	    fmt_int(q->total.partners, a), fmt_int(q->total.activities, b),
	    fmt_int(q->total.planned, p1));
}

static void md_region_line(struct report_out *w, const char *code, const char *name, int64_t need,
                           int64_t target, int64_t dedup, const struct measure *m)
{
	char a[32], b[32], d[32], s[32], p1[16], p2[16], pa[32], ac[32];
	bool total = !*code;
	out(w, "| %s | %s", code, total ? "**" : "");
	report_out_md_cell(w, name);
	out(w, "%s | %s | %s | %s | %s | %s | %s | %s | %s |\n", total ? "**" : "",
	    report_out_int_or(need, _("unknown"), a), report_out_int_or(target, _("unknown"), b),
	    fmt_int(dedup, d), fmt_int(m->reached, s),
	    report_out_pct_or(dedup, target, _("no target"), p1),
	    report_out_pct_or(dedup, need, _("no figure"), p2),
	    fmt_int(m->partners, pa), fmt_int(m->activities, ac));
}

/* Rule 12: the regions as written, one level below the plan's. */
static void md_written(struct report_out *w, const size_t *reg, size_t nreg)
{
	if (!report_out_any_rolled_up(w->in, reg, nreg))
		return;
	out(w, "\n%s\n\n", _(report_out_written_title));
	for (size_t k = 0; k < nreg; k++) {
		char words[1024];
		if (!report_out_written_words(w->in->cfg, w->in->cube, reg[k], words,
		                              sizeof words))
			continue;
		put(w, "- **");
		report_out_md_cell(w, w->in->cfg->regions[reg[k]].name);
		put(w, "**: ");
		report_out_md_cell(w, words);
		put(w, "\n");
	}
}

static void md_regions(struct report_out *w, const size_t *reg, size_t nreg)
{
	const struct report_input *in = w->in;
	const struct config *c = in->cfg;
	/* xgettext:no-c-format */
	put(w, _("\n## By region\n\n| Code | Region | In need | Targeted | Reached* | Simple sum "
	       "| % target | % need | Partners | Rows |\n"
	       "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"));
	for (size_t k = 0; k < nreg; k++) {
		size_t r = reg[k];
		md_region_line(w, c->regions[r].codes[0].code, c->regions[r].name,
		               c->regions[r].in_need, c->regions[r].targeted,
		               in->cube->region_dedup[r], &in->cube->region[r]);
	}
	md_region_line(w, "", report_out_regions_picked(in) ? _("Selected regions") : _("Total"),
	               in->cube->total_in_need, in->cube->total_targeted, in->cube->total_dedup,
	               &in->cube->total);
	put(w, _("\n\\* reached without double counting; coverage uses it.\n"));
	md_written(w, reg, nreg);
}

static void md_matrix(struct report_out *w, const size_t *reg, size_t nreg)
{
	const struct report_input *in = w->in;
	const struct cube *q = in->cube;
	size_t *ty = xmalloc((in->cfg->ntypes + 1) * sizeof *ty);
	size_t nty = report_out_types(in, ty);
	char a[32];
	put(w, _("\n## Region × intervention type\n\nPeople reached, simple sum; – no activity.\n\n"
	       "| Region |"));
	for (size_t k = 0; k < nty; k++)
		out(w, " %s |", in->cfg->types[ty[k]].code);
	put(w, "\n|---|");
	for (size_t k = 0; k < nty; k++)
		put(w, "---:|");
	put(w, "\n");
	for (size_t i = 0; i < nreg; i++) {
		put(w, "| ");
		report_out_md_cell(w, in->cfg->regions[reg[i]].name);
		put(w, " |");
		for (size_t k = 0; k < nty; k++) {
			const struct measure *m = &q->cell[reg[i] * q->ntypes + ty[k]];
			out(w, " %s |", m->activities ? fmt_int(m->reached, a) : "–");
		}
		put(w, "\n");
	}
	put(w, _("| **All regions** |"));
	for (size_t k = 0; k < nty; k++)
		out(w, " **%s** |", fmt_int(q->type[ty[k]].reached, a));
	put(w, "\n");
	free(ty);
}

static void md_types(struct report_out *w)
{
	const struct report_input *in = w->in;
	const struct cube *q = in->cube;
	size_t *ty = xmalloc((in->cfg->ntypes + 1) * sizeof *ty);
	size_t nty = report_out_types(in, ty);
	char a[32], b[32], c[32], d[32], p[16];
	/* xgettext:no-c-format */
	put(w, _("\n## Intervention types, all regions\n\n| Code | Intervention | Reached | Partners "
	       "| Rows | Type target | % of type target |\n|---|---|---:|---:|---:|---:|---:|\n"));
	for (size_t k = 0; k < nty; k++) {
		const struct itype *it = &in->cfg->types[ty[k]];
		const struct measure *m = &q->type[ty[k]];
		out(w, "| %s | ", it->code);
		report_out_md_cell(w, itype_label(it));
		out(w, " | %s | %s | %s | %s | %s |\n", fmt_int(m->reached, a), fmt_int(m->partners, b),
		    fmt_int(m->activities, c), report_out_int_or(it->targeted, "–", d),
		    report_out_pct_or(m->reached, it->targeted, "–", p));
	}
	free(ty);
}

static void md_where(struct report_out *w, const struct gap *p)
{
	const struct config *c = w->in->cfg;
	report_out_md_cell(w, p->region >= 0 ? report_out_region_name(c, p->region) : _("all"));
	if (p->cercle >= 0 && (size_t)p->cercle < c->ncercles) {
		put(w, " / ");
		report_out_md_cell(w, c->cercles[p->cercle].name);
	}
	if (p->type >= 0 && (size_t)p->type < c->ntypes)
		out(w, " / %s", c->types[p->type].code);
}

static void md_refs(struct report_out *w, const struct gap_list *g, size_t item, size_t max)
{
	struct rowref *rows;
	size_t n = gaps_rows(g, item, &rows);
	for (size_t i = 0; i < n && i < max; i++) {
		put(w, i ? ", " : "");
		report_out_md_cell(w, w->in->table->sources[rows[i].source].path);
		out(w, ":%u", rows[i].line);
	}
	if (n > max)
		out(w, _(" … and %zu more"), n - max);
	free(rows);
}

static void md_gaps(struct report_out *w, const char *heading)
{
	const struct gap_list *g = w->in->gaps;
	out(w, "\n%s\n\n", heading);
	if (!g || !g->len) {
		put(w, _("No gap flagged.\n"));
		return;
	}
	put(w, _("| Severity | Kind | Where | Reason | Rows |\n|---|---|---|---|---|\n"));
	for (size_t i = 0; i < g->len; i++) {
		const struct gap *p = &g->items[i];
		out(w, "| %s | %s | ", severity_label(p->severity), gap_kind_label(p->kind));
		md_where(w, p);
		put(w, " | ");
		report_out_md_cell(w, p->reason);
		put(w, " | ");
		md_refs(w, g, i, 10);
		put(w, " |\n");
	}
}

int report_md_write(struct report_out *w)
{
	size_t *reg = xmalloc((w->in->cfg->nregions + 1) * sizeof *reg);
	size_t nreg = report_out_regions(w->in, reg);
	md_plan(w);
	md_sheets(w);
	md_key_figures(w);
	md_regions(w, reg, nreg);
	md_matrix(w, reg, nreg);
	md_types(w);
	md_gaps(w, _("## Gaps"));
	free(reg);
	return report_out_finish(w);
}

int report_md_write_gaps(struct report_out *w)
{
	const struct report_input *in = w->in;
	char month[FMT_MONTH_SIZE], filt[512];
	put(w, "# ");
	report_out_md_cell(w, in->cfg->plan_name);
	report_out_month_words(in->report_month, month);
	filter_describe(&in->cube->selection, in->cfg, filt, sizeof filt);
	out(w, _(" — gaps\n\n- Report month: %s\n- Filter: "), month);
	report_out_md_cell(w, filt);
	put(w, "\n");
	md_gaps(w, _("## Flags, most severe first"));
	return report_out_finish(w);
}
