/* The keys the screen shows — tab letters and the footer — are read from
 * the key table (tui/keymap.c) and the views' own show actions, so they
 * cannot name a key that does something else. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <curses.h>

#include "keymap.h"
#include "views.h"
#include "view.h"

static char *brief(enum action act, enum action with)
{
	static char buf[40];
	keymap_keys_brief(act, with, buf, sizeof buf);
	return buf;
}

Test(tui_keys, first_and_last_key_of_an_action)
{
	char buf[16];

	cr_expect(eq(str, (char *)keymap_first_key(ACT_QUIT, buf), "q"));
	cr_expect(eq(str, (char *)keymap_last_key(ACT_QUIT, buf), "F10"));
	cr_expect(eq(str, (char *)keymap_first_key(ACT_REGION, buf), "1"));
	cr_expect(eq(str, (char *)keymap_last_key(ACT_REGION, buf), "0"));
	cr_expect(eq(str, (char *)keymap_first_key(ACT_NONE, buf), ""));
}

Test(tui_keys, footer_forms)
{
	cr_expect(eq(str, brief(ACT_REGION, ACT_REGION), "1-0"));
	cr_expect(eq(str, brief(ACT_PREV_REGION, ACT_NEXT_REGION), "[ ]"));
	cr_expect(eq(str, brief(ACT_SEARCH, ACT_NONE), "/"));
	cr_expect(eq(str, brief(ACT_NEXT_VIEW, ACT_NONE), "Tab"));
	cr_expect(eq(str, brief(ACT_ENTER, ACT_NONE), "Enter"));
	cr_expect(eq(str, brief(ACT_BACK, ACT_NONE), "Esc"));
}

/* Each tab's letter is the first key of its show action, and that key
 * shows it: R M G P A, as the README's key table says. */
Test(tui_keys, tab_letters_show_their_tab)
{
	const struct view_ops *tabs[] = { &view_regions_ops, &view_matrix_ops, &view_gaps_ops,
	                                  &view_partners_ops, &view_rows_ops };
	const char *letters[] = { "R", "M", "G", "P", "A" };
	char buf[16];

	for (size_t i = 0; i < sizeof tabs / sizeof tabs[0]; i++) {
		const char *k = keymap_first_key(tabs[i]->show, buf);
		cr_expect(eq(str, (char *)k, (char *)letters[i]), "%s tab", tabs[i]->name);
		cr_expect(eq(int, keymap_lookup(k[0]), tabs[i]->show), "%s tab", tabs[i]->name);
	}
	cr_expect(eq(int, view_help_ops.show, keymap_lookup('?')));
}

/* s lists the gaps view's critical and high flags only (or all again):
 * one key, with its line in the help and the README. */
Test(tui_keys, s_filters_the_gaps_by_severity)
{
	char buf[16];
	bool helped = false;

	cr_expect(eq(int, keymap_lookup('s'), ACT_SEVERITY));
	cr_expect(eq(str, (char *)keymap_first_key(ACT_SEVERITY, buf), "s"));
	for (size_t i = 0; i < keymap_len; i++)
		helped |= keymap[i].action == ACT_SEVERITY && keymap[i].help != NULL;
	cr_expect(helped, "s has a line in the help");
}
