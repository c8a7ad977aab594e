/* report: the three writers on the fixture plan.  The CSV is parsed back
 * and reconciled; the Markdown is byte-stable; sheet text never reaches
 * the output raw; the text fits 100 columns.  And the refusal to report on
 * a plan with no accepted row. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "report.h"
#include "plan_fixture.h"
#include "text.h"

static struct fx_world w;

static void setup(void)
{
	fx_world_init(&w, "sheets/a.csv");
}

static void teardown(void)
{
	fx_world_free(&w);
}

TestSuite(report, .init = setup, .fini = teardown);

static void add(struct fx_row r)
{
	r.src = w.src;
	fx_add(&w.tab, &w.cfg, r);
}

/* Hand-made picture:
 *   Gao/Ansongo  GC  IRC  girls 60 boys 40          = 100
 *   Gao/Ansongo  PSS SCI  girls 100 boys 100 w 50   = 250
 *   Gao/Bourem   GC  IRC  boys 80                   =  80
 *   Mopti        EAE TdH  total only 400            = 400
 *   Tombouctou   GC  IRC  girls 7                   =   7
 * Gao: sum 430, dedup 250 + 80 = 330; of 120,000 targeted 0.275 % → 0.3
 * Mopti: 400, of 180,000 → 0.222 % → 0.2; of 300,000 need → 0.133 → 0.1
 * Plan: sum 837, dedup 330 + 400 + 7 = 737; of 800,000 → 0.092 % → 0.1 */
static void picture(void)
{
	add((struct fx_row){ .partner = "IRC", .region = "Gao", .cercle = "Ansongo", .type = "GC",
	                     .ym = 202403, .girls = 60, .boys = 40 });
	add((struct fx_row){ .partner = "SCI", .region = "Gao", .cercle = "Ansongo", .type = "PSS",
	                     .ym = 202403, .girls = 100, .boys = 100, .women = 50 });
	add((struct fx_row){ .partner = "IRC", .region = "Gao", .cercle = "Bourem", .type = "GC",
	                     .ym = 202403, .boys = 80 });
	add((struct fx_row){ .partner = "TdH", .region = "Mopti", .type = "EAE", .ym = 202402,
	                     FX_TOTAL_ONLY(400) });
	add((struct fx_row){ .partner = "IRC", .region = "Tombouctou", .type = "GC", .ym = 202403,
	                     .girls = 7 });
}

static char *render(enum report_format fmt, bool gaps_only)
{
	cube_index_free(&w.ix);
	cube_index_build(&w.ix, &w.cfg, &w.tab);
	cube_compute(&w.cube, &w.ix, &w.flt);
	gaps_compute(&w.gl, &w.cfg, &w.tab, &w.cube, fx_month(202404));
	struct report_input in = { &w.cfg, &w.tab, &w.cube, &w.gl, fx_month(202404) };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_not_null(f);
	int rc = gaps_only ? report_write_gaps(f, fmt, &in) : report_write(f, fmt, &in);
	fclose(f);
	cr_assert_eq(rc, 0);
	return buf;
}

/* ---- a minimal RFC 4180 reader for the checks ---------------------------- */

#define MAXF 20
struct rec { char f[MAXF][256]; int n; };

/* Reads one record from *p; returns false at the end. */
static bool csv_next(const char **p, struct rec *r)
{
	const char *s = *p;
	if (!*s)
		return false;
	r->n = 0;
	for (;;) {
		char *o = r->f[r->n];
		if (*s == '"') {
			for (s++; *s && !(*s == '"' && s[1] != '"'); s++) {
				if (*s == '"')
					s++;
				*o++ = *s;
			}
			s++;
		} else {
			while (*s && *s != ',' && *s != '\n')
				*o++ = *s++;
		}
		*o = '\0';
		r->n++;
		if (*s == ',') {
			s++;
			continue;
		}
		if (*s == '\n')
			s++;
		break;
	}
	*p = s;
	return true;
}

static long long num(const char *s)
{
	return *s ? atoll(s) : -1;
}

Test(report, csv_header_is_exact)
{
	picture();
	char *csv = render(REPORT_CSV, false);
	const char *want = "region_code,region,intervention_code,intervention,partners,activities,"
	                   "girls,boys,women,men,reached,reached_dedup,in_need,targeted,"
	                   "coverage_target_pct,coverage_need_pct\n";
	cr_expect_eq(strncmp(csv, want, strlen(want)), 0, "%s", csv);
	free(csv);
}

Test(report, csv_lines_and_figures)
{
	picture();
	char *csv = render(REPORT_CSV, false);
	const char *p = csv;
	struct rec r;
	csv_next(&p, &r);   /* header */
	/* plan line first */
	cr_assert(csv_next(&p, &r));
	cr_expect_str_eq(r.f[0], "*");
	cr_expect_str_eq(r.f[2], "*");
	cr_expect_eq(num(r.f[10]), 837);
	cr_expect_eq(num(r.f[11]), 737);
	cr_expect_eq(num(r.f[12]), 1300000);
	cr_expect_eq(num(r.f[13]), 800000);
	cr_expect_str_eq(r.f[14], "0.1");
	cr_expect_str_eq(r.f[15], "0.1");   /* 737 / 1,300,000 = 0.0567 % */
	cr_expect_eq(num(r.f[4]), 3);       /* IRC, SCI, TdH */
	cr_expect_eq(num(r.f[5]), 5);
	cr_expect_eq(num(r.f[6]), 167);     /* girls 60 + 100 + 7 */
	cr_expect_eq(num(r.f[8]), 50);
	/* then regions by p-code: ML04 Ségou (figures, no rows), ML05, ML06, ML07, ML08 */
	static const char *codes[] = { "ML04", "ML05", "ML05", "ML06", "ML06", "ML07", "ML07",
	                               "ML07", "ML08" };
	static const char *types[] = { "*", "*", "EAE", "*", "GC", "*", "GC", "PSS", "*" };
	for (size_t i = 0; i < 9; i++) {
		cr_assert(csv_next(&p, &r), "line %zu missing", i);
		cr_expect_str_eq(r.f[0], codes[i]);
		cr_expect_str_eq(r.f[2], types[i]);
		cr_expect_eq(r.n, 16);
		if (i == 5) {   /* Gao total */
			cr_expect_str_eq(r.f[1], "Gao");
			cr_expect_eq(num(r.f[10]), 430);
			cr_expect_eq(num(r.f[11]), 330);
			cr_expect_str_eq(r.f[14], "0.3");
			cr_expect_str_eq(r.f[15], "0.2");   /* 330 / 200,000 = 0.165 % */
			cr_expect_eq(num(r.f[4]), 2);
		}
		if (i == 6) {   /* Gao × GC: no dedup, no figures, no percentages */
			cr_expect_eq(num(r.f[10]), 180);
			cr_expect_str_eq(r.f[11], "");
			cr_expect_str_eq(r.f[12], "");
			cr_expect_str_eq(r.f[14], "");
			cr_expect_eq(num(r.f[5]), 2);
			cr_expect_str_eq(r.f[3], "Case management");
		}
		if (i == 3) {   /* Tombouctou: no figures → empty, never 0 */
			cr_expect_str_eq(r.f[12], "");
			cr_expect_str_eq(r.f[13], "");
			cr_expect_str_eq(r.f[14], "");
		}
		if (i == 1) {   /* Mopti: a total-only row adds no girls */
			cr_expect_eq(num(r.f[6]), 0);
			cr_expect_eq(num(r.f[10]), 400);
			cr_expect_str_eq(r.f[14], "0.2");
			cr_expect_str_eq(r.f[15], "0.1");
		}
	}
	cr_expect_not(csv_next(&p, &r), "nothing after Kidal");
	free(csv);
}

Test(report, csv_reconciles)
{
	picture();
	char *csv = render(REPORT_CSV, false);
	const char *p = csv;
	struct rec r;
	long long plan = -1, regions = 0, region_total = -1, types = 0;
	csv_next(&p, &r);
	while (csv_next(&p, &r)) {
		if (!strcmp(r.f[0], "*")) {
			plan = num(r.f[10]);
		} else if (!strcmp(r.f[2], "*")) {
			if (region_total >= 0)
				cr_expect_eq(types, region_total, "types of the region before %s", r.f[0]);
			region_total = num(r.f[10]);
			regions += region_total;
			types = 0;
		} else {
			types += num(r.f[10]);
		}
	}
	cr_expect_eq(types, region_total);
	cr_expect_eq(regions, plan);
	cr_expect_eq(plan, 100 + 250 + 80 + 400 + 7);
	free(csv);
}

Test(report, csv_neutralises_formulas_and_quotes)
{
	picture();   /* rows name regions by their fixture names: rename after */
	w.cfg.regions[FX_GAO].name = "=HYPERLINK(\"x\",\"y\")";
	w.cfg.regions[FX_MOPTI].name = "@SUM(A1)";
	w.cfg.regions[FX_KIDAL].name = "Kidal, nord";
	char *csv = render(REPORT_CSV, false);
	cr_expect(strstr(csv, ",\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\",") != NULL, "%s", csv);
	cr_expect(strstr(csv, ",'@SUM(A1),") != NULL);
	cr_expect(strstr(csv, ",\"Kidal, nord\",") != NULL);
	struct rec r;
	const char *p = csv;
	while (csv_next(&p, &r))
		cr_expect_eq(r.n, 16, "every line has 16 fields: %s", r.f[0]);
	free(csv);
}

Test(report, csv_under_a_region_filter_measures_against_the_selection)
{
	picture();
	filter_only_region(&w.flt, FX_GAO);
	filter_add_region(&w.flt, FX_MOPTI);
	char *csv = render(REPORT_CSV, false);
	const char *p = csv;
	struct rec r;
	csv_next(&p, &r);
	csv_next(&p, &r);
	cr_expect_str_eq(r.f[1], "Selected regions");
	cr_expect_eq(num(r.f[12]), 500000);
	cr_expect_eq(num(r.f[13]), 300000);
	cr_expect_eq(num(r.f[10]), 830);
	free(csv);
}

Test(report, markdown_is_byte_stable_and_opens_with_the_plan)
{
	picture();
	char *a = render(REPORT_MD, false);
	char *b = render(REPORT_MD, false);
	cr_expect_str_eq(a, b);
	cr_expect_eq(strncmp(a, "# Mali CP AoR 2024 (fixture) — coverage report\n", 49), 0, "%.80s", a);
	cr_expect(strstr(a, "- People in need: 1,300,000; people targeted: 800,000\n") != NULL);
	cr_expect(strstr(a, "- Funding: 600,000 received of 29,200,000 requested (2.1%)\n") != NULL);
	cr_expect(strstr(a, "- Filter: none\n") != NULL);
	cr_expect(strstr(a, "- Reporting mode: monthly") != NULL);
	cr_expect(strstr(a, "| sheets/a.csv | 5 | 0 | `aaaaaaaa") != NULL);
	cr_expect(strstr(a, "| **Reached without double counting** | **737** | 0.1% | 0.1% |") != NULL);
	cr_expect(strstr(a, "| ML06 | Tombouctou | unknown | unknown | 7 | 7 | no target | no figure | 1 | 1 |") != NULL);
	cr_expect(strstr(a, "|  | **Total** | 1,300,000 | 800,000 | 737 | 837 |") != NULL);
	/* no clock: neither today's year nor a time of day */
	cr_expect(strstr(a, "2026") == NULL && strstr(a, "2025") == NULL);
	free(a);
	free(b);
}

Test(report, sheet_text_is_escaped)
{
	/* a partner whose name carries a terminal escape and a bidi override,
	 * stale so that it appears in a gap reason */
	add((struct fx_row){ .partner = "Evil\x1b]52;c;aGk=\x07 \xe2\x80\xae|x", .region = "Gao",
	                     .type = "GC", .ym = 202401, .girls = 1 });
	const enum report_format fmts[] = { REPORT_TEXT, REPORT_MD, REPORT_CSV };
	for (int k = 0; k < 3; k++) {
		char *s = render(fmts[k], true);
		cr_expect(strchr(s, 0x1b) == NULL, "format %d: raw ESC", k);
		cr_expect(strchr(s, 0x07) == NULL, "format %d: raw BEL", k);
		cr_expect(strstr(s, "\xe2\x80\xae") == NULL, "format %d: raw U+202E", k);
		/* Markdown escapes the backslash of the escape too: it renders as \x1b */
		bool md = fmts[k] == REPORT_MD;
		cr_expect(strstr(s, md ? "\\\\x1b\\]52" : "\\x1b]52") != NULL, "format %d: %s", k, s);
		cr_expect(strstr(s, md ? "\\\\u202e\\|x" : "\\u202e|x") != NULL, "format %d", k);
		free(s);
	}
}

Test(report, text_fits_100_columns)
{
	picture();
	for (int i = 0; i < 40; i++)
		add((struct fx_row){ .partner = "P", .region = "Gao", .cercle = "Ansongo", .type = "PSS",
		                     .ym = 202401, .girls = 1, .activity = i % 2 ? "a" : "b" });
	w.cfg.regions[FX_GAO].name = "A region with a very long name indeed";
	char *s = render(REPORT_TEXT, false);
	for (char *line = strtok(s, "\n"); line; line = strtok(NULL, "\n"))
		cr_expect_leq(text_utf8_len(line), 100, "too wide: %s", line);
	free(s);
}

Test(report, text_has_the_key_figures)
{
	picture();
	char *s = render(REPORT_TEXT, false);
	cr_expect(strstr(s, "  Reached without double counting              737   0.1% of target") != NULL, "%s", s);
	cr_expect(strstr(s, "  Simple sum of rows                           837") != NULL);
	cr_expect(strstr(s, "  Funding received                         600,000   of 29,200,000 requested (2.1%)") != NULL);
	cr_expect(strstr(s, "ML06  Tombouctou") != NULL);
	cr_expect(strstr(s, "no target") != NULL);
	cr_expect(strstr(s, "critical  no-presence      Kidal: 61,000 in need, no partner reporting") != NULL);
	free(s);
}

Test(report, gaps_csv)
{
	picture();
	const char *who[] = { "A", "B", "C" };
	for (int i = 0; i < 3; i++)
		add((struct fx_row){ .partner = who[i], .region = "Gao", .cercle = "Bourem",
		                     .type = "ENA", .ym = 202404, .girls = 1 });
	char *csv = render(REPORT_CSV, true);
	cr_expect_eq(strncmp(csv, "severity,kind,region_code,region,cercle,intervention_code,"
	                     "reason,rows\n", 67), 0);
	cr_expect(strstr(csv, "medium,concentration,ML07,Gao,Bourem,ENA,") != NULL, "%s", csv);
	cr_expect(strstr(csv, ",sheets/a.csv:7 sheets/a.csv:8 sheets/a.csv:9\n") != NULL);
	cr_expect(strstr(csv, "critical,no-presence,ML08,Kidal,,,Kidal: 61,000") == NULL,
	          "a reason with a comma is quoted");
	cr_expect(strstr(csv, "critical,no-presence,ML08,Kidal,,,\"Kidal: 61,000 in need, no partner "
	                 "reporting\",\n") != NULL);
	free(csv);
}

Test(report, write_errors_are_reported)
{
	picture();
	cube_index_free(&w.ix);
	cube_index_build(&w.ix, &w.cfg, &w.tab);
	cube_compute(&w.cube, &w.ix, &w.flt);
	gaps_compute(&w.gl, &w.cfg, &w.tab, &w.cube, fx_month(202404));
	struct report_input in = { &w.cfg, &w.tab, &w.cube, &w.gl, fx_month(202404) };
	FILE *f = fopen("/dev/full", "w");
	cr_assert_not_null(f);
	cr_expect_eq(report_write(f, REPORT_MD, &in), -1);
	cr_expect_eq(report_write(f, REPORT_CSV, &in), -1);
	cr_expect_eq(report_write_gaps(f, REPORT_TEXT, &in), -1);
	fclose(f);
}

Test(report, format_names)
{
	enum report_format f;
	cr_expect(report_format_parse("md", &f) && f == REPORT_MD);
	cr_expect(report_format_parse("csv", &f) && f == REPORT_CSV);
	cr_expect(report_format_parse("text", &f) && f == REPORT_TEXT);
	cr_expect_not(report_format_parse("pdf", &f));
}

/* ---- no accepted row (src/cli_report.c) ------------------------------------ */

/* What cli_no_row_accepted writes for table t, or "" if it lets the command
 * go on. */
static char *refusal(const struct table *t, const char *config, const char *const *paths,
                     size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	cr_assert_not_null(f);
	bool refused = cli_no_row_accepted(f, "fourw report", t, config, paths, n);
	fclose(f);
	cr_expect_eq(refused, len > 0, "refuses exactly when it says why");
	return buf;
}

/* Beside the fixture's a.csv (no data row), four sheets lose every row:
 * 1, 7, 3 and 7.  The three that lost most are named, most first and in
 * the order read among equals (c before e), then "and 2 more sheets" (a
 * and b). */
Test(report, no_row_accepted_names_the_sheets_that_lost_most)
{
	static const size_t lost[] = { 1, 7, 3, 7 };
	static const char *names[] = { "in/b.csv", "in/c.csv", "in/d.csv", "in/e.csv" };
	for (int i = 0; i < 4; i++) {
		uint32_t s = fx_source(&w.tab, names[i]);
		w.tab.sources[s].rejected = w.tab.sources[s].rows_read = lost[i];
	}
	const char *paths[] = { "in", "sheets/a.csv" };
	char *msg = refusal(&w.tab, "x.ini", paths, 2);
	cr_expect_str_eq(msg, "fourw report: no row accepted, nothing to count (c.csv: 7 of 7 rows "
	                 "rejected, e.csv: 7 of 7 rows rejected, d.csv: 3 of 3 rows rejected and 2 "
	                 "more sheets); run fourw check -c x.ini in sheets/a.csv to see why\n");
	free(msg);
}

Test(report, no_row_accepted_with_no_sheet_and_no_config_given)
{
	struct table t;
	table_init(&t);
	char *msg = refusal(&t, NULL, NULL, 0);
	cr_expect_str_eq(msg, "fourw report: no row accepted, nothing to count (no sheet found); "
	                 "run fourw check to see why\n");
	free(msg);
	table_free(&t);
}

Test(report, one_accepted_row_is_enough)
{
	add((struct fx_row){ .partner = "IRC", .region = "Gao", .type = "GC", .girls = 1 });
	w.tab.sources[w.src].rejected = 99;
	char *msg = refusal(&w.tab, NULL, NULL, 0);
	cr_expect_str_eq(msg, "");
	free(msg);
}
