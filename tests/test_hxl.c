/* HXL as the standard writes it: the hashtag row found as libhxl finds it,
 * tagged columns mapped by their tag or not at all, and every #reached
 * column read with its attributes.  The fixture sheets and their figures
 * are worked by hand in tests/fixtures/sheets/README.md ("HXL forms"). */
#include <criterion/criterion.h>
#include <string.h>

#include "config.h"
#include "dialect.h"
#include "load.h"
#include "table.h"
#include "plan_fixture.h"

static struct config cfg;
static struct table t;

static void setup(void)
{
	fx_plan_load(&cfg);
	table_init(&t);
}

static void teardown(void)
{
	table_free(&t);
	config_free(&cfg);
}

TestSuite(hxl, .init = setup, .fini = teardown);

#define FIX "tests/fixtures/sheets/"

static void load_file(struct table *tab, const char *path)
{
	struct error e;
	table_init(tab);
	cr_assert(load_paths(tab, &cfg, (const char *const[]){ path }, 1, &e), "%s", e.msg);
}

static const struct source *load(const char *text)
{
	struct error e;
	cr_assert(load_buffer(&t, &cfg, "sheet.csv", text, strlen(text), &e), "%s", e.msg);
	return &t.sources[t.nsources - 1];
}

static size_t count_code(const struct table *tab, enum diag_code code)
{
	size_t k = 0;
	for (size_t i = 0; i < tab->diags.len; i++)
		k += diag_words_at(&tab->diags, i)->code == code;
	return k;
}

static struct row_counts counts(size_t i)
{
	cr_assert_lt(i, t.len);
	return activity_counts(&t, &t.rows[i]);
}

/* ---- the hashtag (tagging.html Appendix B; libhxl tests/test_model.py) ---- */

Test(hxl, a_hashtag_is_a_hash_and_a_token_then_attributes)
{
	cr_assert(dialect_is_hxl_tag("#tag"));
	cr_assert(dialect_is_hxl_tag("#tag+foo"));
	cr_assert(dialect_is_hxl_tag(" #tag +foo   "));
	cr_assert(dialect_is_hxl_tag("#foo +a +b"));
	cr_assert(dialect_is_hxl_tag("#ADM1+Code+v_pcode"));
	cr_assert(dialect_is_hxl_tag("#x_toxicity"));
	cr_assert_not(dialect_is_hxl_tag("#foo + a +b"));     /* libhxl test_parse_invalid */
	cr_assert_not(dialect_is_hxl_tag("   "));
	cr_assert_not(dialect_is_hxl_tag("# atteints"));
	cr_assert_not(dialect_is_hxl_tag("#1 report"));
	cr_assert_not(dialect_is_hxl_tag("#_tag"));
	cr_assert_not(dialect_is_hxl_tag("#tag+"));
	cr_assert_not(dialect_is_hxl_tag("#tag++foo"));
	cr_assert_not(dialect_is_hxl_tag("#réfugiés"));
	cr_assert_not(dialect_is_hxl_tag("adm1"));
}

Test(hxl, a_hashtag_row_needs_half_of_its_cells_to_be_hashtags)
{
	/* libhxl tests/files/test_io/input-fuzzy.csv: 5 hashtags of 7 cells */
	const char *fuzzy[] = { "", "#sector+es", "#subsector+es", "#org+es", "#targeted+f",
	                        "#targeted+f", "country", "adm1" };
	const char *half[] = { "#org", "note", "#adm1", "see below" };
	const char *less[] = { "#org", "note", "#adm1", "see below", "2024" };
	const char *groups[] = { "", "# atteints (enfants)", "", "# atteints (adultes)" };
	cr_assert(dialect_is_hxl_row(fuzzy, 8));
	cr_assert(dialect_is_hxl_row(half, 4));
	cr_assert_not(dialect_is_hxl_row(less, 5));
	cr_assert_not(dialect_is_hxl_row(groups, 4));
}

/* ---- the fixture sheets: each HXL form gives same_en.csv's figures -------- */

static void assert_same_reached(const struct table *a, const struct table *b, const char *name,
                                bool breakdown)
{
	cr_assert_eq(b->len, a->len, "%s: %zu rows, not %zu", name, b->len, a->len);
	cr_assert_eq(b->sources[0].rejected, 0, "%s", name);
	for (size_t i = 0; i < a->len; i++) {
		struct row_counts x = activity_counts(a, &a->rows[i]), y = activity_counts(b, &b->rows[i]);
		cr_assert_eq(a->rows[i].region, b->rows[i].region, "%s row %zu", name, i);
		cr_assert_eq(a->rows[i].itype, b->rows[i].itype, "%s row %zu", name, i);
		cr_assert_eq(y.reached, x.reached, "%s row %zu: reached %d, not %d", name, i,
		             y.reached, x.reached);
		if (!breakdown)
			continue;
		cr_assert_eq(y.girls, x.girls, "%s row %zu girls", name, i);
		cr_assert_eq(y.boys, x.boys, "%s row %zu boys", name, i);
		cr_assert_eq(y.women, x.women, "%s row %zu women", name, i);
		cr_assert_eq(y.men, x.men, "%s row %zu men", name, i);
	}
}

static int64_t reached_all(const struct table *tab)
{
	int64_t sum = 0;
	for (size_t i = 0; i < tab->len; i++)
		sum += activity_counts(tab, &tab->rows[i]).reached;
	return sum;
}

Test(hxl, every_form_of_disaggregation_gives_the_plain_sheets_figures)
{
	static const struct { const char *file; bool breakdown; } forms[] = {
		{ FIX "hxl_sex.csv", false },        /* +f / +m: no age, so no girls or women */
		{ FIX "hxl_age.csv", false },        /* +children / +adults: no sex */
		{ FIX "hxl_infants.csv", true },
		{ FIX "hxl_brackets.csv", true },
		{ FIX "hxl_repeated.csv", true },
		{ FIX "hxl_stray_note.csv", true },
		{ FIX "hxl_group_headers.csv", true },
	};
	struct table en;
	load_file(&en, FIX "same_en.csv");
	cr_assert_eq(reached_all(&en), 8994);
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		struct table h;
		load_file(&h, forms[i].file);
		cr_assert_eq(count_code(&h, DC_TOTAL_DIFFERS), 0, "%s", forms[i].file);
		cr_assert_eq(count_code(&h, DC_HXL_NOT_PLACED), 0, "%s", forms[i].file);
		assert_same_reached(&en, &h, forms[i].file, forms[i].breakdown);
		cr_assert_eq(reached_all(&h), 8994, "%s", forms[i].file);
		table_free(&h);
	}
	table_free(&en);
}

Test(hxl, a_split_by_sex_alone_leaves_the_age_groups_unknown)
{
	struct table h;
	load_file(&h, FIX "hxl_sex.csv");
	struct row_counts c = activity_counts(&h, &h.rows[0]);
	cr_assert_eq(c.reached, 1030);       /* 550 female + 480 male */
	cr_assert_eq(c.girls, COUNT_MISSING);
	cr_assert_eq(c.women, COUNT_MISSING);
	table_free(&h);
}

Test(hxl, a_stray_note_in_the_hashtag_row_keeps_the_sheet_hxl)
{
	struct table h;
	load_file(&h, FIX "hxl_stray_note.csv");
	cr_assert_eq(h.sources[0].hxl_line, 2);
	cr_assert_eq(h.sources[0].map.col[F_COMMUNE], 6);     /* by its header, "Commune" */
	cr_assert_eq(h.sources[0].accepted, 8);
	table_free(&h);
}

Test(hxl, group_headers_with_a_hash_and_a_space_are_not_hxl)
{
	struct table h;
	load_file(&h, FIX "hxl_group_headers.csv");
	cr_assert_eq(h.sources[0].hxl_line, 0);
	cr_assert_eq(h.sources[0].header_line, 2);
	cr_assert_eq(h.sources[0].accepted, 8);
	table_free(&h);
}

Test(hxl, an_unknown_tag_is_not_mapped_by_its_header)
{
	struct table h;
	load_file(&h, FIX "hxl_unknown_tag.csv");
	const struct source *s = &h.sources[0];
	cr_assert_eq(s->map.col[F_ITYPE], -1);      /* "Type" is #x_type */
	cr_assert_eq(s->accepted, 3);
	cr_assert_eq(count_code(&h, DC_TYPE_FROM_ACTIVITY), 3);
	cr_assert_str_eq(cfg.types[h.rows[0].itype].code, "PSS");
	cr_assert_str_eq(cfg.types[h.rows[1].itype].code, "SENS");
	cr_assert_str_eq(cfg.types[h.rows[2].itype].code, "GC");
	cr_assert_eq(reached_all(&h), 40);           /* 22 + 11 + 7 */
	table_free(&h);
}

/* ---- the rules one by one ------------------------------------------------- */

#define HEAD "Org,Region,Type"
#define TAGS "#org,#adm1+name,#activity+type"
#define ROW "IRC,Mopti,PSS"

Test(hxl, sex_totals_add_up_and_a_total_beside_them_is_checked)
{
	load(HEAD ",F,M,All\n" TAGS ",#reached+f,#reached+m,#reached\n"
	     ROW ",7,8,15\n" ROW ",7,8,16\n");
	cr_assert_eq(counts(0).reached, 15);
	cr_assert_eq(counts(1).reached, 15);          /* 7 + 8, with a warning */
	cr_assert_eq(count_code(&t, DC_TOTAL_DIFFERS), 1);
}

Test(hxl, age_groups_without_sex_add_up)
{
	load(HEAD ",C,A,E\n" TAGS ",#reached+children,#reached+adults,#reached+elderly\n"
	     ROW ",9,4,2\n");
	cr_assert_eq(counts(0).reached, 15);
	cr_assert_eq(counts(0).older, 2);
	cr_assert_eq(counts(0).girls, COUNT_MISSING);
}

Test(hxl, infants_are_part_of_the_children_beside_them_and_stand_for_them_alone)
{
	load(HEAD ",I,C,A\n" TAGS ",#reached+infants,#reached+children,#reached+adults\n"
	     ROW ",3,10,5\n");
	cr_assert_eq(counts(0).reached, 15);          /* 10 + 5: the 3 infants are in the 10 */
	table_free(&t);
	table_init(&t);
	load(HEAD ",FI,MI,F\n" TAGS ",#reached+f+infants,#reached+m+infants,#reached+f+adults\n"
	     ROW ",4,6,5\n");
	cr_assert_eq(counts(0).girls, 4);
	cr_assert_eq(counts(0).boys, 6);
	cr_assert_eq(counts(0).reached, 15);
}

Test(hxl, age_brackets_under_one_tag_add_up_by_group)
{
	load(HEAD ",a,b,c,d,e\n"
	     TAGS ",#reached+f+age0_4,#reached+f+age5_17,#reached+f+age_18_59,"
	     "#reached+f+age60plus,#reached+m+age_0_17\n"
	     ROW ",2,3,4,1,5\n");
	cr_assert_eq(counts(0).girls, 5);
	cr_assert_eq(counts(0).women, 4);
	cr_assert_eq(counts(0).older, 1);
	cr_assert_eq(counts(0).boys, 5);
	cr_assert_eq(counts(0).reached, 15);
}

Test(hxl, the_most_specific_split_wins_over_the_totals)
{
	/* girls, boys, women, men = 3 + 4 + 5 + 3 = 15; the sex totals and the
	 * total agree, and none of them is added again */
	load(HEAD ",G,B,W,M,F,Ma,T\n"
	     TAGS ",#reached+f+children,#reached+m+children,#reached+f+adults,#reached+m+adults,"
	     "#reached+f,#reached+m,#reached\n"
	     ROW ",3,4,5,3,8,7,15\n");
	cr_assert_eq(counts(0).reached, 15);
	cr_assert_eq(count_code(&t, DC_TOTAL_DIFFERS), 0);
}

Test(hxl, a_repeated_tag_counts_its_first_non_blank_cell)
{
	load(HEAD ",G1,G2,B\n" TAGS ",#reached+f+children,#reached+f+children,#reached+m+children\n"
	     ROW ",,7,8\n" ROW ",7,99,8\n");
	cr_assert_eq(counts(0).girls, 7);
	cr_assert_eq(counts(1).girls, 7);
	cr_assert_eq(counts(1).reached, 15);
}

Test(hxl, a_column_no_group_can_hold_is_noted_not_counted)
{
	const struct source *s = load(HEAD ",G,B,HH,Y,I\n"
	     TAGS ",#reached+f+children,#reached+m+children,#reached+hh,#reached+f+age15_24,"
	     "#reached+i\n" ROW ",7,8,3,4,1\n");
	cr_assert_eq(counts(0).reached, 15);
	cr_assert_eq(count_code(&t, DC_HXL_NOT_PLACED), 3);
	for (size_t i = 0; i < t.diags.len; i++)
		if (diag_words_at(&t.diags, i)->code == DC_HXL_NOT_PLACED) {
			cr_assert_eq(t.diags.items[i].line, 2);
			cr_assert_geq(diag_words_at(&t.diags, i)->col, 6);
		}
	cr_assert_eq(s->nunmapped, 3);                 /* listed as not used, not silently */
}

Test(hxl, unknown_attributes_are_ignored)
{
	/* tagging.html §3.2: +ind, +i_fr, +v_… do not change who is counted */
	load(HEAD ",G,B\n" TAGS ",#reached+f+children+i_fr,#reached+m+children+ind\n" ROW ",7,8\n");
	cr_assert_eq(counts(0).girls, 7);
	cr_assert_eq(counts(0).reached, 15);
}

Test(hxl, a_bad_count_in_a_tagged_column_rejects_the_row_at_its_column)
{
	const struct source *s = load(HEAD ",F,M\n" TAGS ",#reached+f,#reached+m\n" ROW ",7,huit\n");
	cr_assert_eq(s->rejected, 1);
	cr_assert_eq(diag_words_at(&t.diags, 0)->code, DC_BAD_COUNT);
	cr_assert_eq(diag_words_at(&t.diags, 0)->col, 5);
}

Test(hxl, untagged_people_columns_of_a_tagged_sheet_still_count)
{
	/* only the total is tagged; Girls and Boys are mapped by their headers */
	load(HEAD ",Girls,Boys,Total\n" TAGS ",,,#reached\n" ROW ",7,8,15\n" ROW ",7,8,20\n");
	cr_assert_eq(counts(0).girls, 7);
	cr_assert_eq(counts(0).reached, 15);
	cr_assert_eq(counts(1).reached, 15);          /* the breakdown counts, with a warning */
	cr_assert_eq(count_code(&t, DC_TOTAL_DIFFERS), 1);
}

Test(hxl, a_row_with_every_people_column_empty_is_rejected)
{
	const struct source *s = load(HEAD ",F,M\n" TAGS ",#reached+f,#reached+m\n" ROW ",,\n");
	cr_assert_eq(s->rejected, 1);
	cr_assert_eq(diag_words_at(&t.diags, 0)->code, DC_NO_COUNT);
}
