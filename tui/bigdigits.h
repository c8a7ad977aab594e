/* bigdigits: figures in large digits drawn with the terminal's own
 * characters, to be read from the back of a room.  Pure (no curses), so
 * tests/test_tui_bigdigits.c checks the glyphs in a buffer.
 *
 * One 3x5 bitmap per character, drawn in three sizes: LARGE doubles each
 * dot's width (5 lines), MEDIUM draws it as it is (5 lines), SMALL packs two
 * dot rows into one line with half blocks (3 lines, UTF-8 only).  In ASCII
 * a dot is '#'.  What has no glyph (a letter other than k and M) cannot be
 * drawn large: the caller shows the figure in plain text instead. */
#ifndef FOURW_TUI_BIGDIGITS_H
#define FOURW_TUI_BIGDIGITS_H

#include <stdbool.h>

enum big_font { BIG_LARGE, BIG_MEDIUM, BIG_SMALL, BIG_FONTS };

#define BIG_ROWS_MAX 5
#define BIG_LINE_BYTES 768        /* 250 columns of 3-byte block characters */

struct big_text {
	int rows, cols;
	char line[BIG_ROWS_MAX][BIG_LINE_BYTES];
};

/* Lines a font takes. */
int bigdigits_rows(enum big_font f);
/* Columns s takes in font f; -1 when some character of s has no glyph. */
int bigdigits_width(const char *s, enum big_font f);
/* s drawn in font f into out (ascii: '#' dots; SMALL needs UTF-8).  False
 * when a character has no glyph, the font cannot be drawn in ASCII, or the
 * lines would not fit the buffer. */
bool bigdigits_render(const char *s, enum big_font f, bool ascii, struct big_text *out);

#endif
