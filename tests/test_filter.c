/* filter: each criterion alone, their combination, rule 8 for periods, and
 * the description shown in headers. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "plan_fixture.h"

static struct fx_world w;

static void setup(void)
{
	fx_world_init(&w, "a.csv");
}

static void teardown(void)
{
	fx_world_free(&w);
}

TestSuite(filter, .init = setup, .fini = teardown);

/* Rows are named by index: adding a row may move the array. */
static size_t row(struct fx_row r)
{
	r.src = w.src;
	return fx_add(&w.tab, &w.cfg, r);
}

static bool match(size_t i)
{
	return filter_match(&w.flt, &w.cfg, &w.tab, &w.tab.rows[i]);
}

Test(filter, empty_selects_everything)
{
	cr_expect(filter_is_empty(&w.flt));
	size_t a = row((struct fx_row){ .partner = "IRC", .region = "Gao", .type = "GC" });
	cr_expect(match(a));
	filter_set_text(&w.flt, "  ");
	cr_expect(filter_is_empty(&w.flt), "blank text folds to nothing");
}

Test(filter, regions_types_and_statuses_are_sets)
{
	size_t a = row((struct fx_row){ .partner = "IRC", .region = "Mopti",
	                                                .type = "PSS", .status = STATUS_ONGOING });
	filter_only_region(&w.flt, FX_GAO);
	cr_expect_not(match(a));
	cr_expect(filter_add_region(&w.flt, FX_MOPTI));
	cr_expect(match(a));
	filter_only_type(&w.flt, FX_GC);
	cr_expect_not(match(a));
	cr_expect(filter_add_type(&w.flt, FX_PSS));
	cr_expect(match(a));
	w.flt.statuses = 1u << STATUS_PLANNED;
	cr_expect_not(match(a));
	w.flt.statuses |= 1u << STATUS_ONGOING;
	cr_expect(match(a));
	cr_expect_not(filter_is_empty(&w.flt));
}

Test(filter, period_by_reporting_month)
{
	size_t a = row((struct fx_row){ .partner = "A", .region = "Gao", .type = "GC",
	                                                .ym = 202403, .start_ym = 202401, .end_ym = 202412 });
	w.flt.from_month = fx_month(202403);
	w.flt.to_month = fx_month(202403);
	cr_expect(match(a));
	w.flt.from_month = fx_month(202404);
	w.flt.to_month = fx_month(202406);
	cr_expect_not(match(a), "the reporting month wins over the dates");
	w.flt.from_month = -1;
	w.flt.to_month = fx_month(202402);
	cr_expect_not(match(a));
	w.flt.to_month = -1;
	w.flt.from_month = fx_month(202403);
	cr_expect(match(a));
}

Test(filter, period_by_start_and_end_overlap)
{
	size_t a = row((struct fx_row){ .partner = "A", .region = "Gao", .type = "GC",
	                                                .start_ym = 202402, .end_ym = 202405 });
	w.flt.from_month = fx_month(202405);
	w.flt.to_month = fx_month(202407);
	cr_expect(match(a), "overlaps at its last month");
	w.flt.from_month = fx_month(202406);
	cr_expect_not(match(a));
	w.flt.from_month = fx_month(202401);
	w.flt.to_month = fx_month(202402);
	cr_expect(match(a), "overlaps at its first month");
	w.flt.to_month = fx_month(202401);
	cr_expect_not(match(a));
}

Test(filter, one_date_alone_is_a_point)
{
	size_t a = row((struct fx_row){ .partner = "A", .region = "Gao", .type = "GC",
	                                                .start_ym = 202402 });
	w.flt.from_month = fx_month(202403);
	cr_expect_not(match(a), "a start with no end does not run for ever");
	w.flt.from_month = fx_month(202402);
	cr_expect(match(a));
}

Test(filter, undated_rows_only_when_the_range_is_open)
{
	size_t a = row((struct fx_row){ .partner = "A", .region = "Gao", .type = "GC" });
	cr_expect(match(a));
	w.flt.to_month = fx_month(202412);
	cr_expect_not(match(a));
	w.flt.to_month = -1;
	w.flt.from_month = fx_month(202001);
	cr_expect_not(match(a));
}

Test(filter, partners_match_partner_or_org_whole_and_folded)
{
	size_t a = row((struct fx_row){ .partner = "Save the Children",
	                                                .org = "UNICEF", .region = "Gao", .type = "GC" });
	cr_assert(filter_add_partner(&w.flt, "SAVE THE CHILDREN"));
	cr_expect(match(a));
	filter_init(&w.flt);
	filter_add_partner(&w.flt, "unicef");
	cr_expect(match(a), "the organisation counts too");
	filter_init(&w.flt);
	filter_add_partner(&w.flt, "Save");
	cr_expect_not(match(a), "partners match whole names, not parts");
	filter_add_partner(&w.flt, "IRC");
	cr_expect_not(match(a));
	filter_add_partner(&w.flt, "Unicef");
	cr_expect(match(a), "any of the partners given");
}

Test(filter, partner_list_is_bounded)
{
	for (int i = 0; i < FILTER_MAX_PARTNERS; i++)
		cr_assert(filter_add_partner(&w.flt, "x"));
	cr_expect_not(filter_add_partner(&w.flt, "one too many"));
}

Test(filter, text_finds_places_by_name_variant_and_code)
{
	size_t segou = row((struct fx_row){ .partner = "A", .region = "Ségou", .type = "GC" });
	size_t tomb = row((struct fx_row){ .partner = "A", .region = "Tombouctou",
	                                                   .cercle = "Tombouctou", .type = "GC" });
	size_t gao = row((struct fx_row){ .partner = "A", .region = "Gao",
	                                                  .cercle = "Ansongo", .type = "GC" });
	filter_set_text(&w.flt, "SEGOU");
	cr_expect(match(segou));
	cr_expect_not(match(tomb));
	filter_set_text(&w.flt, "timbuktu");
	cr_expect(match(tomb));
	cr_expect_not(match(segou));
	filter_set_text(&w.flt, "anson");
	cr_expect(match(gao), "a cercle, by part of its name");
	filter_set_text(&w.flt, "ml07");
	cr_expect(match(gao), "a region p-code");
	cr_expect_not(match(segou));
}

Test(filter, text_finds_types_partners_activities_communes)
{
	size_t a = row((struct fx_row){ .partner = "Terre des hommes", .org = "UNICEF",
	                                                .region = "Gao", .type = "EAE",
	                                                .activity = "Séances récréatives",
	                                                .commune = "Bara" });
	/* "unicef" is the funder beside an implementing partner: not this row's
	 * partner (rule 3), so typing it does not find the row */
	static const char *hits[] = { "tdh", "terre des", "unicef", "recreatives", "bara",
	                              "eae", "espaces amis", "child friendly" };
	static const bool want[] = { false, true, false, true, true, true, true, true };
	for (size_t i = 0; i < sizeof hits / sizeof hits[0]; i++) {
		filter_set_text(&w.flt, hits[i]);
		cr_expect_eq(match(a), want[i], "text '%s'", hits[i]);
	}
}

/* Words are ANDed, each found anywhere in the row: "mopti gc" is Mopti's
 * case management, not every row of Mopti or of GC. */
Test(filter, typed_words_must_all_be_found)
{
	size_t mopti_gc = row((struct fx_row){ .partner = "IRC", .region = "Mopti", .type = "GC" });
	size_t mopti_pss = row((struct fx_row){ .partner = "IRC", .region = "Mopti", .type = "PSS" });
	size_t gao_gc = row((struct fx_row){ .partner = "IRC", .region = "Gao", .type = "GC" });
	filter_set_text(&w.flt, "mopti gc");
	cr_expect(match(mopti_gc));
	cr_expect_not(match(mopti_pss));
	cr_expect_not(match(gao_gc));
	filter_set_text(&w.flt, "irc   gao");
	cr_expect(match(gao_gc), "spaces between words do not count");
	cr_expect_not(match(mopti_gc));
	filter_set_text(&w.flt, "mopti zzz");
	cr_expect_not(match(mopti_gc), "a word found nowhere finds no row");
}

Test(filter, criteria_combine_with_and)
{
	size_t a = row((struct fx_row){ .partner = "IRC", .region = "Gao", .type = "GC",
	                                                .ym = 202403 });
	filter_only_region(&w.flt, FX_GAO);
	filter_set_text(&w.flt, "irc");
	w.flt.to_month = fx_month(202402);
	cr_expect_not(match(a));
	w.flt.to_month = fx_month(202403);
	cr_expect(match(a));
}

Test(filter, rows_in_table_order_with_cached_text)
{
	/* many rows share a few interned strings: the cache must answer each */
	for (int i = 0; i < 300; i++)
		row((struct fx_row){ .partner = i % 3 == 0 ? "IRC" : i % 3 == 1 ? "SCI" : "ENDA",
		                     .region = i % 2 ? "Gao" : "Mopti", .type = "GC" });
	filter_set_text(&w.flt, "sci");
	uint32_t *rows;
	size_t n = filter_rows(&w.flt, &w.cfg, &w.tab, &rows);
	cr_assert_eq(n, 100);
	for (size_t k = 0; k < n; k++)
		cr_expect_eq(rows[k], 3 * k + 1);
	free(rows);
}

Test(filter, describe)
{
	char buf[256];
	filter_describe(&w.flt, &w.cfg, buf, sizeof buf);
	cr_expect_str_eq(buf, "none");
	filter_add_region(&w.flt, FX_SEGOU);
	filter_add_region(&w.flt, FX_MOPTI);
	filter_add_type(&w.flt, FX_GC);
	w.flt.from_month = fx_month(202401);
	w.flt.to_month = fx_month(202403);
	filter_describe(&w.flt, &w.cfg, buf, sizeof buf);
	cr_expect_str_eq(buf, "region Mopti, Ségou; type GC; 2024-01..2024-03");
	filter_init(&w.flt);
	w.flt.statuses = 1u << STATUS_ONGOING;
	filter_add_partner(&w.flt, "IRC");
	w.flt.to_month = fx_month(202406);
	filter_set_text(&w.flt, "Ségou");
	filter_describe(&w.flt, &w.cfg, buf, sizeof buf);
	cr_expect_str_eq(buf, "status ongoing; partner \"irc\"; to 2024-06; text \"segou\"");
	char small[8];
	filter_describe(&w.flt, &w.cfg, small, sizeof small);
	cr_expect_str_eq(small, "status ");
}

/* No region picked means every region; picking some limits the filter to
 * them, and one picked alone is "the" region. */
Test(filter, asking_which_regions_and_types_are_picked)
{
	cr_expect(filter_has_region(&w.flt, FX_GAO));
	cr_expect(filter_has_region(&w.flt, 63));
	cr_expect_not(filter_limits_regions(&w.flt));
	cr_expect_eq(filter_single_region(&w.flt), -1);
	filter_only_region(&w.flt, FX_MOPTI);
	cr_expect(filter_limits_regions(&w.flt));
	cr_expect(filter_has_region(&w.flt, FX_MOPTI));
	cr_expect_not(filter_has_region(&w.flt, FX_GAO));
	cr_expect_eq(filter_single_region(&w.flt), FX_MOPTI);
	filter_add_region(&w.flt, FX_GAO);
	cr_expect_eq(filter_single_region(&w.flt), -1, "two regions: no single one");
	cr_expect(filter_has_region(&w.flt, FX_GAO));
	filter_clear_regions(&w.flt);
	cr_expect_not(filter_limits_regions(&w.flt));
	filter_only_region(&w.flt, 63);
	cr_expect_eq(filter_single_region(&w.flt), 63);
	filter_only_region(&w.flt, -1);
	cr_expect_not(filter_limits_regions(&w.flt), "-1 picks none: all");
	cr_expect_not(filter_limits_types(&w.flt));
	filter_only_type(&w.flt, FX_PSS);
	cr_expect(filter_limits_types(&w.flt));
	cr_expect(filter_has_type(&w.flt, FX_PSS));
	cr_expect_not(filter_has_type(&w.flt, FX_GC));
	filter_only_type(&w.flt, -1);
	cr_expect(filter_has_type(&w.flt, FX_GC));
}

/* The filter holds 64 regions and 64 types: a 65th is refused, not wrapped
 * onto another one. */
Test(filter, past_the_64th_nothing_is_picked)
{
	cr_expect_not(filter_add_region(&w.flt, 64));
	cr_expect_not(filter_limits_regions(&w.flt));
	cr_expect_not(filter_add_type(&w.flt, 64));
	cr_expect_not(filter_add_type(&w.flt, -1));
	cr_expect_not(filter_limits_types(&w.flt));
	cr_expect(filter_add_region(&w.flt, 0));
	cr_expect_not(filter_has_region(&w.flt, 64));
	cr_expect_not(filter_has_region(&w.flt, -1));
}
