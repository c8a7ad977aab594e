/* compare: a baseline from a cube or from a saved CSV report, and the
 * changes from it to the cube shown. */
#include "compare.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_ini.h"
#include "csvline.h"
#include "fmt.h"
#include "gaps.h"
#include "gazetteer.h"
#include "i18n.h"
#include "readfile.h"
#include "report_csv.h"
#include "xalloc.h"

/* A saved report is a few hundred lines; anything far larger is not one. */
#define SAVED_REPORT_MAX (16 << 20)

enum { COL_REGION_CODE = 0, COL_TYPE_CODE = 2, COL_PARTNERS = 4, COL_ACTIVITIES = 5,
       COL_REACHED = 10, COL_DEDUP = 11, COL_NEED = 12, COL_TARGET = 13, COLS = 16 };

void baseline_init(struct baseline *b)
{
	memset(b, 0, sizeof *b);
}

void baseline_free(struct baseline *b)
{
	free(b->region);
	free(b->cell);
	baseline_init(b);
}

static void baseline_size(struct baseline *b, const struct config *c)
{
	baseline_free(b);
	b->nregions = c->nregions;
	b->ntypes = c->ntypes;
	b->region = xcalloc(c->nregions + 1, sizeof *b->region);
	b->cell = xcalloc(c->nregions * c->ntypes + 1, sizeof *b->cell);
}

static struct base_figures of_measure(const struct measure *m, int64_t dedup, int64_t need,
                                      int64_t target)
{
	return (struct base_figures){ true, m->partners, m->activities, m->reached, dedup, need,
	                              target };
}

void baseline_from_cube(struct baseline *b, const struct config *c, const struct cube *q)
{
	baseline_size(b, c);
	b->total = of_measure(&q->total, q->total_dedup, q->total_in_need, q->total_targeted);
	for (size_t r = 0; r < c->nregions; r++) {
		const struct region *re = &c->regions[r];
		b->region[r] = of_measure(&q->region[r], q->region_dedup[r], re->in_need, re->targeted);
		for (size_t t = 0; t < c->ntypes; t++) {
			const struct measure *m = cube_cell(q, r, t);
			if (m->activities)
				b->cell[r * c->ntypes + t] = of_measure(m, -1, CONFIG_UNKNOWN, CONFIG_UNKNOWN);
		}
	}
}

/* ---- reading a saved report --------------------------------------------------- */

struct reading {
	struct baseline *b;
	const struct config *c;
	const char *path;
	unsigned line;
	size_t records;           /* lines read, the header included */
	struct csvline_cells cells;
	struct error *e;
};

__attribute__((format(printf, 3, 4)))
static bool fail_at(struct reading *rd, unsigned column, const char *fmt, ...)
{
	char msg[768];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return error_set(rd->e, "%s:%u:%u: %s", rd->path, rd->line, column, msg);
}

static const char *cell(const struct reading *rd, size_t i)
{
	return rd->cells.bytes + rd->cells.offs[i];
}

/* The header, cell by cell against the one report_csv writes: the first
 * that differs is named. */
static bool check_header(struct reading *rd)
{
	struct csvline_cells want = { 0 };
	bool ok = true;
	csvline_split(report_csv_header, strlen(report_csv_header), ',', &want);
	for (size_t i = 0; ok && i < want.n; i++) {
		const char *w = want.bytes + want.offs[i];
		if (i >= rd->cells.n)
			ok = fail_at(rd, (unsigned)i + 1, _("not a fourw report (fourw report --format csv): "
			             "the header stops before '%s'"), w);
		else if (strcmp(cell(rd, i), w) != 0)
			ok = fail_at(rd, (unsigned)i + 1, _("not a fourw report (fourw report --format csv): "
			             "expected column '%s', found '%s'"), w, cell(rd, i));
	}
	if (ok && rd->cells.n > want.n)
		ok = fail_at(rd, (unsigned)want.n + 1, _("not a fourw report (fourw report --format "
		             "csv): a column after '%s'"), want.bytes + want.offs[want.n - 1]);
	free(want.bytes);
	free(want.offs);
	free(want.line);
	return ok;
}

/* A count cell: digits, or empty where allow_empty (then `empty`). */
static bool count_cell(struct reading *rd, size_t col, bool allow_empty, int64_t empty,
                       int64_t *out)
{
	const char *s = cell(rd, col);
	*out = empty;
	if (!*s && allow_empty)
		return true;
	if (!ini_parse_whole(s, out))
		return fail_at(rd, (unsigned)col + 1, _("expected a whole number, got '%s'"), s);
	return true;
}

static int region_of_code(const struct config *c, const char *code)
{
	for (size_t r = 0; r < c->nregions; r++)
		if (strcmp(c->regions[r].codes[0].code, code) == 0)
			return (int)r;
	return -1;
}

/* Which line of the baseline a record fills: the whole, a region or a cell. */
static bool line_slot(struct reading *rd, struct base_figures **slot)
{
	const char *rc = cell(rd, COL_REGION_CODE), *tc = cell(rd, COL_TYPE_CODE);
	struct baseline *b = rd->b;
	if (strcmp(rc, "*") == 0) {
		*slot = &b->total;
		return true;
	}
	int r = region_of_code(rd->c, rc);
	if (r < 0)
		return fail_at(rd, COL_REGION_CODE + 1, _("region code '%s' is not a region of "
		               "this plan (config.ini)"), rc);
	if (strcmp(tc, "*") == 0) {
		*slot = &b->region[r];
		return true;
	}
	int t = config_type_by_code(rd->c, tc);
	if (t < 0)
		return fail_at(rd, COL_TYPE_CODE + 1, _("intervention type code '%s' is not a type "
		               "of this plan (config.ini)"), tc);
	*slot = &b->cell[(size_t)r * b->ntypes + (size_t)t];
	return true;
}

static bool read_record(struct reading *rd)
{
	struct base_figures *slot = NULL, f = { .listed = true };
	int64_t partners, activities;
	if (rd->cells.n != COLS)
		return fail_at(rd, rd->cells.n < COLS ? (unsigned)rd->cells.n : COLS + 1,
		               _("expected %d columns as the header has, found %zu"), COLS, rd->cells.n);
	if (!line_slot(rd, &slot) ||
	    !count_cell(rd, COL_PARTNERS, false, 0, &partners) ||
	    !count_cell(rd, COL_ACTIVITIES, false, 0, &activities) ||
	    !count_cell(rd, COL_REACHED, false, 0, &f.reached) ||
	    !count_cell(rd, COL_DEDUP, true, -1, &f.dedup) ||
	    !count_cell(rd, COL_NEED, true, CONFIG_UNKNOWN, &f.in_need) ||
	    !count_cell(rd, COL_TARGET, true, CONFIG_UNKNOWN, &f.targeted))
		return false;
	if (slot->listed)
		return fail_at(rd, 1, "%s", _("this region and type were given on an earlier line"));
	f.partners = (uint32_t)partners;
	f.activities = (uint32_t)activities;
	*slot = f;
	return true;
}

static bool read_lines(struct reading *rd, const char *s, size_t len)
{
	const char *end = s + len;
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;   /* a spreadsheet may have saved it with a BOM */
	for (rd->line = 1; s < end; rd->line++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) + 1 : (size_t)(end - s);
		enum csvline_result res = csvline_split(s, n, ',', &rd->cells);
		s += n;
		if (res == CSVLINE_BLANK)
			continue;
		if (res == CSVLINE_OTHER)
			return fail_at(rd, 1, "%s", _("not a line a fourw report writes"));
		if (rd->records++ == 0 ? !check_header(rd) : !read_record(rd))
			return false;
	}
	if (rd->records == 0)
		return error_set(rd->e, _("%s: empty: not a fourw report (fourw report --format csv)"),
		                 rd->path);
	return true;
}

bool baseline_read_report(struct baseline *b, const struct config *c, const char *path,
                          struct error *e)
{
	struct readfile f;
	char why[256];
	enum readfile_status st = readfile_read(path, SAVED_REPORT_MAX, &f);
	if (st != READFILE_OK) {
		readfile_describe(st, &f, SAVED_REPORT_MAX, why, sizeof why);
		return error_set(e, "%s: %s", path, why);
	}
	struct reading rd = { b, c, path, 0, 0, { 0 }, e };
	baseline_size(b, c);
	bool ok = read_lines(&rd, f.buf, f.len);
	free(f.buf);
	free(rd.cells.bytes);
	free(rd.cells.offs);
	free(rd.cells.line);
	if (!ok)
		baseline_free(b);
	return ok;
}

/* ---- what changed ----------------------------------------------------------- */

void change_list_free(struct change_list *l)
{
	free(l->items);
	memset(l, 0, sizeof *l);
}

static void add(struct change_list *l, struct change ch)
{
	if (l->len == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 32;
		l->items = xrealloc(l->items, l->cap * sizeof *l->items);
	}
	l->items[l->len++] = ch;
}

/* The comparable gaps of one region's figures: its severity for each of
 * GAP_NO_PRESENCE and GAP_LOW_COVERAGE, SEV_COUNT where none. */
static void region_gaps(const struct config *c, int64_t in_need, int64_t targeted,
                        uint32_t partners, int64_t dedup, enum severity sev[2])
{
	static const enum severity of_band[] = { [BAND_CRITICAL] = SEV_CRITICAL,
		[BAND_HIGH] = SEV_HIGH, [BAND_MEDIUM] = SEV_MEDIUM, [BAND_MET] = SEV_COUNT };
	double pct;
	sev[0] = (in_need > 0 || targeted > 0) && partners == 0 ? SEV_CRITICAL : SEV_COUNT;
	sev[1] = coverage_pct(dedup, targeted, &pct) ? of_band[gaps_coverage_band(&c->th, pct)]
	                                             : SEV_COUNT;
}

static void compare_gaps(const struct base_figures *was, const struct config *c,
                         const struct cube *q, int r, struct change_list *out)
{
	static const enum gap_kind kinds[2] = { GAP_NO_PRESENCE, GAP_LOW_COVERAGE };
	const struct region *re = &c->regions[r];
	enum severity then[2], now[2];
	region_gaps(c, was->in_need, was->targeted, was->partners, was->dedup, then);
	region_gaps(c, re->in_need, re->targeted, q->region[r].partners, q->region_dedup[r], now);
	for (int k = 0; k < 2; k++) {
		if (now[k] != SEV_COUNT && then[k] == SEV_COUNT)
			add(out, (struct change){ CHANGE_GAP_NEW, r, -1, 0, 0, kinds[k], now[k] });
		else if (now[k] == SEV_COUNT && then[k] != SEV_COUNT)
			add(out, (struct change){ CHANGE_GAP_CLOSED, r, -1, 0, 0, kinds[k], then[k] });
	}
}

static void compare_cells(const struct baseline *b, const struct cube *q, int r,
                          struct change_list *out)
{
	for (size_t t = 0; t < b->ntypes && t < q->ntypes; t++) {
		const struct base_figures *was = baseline_cell(b, (size_t)r, t);
		const struct measure *m = cube_cell(q, (size_t)r, t);
		bool before = was->listed && was->activities > 0;
		if (m->activities > 0 && !before)
			add(out, (struct change){ CHANGE_CELL_NEW, r, (int)t, 0, m->reached, 0, SEV_COUNT });
		else if (m->activities == 0 && before)
			add(out, (struct change){ CHANGE_CELL_GONE, r, (int)t, was->reached, 0, 0,
			                          SEV_COUNT });
	}
}

void compare_changes(const struct baseline *b, const struct config *c, const struct cube *q,
                     struct change_list *out)
{
	for (size_t r = 0; r < b->nregions && r < q->nregions; r++) {
		const struct base_figures *was = &b->region[r];
		/* a region the filter leaves out has no figure now, not a zero */
		if (!was->listed || !filter_has_region(&q->selection, (int)r))
			continue;
		if (was->dedup != q->region_dedup[r])
			add(out, (struct change){ CHANGE_REACHED, (int)r, -1, was->dedup,
			                          q->region_dedup[r], 0, SEV_COUNT });
		if (was->partners != q->region[r].partners)
			add(out, (struct change){ CHANGE_PARTNERS, (int)r, -1, was->partners,
			                          q->region[r].partners, 0, SEV_COUNT });
		compare_cells(b, q, (int)r, out);
		compare_gaps(was, c, q, (int)r, out);
	}
}

void compare_words(const struct change *c, const struct config *cfg, char *buf, size_t size)
{
	char n1[32], n2[32];
	const char *type = c->type >= 0 ? cfg->types[c->type].code : "";
	switch (c->kind) {
	case CHANGE_REACHED:
		snprintf(buf, size, _("reached %s → %s"), fmt_int(c->before, n1), fmt_int(c->now, n2));
		break;
	case CHANGE_PARTNERS:
		snprintf(buf, size, _("partners %lld → %lld"), (long long)c->before, (long long)c->now);
		break;
	case CHANGE_CELL_NEW:
		snprintf(buf, size, _("new %s"), type);
		break;
	case CHANGE_CELL_GONE:
		snprintf(buf, size, _("no more %s"), type);
		break;
	case CHANGE_GAP_NEW:
		snprintf(buf, size, _("new gap: %s (%s)"), gap_kind_label(c->gap),
		         severity_label(c->severity));
		break;
	case CHANGE_GAP_CLOSED:
		snprintf(buf, size, _("gap closed: %s"), gap_kind_label(c->gap));
		break;
	}
}

int compare_write(FILE *out, bool markdown, const char *name, const struct config *cfg,
                  const struct change_list *l)
{
	char words[160];
	int last = -1;
	fprintf(out, markdown ? _("\n## What changed since %s\n\n") : _("\nWhat changed since %s\n"),
	        name);
	for (size_t i = 0; i < l->len; i++) {
		const struct change *c = &l->items[i];
		compare_words(c, cfg, words, sizeof words);
		if (c->region == last) {
			fprintf(out, " · %s", words);
			continue;
		}
		if (last >= 0)
			fputc('\n', out);
		fprintf(out, markdown ? "- **%s**: %s" : "  %s: %s", cfg->regions[c->region].name, words);
		last = c->region;
	}
	fprintf(out, last >= 0 ? "\n" : markdown ? "%s\n" : "  %s\n", _("nothing changed"));
	return ferror(out) ? -1 : 0;
}
