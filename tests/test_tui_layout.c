/* Screen geometry and region keys (tui/layout.c, tui/keymap.c). */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <curses.h>
#include <string.h>

#include "keymap.h"
#include "layout.h"

Test(tui_layout, minimum_size)
{
	/* 60x20: a projector with a big font (issue 16) */
	cr_expect(not(layout_too_small(60, 20)));
	cr_expect(not(layout_too_small(80, 24)));
	cr_expect(layout_too_small(59, 20));
	cr_expect(layout_too_small(60, 19));
	cr_expect(layout_too_small(60, 15));
	cr_expect(not(layout_too_small(250, 70)));
	cr_expect(eq(int, layout_body_lines(24), 17));
	cr_expect(eq(int, layout_body_lines(20), 13));      /* 10 regions, heading, blank, total */
	cr_expect(eq(int, layout_body_lines(3), 0));
}

Test(tui_layout, columns_fit_and_grow)
{
	const struct layout_col cols[] = { { 3, 3, LF_KEEP }, { 10, 20, LF_KEEP }, { 8, 8, LF_KEEP } };
	int w[3];
	cr_expect(eq(int, layout_columns(cols, 3, 100, 1, w), 3));
	cr_expect(eq(int, w[1], 20));
	cr_expect(eq(int, layout_columns(cols, 3, 23, 1, w), 3));     /* mins exactly */
	cr_expect(eq(int, w[0] + w[1] + w[2] + 2, 23));
	cr_expect(eq(int, layout_columns(cols, 3, 15, 1, w), 2));     /* last one dropped */
	cr_expect(eq(int, w[2], 0));
	cr_expect(eq(int, layout_columns(cols, 3, 2, 1, w), 1));      /* first clipped */
	cr_expect(eq(int, w[0], 2));
}

Test(tui_layout, drop_order_is_one_table)
{
	/* what the room asks first is never dropped */
	cr_expect(eq(int, layout_drop_rank(LF_KEEP), 0));
	cr_expect(eq(int, layout_drop_rank(LF_BAR), 1));
	cr_expect(lt(int, layout_drop_rank(LF_CERCLES), layout_drop_rank(LF_PARTNERS)));
	cr_expect(lt(int, layout_drop_rank(LF_PARTNERS), layout_drop_rank(LF_NEED)));
	cr_expect(lt(int, layout_drop_rank(LF_NEED), layout_drop_rank(LF_TARGET)));
	for (int f = LF_KEEP + 1; f < LF_COUNT; f++) {       /* every other field has its own place */
		cr_expect(gt(int, layout_drop_rank((enum layout_field)f), 0));
		for (int g = f + 1; g < LF_COUNT; g++)
			cr_expect(ne(int, layout_drop_rank((enum layout_field)f),
			             layout_drop_rank((enum layout_field)g)));
	}
}

/* The regions view's columns (tui/view_regions.c): key, name, need,
 * target, reached, bar, %, partners, flag; minimum widths add up to 63,
 * with 8 gaps 71. */
static const struct layout_col region_cols[] = {
	{ 3, 3, LF_KEEP }, { 12, 20, LF_KEEP }, { 7, 9, LF_NEED }, { 8, 9, LF_TARGET },
	{ 7, 10, LF_KEEP }, { 8, 30, LF_BAR }, { 6, 9, LF_KEEP }, { 8, 8, LF_PARTNERS },
	{ 4, 6, LF_KEEP },
};
enum { RC_KEY, RC_NAME, RC_NEED, RC_TARGET, RC_REACHED, RC_BAR, RC_PCT, RC_PARTNERS, RC_FLAG, RC_N };

Test(tui_layout, columns_drop_in_order)
{
	int w[RC_N];

	/* 60 columns (58 inside): 71 - 9 (bar) = 62 still too wide, - 9
	 * (partners) = 53; the 5 left over widen the name from 12 to 17 */
	cr_expect(eq(int, layout_columns(region_cols, RC_N, 58, 1, w), 7));
	cr_expect(eq(int, w[RC_BAR], 0));
	cr_expect(eq(int, w[RC_PARTNERS], 0));
	cr_expect(eq(int, w[RC_NEED], 7));
	cr_expect(eq(int, w[RC_TARGET], 8));
	cr_expect(eq(int, w[RC_NAME], 17));
	cr_expect(eq(int, w[RC_FLAG], 4));
	/* 70 (68 inside): only the bar goes (71 - 9 = 62), the name gets 6 more */
	cr_expect(eq(int, layout_columns(region_cols, RC_N, 68, 1, w), 8));
	cr_expect(eq(int, w[RC_BAR], 0));
	cr_expect(eq(int, w[RC_PARTNERS], 8));
	cr_expect(eq(int, w[RC_NAME], 18));
	/* 80 (78 inside): everything, 7 left over for the name */
	cr_expect(eq(int, layout_columns(region_cols, RC_N, 78, 1, w), 9));
	cr_expect(eq(int, w[RC_NAME], 19));
	cr_expect(eq(int, w[RC_BAR], 8));
	/* 160 (158 inside): every column at its want, 104 + 8 gaps */
	cr_expect(eq(int, layout_columns(region_cols, RC_N, 158, 1, w), 9));
	cr_expect(eq(int, w[RC_BAR], 30));
	cr_expect(eq(int, layout_positions(w, RC_N, 0, 1, NULL), 112));
	/* 40: need and target go too; the kept ones are 3+12+7+6+4 + 4 gaps = 36 */
	cr_expect(eq(int, layout_columns(region_cols, RC_N, 40, 1, w), 5));
	cr_expect(eq(int, w[RC_NEED] + w[RC_TARGET], 0));
	cr_expect(eq(int, w[RC_REACHED], 7));
}

Test(tui_layout, a_narrow_table_scrolls_to_what_it_dropped)
{
	int w[RC_N];

	/* unscrolled: the drop order (as columns_drop_in_order at 60) */
	cr_expect(eq(int, layout_table(region_cols, RC_N, 2, 58, 1, 0, w), 0));
	cr_expect(eq(int, w[RC_BAR] + w[RC_PARTNERS], 0));
	/* one step: key and name (12 + 3 + 2 gaps = 17) stay; from need on,
	 * in 41 columns: need 7, target 8, reached 7, bar 8, % 6 + 4 gaps = 40 */
	cr_expect(eq(int, layout_table(region_cols, RC_N, 2, 58, 1, 1, w), 1));
	cr_expect(eq(int, w[RC_KEY], 3));
	cr_expect(eq(int, w[RC_NAME], 12));
	cr_expect(eq(int, w[RC_BAR], 8));
	cr_expect(eq(int, w[RC_PARTNERS], 0));
	/* three steps: reached to flag (7 + 8 + 6 + 8 + 4 + 4 gaps = 37): the
	 * partners in view; further steps stop there */
	cr_expect(eq(int, layout_table(region_cols, RC_N, 2, 58, 1, 3, w), 3));
	cr_expect(eq(int, w[RC_NEED] + w[RC_TARGET], 0));
	cr_expect(eq(int, w[RC_PARTNERS], 8));
	cr_expect(gt(int, w[RC_FLAG], 0));
	cr_expect(eq(int, layout_table(region_cols, RC_N, 2, 58, 1, 9, w), 3));
	/* a table that fits does not scroll */
	cr_expect(eq(int, layout_table(region_cols, RC_N, 2, 158, 1, 2, w), 0));
	cr_expect(eq(int, w[RC_BAR], 30));
}

Test(tui_layout, positions_skip_dropped_columns)
{
	const int w[] = { 3, 0, 5 };
	int xs[3];
	cr_expect(eq(int, layout_positions(w, 3, 1, 1, xs), 10));   /* 1 + 3 + gap + 5 */
	cr_expect(eq(int, xs[0], 1));
	cr_expect(eq(int, xs[1], 4));
	cr_expect(eq(int, xs[2], 5));
}

Test(tui_layout, columns_scroll_sideways)
{
	/* three 5-wide columns and free text (4, up to 10) in 12 columns */
	const struct layout_col cols[] = { { 5, 5, LF_KEEP }, { 5, 5, LF_KEEP }, { 5, 5, LF_KEEP },
		{ 4, 10, LF_KEEP } };
	int w[4];

	cr_expect(eq(int, layout_scroll_columns(cols, 4, 12, 1, 0, w), 0));
	cr_expect(eq(int, w[0], 5));
	cr_expect(eq(int, w[1], 5));
	cr_expect(eq(int, w[2] + w[3], 0));
	cr_expect(eq(int, layout_scroll_columns(cols, 4, 12, 1, 1, w), 1));
	cr_expect(eq(int, w[0], 0));
	cr_expect(eq(int, w[2], 5));
	/* from the third the end is on screen, the text taking what is left */
	cr_expect(eq(int, layout_scroll_columns(cols, 4, 12, 1, 2, w), 2));
	cr_expect(eq(int, w[2], 5));
	cr_expect(eq(int, w[3], 6));                             /* 12 - 5 - 1 */
	/* scrolling further stops where the end came into view */
	cr_expect(eq(int, layout_scroll_columns(cols, 4, 12, 1, 9, w), 2));
	/* a table that fits never scrolls */
	cr_expect(eq(int, layout_scroll_columns(cols, 4, 40, 1, 3, w), 0));
	cr_expect(eq(int, w[3], 40 - 18));
	cr_expect(eq(int, layout_scroll_columns(cols, 0, 40, 1, 3, w), 0));
}

Test(tui_layout, steps_stay_in_range)
{
	cr_expect(eq(int, layout_step(0, 10, 5, STEP_UP), 0));
	cr_expect(eq(int, layout_step(9, 10, 5, STEP_DOWN), 9));
	cr_expect(eq(int, layout_step(0, 10, 5, STEP_PAGE_DOWN), 4));
	cr_expect(eq(int, layout_step(3, 10, 5, STEP_END), 9));
	cr_expect(eq(int, layout_step(3, 0, 5, STEP_DOWN), 0));      /* empty list */
}

Test(tui_layout, scroll_keeps_selection_visible)
{
	cr_expect(eq(int, layout_scroll(0, 12, 100, 10), 3));
	cr_expect(eq(int, layout_scroll(5, 2, 100, 10), 2));
	cr_expect(eq(int, layout_scroll(50, 99, 100, 10), 90));
	cr_expect(eq(int, layout_scroll(7, 3, 5, 10), 0));           /* everything fits */
	cr_expect(eq(int, layout_scroll(0, 0, 10, 0), 0));
}

Test(tui_layout, matrix_columns)
{
	cr_expect(eq(int, layout_matrix_cols(98, 16, 8), 9));
	cr_expect(eq(int, layout_matrix_cols(78, 16, 8), 6));
	cr_expect(eq(int, layout_matrix_cols(10, 16, 8), 0));
}

Test(tui_layout, cycle_wraps)
{
	const int list[] = { 4, 7, 2 };
	cr_expect(eq(int, layout_cycle(list, 3, -1, 1), 4));
	cr_expect(eq(int, layout_cycle(list, 3, -1, -1), 2));
	cr_expect(eq(int, layout_cycle(list, 3, 2, 1), 4));
	cr_expect(eq(int, layout_cycle(list, 3, 4, -1), 2));
	cr_expect(eq(int, layout_cycle(list, 0, 4, 1), -1));
}

static struct region regions[3];
static struct config cfg;

static void gazetteer(void)
{
	/* Config order deliberately not code order. */
	regions[0] = (struct region){ .name = "Ménaka", .codes = { { "ML10", SYS_OLD | SYS_NEW } }, .ncodes = 1 };
	regions[1] = (struct region){ .name = "Taoudénit", .codes = { { "ML09", SYS_NEW } }, .ncodes = 1 };
	regions[2] = (struct region){ .name = "Bamako", .codes = { { "ML09", SYS_OLD }, { "ML20", SYS_NEW } }, .ncodes = 2 };
	cfg = (struct config){ .regions = regions, .nregions = 3 };
}

Test(tui_layout, region_keys_follow_old_codes, .init = gazetteer)
{
	cr_expect(eq(int, layout_region_key(&cfg, 0), '0'));
	cr_expect(eq(int, layout_region_key(&cfg, 1), 0));           /* new-only ML09 */
	cr_expect(eq(int, layout_region_key(&cfg, 2), '9'));
	cr_expect(eq(int, layout_region_of_key(&cfg, '9'), 2));
	cr_expect(eq(int, layout_region_of_key(&cfg, '1'), -1));
	cr_expect(eq(int, layout_region_of_key(&cfg, 'x'), -1));
	cr_expect(eq(int, layout_region_key(&cfg, 7), 0));
	cr_expect(eq(int, layout_region_key(NULL, 0), 0));
}

Test(tui_keymap, every_fkey_has_a_letter_twin)
{
	for (size_t i = 0; i < keymap_len; i++) {
		if (keymap[i].key < KEY_F(1) || keymap[i].key > KEY_F(24))
			continue;
		bool twin = false;
		for (size_t j = 0; j < keymap_len; j++)
			twin |= keymap[j].action == keymap[i].action && keymap[j].key > ' ' && keymap[j].key < 127;
		cr_expect(twin, "F%d has no letter twin", keymap[i].key - KEY_F(0));
	}
}

Test(tui_keymap, keys_are_unique_and_every_action_listed_in_help)
{
	for (size_t i = 0; i < keymap_len; i++)
		for (size_t j = i + 1; j < keymap_len; j++)
			cr_expect(keymap[i].key != keymap[j].key, "key bound twice: %d", keymap[i].key);
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		bool listed = false;
		for (size_t i = 0; i < keymap_len; i++)
			listed |= keymap[i].action == (enum action)a && keymap[i].help;
		cr_expect(listed, "action %d has no help line", a);
	}
}

Test(tui_keymap, names_and_lookup)
{
	char buf[16], keys[64];
	cr_expect(eq(str, (char *)keymap_key_name(KEY_F(10), buf), "F10"));
	cr_expect(eq(str, (char *)keymap_key_name('\t', buf), "Tab"));
	cr_expect(eq(str, (char *)keymap_key_name('q', buf), "q"));
	cr_expect(eq(int, keymap_lookup('q'), ACT_QUIT));
	cr_expect(eq(int, keymap_lookup(0x7fff), ACT_NONE));
	for (size_t i = 0; i < keymap_len; i++)
		if (keymap[i].action == ACT_QUIT && keymap[i].help) {
			keymap_keys_of(i, " ", keys, sizeof keys);
			cr_expect(eq(str, keys, "q F10"));
		}
}
