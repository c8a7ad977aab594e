#include "load.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bigmem.h"
#include "date.h"
#include "dialect.h"
#include "encoding.h"
#include "fmt.h"
#include "i18n.h"
#include "loader.h"
#include "loadsplit.h"
#include "orgnames.h"
#include "readfile.h"
#include "sha256.h"
#include "sheetio.h"
#include "workers.h"
#include "xalloc.h"
#include "xlsx_csv.h"

/* Limits (README.md, "Limits"): a sheet larger than this is refused. */
#define SHEET_MAX_BYTES ((off_t)1 << 30)  /* 1 GiB; also keeps line numbers in 32 bits */

/* Rule 11, once per sheet rather than once per row: how many rows lie
 * outside the plan year and the months they report, and how many month
 * names without a year were read as the plan's. */
static void note_plan_period(struct table *t, const struct loader *ld, const struct source *s)
{
	char n[32], lo[FMT_MONTH_SIZE], hi[FMT_MONTH_SIZE];
	int year = ld->c->plan_year;
	if (s->outside_plan) {
		fmt_month(s->outside_first, lo);
		fmt_month(s->outside_last, hi);
		diag_add(&t->diags, DIAG_NOTE, DC_OUTSIDE_PLAN_YEAR, ld->ctx.source, 0, 0,
		         P_("%s row reports a month outside %d (%s%s%s), not counted (--from/--to "
		            "still select them)", "%s rows report months outside %d (%s%s%s), not "
		            "counted (--from/--to still select them)", s->outside_plan),
		         fmt_int((int64_t)s->outside_plan, n), year,
		         lo, s->outside_first == s->outside_last ? "" : " … ",
		         s->outside_first == s->outside_last ? "" : hi);
	}
	if (ld->ctx.year_taken)
		diag_add(&t->diags, DIAG_NOTE, DC_MONTH_WITHOUT_YEAR, ld->ctx.source, 0, 0,
		         P_("%s row gives a month name without a year (the first on line %u): "
		            "read as months of %d, the plan year", "%s rows give a month name without "
		            "a year (the first on line %u): read as months of %d, the plan year",
		            ld->ctx.year_taken), fmt_int((int64_t)ld->ctx.year_taken, n),
		         ld->ctx.year_taken_line, year);
}

/* Per-sheet figures for `check`: its rows, warnings, latest period in the
 * plan year and the rows outside it. */
static void finish_source(struct table *t, struct loader *ld, size_t first_row,
                          size_t warnings_before)
{
	struct source *s = ld->src;
	s->rows_read = ld->counts.read;
	s->accepted = ld->counts.accepted;
	s->rejected = ld->counts.rejected;
	s->system = ld->ctx.system;
	s->warnings = t->diags.warnings - warnings_before;
	s->outside_first = s->outside_last = -1;
	for (size_t i = first_row; i < t->len; i++) {
		int p = activity_period(&t->rows[i]);
		if (!t->rows[i].outside_plan) {
			if (p > s->latest_month)
				s->latest_month = p;
			continue;
		}
		s->outside_plan++;
		if (s->outside_first < 0 || p < s->outside_first)
			s->outside_first = p;
		if (p > s->outside_last)
			s->outside_last = p;
	}
	note_plan_period(t, ld, s);
	char numbering[600];     /* room for the French wording */
	if (gazetteer_numbering_note(ld->c, &ld->ctx.numbering, numbering, sizeof numbering))
		diag_add(&t->diags, DIAG_NOTE, DC_CERCLE_NUMBERING, ld->ctx.source, 0, 0, "%s",
		         numbering);
}

/* ---- one sheet -------------------------------------------------------------- */

/* The sheet's bytes as the parser will see them. */
struct sheet {
	struct sheet_bytes bytes;  /* the file, or its decoded copy */
	enum sheetio_decode decode;
	size_t start;              /* after a UTF-8 BOM */
	struct sheet_cuts cuts;    /* the survey's pieces, where the parts will start */
	struct survey all;         /* and the whole */
	char *decoded;             /* the copy, when there is one */
};

static void survey_piece(void *arg, size_t k)
{
	struct sheet *sh = arg;
	struct sheet_cuts *c = &sh->cuts;
	sheetio_survey(&sh->bytes, c->at[k], k + 1 < c->n ? c->at[k + 1] : sh->bytes.len,
	               &c->piece[k]);
}

/* Surveys the sheet, the pieces of a large one at once. */
static void survey_sheet(struct sheet *sh)
{
	const struct sheet_bytes *b = &sh->bytes;
	struct sheet_cuts *c = &sh->cuts;
	size_t len = b->len > sh->start ? b->len - sh->start : 0, n = split_parts(len);
	c->at[0] = sh->start;
	c->n = 1;
	for (size_t k = 1; k < n; k++) {
		size_t at = sheetio_char_start(b, sh->start + len / n * k);
		if (at > c->at[c->n - 1] && at < b->len)
			c->at[c->n++] = at;
	}
	workers_run(c->n, survey_piece, sh);
	sh->all = c->piece[0];
	for (size_t k = 1; k < c->n; k++)
		sheetio_survey_join(&sh->all, &c->piece[k]);
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
	diag_add(&t->diags, DIAG_NOTE, DC_NUL_BYTES, source,
	         (uint32_t)(s->first_nul_line_ends + 1), 0,
	         P_("the file holds %zu NUL bytes: it looks binary or UTF-16, not CSV "
	            "text; each NUL is read as U+FFFD (save the sheet as CSV UTF-8)",
	            "the file holds %zu NUL bytes: it looks binary or UTF-16, not CSV "
	            "text; each NUL is read as U+FFFD (save the sheet as CSV UTF-8)", s->nuls),
	         s->nuls);
}

static void hash_sheet(const struct sheet_bytes *b, char out[65])
{
	struct sha256 h;
	char *blk = xmalloc((size_t)1 << 20);
	int err = 0;
	size_t n;
	sha256_init(&h);
	for (size_t at = 0; (n = sheetio_read(b, at, blk, (size_t)1 << 20, &err)) > 0; at += n)
		sha256_update(&h, blk, n);
	free(blk);
	sha256_final_hex(&h, out);
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
		return error_set(e, _("%s: cannot read: %s"), s->path, strerror(sh->all.err));
	s->encoding = bom ? ENC_UTF8_BOM : sh->all.utf8 ? ENC_UTF8 : ENC_CP1252;
	if (bom && !sh->all.utf8 && !decode_whole(sh, &err))
		return error_set(e, _("%s: cannot read: %s"), s->path, strerror(err ? err : EIO));
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

/* Room for a row per line, so that neither part ever moves the array;
 * and for the hash of each row's cells, no more (the sheet's rows start
 * its table.written, which table_mark_repeats frees). */
static void reserve_rows(struct table *t, const struct survey *s)
{
	size_t want = t->len + s->line_ends + 2;
	if (want > t->cap) {
		t->rows = xrealloc(t->rows, want * sizeof *t->rows);
		bigmem_advise(t->rows, want * sizeof *t->rows);
		t->cap = want;
	}
	table_reserve_written(t, s->line_ends + 2);
}

static int by_line(const void *a, const void *b)
{
	uint32_t x = ((const struct activity *)a)->line, y = ((const struct activity *)b)->line;
	return (x > y) - (x < y);
}

struct placed_diag {
	struct diag d;
	size_t order;
};

static int by_line_then_order(const void *a, const void *b)
{
	const struct placed_diag *x = a, *y = b;
	if (x->d.line != y->d.line)
		return x->d.line < y->d.line ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

/* Rows that waited for the sheet's p-code system were read after the rest;
 * they and their messages go back to their place in the file, so the rows
 * and messages of a sheet always read in its order (each row starts on a
 * line of its own; a line's messages keep their order). */
static void diags_in_file_order(struct table *t, size_t first_diag)
{
	size_t n = t->diags.len - first_diag;
	struct placed_diag *v = xmalloc((n + 1) * sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = (struct placed_diag){ t->diags.items[first_diag + i], i };
	qsort(v, n, sizeof *v, by_line_then_order);
	for (size_t i = 0; i < n; i++)
		t->diags.items[first_diag + i] = v[i].d;
	free(v);
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

/* The cells' hashes (table.written) follow their rows into line order. */
static void written_in_file_order(struct table *t, size_t first_row)
{
	size_t n = t->len - first_row;
	if (t->nwritten != n)
		return;
	uint64_t *v = xmalloc((n + 1) * sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = (uint64_t)t->rows[first_row + i].line << 32 | t->written[i];
	qsort(v, n, sizeof *v, cmp_u64);
	for (size_t i = 0; i < n; i++)
		t->written[i] = (uint32_t)v[i];
	free(v);
}

static void put_in_file_order(struct table *t, size_t first_row, size_t first_diag)
{
	written_in_file_order(t, first_row);
	qsort(t->rows + first_row, t->len - first_row, sizeof *t->rows, by_line);
	diags_in_file_order(t, first_diag);
}

/* ---- repeated rows (rule 10) ----------------------------------------------- */

struct repeats {
	struct table *t;
	enum repeated_rows rule;
};

static void warn_repeat(void *arg, size_t row, size_t earlier)
{
	struct repeats *r = arg;
	const struct activity *a = &r->t->rows[row];
	diag_add(&r->t->diags, DIAG_WARNING, DC_REPEATED_ROW, a->source, a->line, 0,
	         r->rule == REPEATED_ONCE
	         ? _("the same as line %u in every field: not counted again ([plan] "
	             "repeated_rows = once)")
	         : _("the same as line %u in every field: counted again ([plan] "
	             "repeated_rows = count)"), r->t->rows[earlier].line);
}

/* Once the sheet's rows are joined and in file order, so that a sheet
 * read in parts finds the same repeats as one read in a single pass. */
static bool diags_by_line(const struct diag *d, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (d[i - 1].line > d[i].line)
			return false;
	return true;
}

/* The repeat warnings [mid, len) — in line order, as rule 10 finds them —
 * merged into the sheet's other messages [first, mid), in line order too:
 * room for the repeats alone, not a sorted copy of a sheet's every message
 * (550,000 of them on a sheet with an unknown cercle on most rows). */
static void merge_repeat_diags(struct table *t, size_t first, size_t mid)
{
	struct diag *d = t->diags.items;
	size_t m = t->diags.len - mid;
	struct diag *rep = xmalloc((m + 1) * sizeof *rep);
	memcpy(rep, d + mid, m * sizeof *rep);
	size_t i = mid, j = m, out = t->diags.len;
	while (j > 0) {           /* from the back; a line's own messages stay first */
		if (i > first && d[i - 1].line > rep[j - 1].line)
			d[--out] = d[--i];
		else
			d[--out] = rep[--j];
	}
	free(rep);
}

static void find_repeats(struct table *t, const struct config *c, struct source *s,
                         size_t first_row, size_t first_diag)
{
	struct repeats r = { t, c->repeated_rows };
	size_t mid = t->diags.len;
	s->repeated = table_mark_repeats(t, first_row, warn_repeat, &r);
	if (!s->repeated)
		return;
	if (diags_by_line(t->diags.items + first_diag, mid - first_diag) &&
	    diags_by_line(t->diags.items + mid, t->diags.len - mid))
		merge_repeat_diags(t, first_diag, mid);
	else
		diags_in_file_order(t, first_diag);
}

static bool parse_sheet(struct table *t, const struct config *c, uint32_t source,
                        struct sheet *sh, struct error *e)
{
	size_t first_row = t->len, warnings_before = t->diags.warnings, diags_before = t->diags.len;
	struct loader ld;
	struct csv_parser p;
	int err = 0;
	reserve_rows(t, &sh->all);
	loader_start(&ld, t, &t->sources[source], source, c, &p);
	if (sh->cuts.n > 1)
		split_read(&ld, &p, &sh->bytes, sh->decode, sh->start, &sh->cuts, &err);
	else
		loader_feed(&ld, &p, &sh->bytes, sh->decode, sh->start, sh->bytes.len, &err);
	loader_finish(&ld, &p);
	bool deferred = ld.deferred.n > 0;
	loader_resolve_deferred(&ld);
	if (deferred)
		put_in_file_order(t, first_row, diags_before);
	find_repeats(t, c, &t->sources[source], first_row, diags_before);
	finish_source(t, &ld, first_row, warnings_before);
	loader_end(&ld, &p);
	if (err)
		return error_set(e, _("%s: cannot read: %s"), t->sources[source].path, strerror(err));
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

/* A workbook's worksheet (xlsx_csv.h), read as the CSV Excel would save
 * under the name "book.xlsx:Sheet"; `sheet` NULL: the worksheet is chosen. */
static bool load_workbook(struct table *t, const struct config *c, const char *path,
                          const char *sheet, struct error *e)
{
	struct xlsx_csv x;
	char why[600];
	if (!xlsx_to_csv(path, sheet, c, &x, why, sizeof why))
		return error_set(e, "%s: %s", path, why);
	size_t len = strlen(path) + strlen(x.sheet) + 2;
	char *name = xmalloc(len);
	snprintf(name, len, "%s:%s", path, x.sheet);
	struct sheet_bytes b = { .fd = x.fd, .len = x.len };
	bool ok = load_bytes(t, c, name, &b, e);
	if (ok) {
		uint32_t source = (uint32_t)t->nsources - 1;
		t->sources[source].sheet = strpool_intern_cstr(&t->strings, x.sheet);
		xlsx_csv_notes(&t->diags, source, &x);
	}
	free(name);
	xlsx_csv_free(&x);
	return ok;
}

bool load_sheet(struct table *t, const struct config *c, const char *path, struct error *e)
{
	struct readfile r;
	char why[160];
	int fd = -1;
	enum readfile_status st = readfile_open(path, SHEET_MAX_BYTES, &r, &fd);
	switch (st) {
	case READFILE_OK: {
		if (xlsx_is_workbook_name(path)) {
			close(fd);
			return load_workbook(t, c, path, NULL, e);
		}
		struct sheet_bytes b = { .fd = fd, .len = (size_t)r.size };
		bool ok = load_bytes(t, c, path, &b, e);
		close(fd);
		return ok;
	}
	case READFILE_NOT_REGULAR:
		return error_set(e, _("%s: not a regular file (%s); only files are read as sheets"),
		                 path, readfile_kind(r.mode));
	case READFILE_TOO_BIG:
		return error_set(e, _("%s: %lld bytes, larger than the 1 GiB a sheet may be; split "
		                 "it (see Limits in README.md)"), path, (long long)r.size);
	case READFILE_ERRNO:
		break;
	}
	readfile_describe(st, &r, SHEET_MAX_BYTES, why, sizeof why);
	return error_set(e, _("%s: cannot read: %s"), path, why);
}

static bool is_sheet_name(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (!dot || name[0] == '.')
		return false;
	if (strncmp(name, "~$", 2) == 0)
		return false;          /* the lock file Excel keeps beside an open workbook */
	return strcasecmp(dot, ".csv") == 0 || strcasecmp(dot, ".tsv") == 0 ||
	       strcasecmp(dot, ".txt") == 0 || xlsx_is_workbook_name(name);
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
		return error_set(e, _("%s: cannot open folder: %s"), dir, strerror(errno));
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

/* "book.xlsx:Sheet": that worksheet of that workbook (a file by that whole
 * name, if there is one, is read instead).  Two worksheets of one workbook
 * may be named, so the file is not marked as read. */
static bool load_named_sheet(struct table *t, const struct config *c, const char *path,
                             struct error *e)
{
	size_t at = xlsx_sheet_suffix(path);
	char *file = xstrndup(path, at);
	struct stat st;
	bool ok;
	if (stat(file, &st) != 0)
		ok = error_set(e, "%s: %s", file, strerror(errno));
	else if (!S_ISREG(st.st_mode))
		ok = error_set(e, _("%s: not a regular file (%s); only files are read as sheets"),
		               file, readfile_kind(st.st_mode));
	else
		ok = load_workbook(t, c, file, path + at + 1, e);
	free(file);
	return ok;
}

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
	if (stat(path, &st) != 0 && xlsx_sheet_suffix(path))
		return load_named_sheet(t, c, path, e);
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
	table_mark_resent(t);
	orgnames_check(t);
	diag_list_fit(&t->diags);
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
