/* keymap: the one table of keys.  The dispatcher, the help screen and
 * `fourw --help-keys` (the README's key list) all read keymap[], so the
 * keys on screen can never drift from the keys that work. */
#ifndef FOURW_TUI_KEYMAP_H
#define FOURW_TUI_KEYMAP_H

#include <stddef.h>
#include <stdio.h>

#define ACTIONS(X) \
	X(NONE) X(QUIT) X(HELP) X(NEXT_VIEW) X(PREV_VIEW) \
	X(VIEW_REGIONS) X(VIEW_MATRIX) X(VIEW_GAPS) X(VIEW_PARTNERS) X(VIEW_ROWS) \
	X(REJECTED) X(ENTER) X(BACK) \
	X(UP) X(DOWN) X(LEFT) X(RIGHT) X(PAGE_UP) X(PAGE_DOWN) X(HOME) X(END) \
	X(REGION) X(PREV_REGION) X(NEXT_REGION) X(SEARCH) \
	X(PICK_REGION) X(PICK_TYPE) X(PICK_PARTNER) X(CLEAR) X(RELOAD) X(EXPORT) X(SEVERITY) \
	X(PRESENT) X(DELTA)

enum action {
#define X(name) ACT_##name,
	ACTIONS(X)
#undef X
	ACT_COUNT
};

struct keybinding {
	int key;                  /* a character or a curses KEY_* code */
	enum action action;
	const char *help;         /* NULL: an alias, listed with the entry above it */
};

extern const struct keybinding keymap[];
extern const size_t keymap_len;

/* The action bound to key, ACT_NONE if none. */
enum action keymap_lookup(int key);

/* "q", "F10", "Tab", "Shift-Tab", "Enter", "Esc", "PgDn"…; buf >= 16 bytes. */
const char *keymap_key_name(int key, char *buf);

/* The first and the last key bound to act, by name ("R", "Tab"); "" if
 * none; buf >= 16 bytes. */
const char *keymap_first_key(enum action act, char *buf);
const char *keymap_last_key(enum action act, char *buf);

/* The few characters the footer shows for an action: act's first key
 * ("/"); with == act: the range of its keys ("1-0"); another action: both
 * first keys side by side ("[ ]" for previous and next region); ACT_NONE:
 * act's first key alone. */
void keymap_keys_brief(enum action act, enum action with, char *buf, size_t size);

/* All keys bound to the action of keymap[i], joined by sep ("q, F10"). */
void keymap_keys_of(size_t i, const char *sep, char *buf, size_t size);

/* The key list as a Markdown table, for --help-keys and the README. */
void keymap_print(FILE *out);

#endif
