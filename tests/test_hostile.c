/* Hostile sheets: what a shared server gets from hundreds of hands, bad
 * links and the occasional attacker.  Each must end in a clear message and
 * no crash, with every row accounted for: rows read = accepted + rejected,
 * and each rejected row a REJECT message naming its line.  Big inputs are
 * made here, in memory or in a temporary folder, never committed.  How long
 * the big ones take and how much memory they hold is measured by
 * `make bench` (bench/hostile_bench.c), never asserted here: a clock in a
 * test fails on a busy machine or under a sanitizer for no fault of the
 * code.  Also: the regression inputs saved from fuzzing
 * (fuzz/regressions/) replayed through the fuzz targets' own checks, and the
 * config.ini rejections that guard a server from a hostile config. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "hostile_sheets.h"
#include "load.h"
#include "table.h"

/* The fuzz targets' checks, compiled into this test (one definition). */
#include "../fuzz/harness.c"
#include "plan_fixture.h"

static struct config cfg;
static struct table t;
static char tmpdir[] = "/tmp/fourw-hostile-XXXXXX";

static void setup(void)
{
	fx_plan_load(&cfg);
	table_init(&t);
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	chmod(path, 0700);
	return remove(path);
}

static void teardown(void)
{
	table_free(&t);
	config_free(&cfg);
	if (strchr(tmpdir, 'X') == NULL)
		nftw(tmpdir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* A hang guard only: it catches an endless loop, not a slow machine. */
TestSuite(hostile, .init = setup, .fini = teardown, .timeout = 900);

/* ---- helpers ------------------------------------------------------------- */

#define HEADER HOSTILE_HEADER

/* Every source loaded so far obeys the invariants, checked against the
 * number of lines of its text. */
static void assert_accounted(uint32_t source, const char *buf, size_t len)
{
	const char *bad = harness_check_source(&t, source, harness_count_lines(buf, len));
	cr_assert_null(bad, "%s: %s", t.sources[source].path, bad);
}

static const struct source *load_n(const char *buf, size_t len)
{
	struct error e = { "" };
	cr_assert(load_buffer(&t, &cfg, "hostile.csv", buf, len, &e), "%s", e.msg);
	assert_accounted((uint32_t)(t.nsources - 1), buf, len);
	return &t.sources[t.nsources - 1];
}

static const struct source *load(const char *text)
{
	return load_n(text, strlen(text));
}

/* The first diagnostic of a level whose message contains needle, or NULL. */
static const struct diag *find(enum diag_level level, const char *needle)
{
	for (size_t i = 0; i < t.diags.len; i++)
		if (diag_words_at(&t.diags, i)->level == level && strstr(diag_words_at(&t.diags, i)->msg, needle))
			return &t.diags.items[i];
	return NULL;
}

static const struct diag *must_find(enum diag_level level, const char *needle)
{
	const struct diag *d = find(level, needle);
	if (!d)
		for (size_t i = 0; i < t.diags.len; i++)
			cr_log_info("line %u: %s", t.diags.items[i].line, diag_words_at(&t.diags, i)->msg);
	cr_assert_not_null(d, "no %s message containing '%s'",
	                   level == DIAG_REJECT ? "REJECT" : level == DIAG_WARNING ? "WARNING" : "NOTE",
	                   needle);
	return d;
}

static char *xmalloc_test(size_t n)
{
	char *p = malloc(n);
	cr_assert_not_null(p);
	return p;
}

static const char *make_tmpdir(void)
{
	cr_assert_not_null(mkdtemp(tmpdir), "mkdtemp");
	return tmpdir;
}

static char *in_tmp(const char *name)
{
	static char path[512];
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	return path;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f, "%s", path);
	fputs(text, f);
	cr_assert_eq(fclose(f), 0);
}

/* load_paths on one path, expected to fail with a message containing both
 * needles. */
static void assert_refused(const char *path, const char *n1, const char *n2)
{
	struct error e = { "" };
	const char *paths[] = { path };
	cr_assert(!load_paths(&t, &cfg, paths, 1, &e), "%s was read", path);
	cr_assert(strstr(e.msg, path) && strstr(e.msg, n1) && strstr(e.msg, n2),
	          "message: %s (expected the path, '%s' and '%s')", e.msg, n1, n2);
}

/* ---- empty, binary, NUL ---------------------------------------------------- */

Test(hostile, empty_file_reads_no_rows_and_says_there_is_no_header)
{
	const struct source *s = load("");
	cr_assert_eq(s->rows_read, 0);
	must_find(DIAG_NOTE, "no header row found");
}

Test(hostile, binary_file_every_row_rejected_and_nul_noted)
{
	size_t len = 256 * 400;
	char *buf = xmalloc_test(len);
	for (size_t i = 0; i < len; i++)
		buf[i] = (char)(i % 256);
	const struct source *s = load_n(buf, len);
	cr_assert_gt(s->rows_read, 0);
	cr_assert_eq(s->accepted, 0);
	must_find(DIAG_NOTE, "400 NUL bytes");
	free(buf);
}

Test(hostile, file_of_nul_bytes_is_one_rejected_row_with_a_note)
{
	size_t len = 1 << 20;
	char *buf = calloc(len, 1);
	cr_assert_not_null(buf);
	const struct source *s = load_n(buf, len);
	cr_assert_eq(s->rows_read, 1);
	cr_assert_eq(s->rejected, 1);
	cr_assert_eq(must_find(DIAG_NOTE, "1048576 NUL bytes: it looks binary or UTF-16")->line, 1);
	cr_assert_eq(must_find(DIAG_REJECT, "1048576 characters long")->line, 1);
	free(buf);
}

Test(hostile, nul_inside_a_count_is_not_read_as_the_digits_before_it)
{
	static const char text[] = HEADER "UNICEF,Mopti,GC,1\0 234,2\n";
	const struct source *s = load_n(text, sizeof text - 1);
	cr_assert_eq(s->rejected, 1, "'1\\0 234' must not be counted as 1");
	const struct diag *d = must_find(DIAG_REJECT, "is not a number");
	cr_assert_eq(d->line, 2);
	cr_assert_eq(diag_words(&t.diags, d)->col, 4);
	must_find(DIAG_NOTE, "1 NUL bytes");
}

Test(hostile, utf16_sheet_gets_a_note_and_no_rows_counted)
{
	/* "Région,Type,Filles\nMopti,GC,3\n" as Excel's "Unicode Text" writes it */
	static const char ascii[] = "Region,Type,Filles\nMopti,GC,3\n";
	char buf[2 + 2 * sizeof ascii];
	size_t len = 0;
	buf[len++] = (char)0xFF;
	buf[len++] = (char)0xFE;
	for (size_t i = 0; ascii[i]; i++) {
		buf[len++] = ascii[i];
		buf[len++] = '\0';
	}
	const struct source *s = load_n(buf, len);
	cr_assert_eq(s->accepted, 0);
	must_find(DIAG_NOTE, "binary or UTF-16");
}

/* ---- encodings ------------------------------------------------------------- */

Test(hostile, invalid_and_overlong_utf8_fall_back_to_windows_1252)
{
	/* C0 AF is an overlong '/', ED A0 80 a surrogate, F8 88 80 80 80 a
	 * five-byte form: none may be decoded as the character it imitates (the
	 * header is ASCII, as the whole file is read as Windows-1252) */
	const struct source *s = load("Organisation,Region,Type,Filles,Garcons\n"
		"Org \xC0\xAF one,Mopti,GC,1,2\n"
		"Org \xED\xA0\x80 two,Mopti,GC,3,4\n"
		"Org \xF8\x88\x80\x80\x80 three,Mopti,GC,5,6\n");
	cr_assert_eq(s->encoding, ENC_CP1252);
	cr_assert_eq(s->accepted, 3);
	cr_assert_str_eq(table_str(&t, t.rows[0].org), "Org \xC3\x80\xC2\xAF one");   /* "Org À¯ one" */
	for (size_t i = 0; i < t.len; i++) {
		const char *org = table_str(&t, t.rows[i].org);
		cr_assert(text_is_utf8(org, strlen(org)), "row %zu", i);
	}
}

Test(hostile, bom_with_stray_bytes_keeps_the_utf8_and_reads_the_rest)
{
	const struct source *s = load("\xEF\xBB\xBF" HEADER "Caf\xE9 ONG,S\xC3\xA9gou,GC,1,2\n");
	cr_assert_eq(s->encoding, ENC_UTF8_BOM);
	cr_assert_eq(s->accepted, 1);
	cr_assert_str_eq(table_str(&t, t.rows[0].org), "Caf\xC3\xA9 ONG");
	cr_assert_str_eq(cfg.regions[t.rows[0].region].name, "Ségou");
}

Test(hostile, bom_alone_is_an_empty_sheet)
{
	const struct source *s = load("\xEF\xBB\xBF");
	cr_assert_eq(s->encoding, ENC_UTF8_BOM);
	cr_assert_eq(s->rows_read, 0);
	must_find(DIAG_NOTE, "no header row found");
}

/* ---- headers --------------------------------------------------------------- */

Test(hostile, header_alone_has_no_rows_and_no_rejection)
{
	const struct source *s = load(HEADER);
	cr_assert_eq(s->header_line, 1);
	cr_assert_eq(s->rows_read, 0);
	cr_assert_eq(t.diags.rejects, 0);
}

Test(hostile, duplicate_header_the_first_is_read_the_second_reported_unused)
{
	const struct source *s = load("Organisation,Région,Type,Filles,Filles\n"
	                              "UNICEF,Mopti,GC,3,99\n");
	cr_assert_eq(s->accepted, 1);
	cr_assert_eq(s->map.col[F_GIRLS], 3);
	cr_assert_eq(activity_counts(&t, &t.rows[0]).girls, 3);
	cr_assert_eq(s->nunmapped, 1);
	cr_assert_str_eq(s->unmapped[0], "Filles");
}

/* ---- sizes ----------------------------------------------------------------- */

static void assert_big_cell_rejected(bool quoted)
{
	size_t cell = 50u << 20, len;
	char *buf = hostile_big_cell_sheet(cell, quoted, &len);
	const struct source *s = load_n(buf, len);
	free(buf);
	cr_assert_eq(s->accepted, 2, "the rows around it are read");
	cr_assert_eq(s->rejected, 1);
	const struct diag *d = must_find(DIAG_REJECT, "52428800 characters long, more than the 32767");
	cr_assert_eq(d->line, 3);
	cr_assert_eq(diag_words(&t.diags, d)->col, 2);
}

Test(hostile, fifty_megabyte_quoted_cell_rejects_its_row_only)
{
	assert_big_cell_rejected(true);
}

Test(hostile, fifty_megabyte_bare_cell_rejects_its_row_only)
{
	assert_big_cell_rejected(false);
}

Test(hostile, cell_of_exactly_32767_characters_is_read)
{
	size_t len;
	char *buf = hostile_big_cell_sheet(32767, true, &len);
	const struct source *s = load_n(buf, len);
	free(buf);
	/* read, and rejected only as an unknown region, like any other name */
	cr_assert_eq(s->rejected, 1);
	cr_assert_null(find(DIAG_REJECT, "characters long"));
	must_find(DIAG_REJECT, "unknown region");
}

Test(hostile, row_of_100000_fields_is_read_and_the_extra_cells_warned_about)
{
	size_t len;
	char *buf = hostile_row_of_fields(100000, &len);
	const struct source *s = load_n(buf, len);
	free(buf);
	cr_assert_eq(s->accepted, 1);
	const struct diag *d = must_find(DIAG_WARNING, "this row has 100000 cells but the header has 5");
	cr_assert_eq(d->line, 2);
	cr_assert_eq(diag_words(&t.diags, d)->col, 6);
}

Test(hostile, text_past_column_16384_is_warned_about)
{
	/* empty cells up to the limit, then text beyond it */
	static const char head[] = HEADER "UNICEF,Mopti,GC,1,2";
	size_t n = 17000;
	char *buf = xmalloc_test(sizeof head + n + 8), *p = buf;
	memcpy(p, head, sizeof head - 1);
	p += sizeof head - 1;
	memset(p, ',', n - 5);
	p += n - 5;
	memcpy(p, "late\n", 5);
	p += 5;
	const struct source *s = load_n(buf, (size_t)(p - buf));
	free(buf);
	cr_assert_eq(s->accepted, 1);
	must_find(DIAG_WARNING, "this row has 17000 cells, more than the 16384 a sheet can have");
}

Test(hostile, ten_thousand_columns_are_mapped_and_read)
{
	size_t len;
	char *buf = hostile_sheet_of_columns(10000, 3, &len);
	const struct source *s = load_n(buf, len);
	free(buf);
	cr_assert_eq(s->accepted, 3);
	cr_assert_eq(s->nunmapped, 9995);
	cr_assert_eq(activity_counts(&t, &t.rows[2]).girls, 2);
}

Test(hostile, header_beyond_16384_columns_is_cut_with_a_clear_rejection)
{
	/* the people counts sit past the limit: the sheet has no people column */
	size_t cap = 16384 * 2 + 256;
	char *buf = xmalloc_test(cap), *p = buf;
	p += sprintf(p, "Organisation,Région,Type");
	for (size_t i = 3; i < 16384; i++)
		p += sprintf(p, ",");
	p += sprintf(p, ",Filles,Garçons\nUNICEF,Mopti,GC\n");
	const struct source *s = load_n(buf, (size_t)(p - buf));
	free(buf);
	cr_assert_eq(s->rejected, 1);
	must_find(DIAG_NOTE, "no people count");
	cr_assert_eq(must_find(DIAG_REJECT, "no people count")->line, 2);
}

/* ---- quotes and line ends ------------------------------------------------- */

Test(hostile, quote_never_closed_rejects_the_rest_in_one_row)
{
	const struct source *s = load(HEADER
		"UNICEF,Mopti,GC,1,2\n"
		"UNICEF,\"Mopti,GC,3,4\n"
		"UNICEF,Mopti,GC,5,6\n"
		"UNICEF,Mopti,GC,7,8\n");
	cr_assert_eq(s->accepted, 1);
	cr_assert_eq(s->rejected, 1);
	const struct diag *d = must_find(DIAG_REJECT, "opened on line 3 is never closed; lines 3 to 5");
	cr_assert_eq(d->line, 3);
}

Test(hostile, mixed_line_endings_give_every_row_its_own_line)
{
	/* CRLF, LF, a lone CR (old Mac Excel), CRLF, lone CR, nothing at the end */
	const struct source *s = load(
		"Organisation,Région,Type,Filles,Garçons\r\n"
		"A,Mopti,GC,1,1\n"
		"B,Mopti,GC,2,2\r"
		"C,Mopti,GC,3,3\r\n"
		"D,Nowhere,GC,4,4\r"
		"E,Mopti,GC,5,5");
	cr_assert_eq(s->accepted, 4);
	cr_assert_eq(s->rejected, 1);
	static const uint32_t lines[] = { 2, 3, 4, 6 };
	for (size_t i = 0; i < 4; i++)
		cr_assert_eq(t.rows[i].line, lines[i], "row %zu on line %u", i, t.rows[i].line);
	cr_assert_eq(must_find(DIAG_REJECT, "unknown region 'Nowhere'")->line, 5);
}

Test(hostile, a_quoted_line_break_keeps_the_following_lines_right)
{
	const struct source *s = load(HEADER
		"\"UNICEF\r\nMali\",Mopti,GC,1,1\r\n"
		"B,Nowhere,GC,2,2\r\n");
	cr_assert_eq(s->accepted, 1);
	cr_assert_eq(t.rows[0].line, 2);
	cr_assert_eq(must_find(DIAG_REJECT, "Nowhere")->line, 4);
}

Test(hostile, thousands_of_lone_carriage_returns_make_no_row)
{
	size_t len;
	char *buf = hostile_lone_crs(2000000, &len);
	const struct source *s = load_n(buf, len);
	free(buf);
	cr_assert_eq(s->rows_read, 0);
}

/* ---- numbers and dates ------------------------------------------------------ */

Test(hostile, hostile_numbers_are_rejected_or_read_exactly)
{
	const struct source *s = load(HEADER
		"UNICEF,Mopti,GC,1e309,1\n"
		"UNICEF,Mopti,GC,99999999999999999999,1\n"
		"UNICEF,Mopti,GC,-0,1\n"
		"UNICEF,Mopti,GC,0x10,1\n"
		"UNICEF,Mopti,GC,-5,1\n");
	cr_assert_eq(s->rejected, 4);
	cr_assert_eq(s->accepted, 1);
	cr_assert_eq(must_find(DIAG_REJECT, "'1e309' is not a number")->line, 2);
	cr_assert_eq(must_find(DIAG_REJECT, "'99999999999999999999' is too large")->line, 3);
	cr_assert_eq(must_find(DIAG_REJECT, "'0x10' is not a number")->line, 5);
	cr_assert_eq(must_find(DIAG_REJECT, "'-5' is negative")->line, 6);
	/* -0 is zero people: read, not refused */
	cr_assert_eq(t.rows[0].line, 4);
	cr_assert_eq(activity_counts(&t, &t.rows[0]).girls, 0);
	cr_assert_eq(activity_counts(&t, &t.rows[0]).reached, 1);
}

Test(hostile, impossible_dates_and_negative_serials_are_rejected)
{
	const struct source *s = load(
		"Organisation,Région,Type,Filles,Date de début\n"
		"UNICEF,Mopti,GC,1,31/02/2024\n"
		"UNICEF,Mopti,GC,1,-1\n"
		"UNICEF,Mopti,GC,1,29/02/2024\n");
	cr_assert_eq(s->rejected, 2);
	cr_assert_eq(must_find(DIAG_REJECT, "'31/02/2024' is not a real date")->line, 2);
	cr_assert_eq(must_find(DIAG_REJECT, "'-1' is not a date")->line, 3);
	cr_assert_eq(t.rows[0].start_month, month_index(2024, 2));
}

/* ---- files and folders ------------------------------------------------------ */

Test(hostile, folder_of_ten_thousand_sheets)
{
	make_tmpdir();
	char name[64], text[128];
	for (int i = 0; i < 10000; i++) {
		snprintf(name, sizeof name, "s%05d.csv", i);
		snprintf(text, sizeof text, HEADER "UNICEF,Mopti,GC,%d,1\n", i % 7);
		write_file(in_tmp(name), text);
	}
	struct error e = { "" };
	const char *paths[] = { tmpdir };
	cr_assert(load_paths(&t, &cfg, paths, 1, &e), "%s", e.msg);
	cr_assert_eq(t.nsources, 10000);
	cr_assert_eq(t.len, 10000);
	for (uint32_t i = 0; i < t.nsources; i++) {
		const char *bad = harness_check_source(&t, i, 2);
		cr_assert_null(bad, "%s: %s", t.sources[i].path, bad);
	}
	cr_assert(strstr(t.sources[9999].path, "s09999.csv"), "name order: %s", t.sources[9999].path);
}

Test(hostile, unreadable_file_is_named_with_the_reason)
{
	make_tmpdir();
	char *path = in_tmp("locked.csv");
	write_file(path, HEADER "UNICEF,Mopti,GC,1,2\n");
	cr_assert_eq(chmod(path, 0), 0);
	if (geteuid() == 0)
		cr_skip_test("running as root: chmod 000 does not stop reading");
	assert_refused(path, "cannot open", "Permission denied");
}

Test(hostile, symlink_loop_is_named_not_followed)
{
	make_tmpdir();
	char a[512], b[512];
	snprintf(a, sizeof a, "%s", in_tmp("a.csv"));
	snprintf(b, sizeof b, "%s", in_tmp("b.csv"));
	cr_assert_eq(symlink(b, a), 0);
	cr_assert_eq(symlink(a, b), 0);
	assert_refused(a, "Too many levels of symbolic links", "");
}

Test(hostile, folder_linking_to_itself_is_read_once)
{
	make_tmpdir();
	write_file(in_tmp("one.csv"), HEADER "UNICEF,Mopti,GC,1,2\n");
	cr_assert_eq(symlink(tmpdir, in_tmp("again")), 0);
	char one[512];
	snprintf(one, sizeof one, "%s", in_tmp("one.csv"));
	cr_assert_eq(symlink(one, in_tmp("same.csv")), 0);
	struct error e = { "" };
	const char *paths[] = { tmpdir, tmpdir };
	cr_assert(load_paths(&t, &cfg, paths, 2, &e), "%s", e.msg);
	cr_assert_eq(t.nsources, 1, "the sheet was read %zu times", t.nsources);
	cr_assert_eq(t.len, 1);
}

Test(hostile, fifo_is_refused_at_once)
{
	make_tmpdir();
	char *path = in_tmp("pipe.csv");
	cr_assert_eq(mkfifo(path, 0600), 0);
	assert_refused(path, "not a regular file", "a FIFO");
}

Test(hostile, fifo_in_a_folder_is_refused_at_once)
{
	make_tmpdir();
	cr_assert_eq(mkfifo(in_tmp("pipe.csv"), 0600), 0);
	struct error e = { "" };
	const char *paths[] = { tmpdir };
	cr_assert(!load_paths(&t, &cfg, paths, 1, &e));
	cr_assert(strstr(e.msg, "pipe.csv: not a regular file (a FIFO)"), "%s", e.msg);
}

Test(hostile, devices_are_refused_at_once)
{
	assert_refused("/dev/null", "not a regular file", "a character device");
	assert_refused("/dev/zero", "not a regular file", "a character device");
}

Test(hostile, symlink_to_a_device_is_refused)
{
	make_tmpdir();
	char *path = in_tmp("zero.csv");
	cr_assert_eq(symlink("/dev/zero", path), 0);
	assert_refused(path, "not a regular file", "a character device");
}

/* ---- every sheet shipped and every fixture --------------------------------- */

static void assert_folder_accounted(const char *dir)
{
	struct error e = { "" };
	const char *paths[] = { dir };
	cr_assert(load_paths(&t, &cfg, paths, 1, &e), "%s", e.msg);
	cr_assert_gt(t.nsources, 0);
	for (uint32_t i = 0; i < t.nsources; i++) {
		FILE *f = fopen(t.sources[i].path, "rb");
		cr_assert_not_null(f);
		static char buf[1 << 20];
		size_t n = fread(buf, 1, sizeof buf, f);
		fclose(f);
		assert_accounted(i, buf, n);
	}
}

Test(hostile, every_sample_sheet_accounts_for_every_row)
{
	assert_folder_accounted("data/sheets");
}

Test(hostile, every_fixture_sheet_accounts_for_every_row)
{
	assert_folder_accounted("tests/fixtures/sheets");
}

/* ---- fuzzing regressions ---------------------------------------------------- */

/* Every input under fuzz/regressions/NAME, through the target's checks. */
static void replay(const char *name, const char *(*check)(const uint8_t *, size_t))
{
	char dir[256], path[512];
	snprintf(dir, sizeof dir, "fuzz/regressions/%s", name);
	DIR *d = opendir(dir);
	cr_assert_not_null(d, "%s is missing", dir);
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		FILE *f = fopen(path, "rb");
		cr_assert_not_null(f, "%s", path);
		static uint8_t buf[1 << 20];
		size_t n = fread(buf, 1, sizeof buf, f);
		fclose(f);
		const char *bad = check(buf, n);
		cr_expect_null(bad, "%s: %s", path, bad);
	}
	closedir(d);
}

static const char *check_load(const uint8_t *data, size_t size)
{
	return harness_load(&cfg, data, size);
}

static const char *check_place(const uint8_t *data, size_t size)
{
	return harness_place(&cfg, data, size);
}

static const char *check_config(const uint8_t *data, size_t size)
{
	return harness_config(tmpdir, data, size);
}

static const char *check_xlsx(const uint8_t *data, size_t size)
{
	return harness_workbook(&cfg, tmpdir, data, size);
}

Test(hostile, fuzz_regressions_replay)
{
	replay("load", check_load);
	replay("parse", harness_parse);
	replay("place", check_place);
	cr_assert(harness_config_dir(tmpdir), "cannot prepare %s", tmpdir);
	replay("config", check_config);
	replay("xlsx", check_xlsx);
}

/* ---- config.ini: hostile configs are rejected -------------------------------- */

/* tests/fixtures/config/minimal.ini with one line replaced, loaded from a
 * folder holding its figures file; returns the error message. */
static const char *config_with(const char *line, const char *replacement)
{
	static struct error e;
	static char text[16384];
	FILE *f = fopen("tests/fixtures/config/minimal.ini", "rb");
	cr_assert_not_null(f);
	size_t n = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[n] = '\0';
	char *at = strstr(text, line);
	cr_assert_not_null(at, "minimal.ini has no '%s'", line);
	char out[sizeof text + 256];
	snprintf(out, sizeof out, "%.*s%s%s", (int)(at - text), text, replacement, at + strlen(line));
	if (strchr(tmpdir, 'X'))
		cr_assert(harness_config_dir(tmpdir));
	char path[512];
	snprintf(path, sizeof path, "%s/config.ini", tmpdir);
	write_file(path, out);
	struct config c;
	e.msg[0] = '\0';
	cr_assert(!config_load(&c, path, &e), "'%s' was accepted", replacement);
	config_free(&c);
	cr_assert(strncmp(e.msg, path, strlen(path)) == 0, "message names the file: %s", e.msg);
	return e.msg + strlen(path);
}

Test(hostile, config_negative_people_in_need)
{
	cr_assert_str_eq(config_with("in_need = 1000", "in_need = -5"),
	                 ":6: [plan] in_need: expected a whole number of people, got '-5'");
}

Test(hostile, config_threshold_of_250_percent_names_its_own_key)
{
	cr_assert_str_eq(config_with("region = region", "region = region\n\n[gaps]\ncritical_pct = 250"),
	                 ":34: [gaps] critical_pct: must be at most 100, got 250");
}

Test(hostile, config_unknown_theme)
{
	cr_assert_str_eq(config_with("region = region", "region = region\n\n[ui]\ntheme = blink"),
	                 ":34: [ui] theme: expected dark, light or mono, got 'blink'");
}

Test(hostile, config_region_listed_twice)
{
	cr_assert_str_eq(config_with("ML09 = Bamako | District de Bamako",
	                             "ML09 = Bamako | District de Bamako\nML09 = Kidal"),
	                 ":14: [regions.old] ML09: given twice with different values (first on line 13)");
}
