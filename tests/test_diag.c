/* diag: messages kept as 8-byte records with their wordings once; every
 * kind has words for `fourw check`. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "diag_kind.h"

Test(diag, the_same_wording_is_kept_once)
{
	struct diag_list l;
	diag_list_init(&l);
	for (uint32_t line = 2; line < 1002; line++)
		diag_add(&l, DIAG_WARNING, DC_UNKNOWN_CERCLE, 0, line, 4,
		         "Cercle 'Segu': unknown cercle; counted at region level");
	diag_add(&l, DIAG_WARNING, DC_UNKNOWN_CERCLE, 0, 1002, 4, "Cercle 'Sgou': unknown cercle");
	diag_add(&l, DIAG_REJECT, DC_UNKNOWN_CERCLE, 1, 7, 4,
	         "Cercle 'Segu': unknown cercle; counted at region level");
	cr_assert_eq(l.len, 1002);
	cr_assert_eq(l.nwords, 3, "1,000 rows of one wording, one other, one at another level");
	cr_assert_eq(l.warnings, 1001);
	cr_assert_eq(l.rejects, 1);
	cr_assert_eq(l.items[999].line, 1001);
	cr_assert_eq(diag_words_at(&l, 999)->col, 4);
	cr_assert_eq(diag_words_at(&l, 1001)->level, DIAG_REJECT);
	cr_assert_eq(diag_words_at(&l, 1001)->source, 1);
	cr_assert_str_eq(diag_words_at(&l, 1000)->msg, "Cercle 'Sgou': unknown cercle");
	diag_list_free(&l);
}

/* Words said again by their id read as if worded again: same line order,
 * sheet, column, level and text, and counted at their level. */
Test(diag, words_said_again_by_id)
{
	struct diag_list l;
	diag_list_init(&l);
	uint32_t id = diag_add_text(&l, DIAG_WARNING, DC_UNKNOWN_CERCLE, 2, 5, 6,
	                            "Cercle 'Sévaré': unknown cercle; counted at region level");
	diag_add_text(&l, DIAG_NOTE, DC_NUL_BYTES, 2, 6, 0, "another");
	diag_add_again(&l, 9, id);
	cr_assert_eq(l.len, 3);
	cr_assert_eq(l.nwords, 2);
	cr_assert_eq(l.warnings, 2);
	cr_assert_eq(l.notes, 1);
	cr_assert_eq(l.items[2].line, 9);
	const struct diag_words *w = diag_words_at(&l, 2);
	cr_assert_eq(w->source, 2);
	cr_assert_eq(w->col, 6);
	cr_assert_eq(w->level, DIAG_WARNING);
	cr_assert_eq(w->code, DC_UNKNOWN_CERCLE);
	cr_assert_str_eq(w->msg, "Cercle 'Sévaré': unknown cercle; counted at region level");
	diag_list_free(&l);
}

/* A message's sheet is kept with its words: the same words in two sheets
 * are two wordings, and each message still names its own sheet, also
 * once appended to another list (a sheet read in parts). */
Test(diag, the_same_wording_in_two_sheets_keeps_each_sheet)
{
	struct diag_list l, part;
	diag_list_init(&l);
	diag_list_init(&part);
	diag_add(&l, DIAG_WARNING, DC_UNKNOWN_CERCLE, 0, 2, 4, "Cercle 'Segu': unknown cercle");
	diag_add(&l, DIAG_WARNING, DC_UNKNOWN_CERCLE, 3, 2, 4, "Cercle 'Segu': unknown cercle");
	diag_add(&l, DIAG_WARNING, DC_UNKNOWN_CERCLE, 0, 5, 4, "Cercle 'Segu': unknown cercle");
	cr_assert_eq(l.nwords, 2, "one wording a sheet");
	cr_expect_eq(diag_source(&l, &l.items[0]), 0);
	cr_expect_eq(diag_source(&l, &l.items[1]), 3);
	cr_expect_eq(diag_source(&l, &l.items[2]), 0);
	diag_add(&part, DIAG_WARNING, DC_UNKNOWN_CERCLE, 3, 9, 4, "Cercle 'Segu': unknown cercle");
	diag_list_append(&l, &part);
	cr_assert_eq(l.len, 4);
	cr_expect_eq(l.nwords, 2, "sheet 3's wording found again");
	cr_expect_eq(diag_source(&l, &l.items[3]), 3);
	cr_expect_eq(l.items[3].line, 9);
	diag_list_free(&part);
	diag_list_free(&l);
}

Test(diag, a_column_makes_another_wording)
{
	struct diag_list l;
	diag_list_init(&l);
	diag_add(&l, DIAG_WARNING, DC_BAD_COUNT, 0, 2, 12, "'x' is not a number");
	diag_add(&l, DIAG_WARNING, DC_BAD_COUNT, 0, 3, 13, "'x' is not a number");
	diag_add(&l, DIAG_WARNING, DC_NOT_A_DATE, 0, 4, 12, "'x' is not a number");
	cr_assert_eq(l.nwords, 3);
	cr_assert_eq(diag_words_at(&l, 1)->col, 13);
	cr_assert_eq(diag_words_at(&l, 2)->code, DC_NOT_A_DATE);
	diag_list_free(&l);
}

Test(diag, words_survive_the_index_growing)
{
	struct diag_list l;
	diag_list_init(&l);
	for (int k = 0; k < 5000; k++)
		diag_add(&l, DIAG_WARNING, DC_TOTAL_DIFFERS, 0, (uint32_t)k + 2, 16, "total %d", k % 700);
	cr_assert_eq(l.nwords, 700);
	for (int k = 0; k < 5000; k += 97) {
		char want[32];
		snprintf(want, sizeof want, "total %d", k % 700);
		cr_assert_str_eq(diag_words_at(&l, (size_t)k)->msg, want);
	}
	diag_list_free(&l);
}

Test(diag, every_kind_has_a_name_and_what_to_do)
{
	for (int c = 0; c < DC_COUNT; c++) {
		cr_expect_str_neq(diag_kind_name((enum diag_code)c), "other", "code %d has no name", c);
		cr_expect_str_neq(diag_kind_fix((enum diag_code)c), "see the message",
		                  "code %d says nothing to do", c);
	}
	cr_expect_str_eq(diag_kind_name(DC_COUNT), "other");
}

/* Fitted once the sheets are read, the list still takes messages, its
 * wordings still kept once. */
Test(diag, a_fitted_list_takes_more)
{
	struct diag_list l;
	diag_list_init(&l);
	for (int k = 0; k < 3000; k++)
		diag_add(&l, DIAG_WARNING, DC_TOTAL_DIFFERS, 0, (uint32_t)k + 2, 16, "total %d", k);
	diag_list_fit(&l);
	cr_assert_eq(l.cap, l.len + 1);
	diag_add(&l, DIAG_WARNING, DC_TOTAL_DIFFERS, 0, 9000, 16, "total %d", 17);
	diag_add(&l, DIAG_NOTE, DC_ORG_SPELLED_TWO_WAYS, 0, 0, 0, "new");
	cr_assert_eq(l.nwords, 3001, "'total 17' was known already");
	cr_assert_eq(l.len, 3002);
	cr_assert_str_eq(diag_words_at(&l, 3000)->msg, "total 17");
	diag_list_free(&l);
}
