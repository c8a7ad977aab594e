/* theme: colour roles.  Drawing code names a role, never a colour; each
 * role has a dark-theme colour, a light-theme colour (projectors wash out
 * dark backgrounds) and a monochrome attribute, so the screen stays usable
 * with NO_COLOR, --no-color or TERM=vt100.  Meaning never rides on colour
 * alone: every coloured class also has a symbol (format.h). */
#ifndef FOURW_TUI_THEME_H
#define FOURW_TUI_THEME_H

#include <stdbool.h>
#include <curses.h>

/* role, dark fg/bg, light fg/bg, attributes with colour, monochrome attributes */
#define THEME_ROLES(X) \
	X(NORMAL,   -1,            -1,          -1,            -1,          0,      0) \
	X(TITLE,    COLOR_WHITE,   COLOR_BLUE,  COLOR_WHITE,   COLOR_BLUE,  A_BOLD, A_REVERSE | A_BOLD) \
	X(LABEL,    COLOR_CYAN,    -1,          COLOR_BLUE,    -1,          0,      0) \
	X(FIGURE,   COLOR_WHITE,   -1,          COLOR_BLACK,   -1,          A_BOLD, A_BOLD) \
	X(DIM,      COLOR_WHITE,   -1,          COLOR_BLACK,   -1,          0,      0) \
	X(ASIDE,    COLOR_WHITE,   -1,          COLOR_BLACK,   -1,          A_DIM,  A_DIM) \
	X(TAB,      COLOR_WHITE,   -1,          COLOR_BLACK,   -1,          0,      0) \
	X(TAB_ON,   COLOR_BLACK,   COLOR_CYAN,  COLOR_WHITE,   COLOR_BLUE,  A_BOLD, A_REVERSE | A_BOLD) \
	X(COLHEAD,  COLOR_CYAN,    -1,          COLOR_BLUE,    -1,          A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE) \
	X(SELECTED, COLOR_BLACK,   COLOR_CYAN,  COLOR_WHITE,   COLOR_BLUE,  0,      A_REVERSE) \
	X(KEY,      COLOR_YELLOW,  -1,          COLOR_MAGENTA, -1,          A_BOLD, A_BOLD) \
	X(FOOTER,   COLOR_BLACK,   COLOR_WHITE, COLOR_WHITE,   COLOR_BLACK, 0,      A_REVERSE) \
	X(FOOTKEY,  COLOR_BLUE,    COLOR_WHITE, COLOR_YELLOW,  COLOR_BLACK, A_BOLD, A_REVERSE | A_BOLD) \
	X(FILTER,   COLOR_YELLOW,  -1,          COLOR_MAGENTA, -1,          A_BOLD, A_BOLD | A_UNDERLINE) \
	X(WARN,     COLOR_BLACK,   COLOR_YELLOW, COLOR_BLACK,  COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD) \
	X(CRITICAL, COLOR_RED,     -1,          COLOR_RED,     -1,          A_BOLD, A_BOLD) \
	X(HIGH,     COLOR_MAGENTA, -1,          COLOR_MAGENTA, -1,          A_BOLD, A_BOLD) \
	X(MEDIUM,   COLOR_YELLOW,  -1,          COLOR_BLUE,    -1,          0,      0) \
	X(OK,       COLOR_GREEN,   -1,          COLOR_GREEN,   -1,          0,      0) \
	X(BAR,      COLOR_GREEN,   -1,          COLOR_GREEN,   -1,          0,      0) \
	X(BAR_EMPTY, COLOR_WHITE,  -1,          COLOR_BLACK,   -1,          A_DIM,  0) \
	X(PROMPT,   COLOR_BLACK,   COLOR_YELLOW, COLOR_BLACK,  COLOR_YELLOW, 0,     A_REVERSE) \
	X(BOX,      COLOR_CYAN,    -1,          COLOR_BLUE,    -1,          0,      0)

enum role {
#define X(name, dfg, dbg, lfg, lbg, attr, mono) ROLE_##name,
	THEME_ROLES(X)
#undef X
	ROLE_COUNT
};

enum theme_kind { THEME_DARK, THEME_LIGHT, THEME_MONO };

/* Parses "dark", "light", "mono"; false if unknown. */
bool theme_parse(const char *s, enum theme_kind *k);

/* Chooses the attributes once, after initscr().  want_color false, NO_COLOR
 * set (non-empty) or a terminal without colours all give monochrome. */
void theme_init(enum theme_kind kind, bool want_color);

/* Monochrome in effect (for the e2e tests and the help screen). */
bool theme_is_mono(void);

attr_t theme_attr(enum role r);

#endif
