/* theme: the role table turned into curses attributes. */
#include <stdlib.h>
#include <string.h>

#include "theme.h"

struct role_def { short dfg, dbg, lfg, lbg; attr_t attr, mono; };

static const struct role_def defs[ROLE_COUNT] = {
#define X(name, dfg, dbg, lfg, lbg, attr, mono) \
	[ROLE_##name] = { dfg, dbg, lfg, lbg, attr, mono },
	THEME_ROLES(X)
#undef X
};

static attr_t attrs[ROLE_COUNT];
static bool mono;

bool theme_parse(const char *s, enum theme_kind *k)
{
	static const char *const names[] = { "dark", "light", "mono" };

	for (int i = 0; i < 3; i++)
		if (s && strcmp(s, names[i]) == 0) {
			*k = (enum theme_kind)i;
			return true;
		}
	return false;
}

void theme_init(enum theme_kind kind, bool want_color)
{
	const char *nc = getenv("NO_COLOR");
	bool color = kind != THEME_MONO && want_color && !(nc && *nc) && has_colors();

	if (color) {
		start_color();
		use_default_colors();
	}
	/* A terminal with fewer pairs than roles falls back to monochrome as a
	 * whole rather than mixing the two. */
	if (color && COLOR_PAIRS <= ROLE_COUNT)
		color = false;
	mono = !color;
	for (int r = 0; r < ROLE_COUNT; r++) {
		const struct role_def *d = &defs[r];
		if (!color) {
			attrs[r] = d->mono;
			continue;
		}
		short fg = kind == THEME_LIGHT ? d->lfg : d->dfg;
		short bg = kind == THEME_LIGHT ? d->lbg : d->dbg;
		/* The light theme paints its own white page instead of trusting
		 * the terminal's default background, which is often dark. */
		if (kind == THEME_LIGHT) {
			fg = fg < 0 ? COLOR_BLACK : fg;
			bg = bg < 0 ? COLOR_WHITE : bg;
		}
		init_pair((short)(r + 1), fg, bg);
		attrs[r] = COLOR_PAIR(r + 1) | d->attr;
	}
}

bool theme_is_mono(void)
{
	return mono;
}

attr_t theme_attr(enum role r)
{
	return (unsigned)r < ROLE_COUNT ? attrs[r] : 0;
}
