/* delta: the figures as they stood at the end of the previous reporting
 * month, and the trend, on tests/fixtures/sheets/delta_months.csv (three
 * months, cumulative mode of the frozen plan); every expected figure is
 * worked out by hand in tests/fixtures/sheets/README.md. */
#include <criterion/criterion.h>
#include <math.h>

#include "aggregate.h"
#include "config.h"
#include "cube_index.h"
#include "date.h"
#include "delta.h"
#include "filter.h"
#include "load.h"
#include "plan_fixture.h"
#include "table.h"

static struct config cfg;
static struct table tab;
static struct cube_index ix;
static struct cube now, before;
static struct filter all;

static void setup(void)
{
	fx_plan_sheet(&cfg, &tab, &ix, "tests/fixtures/sheets/delta_months.csv");
	cube_init(&now);
	cube_init(&before);
	filter_init(&all);
	cube_compute(&now, &ix, &all);
}

static void teardown(void)
{
	cube_free(&now);
	cube_free(&before);
	cube_index_free(&ix);
	table_free(&tab);
	config_free(&cfg);
}

TestSuite(delta, .init = setup, .fini = teardown);

static size_t region(const char *name)
{
	return (size_t)fx_region(&cfg, name);
}

Test(delta, the_report_month_is_the_latest_and_the_previous_one_before_it)
{
	int m = delta_report_month(&cfg, &tab, &all);
	cr_expect_eq(m, month_index(2024, 3));
	cr_expect_eq(delta_previous_month(m), month_index(2024, 2));
	cr_expect_eq(delta_previous_month(-1), -1);
}

Test(delta, a_to_month_moves_the_report_month_back)
{
	struct filter f;
	filter_init(&f);
	filter_close_window(&f, -1, month_index(2024, 2));
	cr_expect_eq(delta_report_month(&cfg, &tab, &f), month_index(2024, 2));
}

Test(delta, the_figures_as_they_stood_in_february)
{
	cr_assert(delta_compute_before(&before, &ix, &cfg, &all, month_index(2024, 3)));
	/* Mopti: Bandiagara PSS 100 (line 3, February's restatement) + Bankass 150 */
	cr_expect_eq(before.region_dedup[region("Mopti")], 250);
	cr_expect_eq(before.region[region("Mopti")].partners, 2);
	/* Gao: Ansongo SENS 280 + Gao PSS 300; the March GC row not yet there */
	cr_expect_eq(before.region_dedup[region("Gao")], 580);
	cr_expect_eq(before.region[region("Gao")].reached, 580);
	cr_expect_eq(before.region_dedup[region("Kidal")], 0);
	cr_expect_eq(before.region[region("Kidal")].partners, 0);
	cr_expect_eq(before.total_dedup, 830);
	cr_expect_eq(before.total.partners, 3);
}

Test(delta, the_change_since_february)
{
	cr_assert(delta_compute_before(&before, &ix, &cfg, &all, month_index(2024, 3)));
	size_t mopti = region("Mopti"), gao = region("Gao"), kidal = region("Kidal");
	/* Mopti 310 - 250: IRC's March restatement 160 replaces February's 100 */
	cr_expect_eq(now.region_dedup[mopti] - before.region_dedup[mopti], 60);
	/* Gao: the new GC 20 in Ansongo is under SENS 280 there, so the figure
	 * without double counting does not move; the simple sum does */
	cr_expect_eq(now.region_dedup[gao] - before.region_dedup[gao], 0);
	cr_expect_eq(now.region[gao].reached - before.region[gao].reached, 20);
	cr_expect_eq(now.region_dedup[kidal] - before.region_dedup[kidal], 3500);
	cr_expect_eq((int)now.region[kidal].partners - (int)before.region[kidal].partners, 1);
	cr_expect_eq(now.total_dedup - before.total_dedup, 4390 - 830);
	cr_expect_eq((int)now.total.partners - (int)before.total.partners, 1);
	const struct measure *gc = cube_cell(&before, gao, (size_t)fx_type(&cfg, "GC"));
	cr_expect_eq(gc->activities, 0);
}

Test(delta, coverage_changes_in_percentage_points)
{
	double pp;
	/* Kidal: 3,500 of 35,000 targeted = 10.0 %, from 0 % */
	cr_assert(delta_coverage_points(3500, 0, 35000, &pp));
	cr_expect(fabs(pp - 10.0) < 1e-9, "%f", pp);
	/* Mopti: (310 - 250) / 190,000 = 0.0316 points */
	cr_assert(delta_coverage_points(310, 250, 190000, &pp));
	cr_expect(fabs(pp - 6000.0 / 190000.0) < 1e-9, "%f", pp);
	cr_expect(!delta_coverage_points(10, 0, CONFIG_UNKNOWN, &pp));
	cr_expect(!delta_coverage_points(10, 0, 0, &pp));
}

Test(delta, no_month_no_previous_figures)
{
	before.total_dedup = -7;
	cr_expect(!delta_compute_before(&before, &ix, &cfg, &all, -1));
	cr_expect_eq(before.total_dedup, -7);
}

Test(delta, a_region_filter_is_kept)
{
	struct filter f;
	filter_init(&f);
	filter_only_region(&f, (int)region("Mopti"));
	cr_assert(delta_compute_before(&before, &ix, &cfg, &f, month_index(2024, 3)));
	cr_expect_eq(before.total_dedup, 250);
	cr_expect_eq(before.region_dedup[region("Gao")], 0);
}

Test(delta, the_trend_is_the_figure_at_the_end_of_each_month)
{
	struct trend tr;
	trend_init(&tr);
	trend_compute(&tr, &ix, &cfg, &all, month_index(2024, 3));
	cr_assert_eq(tr.last_month, month_index(2024, 3));
	size_t mopti = region("Mopti"), gao = region("Gao"), kidal = region("Kidal");
	int jan = TREND_MONTHS - 3, feb = TREND_MONTHS - 2, mar = TREND_MONTHS - 1;
	cr_expect_eq(trend_at(&tr, mopti, 0), 0);          /* October 2023: no row */
	cr_expect_eq(trend_at(&tr, mopti, jan), 60);
	cr_expect_eq(trend_at(&tr, mopti, feb), 250);
	cr_expect_eq(trend_at(&tr, mopti, mar), 310);
	cr_expect_eq(trend_at(&tr, gao, jan), 280);
	cr_expect_eq(trend_at(&tr, gao, feb), 580);
	cr_expect_eq(trend_at(&tr, gao, mar), 580);
	cr_expect_eq(trend_at(&tr, kidal, feb), 0);
	cr_expect_eq(trend_at(&tr, kidal, mar), 3500);
	trend_free(&tr);
}
