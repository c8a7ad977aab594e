/* reload: which re-read sheets are held back as caught half-way, and the
 * one line that says what changed.  Each reading is loaded from text here;
 * the figures are worked out by hand beside each test. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "aggregate.h"
#include "cube_index.h"
#include "load.h"
#include "plan_fixture.h"
#include "reload.h"

#define HEAD "Organization,Implementing partner,Region,Region P-code,Cercle,Cercle P-code," \
             "Commune,Intervention type,Activity,Status,Start date,End date,Reporting month," \
             "Girls,Boys,Women,Men,Total reached\n"
/* A Kayes case-management row reaching n girls and n boys: activity k. */
#define KAYES(k, n) "UNICEF,World Vision,Kayes,ML01,Kayes,ML0103,Kayes,Case management," \
                    "Case plans " #k ",Ongoing,2024-01-01,2024-12-31,2024-03," #n "," #n ",0,0,\n"
/* A row no region of the plan holds: rejected. */
#define NOWHERE(k) "UNICEF,World Vision,Atlantis,,,,,Case management,Lost " #k \
                   ",Ongoing,2024-01-01,2024-12-31,2024-03,1,1,0,0,\n"

#define TEN KAYES(1, 5) KAYES(2, 5) KAYES(3, 5) KAYES(4, 5) KAYES(5, 5) \
            KAYES(6, 5) KAYES(7, 5) KAYES(8, 5) KAYES(9, 5) KAYES(10, 5)

static struct config cfg;
static struct table before, now;
static char why[256];

static void setup(void)
{
	fx_plan_load(&cfg);
	table_init(&before);
	table_init(&now);
}

static void teardown(void)
{
	table_free(&before);
	table_free(&now);
	config_free(&cfg);
}

TestSuite(reload, .init = setup, .fini = teardown);

static void sheet(struct table *t, const char *name, const char *text)
{
	struct error e;
	cr_assert(load_buffer(t, &cfg, name, text, strlen(text), &e), "%s", e.msg);
}

Test(reload, the_same_sheet_read_again_is_taken)
{
	sheet(&before, "stc.csv", HEAD TEN);
	sheet(&now, "stc.csv", HEAD TEN);
	cr_assert_eq(reload_suspect(&before, &now, why, sizeof why), -1);
	cr_assert_str_eq(why, "");
}

Test(reload, a_sheet_cut_part_way_is_held_back)
{
	sheet(&before, "stc.csv", HEAD TEN);
	sheet(&now, "stc.csv", HEAD KAYES(1, 5) KAYES(2, 5) KAYES(3, 5) KAYES(4, 5));
	cr_assert_eq(reload_suspect(&before, &now, why, sizeof why), 0);
	cr_assert_str_eq(why, "stc.csv held back: 4 rows, had 10");
}

Test(reload, an_emptied_sheet_is_held_back)
{
	sheet(&before, "stc.csv", HEAD TEN);
	sheet(&now, "stc.csv", HEAD);
	cr_assert_eq(reload_suspect(&before, &now, why, sizeof why), 0);
	cr_assert_str_eq(why, "stc.csv held back: empty, had 10 rows");
}

/* Ten rows before, none rejected; now the ten and six rejected ones: six
 * is more than the slack (five, a tenth of ten being one). */
Test(reload, a_sheet_rejecting_far_more_rows_is_held_back)
{
	sheet(&before, "stc.csv", HEAD TEN);
	sheet(&now, "stc.csv", HEAD TEN NOWHERE(1) NOWHERE(2) NOWHERE(3) NOWHERE(4) NOWHERE(5)
	      NOWHERE(6));
	cr_assert_eq(now.sources[0].rejected, 6);
	cr_assert_eq(reload_suspect(&before, &now, why, sizeof why), 0);
	cr_assert_str_eq(why, "stc.csv held back: 6 rows rejected, had 0");
}

Test(reload, a_few_more_rejected_rows_are_a_partner_s_mistake_not_a_cut)
{
	sheet(&before, "stc.csv", HEAD TEN);
	sheet(&now, "stc.csv", HEAD TEN NOWHERE(1) NOWHERE(2) NOWHERE(3) NOWHERE(4) NOWHERE(5));
	cr_assert_eq(reload_suspect(&before, &now, why, sizeof why), -1);
}

Test(reload, a_new_sheet_rejecting_most_of_its_rows_is_held_back)
{
	sheet(&before, "stc.csv", HEAD TEN);
	sheet(&now, "stc.csv", HEAD TEN);
	sheet(&now, "irc.csv", HEAD KAYES(1, 5) NOWHERE(1) NOWHERE(2));
	cr_assert_eq(reload_suspect(&before, &now, why, sizeof why), 1);
	cr_assert_str_eq(why, "irc.csv held back: 2 of 3 rows rejected");
}

Test(reload, a_removed_sheet_is_taken)
{
	sheet(&before, "stc.csv", HEAD TEN);
	sheet(&before, "irc.csv", HEAD KAYES(1, 5));
	sheet(&now, "stc.csv", HEAD TEN);
	cr_assert_eq(reload_suspect(&before, &now, why, sizeof why), -1);
}

static void summary(char *out, size_t cap)
{
	struct cube_index ib, in;
	struct cube qb, qn;
	struct filter all;
	filter_init(&all);
	cube_init(&qb);
	cube_init(&qn);
	cube_index_build(&ib, &cfg, &before);
	cube_index_build(&in, &cfg, &now);
	cube_compute(&qb, &ib, &all);
	cube_compute(&qn, &in, &all);
	reload_summary(&cfg, &before, &qb, &now, &qn, out, cap);
	cube_free(&qb);
	cube_free(&qn);
	cube_index_free(&ib);
	cube_index_free(&in);
}

/* Before: two Kayes rows of 5 + 5 = 20.  Now a third of 15 + 15: Kayes
 * reached 20 → 50, one row more. */
Test(reload, the_change_line_names_the_sheet_and_the_region)
{
	char line[256];
	sheet(&before, "stc.csv", HEAD KAYES(1, 5) KAYES(2, 5));
	sheet(&now, "stc.csv", HEAD KAYES(1, 5) KAYES(2, 5) KAYES(3, 15));
	summary(line, sizeof line);
	cr_assert_str_eq(line, "+1 row from stc.csv \u2014 Kayes reached +30");
}

Test(reload, a_new_sheet_and_a_removed_one)
{
	char line[256];
	sheet(&before, "stc.csv", HEAD KAYES(1, 5) KAYES(2, 5));
	sheet(&now, "irc.csv", HEAD KAYES(3, 50) KAYES(4, 50) KAYES(5, 50));
	summary(line, sizeof line);
	/* Three rows new (3 × (50 + 50) = 300) and two gone (5 + 5 twice =
	 * 20): the larger change first; Kayes 20 → 300. */
	cr_assert_str_eq(line, "+3 rows from irc.csv, \u22122 rows: stc.csv removed \u2014 Kayes reached +280");
}

Test(reload, nothing_changed_is_said)
{
	char line[256];
	sheet(&before, "stc.csv", HEAD TEN);
	sheet(&now, "stc.csv", HEAD TEN);
	summary(line, sizeof line);
	cr_assert_str_eq(line, "The sheets read again \u2014 reached unchanged in every region");
}
