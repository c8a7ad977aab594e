/* keymap: every key the screen answers to, with its help text. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "keymap.h"
#include "i18n.h"

#define KEY_ESC 27
#define KEY_CTRL_R 18

/* Order is the order of the help screen.  Every F-key has a letter twin,
 * because F-keys are swallowed by some terminals, laptops and SSH clients. */
const struct keybinding keymap[] = {
	{ '1',           ACT_REGION,        N_("show that region (key beside its name)") },
	{ '2', ACT_REGION, NULL }, { '3', ACT_REGION, NULL }, { '4', ACT_REGION, NULL },
	{ '5', ACT_REGION, NULL }, { '6', ACT_REGION, NULL }, { '7', ACT_REGION, NULL },
	{ '8', ACT_REGION, NULL }, { '9', ACT_REGION, NULL }, { '0', ACT_REGION, NULL },
	{ ']',           ACT_NEXT_REGION,   N_("next region") },
	{ '>',           ACT_NEXT_REGION,   NULL },
	{ '[',           ACT_PREV_REGION,   N_("previous region") },
	{ '<',           ACT_PREV_REGION,   NULL },
	{ '/',           ACT_SEARCH,        N_("type to filter (Enter keeps, Esc cancels)") },
	{ 'r',           ACT_PICK_REGION,   N_("pick a region") },
	{ KEY_F(7),      ACT_PICK_REGION,   NULL },
	{ 't',           ACT_PICK_TYPE,     N_("pick an intervention type") },
	{ KEY_F(8),      ACT_PICK_TYPE,     NULL },
	{ 'p',           ACT_PICK_PARTNER,  N_("pick a partner") },
	{ KEY_F(9),      ACT_PICK_PARTNER,  NULL },
	{ 'c',           ACT_CLEAR,         N_("clear every filter") },
	{ KEY_CTRL_R,    ACT_RELOAD,        N_("read the sheets again now (also takes a sheet held back)") },
	{ '\t',          ACT_NEXT_VIEW,     N_("next view") },
	{ KEY_BTAB,      ACT_PREV_VIEW,     N_("previous view") },
	{ 'R',           ACT_VIEW_REGIONS,  N_("regions view") },
	{ KEY_F(2),      ACT_VIEW_REGIONS,  NULL },
	{ 'M',           ACT_VIEW_MATRIX,   N_("matrix view: regions x intervention types") },
	{ KEY_F(3),      ACT_VIEW_MATRIX,   NULL },
	{ 'G',           ACT_VIEW_GAPS,     N_("gaps view") },
	{ KEY_F(4),      ACT_VIEW_GAPS,     NULL },
	{ 'P',           ACT_VIEW_PARTNERS, N_("partners view") },
	{ KEY_F(5),      ACT_VIEW_PARTNERS, NULL },
	{ 'A',           ACT_VIEW_ROWS,     N_("activity rows behind the selection") },
	{ KEY_F(6),      ACT_VIEW_ROWS,     NULL },
	{ 's',           ACT_SEVERITY,      N_("gaps: critical and high only, or every flag") },
	{ 'x',           ACT_REJECTED,      N_("rejected rows") },
	{ 'S',           ACT_PRESENT,       N_("presentation: the key figures, then each region with need, in turn") },
	{ 'd',           ACT_DELTA,         N_("what changed: each figure's change since the previous month (or --compare FILE)") },
	{ 'e',           ACT_EXPORT,        N_("export this view for the minutes (Markdown and CSV)") },
	{ '\n',          ACT_ENTER,         N_("drill down") },
	{ '\r',          ACT_ENTER,         NULL },
	{ KEY_ENTER,     ACT_ENTER,         NULL },
	{ KEY_ESC,       ACT_BACK,          N_("go back") },
	{ KEY_BACKSPACE, ACT_BACK,          NULL },
	{ 'j',           ACT_DOWN,          N_("move down") },
	{ KEY_DOWN,      ACT_DOWN,          NULL },
	{ 'k',           ACT_UP,            N_("move up") },
	{ KEY_UP,        ACT_UP,            NULL },
	{ 'l',           ACT_RIGHT,         N_("move right (matrix, wide tables)") },
	{ KEY_RIGHT,     ACT_RIGHT,         NULL },
	{ 'h',           ACT_LEFT,          N_("move left") },
	{ KEY_LEFT,      ACT_LEFT,          NULL },
	{ ' ',           ACT_PAGE_DOWN,     N_("page down") },
	{ KEY_NPAGE,     ACT_PAGE_DOWN,     NULL },
	{ 'b',           ACT_PAGE_UP,       N_("page up") },
	{ KEY_PPAGE,     ACT_PAGE_UP,       NULL },
	{ KEY_HOME,      ACT_HOME,          N_("first line") },
	{ 'g',           ACT_HOME,          NULL },
	{ KEY_END,       ACT_END,           N_("last line") },
	{ '?',           ACT_HELP,          N_("this help") },
	{ KEY_F(1),      ACT_HELP,          NULL },
	{ 'q',           ACT_QUIT,          N_("quit") },
	{ KEY_F(10),     ACT_QUIT,          NULL },
};
const size_t keymap_len = sizeof keymap / sizeof keymap[0];

enum action keymap_lookup(int key)
{
	for (size_t i = 0; i < keymap_len; i++)
		if (keymap[i].key == key)
			return keymap[i].action;
	return ACT_NONE;
}

static const struct { int key; const char *name; } key_names[] = {
	{ KEY_CTRL_R, N_("Ctrl-R") }, { '\t', N_("Tab") }, { KEY_BTAB, N_("Shift-Tab") }, { '\n', N_("Enter") },
	{ '\r', N_("Return") }, { KEY_ENTER, N_("keypad Enter") }, { KEY_ESC, N_("Esc") },
	{ KEY_BACKSPACE, N_("Backspace") }, { ' ', N_("Space") }, { KEY_UP, N_("Up") },
	{ KEY_DOWN, N_("Down") }, { KEY_LEFT, N_("Left") }, { KEY_RIGHT, N_("Right") },
	{ KEY_NPAGE, N_("PgDn") }, { KEY_PPAGE, N_("PgUp") }, { KEY_HOME, N_("Home") },
	{ KEY_END, N_("End") },
};

const char *keymap_key_name(int key, char *buf)
{
	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (key_names[i].key == key)
			return strcpy(buf, _(key_names[i].name));
	if (key >= KEY_F(1) && key <= KEY_F(24))
		snprintf(buf, 16, "F%d", key - KEY_F(0));
	else if (key > ' ' && key < 127)
		snprintf(buf, 16, "%c", key);
	else
		snprintf(buf, 16, "#%d", key);
	return buf;
}

const char *keymap_first_key(enum action act, char *buf)
{
	for (size_t i = 0; i < keymap_len; i++)
		if (keymap[i].action == act)
			return keymap_key_name(keymap[i].key, buf);
	buf[0] = '\0';
	return buf;
}

const char *keymap_last_key(enum action act, char *buf)
{
	for (size_t i = keymap_len; i-- > 0;)
		if (keymap[i].action == act)
			return keymap_key_name(keymap[i].key, buf);
	buf[0] = '\0';
	return buf;
}

void keymap_keys_brief(enum action act, enum action with, char *buf, size_t size)
{
	char first[16], second[16];

	keymap_first_key(act, first);
	if (with == ACT_NONE)
		snprintf(buf, size, "%s", first);
	else if (with == act)
		snprintf(buf, size, "%s-%s", first, keymap_last_key(act, second));
	else
		snprintf(buf, size, "%s %s", first, keymap_first_key(with, second));
}

void keymap_keys_of(size_t i, const char *sep, char *buf, size_t size)
{
	char name[16];
	size_t used = 0;

	buf[0] = '\0';
	for (size_t j = i; j < keymap_len; j++) {
		if (keymap[j].action != keymap[i].action)
			continue;
		/* Entries of the same action further down with their own help are
		 * listed on their own line. */
		if (j > i && keymap[j].help)
			break;
		/* Terminal variants of Enter: bound, but not worth a word. */
		if (keymap[j].key == '\r' || keymap[j].key == KEY_ENTER)
			continue;
		int n = snprintf(buf + used, size - used, "%s%s", used ? sep : "",
		                 keymap_key_name(keymap[j].key, name));
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
}

void keymap_print(FILE *out)
{
	char keys[128];

	fputs(_("| Keys | Action |\n| --- | --- |\n"), out);
	for (size_t i = 0; i < keymap_len; i++) {
		if (!keymap[i].help)
			continue;
		keymap_keys_of(i, "` `", keys, sizeof keys);
		fprintf(out, "| `%s` | %s |\n", keys, _(keymap[i].help));
	}
}
