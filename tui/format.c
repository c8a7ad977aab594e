/* format: screen strings from figures and sheet text (no curses here). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "format.h"
#include "parse.h"
#include "safe.h"
#include "text.h"
#include "i18n.h"

static const struct glyphs utf8_glyphs = {
	"…", "│", "─", "●", "⚠", "⏱", "—",
	{ "✖", "▲", "●", "·", " " },
};
static const struct glyphs ascii_glyphs = {
	"~", "|", "-", "*", "!", "z", "-",
	{ "X", "^", "o", ".", " " },
};

const struct glyphs *format_glyphs(bool ascii)
{
	return ascii ? &ascii_glyphs : &utf8_glyphs;
}

/* Decodes one UTF-8 character; returns its length, or 0 for an invalid byte
 * (then *cp is that byte). */
static size_t utf8_decode(const unsigned char *s, uint32_t *cp)
{
	size_t n = s[0] < 0x80 ? 1 : s[0] >= 0xC2 && s[0] < 0xE0 ? 2
	         : s[0] >= 0xE0 && s[0] < 0xF0 ? 3 : s[0] >= 0xF0 && s[0] < 0xF5 ? 4 : 0;

	*cp = s[0];
	if (n == 0)
		return 0;
	if (n == 1)
		return 1;
	if (!text_is_utf8((const char *)s, n))
		return 0;
	uint32_t v = s[0] & (0x7F >> n);
	for (size_t i = 1; i < n; i++)
		v = (v << 6) | (s[i] & 0x3F);
	*cp = v;
	return n;
}

/* Accents off for ASCII screens: "É" → "E", "œ" → "oe", else "?". */
static int ascii_twin(const unsigned char *s, size_t n, uint32_t cp, char *piece)
{
	/* French typography: no-break spaces in figures, apostrophes, guillemets, "N°". */
	static const struct { uint32_t cp; const char *twin; } typo[] = {
		{ 0xA0, " " }, { 0x202F, " " }, { 0x2019, "'" }, { 0x2018, "'" },
		{ 0xAB, "\"" }, { 0xBB, "\"" }, { 0xB0, "o" },
	};
	char folded[8];
	for (size_t k = 0; k < sizeof typo / sizeof typo[0]; k++)
		if (cp == typo[k].cp)
			return (int)strlen(strcpy(piece, typo[k].twin));
	size_t len = text_fold((const char *)s, n, folded, sizeof folded);

	if (len == 0 || len > 2 || (unsigned char)folded[0] >= 0x80 ||
	    (len == 2 && (unsigned char)folded[1] >= 0x80)) {
		strcpy(piece, "?");
		return 1;
	}
	memcpy(piece, folded, len + 1);
	if (cp >= 0xC0 && cp <= 0xDE && piece[0] >= 'a' && piece[0] <= 'z')
		piece[0] = (char)(piece[0] - 'a' + 'A');
	return (int)len;
}

/* The next printable piece of *s and its width; advances *s. */
static int next_piece(const char **s, bool ascii, char piece[16], int *w)
{
	const unsigned char *u = (const unsigned char *)*s;
	uint32_t cp;
	size_t n = utf8_decode(u, &cp);
	int width;

	if (n == 0) {                                   /* invalid byte */
		snprintf(piece, 16, "\\x%02X", u[0]);
		n = 1;
	} else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && safe_is_dangerous(cp))) {
		snprintf(piece, 16, cp < 0x100 ? "\\x%02X" : "\\u%04X", (unsigned)cp);
	} else if (cp < 0x80) {
		piece[0] = (char)cp;
		piece[1] = '\0';
	} else if (ascii) {
		ascii_twin(u, n, cp, piece);
	} else if ((width = wcwidth((wchar_t)cp)) < 0) {
		snprintf(piece, 16, "\\u%04X", (unsigned)cp);
	} else {
		memcpy(piece, u, n);
		piece[n] = '\0';
		*s += n;
		*w = width;
		return (int)n;
	}
	*s += n;
	*w = (int)strlen(piece);                        /* escapes are ASCII */
	return *w;
}

int format_width(const char *s, bool ascii)
{
	char piece[16];
	int total = 0, w;

	while (s && *s) {
		next_piece(&s, ascii, piece, &w);
		total += w;
	}
	return total;
}

/* Appends up to cols columns of s to out; returns the columns used. */
static int copy_fitting(const char *s, int cols, bool ascii, char *out, size_t size, size_t *used)
{
	char piece[16];
	int total = 0, w;

	while (s && *s) {
		int len = next_piece(&s, ascii, piece, &w);
		if (total + w > cols || *used + (size_t)len >= size)
			break;
		memcpy(out + *used, piece, (size_t)len);
		*used += (size_t)len;
		total += w;
	}
	out[*used] = '\0';
	return total;
}

int format_clip(const char *s, int cols, bool ascii, char *out, size_t size)
{
	const char *ell = format_glyphs(ascii)->ellipsis;
	size_t used = 0;

	if (size == 0)
		return 0;
	out[0] = '\0';
	if (cols <= 0)
		return 0;
	if (format_width(s, ascii) <= cols)
		return copy_fitting(s, cols, ascii, out, size, &used);
	int w = copy_fitting(s, cols - 1, ascii, out, size, &used);
	if (used + strlen(ell) < size) {
		strcpy(out + used, ell);
		w++;
	}
	return w;
}

int format_cell(const char *s, int cols, bool right, bool ascii, char *out, size_t size)
{
	char clipped[512];
	int w = format_clip(s, cols, ascii, clipped, sizeof clipped);
	int pad = cols > w ? cols - w : 0;

	snprintf(out, size, "%*s%s%*s", right ? pad : 0, "", clipped, right ? 0 : pad, "");
	return w + pad;
}

void format_bar(double pct, int width, bool ascii, char *out, size_t size)
{
	static const char *const eighths[] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
	size_t used = 0;

	if (size == 0)
		return;
	out[0] = '\0';
	if (width <= 0)
		return;
	if (!(pct > 0))                 /* also catches NaN */
		pct = 0;
	if (pct > 100)
		pct = 100;
	int units = (int)(pct / 100.0 * width * 8 + 0.5);
	for (int i = 0; i < width; i++) {
		int left = units - i * 8;
		const char *g = left >= 8 ? (ascii ? "#" : "█")
		              : left > 0 ? (ascii ? (left >= 4 ? "#" : ".") : eighths[left])
		              : (ascii ? "." : "░");
		if (!ascii && left > 0 && left < 8)
			g = eighths[left];
		size_t n = strlen(g);
		if (used + n >= size)
			break;
		memcpy(out + used, g, n);
		used += n;
	}
	out[used] = '\0';
}

const char *format_month(int month, char *buf)
{
	if (month < 0)
		return strcpy(buf, _("none"));
	month_format(month, buf);
	return buf;
}
