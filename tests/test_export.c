/* export and mask: what `e` writes, on the fixture plan, read back from
 * the files.  Every figure is worked out by hand beside the picture. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export.h"
#include "mask.h"
#include "plan_fixture.h"

static struct fx_world w;
static char dir[64];

static void setup(void)
{
	fx_world_init(&w, "sheets/a.csv");
	w.cfg.share.mask_below = 5;
	snprintf(dir, sizeof dir, "/tmp/fourw-export-XXXXXX");
	cr_assert(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
	fx_world_free(&w);
}

TestSuite(export, .init = setup, .fini = teardown);

static void add(struct fx_row r)
{
	r.src = w.src;
	fx_add(&w.tab, &w.cfg, r);
}

/* Gao/Ansongo GC: girls 60, boys 3 (masked when shared) = 63
 * Gao/Bourem  GC: girls 20, boys 10 = 30
 * Kidal       PSS: girls 2 (masked) = 2
 * Gao: dedup 63 + 30 = 93 of 120,000 targeted → 0.1 %;  Kidal 2 of 40,000 → 0.0 %
 * Plan: 95. */
static void picture(void)
{
	add((struct fx_row){ .partner = "=HYPERLINK(\"x\")", .region = "Gao", .cercle = "Ansongo",
	                     .type = "GC", .ym = 202403, .girls = 60, .boys = 3 });
	add((struct fx_row){ .partner = "IRC", .region = "Gao", .cercle = "Bourem", .type = "GC",
	                     .ym = 202403, .girls = 20, .boys = 10 });
	add((struct fx_row){ .partner = "SCI", .region = "Kidal", .type = "PSS", .ym = 202403,
	                     .girls = 2 });
	cube_index_build(&w.ix, &w.cfg, &w.tab);
	cube_compute(&w.cube, &w.ix, &w.flt);
	gaps_compute(&w.gl, &w.cfg, &w.tab, &w.cube, fx_month(202404));
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "%s", path);
	static char buf[1 << 16];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static char *export(enum export_view v, bool share, const struct export_rows *rows)
{
	struct report_input in = { &w.cfg, &w.tab, &w.cube, &w.gl, fx_month(202404) };
	struct export_request rq = { .view = v, .share = share, .folder = dir };
	if (rows)
		rq.rows = *rows;
	char path[256];
	struct error e;
	cr_assert(export_write(&in, &rq, path, sizeof path, &e), "%s", e.msg);
	return slurp(path);
}

Test(export, mask_rule)
{
	char buf[24];
	cr_assert_str_eq(mask_count(0, 5, buf), "0", "no child: nothing to protect");
	cr_assert_str_eq(mask_count(1, 5, buf), "<5");
	cr_assert_str_eq(mask_count(4, 5, buf), "<5");
	cr_assert_str_eq(mask_count(5, 5, buf), "5");
	cr_assert_eq(mask_total(63, true), 60);
	cr_assert_eq(mask_total(65, true), 70, "five up");
	cr_assert_eq(mask_total(63, false), 63);
}

Test(export, regions_for_the_imo_are_exact_with_an_hxl_row)
{
	picture();
	const char *csv = export(EXPORT_REGIONS, false, NULL);
	cr_assert(strstr(csv, "region_code,region,in_need,targeted,reached,coverage_target_pct,"
	                      "partners,flag\r\n#adm1+code,#adm1+name,#inneed,#targeted,#reached,"
	                      "#indicator+coverage+pct,#org+num,#severity\r\n"), "%s", csv);
	cr_assert(strstr(csv, "ML07,Gao,200000,120000,93,0.1,2,"), "%s", csv);
	cr_assert(strstr(csv, "ML08,Kidal,61000,40000,2,0.0,1,"), "%s", csv);
	cr_assert(strstr(csv, ",Plan,1300000,800000,95,0.0,3,"), "%s", csv);
}

/* Shared: Kidal's 2 is masked; the plan's 95 sums it, so it is rounded to
 * 100 (and its percentage computed from 100); Gao's 93 does not (its
 * region figure is not a masked count: only the rows' 3 boys are, and
 * they are not a column of this table). */
Test(export, regions_to_share_mask_small_counts_and_round_their_totals)
{
	picture();
	const char *csv = export(EXPORT_REGIONS, true, NULL);
	cr_assert(strstr(csv, "ML08,Kidal,61000,40000,<5,,1,"), "%s", csv);
	cr_assert(strstr(csv, "ML07,Gao,200000,120000,93,0.1,2,"), "%s", csv);
	cr_assert(strstr(csv, ",Plan,1300000,800000,100,0.0,3,"), "%s", csv);
}

/* Each row's reached sums its girls and boys: the row with 3 boys shows
 * <5 and its 63 rounded to 60; formulas written by a partner are inert. */
Test(export, rows_to_share)
{
	picture();
	uint32_t idx[] = { 0, 1 };
	struct export_rows rows = { idx, 2 };
	const char *csv = export(EXPORT_ROWS, true, &rows);
	/* The fixture's rows start on line 2, under a header. */
	cr_assert(strstr(csv, "sheets/a.csv,2,\"'=HYPERLINK(\"\"x\"\")\",Gao,Ansongo,GC,,60,<5,0,0,60\r\n"),
	          "%s", csv);
	cr_assert(strstr(csv, "sheets/a.csv,3,IRC,Gao,Bourem,GC,,20,10,0,0,30\r\n"), "%s", csv);
}

Test(export, french_excel_form)
{
	picture();
	w.cfg.share.excel_fr = true;
	const char *csv = export(EXPORT_REGIONS, false, NULL);
	cr_assert(strncmp(csv, "\xEF\xBB\xBFregion_code;region;", 20) == 0, "%s", csv);
	cr_assert(strstr(csv, "ML07;Gao;200000;120000;93;0,1;2;"), "%s", csv);
}

Test(export, matrix_and_markdown)
{
	picture();
	export(EXPORT_MATRIX, true, NULL);
	char path[256];
	snprintf(path, sizeof path, "%s/matrix-all-2024-04-share.md", dir);
	const char *md = slurp(path);
	cr_assert(strstr(md, "| Code | Region | GC | PSS | EAE | ENA | SENS | AUTRE |"), "%s", md);
	/* Gao GC: 63 + 30 = 93 (a region's cell, not a masked count); Kidal PSS 2. */
	cr_assert(strstr(md, "| ML07 | Gao | 93 | 0 | 0 | 0 | 0 | 0 |"), "%s", md);
	/* Markdown escapes the '<' (it renders as "<5"). */
	cr_assert(strstr(md, "| ML08 | Kidal | 0 | \\<5 | 0 | 0 | 0 | 0 |"), "%s", md);
	/* The plan's PSS is Kidal's 2 alone: below 5 itself, so masked too. */
	cr_assert(strstr(md, "|  | Plan | 93 | \\<5 | 0 | 0 | 0 | 0 |"), "%s", md);
	cr_assert(strstr(md, "Counts below 5 are shown as <5"), "%s", md);
}

Test(export, names_say_view_filter_and_month)
{
	picture();
	char name[160];
	struct report_input in = { &w.cfg, &w.tab, &w.cube, &w.gl, fx_month(202404) };
	struct export_request rq = { .view = EXPORT_GAPS };
	export_name(&in, &rq, name, sizeof name);
	cr_assert_str_eq(name, "gaps-all-2024-04");
	filter_add_region(&w.flt, fx_region(&w.cfg, "Ségou"));
	cube_compute(&w.cube, &w.ix, &w.flt);
	rq.share = true;
	export_name(&in, &rq, name, sizeof name);
	cr_assert_str_eq(name, "gaps-region-segou-2024-04-share");
}

Test(export, a_folder_that_cannot_be_made_is_said)
{
	picture();
	struct report_input in = { &w.cfg, &w.tab, &w.cube, &w.gl, fx_month(202404) };
	struct export_request rq = { .view = EXPORT_REGIONS, .folder = "/proc/no/such" };
	char path[256];
	struct error e;
	cr_assert_not(export_write(&in, &rq, path, sizeof path, &e));
	cr_assert(strstr(e.msg, "/proc/no/such: cannot make the export folder"), "%s", e.msg);
}
