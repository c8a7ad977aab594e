#include "load.h"

#include <csv.h>
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "colmap.h"
#include "csvline.h"
#include "dialect.h"
#include "encoding.h"
#include "memo.h"
#include "orgnames.h"
#include "parse.h"
#include "readfile.h"
#include "row.h"
#include "sha256.h"
#include "sheetio.h"
#include "xalloc.h"

/* HXL allows up to 24 header rows before the hashtag row; the header is
 * looked for in this many records. */
#define HEADER_SCAN 26

/* Limits (README.md, "Limits").  A sheet beyond them is refused, or the row
 * rejected, with a message: hostile or broken input never costs unbounded
 * memory or time, and never a row lost without a word. */
#define SHEET_MAX_BYTES ((off_t)1 << 30)  /* 1 GiB; also keeps line numbers in 32 bits */
#define CELL_MAX_CHARS 32767   /* Excel's own limit for one cell */
#define COLS_MAX 16384         /* Excel's own limit (column XFD) */

static bool plain_lines = true;   /* see split_simple_line */

void load_set_plain_lines(bool on)
{
	plain_lines = on;
}

/* What a record held beyond the limits: the cells themselves are not kept. */
struct overflow {
	size_t dropped;            /* cells past COLS_MAX */
	bool dropped_text;         /* at least one of them was not empty */
	uint32_t long_col;         /* 1-based column of the first cell over CELL_MAX_CHARS, 0 if none */
	size_t long_chars;         /* its length in characters */
};

/* One record: its cells, NUL-separated in one buffer. */
struct record {
	uint32_t line;
	char *bytes;
	size_t len, cap;
	size_t *offs;
	size_t n, offcap;
	struct overflow of;
};

struct saved {                 /* a record kept for later (header scan, deferral) */
	uint32_t line;
	char *bytes;
	size_t *offs;
	size_t n;
	struct overflow of;
};

/* Rows of one sheet (or of one part of it) by outcome; blank lines are not rows. */
struct counts {
	size_t read, accepted, rejected;
};

struct split;

struct saved_list {
	struct saved *items;
	size_t n, cap;
};

/* One parse of a sheet, or of the second part of one (see "Two parts"
 * below): each has its own parser, records and answers. */
struct loader {
	struct table *t;           /* where rows, messages and strings go */
	struct source *src;        /* the sheet; only the first part writes to it */
	const struct config *c;
	struct row_context ctx;
	struct counts counts;
	struct split *split;       /* the sheet is read in two parts; NULL: in one */
	bool plain_lines;          /* split simple lines without libcsv (csvline.h) */
	struct csvline_scratch scratch;
	size_t width;              /* cells in the header row */
	uint32_t line;             /* physical line being fed to the parser */
	uint32_t pending_start;    /* line where the next record would start */
	bool in_record;
	struct record rec;
	bool header_found;
	bool missing_required;     /* the sheet lacks a required column: every row rejected */
	const char *missing_what;
	struct saved head[HEADER_SCAN];
	size_t nhead;
	struct saved_list deferred; /* rows waiting for the sheet's p-code system */
	bool awaiting_system;      /* second part only: keep rows until one shows the system */
	struct saved_list waiting; /* those rows, read again when the parts are joined */
	const char **cells;        /* scratch array of cell pointers */
	size_t cells_cap;
};

static struct source *src(struct loader *ld)
{
	return ld->src;
}

/* ---- records ----------------------------------------------------------- */

static void record_push(struct record *r, const char *s, size_t len)
{
	if (r->n + 1 > r->offcap)
		r->offs = xgrow(r->offs, &r->offcap, r->n + 1, sizeof *r->offs);
	if (r->len + len + 1 > r->cap)
		r->bytes = xgrow(r->bytes, &r->cap, r->len + len + 1, 1);
	r->offs[r->n++] = r->len;
	memcpy(r->bytes + r->len, s, len);
	r->len += len;
	r->bytes[r->len++] = '\0';
}

static bool is_trim_byte(const unsigned char *s, size_t len, size_t *w)
{
	if (len >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n')) {
		*w = 1;
		return true;
	}
	if (len >= 2 && s[0] == 0xC2 && s[1] == 0xA0) {        /* NBSP */
		*w = 2;
		return true;
	}
	if (len >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xAF) {   /* narrow NBSP */
		*w = 3;
		return true;
	}
	return false;
}

/* Trims spaces, tabs and no-break spaces around the cell *s[0..*len), as
 * Excel leaves them. */
static void trim(const char **s, size_t *len)
{
	const char *p = *s;
	size_t n = *len, w;
	while (n && is_trim_byte((const unsigned char *)p, n, &w)) {
		p += w;
		n -= w;
	}
	for (;;) {
		if (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
			n--;
		else if (n >= 2 && (unsigned char)p[n - 2] == 0xC2 && (unsigned char)p[n - 1] == 0xA0)
			n -= 2;
		else if (n >= 3 && (unsigned char)p[n - 3] == 0xE2 &&
		         (unsigned char)p[n - 2] == 0x80 && (unsigned char)p[n - 1] == 0xAF)
			n -= 3;
		else
			break;
	}
	*s = p;
	*len = n;
}

/* The cells of a record (trimmed when they were kept, see on_field). */
static const char *const *cells_of(struct loader *ld, char *bytes, const size_t *offs, size_t n)
{
	ld->cells = xgrow(ld->cells, &ld->cells_cap, n + 1, sizeof *ld->cells);
	for (size_t i = 0; i < n; i++)
		ld->cells[i] = bytes + offs[i];
	return ld->cells;
}

static struct saved save(const struct record *r)
{
	struct saved s = { .line = r->line, .n = r->n, .of = r->of };
	s.bytes = xmalloc(r->len ? r->len : 1);
	memcpy(s.bytes, r->bytes, r->len);
	s.offs = xmalloc((r->n ? r->n : 1) * sizeof *s.offs);
	memcpy(s.offs, r->offs, r->n * sizeof *s.offs);
	return s;
}

static void saved_free(struct saved *s)
{
	free(s->bytes);
	free(s->offs);
}

static void saved_list_free(struct saved_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		saved_free(&l->items[i]);
	free(l->items);
	*l = (struct saved_list){0};
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
			diag_add(&ld->t->diags, DIAG_WARNING, ld->ctx.source, line, (uint32_t)i + 1,
			         "this row has %zu cells but the header has %zu; '%s' and what "
			         "follows are ignored", n + of->dropped, width, cells[i]);
			return;
		}
	if (of->dropped_text)
		diag_add(&ld->t->diags, DIAG_WARNING, ld->ctx.source, line, COLS_MAX + 1,
		         "this row has %zu cells, more than the %d a sheet can have; the cells "
		         "after column %d are ignored", n + of->dropped, COLS_MAX, COLS_MAX);
}

/* A cell longer than Excel can hold did not come from a spreadsheet: most
 * often a quote opened and closed far below swallowed the lines between.
 * The cell was not kept (see on_field), so the row cannot be read. */
static bool reject_long_cell(struct loader *ld, uint32_t line, const struct overflow *of)
{
	if (!of->long_col)
		return false;
	diag_add(&ld->t->diags, DIAG_REJECT, ld->ctx.source, line, of->long_col,
	         "not read: this cell is %zu characters long, more than the %d a "
	         "spreadsheet cell can hold (a quote left open may have swallowed the "
	         "lines that follow)", of->long_chars, CELL_MAX_CHARS);
	count_outcome(ld, ROW_REJECTED);
	return true;
}

static void keep(struct saved_list *l, uint32_t line, char *bytes, const size_t *offs, size_t n,
                 const struct overflow *of)
{
	struct record tmp = {
		.line = line, .bytes = bytes, .offs = (size_t *)offs, .n = n, .of = *of,
		.len = n ? offs[n - 1] + strlen(bytes + offs[n - 1]) + 1 : 0,
	};
	l->items = xgrow(l->items, &l->cap, l->n + 1, sizeof *l->items);
	l->items[l->n++] = save(&tmp);
}

/* A second part that started before the sheet's p-code system was known
 * keeps its rows until one shows it (see "Two parts" below): a single pass
 * would have read them with the system the first part ends with. */
static bool await_system(struct loader *ld, uint32_t line, char *bytes, const size_t *offs,
                         size_t n, const struct overflow *of)
{
	if (!ld->awaiting_system)
		return false;
	int hint = of->long_col ? 0 : row_system_hint(&ld->ctx, cells_of(ld, bytes, offs, n), n);
	if (hint == 0) {
		keep(&ld->waiting, line, bytes, offs, n, of);
		return true;
	}
	ld->ctx.system = hint;
	ld->awaiting_system = false;
	return false;
}

static void data_row(struct loader *ld, uint32_t line, char *bytes, const size_t *offs, size_t n,
                     const struct overflow *of)
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
			diag_add(&ld->t->diags, DIAG_REJECT, ld->ctx.source, line, 0,
			         "not read: the sheet has no %s column", ld->missing_what);
		count_outcome(ld, o);
		return;
	}
	if (ld->ctx.system == 0)
		ld->ctx.system = row_system_hint(&ld->ctx, cells, n);
	enum row_outcome o = row_convert(&ld->ctx, line, cells, n);
	if (o == ROW_DEFERRED) {
		keep(&ld->deferred, line, bytes, offs, n, of);
		return;
	}
	if (o == ROW_ACCEPTED && ld->width)
		note_extra_cells(ld, line, cells, n, ld->width, of);
	count_outcome(ld, o);
}

/* ---- header ------------------------------------------------------------ */

static const struct { enum field f[6]; const char *what; } required[] = {
	{ { F_REGION, F_REGION_CODE, F_CERCLE, F_CERCLE_CODE, F_COUNT }, "place (Region or Cercle)" },
	{ { F_ITYPE, F_ACTIVITY, F_COUNT }, "intervention type" },
	{ { F_GIRLS, F_BOYS, F_WOMEN, F_MEN, F_TOTAL, F_COUNT }, "people count (Girls, Boys, Women, Men or Total)" },
};

static void check_required(struct loader *ld)
{
	const struct column_map *m = &src(ld)->map;
	for (size_t r = 0; r < sizeof required / sizeof required[0]; r++) {
		bool any = false;
		for (const enum field *f = required[r].f; *f != F_COUNT; f++)
			any |= m->col[*f] >= 0 || (*f == F_WOMEN && m->col[F_OLDER_WOMEN] >= 0);
		if (!any) {
			ld->missing_required = true;
			ld->missing_what = required[r].what;
			diag_add(&ld->t->diags, DIAG_NOTE, ld->ctx.source, src(ld)->header_line, 0,
			         "no %s column was recognised in the header; its rows cannot be "
			         "counted", required[r].what);
			return;
		}
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
	struct source *s = src(ld);
	colmap_map(ld->c, h, hxl ? x : NULL, n, s->map.col, which);
	s->unmapped = xcalloc(n, sizeof *s->unmapped);
	for (size_t i = 0; i < n; i++) {
		const char *label = h[i][0] ? h[i] : x[i];
		if (which[i] >= 0)
			s->map.header[which[i]] = strpool_intern_cstr(&ld->t->strings, label);
		else if (label[0])
			s->unmapped[s->nunmapped++] = strpool_intern_cstr(&ld->t->strings, label);
	}
	free(h);
	free(x);
	free(which);
}

static size_t nonblank_cells(const char *const *cells, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += cells[i][0] != '\0';
	return k;
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
	diag_add(&ld->t->diags, DIAG_NOTE, ld->ctx.source, 0, 0,
	         "no header row found in the first %d rows: expected columns such as "
	         "Région, Type d'intervention, Filles, Garçons (or an HXL hashtag row)",
	         HEADER_SCAN);
	ld->missing_required = true;
	ld->missing_what = "recognisable header; no";
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
		src(ld)->header_line = hs->line;
		src(ld)->hxl_line = x != SIZE_MAX ? ld->head[x].line : 0;
		record_mapping(ld, x == h ? xc : hcopy, x == h ? nx : hs->n, xc, nx);
		ld->width = hs->n > nx ? hs->n : nx;
		free(hcopy);
		check_required(ld);
		first_data = (x != SIZE_MAX ? x : h) + 1;
	}
	for (size_t i = first_data; i < ld->nhead; i++)
		data_row(ld, ld->head[i].line, ld->head[i].bytes, ld->head[i].offs, ld->head[i].n,
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
	if (r->n == 0)
		r->line = ld->pending_start;
	if (!s)
		len = 0;
	if (r->n >= COLS_MAX) {
		r->of.dropped++;
		r->of.dropped_text |= len > 0;
		return;
	}
	if (len > CELL_MAX_CHARS) {
		size_t chars = utf8_chars(s, len);
		if (chars > CELL_MAX_CHARS && !r->of.long_col) {
			r->of.long_col = (uint32_t)r->n + 1;
			r->of.long_chars = chars;
		}
		if (chars > CELL_MAX_CHARS)
			len = 0;
	}
	const char *cell = len ? s : "";
	trim(&cell, &len);
	record_push(r, cell, len);
}

static void split_share_header(struct loader *ld);

static void on_record(int term, void *data)
{
	struct loader *ld = data;
	(void)term;
	if (!ld->header_found) {
		ld->head[ld->nhead++] = save(&ld->rec);
		if (ld->nhead == HEADER_SCAN)
			settle_header(ld);
		if (ld->header_found && ld->split)
			split_share_header(ld);
	} else {
		data_row(ld, ld->rec.line, ld->rec.bytes, ld->rec.offs, ld->rec.n, &ld->rec.of);
	}
	ld->rec.n = 0;
	ld->rec.len = 0;
	ld->rec.of = (struct overflow){0};
}

/* libcsv keeps its state in the public struct; ROW_NOT_BEGUN is 0.  Knowing
 * whether a record is under way lets each record carry the physical line it
 * started on, even after a quoted field spanning lines. */
static bool parser_between_records(const struct csv_parser *p)
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

/* A line met between records that csvline.h can split is split there;
 * false: give it to libcsv. */
static bool split_simple_line(struct loader *ld, const char *s, size_t n, char delim)
{
	if (!ld->plain_lines)
		return false;
	switch (csvline_split(s, n, delim, &ld->scratch, on_field, ld)) {
	case CSVLINE_RECORD:
		on_record('\n', ld);
		return true;
	case CSVLINE_BLANK:
		return true;
	case CSVLINE_OTHER:
		break;
	}
	ld->rec.n = ld->rec.len = 0;      /* the cells it gave are read again by libcsv */
	ld->rec.of = (struct overflow){0};
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
		bool between = parser_between_records(p);
		if (between)
			ld->pending_start = ld->line;
		if (!between || !split_simple_line(ld, text + pos, end - pos, delim))
			csv_parse(p, text + pos, end - pos, on_field, on_record, ld);
		pos = end;
	}
}

static void finish_parse(struct loader *ld, struct csv_parser *p)
{
	uint32_t start = ld->pending_start;
	if (!parser_between_records(p) && p->quoted) {
		/* a quote never closed swallowed the rest of the file: one rejected
		 * row that says so, rather than a row of nonsense */
		csv_fini(p, NULL, NULL, NULL);
		diag_add(&ld->t->diags, DIAG_REJECT, ld->ctx.source, start, 0,
		         "a quoted cell opened on line %u is never closed; lines %u to %u "
		         "could not be read as rows", start, start, ld->line);
		ld->counts.read++;
		ld->counts.rejected++;
		ld->rec.n = ld->rec.len = 0;
	} else {
		csv_fini(p, on_field, on_record, ld);
	}
	if (!ld->header_found)
		settle_header(ld);
}

/* Rows whose region depended on the sheet's system (ML09 with no name). */
static void resolve_deferred(struct loader *ld)
{
	if (ld->deferred.n && ld->ctx.system == 0) {
		ld->ctx.system = SYS_OLD;
		diag_add(&ld->t->diags, DIAG_NOTE, ld->ctx.source, 0, 0,
		         "nothing in this sheet tells old p-codes from the 2023 ones; ML09 "
		         "without a name is read as Bamako (old system)");
	}
	for (size_t i = 0; i < ld->deferred.n; i++) {
		struct saved *s = &ld->deferred.items[i];
		count_outcome(ld, row_convert(&ld->ctx, s->line,
		                              cells_of(ld, s->bytes, s->offs, s->n), s->n));
	}
	saved_list_free(&ld->deferred);
}

/* Per-sheet figures for `check`: its rows, warnings and latest period. */
static void finish_source(struct table *t, struct loader *ld, size_t first_row,
                          size_t warnings_before)
{
	struct source *s = ld->src;
	s->rows_read = ld->counts.read;
	s->accepted = ld->counts.accepted;
	s->rejected = ld->counts.rejected;
	s->system = ld->ctx.system;
	s->warnings = t->diags.warnings - warnings_before;
	for (size_t i = first_row; i < t->len; i++) {
		int p = activity_period(&t->rows[i]);
		if (p > s->latest_month)
			s->latest_month = p;
	}
}

/* ---- one parse ------------------------------------------------------------ */

static void loader_start(struct loader *ld, struct table *out, struct source *s,
                         uint32_t source, const struct config *c, struct csv_parser *p)
{
	*ld = (struct loader){ .t = out, .src = s, .c = c, .plain_lines = plain_lines,
	                       .ctx = { .cfg = c, .table = out, .src = s, .source = source } };
	csv_init(p, CSV_APPEND_NULL | CSV_STRICT_FINI);
	csv_set_delim(p, (unsigned char)s->delimiter);
	csv_set_space_func(p, space_only);
	csv_set_realloc_func(p, csv_block_realloc);
	csv_set_free_func(p, csv_block_free);
}

static void loader_end(struct loader *ld, struct csv_parser *p)
{
	csv_free(p);
	textmemo_free(&ld->ctx.memo);
	free(ld->rec.bytes);
	free(ld->rec.offs);
	free(ld->cells);
	free(ld->scratch.buf);
	saved_list_free(&ld->deferred);
	saved_list_free(&ld->waiting);
}

/* Feeds bytes [from, to) of the sheet; false if they could not all be read. */
static bool feed_range(struct loader *ld, struct csv_parser *p, const struct sheet_bytes *b,
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

/* ---- two parts -------------------------------------------------------------- */

/* A large sheet is parsed in two parts at once, one per core.  The second
 * part starts at a line end S in the middle where the number of quote
 * characters before it is even: a row boundary, unless a stray quote inside
 * an unquoted cell fooled the count.  So nothing is assumed: the second
 * part's rows are kept only if, when the first part reaches S, its parser
 * is indeed between records, its header was settled before S, and its
 * p-code system is the one the second part started with.  Otherwise the
 * second part's work is dropped and the first part reads on past S itself.
 * Either way every row gets exactly the answer a single pass would give. */
#define SPLIT_MIN_BYTES ((size_t)4 << 20)

static size_t split_min = SPLIT_MIN_BYTES;
static size_t splits_taken, splits_dropped;   /* for the tests: both paths are taken */

void load_split_counts(size_t *taken, size_t *dropped)
{
	*taken = splits_taken;
	*dropped = splits_dropped;
}

void load_set_split_min(size_t bytes)
{
	split_min = bytes;
}

enum split_state { SPLIT_WAITING, SPLIT_GO, SPLIT_ABORT };

struct split {
	size_t at;                 /* S: where the second part starts */
	uint32_t line_base;        /* physical lines before S */
	const struct sheet_bytes *bytes;
	enum sheetio_decode decode;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	enum split_state state;
	struct loader first;       /* the first part's header state, copied at SPLIT_GO */
	struct table part;         /* the second part's rows (in the table's own array), messages, strings */
	struct loader second;
	struct csv_parser parser;
	int err;
};

static void split_signal(struct split *sp, enum split_state st)
{
	pthread_mutex_lock(&sp->lock);
	if (sp->state == SPLIT_WAITING)
		sp->state = st;
	pthread_cond_signal(&sp->changed);
	pthread_mutex_unlock(&sp->lock);
}

/* Called by the first part once its header is settled. */
static void split_share_header(struct loader *ld)
{
	struct split *sp = ld->split;
	ld->split = NULL;
	sp->first = *ld;
	split_signal(sp, SPLIT_GO);
}

static void *second_part(void *arg)
{
	struct split *sp = arg;
	pthread_mutex_lock(&sp->lock);
	while (sp->state == SPLIT_WAITING)
		pthread_cond_wait(&sp->changed, &sp->lock);
	enum split_state st = sp->state;
	pthread_mutex_unlock(&sp->lock);
	if (st != SPLIT_GO)
		return NULL;
	struct loader *ld = &sp->second;
	const struct loader *first = &sp->first;
	loader_start(ld, &sp->part, first->src, first->ctx.source, first->c, &sp->parser);
	ld->header_found = true;
	ld->width = first->width;
	ld->missing_required = first->missing_required;
	ld->missing_what = first->missing_what;
	ld->ctx.system = first->ctx.system;
	ld->awaiting_system = ld->ctx.system == 0 && !ld->missing_required;
	ld->line = sp->line_base;
	feed_range(ld, &sp->parser, sp->bytes, sp->decode, sp->at, sp->bytes->len, &sp->err);
	finish_parse(ld, &sp->parser);
	return NULL;
}

/* S: the first line end at or after `mid` with an even number of quotes
 * before it (`quotes` and `line_ends` counted up to mid); 0 if none. */
static size_t find_split(const struct sheet_bytes *b, size_t mid, size_t quotes,
                         size_t line_ends, uint32_t *line_base)
{
	char buf[4096];
	int err = 0;
	for (size_t at = mid; at < b->len;) {
		size_t n = sheetio_read(b, at, buf, sizeof buf, &err);
		if (n < 2)
			return 0;
		for (size_t i = 0; i + 1 < n; i++) {
			char c = buf[i];
			quotes += c == '"';
			if (c == '\n' || (c == '\r' && buf[i + 1] != '\n')) {
				line_ends++;
				if (quotes % 2 == 0 && line_ends < UINT32_MAX) {
					*line_base = (uint32_t)line_ends;
					return at + i + 1;
				}
			}
		}
		at += n - 1;
	}
	return 0;
}

/* Starts the second part at S if the sheet is large enough; false: one part. */
static bool split_start(struct split *sp, struct loader *first, const struct sheet_bytes *b,
                        enum sheetio_decode d, size_t mid, const struct survey *before_mid)
{
	if (b->len < split_min || mid == 0 || mid >= b->len)
		return false;
	memset(sp, 0, sizeof *sp);
	sp->at = find_split(b, mid, before_mid->quotes, before_mid->line_ends, &sp->line_base);
	if (sp->at == 0 || sp->at >= b->len)
		return false;
	sp->bytes = b;
	sp->decode = d;
	sp->state = SPLIT_WAITING;
	table_init(&sp->part);
	/* the second part's rows go straight into the table's own array, after
	 * room for every line before S (a row starts on a line of its own) */
	struct table *t = first->t;
	sp->part.rows = t->rows + t->len + sp->line_base + 1;
	sp->part.cap = t->cap - (t->len + sp->line_base + 1);
	pthread_mutex_init(&sp->lock, NULL);
	pthread_cond_init(&sp->changed, NULL);
	if (pthread_create(&sp->thread, NULL, second_part, sp) != 0) {
		sp->part.rows = NULL;
		table_free(&sp->part);
		pthread_mutex_destroy(&sp->lock);
		pthread_cond_destroy(&sp->changed);
		return false;
	}
	first->split = sp;
	return true;
}

/* The second part's first rows, kept until one showed the sheet's system,
 * are read now by the first part: their rows come before the second
 * part's own, which move up if they need the room. */
static void read_waiting(struct loader *ld, struct split *sp)
{
	struct table *t = ld->t, *part = &sp->part;
	struct saved_list *w = &sp->second.waiting;
	size_t room = (size_t)(part->rows - t->rows) - t->len;
	if (w->n > room) {
		memmove(part->rows + (w->n - room), part->rows, part->len * sizeof *part->rows);
		part->rows += w->n - room;
	}
	for (size_t i = 0; i < w->n; i++) {
		struct saved *r = &w->items[i];
		data_row(ld, r->line, r->bytes, r->offs, r->n, &r->of);
	}
}

struct remap {
	struct strpool *to;
	struct memo *map;
};

static void remap_one(const char *s, size_t n, void *data)
{
	struct remap *r = data;
	memo_put(r->map, 1, s, NULL, (int64_t)(intptr_t)strpool_intern(r->to, s, n));
}

/* The second part's strings, interned again in the table's own pool. */
static void remap_strings(struct table *t, const struct strpool *from, struct memo *map)
{
	struct remap r = { &t->strings, map };
	strpool_each(from, remap_one, &r);
}

static const char *remapped(const struct memo *map, const char *s)
{
	int64_t v = 0;
	memo_get(map, 1, s, NULL, &v);
	return (const char *)(intptr_t)v;
}

/* Appends the second part's rows (moving down, never onto one not yet
 * moved) and messages to the first's, in file order. */
static void take_rows(struct loader *ld, struct split *sp)
{
	struct table *t = ld->t, *part = &sp->part;
	struct memo map = {0};
	remap_strings(t, &part->strings, &map);
	for (size_t i = 0; i < part->len; i++) {
		struct activity a = part->rows[i];
		a.org = remapped(&map, a.org);
		a.partner = remapped(&map, a.partner);
		a.activity = remapped(&map, a.activity);
		a.commune = remapped(&map, a.commune);
		t->rows[t->len++] = a;
	}
	memo_free(&map);
	for (size_t i = 0; i < part->diags.len; i++) {
		const struct diag *d = &part->diags.items[i];
		diag_add(&t->diags, d->level, d->source, d->line, d->col, "%s", d->msg);
	}
}

/* Joins the second part to the first. */
static void split_merge(struct loader *ld, struct split *sp)
{
	struct loader *two = &sp->second;
	read_waiting(ld, sp);
	take_rows(ld, sp);
	ld->counts.read += two->counts.read;
	ld->counts.accepted += two->counts.accepted;
	ld->counts.rejected += two->counts.rejected;
	if (ld->ctx.system == 0)
		ld->ctx.system = two->ctx.system;
	for (size_t i = 0; i < two->deferred.n; i++) {
		struct saved *d = &two->deferred.items[i];
		keep(&ld->deferred, d->line, d->bytes, d->offs, d->n, &d->of);
	}
	ld->line = two->line;
}

/* The second part read its rows as a single pass would have: the first
 * part ended between records at S, and its system (if any) is the one the
 * second part used (a second part still awaiting the system used none). */
static bool split_sound(const struct loader *ld, const struct csv_parser *p,
                        const struct split *sp)
{
	const struct loader *two = &sp->second;
	return sp->state == SPLIT_GO && parser_between_records(p) && ld->rec.n == 0 &&
	       (ld->ctx.system == 0 || two->awaiting_system || ld->ctx.system == two->ctx.system);
}

/* Waits for the second part; true if its rows were taken. */
static bool split_finish(struct loader *ld, struct csv_parser *p, struct split *sp)
{
	if (ld->split)                     /* no header before S */
		split_signal(sp, SPLIT_ABORT);
	ld->split = NULL;
	pthread_join(sp->thread, NULL);
	bool sound = split_sound(ld, p, sp);
	if (sound)
		split_merge(ld, sp);
	*(sound ? &splits_taken : &splits_dropped) += 1;
	if (sp->state == SPLIT_GO)
		loader_end(&sp->second, &sp->parser);
	sp->part.rows = NULL;              /* borrowed from the table */
	table_free(&sp->part);
	pthread_mutex_destroy(&sp->lock);
	pthread_cond_destroy(&sp->changed);
	return sound;
}

/* ---- one sheet -------------------------------------------------------------- */

/* The sheet's bytes as the parser will see them. */
struct sheet {
	struct sheet_bytes bytes;  /* the file, or its decoded copy */
	enum sheetio_decode decode;
	size_t start;              /* after a UTF-8 BOM */
	size_t mid;                /* where the survey was cut in two (0: it was not) */
	struct survey head, all;   /* survey of [start, mid), and of the whole */
	char *decoded;             /* the copy, when there is one */
};

struct survey_job {
	const struct sheet_bytes *b;
	size_t from, to;
	struct survey s;
};

static void *survey_job_run(void *arg)
{
	struct survey_job *j = arg;
	sheetio_survey(j->b, j->from, j->to, &j->s);
	return NULL;
}

/* Surveys the sheet, the halves of a large one at once. */
static void survey_sheet(struct sheet *sh)
{
	const struct sheet_bytes *b = &sh->bytes;
	struct survey_job two = { b, 0, b->len, {0} };
	pthread_t th;
	sh->mid = 0;
	if (b->len >= split_min && b->len - sh->start >= 2) {
		size_t mid = sheetio_char_start(b, sh->start + (b->len - sh->start) / 2);
		two.from = mid;
		if (mid > sh->start && mid < b->len &&
		    pthread_create(&th, NULL, survey_job_run, &two) == 0) {
			sheetio_survey(b, sh->start, mid, &sh->head);
			pthread_join(th, NULL);
			sh->mid = mid;
			sh->all = sh->head;
			sheetio_survey_join(&sh->all, &two.s);
			return;
		}
	}
	sheetio_survey(b, sh->start, b->len, &sh->all);
}

static bool starts_with_bom(const struct sheet_bytes *b)
{
	char head[3];
	int err = 0;
	return sheetio_read(b, 0, head, 3, &err) == 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0;
}

/* A BOM that says UTF-8 over bytes that are not: the stray bytes are read
 * as Windows-1252 and the rest kept (encoding.c), in a decoded copy. */
static bool decode_whole(struct sheet *sh, int *err)
{
	size_t len = sh->bytes.len;
	char *raw = xmalloc(len + 1);
	size_t n = sheetio_read(&sh->bytes, 0, raw, len, err);
	enum encoding enc;
	size_t ulen;
	sh->decoded = encoding_to_utf8(raw, n, &enc, &ulen);
	free(raw);
	sh->bytes = (struct sheet_bytes){ .fd = -1, .mem = sh->decoded, .len = ulen };
	sh->start = 0;
	survey_sheet(sh);
	return n == len;
}

static void note_nuls(struct table *t, uint32_t source, const struct survey *s)
{
	diag_add(&t->diags, DIAG_NOTE, source, (uint32_t)(s->first_nul_line_ends + 1), 0,
	         "the file holds %zu NUL bytes: it looks binary or UTF-16, not CSV "
	         "text; each NUL is read as U+FFFD (save the sheet as CSV UTF-8)",
	         s->nuls);
}

static void hash_sheet(const struct sheet_bytes *b, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	struct sha256 h;
	unsigned char digest[32];
	char *blk = xmalloc((size_t)1 << 20);
	int err = 0;
	size_t n;
	sha256_init(&h);
	for (size_t at = 0; (n = sheetio_read(b, at, blk, (size_t)1 << 20, &err)) > 0; at += n)
		sha256_update(&h, blk, n);
	free(blk);
	sha256_final(&h, digest);
	for (int i = 0; i < 32; i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 15];
	}
	out[64] = '\0';
}

/* The first lines, decoded, for the delimiter sniffer (dialect.h). */
static char *sniff_text(const struct sheet *sh, size_t *len)
{
	struct line_reader r;
	const char *run;
	size_t n;
	char *text = NULL;
	size_t cap = 0;
	*len = 0;
	line_reader_init(&r, &sh->bytes, sh->decode, sh->start, sh->bytes.len);
	while (!dialect_sniff_has_enough(text, *len) && line_reader_next(&r, &run, &n)) {
		text = xgrow(text, &cap, *len + n + 1, 1);
		memcpy(text + *len, run, n);
		*len += n;
	}
	line_reader_free(&r);
	return text;
}

/* Decides how the sheet's bytes are read: encoding, NULs, line ends, delimiter. */
static bool prepare_sheet(struct table *t, uint32_t source, struct sheet *sh, struct error *e)
{
	struct source *s = &t->sources[source];
	int err = 0;
	bool bom = starts_with_bom(&sh->bytes);
	sh->start = bom ? 3 : 0;
	survey_sheet(sh);
	if (sh->all.err)
		return error_set(e, "%s: cannot read: %s", s->path, strerror(sh->all.err));
	s->encoding = bom ? ENC_UTF8_BOM : sh->all.utf8 ? ENC_UTF8 : ENC_CP1252;
	if (bom && !sh->all.utf8 && !decode_whole(sh, &err))
		return error_set(e, "%s: cannot read: %s", s->path, strerror(err ? err : EIO));
	sh->decode = s->encoding == ENC_CP1252 ? DECODE_CP1252
	           : sh->all.nuls ? DECODE_NUL : DECODE_NONE;
	if (sh->all.nuls)
		note_nuls(t, source, &sh->all);
	s->crlf = sh->all.has_cr && sh->all.first_cr_lf;
	size_t n;
	char *text = sniff_text(sh, &n);
	s->delimiter = dialect_sniff_delimiter(text ? text : "", n);
	free(text);
	return true;
}

/* Room for a row per line, so that neither part ever moves the array. */
static void reserve_rows(struct table *t, const struct survey *s)
{
	size_t want = t->len + s->line_ends + 2;
	if (want > t->cap) {
		t->rows = xrealloc(t->rows, want * sizeof *t->rows);
		t->cap = want;
	}
}

static bool parse_sheet(struct table *t, const struct config *c, uint32_t source,
                        struct sheet *sh, struct error *e)
{
	size_t first_row = t->len, warnings_before = t->diags.warnings;
	struct loader ld;
	struct csv_parser p;
	struct split sp;
	int err = 0;
	reserve_rows(t, &sh->all);
	loader_start(&ld, t, &t->sources[source], source, c, &p);
	bool two = sh->mid && split_start(&sp, &ld, &sh->bytes, sh->decode, sh->mid, &sh->head);
	size_t end = two ? sp.at : sh->bytes.len;
	bool whole = feed_range(&ld, &p, &sh->bytes, sh->decode, sh->start, end, &err);
	if (two) {
		bool taken = split_finish(&ld, &p, &sp);
		if (taken && !err)
			err = sp.err;
		else if (!taken && whole)
			feed_range(&ld, &p, &sh->bytes, sh->decode, end, sh->bytes.len, &err);
	}
	finish_parse(&ld, &p);     /* after a second part: nothing left to finish */
	resolve_deferred(&ld);
	finish_source(t, &ld, first_row, warnings_before);
	loader_end(&ld, &p);
	if (err)
		return error_set(e, "%s: cannot read: %s", t->sources[source].path, strerror(err));
	return true;
}

static bool load_bytes(struct table *t, const struct config *c, const char *name,
                       const struct sheet_bytes *b, struct error *e)
{
	uint32_t source = table_add_source(t, name);
	struct sheet sh = { .bytes = *b };
	if (t->hash_sources)
		hash_sheet(b, t->sources[source].sha256);
	bool ok = prepare_sheet(t, source, &sh, e) && parse_sheet(t, c, source, &sh, e);
	free(sh.decoded);
	return ok;
}

bool load_buffer(struct table *t, const struct config *c, const char *name,
                 const char *buf, size_t len, struct error *e)
{
	struct sheet_bytes b = { .fd = -1, .mem = buf, .len = len };
	return load_bytes(t, c, name, &b, e);
}

/* ---- files and folders -------------------------------------------------- */

bool load_sheet(struct table *t, const struct config *c, const char *path, struct error *e)
{
	struct readfile r;
	char why[160];
	int fd = -1;
	enum readfile_status st = readfile_open(path, SHEET_MAX_BYTES, &r, &fd);
	switch (st) {
	case READFILE_OK: {
		struct sheet_bytes b = { .fd = fd, .len = (size_t)r.size };
		bool ok = load_bytes(t, c, path, &b, e);
		close(fd);
		return ok;
	}
	case READFILE_NOT_REGULAR:
		return error_set(e, "%s: not a regular file (%s); only files are read as sheets",
		                 path, readfile_kind(r.mode));
	case READFILE_TOO_BIG:
		return error_set(e, "%s: %lld bytes, larger than the 1 GiB a sheet may be; split "
		                 "it (see Limits in README.md)", path, (long long)r.size);
	case READFILE_ERRNO:
		break;
	}
	readfile_describe(st, &r, SHEET_MAX_BYTES, why, sizeof why);
	return error_set(e, "%s: cannot read: %s", path, why);
}

static bool is_sheet_name(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (!dot || name[0] == '.')
		return false;
	return strcasecmp(dot, ".csv") == 0 || strcasecmp(dot, ".tsv") == 0 ||
	       strcasecmp(dot, ".txt") == 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Folders are searched this deep: data/ finds data/sheets/.  (A symlink
 * loop is cut by `struct seen` below; the depth bounds the search anyway.) */
#define FOLDER_DEPTH 4

static char *join_path(const char *dir, const char *name)
{
	size_t len = strlen(dir) + strlen(name) + 2;
	char *full = xmalloc(len);
	snprintf(full, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
	return full;
}

/* The entries of a folder worth reading, in name order: sheets, and
 * subfolders (not hidden ones). */
static bool list_folder(const char *dir, char ***names, size_t *n, struct error *e)
{
	DIR *d = opendir(dir);
	if (!d)
		return error_set(e, "%s: cannot open folder: %s", dir, strerror(errno));
	size_t cap = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		char *full = join_path(dir, de->d_name);
		struct stat st;
		if (!is_sheet_name(de->d_name) && !(stat(full, &st) == 0 && S_ISDIR(st.st_mode))) {
			free(full);
			continue;
		}
		*names = xgrow(*names, &cap, *n + 1, sizeof **names);
		(*names)[(*n)++] = full;
	}
	closedir(d);
	if (*n)
		qsort(*names, *n, sizeof **names, cmp_str);
	return true;
}

/* The regional figures file is configuration, not a partner sheet, even
 * when it sits in the folder being read. */
static bool is_config_file(const struct config *c, const char *path)
{
	if (!c->regional_figures_path)
		return false;
	char *a = realpath(path, NULL), *b = realpath(c->regional_figures_path, NULL);
	bool same = a && b && strcmp(a, b) == 0;
	free(a);
	free(b);
	return same;
}

/* Files and folders already read by this load_paths call, by device and
 * inode: a folder linking back to itself (a symlink loop), a sheet reached
 * by two paths or named twice is read once, never counted twice. */
struct seen {
	struct { dev_t dev; ino_t ino; } *ids;
	size_t n, cap;
};

static bool seen_before(struct seen *s, const struct stat *st)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->ids[i].dev == st->st_dev && s->ids[i].ino == st->st_ino)
			return true;
	s->ids = xgrow(s->ids, &s->cap, s->n + 1, sizeof *s->ids);
	s->ids[s->n].dev = st->st_dev;
	s->ids[s->n++].ino = st->st_ino;
	return false;
}

static bool load_path(struct table *t, const struct config *c, const char *path,
                      int depth, struct seen *seen, struct error *e);

static bool load_folder(struct table *t, const struct config *c, const char *dir,
                        int depth, struct seen *seen, struct error *e)
{
	char **names = NULL;
	size_t n = 0;
	if (depth > FOLDER_DEPTH)
		return true;
	if (!list_folder(dir, &names, &n, e))
		return false;
	bool ok = true;
	for (size_t i = 0; i < n; i++) {
		if (ok && !is_config_file(c, names[i]))
			ok = load_path(t, c, names[i], depth + 1, seen, e);
		free(names[i]);
	}
	free(names);
	return ok;
}

static bool load_path(struct table *t, const struct config *c, const char *path,
                      int depth, struct seen *seen, struct error *e)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return error_set(e, "%s: %s", path, strerror(errno));
	if (seen_before(seen, &st))
		return true;
	if (S_ISDIR(st.st_mode))
		return load_folder(t, c, path, depth, seen, e);
	return load_sheet(t, c, path, e);
}

static void finish_table(struct table *t)
{
	t->latest_month = -1;
	for (size_t i = 0; i < t->nsources; i++)
		if (t->sources[i].latest_month > t->latest_month)
			t->latest_month = t->sources[i].latest_month;
	orgnames_check(t);
}

bool load_paths(struct table *t, const struct config *c,
                const char *const *paths, size_t npaths, struct error *e)
{
	if (npaths == 0) {
		paths = c->sheets;
		npaths = c->nsheets;
	}
	struct seen seen = { NULL, 0, 0 };
	bool ok = true;
	for (size_t i = 0; i < npaths && ok; i++)
		ok = load_path(t, c, paths[i], 0, &seen, e);
	free(seen.ids);
	if (ok)
		finish_table(t);
	return ok;
}
