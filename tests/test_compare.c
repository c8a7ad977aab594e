/* compare: a saved report read back, and what changed from it to the
 * figures of tests/fixtures/sheets/delta_months.csv; the saved report and
 * every expected change are worked out by hand in
 * tests/fixtures/compare/README.md. */
#include <criterion/criterion.h>
#include <string.h>

#include "aggregate.h"
#include "compare.h"
#include "config.h"
#include "cube_index.h"
#include "filter.h"
#include "load.h"
#include "plan_fixture.h"
#include "table.h"

#define CMP "tests/fixtures/compare/"

static struct config cfg;
static struct table tab;
static struct cube_index ix;
static struct cube now;
static struct baseline saved;
static struct change_list changes;

static void setup(void)
{
	struct filter all;
	fx_plan_sheet(&cfg, &tab, &ix, "tests/fixtures/sheets/delta_months.csv");
	cube_init(&now);
	filter_init(&all);
	cube_compute(&now, &ix, &all);
	baseline_init(&saved);
}

static void teardown(void)
{
	change_list_free(&changes);
	baseline_free(&saved);
	cube_free(&now);
	cube_index_free(&ix);
	table_free(&tab);
	config_free(&cfg);
}

TestSuite(compare, .init = setup, .fini = teardown);

static const struct change *find(enum change_kind k, const char *region, const char *type)
{
	int r = fx_region(&cfg, region), t = type ? fx_type(&cfg, type) : -1;
	for (size_t i = 0; i < changes.len; i++)
		if (changes.items[i].kind == k && changes.items[i].region == r &&
		    changes.items[i].type == t)
			return &changes.items[i];
	return NULL;
}

static const struct change *find_gap(enum change_kind k, const char *region, enum gap_kind g)
{
	int r = fx_region(&cfg, region);
	for (size_t i = 0; i < changes.len; i++)
		if (changes.items[i].kind == k && changes.items[i].region == r &&
		    changes.items[i].gap == g)
			return &changes.items[i];
	return NULL;
}

static void read_saved(void)
{
	struct error e;
	cr_assert(baseline_read_report(&saved, &cfg, CMP "last_meeting.csv", &e), "%s", e.msg);
}

Test(compare, the_saved_report_is_read_line_by_line)
{
	read_saved();
	cr_expect_eq(saved.total.dedup, 50830);
	cr_expect_eq(saved.total.partners, 6);
	const struct base_figures *gao = &saved.region[fx_region(&cfg, "Gao")];
	cr_expect(gao->listed);
	cr_expect_eq(gao->partners, 3);
	cr_expect_eq(gao->reached, 640);
	cr_expect_eq(gao->dedup, 580);
	cr_expect_eq(gao->targeted, 110000);
	const struct base_figures *eae = baseline_cell(&saved, (size_t)fx_region(&cfg, "Gao"),
	                                               (size_t)fx_type(&cfg, "EAE"));
	cr_expect(eae->listed);
	cr_expect_eq(eae->reached, 60);
	cr_expect_eq(eae->dedup, -1);
	cr_expect(!baseline_cell(&saved, (size_t)fx_region(&cfg, "Gao"), (size_t)fx_type(&cfg, "GC"))->listed);
}

Test(compare, what_changed_since_the_saved_report)
{
	read_saved();
	compare_changes(&saved, &cfg, &now, &changes);
	const struct change *c;
	cr_assert((c = find(CHANGE_REACHED, "Mopti", NULL)));
	cr_expect_eq(c->before, 250);
	cr_expect_eq(c->now, 310);
	cr_expect_null(find(CHANGE_REACHED, "Gao", NULL));   /* 580 both times */
	cr_assert((c = find(CHANGE_PARTNERS, "Gao", NULL)));
	cr_expect_eq(c->before, 3);
	cr_expect_eq(c->now, 2);
	cr_assert((c = find(CHANGE_CELL_NEW, "Gao", "GC")));
	cr_expect_eq(c->now, 20);
	cr_assert((c = find(CHANGE_CELL_GONE, "Gao", "EAE")));
	cr_expect_eq(c->before, 60);
	cr_assert((c = find(CHANGE_REACHED, "Kidal", NULL)));
	cr_expect_eq(c->now, 3500);
	cr_expect_not_null(find(CHANGE_CELL_NEW, "Kidal", "GC"));
	cr_expect_not_null(find_gap(CHANGE_GAP_CLOSED, "Kidal", GAP_NO_PRESENCE));
	cr_assert((c = find(CHANGE_REACHED, "Ménaka", NULL)));
	cr_expect_eq(c->before, 50000);
	cr_expect_eq(c->now, 0);
	cr_expect_not_null(find(CHANGE_PARTNERS, "Ménaka", NULL));
	cr_expect_not_null(find(CHANGE_CELL_GONE, "Ménaka", "GC"));
	cr_assert((c = find_gap(CHANGE_GAP_NEW, "Ménaka", GAP_NO_PRESENCE)));
	cr_expect_eq(c->severity, SEV_CRITICAL);
	cr_assert((c = find_gap(CHANGE_GAP_NEW, "Ménaka", GAP_LOW_COVERAGE)));
	cr_expect_eq(c->severity, SEV_CRITICAL);
	/* Mopti 1, Gao 3, Kidal 4, Ménaka 5: nothing else moved */
	cr_expect_eq(changes.len, 13);
}

Test(compare, the_previous_month_as_a_baseline)
{
	struct cube feb;
	struct filter upto;
	filter_init(&upto);
	filter_close_window(&upto, -1, fx_month(202402));
	cube_init(&feb);
	cube_compute(&feb, &ix, &upto);
	baseline_from_cube(&saved, &cfg, &feb);
	compare_changes(&saved, &cfg, &now, &changes);
	/* fixture README: Mopti +60, Kidal +3,500 and its partner, Gao's new GC
	 * cell; Kidal's no-presence gap closed */
	cr_expect_not_null(find(CHANGE_REACHED, "Mopti", NULL));
	cr_expect_not_null(find(CHANGE_REACHED, "Kidal", NULL));
	cr_expect_not_null(find(CHANGE_PARTNERS, "Kidal", NULL));
	cr_expect_not_null(find(CHANGE_CELL_NEW, "Gao", "GC"));
	cr_expect_not_null(find(CHANGE_CELL_NEW, "Kidal", "GC"));
	cr_expect_not_null(find_gap(CHANGE_GAP_CLOSED, "Kidal", GAP_NO_PRESENCE));
	cr_expect_eq(changes.len, 6);
	cube_free(&feb);
}

static void expect_error(const char *path, const char *where, const char *what)
{
	struct error e;
	cr_assert(!baseline_read_report(&saved, &cfg, path, &e), "%s read", path);
	cr_expect(strstr(e.msg, where) != NULL, "%s", e.msg);
	cr_expect(strstr(e.msg, what) != NULL, "%s", e.msg);
}

Test(compare, a_sheet_is_not_a_report)
{
	expect_error("tests/fixtures/sheets/delta_months.csv", "delta_months.csv:1:1: ",
	             "expected column 'region_code', found 'Organization'");
}

Test(compare, an_unknown_region_code_is_named)
{
	expect_error(CMP "unknown_region.csv", "unknown_region.csv:2:1: ", "'ML99'");
}

Test(compare, a_figure_that_is_not_a_number_is_named)
{
	expect_error(CMP "bad_number.csv", "bad_number.csv:3:11: ", "'douze'");
}

Test(compare, a_missing_file_is_named)
{
	expect_error(CMP "no_such.csv", "no_such.csv: ", "No such file");
}
