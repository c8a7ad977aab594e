#include "load.h"

#include <csv.h>
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "colmap.h"
#include "dialect.h"
#include "encoding.h"
#include "orgnames.h"
#include "parse.h"
#include "readfile.h"
#include "row.h"
#include "sha256.h"
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

struct loader {
	struct table *t;
	const struct config *c;
	struct row_context ctx;
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
	struct saved *deferred;
	size_t ndeferred, deferred_cap;
	const char **cells;        /* scratch array of cell pointers */
	size_t cells_cap;
};

static struct source *src(struct loader *ld)
{
	return &ld->t->sources[ld->ctx.source];
}

/* ---- records ----------------------------------------------------------- */

static void record_push(struct record *r, const char *s, size_t len)
{
	r->offs = xgrow(r->offs, &r->offcap, r->n + 1, sizeof *r->offs);
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

/* Trims spaces, tabs and no-break spaces around a cell, as Excel leaves them. */
static const char *trim(char *s)
{
	size_t len = strlen(s), w;
	while (len && is_trim_byte((unsigned char *)s, len, &w)) {
		s += w;
		len -= w;
	}
	for (;;) {
		if (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
			len--;
		else if (len >= 2 && (unsigned char)s[len - 2] == 0xC2 && (unsigned char)s[len - 1] == 0xA0)
			len -= 2;
		else if (len >= 3 && (unsigned char)s[len - 3] == 0xE2 &&
		         (unsigned char)s[len - 2] == 0x80 && (unsigned char)s[len - 1] == 0xAF)
			len -= 3;
		else
			break;
	}
	s[len] = '\0';
	return s;
}

static const char *const *cells_of(struct loader *ld, char *bytes, const size_t *offs, size_t n)
{
	ld->cells = xgrow(ld->cells, &ld->cells_cap, n + 1, sizeof *ld->cells);
	for (size_t i = 0; i < n; i++)
		ld->cells[i] = trim(bytes + offs[i]);
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

/* ---- data rows --------------------------------------------------------- */

static void count_outcome(struct loader *ld, enum row_outcome o)
{
	if (o == ROW_BLANK)
		return;
	src(ld)->rows_read++;
	if (o == ROW_ACCEPTED)
		src(ld)->accepted++;
	else if (o == ROW_REJECTED)
		src(ld)->rejected++;
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

static void defer(struct loader *ld, uint32_t line, char *bytes, const size_t *offs, size_t n,
                  const struct overflow *of)
{
	struct record tmp = {
		.line = line, .bytes = bytes, .offs = (size_t *)offs, .n = n, .of = *of,
		.len = n ? offs[n - 1] + strlen(bytes + offs[n - 1]) + 1 : 0,
	};
	ld->deferred = xgrow(ld->deferred, &ld->deferred_cap, ld->ndeferred + 1,
	                     sizeof *ld->deferred);
	ld->deferred[ld->ndeferred++] = save(&tmp);
}

static void data_row(struct loader *ld, uint32_t line, char *bytes, const size_t *offs, size_t n,
                     const struct overflow *of)
{
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
		defer(ld, line, bytes, offs, n, of);
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
	record_push(r, len ? s : "", len);
}

static void on_record(int term, void *data)
{
	struct loader *ld = data;
	(void)term;
	if (!ld->header_found) {
		ld->head[ld->nhead++] = save(&ld->rec);
		if (ld->nhead == HEADER_SCAN)
			settle_header(ld);
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

static void feed_lines(struct loader *ld, struct csv_parser *p, const char *text, size_t len)
{
	size_t pos = 0, nl = SIZE_MAX;
	ld->line = 0;
	while (pos < len) {
		size_t end = line_end(text, pos, len, &nl);
		ld->line++;
		if (parser_between_records(p))
			ld->pending_start = ld->line;
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
		src(ld)->rows_read++;
		src(ld)->rejected++;
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
	if (ld->ndeferred && ld->ctx.system == 0) {
		ld->ctx.system = SYS_OLD;
		diag_add(&ld->t->diags, DIAG_NOTE, ld->ctx.source, 0, 0,
		         "nothing in this sheet tells old p-codes from the 2023 ones; ML09 "
		         "without a name is read as Bamako (old system)");
	}
	for (size_t i = 0; i < ld->ndeferred; i++) {
		struct saved *s = &ld->deferred[i];
		count_outcome(ld, row_convert(&ld->ctx, s->line,
		                              cells_of(ld, s->bytes, s->offs, s->n), s->n));
		saved_free(s);
	}
	free(ld->deferred);
}

/* Per-sheet figures for `check`: its warnings and latest period. */
static void finish_source(struct table *t, uint32_t source, size_t first_row,
                          size_t warnings_before)
{
	struct source *s = &t->sources[source];
	s->warnings = t->diags.warnings - warnings_before;
	for (size_t i = first_row; i < t->len; i++) {
		int p = activity_period(&t->rows[i]);
		if (p > s->latest_month)
			s->latest_month = p;
	}
}

static bool has_crlf(const char *text, size_t len)
{
	const char *cr = memchr(text, '\r', len);
	return cr && (size_t)(cr - text) + 1 < len && cr[1] == '\n';
}

/* 1-based physical line of byte `at`, counting line ends as line_end does. */
static uint32_t line_of(const char *text, size_t at)
{
	uint32_t line = 1;
	for (size_t i = 0; i < at; i++)
		line += text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n');
	return line;
}

/* A NUL byte has no place in a CSV: binary files and UTF-16 text (Excel's
 * "Unicode Text") are full of them.  Left in, a NUL would silently cut its
 * cell short ("1\0 234" read as 1), so each one becomes U+FFFD, visible in
 * any message about the cell, and the sheet gets a note saying why. */
static char *replace_nuls(struct table *t, uint32_t source, char *text, size_t *len)
{
	size_t count = 0, first = 0;
	for (size_t i = 0; i < *len; i++)
		if (text[i] == '\0' && count++ == 0)
			first = i;
	if (count == 0)
		return text;
	diag_add(&t->diags, DIAG_NOTE, source, line_of(text, first), 0,
	         "the file holds %zu NUL bytes: it looks binary or UTF-16, not CSV "
	         "text; each NUL is read as U+FFFD (save the sheet as CSV UTF-8)",
	         count);
	char *out = xmalloc(*len + 2 * count + 1);
	size_t o = 0;
	for (size_t i = 0; i < *len; i++) {
		if (text[i] != '\0') {
			out[o++] = text[i];
			continue;
		}
		memcpy(out + o, "\xEF\xBF\xBD", 3);
		o += 3;
	}
	out[o] = '\0';
	free(text);
	*len = o;
	return out;
}

bool load_buffer(struct table *t, const struct config *c, const char *name,
                 const char *buf, size_t len, struct error *e)
{
	(void)e;
	size_t first_row = t->len, warnings_before = t->diags.warnings;
	uint32_t source = table_add_source(t, name);
	struct source *s = &t->sources[source];
	sha256_hex(buf, len, s->sha256);
	size_t ulen;
	char *text = encoding_to_utf8(buf, len, &s->encoding, &ulen);
	text = replace_nuls(t, source, text, &ulen);
	s->crlf = has_crlf(text, ulen);
	s->delimiter = dialect_sniff_delimiter(text, ulen);

	struct loader ld = { .t = t, .c = c, .ctx = { .cfg = c, .table = t, .source = source } };
	struct csv_parser p;
	csv_init(&p, CSV_APPEND_NULL | CSV_STRICT_FINI);
	csv_set_delim(&p, (unsigned char)s->delimiter);
	csv_set_space_func(&p, space_only);
	csv_set_realloc_func(&p, csv_block_realloc);
	csv_set_free_func(&p, csv_block_free);
	feed_lines(&ld, &p, text, ulen);
	finish_parse(&ld, &p);
	csv_free(&p);
	resolve_deferred(&ld);
	memo_free(&ld.ctx.memo);
	t->sources[source].system = ld.ctx.system;
	free(ld.rec.bytes);
	free(ld.rec.offs);
	free(ld.cells);
	free(text);
	finish_source(t, source, first_row, warnings_before);
	return true;
}

/* ---- files and folders -------------------------------------------------- */

/* Reads a sheet whole (readfile.h: regular files only, within the limit). */
static bool read_file(const char *path, char **buf, size_t *len, struct error *e)
{
	struct readfile r;
	char why[160];
	enum readfile_status st = readfile_read(path, SHEET_MAX_BYTES, &r);
	switch (st) {
	case READFILE_OK:
		*buf = r.buf;
		*len = r.len;
		return true;
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

bool load_sheet(struct table *t, const struct config *c, const char *path, struct error *e)
{
	char *buf = NULL;
	size_t len = 0;
	if (!read_file(path, &buf, &len, e))
		return false;
	bool ok = load_buffer(t, c, path, buf, len, e);
	free(buf);
	return ok;
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
