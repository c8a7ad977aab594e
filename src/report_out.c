#include "report_out.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "i18n.h"
#include "parse.h"
#include "safe.h"
#include "xalloc.h"

void report_out_printf(struct report_out *w, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (vfprintf(w->f, fmt, ap) < 0)
		w->err = true;
	va_end(ap);
}

void report_out_puts(struct report_out *w, const char *s)
{
	if (fputs(s, w->f) == EOF)
		w->err = true;
}

int report_out_finish(struct report_out *w)
{
	if (fflush(w->f) != 0 || ferror(w->f))
		w->err = true;
	return w->err ? -1 : 0;
}

/* Sheet text made safe for a terminal: "\x1b", "\u202e" (see safe.h). */
char *report_out_escape(const char *s)
{
	size_t need = safe_escape(s ? s : "", NULL, 0);
	char *buf = xmalloc(need + 1);
	safe_escape(s ? s : "", buf, need + 1);
	return buf;
}

const char *report_out_pct_or(int64_t reached, int64_t denom, const char *none, char buf[16])
{
	double pct;
	return coverage_pct(reached, denom, &pct) ? fmt_pct(pct, buf) : none;
}

const char *report_out_int_or(int64_t v, const char *none, char buf[32])
{
	return v >= 0 ? fmt_int(v, buf) : none;
}

/* Whether the cube's filter picks some regions (the totals are then the
 * selection's, not the plan's). */
bool report_out_regions_picked(const struct report_input *in)
{
	return filter_limits_regions(&in->cube->selection);
}

/* A region appears when the filter selects it and it has rows or figures. */
static bool region_shown(const struct report_input *in, size_t r)
{
	const struct region *re = &in->cfg->regions[r];
	return filter_has_region(&in->cube->selection, (int)r) &&
	       (in->cube->region[r].activities > 0 || re->in_need > 0 || re->targeted > 0);
}

/* Region indices in display p-code order (insertion sort: a few dozen). */
size_t report_out_regions(const struct report_input *in, size_t *out_idx)
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
size_t report_out_types(const struct report_input *in, size_t *out_idx)
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

const char *report_out_region_name(const struct config *c, int r)
{
	return r >= 0 && (size_t)r < c->nregions ? c->regions[r].name : "";
}

const char *report_out_scope_word(const struct report_input *in)
{
	return _(cube_scope_word(in->cube));
}

void report_out_method_words(const struct report_input *in, char *buf, size_t size)
{
	char n1[32];
	if (in->cfg->mode == MODE_CUMULATIVE)
		snprintf(buf, size, _("cumulative — each report restates the year, so only the latest "
		         "report of each partner × place × type × activity counts (%s earlier "
		         "reports superseded)"), fmt_int(in->cube->superseded, n1));
	else
		snprintf(buf, size, "%s", _("monthly — each month's rows add up"));
}

const char *const report_out_dedup_words = N_(
	"reached without double counting = for each cercle (else the region), the largest "
	"intervention type's sum, added up; the simple sum of all rows is shown beside it");

void report_out_month_words(int m, char buf[FMT_MONTH_SIZE])
{
	fmt_month(m, buf);
}

struct report_totals report_out_totals(const struct table *t)
{
	struct report_totals s = { t->nsources, 0, 0, 0, t->diags.warnings, t->nresent };
	for (size_t i = 0; i < t->nsources; i++) {
		s.read += t->sources[i].rows_read;
		s.accepted += t->sources[i].accepted;
		s.rejected += t->sources[i].rejected;
	}
	return s;
}

void report_out_resent_words(const struct report_input *in, const struct report_totals *s,
                             char *buf, size_t size)
{
	char n[32];
	buf[0] = '\0';
	if (s->resent)
		snprintf(buf, size, _(" (%s sent again in a newer sheet, %s)"),
		         fmt_int((int64_t)s->resent, n),
		         in->cfg->resent == RESENT_LATEST ? _("not counted") : _("counted twice"));
}

const char *const report_out_written_title =
	N_("Regions as the sheets wrote them, counted under the plan's regions (simple sum, rows):");

static size_t written_part(const struct config *c, const struct cube *q, size_t r, size_t wr,
                           char *buf, size_t size, size_t used)
{
	const struct written_sum *ws = cube_written(q, r, wr);
	if (!ws->rows || used >= size)
		return used;
	char n[32], k[32];
	int len = snprintf(buf + used, size - used, P_("%s%s %s (%s row)", "%s%s %s (%s rows)", ws->rows),
	                   used ? " · " : "", c->regions[wr].name, fmt_int(ws->reached, n),
	                   fmt_int(ws->rows, k));
	return len < 0 ? used : used + (size_t)len;
}

bool report_out_written_words(const struct config *c, const struct cube *q, size_t r, char *buf,
                              size_t size)
{
	buf[0] = '\0';
	if (!cube_region_rolled_up(q, r))
		return false;
	size_t used = written_part(c, q, r, r, buf, size, 0);
	for (size_t wr = 0; wr < q->nregions; wr++)
		if (wr != r)
			used = written_part(c, q, r, wr, buf, size, used);
	return true;
}

bool report_out_any_rolled_up(const struct report_input *in, const size_t *reg, size_t nreg)
{
	for (size_t k = 0; k < nreg; k++)
		if (cube_region_rolled_up(in->cube, reg[k]))
			return true;
	return false;
}

/* A text cell: escaped like the rest, a leading = + - @ (or tab, CR) made
 * inert with a quote so no spreadsheet runs it as a formula, and RFC 4180
 * quoting when needed. */
void report_out_csv_cell(struct report_out *w, const char *s)
{
	report_out_csv_cell_sep(w, s, ',');
}

void report_out_csv_cell_sep(struct report_out *w, const char *s, char sep)
{
	char *e = report_out_escape(s);
	bool formula = strchr("=+-@\t\r", e[0]) && e[0];
	char specials[] = { sep, '"', '\r', '\n', '\0' };
	bool quote = strpbrk(e, specials) != NULL;
	if (quote)
		report_out_puts(w, "\"");
	if (formula)
		report_out_puts(w, "'");
	for (const char *p = e; *p; p++) {
		if (*p == '"' && fputc('"', w->f) == EOF)
			w->err = true;
		if (fputc(*p, w->f) == EOF)
			w->err = true;
	}
	if (quote)
		report_out_puts(w, "\"");
	free(e);
}

/* Sheet text escaped (report_out_escape), with Markdown's table and
 * inline specials escaped too. */
static char *escape_md(const char *s)
{
	char *e = report_out_escape(s);
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

void report_out_md_cell(struct report_out *w, const char *s)
{
	char *e = escape_md(s);
	report_out_puts(w, e);
	free(e);
}

