/* Excel workbooks: the committed test workbooks of tests/fixtures/workbooks/
 * (written by data/gen/make_workbooks.py; its README gives each cell), read
 * into the CSV text the loader reads, then loaded.  Every expected line is
 * written out by hand from the cells the generator stores. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_summary.h"
#include "config.h"
#include "load.h"
#include "table.h"
#include "xlsx.h"
#include "xlsx_csv.h"
#include "xlsx_parts.h"

#define BOOKS "tests/fixtures/workbooks/"

static struct config cfg;

static void setup(void)
{
	struct error e = { "" };
	cr_assert(config_load(&cfg, "config.ini", &e), "%s", e.msg);
}

static void teardown(void)
{
	config_free(&cfg);
}

TestSuite(xlsx, .init = setup, .fini = teardown);

/* The CSV text of worksheet `want` (NULL: chosen) of a workbook. */
static char *csv_of(const char *book, const char *want, struct xlsx_csv *x)
{
	char why[600] = "";
	cr_assert(xlsx_to_csv(book, want, &cfg, x, why, sizeof why), "%s", why);
	char *text = calloc(1, x->len + 1);
	cr_assert_eq(pread(x->fd, text, x->len, 0), (ssize_t)x->len);
	return text;
}

/* Why a workbook cannot be read. */
static void refused(const char *book, const char *words)
{
	struct xlsx_csv x;
	char why[600] = "";
	cr_assert_not(xlsx_to_csv(book, NULL, &cfg, &x, why, sizeof why), "%s was read", book);
	cr_assert_not_null(strstr(why, words), "%s: %s", book, why);
	cr_assert_eq(x.fd, -1);
}

/* Row by row, from the generator's cells: row 1 a merged title with two
 * empty styled cells after it; row 2 absent; row 3 the header; row 4 a
 * shared string, an inline string, a built-in date (14), a month date
 * (mm/yyyy), numbers, a SUM formula's cached 60, TRUE, #N/A; row 5 a rich
 * string with a comma (its phonetic reading left out), a date-time in
 * dd/mm/yyyy, a text month, FALSE, a string formula's "ok!"; row 6 absent;
 * row 7 a quoted text with a line break, 45352 under a '0" days"' format
 * (no date), 0.5 under h:mm (a time, no date), 10.000000000000002 and
 * 0.30000000000000004 as Excel shows them (15 digits). */
Test(xlsx, features_sheet_as_csv_text)
{
	struct xlsx_csv x;
	char *text = csv_of(BOOKS "features.xlsx", NULL, &x);
	cr_assert_str_eq(text,
		"Matrice 4W – test (illustratif),,\n"
		"\n"
		"Organization,Region,Cercle,Intervention type,Activity,Status,Start date,"
		"Reporting month,Girls,Boys,Women,Men,Total,Verified,Note\n"
		"IRC,Mopti,Bandiagara,Soutien psychosocial,Group PSS sessions,Ongoing,2024-01-15,"
		"2024-01-01,30,20,10,0,60,TRUE,#N/A\n"
		"DRC,Mopti,Bankass,Awareness raising,\"Community, dialogues\",Ongoing,2024-02-01,"
		"2024-02,40,30,50,30,150,FALSE,ok!\n"
		"\n"
		"Plan,Mopti,Djenné,Case management,\"Say \"\"hello\"\", kids Line two\",Ongoing,"
		"45352,0.5,5,5,0,0,10,,0.3\n");
	cr_assert_str_eq(x.sheet, "Données");
	free(text);
	xlsx_csv_free(&x);
}

Test(xlsx, hidden_rows_columns_and_merges_are_seen)
{
	struct xlsx_csv x;
	free(csv_of(BOOKS "features.xlsx", NULL, &x));
	cr_assert_eq(x.seen.hidden_rows, 1);
	cr_assert_eq(x.seen.first_hidden_row, 5);
	cr_assert_eq(x.seen.hidden_cols, 1);
	cr_assert_eq(x.seen.first_hidden_col, 3);
	cr_assert_eq(x.seen.merged, 1);
	cr_assert_eq(x.seen.rows, 5);     /* rows 1, 3, 4, 5, 7 */
	xlsx_csv_free(&x);
}

/* 'Lisez-moi' has no header in its first rows: 'Données' is the first
 * whose header the aliases recognise, and check says so. */
Test(xlsx, first_worksheet_with_a_header_is_chosen)
{
	struct xlsx_csv x;
	free(csv_of(BOOKS "features.xlsx", NULL, &x));
	cr_assert_not_null(strstr(x.choice, "worksheet 'Données' read"), "%s", x.choice);
	cr_assert_not_null(strstr(x.choice, "skipped, having no such header in their first "
	                          "rows: 'Lisez-moi'"), "%s", x.choice);
	cr_assert_not_null(strstr(x.choice, "not read: 'Listes'"), "%s", x.choice);
	xlsx_csv_free(&x);
}

Test(xlsx, worksheet_named_after_the_file_or_in_config)
{
	struct xlsx_csv x;
	char *text = csv_of(BOOKS "features.xlsx", "listes", &x);   /* case aside, as Excel */
	cr_assert_str_eq(text, "Region\nMopti\nGao\n");
	cr_assert_str_eq(x.sheet, "Listes");
	free(text);
	xlsx_csv_free(&x);
	cfg.worksheet = "Lisez-moi";
	text = csv_of(BOOKS "features.xlsx", NULL, &x);
	cr_assert_str_eq(text, "Ce classeur sert aux tests de fourw.\n"
	                       "Les données sont dans la feuille Données.\n");
	cr_assert_not_null(strstr(x.choice, "config.ini [columns] worksheet"), "%s", x.choice);
	cfg.worksheet = NULL;
	free(text);
	xlsx_csv_free(&x);
}

Test(xlsx, a_worksheet_not_there_is_named_with_those_that_are)
{
	struct xlsx_csv x;
	char why[600] = "";
	cr_assert_not(xlsx_to_csv(BOOKS "features.xlsx", "Nope", &cfg, &x, why, sizeof why));
	cr_assert_str_eq(why, "no worksheet 'Nope'; the workbook has 'Lisez-moi', 'Données', "
	                 "'Listes'");
}

/* The generator stored 2024-01-15 as days since 1904-01-01 (43844). */
Test(xlsx, dates_of_the_1904_system)
{
	struct xlsx_csv x;
	char *text = csv_of(BOOKS "dates1904.xlsx", NULL, &x);
	cr_assert_not_null(strstr(text, "\nIRC,Mopti,Bandiagara,GC,x,Ongoing,2024-01-15,2024-01\n"),
	                   "%s", text);
	free(text);
	xlsx_csv_free(&x);
}

Test(xlsx, serial_dates)
{
	char d[11];
	cr_assert(xlsx_serial_date(45292, false, d));
	cr_assert_str_eq(d, "2024-01-01");
	cr_assert(xlsx_serial_date(1, false, d));
	cr_assert_str_eq(d, "1900-01-01");
	cr_assert(xlsx_serial_date(59, false, d));
	cr_assert_str_eq(d, "1900-02-28");
	cr_assert(xlsx_serial_date(60, false, d));   /* Lotus's 29 February 1900 */
	cr_assert_str_eq(d, "1900-02-29");
	cr_assert(xlsx_serial_date(61, false, d));
	cr_assert_str_eq(d, "1900-03-01");
	cr_assert(xlsx_serial_date(45323.75, false, d));
	cr_assert_str_eq(d, "2024-02-01");
	cr_assert(xlsx_serial_date(0, true, d));
	cr_assert_str_eq(d, "1904-01-01");
	cr_assert_not(xlsx_serial_date(-1, false, d));
	cr_assert_not(xlsx_serial_date(1e9, false, d));
}

Test(xlsx, column_names)
{
	char n[4];
	xlsx_column_name(1, n);
	cr_assert_str_eq(n, "A");
	xlsx_column_name(26, n);
	cr_assert_str_eq(n, "Z");
	xlsx_column_name(27, n);
	cr_assert_str_eq(n, "AA");
	xlsx_column_name(16384, n);
	cr_assert_str_eq(n, "XFD");
}

Test(xlsx, broken_workbooks_are_refused_in_words)
{
	refused(BOOKS "truncated.xlsx", "not a zip archive");
	refused(BOOKS "bad_xml.xlsx", "not well-formed XML");
	refused(BOOKS "encrypted.xlsx", "encrypted");
	refused(BOOKS "bomb.xlsx", "zip bomb");
	refused(BOOKS "not_a_book.xlsx", "not an Excel workbook");
	refused(BOOKS "no_such_book.xlsx", "No such file");
}

/* ---- loaded as a sheet ------------------------------------------------------ */

static bool load_one(struct table *t, const char *path, struct error *e)
{
	table_init(t);
	return load_paths(t, &cfg, (const char *const[]){ path }, 1, e);
}

/* Rows 4, 5 and 7 are data: 4 and 5 accepted, 7 rejected (its reporting
 * month 0.5 is no date: column H). */
Test(xlsx, loaded_rows_add_up_and_name_their_cell)
{
	struct table t;
	struct error e = { "" };
	cr_assert(load_one(&t, BOOKS "features.xlsx", &e), "%s", e.msg);
	const struct source *s = &t.sources[0];
	cr_assert_str_eq(s->path, BOOKS "features.xlsx:Données");
	cr_assert_str_eq(s->sheet, "Données");
	cr_assert_eq(s->header_line, 3);
	cr_assert_eq(s->rows_read, 3);
	cr_assert_eq(s->accepted, 2);
	cr_assert_eq(s->rejected, 1);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	for (size_t k = 0; k < t.diags.len; k++)
		if (diag_words_at(&t.diags, k)->level == DIAG_REJECT)
			check_print_diag(f, &t, &t.diags.items[k]);
	fclose(f);
	cr_assert_not_null(strstr(out, "features.xlsx:Données:7:8 (Données!H7): rejected: "),
	                   "%s", out);
	free(out);
	table_free(&t);
}

Test(xlsx, check_notes_say_which_sheet_and_what_was_hidden)
{
	struct table t;
	struct error e = { "" };
	cr_assert(load_one(&t, BOOKS "features.xlsx", &e), "%s", e.msg);
	int read = 0, hidden = 0;
	for (size_t k = 0; k < t.diags.len; k++) {
		const struct diag_words *w = diag_words_at(&t.diags, k);
		read += w->code == DC_WORKSHEET_READ;
		if (w->code == DC_HIDDEN_CELLS) {
			hidden++;
			cr_assert_str_eq(w->msg, "1 row (the first: row 5) and 1 column (the first: "
			                 "C) hidden in Excel, read as any other");
		}
	}
	cr_assert_eq(read, 1);
	cr_assert_eq(hidden, 1);
	table_free(&t);
}

Test(xlsx, a_named_worksheet_path_loads_that_sheet)
{
	struct table t;
	struct error e = { "" };
	cr_assert(load_one(&t, BOOKS "features.xlsx:Listes", &e), "%s", e.msg);
	cr_assert_str_eq(t.sources[0].path, BOOKS "features.xlsx:Listes");
	table_free(&t);
	cr_assert_not(load_one(&t, BOOKS "features.xlsx:Nope", &e));
	cr_assert_not_null(strstr(e.msg, "no worksheet 'Nope'"), "%s", e.msg);
	table_free(&t);
}

Test(xlsx, an_encrypted_workbook_stops_the_load_with_its_name)
{
	struct table t;
	struct error e = { "" };
	cr_assert_not(load_one(&t, BOOKS "encrypted.xlsx", &e));
	cr_assert_not_null(strstr(e.msg, "encrypted.xlsx: the workbook is encrypted"), "%s", e.msg);
	table_free(&t);
}

/* data/README.md: tdh_title.csv has 189 data rows, all accepted; its
 * workbook twin has the same, under the header on line 5. */
Test(xlsx, the_sample_twin_reads_as_its_csv)
{
	struct table a, b;
	struct error e = { "" };
	cr_assert(load_one(&a, "data/sheets/tdh_title.csv", &e), "%s", e.msg);
	cr_assert(load_one(&b, BOOKS "tdh_title.xlsx", &e), "%s", e.msg);
	cr_assert_eq(b.sources[0].header_line, 5);
	cr_assert_eq(b.sources[0].rows_read, 189);
	cr_assert_eq(b.sources[0].accepted, 189);
	cr_assert_eq(a.len, b.len);
	for (size_t i = 0; i < a.len; i++) {
		cr_assert_eq(a.rows[i].line, b.rows[i].line);
		cr_assert_eq(activity_period(&a.rows[i]), activity_period(&b.rows[i]));
	}
	table_free(&a);
	table_free(&b);
}

/* sheet.xls (BIFF8, written by xlwt): 'Notes' has no header, 'Données' is
 * read; its date cells (dd/mm/yyyy) come out as ISO dates, 60 and 150.0 as
 * whole numbers, the text with a comma quoted. */
Test(xlsx, an_xls_workbook_reads_as_its_csv)
{
	struct xlsx_csv x;
	char *text = csv_of(BOOKS "sheet.xls", NULL, &x);
	cr_assert_str_eq(text,
		"Suivi 4W\n"
		"\n"
		"Organization,Region,Cercle,Intervention type,Activity,Status,Start date,"
		"Reporting month,Girls,Boys,Women,Men,Total\n"
		"IRC,Mopti,Bandiagara,Soutien psychosocial,Group PSS sessions,Ongoing,2024-01-15,"
		"2024-01,30,20,10,0,60\n"
		"DRC,Mopti,Bankass,Awareness raising,\"Dialogues, communautaires\",Ongoing,"
		"2024-02-01,2024-02,40,30,50,30,150\n");
	cr_assert_str_eq(x.sheet, "Données");
	free(text);
	xlsx_csv_free(&x);
}

/* An .xls is read in a child process: one that a crafted file brings
 * down leaves a reason and no open file, and the next workbook reads as
 * before; an .xlsx is read in the program itself. */
Test(xlsx, an_xls_whose_reader_goes_down_is_refused_with_a_reason)
{
	xlsx_csv_crash_reader(true);
	refused(BOOKS "sheet.xls", "the .xls reader stopped on this file");
	struct xlsx_csv x;
	free(csv_of(BOOKS "features.xlsx", NULL, &x));
	cr_assert_gt(x.len, 0, "an .xlsx is not read apart");
	xlsx_csv_free(&x);
	xlsx_csv_crash_reader(false);
	free(csv_of(BOOKS "sheet.xls", NULL, &x));
	cr_assert_str_eq(x.sheet, "Données");
	cr_assert_eq(x.seen.rows, 4, "what the reader saw comes back: %zu rows", x.seen.rows);
	xlsx_csv_free(&x);
}

/* fuzz/regressions/xlsx/crash-freexl-directory-name made libfreexl read
 * 39 kB past a buffer (AddressSanitizer saw it; without it the read may
 * pass unseen): refused, in words, whatever the reader did. */
Test(xlsx, a_crafted_xls_is_refused_and_the_program_goes_on)
{
	refused("fuzz/regressions/xlsx/crash-freexl-directory-name", "");
	struct xlsx_csv x;
	char why[600] = "";
	cr_assert_not(xlsx_to_csv("fuzz/regressions/xlsx/crash-freexl-directory-name", NULL, &cfg,
	                          &x, why, sizeof why));
	cr_assert_gt(strlen(why), 10, "a reason: %s", why);
}
