/* A sheet read in parts at once (loadsplit.c) must give exactly what one
 * pass gives: the same rows in the same order, the same messages on the
 * same lines, the same counts.  The independent method here is the single
 * pass itself (split disabled); each sheet is read in one pass and in 2, 3
 * and 7 parts, on one thread and on three, at many cut points, by adding
 * rows at the end so the cuts move across quoted line breaks, stray quotes,
 * rows awaiting the p-code system, CR-only and CRLF line ends,
 * Windows-1252 bytes and NULs. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "load.h"
#include "loadsplit.h"
#include "table.h"
#include "workers.h"
#include "plan_fixture.h"

static struct config cfg;

static void setup(void)
{
	fx_plan_load(&cfg);
}

static void teardown(void)
{
	split_set_min_bytes((size_t)4 << 20);
	split_set_parts(0);
	workers_set_max(0);
	config_free(&cfg);
}

TestSuite(split, .init = setup, .fini = teardown);

/* Everything loading produced, as text: rows, messages, per-sheet counts. */
static char *describe(const struct table *t)
{
	char *out = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&out, &size);
	for (size_t i = 0; i < t->len; i++) {
		const struct activity *a = &t->rows[i];
		const struct row_counts n = activity_counts(t, a);
		fprintf(f, "row %u:%u [%s|%s|%s|%s] %d %d %d %d %d %d r%d c%d m%d %d %d t%d s%d\n",
		        a->source, a->line, table_str(t, a->org), table_str(t, a->partner),
		        table_str(t, a->activity), table_str(t, a->commune), n.girls,
		        n.boys, n.women, n.men, n.older, n.reached,
		        a->region, a->cercle, a->month, a->start_month, a->end_month, a->itype,
		        a->status);
	}
	for (size_t i = 0; i < t->diags.len; i++) {
		const struct diag *d = &t->diags.items[i];
		fprintf(f, "diag %d c%d %u:%u:%u %s\n", (int)diag_words(&t->diags, d)->level, (int)diag_words(&t->diags, d)->code, diag_source(&t->diags, d), d->line,
		        diag_words(&t->diags, d)->col, diag_words(&t->diags, d)->msg);
	}
	for (size_t i = 0; i < t->nsources; i++) {
		const struct source *s = &t->sources[i];
		fprintf(f, "source %zu read %zu acc %zu rej %zu warn %zu sys %d enc %d delim %c crlf %d\n",
		        i, s->rows_read, s->accepted, s->rejected, s->warnings, s->system,
		        (int)s->encoding, s->delimiter, (int)s->crlf);
	}
	fclose(f);
	return out;
}

static char *load_with_split_min(const char *text, size_t len, size_t split_min,
                                 size_t *rows)
{
	struct table t;
	struct error e;
	table_init(&t);
	split_set_min_bytes(split_min);
	cr_assert(load_buffer(&t, &cfg, "sheet.csv", text, len, &e), "%s", e.msg);
	cr_assert_eq(t.sources[0].rows_read, t.sources[0].accepted + t.sources[0].rejected);
	*rows = t.sources[0].rows_read;
	char *d = describe(&t);
	table_free(&t);
	return d;
}

/* Reads buf in one pass, then in 2, 3 and 7 parts on one thread or on
 * three (by turns, with `turn`): every reading must describe the same. */
static void same_in_parts(const char *buf, size_t len, int turn, const char *what)
{
	static const size_t parts[] = { 2, 3, 7 };
	size_t rows_one, rows_parts;
	char *one = load_with_split_min(buf, len, SIZE_MAX, &rows_one);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		split_set_parts(parts[i]);
		workers_set_max(turn % 2 ? 1 : 3);
		char *two = load_with_split_min(buf, len, 0, &rows_parts);
		cr_assert_str_eq(two, one, "%s, read in %zu parts", what, parts[i]);
		cr_assert_eq(rows_one, rows_parts);
		free(two);
	}
	split_set_parts(0);
	workers_set_max(0);
	free(one);
}

/* Reads text + k copies of `extra` every way, for k = 0..cuts-1; what the
 * parts did meanwhile, counted, into *did. */
static void same_every_way(const char *text, const char *extra, int cuts, struct split_counts *did)
{
	size_t base = strlen(text), elen = strlen(extra);
	struct split_counts before = split_counts_so_far();
	char *buf = malloc(base + (size_t)cuts * elen + 1);
	memcpy(buf, text, base);
	size_t len = base;
	char what[64];
	for (int k = 0; k < cuts; k++) {
		snprintf(what, sizeof what, "with %d extra rows", k);
		same_in_parts(buf, len, k, what);
		memcpy(buf + len, extra, elen);
		len += elen;
	}
	free(buf);
	struct split_counts after = split_counts_so_far();
	*did = (struct split_counts){ after.taken - before.taken, after.dropped - before.dropped,
	                              after.taken_over - before.taken_over,
	                              after.rounds - before.rounds };
	cr_assert_gt(did->taken, 0, "no sheet ever kept all its parts");
}

/* As same_every_way; true if some part was dropped. */
static bool same_both_ways(const char *text, const char *extra, int cuts)
{
	struct split_counts did;
	same_every_way(text, extra, cuts, &did);
	return did.dropped > 0;
}

#define HEAD "Organisation,Partenaire,Région,Pcode région,Cercle,Type d'intervention," \
             "Activité,Statut,Mois de rapportage,Filles,Garçons,Femmes,Hommes,Total\n"

Test(split, quoted_line_breaks_and_stray_quotes)
{
	bool some_dropped = same_both_ways(HEAD
	    "IRC,,Mopti,ML05,Bandiagara,PSS,\"Séances, en groupe\nsur deux lignes\",En cours,mars 2024,10,12,3,2,27\n"
	    "IRC,,Mopti,ML05,Bankass,PSS,Écran 5\" plat,En cours,mars 2024,1,2,0,0,3\n"
	    "IRC,,Ségou,ML04,,GBV,\"\"\"Cité\"\" entre guillemets\",Terminé,mars 2024,4,4,0,0,8\n"
	    "IRC,,Mopti,ML05,,PSS,un \" seul,En cours,mars 2024,1,1,1,1,4\n"
	    "IRC,,Segu,ML04,,PSS,rejeté,En cours,mars 2024,1,1,0,0,2\n",
	    "NRC,,Gao,ML07,,CM,\"a\nb\nc\",En cours,mars 2024,2,2,0,0,4\n"
	    "NRC,,Gao,ML07,,CM,x\"y,En cours,mars 2024,1,1,0,0,2\n", 40);
	cr_assert(some_dropped, "a stray quote should have fooled the quote count at least once");
}

/* Counts too large for a row's 16 bits are kept in the table's wide list;
 * a part's list joins the table's (the descriptions print every count).
 * 65,534 is the largest a row keeps, 65,535 the smallest it does not.
 * ML11 (only in the 2023 system) settles the system, so a part's rows go
 * into its own table rather than waiting for the sheet's loader. */
Test(split, counts_too_large_for_a_row)
{
	struct split_counts did;
	same_every_way(HEAD "IRC,,Mopti,ML05,Bandiagara,PSS,a,En cours,mars 2024,70000,5,,,\n",
	               "NRC,,Nioro,ML11,,CM,s,En cours,mars 2024,1,0,0,0,1\n"
	               "IRC,,Mopti,ML05,,PSS,b,En cours,mars 2024,65534,1,0,0,65535\n"
	               "IRC,,Gao,ML07,,CM,c,En cours,mars 2024,65535,,,,\n"
	               "NRC,,Gao,ML07,,CM,d,En cours,mars 2024,,,,,250000\n"
	               "NRC,,Gao,ML07,,CM,e,En cours,mars 2024,40000,30000,0,0,70000\n", 40, &did);
}

#define TWO_LINES "IRC,,Mopti,ML05,Bandiagara,PSS,\"Séances, en groupe\nsur deux lignes\"," \
                  "En cours,mars 2024,10,12,3,2,27\n"

/* A stray quote far from the start fools only the cuts after it (there the
 * quote count is odd, and the next even count falls inside the first cell
 * "NRC\nbis", where the record's line is already set, or inside "c\nd",
 * with six cells already read): the parts before are kept and the parser
 * of the last one kept reads on.  The first of 7 parts holds the 26
 * records the header is looked for in. */
Test(split, a_late_stray_quote_keeps_the_parts_before_it)
{
	char *text = malloc(64 * 1024);
	strcpy(text, HEAD);
	for (int i = 0; i < 300; i++)
		strcat(text, TWO_LINES);
	struct split_counts did;
	same_every_way(text, "NRC,,Gao,ML07,,CM,x\"y,En cours,mars 2024,1,1,0,0,2\n"
	                     "\"NRC\nbis\",,Gao,ML07,,CM,\"c\nd\",En cours,mars 2024,2,2,0,0,4\n", 80,
	               &did);
	cr_assert_gt(did.taken_over, 0, "no reading kept some parts and then read on");
	free(text);
}

/* A stray quote in the middle: the cuts after it fall inside quoted cells
 * and their parts are dropped; the second round, its quote count set right
 * by the parser that stopped at the first of them, cuts the rest soundly
 * and keeps its parts. */
Test(split, after_a_stray_quote_a_second_round_keeps_its_parts)
{
	char *text = malloc(64 * 1024);
	strcpy(text, HEAD);
	for (int i = 0; i < 300; i++)
		strcat(text, i == 150 ? "NRC,,Gao,ML07,,CM,Écran 5\" plat,En cours,mars 2024,1,1,0,0,2\n"
		                      : TWO_LINES);
	struct split_counts did;
	same_every_way(text, TWO_LINES, 20, &did);
	cr_assert_gt(did.rounds, 0, "no reading went on in a second round");
	/* only 7 parts leave cuts for a second round (one per reading); no
	 * first round keeps every part after a stray quote in the middle */
	cr_assert_geq(did.taken, did.rounds, "second rounds should keep their parts: %zu of %zu",
	              did.taken, did.rounds);
	free(text);
}

/* 30 rows that say nothing of the p-code system (ML05 is Mopti in both). */
static char *neutral_rows(const char *then)
{
	static char text[8192];
	strcpy(text, HEAD);
	for (int i = 0; i < 30; i++)
		strcat(text, "SC,,Mopti,ML05,,PSS,a,En cours,mars 2024,1,1,0,0,2\n");
	strcat(text, then);
	return text;
}

Test(split, rows_awaiting_the_pcode_system)
{
	/* ML09 without a name waits for the sheet's system; a cercle alone
	 * (Nioro) lies in Kayes in the old system and in Nioro in the 2023 one;
	 * ML11 exists only in the 2023 system, Bamako as ML09 only in the old. */
	const char *dependent = "SC,,,ML09,,PSS,b,En cours,mars 2024,2,2,0,0,4\n"
	                        "SC,,,,Nioro,PSS,c,En cours,mars 2024,3,3,0,0,6\n";
	/* never settled */
	same_both_ways(neutral_rows(dependent), dependent, 40);
	/* settled after the header was shared, in the first part */
	same_both_ways(neutral_rows("SC,,Nioro,ML11,,CM,g,En cours,mars 2024,1,0,0,0,1\n"),
	               dependent, 40);
	/* settled one way in the first part, the other way in the second: a
	 * single pass keeps the first */
	bool some_dropped = same_both_ways(
	    neutral_rows("SC,,Bamako,ML09,,CM,h,En cours,mars 2024,1,0,0,0,1\n"),
	    "SC,,,,Nioro,PSS,c,En cours,mars 2024,3,3,0,0,6\n"
	    "SC,,Nioro,ML11,,CM,g,En cours,mars 2024,1,0,0,0,1\n"
	    "SC,,,,Nioro,PSS,c,En cours,mars 2024,3,3,0,0,6\n", 40);
	cr_assert(some_dropped, "a part that read the other system must be dropped");
}

Test(split, line_ends_and_encodings)
{
	const char *rows = "IRC,,Mopti,ML05,,PSS,a,En cours,mars 2024,1,2,0,0,3";
	char cr[2048], crlf[2048];
	snprintf(cr, sizeof cr, "%s", HEAD);
	cr[strlen(cr) - 1] = '\r';
	strcat(cr, rows);
	strcat(cr, "\r");
	snprintf(crlf, sizeof crlf, "%.*s\r\n%s\r\n", (int)strlen(HEAD) - 1, HEAD, rows);
	same_both_ways(cr, "NRC,,Gao,ML07,,CM,\"x\ry\",En cours,mars 2024,1,1,0,0,2\r", 80);
	same_both_ways(crlf, "NRC,,Gao,ML07,,CM,\"x\r\ny\",En cours,mars 2024,1,1,0,0,2\r\n", 80);
	/* Windows-1252: "Ségou" and "Garçons" as single bytes */
	same_both_ways("Organisation;R\xe9gion;Type;Gar\xe7ons;Filles\n"
	               "IRC;S\xe9gou;PSS;1;2\n", "NRC;Mopti;CM;3;\"4\n\";\n", 80);
}

Test(split, nuls_long_cells_and_an_unclosed_quote)
{
	char text[256];
	size_t n = (size_t)snprintf(text, sizeof text, "%s", HEAD);
	memcpy(text + n, "IRC,,Mopti,ML05,,PSS,a\0b,En cours,mars 2024,1,2,0,0,3\n", 55);
	n += 55;
	text[n] = '\0';
	/* the NUL makes strlen stop: copy the rest by hand */
	char *buf = malloc(n + 64 * 120 + 2);
	memcpy(buf, text, n);
	size_t len = n;
	for (int k = 0; k < 64; k++) {
		char what[64];
		snprintf(what, sizeof what, "with %d extra rows", k);
		same_in_parts(buf, len, k, what);
		const char *extra = k % 7 == 6 ? "IRC,,Gao,ML07,,CM,\"never closed,1,2\n"
		                               : "IRC,,Gao,ML07,,CM,b\0c,En cours,mars 2024,1,1,0,0,2\n";
		size_t elen = k % 7 == 6 ? strlen(extra) : 52;
		memcpy(buf + len, extra, elen);
		len += elen;
	}
	free(buf);
}

Test(split, cells_past_the_limit)
{
	/* 40 rows, then one with a cell over 32,767 characters; the rows added
	 * after it are long enough to move the middle across it */
	const char *row = "IRC,,Mopti,ML05,,PSS,a,En cours,mars 2024,1,2,0,0,3\n";
	size_t cell = 40000;
	char *text = malloc(strlen(HEAD) + 40 * strlen(row) + cell + 200);
	strcpy(text, HEAD);
	for (int i = 0; i < 40; i++)
		strcat(text, row);
	strcat(text, "IRC,,Mopti,ML05,,PSS,");
	size_t len = strlen(text);
	memset(text + len, 'x', cell);
	len += cell;
	strcpy(text + len, ",En cours,mars 2024,1,2,0,0,3\n");
	char extra[1200];
	snprintf(extra, sizeof extra, "NRC,,Gao,ML07,,CM,%01000d,En cours,mars 2024,1,1,0,0,2\n", 7);
	same_both_ways(text, extra, 90);
	free(text);
}

/* The shipped sample sheets and the fixtures, each cut in the middle. */
Test(split, sample_and_fixture_sheets)
{
	const char *paths[] = {
		"data/sheets/irc_fr.csv", "data/sheets/drc_hxl.csv", "data/sheets/plan_excel_fr.csv",
		"data/sheets/sci_tab.tsv", "data/sheets/tdh_title.csv", "data/sheets/unicef_en.csv",
		"tests/fixtures/sheets/broken_rows.csv", "tests/fixtures/sheets/same_fr_excel.csv",
		"tests/fixtures/sheets/same_title.tsv", "tests/fixtures/sheets/crlf_mixed.csv",
		"tests/fixtures/sheets/ml09_new.csv", "tests/fixtures/sheets/ml09_old.csv",
		"tests/fixtures/sheets/semicolon_quoted.csv", "tests/fixtures/sheets/no_header.csv",
	};
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		FILE *f = fopen(paths[i], "rb");
		cr_assert(f, "%s", paths[i]);
		char *buf = malloc(1 << 22);
		size_t len = fread(buf, 1, 1 << 22, f);
		fclose(f);
		size_t rows_one;
		free(load_with_split_min(buf, len, SIZE_MAX, &rows_one));
		cr_assert_gt(rows_one + (strstr(paths[i], "no_header") ? 1 : 0), 0);
		same_in_parts(buf, len, (int)i, paths[i]);
		free(buf);
	}
}
