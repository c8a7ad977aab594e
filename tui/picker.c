/* picker: a boxed list over the current view; Enter chooses, Esc closes. */
#include <ctype.h>
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "picker.h"
#include "text.h"
#include "i18n.h"

void picker_init(struct picker *p, const struct picker_lists *lists)
{
	p->kind = PICK_NONE;
	p->sel = p->top = 0;
	p->lists = *lists;
}

void picker_open(struct picker *p, enum picker_kind kind)
{
	p->kind = kind;
	p->sel = p->top = 0;
	p->typed[0] = '\0';
}

void picker_close(struct picker *p)
{
	p->kind = PICK_NONE;
}

bool picker_is_open(const struct picker *p)
{
	return p->kind != PICK_NONE;
}

int picker_count(const struct picker *p)
{
	switch (p->kind) {
	case PICK_REGION:  return p->lists.nregions + 1;
	case PICK_TYPE:    return (int)p->lists.cfg->ntypes + 1;
	case PICK_PARTNER: return (int)p->lists.base->npartners + 1;
	default:           return 0;
	}
}

/* A page is ten lines whatever the height of the box, which is only known
 * when it is drawn. */
void picker_step(struct picker *p, enum layout_step step)
{
	p->sel = layout_step(p->sel, picker_count(p), 10, step);
}

static void picker_label(const struct picker *p, int i, char *buf, size_t size)
{
	const struct config *c = p->lists.cfg;

	if (i == 0) {
		snprintf(buf, size, "%s", _("(all)"));
	} else if (p->kind == PICK_REGION) {
		const struct region *g = &c->regions[p->lists.regions[i - 1]];
		int key = layout_region_key(c, p->lists.regions[i - 1]);
		snprintf(buf, size, "%c %s (%s)", key ? key : ' ', g->name, g->codes[0].code);
	} else if (p->kind == PICK_TYPE) {
		const struct itype *t = &c->types[i - 1];
		snprintf(buf, size, "%-5s %s", t->code, itype_label(t));
	} else {
		snprintf(buf, size, "%s", p->lists.base->partners[i - 1].partner);
	}
}

/* The name a line is found by when typing: the region's, the type's
 * code and labels, the partner's. */
static void picker_name(const struct picker *p, int i, char *buf, size_t size)
{
	const struct config *c = p->lists.cfg;
	if (p->kind == PICK_REGION) {
		const struct region *g = &c->regions[p->lists.regions[i - 1]];
		snprintf(buf, size, "%s %s", g->name, g->codes[0].code);
	} else if (p->kind == PICK_TYPE) {
		const struct itype *t = &c->types[i - 1];
		snprintf(buf, size, "%s %s %s", t->code, t->label_en, t->label_fr ? t->label_fr : "");
	} else {
		snprintf(buf, size, "%s", p->lists.base->partners[i - 1].partner);
	}
}

/* The first line whose folded name holds the typed text, or -1. */
static int picker_find(const struct picker *p)
{
	char name[320], folded[320];
	for (int i = 1; i < picker_count(p); i++) {
		picker_name(p, i, name, sizeof name);
		text_fold(name, strlen(name), folded, sizeof folded);
		if (strstr(folded, p->typed))
			return i;
	}
	return -1;
}

bool picker_type(struct picker *p, int key)
{
	size_t len = strlen(p->typed);
	if (key == KEY_BACKSPACE || key == 127 || key == 8) {
		if (len)
			p->typed[len - 1] = '\0';
	} else if (key > 0 && key < 128 && (isalnum(key) || key == ' ') && len + 1 < sizeof p->typed) {
		p->typed[len] = (char)tolower(key);
		p->typed[len + 1] = '\0';
	} else {
		return false;
	}
	int at = p->typed[0] ? picker_find(p) : 0;
	if (at >= 0)
		p->sel = at;
	return true;
}

void picker_draw(struct picker *p, int y, int x, int h, int w)
{
	static const char *const titles[] = { "", N_("Region"), N_("Intervention type"), N_("Partner") };
	char label[160], title[128];
	int n = picker_count(p);
	int bw = w < 60 ? w - 4 : 56, bh = n + 2 < h - 2 ? n + 2 : h - 2;
	int bx = x + (w - bw) / 2, by = y + 1;

	p->top = layout_scroll(p->top, p->sel, n, bh - 2);
	for (int r = 0; r < bh; r++)
		draw_fill(by + r, bx, bw, ROLE_NORMAL);
	attrset(theme_attr(ROLE_BOX));
	mvhline(by, bx, ACS_HLINE, bw);
	mvhline(by + bh - 1, bx, ACS_HLINE, bw);
	mvvline(by, bx, ACS_VLINE, bh);
	mvvline(by, bx + bw - 1, ACS_VLINE, bh);
	attrset(theme_attr(ROLE_NORMAL));
	if (p->typed[0])
		snprintf(title, sizeof title, _(" Pick: %s — \"%s\" (Enter chooses, Esc closes) "),
		         _(titles[p->kind]), p->typed);
	else
		snprintf(title, sizeof title, _(" Pick: %s (type to jump, Enter chooses, Esc closes) "),
		         _(titles[p->kind]));
	draw_text(by, bx + 2, bw - 4, title, ROLE_BOX);
	for (int r = 0; r < bh - 2 && p->top + r < n; r++) {
		int i = p->top + r;
		picker_label(p, i, label, sizeof label);
		enum role role = i == p->sel ? ROLE_SELECTED : ROLE_NORMAL;
		draw_fill(by + 1 + r, bx + 1, bw - 2, role);
		draw_text(by + 1 + r, bx + 2, bw - 4, label, role);
	}
}

void picker_choose(struct picker *p, struct filter *f)
{
	int i = p->sel;

	if (p->kind == PICK_REGION)
		filter_only_region(f, i == 0 ? -1 : p->lists.regions[i - 1]);
	else if (p->kind == PICK_TYPE)
		filter_only_type(f, i - 1);
	else if (p->kind == PICK_PARTNER) {
		f->npartners = 0;
		if (i > 0)
			filter_add_partner(f, p->lists.base->partners[i - 1].partner);
	}
	p->kind = PICK_NONE;
}
