/* view_help: every key, generated from the key table the program
 * dispatches on, then what the symbols mean. */
#include <stdio.h>

#include "app.h"
#include "views.h"
#include "draw.h"
#include "i18n.h"

static int nkeys(void)
{
	int n = 0;
	for (size_t i = 0; i < keymap_len; i++)
		n += keymap[i].help != NULL;
	return n;
}

#define NLEGEND 10

static int count(const struct app *a)
{
	(void)a;
	return nkeys() + 2 + NLEGEND;
}

/* Line i of the help text: a key line, then the legend, then the
 * config.ini in use, since which of several places it came from is
 * otherwise invisible on the screen. */
static void help_line(const struct app *a, int i, char *keys, size_t ksize, const char **text)
{
	const struct glyphs *g = draw_glyphs();
	static char legend[NLEGEND][4200];      /* the last holds a path */
	int n = 0;

	keys[0] = '\0';
	for (size_t k = 0; k < keymap_len; k++) {
		if (!keymap[k].help)
			continue;
		if (n++ == i) {
			keymap_keys_of(k, " ", keys, ksize);
			*text = _(keymap[k].help);
			return;
		}
	}
	i -= n;
	snprintf(legend[0], sizeof legend[0], _("%s critical  %s high  %s medium  %s info: severity of the worst flag"),
	         g->sev[SEV_CRITICAL], g->sev[SEV_HIGH], g->sev[SEV_MEDIUM], g->sev[SEV_INFO]);
	snprintf(legend[1], sizeof legend[1], _("%s + mark: no partner where there is need; %s: rejected rows (x lists them)"),
	         g->none, g->warn);
	snprintf(legend[2], sizeof legend[2], "%s", _("Reached = without double counting: the largest type per cercle, added up"));
	/* xgettext:no-c-format */
	snprintf(legend[3], sizeof legend[3], "%s", _("Bars: coverage of the target; colour and % give the same class"));
	snprintf(legend[4], sizeof legend[4], _("Gaps tab: flags by severity, %s critical %s high %s medium"),
	         g->sev[SEV_CRITICAL], g->sev[SEV_HIGH], g->sev[SEV_MEDIUM]);
	snprintf(legend[5], sizeof legend[5], "%s", _("Gaps: earlier months' flags fold into one line; Enter opens it"));
	snprintf(legend[6], sizeof legend[6], "%s", _("Gaps: Enter on a flag shows its reason whole, Enter again its rows"));
	snprintf(legend[7], sizeof legend[7], "%s", _("Regions: a picked region stands out, the others stay as they were"));
	snprintf(legend[8], sizeof legend[8], "%s", _("Regions: the picked region's types are listed under the table"));
	snprintf(legend[9], sizeof legend[9], _("config.ini in use: %s"), a->cfg->path);
	*text = i >= 2 && i < 2 + NLEGEND ? legend[i - 2] : "";
}

static void draw(struct app *a, struct view *v, int y, int x, int h, int w)
{
	char keys[128];
	const char *text;

	draw_text(y, x + 1, w - 2, _("Keys (Esc or ? closes)"), ROLE_COLHEAD);
	if (v->sel >= v->top + h - 1)     /* the heading takes a line: keep the selection in view */
		v->top = v->sel - (h - 2);
	for (int i = v->top; i < count(a) && i - v->top < h - 1; i++) {
		help_line(a, i, keys, sizeof keys, &text);
		int row = y + 1 + i - v->top;
		draw_cell(row, x + 2, 22, keys, false, ROLE_KEY);
		draw_text(row, x + 25, w - 26, text, i == v->sel ? ROLE_SELECTED : ROLE_NORMAL);
	}
}

const struct view_ops view_help_ops = { N_("Help"), ACT_HELP, draw, count, NULL };
