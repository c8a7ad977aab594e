#include "check_summary.h"

#include <ctype.h>
#include <string.h>

#include "diag_kind.h"
#include "fmt.h"
#include "safe.h"
#include "xlsx.h"

static const char *level_word(enum diag_level l)
{
	return l == DIAG_REJECT ? _("rejected") : l == DIAG_WARNING ? _("warning") : _("note");
}

/* A workbook's cell as Excel names it, " (Sheet!B12)", or its row
 * " (Sheet!12:12)"; a sheet name with more than letters, digits and '_'
 * quoted, as 'Suivi 2024'!B12. */
static void print_cell_ref(FILE *out, const char *sheet, uint32_t line, uint32_t col)
{
	bool quote = false;
	for (const unsigned char *p = (const unsigned char *)sheet; *p; p++)
		quote |= *p < 0x80 && !isalnum(*p) && *p != '_';
	fputs(quote ? " ('" : " (", out);
	safe_fputs(sheet, out);
	fputs(quote ? "'!" : "!", out);
	if (col) {
		char name[4];
		xlsx_column_name(col, name);
		fprintf(out, "%s%u)", name, line);
	} else {
		fprintf(out, "%u:%u)", line, line);
	}
}

void check_print_diag(FILE *out, const struct table *t, const struct diag *d)
{
	const struct diag_words *w = diag_words(&t->diags, d);
	safe_fputs(t->sources[w->source].path, out);
	if (d->line)
		fprintf(out, ":%u", d->line);
	if (d->line && w->col)
		fprintf(out, ":%u", w->col);
	if (d->line && t->sources[w->source].sheet)
		print_cell_ref(out, t->sources[w->source].sheet, d->line, w->col);
	fprintf(out, ": %s: ", level_word(w->level));
	safe_fputs(w->msg, out);
	fputc('\n', out);
}

/* One kind of one sheet: its messages counted, the first ones kept. */
struct kind_seen {
	size_t count;
	size_t first;             /* index of its first message */
	uint32_t lines[CHECK_FIRST_LINES];
	size_t order;             /* when the kind first appeared, for printing */
};

static void print_kind(FILE *out, const struct table *t, const struct kind_seen *k, bool reject)
{
	const struct diag *d = &t->diags.items[k->first];
	enum diag_code code = (enum diag_code)diag_words(&t->diags, d)->code;
	char n[32];
	fprintf(out, _("  %s %s — %s: line%s"), fmt_int((int64_t)k->count, n),
	        reject ? (k->count == 1 ? _("row rejected") : _("rows rejected"))
	               : (k->count == 1 ? _("warning") : _("warnings")),
	        diag_kind_name(code), k->count == 1 ? "" : "s");
	size_t shown = k->count < CHECK_FIRST_LINES ? k->count : CHECK_FIRST_LINES;
	for (size_t j = 0; j < shown; j++)
		fprintf(out, "%s %u", j ? "," : "", k->lines[j]);
	if (k->count > shown)
		fprintf(out, _(" … and %s more"), fmt_int((int64_t)(k->count - shown), n));
	fputs("\n    ", out);
	check_print_diag(out, t, d);
	fprintf(out, _("    what to do: %s\n"), diag_kind_fix(code));
}

static void see(struct kind_seen *k, size_t idx, uint32_t line, size_t *nkinds)
{
	if (!k->count) {
		k->first = idx;
		k->order = (*nkinds)++;
	}
	if (k->count < CHECK_FIRST_LINES)
		k->lines[k->count] = line;
	k->count++;
}

void check_print_kinds(FILE *out, const struct table *t, const uint32_t *idx, size_t n)
{
	struct kind_seen seen[2][DC_COUNT];   /* [0] rejects, [1] warnings */
	memset(seen, 0, sizeof seen);
	size_t nkinds = 0;
	for (size_t j = 0; j < n; j++) {
		size_t k = idx[j];
		const struct diag *d = &t->diags.items[k];
		const struct diag_words *w = diag_words(&t->diags, d);
		if (w->level == DIAG_NOTE)
			check_print_diag(out, t, d);
		else
			see(&seen[w->level == DIAG_WARNING][w->code], k, d->line, &nkinds);
	}
	/* rejected rows first, each level's kinds in the order they first came */
	for (int level = 0; level < 2; level++)
		for (size_t o = 0; o < nkinds; o++)
			for (size_t c = 0; c < DC_COUNT; c++)
				if (seen[level][c].count && seen[level][c].order == o)
					print_kind(out, t, &seen[level][c], level == 0);
}
