/* The pickers (tui/picker.c): which filter each line of the r, t and p
 * lists makes.  The filter is read back through filter_describe, the words
 * the header shows.  Plan from tests/plan_fixture.h. */
#include <criterion/criterion.h>
#include <curses.h>
#include <criterion/new/assert.h>
#include <string.h>

#include "picker.h"
#include "plan_fixture.h"

static struct config cfg;
static struct cube base;
static struct partner_info partners[2];
/* The screen's order, not the config's: the picker must follow it. */
static int listed[3] = { FX_KIDAL, FX_MOPTI, FX_GAO };
static struct picker pk;

static void setup(void)
{
	fx_config(&cfg);
	memset(&base, 0, sizeof base);
	partners[0] = (struct partner_info){ .partner = "Save the Children" };
	partners[1] = (struct partner_info){ .partner = "World Vision" };
	base.partners = partners;
	base.npartners = 2;
	picker_init(&pk, &(struct picker_lists){ &cfg, listed, 3, &base });
}

static void teardown(void)
{
	fx_config_free(&cfg);
}

/* Opens a picker, selects line `line`, chooses into f; returns f described. */
static const char *pick(enum picker_kind kind, int line, struct filter *f)
{
	static char desc[256];

	picker_open(&pk, kind);
	for (int i = 0; i < line; i++)
		picker_step(&pk, STEP_DOWN);
	picker_choose(&pk, f);
	filter_describe(f, &cfg, desc, sizeof desc);
	return desc;
}

TestSuite(tui_picker, .init = setup, .fini = teardown);

Test(tui_picker, lines_are_all_then_the_list)
{
	cr_expect(eq(int, picker_count(&pk), 0));             /* closed */
	picker_open(&pk, PICK_REGION);
	cr_expect(eq(int, picker_count(&pk), 3 + 1));
	picker_open(&pk, PICK_TYPE);
	cr_expect(eq(int, picker_count(&pk), FX_NTYPES + 1));
	picker_open(&pk, PICK_PARTNER);
	cr_expect(eq(int, picker_count(&pk), 2 + 1));
}

Test(tui_picker, steps_stay_on_the_list)
{
	picker_open(&pk, PICK_PARTNER);
	picker_step(&pk, STEP_END);
	cr_expect(eq(int, pk.sel, 2));
	picker_step(&pk, STEP_DOWN);
	cr_expect(eq(int, pk.sel, 2));
	picker_step(&pk, STEP_HOME);
	cr_expect(eq(int, pk.sel, 0));
	picker_step(&pk, STEP_UP);
	cr_expect(eq(int, pk.sel, 0));
}

Test(tui_picker, region_lines_follow_the_screen_order)
{
	struct filter f;

	filter_init(&f);
	cr_expect(eq(str, (char *)pick(PICK_REGION, 2, &f), "region Mopti"));
	cr_expect(not(picker_is_open(&pk)));
	cr_expect(eq(str, (char *)pick(PICK_REGION, 1, &f), "region Kidal"));
	cr_expect(eq(str, (char *)pick(PICK_REGION, 0, &f), "none"));
}

Test(tui_picker, each_picker_sets_only_its_part)
{
	struct filter f;

	filter_init(&f);
	pick(PICK_REGION, 3, &f);
	cr_expect(eq(str, (char *)pick(PICK_TYPE, 3, &f), "region Gao; type EAE"));
	cr_expect(eq(str, (char *)pick(PICK_PARTNER, 2, &f),
	             "region Gao; type EAE; partner \"world vision\""));
	cr_expect(eq(str, (char *)pick(PICK_PARTNER, 1, &f),
	             "region Gao; type EAE; partner \"save the children\""));
	cr_expect(eq(str, (char *)pick(PICK_TYPE, 0, &f), "region Gao; partner \"save the children\""));
	cr_expect(eq(str, (char *)pick(PICK_PARTNER, 0, &f), "region Gao"));
}

/* Typing jumps to the first line whose name holds what was typed, case
 * and accents aside; Backspace takes a letter back; other keys are not
 * typing.  The screen lists Kidal, Mopti, Gao (listed[]). */
Test(tui_picker, typing_jumps_to_a_name)
{
	picker_open(&pk, PICK_PARTNER);
	cr_expect(picker_type(&pk, 'w'));
	cr_expect(eq(int, pk.sel, 2), "World Vision");
	cr_expect(picker_type(&pk, 'x'));
	cr_expect(eq(int, pk.sel, 2), "'wx' names nothing: the selection stays");
	cr_expect(picker_type(&pk, KEY_BACKSPACE));
	cr_expect(picker_type(&pk, KEY_BACKSPACE));
	cr_expect(picker_type(&pk, 'S'));
	cr_expect(eq(int, pk.sel, 1), "Save the Children, typed in capitals");
	cr_expect_not(picker_type(&pk, KEY_DOWN), "an arrow moves, it does not type");
	picker_open(&pk, PICK_REGION);
	cr_expect(eq(str, pk.typed, ""), "a picker opens with nothing typed");
	picker_type(&pk, 'g');
	picker_type(&pk, 'a');
	cr_expect(eq(int, pk.sel, 3), "Gao, the third region listed");
}
