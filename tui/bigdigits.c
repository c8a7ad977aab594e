/* bigdigits: see bigdigits.h. */
#include "bigdigits.h"

#include <string.h>

struct glyph {
	char c;
	const char *dots[5];      /* '#' on, '.' off; every row the glyph's width */
};

static const struct glyph glyphs[] = {
	{ '0', { "###", "#.#", "#.#", "#.#", "###" } },
	{ '1', { ".#.", "##.", ".#.", ".#.", "###" } },
	{ '2', { "###", "..#", "###", "#..", "###" } },
	{ '3', { "###", "..#", "###", "..#", "###" } },
	{ '4', { "#.#", "#.#", "###", "..#", "..#" } },
	{ '5', { "###", "#..", "###", "..#", "###" } },
	{ '6', { "###", "#..", "###", "#.#", "###" } },
	{ '7', { "###", "..#", "..#", "..#", "..#" } },
	{ '8', { "###", "#.#", "###", "#.#", "###" } },
	{ '9', { "###", "#.#", "###", "..#", "###" } },
	{ '%', { "#.#", "..#", ".#.", "#..", "#.#" } },
	{ '<', { "..#", ".#.", "#..", ".#.", "..#" } },
	{ '-', { "...", "...", "###", "...", "..." } },
	{ 'k', { "#..", "#.#", "##.", "#.#", "#.#" } },
	{ 'M', { "#...#", "##.##", "#.#.#", "#...#", "#...#" } },
	{ ',', { ".", ".", ".", "#", "#" } },
	{ '.', { ".", ".", ".", ".", "#" } },
	{ ' ', { ".", ".", ".", ".", "." } },
};

#define NBSP "\xc2\xa0"           /* French thousands and percent spacing */
#define NNBSP "\xe2\x80\xaf"

/* The glyph at s, and the bytes it takes in s; NULL when none. */
static const struct glyph *glyph_at(const char *s, size_t *len)
{
	char c = *s;
	*len = 1;
	if (!strncmp(s, NBSP, 2) || !strncmp(s, NNBSP, 3)) {
		*len = s[0] == NBSP[0] ? 2 : 3;
		c = ' ';
	}
	for (size_t i = 0; i < sizeof glyphs / sizeof *glyphs; i++)
		if (glyphs[i].c == c)
			return &glyphs[i];
	return NULL;
}

int bigdigits_rows(enum big_font f)
{
	return f == BIG_SMALL ? 3 : 5;
}

/* A dot's width, and the blank columns between two glyphs. */
static int dot_cols(enum big_font f)
{
	return f == BIG_LARGE ? 2 : 1;
}

int bigdigits_width(const char *s, enum big_font f)
{
	int cols = 0;
	size_t len;

	for (; *s; s += len) {
		const struct glyph *g = glyph_at(s, &len);
		if (!g)
			return -1;
		cols += (cols ? dot_cols(f) : 0) + (int)strlen(g->dots[0]) * dot_cols(f);
	}
	return cols;
}

/* Appends n copies of piece to line; false when the buffer is full. */
static bool put(char *line, size_t *used, const char *piece, int n)
{
	size_t len = strlen(piece);
	for (int i = 0; i < n; i++) {
		if (*used + len + 1 > BIG_LINE_BYTES)
			return false;
		memcpy(line + *used, piece, len);
		*used += len;
	}
	line[*used] = '\0';
	return true;
}

/* What one output cell shows for dots top (and bottom, SMALL only). */
static const char *cell(bool top, bool bottom, enum big_font f, bool ascii)
{
	if (f != BIG_SMALL)
		return top ? (ascii ? "#" : "\xe2\x96\x88") : " ";
	return top && bottom ? "\xe2\x96\x88" : top ? "\xe2\x96\x80" : bottom ? "\xe2\x96\x84" : " ";
}

static bool glyph_row(const struct glyph *g, int row, enum big_font f, bool ascii, char *line,
                      size_t *used)
{
	const char *top = g->dots[f == BIG_SMALL ? row * 2 : row];
	const char *bottom = f == BIG_SMALL && row * 2 + 1 < 5 ? g->dots[row * 2 + 1] : NULL;

	for (size_t i = 0; top[i]; i++)
		if (!put(line, used, cell(top[i] == '#', bottom && bottom[i] == '#', f, ascii), dot_cols(f)))
			return false;
	return true;
}

bool bigdigits_render(const char *s, enum big_font f, bool ascii, struct big_text *out)
{
	size_t used[BIG_ROWS_MAX] = { 0 }, len;

	memset(out, 0, sizeof *out);
	out->rows = bigdigits_rows(f);
	out->cols = bigdigits_width(s, f);
	if (out->cols < 0 || (ascii && f == BIG_SMALL))
		return false;
	for (const char *p = s; *p; p += len) {
		const struct glyph *g = glyph_at(p, &len);
		for (int r = 0; r < out->rows; r++)
			if ((p != s && !put(out->line[r], &used[r], " ", dot_cols(f))) ||
			    !glyph_row(g, r, f, ascii, out->line[r], &used[r]))
				return false;
	}
	return true;
}
