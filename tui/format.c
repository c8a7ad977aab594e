/* format: screen strings from figures and sheet text (no curses here). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "fmt.h"
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

/* The symbols and punctuation the program writes itself (in reasons,
 * messages, bars, French figures) and what an ASCII screen shows instead:
 * the one list, so no symbol turns into "?" under LANG=C. */
static const struct { uint32_t cp; const char *ascii; } ascii_symbols[] = {
	{ 0x00A0, " " }, { 0x202F, " " }, { 0x2009, " " },     /* spaces grouping digits */
	{ 0x2014, "-" }, { 0x2013, "-" }, { 0x2212, "-" }, { 0x2026, "..." },
	{ 0x00B7, "." }, { 0x25CF, "*" }, { 0x2022, "*" }, { 0x25B2, "^" }, { 0x2716, "X" },
	{ 0x26A0, "!" }, { 0x23F1, "z" }, { 0x2502, "|" }, { 0x2500, "-" }, { 0x2595, "|" },
	{ 0x2588, "#" }, { 0x2591, "." }, { 0x2589, "#" }, { 0x258A, "#" }, { 0x258B, "#" },
	{ 0x258C, "#" }, { 0x258D, "#" }, { 0x258E, "#" }, { 0x258F, "#" },
	{ 0x00D7, "x" }, { 0x2192, "->" }, { 0x2190, "<-" }, { 0x00B2, "2" }, { 0x00B0, "o" },
	{ 0x2018, "'" }, { 0x2019, "'" }, { 0x201C, "\"" }, { 0x201D, "\"" },
	{ 0x00AB, "\"" }, { 0x00BB, "\"" }, { 0x00B0, "o" },      /* guillemets, "N°" */
	{ 0x00AB, "<<" }, { 0x00BB, ">>" }, { 0x2264, "<=" }, { 0x2265, ">=" },
	/* what changed: "▼ 56", "Δ since", a trend's bars lowest to highest */
	{ 0x25BC, "v" }, { 0x0394, "D" }, { 0x2581, "_" }, { 0x2582, "." }, { 0x2583, "," },
	{ 0x2584, "-" }, { 0x2585, "=" }, { 0x2586, "+" }, { 0x2587, "*" },
};

/* Accents off for ASCII screens: "É" → "E", "œ" → "oe"; symbols by
 * ascii_symbols; else "?". */
static int ascii_twin(const unsigned char *s, size_t n, uint32_t cp, char *piece)
{
	char folded[8];

	for (size_t i = 0; i < sizeof ascii_symbols / sizeof ascii_symbols[0]; i++)
		if (ascii_symbols[i].cp == cp) {
			strcpy(piece, ascii_symbols[i].ascii);
			return (int)strlen(piece);
		}
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

/* What both clips do when nothing needs cutting: no room (nothing), or s
 * fits (s whole).  Returns true when out is final, its columns in *w. */
static bool fits_whole(const char *s, int cols, bool ascii, char *out, size_t size, int *w)
{
	size_t used = 0;

	*w = 0;
	if (size == 0)
		return true;
	out[0] = '\0';
	if (cols <= 0 || !s)
		return true;
	if (format_width(s, ascii) > cols)
		return false;
	*w = copy_fitting(s, cols, ascii, out, size, &used);
	return true;
}

int format_clip(const char *s, int cols, bool ascii, char *out, size_t size)
{
	const char *ell = format_glyphs(ascii)->ellipsis;
	size_t used = 0;
	int w;

	if (fits_whole(s, cols, ascii, out, size, &w))
		return w;
	w = copy_fitting(s, cols - 1, ascii, out, size, &used);
	/* A number is shown whole or not at all: "of 30,000 targeted (6.3%)"
	 * clipped is "of …", never "of 30,0…" (the ASCII bytes go one by one). */
	while (used > 0 && strchr("0123456789.,:%/-", out[used - 1])) {
		out[--used] = '\0';
		w--;
	}
	if (used + strlen(ell) < size) {
		strcpy(out + used, ell);
		w++;
	}
	return w;
}

int format_clip_left(const char *s, int cols, bool ascii, char *out, size_t size)
{
	const char *ell = format_glyphs(ascii)->ellipsis;
	size_t used;
	char piece[16];
	int w, pw;

	if (fits_whole(s, cols, ascii, out, size, &w))
		return w;
	/* skip whole characters until the rest fits beside the ellipsis */
	w = format_width(s, ascii);
	while (*s && w > cols - 1) {
		next_piece(&s, ascii, piece, &pw);
		w -= pw;
	}
	snprintf(out, size, "%s", ell);
	used = strlen(out);
	return 1 + copy_fitting(s, cols - 1, ascii, out, size, &used);
}

const char *format_figure(int64_t v, int cols, char *buf)
{
	fmt_int(v, buf);
	if ((int)strlen(buf) > cols)
		fmt_short(v, buf);
	return buf;
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

/* The abbreviations French typography uses; the short months stay whole. */
static const char *const french_months[12] = {
	"janv.", "févr.", "mars", "avr.", "mai", "juin",
	"juil.", "août", "sept.", "oct.", "nov.", "déc.",
};

const char *format_month(int month, char *buf)
{
	if (month < 0)
		return strcpy(buf, _("none"));
	if (i18n_french())
		snprintf(buf, 16, "%s %d", french_months[month_month(month) - 1], month_year(month));
	else
		month_format(month, buf);
	return buf;
}

int format_month_width(void)
{
	return i18n_french() ? 10 : 7;     /* "févr. 2024", "2024-02" */
}
