/* Screen geometry and region keys (tui/layout.c, tui/keymap.c). */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <curses.h>
#include <string.h>

#include "keymap.h"
#include "layout.h"

Test(tui_layout, minimum_size)
{
	cr_expect(not(layout_too_small(80, 24)));
	cr_expect(layout_too_small(79, 24));
	cr_expect(layout_too_small(80, 23));
	cr_expect(layout_too_small(60, 15));
	cr_expect(not(layout_too_small(250, 70)));
	cr_expect(eq(int, layout_body_lines(24), 17));
	cr_expect(eq(int, layout_body_lines(3), 0));
}

Test(tui_layout, columns_fit_and_grow)
{
	const struct layout_col cols[] = { { 3, 3 }, { 10, 20 }, { 8, 8 } };
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
