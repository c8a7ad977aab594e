/* Large digits for the presentation (tui/bigdigits.c): the glyphs as they
 * land in the buffer, in each font, in UTF-8 and in ASCII.  The expected
 * lines are drawn by hand from the 3x5 dots of each digit. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>

#include "bigdigits.h"

#define FULL "\xe2\x96\x88"
#define UPPER "\xe2\x96\x80"
#define LOWER "\xe2\x96\x84"

Test(tui_bigdigits, medium_ascii_seven_and_one)
{
	struct big_text t;
	cr_assert(bigdigits_render("71", BIG_MEDIUM, true, &t));
	cr_expect(eq(int, t.rows, 5));
	cr_expect(eq(int, t.cols, 7));         /* 3 + 1 blank + 3 */
	cr_expect(eq(str, t.line[0], "###  # "));
	cr_expect(eq(str, t.line[1], "  # ## "));
	cr_expect(eq(str, t.line[4], "  # ###"));
}

Test(tui_bigdigits, large_doubles_each_dot)
{
	struct big_text t;
	cr_assert(bigdigits_render("4", BIG_LARGE, false, &t));
	cr_expect(eq(int, t.cols, 6));
	cr_expect(eq(str, t.line[0], FULL FULL "  " FULL FULL));
	cr_expect(eq(str, t.line[2], FULL FULL FULL FULL FULL FULL));
	cr_expect(eq(str, t.line[4], "    " FULL FULL));
}

Test(tui_bigdigits, small_packs_two_rows_in_half_blocks)
{
	struct big_text t;
	/* 2: rows ###/..#, ###/#.., ###/... */
	cr_assert(bigdigits_render("2", BIG_SMALL, false, &t));
	cr_expect(eq(int, t.rows, 3));
	cr_expect(eq(str, t.line[0], UPPER UPPER FULL));
	cr_expect(eq(str, t.line[1], FULL UPPER UPPER));
	cr_expect(eq(str, t.line[2], UPPER UPPER UPPER));
}

Test(tui_bigdigits, small_has_no_ascii_form)
{
	struct big_text t;
	cr_expect(not(bigdigits_render("2", BIG_SMALL, true, &t)));
}

Test(tui_bigdigits, separators_and_percent)
{
	struct big_text t;
	/* "1,5%": 3 + 1 + 1 + 1 + 3 + 1 + 3 columns */
	cr_expect(eq(int, bigdigits_width("1,5%", BIG_MEDIUM), 13));
	/* French: a no-break space is one blank dot column */
	cr_expect(eq(int, bigdigits_width("5\xc2\xa0%", BIG_MEDIUM), 9));
	cr_assert(bigdigits_render("<5", BIG_MEDIUM, true, &t));
	cr_expect(eq(str, t.line[0], "  # ###"));
	cr_expect(eq(str, t.line[2], "#   ###"));
}

Test(tui_bigdigits, letters_without_glyph_are_refused)
{
	struct big_text t;
	cr_expect(eq(int, bigdigits_width("12 people", BIG_MEDIUM), -1));
	cr_expect(not(bigdigits_render("n/a", BIG_LARGE, false, &t)));
	cr_expect(eq(int, bigdigits_width("1.2M", BIG_LARGE), 6 + 2 + 2 + 2 + 6 + 2 + 10));
}
