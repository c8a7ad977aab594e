/* gaps: each rule fires at its threshold and just past it, and stays
 * silent just before it and where it does not apply.  Figures are the
 * fixture's (see plan_fixture.h): Kidal 61,000 in need, 40,000 targeted. */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "gaps.h"
#include "gaps_order.h"
#include "plan_fixture.h"

static struct fx_world w;

static void setup(void)
{
	fx_world_init(&w, "sheets/a.csv");
}

static void teardown(void)
{
	fx_world_free(&w);
}

TestSuite(gaps, .init = setup, .fini = teardown);

static size_t add(struct fx_row r)
{
	r.src = w.src;
	return fx_add(&w.tab, &w.cfg, r);
}

/* The people reached in a region, as one ongoing PSS row. */
static void reach(const char *region, int32_t n)
{
	add((struct fx_row){ .partner = "IRC", .region = region, .type = "PSS", .ym = 202403,
	                     .girls = n });
}

static void run(int report_month)
{
	cube_index_free(&w.ix);
	cube_index_build(&w.ix, &w.cfg, &w.tab);
	cube_compute(&w.cube, &w.ix, &w.flt);
	gaps_compute(&w.gl, &w.cfg, &w.tab, &w.cube, report_month);
}

static size_t count(enum gap_kind k, int region)
{
	size_t n = 0;
	for (size_t i = 0; i < w.gl.len; i++)
		n += w.gl.items[i].kind == k && w.gl.items[i].region == region;
	return n;
}

static const struct gap *find(enum gap_kind k, int region, int type)
{
	for (size_t i = 0; i < w.gl.len; i++)
		if (w.gl.items[i].kind == k && w.gl.items[i].region == region &&
		    (type < 0 || w.gl.items[i].type == type))
			return &w.gl.items[i];
	return NULL;
}

/* Every region except `except` gets enough reach and an active GC and ENA,
 * so only the region under test can raise flags. */
/* The rows behind flag g (as gaps_rows lists them), checked against its
 * count; freed at the next call. */
static const struct rowref *rows_of(const struct gap *g)
{
	static struct rowref *rows;
	free(rows);
	size_t n = gaps_rows(&w.gl, (size_t)(g - w.gl.items), &rows);
	cr_assert_eq(n, g->nrows, "gaps_rows listed %zu rows, the flag counts %zu", n, g->nrows);
	return rows;
}

static void quiet_elsewhere(int except)
{
	static const char *names[] = { "Gao", "Mopti", "Kidal", "Ségou" };
	static const int32_t target[] = { 120000, 180000, 40000, 60000 };
	for (int r = 0; r < 4; r++) {
		if (r == except)
			continue;
		add((struct fx_row){ .partner = "UNICEF", .region = names[r], .type = "GC",
		                     .ym = 202403, .girls = target[r] });
		add((struct fx_row){ .partner = "UNICEF", .region = names[r], .type = "ENA",
		                     .ym = 202403, .girls = 1 });
	}
}

/* ---- no presence --------------------------------------------------------- */

Test(gaps, no_presence_fires_for_a_region_with_need_and_nobody)
{
	quiet_elsewhere(FX_KIDAL);
	run(fx_month(202412));
	const struct gap *g = find(GAP_NO_PRESENCE, FX_KIDAL, -1);
	cr_assert_not_null(g);
	cr_expect_eq(g->severity, SEV_CRITICAL);
	cr_expect_str_eq(g->reason, "Kidal: 61,000 in need, no partner reporting");
	cr_expect_eq(g->nrows, 0);
	cr_expect_eq(count(GAP_NO_PRESENCE, FX_GAO), 0);
	/* one flag per cause: no missing-service or low-coverage for Kidal too */
	cr_expect_eq(count(GAP_MISSING_SERVICE, FX_KIDAL), 0);
	cr_expect_eq(count(GAP_LOW_COVERAGE, FX_KIDAL), 0);
	cr_expect_eq(gaps_worst_for_region(&w.gl, FX_KIDAL), SEV_CRITICAL);
}

/* The reason of Kidal's critical no-presence flag, at the end of 2024. */
static const char *kidal_absent_because(void)
{
	run(fx_month(202412));
	const struct gap *g = find(GAP_NO_PRESENCE, FX_KIDAL, -1);
	cr_assert_not_null(g);
	cr_expect_eq(g->severity, SEV_CRITICAL);
	return g->reason;
}

Test(gaps, no_presence_counts_planned_rows_as_absence)
{
	quiet_elsewhere(FX_KIDAL);
	add((struct fx_row){ .partner = "IRC", .region = "Kidal", .type = "GC", .ym = 202404,
	                     .status = STATUS_PLANNED });
	cr_expect_str_eq(kidal_absent_because(), "Kidal: 61,000 in need, no partner active "
	                 "(1 activities planned or suspended only)");
}

/* Rule 13: rows naming no organisation count their people but make no
 * partner, so a region whose only rows are such is still "no partner
 * reporting", and the flag says how many rows report people there. */
Test(gaps, no_presence_where_only_rows_with_no_organisation_report)
{
	quiet_elsewhere(FX_KIDAL);
	for (int i = 0; i < 3; i++)
		add((struct fx_row){ .region = "Kidal", .type = "GC", .ym = 202403, .girls = 10 });
	cr_expect_str_eq(kidal_absent_because(), "Kidal: 61,000 in need, no partner reporting (3 rows "
	                 "with no organisation report people there)");
	cr_expect_eq(cube_cell(&w.cube, FX_KIDAL, FX_GC)->reached, 30, "their people count: 3 × 10");
	cr_expect_eq(w.cube.region[FX_KIDAL].partners, 0);
	/* one flag per cause */
	cr_expect_eq(count(GAP_MISSING_SERVICE, FX_KIDAL), 0);
	cr_expect_eq(count(GAP_LOW_COVERAGE, FX_KIDAL), 0);
	cr_expect_eq(gaps_no_partner(&w.gl, FX_KIDAL, FX_GC), SEV_CRITICAL);
}

/* With a named partner's planned row beside one unnamed active row: no
 * partner active, both said. */
Test(gaps, no_presence_with_planned_rows_and_a_row_with_no_organisation)
{
	quiet_elsewhere(FX_KIDAL);
	add((struct fx_row){ .partner = "IRC", .region = "Kidal", .type = "GC", .ym = 202404,
	                     .status = STATUS_PLANNED });
	add((struct fx_row){ .region = "Kidal", .type = "PSS", .ym = 202403, .girls = 4 });
	cr_expect_str_eq(kidal_absent_because(), "Kidal: 61,000 in need, no partner active (1 "
	                 "activities planned or suspended only; 1 row with no organisation reports "
	                 "people there)");
}

/* One named partner active beside the unnamed rows: present, no flag. */
Test(gaps, no_presence_silent_with_a_named_partner_beside_unnamed_rows)
{
	quiet_elsewhere(FX_KIDAL);
	add((struct fx_row){ .region = "Kidal", .type = "GC", .ym = 202403, .girls = 10 });
	add((struct fx_row){ .partner = "IRC", .region = "Kidal", .type = "PSS", .ym = 202403,
	                     .girls = 1 });
	run(fx_month(202412));
	cr_expect_eq(count(GAP_NO_PRESENCE, FX_KIDAL), 0);
}

/* An essential service delivered only by rows with no organisation has no
 * partner either (Kidal's GC); ENA, with nobody, keeps its plain reason. */
Test(gaps, missing_service_where_only_rows_with_no_organisation_report_it)
{
	quiet_elsewhere(FX_KIDAL);
	reach("Kidal", 40000);
	add((struct fx_row){ .region = "Kidal", .type = "GC", .ym = 202403, .girls = 5 });
	run(fx_month(202412));
	const struct gap *g = find(GAP_MISSING_SERVICE, FX_KIDAL, FX_GC);
	cr_assert_not_null(g);
	cr_expect_str_eq(g->reason, "Kidal — GC: 61,000 in need, no partner reporting case management "
	                 "(1 row with no organisation reports people there)");
	cr_expect_str_eq(find(GAP_MISSING_SERVICE, FX_KIDAL, FX_ENA)->reason, "Kidal — ENA: 61,000 in "
	                 "need, no partner reporting unaccompanied and separated children");
	cr_expect_eq(gaps_no_partner(&w.gl, FX_KIDAL, FX_GC), SEV_HIGH);
}

Test(gaps, no_presence_silent_with_one_active_row)
{
	quiet_elsewhere(FX_KIDAL);
	add((struct fx_row){ .partner = "IRC", .region = "Kidal", .type = "GC", .ym = 202403,
	                     .girls = 1 });
	run(fx_month(202412));
	cr_expect_eq(count(GAP_NO_PRESENCE, FX_KIDAL), 0);
}

Test(gaps, no_presence_silent_without_need)
{
	/* Tombouctou has no figures; Ségou is set to 0 in need and 0 targeted */
	w.cfg.regions[FX_SEGOU].in_need = 0;
	w.cfg.regions[FX_SEGOU].targeted = 0;
	quiet_elsewhere(FX_SEGOU);
	run(fx_month(202412));
	cr_expect_eq(count(GAP_NO_PRESENCE, FX_TOMBOUCTOU), 0);
	cr_expect_eq(count(GAP_NO_PRESENCE, FX_SEGOU), 0);
}

Test(gaps, no_presence_silent_under_a_partner_filter)
{
	quiet_elsewhere(FX_KIDAL);
	filter_add_partner(&w.flt, "UNICEF");
	run(fx_month(202412));
	cr_expect_eq(count(GAP_NO_PRESENCE, FX_KIDAL), 0);
}

Test(gaps, no_presence_only_for_the_regions_selected)
{
	filter_only_region(&w.flt, FX_GAO);
	run(fx_month(202412));
	cr_expect_eq(count(GAP_NO_PRESENCE, FX_GAO), 1);
	cr_expect_eq(count(GAP_NO_PRESENCE, FX_KIDAL), 0);
}

/* ---- low coverage -------------------------------------------------------- */

static enum severity kidal_coverage_at(int32_t reached, int report_month)
{
	quiet_elsewhere(FX_KIDAL);
	add((struct fx_row){ .partner = "IRC", .region = "Kidal", .type = "GC", .ym = 202403,
	                     .girls = reached });
	add((struct fx_row){ .partner = "IRC", .region = "Kidal", .type = "ENA", .ym = 202403,
	                     .girls = 0 });
	run(report_month);
	const struct gap *g = find(GAP_LOW_COVERAGE, FX_KIDAL, -1);
	return g ? g->severity : SEV_COUNT;
}

/* December: the pace expects 100 %, so the thresholds alone decide. */
Test(gaps, low_coverage_critical_just_below_25) { cr_expect_eq(kidal_coverage_at(9999, fx_month(202412)), SEV_CRITICAL); }
Test(gaps, low_coverage_high_at_25) { cr_expect_eq(kidal_coverage_at(10000, fx_month(202412)), SEV_HIGH); }
Test(gaps, low_coverage_high_just_below_50) { cr_expect_eq(kidal_coverage_at(19999, fx_month(202412)), SEV_HIGH); }
Test(gaps, low_coverage_medium_at_50) { cr_expect_eq(kidal_coverage_at(20000, fx_month(202412)), SEV_MEDIUM); }
Test(gaps, low_coverage_medium_just_below_75) { cr_expect_eq(kidal_coverage_at(29999, fx_month(202412)), SEV_MEDIUM); }
Test(gaps, low_coverage_silent_at_75) { cr_expect_eq(kidal_coverage_at(30000, fx_month(202412)), SEV_COUNT); }

Test(gaps, low_coverage_reason_names_the_pace)
{
	/* June: even pace expects 6/12 of 40,000 = 20,000; 19,999 is behind */
	cr_expect_eq(kidal_coverage_at(19999, fx_month(202406)), SEV_HIGH);
	const struct gap *g = find(GAP_LOW_COVERAGE, FX_KIDAL, -1);
	cr_assert_not_null(g);
	cr_expect_str_eq(g->reason, "Kidal: 19,999 reached of 40,000 targeted (50.0%); 50.0% "
	                 "expected by 2024-06 at an even pace — behind pace");
}

Test(gaps, low_coverage_on_pace_is_only_info)
{
	/* June, 20,000 = exactly the pace: below the 75 % threshold, but on pace */
	cr_expect_eq(kidal_coverage_at(20000, fx_month(202406)), SEV_INFO);
	const struct gap *g = find(GAP_LOW_COVERAGE, FX_KIDAL, -1);
	cr_expect(strstr(g->reason, "on pace") != NULL);
}

Test(gaps, low_coverage_for_the_plan)
{
	/* every region reaches its target with GC (ENA's 1 is in the same
	 * region-level place, so the largest type stays GC): 120,000 + 180,000
	 * + 40,000 + 60,000 = 400,000 */
	quiet_elsewhere(-1);
	run(fx_month(202412));
	const struct gap *g = find(GAP_LOW_COVERAGE, -1, -1);
	cr_assert_not_null(g);
	/* 400,000 of 800,000 = 50.0 %: medium */
	cr_expect_eq(g->severity, SEV_MEDIUM);
	cr_expect_str_eq(g->reason, "Plan: 400,000 reached of 800,000 targeted (50.0%); 100.0% "
	                 "expected by 2024-12 at an even pace — behind pace");
}

Test(gaps, low_coverage_silent_without_target)
{
	quiet_elsewhere(-1);
	reach("Tombouctou", 1);
	run(fx_month(202412));
	cr_expect_eq(count(GAP_LOW_COVERAGE, FX_TOMBOUCTOU), 0);
}

Test(gaps, low_coverage_silent_for_part_of_a_monthly_year)
{
	reach("Kidal", 1);
	w.flt.from_month = fx_month(202403);
	run(fx_month(202412));
	cr_expect_eq(count(GAP_LOW_COVERAGE, FX_KIDAL), 0);
	w.cfg.mode = MODE_CUMULATIVE;   /* a cumulative report restates the year */
	run(fx_month(202412));
	cr_expect_eq(count(GAP_LOW_COVERAGE, FX_KIDAL), 1);
}

/* ---- missing essential service ------------------------------------------- */

Test(gaps, missing_service_names_the_type_and_the_need)
{
	quiet_elsewhere(FX_KIDAL);
	reach("Kidal", 40000);
	run(fx_month(202412));
	const struct gap *g = find(GAP_MISSING_SERVICE, FX_KIDAL, FX_GC);
	cr_assert_not_null(g);
	cr_expect_eq(g->severity, SEV_HIGH);
	cr_expect_str_eq(g->reason, "Kidal — GC: 61,000 in need, no partner reporting case management");
	cr_expect_not_null(find(GAP_MISSING_SERVICE, FX_KIDAL, FX_ENA));
	cr_expect_eq(count(GAP_MISSING_SERVICE, FX_KIDAL), 2);
	cr_expect_eq(count(GAP_MISSING_SERVICE, FX_GAO), 0);
}

Test(gaps, missing_service_planned_is_not_enough)
{
	quiet_elsewhere(FX_KIDAL);
	reach("Kidal", 40000);
	add((struct fx_row){ .partner = "TdH", .region = "Kidal", .type = "GC", .ym = 202405,
	                     .status = STATUS_PLANNED });
	add((struct fx_row){ .partner = "TdH", .region = "Kidal", .type = "ENA", .ym = 202403,
	                     .girls = 3, .status = STATUS_COMPLETED });
	run(fx_month(202412));
	const struct gap *g = find(GAP_MISSING_SERVICE, FX_KIDAL, FX_GC);
	cr_assert_not_null(g);
	cr_expect(strstr(g->reason, "(1 planned)") != NULL);
	cr_expect_null(find(GAP_MISSING_SERVICE, FX_KIDAL, FX_ENA));
}

Test(gaps, missing_service_follows_the_type_filter)
{
	quiet_elsewhere(FX_KIDAL);
	reach("Kidal", 40000);
	filter_only_type(&w.flt, FX_PSS);
	run(fx_month(202412));
	cr_expect_eq(count(GAP_MISSING_SERVICE, FX_KIDAL), 0);
	filter_only_type(&w.flt, FX_GC);
	run(fx_month(202412));
	cr_expect_eq(count(GAP_MISSING_SERVICE, FX_KIDAL), 1);
	cr_expect_not_null(find(GAP_MISSING_SERVICE, FX_KIDAL, FX_GC));
}

/* ---- concentration ------------------------------------------------------- */

static void partners_in_ansongo(int n, int ym_of_last, enum status last_status)
{
	const char *who[] = { "A", "B", "C", "D" };
	for (int i = 0; i < n; i++)
		add((struct fx_row){ .partner = who[i], .region = "Gao", .cercle = "Ansongo",
		                     .type = "PSS", .ym = i == n - 1 ? ym_of_last : 202403,
		                     .girls = 10, .status = i == n - 1 ? last_status : STATUS_ONGOING });
}

Test(gaps, concentration_fires_at_three_partners)
{
	partners_in_ansongo(3, 202403, STATUS_ONGOING);
	/* a second row of partner A: listed behind the flag, not a fourth partner */
	add((struct fx_row){ .partner = "A", .region = "Gao", .cercle = "Ansongo", .type = "PSS",
	                     .activity = "clubs", .ym = 202403, .girls = 1 });
	run(fx_month(202404));
	const struct gap *g = find(GAP_CONCENTRATION, FX_GAO, FX_PSS);
	cr_assert_not_null(g);
	cr_expect_eq(g->severity, SEV_MEDIUM);
	cr_expect_eq(g->cercle, fx_cercle(&w.cfg, "Ansongo"));
	cr_expect_str_eq(g->reason, "Gao — Ansongo — PSS: 3 partners active in 2024-03 (3 or more) "
	                 "— coordinate, and check the same children are not counted twice");
	cr_assert_eq(g->nrows, 4);
	const struct rowref *rows = rows_of(g);
	for (size_t i = 0; i < 4; i++) {
		cr_expect_eq(rows[i].source, w.src);
		cr_expect_eq(rows[i].line, 2 + i);
	}
}

/* A concentration flag's rows are listed from the cube when asked, under
 * the filter the flags were computed with: a planned row and a row of
 * another month stay out, and a status filter leaves out the completed
 * row (the flag then counts three rows). */
Test(gaps, concentration_rows_follow_the_filter_they_were_computed_with)
{
	partners_in_ansongo(3, 202403, STATUS_ONGOING);
	add((struct fx_row){ .partner = "A", .region = "Gao", .cercle = "Ansongo", .type = "PSS",
	                     .activity = "done", .ym = 202403, .girls = 1,
	                     .status = STATUS_COMPLETED });
	add((struct fx_row){ .partner = "D", .region = "Gao", .cercle = "Ansongo", .type = "PSS",
	                     .activity = "later", .ym = 202403, .girls = 1,
	                     .status = STATUS_PLANNED });
	add((struct fx_row){ .partner = "A", .region = "Gao", .cercle = "Ansongo", .type = "PSS",
	                     .activity = "april", .ym = 202404, .girls = 1 });
	run(fx_month(202404));
	const struct gap *g = find(GAP_CONCENTRATION, FX_GAO, FX_PSS);
	cr_assert_not_null(g);
	cr_assert_eq(g->nrows, 4, "three partners' rows and the completed one");
	const struct rowref *rows = rows_of(g);
	for (size_t i = 0; i < 4; i++)
		cr_expect_eq(rows[i].line, 2 + i);
	w.flt.statuses = 1u << STATUS_ONGOING;
	run(fx_month(202404));
	g = find(GAP_CONCENTRATION, FX_GAO, FX_PSS);
	cr_assert_not_null(g);
	cr_assert_eq(g->nrows, 3);
	rows = rows_of(g);
	for (size_t i = 0; i < 3; i++)
		cr_expect_eq(rows[i].line, 2 + i);
}

/* Asking for a concentration flag's rows after the cube moved on would
 * list another filter's rows: it aborts instead. */
Test(gaps, concentration_rows_asked_of_a_cube_computed_again_abort, .signal = SIGABRT)
{
	cr_redirect_stderr();          /* the message is expected */
	partners_in_ansongo(3, 202403, STATUS_ONGOING);
	run(fx_month(202404));
	const struct gap *g = find(GAP_CONCENTRATION, FX_GAO, FX_PSS);
	cr_assert_not_null(g);
	cube_compute(&w.cube, &w.ix, &w.flt);
	rows_of(g);
}

Test(gaps, concentration_silent_at_two_partners)
{
	partners_in_ansongo(2, 202403, STATUS_ONGOING);
	run(fx_month(202404));
	cr_expect_eq(count(GAP_CONCENTRATION, FX_GAO), 0);
}

Test(gaps, concentration_needs_the_same_period)
{
	partners_in_ansongo(3, 202404, STATUS_ONGOING);
	run(fx_month(202404));
	cr_expect_eq(count(GAP_CONCENTRATION, FX_GAO), 0);
}

Test(gaps, concentration_ignores_planned_partners)
{
	partners_in_ansongo(3, 202403, STATUS_PLANNED);
	run(fx_month(202404));
	cr_expect_eq(count(GAP_CONCENTRATION, FX_GAO), 0);
}

Test(gaps, concentration_follows_the_threshold)
{
	partners_in_ansongo(4, 202403, STATUS_ONGOING);
	w.cfg.th.concentration_partners = 5;
	run(fx_month(202404));
	cr_expect_eq(count(GAP_CONCENTRATION, FX_GAO), 0);
	w.cfg.th.concentration_partners = 4;
	run(fx_month(202404));
	cr_expect_eq(count(GAP_CONCENTRATION, FX_GAO), 1);
}

Test(gaps, concentration_needs_a_cercle)
{
	const char *who[] = { "A", "B", "C" };
	for (int i = 0; i < 3; i++)
		add((struct fx_row){ .partner = who[i], .region = "Gao", .type = "PSS", .ym = 202403,
		                     .girls = 1 });
	run(fx_month(202404));
	cr_expect_eq(count(GAP_CONCENTRATION, FX_GAO), 0);
}

/* ---- above target / above need ------------------------------------------- */

static void kidal_reaches(int32_t n)
{
	quiet_elsewhere(FX_KIDAL);
	add((struct fx_row){ .partner = "IRC", .region = "Kidal", .type = "GC", .ym = 202403, .girls = n });
	add((struct fx_row){ .partner = "IRC", .region = "Kidal", .type = "ENA", .ym = 202403, .girls = 1 });
	run(fx_month(202412));
}

Test(gaps, above_target_silent_at_the_target)
{
	kidal_reaches(40000);
	cr_expect_eq(count(GAP_ABOVE_TARGET, FX_KIDAL) + count(GAP_ABOVE_NEED, FX_KIDAL), 0);
}

Test(gaps, above_target_one_past_the_target)
{
	kidal_reaches(40001);
	const struct gap *g = find(GAP_ABOVE_TARGET, FX_KIDAL, -1);
	cr_assert_not_null(g);
	cr_expect_eq(g->severity, SEV_MEDIUM);
	cr_expect_str_eq(g->reason, "Kidal: 40,001 reached, more than the 40,000 targeted (100.0%) "
	                 "— check for double counting");
}

Test(gaps, above_need_only_past_the_need)
{
	kidal_reaches(61000);
	cr_expect_eq(count(GAP_ABOVE_TARGET, FX_KIDAL), 1);
	cr_expect_eq(count(GAP_ABOVE_NEED, FX_KIDAL), 0);
}

Test(gaps, above_need_replaces_above_target)
{
	kidal_reaches(61001);
	const struct gap *g = find(GAP_ABOVE_NEED, FX_KIDAL, -1);
	cr_assert_not_null(g);
	cr_expect_eq(g->severity, SEV_HIGH);
	cr_expect_eq(count(GAP_ABOVE_TARGET, FX_KIDAL), 0);
}

Test(gaps, above_a_types_own_target)
{
	/* PSS has a plan-wide target of 50,000: 30,000 + 20,001 in two regions */
	reach("Gao", 30000);
	reach("Mopti", 20001);
	run(fx_month(202412));
	const struct gap *g = find(GAP_ABOVE_TARGET, -1, FX_PSS);
	cr_assert_not_null(g);
	cr_expect_str_eq(g->reason, "All regions — PSS: 50,001 reached, more than the 50,000 "
	                 "targeted (100.0%) — check for double counting");
}

/* ---- stale reporting ----------------------------------------------------- */

static void two_partners_last_reporting_feb_and_mar(void)
{
	add((struct fx_row){ .partner = "TdH", .region = "Mopti", .cercle = "Mopti", .type = "GC",
	                     .ym = 202401, .girls = 1 });
	add((struct fx_row){ .partner = "TdH", .region = "Mopti", .cercle = "Mopti", .type = "GC",
	                     .ym = 202402, .girls = 2 });
	add((struct fx_row){ .partner = "TdH", .region = "Gao", .type = "PSS", .ym = 202402,
	                     .girls = 3 });
	add((struct fx_row){ .partner = "SCI", .region = "Mopti", .type = "GC", .ym = 202403,
	                     .girls = 4 });
	add((struct fx_row){ .partner = "NoDate", .region = "Mopti", .type = "GC", .girls = 5 });
}

Test(gaps, stale_after_45_days)
{
	/* end of April is 30 April: Feb 29 is 61 days before, Mar 31 is 30 */
	two_partners_last_reporting_feb_and_mar();
	run(fx_month(202404));
	cr_expect_eq(count(GAP_STALE, FX_MOPTI), 1);
	cr_expect_eq(count(GAP_STALE, FX_GAO), 1);
	const struct gap *g = find(GAP_STALE, FX_MOPTI, -1);
	cr_assert_not_null(g);
	cr_expect_eq(g->severity, SEV_MEDIUM);
	cr_expect_str_eq(g->reason, "Mopti — TdH: last report 2024-02, 61 days before the end of "
	                 "2024-04 (more than 45)");
	/* the rows behind: TdH's February rows in Mopti */
	cr_assert_eq(g->nrows, 1);
	cr_expect_eq(rows_of(g)[0].line, 3);
}

/* Staleness is per partner and region: IRC reported in Gao in April but
 * last in Mopti in January (end of April: 31 Jan is 90 days before), so
 * it is stale in Mopti — in the plan's list as in Mopti's — and not in Gao. */
Test(gaps, a_partner_silent_in_one_region_is_stale_there)
{
	add((struct fx_row){ .partner = "IRC", .region = "Mopti", .type = "GC", .ym = 202401,
	                     .girls = 5 });
	add((struct fx_row){ .partner = "IRC", .region = "Gao", .type = "GC", .ym = 202404,
	                     .girls = 5 });
	run(fx_month(202404));
	cr_expect_eq(count(GAP_STALE, FX_MOPTI), 1, "the plan's list");
	cr_expect_eq(count(GAP_STALE, FX_GAO), 0);
	const struct gap *g = find(GAP_STALE, FX_MOPTI, -1);
	cr_assert_not_null(g);
	cr_expect_str_eq(g->reason, "Mopti — IRC: last report 2024-01, 90 days before the end of "
	                 "2024-04 (more than 45)");
	filter_only_region(&w.flt, FX_MOPTI);
	run(fx_month(202404));
	cr_expect_eq(count(GAP_STALE, FX_MOPTI), 1, "Mopti's list says the same");
}

Test(gaps, a_stale_flag_names_its_partner)
{
	two_partners_last_reporting_feb_and_mar();
	run(fx_month(202404));
	const struct gap *g = find(GAP_STALE, FX_GAO, -1);
	cr_assert_not_null(g);
	cr_assert_not_null(g->partner);
	cr_expect_str_eq(g->partner, "TdH");
	/* the very string the table interned for the row behind the flag, so
	 * the screen can compare partners by pointer */
	const struct rowref *ref = rows_of(g);
	const char *row_partner = NULL;
	for (size_t i = 0; i < w.tab.len; i++)
		if (w.tab.rows[i].source == ref[0].source && w.tab.rows[i].line == ref[0].line)
			row_partner = table_str(&w.tab, w.tab.rows[i].partner);
	cr_expect(g->partner == row_partner);
	for (size_t i = 0; i < w.gl.len; i++)
		if (w.gl.items[i].kind != GAP_STALE)
			cr_expect_null(w.gl.items[i].partner, "%s", w.gl.items[i].reason);
}

Test(gaps, rows_with_no_organisation_raise_no_concentration_and_no_stale_flag)
{
	/* Ansongo PSS in March: A and B, and two rows naming no organisation —
	 * 2 partners, under the threshold of 3, so no concentration; the
	 * unnamed rows of January (long before April) name no stale partner. */
	partners_in_ansongo(2, 202403, STATUS_ONGOING);
	for (int i = 0; i < 2; i++)
		add((struct fx_row){ .region = "Gao", .cercle = "Ansongo", .type = "PSS",
		                     .ym = 202403, .girls = 10 });
	add((struct fx_row){ .region = "Mopti", .type = "GC", .ym = 202401, .girls = 5 });
	run(fx_month(202404));
	cr_expect_null(find(GAP_CONCENTRATION, FX_GAO, FX_PSS));
	cr_expect_eq(count(GAP_STALE, FX_MOPTI), 0);
	cr_expect_eq(cube_cell(&w.cube, FX_GAO, FX_PSS)->reached, 40);
}

Test(gaps, data_quality_names_rows_with_no_organisation)
{
	size_t r = add((struct fx_row){ .region = "Kidal", .type = "GC", .ym = 202403, .girls = 7 });
	diag_add(&w.tab.diags, DIAG_WARNING, DC_NO_ORGANISATION, w.src, w.tab.rows[r].line, 2,
	         "no organisation named: Organisation and Partenaire are empty");
	run(fx_month(202404));
	const struct gap *g = find(GAP_DATA_QUALITY, FX_KIDAL, -1);
	cr_assert_not_null(g);
	cr_expect_eq(g->severity, SEV_MEDIUM);
	cr_expect_str_eq(g->reason, "Kidal — a.csv: 1 row: no organisation named (people counted, "
	                 "no partner) — fill in the organisation: the row counts its people but no "
	                 "partner");
	cr_assert_eq(g->nrows, 1);
	cr_expect_eq(rows_of(g)[0].line, w.tab.rows[r].line);
}

Test(gaps, stale_threshold_is_strict)
{
	two_partners_last_reporting_feb_and_mar();
	w.cfg.th.stale_days = 61;
	run(fx_month(202404));
	cr_expect_eq(count(GAP_STALE, FX_MOPTI), 0);
	w.cfg.th.stale_days = 60;
	run(fx_month(202404));
	cr_expect_eq(count(GAP_STALE, FX_MOPTI), 1);
	w.cfg.th.stale_days = 29;   /* SCI: 30 days > 29 */
	run(fx_month(202404));
	cr_expect_eq(count(GAP_STALE, FX_MOPTI), 2);
}

Test(gaps, stale_silent_without_a_report_month)
{
	two_partners_last_reporting_feb_and_mar();
	run(-1);
	cr_expect_eq(count(GAP_STALE, FX_MOPTI), 0);
}

/* ---- data quality --------------------------------------------------------- */

/* The messages below are the loader's own wording (src/row.c). */
Test(gaps, data_quality_groups_warnings_by_sheet_kind_and_region)
{
	size_t r1 = add((struct fx_row){ .partner = "A", .region = "Gao", .type = "GC", .girls = 1 });
	size_t r2 = add((struct fx_row){ .partner = "A", .region = "Gao", .type = "GC", .girls = 1 });
	size_t r3 = add((struct fx_row){ .partner = "A", .region = "Mopti", .type = "GC", .girls = 1 });
	size_t r4 = add((struct fx_row){ .partner = "A", .region = "Gao", .type = "AUTRE", .girls = 1 });
	const size_t rows[] = { r1, r2, r3 };
	for (int i = 0; i < 3; i++)
		diag_add(&w.tab.diags, DIAG_WARNING, DC_TOTAL_DIFFERS, w.src, w.tab.rows[rows[i]].line, 16,
		         "Total %d differs from the sum of the breakdown %lld; the breakdown is counted",
		         50, 22LL);
	diag_add(&w.tab.diags, DIAG_WARNING, DC_UNKNOWN_TYPE, w.src, w.tab.rows[r4].line, 7,
	         "Type: unknown intervention type 'Jeux', counted as AUTRE (Other)");
	run(fx_month(202404));
	const struct gap *g = find(GAP_DATA_QUALITY, FX_GAO, -1);
	cr_assert_not_null(g);
	cr_expect_eq(g->severity, SEV_MEDIUM);
	cr_expect_str_eq(g->reason, "Gao — a.csv: 2 rows: the total differs from the breakdown "
	                 "(the breakdown is counted) — correct the total or the breakdown; the breakdown "
	                 "counts meanwhile");
	cr_assert_eq(g->nrows, 2);
	cr_expect_eq(rows_of(g)[1].line, w.tab.rows[r2].line);
	cr_expect_eq(count(GAP_DATA_QUALITY, FX_MOPTI), 1);
	cr_expect_eq(count(GAP_DATA_QUALITY, FX_GAO), 2);
	/* the unknown type is info */
	enum severity worst_info = SEV_COUNT;
	for (size_t i = 0; i < w.gl.len; i++)
		if (w.gl.items[i].kind == GAP_DATA_QUALITY && strstr(w.gl.items[i].reason, "unknown"))
			worst_info = w.gl.items[i].severity;
	cr_expect_eq(worst_info, SEV_INFO);
	/* a region filter leaves out other regions' warnings */
	filter_only_region(&w.flt, FX_MOPTI);
	run(fx_month(202404));
	cr_expect_eq(count(GAP_DATA_QUALITY, FX_GAO), 0);
	cr_expect_eq(count(GAP_DATA_QUALITY, FX_MOPTI), 1);
}

/* The rows of several data-quality lines, the regions' rows interleaved in
 * the sheet: each line lists its own rows in line order, whichever is asked
 * first, and again when asked twice (they are found for all lines at once). */
Test(gaps, data_quality_rows_of_each_line_whatever_the_order_asked)
{
	const char *region[] = { "Gao", "Mopti", "Gao", "Mopti", "Gao" };
	uint32_t line[5];
	for (int i = 0; i < 5; i++) {
		size_t r = add((struct fx_row){ .partner = "A", .region = region[i], .type = "GC",
		                                .girls = 1 });
		line[i] = w.tab.rows[r].line;
		diag_add(&w.tab.diags, DIAG_WARNING, DC_TOTAL_DIFFERS, w.src, line[i], 16,
		         "Total %d differs from the sum of the breakdown %lld; the breakdown is counted",
		         50, 22LL);
	}
	run(fx_month(202404));
	const struct gap *gao = find(GAP_DATA_QUALITY, FX_GAO, -1);
	const struct gap *mopti = find(GAP_DATA_QUALITY, FX_MOPTI, -1);
	cr_assert(gao && mopti);
	cr_assert_eq(mopti->nrows, 2);
	const struct rowref *m = rows_of(mopti);
	cr_expect(m[0].line == line[1] && m[1].line == line[3], "Mopti: lines %u %u", m[0].line,
	          m[1].line);
	cr_assert_eq(gao->nrows, 3);
	const struct rowref *g = rows_of(gao);
	cr_expect(g[0].line == line[0] && g[1].line == line[2] && g[2].line == line[4],
	          "Gao: lines %u %u %u", g[0].line, g[1].line, g[2].line);
	m = rows_of(mopti);
	cr_expect(m[0].line == line[1] && m[1].line == line[3], "Mopti again: lines %u %u",
	          m[0].line, m[1].line);
}

/* Rows outside the plan year in two regions, interleaved in the sheet: one
 * flag for the sheet, its rows in line order (the table holds them by
 * region). */
Test(gaps, rows_outside_the_plan_year_listed_in_line_order)
{
	const char *region[] = { "Mopti", "Gao", "Mopti", "Gao" };
	uint32_t line[4];
	for (int i = 0; i < 4; i++) {
		size_t r = add((struct fx_row){ .partner = "A", .region = region[i], .type = "GC",
		                                .ym = 202312, .girls = 1 });
		w.tab.rows[r].outside_plan = 1;
		line[i] = w.tab.rows[r].line;
	}
	run(fx_month(202404));
	const struct gap *g = NULL;
	for (size_t i = 0; i < w.gl.len; i++)
		if (w.gl.items[i].kind == GAP_DATA_QUALITY && strstr(w.gl.items[i].reason, "outside"))
			g = &w.gl.items[i];
	cr_assert_not_null(g);
	cr_assert_eq(g->nrows, 4);
	const struct rowref *rows = rows_of(g);
	for (int i = 0; i < 4; i++)
		cr_expect_eq(rows[i].line, line[i], "row %d: line %u, want %u", i, rows[i].line, line[i]);
}

/* Sheet b.csv: `accepted` rows added as the loader would, and `rejected`
 * more rows read and rejected (lines 7, 9, 11…), each with its message. */
static uint32_t sheet_b(int accepted, int rejected)
{
	uint32_t b = fx_source(&w.tab, "sheets/b.csv");
	for (int i = 0; i < accepted; i++)
		fx_add(&w.tab, &w.cfg, (struct fx_row){ .src = b, .partner = "A", .region = "Gao",
		                                        .type = "GC", .girls = 1 });
	for (int i = 0; i < rejected; i++)
		diag_add(&w.tab.diags, DIAG_REJECT, DC_UNKNOWN_REGION, b, (uint32_t)(7 + 2 * i), 4,
		         "Région: unknown region 'Segu'");
	w.tab.sources[b].rejected = (size_t)rejected;
	w.tab.sources[b].rows_read += (size_t)rejected;
	return b;
}

/* Half of the sheet rejected (2 of 4): medium, as any lesser loss. */
Test(gaps, data_quality_counts_rejected_rows_per_sheet)
{
	sheet_b(2, 2);
	run(fx_month(202404));
	const struct gap *g = find(GAP_DATA_QUALITY, -1, -1);
	cr_assert_not_null(g);
	cr_expect_eq(g->severity, SEV_MEDIUM);
	cr_expect_not(g->explains_others);
	cr_expect_str_eq(g->reason, "b.csv: 2 of 4 rows rejected, not counted (fourw check says why)");
	cr_assert_eq(g->nrows, 2);
	const struct rowref *rows = rows_of(g);
	cr_expect_eq(rows[0].line, 7);
	cr_expect_eq(rows[1].line, 9);
}

/* More than half (3 of 5): critical, and first of all — before the plan's
 * critical low coverage (plan-wide, of a kind that sorts before data
 * quality) and the regions with nobody, which the lost rows may explain. */
Test(gaps, data_quality_sheet_losing_most_rows_is_critical_and_first)
{
	sheet_b(2, 3);
	run(fx_month(202412));
	const struct gap *g = &w.gl.items[0];
	cr_assert_eq(g->kind, GAP_DATA_QUALITY);
	cr_expect_eq(g->severity, SEV_CRITICAL);
	cr_expect(g->explains_others);
	cr_expect_str_eq(g->reason, "sheet b.csv: 3 of 5 rows rejected, not counted — flags below "
	                 "may come from it (fourw check says why)");
	cr_expect_eq(g->nrows, 3);
	/* the plan: 2 of 800,000 reached, critical; Mopti, Kidal, Ségou have nobody */
	cr_assert_eq(w.gl.items[1].kind, GAP_LOW_COVERAGE);
	cr_expect_eq(w.gl.items[1].region, -1);
	cr_expect_eq(w.gl.items[1].severity, SEV_CRITICAL);
	cr_expect_eq(count(GAP_NO_PRESENCE, FX_MOPTI), 1);
	for (size_t i = 1; i < w.gl.len; i++)
		cr_expect_not(w.gl.items[i].explains_others, "%s", w.gl.items[i].reason);
}

/* Every row rejected: the same critical flag, before the ten "no partner
 * reporting" it leaves behind. */
Test(gaps, data_quality_sheet_with_every_row_rejected_comes_before_no_presence)
{
	sheet_b(0, 4);
	run(fx_month(202412));
	cr_assert_geq(w.gl.len, 2);
	cr_expect_str_eq(w.gl.items[0].reason, "sheet b.csv: 4 of 4 rows rejected, not counted — "
	                 "flags below may come from it (fourw check says why)");
	cr_expect_eq(w.gl.items[0].severity, SEV_CRITICAL);
	size_t absent = 0;
	for (size_t i = 1; i < w.gl.len; i++)
		absent += w.gl.items[i].kind == GAP_NO_PRESENCE;
	cr_expect_eq(absent, 4, "Gao, Mopti, Kidal, Ségou have need and nobody");
}

/* Rule 10: a row the loader found repeated (its bit and its warning, as
 * src/load.c sets them), counted twice or once as the config says; the
 * flag names the people that ride on the choice: 5 + 7 = 12. */
static void two_repeats_in_kidal(void)
{
	const int32_t girls[2] = { 5, 7 };
	for (int k = 0; k < 2; k++) {
		add((struct fx_row){ .partner = "A", .region = "Kidal", .type = "GC", .ym = 202403,
		                     .girls = girls[k] });
		size_t r = add((struct fx_row){ .partner = "A", .region = "Kidal", .type = "GC",
		                                .ym = 202403, .girls = girls[k] });
		w.tab.rows[r].repeated = 1;
		diag_add(&w.tab.diags, DIAG_WARNING, DC_REPEATED_ROW, w.src, w.tab.rows[r].line, 0,
		         "the same as line %u in every field", w.tab.rows[r].line - 1);
	}
}

Test(gaps, data_quality_repeated_rows_counted_twice_name_the_people)
{
	two_repeats_in_kidal();
	run(fx_month(202404));
	cr_expect_eq(cube_cell(&w.cube, FX_KIDAL, FX_GC)->reached, 24, "5 + 5 + 7 + 7");
	cr_expect_eq(w.cube.repeats_left_out, 0);
	const struct gap *g = find(GAP_DATA_QUALITY, FX_KIDAL, -1);
	cr_assert_not_null(g);
	cr_expect_eq(g->severity, SEV_MEDIUM);
	cr_expect_str_eq(g->reason, "Kidal — a.csv: 2 rows: the same as an earlier row of the sheet "
	                 "in every field (12 people counted again; [plan] repeated_rows = count) — "
	                 "delete the copy, or keep it if it is a second, identical report ([plan] repeated_rows decides how it counts)");
	cr_assert_eq(g->nrows, 2);
	cr_expect_eq(rows_of(g)[0].line, 3);
	cr_expect_eq(rows_of(g)[1].line, 5);
}

Test(gaps, data_quality_repeated_rows_once_are_left_out_and_still_listed)
{
	w.cfg.repeated_rows = REPEATED_ONCE;
	two_repeats_in_kidal();
	run(fx_month(202404));
	cr_expect_eq(cube_cell(&w.cube, FX_KIDAL, FX_GC)->reached, 12, "5 + 7");
	cr_expect_eq(cube_cell(&w.cube, FX_KIDAL, FX_GC)->activities, 2);
	cr_expect_eq(w.cube.repeats_left_out, 2);
	cr_expect_eq(w.cube.nselected, 4);
	const struct gap *g = find(GAP_DATA_QUALITY, FX_KIDAL, -1);
	cr_assert_not_null(g);
	cr_expect_str_eq(g->reason, "Kidal — a.csv: 2 rows: the same as an earlier row of the sheet "
	                 "in every field (12 people not counted again; [plan] repeated_rows = once) — "
	                 "delete the copy, or keep it if it is a second, identical report ([plan] repeated_rows decides how it counts)");
	/* under a filter the repeats stay selected, so their flag stays */
	filter_add_type(&w.flt, FX_GC);
	run(fx_month(202404));
	cr_expect_not_null(find(GAP_DATA_QUALITY, FX_KIDAL, -1));
}

Test(gaps, data_quality_planned_rows_reporting_people)
{
	size_t r = add((struct fx_row){ .partner = "A", .region = "Kidal", .type = "GC", .ym = 202403,
	                                .girls = 30, .status = STATUS_PLANNED });
	diag_add(&w.tab.diags, DIAG_WARNING, DC_PLANNED_REACHED, w.src, w.tab.rows[r].line, 11,
	         "planned activity reports %d people reached; counted as planned presence only", 30);
	diag_add(&w.tab.diags, DIAG_NOTE, DC_ORG_SPELLED_TWO_WAYS, w.src, w.tab.rows[r].line, 0,
	         "organisation 'Save the Children' looks like 'Save the children' (a.csv:3): the "
	         "same partner spelled two ways is counted as two partners");
	run(fx_month(202404));
	const struct gap *g = find(GAP_DATA_QUALITY, FX_KIDAL, -1);
	cr_assert_not_null(g);
	cr_expect_eq(g->severity, SEV_MEDIUM);
	cr_expect_str_eq(g->reason, "Kidal — a.csv: 1 row: planned activities report people reached "
	                 "(counted as presence only) — set the status to ongoing or completed if "
	                 "the people were reached; planned rows count no people");
	const struct gap *n = find(GAP_DATA_QUALITY, -1, -1);
	cr_assert_not_null(n);
	cr_expect_eq(n->severity, SEV_INFO);
	cr_expect_str_eq(n->reason, "a.csv: 1 note: an organisation spelled two ways (counted as two "
	                 "partners) — use one spelling for one organisation");
}

/* The kind comes from the code: a message reworded (or translated) and one
 * whose words belong to another kind are grouped by their code alone. */
Test(gaps, data_quality_classifies_by_code_not_by_wording)
{
	size_t r = add((struct fx_row){ .partner = "A", .region = "Gao", .type = "GC", .girls = 1 });
	diag_add(&w.tab.diags, DIAG_WARNING, DC_TOTAL_DIFFERS, w.src, w.tab.rows[r].line, 16,
	         "Total 50 ne correspond pas à la somme des ventilations 22");
	diag_add(&w.tab.diags, DIAG_WARNING, DC_UNKNOWN_STATUS, w.src, w.tab.rows[r].line, 9,
	         "Statut 'x' — the total differs from the sum of the breakdown, says the cell");
	run(fx_month(202404));
	cr_expect_eq(count(GAP_DATA_QUALITY, FX_GAO), 2);
	bool total = false, status = false;
	for (size_t i = 0; i < w.gl.len; i++) {
		const char *why = w.gl.items[i].reason;
		total |= strcmp(why, "Gao — a.csv: 1 row: the total differs from the breakdown "
		                     "(the breakdown is counted) — correct the total or the breakdown; the breakdown "
	                 "counts meanwhile") == 0;
		status |= strcmp(why, "Gao — a.csv: 1 row: the status is not recognised — write "
		                      "planned, ongoing, completed or suspended (or their French words)") == 0;
	}
	cr_expect(total, "the reworded total warning is still about the total");
	cr_expect(status, "a status warning that quotes another message stays a status warning");
}

Test(gaps, data_quality_note_kind_by_code)
{
	size_t r = add((struct fx_row){ .partner = "A", .region = "Gao", .type = "GC", .girls = 1 });
	diag_add(&w.tab.diags, DIAG_NOTE, DC_ORG_SPELLED_TWO_WAYS, w.src, w.tab.rows[r].line, 0,
	         "« A » ressemble à « a »");
	diag_add(&w.tab.diags, DIAG_NOTE, DC_HEADER_NOT_FOUND, w.src, 0, 0,
	         "no header, though the organisation looks like 'X'");
	run(fx_month(202404));
	bool spelling = false, note = false;
	for (size_t i = 0; i < w.gl.len; i++) {
		const char *why = w.gl.items[i].reason;
		spelling |= strcmp(why, "a.csv: 1 note: an organisation spelled two ways (counted as "
		                        "two partners) — use one spelling for one organisation") == 0;
		note |= strcmp(why, "a.csv: 1 note: no header row found (no row counted) — put the "
		                    "column names in one of the first 26 rows of the sheet") == 0;
	}
	cr_expect(spelling);
	cr_expect(note);
}

/* The codes the loader raises only to reject a row: a sheet's rejected rows
 * have one flag (data_quality_counts_rejected_rows_per_sheet). */
static bool only_rejects(enum diag_code c)
{
	static const enum diag_code rejects[] = {
		DC_UNKNOWN_REGION_CODE, DC_REGION_CONFLICT, DC_UNKNOWN_REGION, DC_NO_PLACE,
		DC_NO_TYPE, DC_IMPOSSIBLE_DATE, DC_NOT_A_DATE, DC_BAD_COUNT, DC_NO_COUNT,
		DC_CELL_TOO_LONG, DC_QUOTE_NEVER_CLOSED, DC_NO_REQUIRED_COLUMN,
	};
	for (size_t i = 0; i < sizeof rejects / sizeof rejects[0]; i++)
		if (rejects[i] == c)
			return true;
	return false;
}

/* Every other code (a row's warning, a sheet's note) gets a line of its own
 * with its count, its row and what to do — none falls under "other
 * warnings".  A code added to diag.h without a line fails here.  (The
 * rows outside the plan year have their flag from the cube, tested in
 * test_report.c and tests/cli/test_check.sh.) */
Test(gaps, data_quality_every_warning_code_has_a_line_of_its_own)
{
	size_t codes = 0;
	for (int c = 0; c < DC_COUNT; c++) {
		/* a workbook's notes say how it was read, nothing of its data */
		if (only_rejects((enum diag_code)c) || c == DC_OUTSIDE_PLAN_YEAR ||
		    c == DC_WORKSHEET_READ || c == DC_HIDDEN_CELLS)
			continue;
		size_t r = add((struct fx_row){ .partner = "A", .region = "Gao", .type = "GC",
		                                .girls = 1 });
		diag_add(&w.tab.diags, DIAG_WARNING, (enum diag_code)c, w.src, w.tab.rows[r].line, 1,
		         "code %d", c);
		codes++;
	}
	run(fx_month(202404));
	cr_assert_eq(count(GAP_DATA_QUALITY, FX_GAO), codes, "one line per code");
	for (size_t i = 0; i < w.gl.len; i++) {
		const struct gap *g = &w.gl.items[i];
		if (g->kind != GAP_DATA_QUALITY)
			continue;
		cr_expect_null(strstr(g->reason, "other warnings"), "%s", g->reason);
		cr_expect(strncmp(g->reason, "Gao — a.csv: 1 row: ", 20) == 0, "%s", g->reason);
		cr_expect_not_null(strstr(g->reason, " — "), "says what to do: %s", g->reason + 20);
		cr_expect_eq(g->nrows, 1, "%s", g->reason);
		for (size_t j = 0; j < i; j++)
			cr_expect_str_neq(w.gl.items[j].reason, g->reason);
	}
}

/* A code with no line of its own (here one that only ever rejects, raised
 * as a warning) still shows, as "other warnings", with its rows. */
Test(gaps, data_quality_a_code_with_no_line_is_an_other_warning)
{
	size_t r = add((struct fx_row){ .partner = "A", .region = "Gao", .type = "GC", .girls = 1 });
	diag_add(&w.tab.diags, DIAG_WARNING, DC_BAD_COUNT, w.src, w.tab.rows[r].line, 9, "x");
	diag_add(&w.tab.diags, DIAG_WARNING, DC_NO_COUNT, w.src, w.tab.rows[r].line, 9, "y");
	run(fx_month(202404));
	const struct gap *g = find(GAP_DATA_QUALITY, FX_GAO, -1);
	cr_assert_not_null(g);
	cr_expect_str_eq(g->reason, "Gao — a.csv: 2 rows: other warnings — see fourw check");
	cr_expect_eq(g->severity, SEV_INFO);
	cr_expect_eq(g->nrows, 2);
}

/* The place names accepted with a warning (src/row.c, messages as written
 * there) and a cercle's code and name that disagree, where the name
 * decided: a line each, in the row's region, with both rows of Kidal's
 * code conflicts behind one flag. */
Test(gaps, data_quality_near_names_and_code_conflicts_have_lines_of_their_own)
{
	size_t r1 = add((struct fx_row){ .partner = "A", .region = "Kidal", .type = "GC", .girls = 1 });
	size_t r2 = add((struct fx_row){ .partner = "A", .region = "Gao", .cercle = "Ansongo",
	                                 .type = "GC", .girls = 1 });
	size_t r3 = add((struct fx_row){ .partner = "A", .region = "Kidal", .cercle = "Kidal",
	                                 .type = "GC", .girls = 1 });
	size_t r4 = add((struct fx_row){ .partner = "A", .region = "Kidal", .cercle = "Kidal",
	                                 .type = "GC", .girls = 1 });
	diag_add(&w.tab.diags, DIAG_WARNING, DC_REGION_NAME_NEAR, w.src, w.tab.rows[r1].line, 2,
	         "Région 'Kidall' taken for Kidal, the region of Pcode 'ML08'");
	diag_add(&w.tab.diags, DIAG_WARNING, DC_CERCLE_NAME_NEAR, w.src, w.tab.rows[r2].line, 4,
	         "Cercle 'Ansongoo' taken for Ansongo, the cercle of Pcode cercle 'ML0701'");
	for (int k = 0; k < 2; k++)
		diag_add(&w.tab.diags, DIAG_WARNING, DC_CERCLE_CODE_CONFLICT, w.src,
		         w.tab.rows[k ? r4 : r3].line, 5, "Pcode cercle 'ML0801' and Cercle 'Kidal' "
		         "disagree: counted in Kidal (ML0802), the cercle named; ML0801 is ? here");
	/* lines now: running groups the table by region, so indices move */
	uint32_t l1 = w.tab.rows[r1].line, l3 = w.tab.rows[r3].line, l4 = w.tab.rows[r4].line;
	run(fx_month(202404));
	cr_expect_eq(count(GAP_DATA_QUALITY, FX_KIDAL), 2);
	cr_expect_eq(count(GAP_DATA_QUALITY, FX_GAO), 1);
	bool region = false, cercle = false, conflict = false;
	for (size_t i = 0; i < w.gl.len; i++) {
		const struct gap *g = &w.gl.items[i];
		region |= strcmp(g->reason, "Kidal — a.csv: 1 row: a misspelt region name, taken for "
		                 "the region of its p-code — nothing is lost (the p-code decided); correct "
		                 "the spelling in the next sheet") == 0 &&
		          g->nrows == 1 && rows_of(g)[0].line == l1;
		cercle |= strcmp(g->reason, "Gao — a.csv: 1 row: a misspelt cercle name, taken for the "
		                 "cercle of its p-code — nothing is lost (the p-code decided); correct the "
		                 "spelling in the next sheet") == 0 &&
		          g->nrows == 1;
		conflict |= strcmp(g->reason, "Kidal — a.csv: 2 rows: the cercle's p-code and name "
		                   "disagree (counted in the cercle named) — nothing is lost (the name "
		                   "decided); use the cercle p-codes of config.ini") == 0 && g->nrows == 2 &&
		            rows_of(g)[0].line == l3 && rows_of(g)[1].line == l4;
	}
	cr_expect(region, "near-miss region name");
	cr_expect(cercle, "near-miss cercle name");
	cr_expect(conflict, "cercle code and name disagree");
}

Test(gaps, data_quality_silent_on_a_clean_table)
{
	reach("Gao", 1);
	run(fx_month(202404));
	cr_expect_eq(count(GAP_DATA_QUALITY, -1) + count(GAP_DATA_QUALITY, FX_GAO), 0);
}

/* ---- order ---------------------------------------------------------------- */

Test(gaps, sorted_by_severity_then_region_code_then_type_code)
{
	/* Gao (ML07) and Ségou (ML04) miss GC and ENA (high); Kidal (ML08) and
	 * Mopti (ML05) have nobody (critical) */
	reach("Gao", 120000);
	reach("Ségou", 60000);
	run(fx_month(202412));
	for (size_t i = 1; i < w.gl.len; i++)
		cr_assert(w.gl.items[i - 1].severity <= w.gl.items[i].severity);
	cr_assert_geq(w.gl.len, 7);
	/* the plan: 180,000 of 800,000 = 22.5 %, critical, plan-wide first */
	cr_expect_eq(w.gl.items[0].kind, GAP_LOW_COVERAGE);
	cr_expect_eq(w.gl.items[0].region, -1);
	cr_expect_eq(w.gl.items[1].kind, GAP_NO_PRESENCE);
	cr_expect_eq(w.gl.items[1].region, FX_MOPTI);    /* ML05 before ML08 */
	cr_expect_eq(w.gl.items[2].region, FX_KIDAL);
	cr_expect_eq(w.gl.items[3].region, FX_SEGOU);    /* ML04 before ML07 */
	cr_expect_eq(w.gl.items[3].type, FX_ENA);        /* "ENA" < "GC" */
	cr_expect_eq(w.gl.items[4].type, FX_GC);
	cr_expect_eq(w.gl.items[5].region, FX_GAO);
	cr_expect_eq(w.gl.items[5].type, FX_ENA);
}

/* ---- verdicts for the screen ---------------------------------------------- */

/* The fixture's thresholds are 25 / 50 / 75 %: each is the first value of
 * the next band up. */
Test(gaps, coverage_band_at_the_thresholds)
{
	const struct thresholds *th = &w.cfg.th;
	cr_expect_eq(gaps_coverage_band(th, 0.0), BAND_CRITICAL);
	cr_expect_eq(gaps_coverage_band(th, 24.99), BAND_CRITICAL);
	cr_expect_eq(gaps_coverage_band(th, 25.0), BAND_HIGH);
	cr_expect_eq(gaps_coverage_band(th, 49.99), BAND_HIGH);
	cr_expect_eq(gaps_coverage_band(th, 50.0), BAND_MEDIUM);
	cr_expect_eq(gaps_coverage_band(th, 74.99), BAND_MEDIUM);
	cr_expect_eq(gaps_coverage_band(th, 75.0), BAND_MET);
	cr_expect_eq(gaps_coverage_band(th, 140.0), BAND_MET);
}

/* Kidal has need and reaches 40,000 with PSS only: its essential GC and
 * ENA are missing (high); a type nobody works on that is not essential
 * (EAE) is flagged by no rule, so it is not a "no partner" cell. */
Test(gaps, no_partner_only_where_a_rule_says_so)
{
	quiet_elsewhere(FX_KIDAL);
	reach("Kidal", 40000);
	run(fx_month(202412));
	cr_expect_eq(gaps_no_partner(&w.gl, FX_KIDAL, FX_GC), SEV_HIGH);
	cr_expect_eq(gaps_no_partner(&w.gl, FX_KIDAL, FX_ENA), SEV_HIGH);
	cr_expect_eq(gaps_no_partner(&w.gl, FX_KIDAL, FX_PSS), SEV_COUNT);
	cr_expect_eq(gaps_no_partner(&w.gl, FX_KIDAL, FX_EAE), SEV_COUNT);
	cr_expect_eq(gaps_no_partner(&w.gl, FX_GAO, FX_GC), SEV_COUNT);
	/* the cell's worst flag: the missing service there, not the region's */
	cr_expect_eq(gaps_worst_for_cell(&w.gl, FX_KIDAL, FX_GC), SEV_HIGH);
	cr_expect_eq(gaps_worst_for_cell(&w.gl, FX_KIDAL, FX_EAE), SEV_COUNT);
}

/* A region with need and nobody: every type there has no partner, and the
 * flag that says so is the critical no-presence one. */
Test(gaps, no_partner_in_a_region_with_nobody)
{
	quiet_elsewhere(FX_KIDAL);
	run(fx_month(202412));
	cr_expect_eq(gaps_no_partner(&w.gl, FX_KIDAL, FX_GC), SEV_CRITICAL);
	cr_expect_eq(gaps_no_partner(&w.gl, FX_KIDAL, FX_EAE), SEV_CRITICAL);
	cr_expect_eq(gaps_no_partner(&w.gl, FX_MOPTI, FX_EAE), SEV_COUNT);
}

Test(gaps, names)
{
	cr_expect_str_eq(gap_kind_name(GAP_MISSING_SERVICE), "missing-service");
	cr_expect_str_eq(gap_kind_name(GAP_DATA_QUALITY), "data-quality");
	cr_expect_str_eq(severity_name(SEV_CRITICAL), "critical");
	cr_expect_str_eq(severity_name(SEV_INFO), "info");
	cr_expect_str_eq(severity_name(SEV_COUNT), "");
}

/* ---- the order a meeting reads them in ------------------------------------ */

/* Partners A, B and C in Ansongo (Gao) for PSS in February, March and
 * April: three concentration flags, of which February's and March's are
 * about months before the report month (April). */
static void crowd_in_ansongo_feb_to_apr(void)
{
	const char *who[] = { "A", "B", "C" };
	const int months[] = { 202402, 202403, 202404 };
	for (int m = 0; m < 3; m++)
		for (int p = 0; p < 3; p++)
			add((struct fx_row){ .partner = who[p], .region = "Gao", .cercle = "Ansongo",
			                     .type = "PSS", .activity = "clubs", .ym = months[m],
			                     .girls = 10 });
}

Test(gaps, agenda_folds_the_flags_about_earlier_months_after_the_others)
{
	struct gap_agenda ag;
	crowd_in_ansongo_feb_to_apr();
	run(fx_month(202404));
	gap_agenda_build(&ag, &w.gl, fx_month(202404), SEV_INFO);
	cr_assert_eq(ag.n, w.gl.len, "every flag listed once");
	cr_assert_eq(ag.nearlier, 2);
	cr_expect_eq(ag.first_month, fx_month(202402));
	cr_expect_eq(ag.last_month, fx_month(202403));
	const struct gap *feb = &w.gl.items[ag.items[ag.n - 2]], *mar = &w.gl.items[ag.items[ag.n - 1]];
	cr_expect_eq(feb->kind, GAP_CONCENTRATION);
	cr_expect_eq(feb->month, fx_month(202402));
	cr_expect_eq(mar->month, fx_month(202403));
	size_t april = 0;
	for (size_t k = 0; k < ag.n - ag.nearlier; k++) {
		const struct gap *g = &w.gl.items[ag.items[k]];
		cr_expect(!gaps_order_is_earlier(g, fx_month(202404)));
		april += g->kind == GAP_CONCENTRATION && g->month == fx_month(202404);
		if (k > 0)   /* the list's order kept: most severe first */
			cr_expect_leq(w.gl.items[ag.items[k - 1]].severity, g->severity);
	}
	cr_expect_eq(april, 1, "April's flag stays among the current ones");
	gap_agenda_free(&ag);
}

/* Critical and high only: the medium concentration flags go, folded or
 * not; the counts by severity still count every flag. */
Test(gaps, agenda_of_critical_and_high_only)
{
	struct gap_agenda ag;
	crowd_in_ansongo_feb_to_apr();
	run(fx_month(202404));
	gap_agenda_build(&ag, &w.gl, fx_month(202404), SEV_HIGH);
	size_t urgent = 0, total = 0;
	for (size_t i = 0; i < w.gl.len; i++)
		urgent += w.gl.items[i].severity <= SEV_HIGH;
	for (int s = 0; s < SEV_COUNT; s++)
		total += ag.count[s];
	cr_expect_eq(total, w.gl.len);
	cr_expect_eq(ag.count[SEV_MEDIUM], 3, "the three concentration flags");
	cr_assert_eq(ag.n, urgent);
	cr_expect_eq(ag.nearlier, 0);
	cr_expect_eq(ag.first_month, -1);
	for (size_t k = 0; k < ag.n; k++)
		cr_expect_leq(w.gl.items[ag.items[k]].severity, SEV_HIGH);
	gap_agenda_free(&ag);
}

/* The rows behind a flag about a figure are the figure's counted rows:
 * Kidal's low coverage stands on its 3 rows (a planned one among them);
 * the PSS target of 50,000 passed by Gao's 50,001 stands on the 2 PSS
 * rows of every region; a concentration flag on its own rows. */
Test(gaps, rows_behind_a_figure_s_flag_are_the_figure_s_rows)
{
	add((struct fx_row){ .partner = "IRC", .region = "Kidal", .type = "GC", .ym = 202403, .girls = 50 });
	add((struct fx_row){ .partner = "IRC", .region = "Kidal", .type = "GC", .ym = 202403,
	                     .activity = "visits", .boys = 50 });
	add((struct fx_row){ .partner = "IRC", .region = "Kidal", .type = "ENA", .ym = 202403,
	                     .status = STATUS_PLANNED });
	add((struct fx_row){ .partner = "SCI", .region = "Gao", .type = "PSS", .ym = 202403,
	                     .girls = 50001 });
	add((struct fx_row){ .partner = "SCI", .region = "Mopti", .type = "PSS", .ym = 202403,
	                     .girls = 1 });
	run(fx_month(202412));
	const struct gap *low = find(GAP_LOW_COVERAGE, FX_KIDAL, -1);
	const struct gap *above = find(GAP_ABOVE_TARGET, -1, FX_PSS);
	cr_assert_not_null(low);
	cr_assert_not_null(above);
	cr_expect_eq(low->nrows, 0, "it keeps no rows of its own");
	cr_expect_eq(gaps_rows_behind(&w.gl, (size_t)(low - w.gl.items)), 3);
	cr_expect_eq(gaps_rows_behind(&w.gl, (size_t)(above - w.gl.items)), 2);
	int region, type;
	cr_expect(gaps_figure_of(above, &region, &type));
	cr_expect_eq(region, -1);
	cr_expect_eq(type, FX_PSS);
	const struct gap *none = find(GAP_NO_PRESENCE, FX_SEGOU, -1);
	cr_assert_not_null(none);
	cr_expect(!gaps_figure_of(none, &region, &type));
	cr_expect_eq(gaps_rows_behind(&w.gl, (size_t)(none - w.gl.items)), 0);
}

/* ---- the plan's list and a region's ---------------------------------------- */

#define MAX_FLAGS 64

/* A flag as a line of text: what must be the same in both lists. */
static void flag_words(const struct gap *g, char *buf, size_t size)
{
	snprintf(buf, size, "%d|%d|%d|%d|%d|%s", g->kind, g->severity, g->region, g->cercle,
	         g->type, g->reason);
}

static size_t list_words(char words[][320])
{
	size_t n = 0;
	for (size_t i = 0; i < w.gl.len && n < MAX_FLAGS; i++)
		flag_words(&w.gl.items[i], words[n++], 320);
	return n;
}

static bool has_words(char words[][320], size_t n, const char *want)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(words[i], want))
			return true;
	return false;
}

/* A little of everything: Kidal with nobody; IRC silent in Mopti since
 * January but busy in Gao (stale in Mopti only); a crowd in Ansongo in
 * February to April; Ségou short of its target; a row with no
 * organisation in Kidal.  Every flag of each region's own list is in the
 * plan's list, word for word. */
Test(gaps, the_national_list_holds_every_flag_a_region_s_list_holds)
{
	static char plan[MAX_FLAGS][320], mine[MAX_FLAGS][320];
	crowd_in_ansongo_feb_to_apr();
	add((struct fx_row){ .partner = "IRC", .region = "Mopti", .type = "GC", .ym = 202401, .girls = 5 });
	add((struct fx_row){ .partner = "IRC", .region = "Gao", .type = "GC", .ym = 202404, .girls = 5 });
	reach("Ségou", 1000);
	size_t r = add((struct fx_row){ .region = "Kidal", .type = "GC", .ym = 202403, .girls = 7 });
	diag_add(&w.tab.diags, DIAG_WARNING, DC_NO_ORGANISATION, w.src, w.tab.rows[r].line, 2,
	         "no organisation named: Organisation and Partenaire are empty");
	run(fx_month(202404));
	size_t nplan = list_words(plan), checked = 0;
	cr_assert_lt(nplan, MAX_FLAGS);
	for (int region = 0; region < FX_NREGIONS; region++) {
		filter_init(&w.flt);
		filter_only_region(&w.flt, region);
		run(fx_month(202404));
		size_t n = list_words(mine);
		for (size_t i = 0; i < n; i++, checked++)
			cr_expect(has_words(plan, nplan, mine[i]), "%s's flag missing from the plan's list: %s",
			          w.cfg.regions[region].name, mine[i]);
	}
	/* stale Mopti, 3 crowds and Gao's own flags, Kidal's, Ségou's: not a vacuous check */
	cr_expect_geq(checked, 8);
}
