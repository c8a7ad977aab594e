#include "loader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "colmap.h"
#include "dialect.h"
#include "i18n.h"
#include "textmemo.h"
#include "xalloc.h"

/* The cells of a record (trimmed when they were kept, see on_field), and
 * their lengths in ld->lens: each cell ends where the next begins. */
static const char *const *cells_of(struct loader *ld, char *bytes, const size_t *offs, size_t n)
{
	if (n + 1 > ld->cells_cap) {
		size_t cap = ld->cells_cap;
		ld->cells = xgrow(ld->cells, &cap, n + 1, sizeof *ld->cells);
		ld->lens = xgrow(ld->lens, &ld->cells_cap, n + 1, sizeof *ld->lens);
	}
	for (size_t i = 0; i < n; i++) {
		ld->cells[i] = bytes + offs[i];
		ld->lens[i] = i + 1 < n ? offs[i + 1] - offs[i] - 1 : strlen(bytes + offs[i]);
	}
	return ld->cells;
}

/* ---- data rows --------------------------------------------------------- */

static void count_outcome(struct loader *ld, enum row_outcome o)
{
	if (o == ROW_BLANK)
		return;
	ld->counts.read++;
	if (o == ROW_ACCEPTED)
		ld->counts.accepted++;
	else if (o == ROW_REJECTED)
		ld->counts.rejected++;
}

/* Cells past the header's width are ignored, and so are cells past COLS_MAX,
 * which were never kept: the partner hears of both. */
static void note_extra_cells(struct loader *ld, uint32_t line, const char *const *cells,
                             size_t n, size_t width, const struct overflow *of)
{
	for (size_t i = width; i < n; i++)
		if (cells[i][0]) {
			diag_add(&ld->t->diags, DIAG_WARNING, DC_EXTRA_CELLS, ld->ctx.source, line,
			         (uint32_t)i + 1,
			         _("this row has %zu cells but the header has %zu; '%s' and what "
			           "follows are ignored"), n + of->dropped, width, cells[i]);
			return;
		}
	if (of->dropped_text)
		diag_add(&ld->t->diags, DIAG_WARNING, DC_TOO_MANY_CELLS, ld->ctx.source, line,
		         COLS_MAX + 1,
		         _("this row has %zu cells, more than the %d a sheet can have; the cells "
		           "after column %d are ignored"), n + of->dropped, COLS_MAX, COLS_MAX);
}

/* A cell longer than Excel can hold did not come from a spreadsheet: most
 * often a quote opened and closed far below swallowed the lines between.
 * The cell was not kept (see on_field), so the row cannot be read. */
static bool reject_long_cell(struct loader *ld, uint32_t line, const struct overflow *of)
{
	if (!of->long_col)
		return false;
	diag_add(&ld->t->diags, DIAG_REJECT, DC_CELL_TOO_LONG, ld->ctx.source, line, of->long_col,
	         _("not read: this cell is %zu characters long, more than the %d a "
	           "spreadsheet cell can hold (a quote left open may have swallowed the "
	           "lines that follow)"), of->long_chars, CELL_MAX_CHARS);
	count_outcome(ld, ROW_REJECTED);
	return true;
}

/* A part (after the first) that started before the sheet's p-code system
 * was known keeps its rows until one shows it (loadsplit.c): a single pass
 * would have read them with the system the parts before end with. */
static bool await_system(struct loader *ld, uint32_t line, char *bytes, const size_t *offs,
                         size_t n, const struct overflow *of)
{
	if (!ld->awaiting_system)
		return false;
	int hint = of->long_col ? 0 : row_system_hint(&ld->ctx, cells_of(ld, bytes, offs, n), n);
	if (hint == 0) {
		saved_list_keep(&ld->waiting, line, bytes, offs, n, of);
		return true;
	}
	ld->ctx.system = hint;
	ld->awaiting_system = false;
	return false;
}

void loader_data_row(struct loader *ld, uint32_t line, char *bytes, const size_t *offs,
                     size_t n, const struct overflow *of)
{
	if (await_system(ld, line, bytes, offs, n, of))
		return;
	if (reject_long_cell(ld, line, of))
		return;
	const char *const *cells = cells_of(ld, bytes, offs, n);
	if (ld->missing_required) {
		enum row_outcome o = ROW_BLANK;
		for (size_t i = 0; i < n && o == ROW_BLANK; i++)
			if (cells[i][0])
				o = ROW_REJECTED;
		if (o == ROW_BLANK && of->dropped_text)
			o = ROW_REJECTED;
		if (o == ROW_REJECTED)
			diag_add(&ld->t->diags, DIAG_REJECT, DC_NO_REQUIRED_COLUMN, ld->ctx.source,
			         line, 0,
			         _("not read: the sheet has %s"), ld->missing_what);
		count_outcome(ld, o);
		return;
	}
	if (ld->ctx.system == 0)
		ld->ctx.system = row_system_hint(&ld->ctx, cells, n);
	enum row_outcome o = row_convert(&ld->ctx, line, cells, ld->lens, n);
	if (o == ROW_DEFERRED) {
		saved_list_keep(&ld->deferred, line, bytes, offs, n, of);
		return;
	}
	if (o == ROW_ACCEPTED && ld->width)
		note_extra_cells(ld, line, cells, n, ld->width, of);
	count_outcome(ld, o);
}

/* ---- header ------------------------------------------------------------ */

static const struct { enum field f[6]; const char *what; } required[] = {
	{ { F_REGION, F_REGION_CODE, F_CERCLE, F_CERCLE_CODE, F_COUNT }, N_("place (Region or Cercle)") },
	{ { F_ITYPE, F_ACTIVITY, F_COUNT }, N_("intervention type") },
	{ { F_GIRLS, F_BOYS, F_WOMEN, F_MEN, F_TOTAL, F_COUNT }, N_("people count (Girls, Boys, Women, Men or Total)") },
};

static bool people_placed(const struct people_plan *p)
{
	for (size_t k = 0; p && k < p->n; k++)
		if (!p->cols[k].why)
			return true;
	return false;
}

static bool group_found(const struct loader *ld, size_t r)
{
	const struct column_map *m = &ld->src->map;
	bool any = false;
	for (const enum field *f = required[r].f; *f != F_COUNT; f++)
		any |= m->col[*f] >= 0 || (*f == F_WOMEN && m->col[F_OLDER_WOMEN] >= 0) ||
		       (*f == F_TOTAL && people_placed(ld->src->people));
	return any;
}

static size_t nonblank_cells(const char *const *cells, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += cells[i][0] != '\0';
	return k;
}

/* The header's cells, quoted, up to about a line's worth: enough to see
 * what the partner wrote. */
static void print_headers(FILE *f, const char *const *hdr, size_t n)
{
	size_t shown = 0, left = nonblank_cells(hdr, n);
	for (size_t i = 0; i < n; i++) {
		if (!hdr[i][0])
			continue;
		if (ftell(f) >= 600 && left > 1) {
			fprintf(f, _(" … and %zu more"), left);
			return;
		}
		fprintf(f, "%s'%s'", shown++ ? ", " : "", hdr[i]);
		left--;
	}
	if (!shown)
		fputs(_("no text"), f);
}

/* Every required column the header lacks, in one note, with the headers
 * found and those config.ini recognises: the partner fixes the sheet once,
 * not once per column.  Every row of the sheet is then rejected. */
static void check_required(struct loader *ld, const char *const *hdr, size_t n)
{
	size_t miss[sizeof required / sizeof required[0]], nmiss = 0;
	for (size_t r = 0; r < sizeof required / sizeof required[0]; r++)
		if (!group_found(ld, r))
			miss[nmiss++] = r;
	if (!nmiss)
		return;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	for (size_t i = 0; i < nmiss; i++)
		fprintf(f, _("%sno %s column"), i == 0 ? "" : i + 1 == nmiss ? _(" and ") : ", ",
		        _(required[miss[i]].what));
	fflush(f);
	ld->missing_required = true;
	ld->missing_what = strpool_intern_cstr(&ld->t->strings, text);
	fputs(P_(" was recognised in the header; its rows cannot be counted. The header has ",
	         " were recognised in the header; its rows cannot be counted. The header has ",
	         nmiss), f);
	print_headers(f, hdr, n);
	fputs(_(". Recognised headers (config.ini [columns]; the whole header or whole words "
	        "of it, case and accents aside): "), f);
	for (size_t i = 0; i < nmiss; i++) {
		fputs(i ? "; " : "", f);
		colmap_print_aliases(f, ld->c, required[miss[i]].f);
	}
	fclose(f);
	diag_add(&ld->t->diags, DIAG_NOTE, DC_COLUMN_NOT_RECOGNISED, ld->ctx.source,
	         ld->src->header_line, 0, "%s", text);
	free(text);
}

#define PLACED_PEOPLE (-2)     /* in which[]: a #reached column no field took, read as people */

/* Names each HXL people column for the messages; a column no cell of sex ×
 * age can hold is said once for the sheet, with why (its figures are not
 * counted, and the partner hears of it). */
static void place_people(struct loader *ld, const char *const *h, const char *const *x,
                         int *which)
{
	struct people_plan *p = ld->src->people;
	if (p)
		colmap_people_fields(p, ld->src->map.col, which);
	for (size_t k = 0; p && k < p->n; k++) {
		struct people_col *pc = &p->cols[k];
		const char *label = h[pc->col][0] ? h[pc->col] : x[pc->col];
		pc->label = strpool_intern_cstr(&ld->t->strings, label);
		if (which[pc->col] < 0 && !pc->why)
			which[pc->col] = PLACED_PEOPLE;
		if (pc->why)
			diag_add(&ld->t->diags, DIAG_NOTE, DC_HXL_NOT_PLACED, ld->ctx.source,
			         ld->src->hxl_line, (uint32_t)pc->col + 1,
			         _("%s (%s): not counted, %s"), label, x[pc->col], _(pc->why));
	}
}

static void record_mapping(struct loader *ld, const char *const *hdr, size_t nh,
                           const char *const *hxl, size_t nx)
{
	size_t n = nh > nx ? nh : nx;
	const char **h = xcalloc(n, sizeof *h), **x = xcalloc(n, sizeof *x);
	int *which = xmalloc(n * sizeof *which);
	for (size_t i = 0; i < n; i++) {
		h[i] = i < nh ? hdr[i] : "";
		x[i] = i < nx ? hxl[i] : "";
	}
	struct source *s = ld->src;
	colmap_map(ld->c, h, hxl ? x : NULL, n, s->map.col, which);
	s->people = hxl ? colmap_people(x, n) : NULL;
	place_people(ld, h, x, which);
	s->unmapped = xcalloc(n, sizeof *s->unmapped);
	for (size_t i = 0; i < n; i++) {
		const char *label = h[i][0] ? h[i] : x[i];
		if (which[i] >= 0)
			s->map.header[which[i]] = strpool_intern_cstr(&ld->t->strings, label);
		else if (label[0] && which[i] != PLACED_PEOPLE)
			s->unmapped[s->nunmapped++] = strpool_intern_cstr(&ld->t->strings, label);
	}
	free(h);
	free(x);
	free(which);
}

/* Finds the header among the saved records: an HXL row (the row above it is
 * the display header), else the first row that looks most like a header. */
static bool find_header(struct loader *ld, size_t *header, size_t *hxl)
{
	int best = 1;
	bool found = false;
	for (size_t i = 0; i < ld->nhead; i++) {
		struct saved *s = &ld->head[i];
		const char *const *cells = cells_of(ld, s->bytes, s->offs, s->n);
		if (dialect_is_hxl_row(cells, s->n)) {
			*hxl = i;
			*header = i;       /* i itself when no display header is above */
			if (i > 0 && nonblank_cells(cells_of(ld, ld->head[i - 1].bytes,
			             ld->head[i - 1].offs, ld->head[i - 1].n), ld->head[i - 1].n) >= 2)
				*header = i - 1;
			return true;
		}
		int score = colmap_header_score(ld->c, cells, s->n);
		if (score > best) {
			best = score;
			*header = i;
			found = true;
		}
	}
	*hxl = SIZE_MAX;
	return found;
}

static void no_header(struct loader *ld)
{
	diag_add(&ld->t->diags, DIAG_NOTE, DC_HEADER_NOT_FOUND, ld->ctx.source, 0, 0,
	         _("no header row found in the first %d rows: expected columns such as "
	           "Région, Type d'intervention, Filles, Garçons (or an HXL hashtag row)"),
	         HEADER_SCAN);
	ld->missing_required = true;
	ld->missing_what = _("no recognisable header; no column");
}

/* Called once the first records are in (or at end of file). */
static void settle_header(struct loader *ld)
{
	size_t h = 0, x = SIZE_MAX, first_data = 0;
	ld->header_found = true;
	if (!find_header(ld, &h, &x)) {
		no_header(ld);
	} else {
		struct saved *hs = &ld->head[h];
		char *hb = hs->bytes;
		const char *const *hc = cells_of(ld, hb, hs->offs, hs->n);
		const char **hcopy = xmalloc((hs->n + 1) * sizeof *hcopy);
		memcpy(hcopy, hc, hs->n * sizeof *hcopy);
		const char *const *xc = NULL;
		size_t nx = 0;
		if (x != SIZE_MAX) {
			xc = cells_of(ld, ld->head[x].bytes, ld->head[x].offs, ld->head[x].n);
			nx = ld->head[x].n;
		}
		ld->src->header_line = hs->line;
		ld->src->hxl_line = x != SIZE_MAX ? ld->head[x].line : 0;
		record_mapping(ld, x == h ? xc : hcopy, x == h ? nx : hs->n, xc, nx);
		ld->width = hs->n > nx ? hs->n : nx;
		check_required(ld, x == h ? xc : hcopy, x == h ? nx : hs->n);
		free(hcopy);
		first_data = (x != SIZE_MAX ? x : h) + 1;
	}
	for (size_t i = first_data; i < ld->nhead; i++)
		loader_data_row(ld, ld->head[i].line, ld->head[i].bytes, ld->head[i].offs, ld->head[i].n,
		         &ld->head[i].of);
	for (size_t i = 0; i < ld->nhead; i++)
		saved_free(&ld->head[i]);
	ld->nhead = 0;
}

/* ---- libcsv callbacks -------------------------------------------------- */

/* Characters (not bytes) in a UTF-8 cell: what a spreadsheet counts. */
static size_t utf8_chars(const char *s, size_t len)
{
	size_t k = 0;
	for (size_t i = 0; i < len; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* Keeps a cell unless it is beyond the limits: a record holds at most
 * COLS_MAX cells of at most CELL_MAX_CHARS characters, so the loader's own
 * copy of a hostile row stays small; what was left out is noted in rec.of
 * and reported with the row. */
static void on_field(void *s, size_t len, void *data)
{
	struct loader *ld = data;
	struct record *r = &ld->rec;
	if (r->c.n == 0)
		r->line = ld->pending_start;
	if (!s)
		len = 0;
	if (r->c.n >= COLS_MAX) {
		r->of.dropped++;
		r->of.dropped_text |= len > 0;
		return;
	}
	if (len > CELL_MAX_CHARS) {
		size_t chars = utf8_chars(s, len);
		if (chars > CELL_MAX_CHARS && !r->of.long_col) {
			r->of.long_col = (uint32_t)r->c.n + 1;
			r->of.long_chars = chars;
		}
		if (chars > CELL_MAX_CHARS)
			len = 0;
	}
	const char *cell = len ? s : "";
	record_trim(&cell, &len);
	record_push(&r->c, cell, len);
}

static void on_record(int term, void *data)
{
	struct loader *ld = data;
	(void)term;
	if (!ld->header_found) {
		ld->head[ld->nhead++] = record_save(&ld->rec);
		if (ld->nhead == HEADER_SCAN)
			settle_header(ld);
		if (ld->header_found && ld->on_header)
			ld->on_header(ld, ld->on_header_arg);
	} else {
		loader_data_row(ld, ld->rec.line, ld->rec.c.bytes, ld->rec.c.offs, ld->rec.c.n,
		                &ld->rec.of);
	}
	ld->rec.c.n = 0;
	ld->rec.c.len = 0;
	ld->rec.of = (struct overflow){0};
}

/* libcsv keeps its state in the public struct; ROW_NOT_BEGUN is 0.  Knowing
 * whether a record is under way lets each record carry the physical line it
 * started on, even after a quoted field spanning lines. */
bool loader_between_records(const struct csv_parser *p)
{
	return p->pstate == 0;
}

static int space_only(unsigned char c)
{
	return c == ' ';
}

/* libcsv grows a cell's buffer 128 bytes per realloc.  Where realloc copies
 * (ASan, valgrind, many allocators) that is quadratic: minutes for one
 * 50 MB cell.  These hand it blocks that at least double instead, their
 * capacity kept in a header in front, so a growth step is usually a no-op. */
#define CSV_BLOCK_HEADER sizeof(max_align_t)

static void *csv_block_realloc(void *p, size_t n)
{
	char *h = p ? (char *)p - CSV_BLOCK_HEADER : NULL;
	size_t cap = 0;
	if (h)
		memcpy(&cap, h, sizeof cap);
	if (h && n <= cap)
		return p;
	size_t want = n > cap * 2 ? n : cap * 2;
	if (want < 1024)
		want = 1024;
	if (want > SIZE_MAX - CSV_BLOCK_HEADER)
		return NULL;
	h = realloc(h, CSV_BLOCK_HEADER + want);
	if (!h)
		return NULL;
	memcpy(h, &want, sizeof want);
	return h + CSV_BLOCK_HEADER;
}

static void csv_block_free(void *p)
{
	if (p)
		free((char *)p - CSV_BLOCK_HEADER);
}

/* End of the physical line starting at pos: after LF, CRLF, or a lone CR.
 * Excel's "CSV (Macintosh)" ends lines with CR alone, and libcsv ends a
 * record there too; counting only LFs would give every row of such a sheet
 * (or of one with mixed endings) the wrong line in its messages.  *nl caches
 * where the next LF is (len if none, SIZE_MAX before the first search), so a sheet of lone CRs is not
 * searched for an LF once per line. */
static size_t line_end(const char *text, size_t pos, size_t len, size_t *nl)
{
	if (*nl == SIZE_MAX || *nl < pos) {
		const char *p = memchr(text + pos, '\n', len - pos);
		*nl = p ? (size_t)(p - text) : len;
	}
	const char *cr = memchr(text + pos, '\r', *nl - pos);
	if (cr && cr + 1 < text + len && cr[1] != '\n')
		return (size_t)(cr - text) + 1;
	return *nl < len ? *nl + 1 : len;
}

/* A line csvline splits has too few bytes for more cells than COLS_MAX or
 * a cell longer than CELL_MAX_CHARS: on_field's limits are for libcsv's. */
_Static_assert(CSVLINE_MAX < COLS_MAX + 1 && CSVLINE_MAX <= CELL_MAX_CHARS,
               "csvline's lines stay within the limits");

/* A line met between records that csvline.h can split is split there;
 * false: give it to libcsv. */
static bool split_simple_line(struct loader *ld, const char *s, size_t n, char delim)
{
	struct record *r = &ld->rec;
	switch (csvline_split(s, n, delim, &r->c)) {
	case CSVLINE_RECORD:
		r->line = ld->pending_start;
		if (r->c.may_trim)         /* most lines have no cell to trim */
			record_trim_cells(&r->c);
		on_record('\n', ld);
		return true;
	case CSVLINE_BLANK:
		r->c.n = r->c.len = 0;
		return true;
	case CSVLINE_OTHER:
		break;
	}
	r->c.n = r->c.len = 0;
	r->of = (struct overflow){0};
	return false;
}

/* Feeds a run of whole lines (sheetio.h), one physical line at a time. */
static void feed_lines(struct loader *ld, struct csv_parser *p, const char *text, size_t len)
{
	size_t pos = 0, nl = SIZE_MAX;
	char delim = (char)csv_get_delim(p);
	while (pos < len) {
		size_t end = line_end(text, pos, len, &nl);
		ld->line++;
		bool between = loader_between_records(p);
		if (between)
			ld->pending_start = ld->line;
		if (!between || !split_simple_line(ld, text + pos, end - pos, delim))
			csv_parse(p, text + pos, end - pos, on_field, on_record, ld);
		pos = end;
	}
}

void loader_finish(struct loader *ld, struct csv_parser *p)
{
	uint32_t start = ld->pending_start;
	if (!loader_between_records(p) && p->quoted) {
		/* a quote never closed swallowed the rest of the file: one rejected
		 * row that says so, rather than a row of nonsense */
		csv_fini(p, NULL, NULL, NULL);
		diag_add(&ld->t->diags, DIAG_REJECT, DC_QUOTE_NEVER_CLOSED, ld->ctx.source,
		         start, 0,
		         _("a quoted cell opened on line %u is never closed; lines %u to %u "
		           "could not be read as rows"), start, start, ld->line);
		ld->counts.read++;
		ld->counts.rejected++;
		ld->rec.c.n = ld->rec.c.len = 0;
	} else {
		csv_fini(p, on_field, on_record, ld);
	}
	if (!ld->header_found)
		settle_header(ld);
}

/* Rows whose region depended on the sheet's system (ML09 with no name). */
void loader_resolve_deferred(struct loader *ld)
{
	if (ld->deferred.n && ld->ctx.system == 0) {
		ld->ctx.system = SYS_OLD;
		diag_add(&ld->t->diags, DIAG_NOTE, DC_SYSTEM_GUESSED, ld->ctx.source, 0, 0,
		         "%s", _("nothing in this sheet tells old p-codes from the 2023 ones; ML09 "
		                 "without a name is read as Bamako (old system)"));
	}
	for (size_t i = 0; i < ld->deferred.n; i++) {
		struct saved *s = &ld->deferred.items[i];
		const char *const *cells = cells_of(ld, s->bytes, s->offs, s->n);
		count_outcome(ld, row_convert(&ld->ctx, s->line, cells, ld->lens, s->n));
	}
	saved_list_free(&ld->deferred);
}

/* ---- one parse ------------------------------------------------------------ */

void loader_start(struct loader *ld, struct table *out, struct source *s, uint32_t source,
                  const struct config *c, struct csv_parser *p)
{
	*ld = (struct loader){ .t = out, .src = s, .c = c,
	                       .ctx = { .cfg = c, .table = out, .src = s, .source = source } };
	csv_init(p, CSV_APPEND_NULL | CSV_STRICT_FINI);
	csv_set_delim(p, (unsigned char)s->delimiter);
	csv_set_space_func(p, space_only);
	csv_set_realloc_func(p, csv_block_realloc);
	csv_set_free_func(p, csv_block_free);
}

void loader_end(struct loader *ld, struct csv_parser *p)
{
	csv_free(p);
	textmemo_free(&ld->ctx.memo);
	free(ld->rec.c.bytes);
	free(ld->rec.c.offs);
	free(ld->rec.c.line);
	free(ld->cells);
	free(ld->lens);
	saved_list_free(&ld->deferred);
	saved_list_free(&ld->waiting);
}

/* Feeds bytes [from, to) of the sheet; false if they could not all be read. */
bool loader_feed(struct loader *ld, struct csv_parser *p, const struct sheet_bytes *b,
                 enum sheetio_decode d, size_t from, size_t to, int *err)
{
	struct line_reader r;
	const char *text;
	size_t len;
	line_reader_init(&r, b, d, from, to);
	while (line_reader_next(&r, &text, &len))
		feed_lines(ld, p, text, len);
	*err = r.err;
	bool whole = r.pos >= to;
	line_reader_free(&r);
	return whole;
}

