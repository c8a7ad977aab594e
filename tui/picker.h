/* picker: the overlay that picks one region, intervention type or partner
 * (keys r, t, p).  It knows the lists it offers and the filter it edits,
 * never the app, so the app can open, draw and answer it without a cycle
 * between the two. */
#ifndef FOURW_TUI_PICKER_H
#define FOURW_TUI_PICKER_H

#include "aggregate.h"
#include "config.h"
#include "filter.h"
#include "layout.h"

enum picker_kind { PICK_NONE, PICK_REGION, PICK_TYPE, PICK_PARTNER };

/* What the pickers offer, fixed for the session: the listed regions (in
 * their screen order), the config's types and the partners of the
 * unfiltered cube. */
struct picker_lists {
	const struct config *cfg;
	const int *regions;
	int nregions;
	const struct cube *base;
};

struct picker {
	enum picker_kind kind;    /* PICK_NONE: closed */
	int sel, top;             /* selected line, first line shown */
	char typed[32];           /* what was typed to jump to a line, folded */
	struct picker_lists lists;
};

void picker_init(struct picker *p, const struct picker_lists *lists);
void picker_open(struct picker *p, enum picker_kind kind);
void picker_close(struct picker *p);
bool picker_is_open(const struct picker *p);
/* Lines of the open picker: "(all)", then one per item. */
int picker_count(const struct picker *p);
/* Moves the selection as the lists of the views move theirs. */
void picker_step(struct picker *p, enum layout_step step);
void picker_draw(struct picker *p, int y, int x, int h, int w);
/* A letter, digit or space typed into the open picker: the selection
 * jumps to the first line whose name holds what was typed so far
 * ("cari" → Caritas Mali); Backspace takes a letter back.  False for a
 * key that is not typing (arrows, Enter, Esc move and choose as before). */
bool picker_type(struct picker *p, int key);

/* Sets the selected line's part of f ("(all)" clears it) and closes the
 * picker. */
void picker_choose(struct picker *p, struct filter *f);

#endif
