/* Rule 9, a report sent twice: the folders of tests/fixtures/sheets/resent/
 * loaded as the command line loads them, and the figures they give.  Every
 * expected figure is worked out by hand in tests/fixtures/sheets/README.md
 * ("resent/"). */
#include <criterion/criterion.h>
#include <string.h>

#include "aggregate.h"
#include "cube_index.h"
#include "filter.h"
#include "load.h"
#include "plan_fixture.h"
#include "table.h"

#define RESENT "tests/fixtures/sheets/resent/"

static struct config cfg;
static struct table t;
static struct cube_index ix;
static struct cube q;

static void setup(void)
{
	fx_plan_load(&cfg);
	table_init(&t);
	cube_init(&q);
	memset(&ix, 0, sizeof ix);
}

static void teardown(void)
{
	cube_free(&q);
	cube_index_free(&ix);
	table_free(&t);
	config_free(&cfg);
}

TestSuite(resent, .init = setup, .fini = teardown);

static void load_folder(const char *dir)
{
	struct error e;
	const char *paths[] = { dir };
	cr_assert(load_paths(&t, &cfg, paths, 1, &e), "%s", e.msg);
}

/* The figures of the whole plan, no filter. */
static void compute(void)
{
	struct filter f;
	filter_init(&f);
	cube_index_build(&ix, &cfg, &t);
	cube_compute(&q, &ix, &f);
}

static size_t accepted(void)
{
	size_t n = 0;
	for (size_t i = 0; i < t.nsources; i++)
		n += t.sources[i].accepted;
	return n;
}

Test(resent, an_identical_copy_counts_once)
{
	load_folder(RESENT "identical");
	cr_assert_eq(t.nsources, 2);
	cr_assert_eq(t.sources[0].resent, 3, "all of partner_v1.csv's rows are in v2");
	cr_assert_eq(t.sources[1].resent, 0);
	compute();
	/* partner_v2.csv alone: 60 + 45 + 280 = 385; Bandiagara max(60, 45) + Ansongo 280 = 340 */
	cr_assert_eq(q.total.reached, 385);
	cr_assert_eq(q.total_dedup, 340);
	cr_assert_eq(q.nrows, 3);
	cr_assert_eq(q.resent_left_out, 3);
	cr_assert_eq(q.nselected, accepted(), "selected = counted + left out: the rows add up");
	struct resent_pair *p;
	cr_assert_eq(table_resent_pairs(&t, &p), 1);
	cr_assert_eq(p[0].older, 0);
	cr_assert_eq(p[0].newer, 1);
	cr_assert_eq(p[0].rows, 3);
	cr_assert(table_resent_whole(&t, &p[0]));
	free(p);
}

Test(resent, an_updated_copy_keeps_the_older_rows_it_lacks)
{
	load_folder(RESENT "updated");
	compute();
	/* v1's Ansongo 280 (not in v2) + v2's 80 + 45 + 20 = 425;
	 * dedup Bandiagara max(80, 45) + Ansongo 280 + Gao 20 = 380 */
	cr_assert_eq(q.total.reached, 425);
	cr_assert_eq(q.total_dedup, 380);
	cr_assert_eq(q.nrows, 4);
	cr_assert_eq(q.resent_left_out, 2);
	struct resent_pair *p;
	cr_assert_eq(table_resent_pairs(&t, &p), 1);
	cr_assert_eq(p[0].rows, 2, "the PSS and GC reports of v1");
	cr_assert_eq(p[0].same, 1, "GC came back with the same counts, PSS with others");
	cr_assert_not(table_resent_whole(&t, &p[0]));
	free(p);
}

Test(resent, a_month_split_by_region_counts_both_sheets)
{
	load_folder(RESENT "split");
	compute();
	cr_assert_eq(t.nresent, 0);
	cr_assert_eq(q.total.reached, 430, "Ansongo 280 + Bankass 150");
	cr_assert_eq(q.nrows, 2);
}

Test(resent, the_latest_month_decides_not_the_name)
{
	cfg.mode = MODE_MONTHLY;
	load_folder(RESENT "months");
	cr_assert_eq(t.nsources, 2);
	cr_assert(strstr(t.sources[0].path, "avril.csv"), "read in name order: avril first");
	cr_assert_eq(t.sources[0].resent, 0, "avril.csv reaches 2024-04: the newer report");
	cr_assert_eq(t.sources[1].resent, 1, "fevrier.csv's February row is superseded");
	compute();
	/* monthly: avril's February 70 + April 90 = 160 (fevrier's 60 left out) */
	cr_assert_eq(q.total.reached, 160);
}

Test(resent, sum_counts_every_copy_and_still_lists_them)
{
	cfg.resent = RESENT_SUM;
	load_folder(RESENT "identical");
	compute();
	cr_assert_eq(t.nresent, 3, "listed either way");
	cr_assert_eq(q.total.reached, 770, "385 twice");
	cr_assert_eq(q.resent_left_out, 0);
	cr_assert_eq(q.nrows, 6);
}

static void load_text(const char *name, const char *text)
{
	struct error e;
	cr_assert(load_buffer(&t, &cfg, name, text, strlen(text), &e), "%s", e.msg);
}

#define HEADER "Organization,Region,Cercle,Intervention type,Activity,Reporting month,Girls\n"

Test(resent, rows_of_one_sheet_never_supersede_each_other)
{
	load_text("one.csv", HEADER "IRC,Mopti,Bandiagara,PSS,Groups,2024-03,10\n"
	                            "IRC,Mopti,Bandiagara,PSS,Groups,2024-03,12\n");
	cr_assert_eq(table_mark_resent(&t), 0);
	cr_assert_eq(t.rows[0].resent + t.rows[1].resent, 0);
}

Test(resent, same_month_the_later_name_wins_and_both_rows_of_the_report_go)
{
	/* b.csv sends the report twice over (two rows of one key); a.csv once */
	load_text("b.csv", HEADER "IRC,Mopti,Bandiagara,PSS,Groups,2024-03,10\n");
	load_text("a.csv", HEADER "IRC,Mopti,Bandiagara,PSS,Groups,2024-03,7\n"
	                          "IRC,Mopti,Bandiagara,PSS,Groups,2024-03,8\n"
	                          "IRC,Mopti,Bandiagara,GC,Cases,2024-03,5\n");
	cr_assert_eq(table_mark_resent(&t), 2, "a.csv's two PSS rows; its GC row is its own");
	cr_assert_eq(t.sources[0].resent, 0);
	cr_assert_eq(t.sources[1].resent, 2);
	cr_assert_eq(t.resent[0].by_source, 0);
	cr_assert_eq(t.resent[0].by_line, 2);
	cr_assert_not(t.resent[0].same, "7 against 10");
}
