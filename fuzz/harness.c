/* fuzz/harness: the checks behind every fuzz target (see harness.h). */
#include "harness.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aggregate.h"
#include "diag.h"
#include "filter.h"
#include "gazetteer.h"
#include "load.h"
#include "loadsplit.h"
#include "parse.h"
#include "safe.h"
#include "text.h"
#include "xlsx_csv.h"

static char why[512];

__attribute__((format(printf, 1, 2)))
static const char *broken(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	return why;
}

/* The input as a C string: fuzz inputs are not NUL-terminated. */
static char *cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

void harness_load_config(struct config *c)
{
	const char *path = getenv("FOURW_FUZZ_CONFIG");
	struct error e;
	if (!path)
		path = "config.ini";
	if (!config_load(c, path, &e)) {
		fprintf(stderr, "fuzz: %s (run from the top of the project, or set "
		        "FOURW_FUZZ_CONFIG)\n", e.msg);
		abort();
	}
}

/* ---- the sheet pipeline ---------------------------------------------------- */

size_t harness_count_lines(const char *buf, size_t len)
{
	size_t lines = 0;
	for (size_t i = 0; i < len; i++)
		lines += buf[i] == '\n' || (buf[i] == '\r' && (i + 1 == len || buf[i + 1] != '\n'));
	if (len && buf[len - 1] != '\n' && buf[len - 1] != '\r')
		lines++;
	return lines;
}

static const char *check_diags(const struct table *t, uint32_t source, size_t nlines)
{
	const struct source *s = &t->sources[source];
	size_t rejects = 0;
	for (size_t i = 0; i < t->diags.len; i++) {
		const struct diag *d = &t->diags.items[i];
		const struct diag_words *w = diag_words(&t->diags, d);
		if (w->source != source)
			continue;
		if (!w->msg || !w->msg[0])
			return broken("a diagnostic on line %u has no message", d->line);
		if (d->line > nlines)
			return broken("a diagnostic names line %u of a %zu-line input", d->line, nlines);
		if (w->level != DIAG_REJECT)
			continue;
		rejects++;
		if (d->line == 0)
			return broken("a rejected row does not name its line: %s", w->msg);
	}
	if (rejects != s->rejected)
		return broken("%zu rows rejected but %zu REJECT messages", s->rejected, rejects);
	return NULL;
}

const char *harness_check_source(const struct table *t, uint32_t source, size_t nlines)
{
	const struct source *s = &t->sources[source];
	if (s->rows_read != s->accepted + s->rejected)
		return broken("rows read %zu != accepted %zu + rejected %zu", s->rows_read,
		              s->accepted, s->rejected);
	size_t rows = 0;
	for (size_t i = 0; i < t->len; i++) {
		const struct activity *a = &t->rows[i];
		if (a->source != source)
			continue;
		rows++;
		if (a->line == 0 || a->line > nlines)
			return broken("an accepted row on line %u of a %zu-line input", a->line, nlines);
	}
	if (rows != s->accepted)
		return broken("%zu rows accepted but %zu in the table", s->accepted, rows);
	return check_diags(t, source, nlines);
}

/* Reading the sheet in parts (loadsplit.c) must give what one pass gives:
 * 2 to 8 parts, chosen by the input's last byte. */
static bool same_counts(struct row_counts a, struct row_counts b)
{
	return a.reached == b.reached && a.girls == b.girls && a.boys == b.boys &&
	       a.women == b.women && a.men == b.men && a.older == b.older;
}

static const char *same_in_parts(const struct config *c, const uint8_t *data, size_t size,
                                 const struct table *one)
{
	struct table t;
	struct error e = { "" };
	const char *bad = NULL;
	table_init(&t);
	split_set_min_bytes(0);
	split_set_parts(size ? 2 + data[size - 1] % 7 : 2);
	bool ok = load_buffer(&t, c, "fuzz.csv", (const char *)data, size, &e);
	split_set_parts(0);
	split_set_min_bytes(SIZE_MAX);
	if (!ok)
		bad = broken("load_buffer in parts failed: %s", e.msg);
	else if (t.len != one->len || t.diags.len != one->diags.len)
		bad = broken("in parts: %zu rows and %zu messages, in one: %zu and %zu",
		             t.len, t.diags.len, one->len, one->diags.len);
	for (size_t i = 0; !bad && i < t.len; i++)
		if (t.rows[i].line != one->rows[i].line ||
		    !same_counts(activity_counts(&t, &t.rows[i]), activity_counts(one, &one->rows[i])) ||
		    t.rows[i].region != one->rows[i].region ||
		    t.rows[i].written_region != one->rows[i].written_region ||
		    strcmp(table_str(&t, t.rows[i].org), table_str(one, one->rows[i].org)))
			bad = broken("in parts, row %zu (line %u) differs", i, t.rows[i].line);
	for (size_t i = 0; !bad && i < t.diags.len; i++)
		if (t.diags.items[i].line != one->diags.items[i].line ||
		    strcmp(diag_words_at(&t.diags, i)->msg, diag_words_at(&one->diags, i)->msg))
			bad = broken("in parts, message %zu differs", i);
	table_free(&t);
	return bad;
}

/* A row the counting rules select but leave out of every figure: outside
 * the plan year, sent again in a newer sheet, a repeat counted once. */
static bool left_out(const struct config *c, const struct activity *a)
{
	return a->outside_plan || (a->resent && c->resent == RESENT_LATEST) ||
	       (a->repeated && c->repeated_rows == REPEATED_ONCE);
}

/* Rule 12: every row counts under its written region's plan region, and
 * the regions as written add up to their plan region's rows and people. */
static const char *written_adds_up(const struct config *c, const struct table *t,
                                   const struct cube *q)
{
	for (size_t i = 0; i < t->len; i++) {
		const struct activity *a = &t->rows[i];
		if (a->region != gazetteer_plan_region(c, a->written_region, a->cercle))
			return broken("row %zu (line %u): region %d, not the plan region of %d", i,
			              a->line, a->region, a->written_region);
	}
	for (size_t r = 0; r < q->nregions; r++) {
		int64_t rows = 0, reached = 0;
		for (size_t w = 0; w < q->nregions; w++) {
			rows += cube_written(q, r, w)->rows;
			reached += cube_written(q, r, w)->reached;
		}
		if (rows != q->region[r].activities || reached != q->region[r].reached)
			return broken("region %zu: as written %lld rows, %lld reached; counted %u, %lld",
			              r, (long long)rows, (long long)reached, q->region[r].activities,
			              (long long)q->region[r].reached);
	}
	return NULL;
}

/* Grouped by region, the table counts as a single pass over its rows
 * would: in monthly mode with no filter every row is selected and every
 * row no rule leaves out is counted, the people reached add up to those
 * rows' own, each region's activities to its rows, and every row is found
 * again by its file and line. */
static const char *counts_when_grouped(const struct config *c, struct table *t)
{
	int64_t reached = 0, per_region[64] = { 0 };
	size_t counted = 0;
	for (size_t i = 0; i < t->len; i++) {
		if (left_out(c, &t->rows[i]))
			continue;
		counted++;
		reached += activity_counts(t, &t->rows[i]).reached;
		if (t->rows[i].region >= 0 && t->rows[i].region < 64)
			per_region[t->rows[i].region]++;
	}
	struct config monthly = *c;
	monthly.mode = MODE_MONTHLY;
	struct cube_index ix;
	cube_index_build(&ix, &monthly, t);
	struct filter all;
	struct cube q;
	filter_init(&all);
	cube_init(&q);
	cube_compute(&q, &ix, &all);
	const char *bad = NULL;
	if (!table_grouped_by_region(t))
		bad = broken("not grouped after cube_index_build");
	else if (q.nselected != t->len || q.nrows != counted || q.total.reached != reached)
		bad = broken("grouped: %zu rows selected of %zu, %zu counted of %zu, %lld reached "
		             "of %lld", q.nselected, t->len, q.nrows, counted,
		             (long long)q.total.reached, (long long)reached);
	for (size_t r = 0; !bad && r < c->nregions && r < 64; r++)
		if (q.region[r].activities != per_region[r])
			bad = broken("grouped: region %zu counts %lld rows of %lld", r,
			             (long long)q.region[r].activities, (long long)per_region[r]);
	if (!bad)
		bad = written_adds_up(c, t, &q);
	for (size_t i = 0; !bad && i < t->len; i++)
		if (cube_index_row_at(&ix, t->rows[i].source, t->rows[i].line) != (long)i)
			bad = broken("grouped: row %zu (line %u) not found by its line", i, t->rows[i].line);
	cube_free(&q);
	cube_index_free(&ix);
	return bad;
}

const char *harness_load(const struct config *c, const uint8_t *data, size_t size)
{
	struct table t;
	struct error e = { "" };
	const char *bad = NULL;
	table_init(&t);
	split_set_min_bytes(SIZE_MAX);
	if (!load_buffer(&t, c, "fuzz.csv", (const char *)data, size, &e))
		bad = broken("load_buffer failed: %s", e.msg);
	else if (t.nsources != 1)
		bad = broken("%zu sources for one buffer", t.nsources);
	else
		bad = harness_check_source(&t, 0, harness_count_lines((const char *)data, size));
	/* later parts are only ever kept once the header is settled, after
	 * 26 records: shorter inputs would only pay for the threads */
	if (!bad && harness_count_lines((const char *)data, size) > 27)
		bad = same_in_parts(c, data, size, &t);
	if (!bad)
		bad = counts_when_grouped(c, &t);
	table_free(&t);
	return bad;
}

/* ---- numbers, dates and terminal escaping -------------------------------- */

/* Decodes the UTF-8 sequence at s (known valid); returns its length. */
static size_t decode(const unsigned char *s, unsigned *cp)
{
	size_t n = s[0] < 0x80 ? 1 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
	unsigned v = n == 1 ? s[0] : s[0] & (0x7Fu >> n);
	for (size_t i = 1; i < n; i++)
		v = (v << 6) | (s[i] & 0x3Fu);
	*cp = v;
	return n;
}

/* What safe_escape gives must be safe on any terminal: valid UTF-8 with
 * no control character, C1 control or bidi override left in it. */
static const char *check_escape(const char *s)
{
	size_t need = safe_escape(s, NULL, 0);
	char *full = malloc(need + 1), small[24];
	if (!full)
		abort();
	const char *bad = NULL;
	if (safe_escape(s, full, need + 1) != need || strlen(full) != need)
		bad = broken("safe_escape: length %zu announced, %zu written", need, strlen(full));
	else if (safe_escape(s, small, sizeof small) != need || strlen(small) >= sizeof small ||
	         strncmp(small, full, strlen(small)) != 0)
		bad = broken("safe_escape into a small buffer is not a prefix of the whole");
	else if (!text_is_utf8(full, need))
		bad = broken("safe_escape produced invalid UTF-8");
	for (size_t i = 0; !bad && i < need; ) {
		unsigned cp;
		i += decode((const unsigned char *)full + i, &cp);
		if (safe_is_dangerous(cp))
			bad = broken("safe_escape let U+%04X through", cp);
	}
	free(full);
	return bad;
}

static int days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

static const char *check_people(const char *s)
{
	int64_t v = -7;
	enum num_status st = parse_people(s, &v);
	if (st > NUM_INVALID)
		return broken("parse_people: status %d", (int)st);
	if (!parse_num_status_text(st))
		return broken("parse_people: no text for status %d", (int)st);
	if (st == NUM_OK && (v < 0 || v > PARSE_PEOPLE_MAX))
		return broken("parse_people: '%s' gave %lld", s, (long long)v);
	return NULL;
}

static const char *check_date(const char *s)
{
	struct date d = { -1, -1, -1 };
	enum date_status st = parse_date(s, &d);
	if (st > DATE_NO_YEAR)
		return broken("parse_date: status %d", (int)st);
	if (st == DATE_NO_YEAR && (d.year != 0 || d.month < 1 || d.month > 12 || d.day != 0))
		return broken("parse_date: '%s' gave a month with no year as %d-%d-%d", s, d.year,
		              d.month, d.day);
	if (st != DATE_OK)
		return NULL;
	if (d.year < 1900 || d.year > 2200 || d.month < 1 || d.month > 12 || d.day < 0 ||
	    d.day > days_in_month(d.year, d.month))
		return broken("parse_date: '%s' gave %d-%d-%d", s, d.year, d.month, d.day);
	int idx = month_index(d.year, d.month);
	if (month_year(idx) != d.year || month_month(idx) != d.month)
		return broken("month_index(%d, %d) does not round-trip", d.year, d.month);
	struct date first = d;
	first.day = 1;
	if (d.day && date_days(&d) - date_days(&first) != d.day - 1)
		return broken("date_days: %d-%d-%d is not %d days after the 1st", d.year, d.month,
		              d.day, d.day - 1);
	return NULL;
}

static const char *check_month(const char *s)
{
	int idx, again;
	char buf[8];
	if (!month_parse(s, &idx))
		return NULL;
	month_format(idx, buf);
	if (!month_parse(buf, &again) || again != idx)
		return broken("month_parse('%s') = %d does not round-trip through '%s'", s, idx, buf);
	return NULL;
}

const char *harness_parse(const uint8_t *data, size_t size)
{
	char *s = cstr(data, size);
	const char *bad = check_people(s);
	if (!bad)
		bad = check_date(s);
	if (!bad)
		bad = check_month(s);
	if (!bad)
		bad = check_escape(s);
	free(s);
	return bad;
}

/* ---- places ------------------------------------------------------------ */

/* Suggestions must fit any buffer, NUL-terminated, and be "" when none. */
static const char *check_suggest(const struct config *c, const char *name, bool cercle)
{
	static const size_t sizes[] = { 1, 2, 7, 40, 512 };
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		char *buf = malloc(sizes[i]);
		if (!buf)
			abort();
		memset(buf, 'X', sizes[i]);
		int n = cercle ? gazetteer_suggest_cercle(c, name, buf, sizes[i])
		               : gazetteer_suggest_region(c, name, buf, sizes[i]);
		const char *bad = NULL;
		if (!memchr(buf, '\0', sizes[i]))
			bad = broken("gazetteer_suggest: no NUL within %zu bytes", sizes[i]);
		else if (n < 0 || (n == 0 && buf[0]))
			bad = broken("gazetteer_suggest: %d suggestions, text '%s'", n, buf);
		free(buf);
		if (bad)
			return bad;
	}
	return NULL;
}

static const char *check_region(const struct config *c, const char *code, const char *name,
                                int system)
{
	int region = -1;
	enum place_status st = gazetteer_resolve_region(c, code, name, system, &region);
	if (st > PLACE_MISSING)
		return broken("gazetteer_resolve_region: status %d", (int)st);
	if (st == PLACE_OK && (region < 0 || (size_t)region >= c->nregions))
		return broken("gazetteer_resolve_region: index %d of %zu", region, c->nregions);
	int hint = gazetteer_system_hint(c, code, name);
	if (hint != 0 && hint != SYS_OLD && hint != SYS_NEW)
		return broken("gazetteer_system_hint: %d", hint);
	return NULL;
}

static const char *check_cercle(const struct config *c, const char *code, const char *name)
{
	int cercle = -1;
	enum place_status st = gazetteer_resolve_cercle(c, code, name, &cercle);
	if (st > PLACE_MISSING)
		return broken("gazetteer_resolve_cercle: status %d", (int)st);
	if (st != PLACE_OK)
		return NULL;
	if (cercle < 0 || (size_t)cercle >= c->ncercles)
		return broken("gazetteer_resolve_cercle: index %d of %zu", cercle, c->ncercles);
	for (size_t r = 0; r < c->nregions; r++)
		(void)gazetteer_cercle_in_region(c, cercle, (int)r);
	return NULL;
}

/* Input: "code\nname\nS" where S is 1 (old system), 2 (new) or absent. */
const char *harness_place(const struct config *c, const uint8_t *data, size_t size)
{
	char *s = cstr(data, size), *name = strchr(s, '\n'), *sys = NULL;
	if (name) {
		*name++ = '\0';
		if ((sys = strchr(name, '\n')))
			*sys++ = '\0';
	}
	const char *code = s;
	if (!name)
		name = "";
	int system = sys && *sys == '1' ? SYS_OLD : sys && *sys == '2' ? SYS_NEW : 0;
	const char *bad = check_region(c, code, name, system);
	if (!bad)
		bad = check_cercle(c, code, name);
	if (!bad)
		bad = check_suggest(c, name, false);
	if (!bad)
		bad = check_suggest(c, name, true);
	free(s);
	return bad;
}

/* ---- config.ini -------------------------------------------------------- */

static bool write_all(const char *path, const uint8_t *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return false;
	size_t done = 0;
	while (done < size) {
		ssize_t n = write(fd, data + done, size - done);
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	close(fd);
	return done == size;
}

static const char *check_loaded(const struct config *c)
{
	const struct thresholds *th = &c->th;
	if (c->nregions == 0 || c->ntypes == 0)
		return broken("loaded with %zu regions and %zu types", c->nregions, c->ntypes);
	if (c->other_type < 0 || (size_t)c->other_type >= c->ntypes)
		return broken("AUTRE is type %d of %zu", c->other_type, c->ntypes);
	if (!(th->critical_pct > 0 && th->critical_pct < th->high_pct &&
	      th->high_pct < th->medium_pct && th->medium_pct <= 100))
		return broken("thresholds %g < %g < %g accepted", th->critical_pct, th->high_pct,
		              th->medium_pct);
	if (c->in_need < CONFIG_UNKNOWN || c->targeted < CONFIG_UNKNOWN)
		return broken("negative people in need or targeted accepted");
	for (size_t i = 0; i < c->nregions; i++) {
		const struct region *r = &c->regions[i];
		if (!r->name || r->ncodes < 1 || r->ncodes > 4)
			return broken("region %zu: %d codes", i, r->ncodes);
		if (r->in_need < CONFIG_UNKNOWN || r->targeted < CONFIG_UNKNOWN)
			return broken("region %s: negative figures accepted", r->name);
	}
	for (size_t i = 0; i < c->ncercles; i++) {
		const struct cercle *ce = &c->cercles[i];
		if (ce->region_old < 0 || (size_t)ce->region_old >= c->nregions ||
		    ce->region_new < -1 || ce->region_new >= (int)c->nregions)
			return broken("cercle %s: regions %d and %d", ce->name, ce->region_old,
			              ce->region_new);
	}
	return NULL;
}

const char *harness_config(const char *dir, const uint8_t *data, size_t size)
{
	char path[4096];
	struct config c;
	struct error e = { "" };
	snprintf(path, sizeof path, "%s/config.ini", dir);
	if (!write_all(path, data, size))
		return broken("cannot write %s", path);
	if (!config_load(&c, path, &e)) {
		if (!e.msg[0])
			return broken("config_load failed without a message");
		if (c.regions || c.nregions)
			return broken("a failed config_load left regions behind");
		config_free(&c);
		return NULL;
	}
	const char *bad = check_loaded(&c);
	config_free(&c);
	return bad;
}

/* The figures files the configs under test name, by where they are found
 * (run from the top of the project) and where a config in dir looks. */
static const char *const figures[][2] = {
	{ "tests/fixtures/config/minimal_figures.csv", "minimal_figures.csv" },
	{ "tests/fixtures/config/bad_figures.csv", "bad_figures.csv" },
	{ "tests/fixtures/config/unknown_region_figures.csv", "unknown_region_figures.csv" },
	{ "data/regional_figures.csv", "data/regional_figures.csv" },
};

static bool copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	char buf[4096];
	size_t n;
	bool ok = in && out;
	while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
		ok = fwrite(buf, 1, n, out) == n;
	if (in)
		fclose(in);
	if (out && fclose(out) != 0)
		ok = false;
	return ok;
}

bool harness_config_dir(char *dir)
{
	char to[4096];
	if (!mkdtemp(dir))
		return false;
	snprintf(to, sizeof to, "%s/data", dir);
	if (mkdir(to, 0700) != 0)
		return false;
	for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++) {
		snprintf(to, sizeof to, "%s/%s", dir, figures[i][1]);
		if (!copy_file(figures[i][0], to))
			return false;
	}
	return true;
}

void harness_config_dir_remove(const char *dir)
{
	char path[4096];
	for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, figures[i][1]);
		remove(path);
	}
	snprintf(path, sizeof path, "%s/config.ini", dir);
	remove(path);
	snprintf(path, sizeof path, "%s/fuzz.xlsx", dir);
	remove(path);
	snprintf(path, sizeof path, "%s/data", dir);
	rmdir(path);
	rmdir(dir);
}

/* ---- workbooks --------------------------------------------------------------- */

/* The CSV text a workbook became, through the sheet pipeline's checks; and
 * the workbook loaded as a sheet, its rows accounted for. */
static const char *workbook_text(const struct config *c, const char *path,
                                 const struct xlsx_csv *x)
{
	char *text = malloc(x->len + 1);
	if (!text)
		return broken("out of memory");
	const char *bad = NULL;
	if (pread(x->fd, text, x->len, 0) != (ssize_t)x->len)
		bad = broken("the worksheet's text cannot be read back");
	else if (memchr(text, '\0', x->len))
		bad = broken("a NUL byte in a worksheet's text");
	else
		bad = harness_load(c, (const uint8_t *)text, x->len);
	free(text);
	if (bad)
		return bad;
	struct table t;
	struct error e = { "" };
	table_init(&t);
	if (load_paths(&t, c, (const char *const[]){ path }, 1, &e) && t.nsources == 1 &&
	    t.sources[0].rows_read != t.sources[0].accepted + t.sources[0].rejected)
		bad = broken("workbook: rows read != accepted + rejected");
	table_free(&t);
	return bad;
}

const char *harness_workbook(const struct config *c, const char *dir, const uint8_t *data,
                             size_t size)
{
	char path[4096], reason[600] = "";
	snprintf(path, sizeof path, "%s/fuzz.xlsx", dir);
	if (!write_all(path, data, size))
		return broken("cannot write %s", path);
	struct xlsx_csv x;
	if (!xlsx_to_csv(path, NULL, c, &x, reason, sizeof reason)) {
		if (!reason[0])
			return broken("a workbook refused with no reason given");
		return x.fd != -1 ? broken("a refused workbook left its text open") : NULL;
	}
	const char *bad = workbook_text(c, path, &x);
	xlsx_csv_free(&x);
	return bad;
}
