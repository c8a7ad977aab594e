/* draw: clipped, escaped text and bars in theme roles. */
#include <curses.h>
#include <string.h>

#include "draw.h"

static bool ascii_mode;

void draw_set_ascii(bool ascii)
{
	ascii_mode = ascii;
}

bool draw_ascii(void)
{
	return ascii_mode;
}

const struct glyphs *draw_glyphs(void)
{
	return format_glyphs(ascii_mode);
}

int draw_text(int y, int x, int w, const char *s, enum role r)
{
	char buf[1024];

	if (w <= 0 || !s)
		return 0;
	int used = format_clip(s, w, ascii_mode, buf, sizeof buf);
	attrset(theme_attr(r));
	mvaddstr(y, x, buf);
	attrset(theme_attr(ROLE_NORMAL));
	return used;
}

void draw_cell(int y, int x, int w, const char *s, bool right, enum role r)
{
	char buf[1024];

	if (w <= 0)
		return;
	format_cell(s ? s : "", w, right, ascii_mode, buf, sizeof buf);
	attrset(theme_attr(r));
	mvaddstr(y, x, buf);
	attrset(theme_attr(ROLE_NORMAL));
}

void draw_fill(int y, int x, int w, enum role r)
{
	if (w <= 0)
		return;
	attrset(theme_attr(r));
	mvhline(y, x, ' ', w);
	attrset(theme_attr(ROLE_NORMAL));
}

int draw_fitting(int y, int x, int w, const char *const *alts, int n, enum role r)
{
	for (int i = 0; i < n; i++)
		if (alts[i] && format_width(alts[i], ascii_mode) <= w)
			return draw_text(y, x, w, alts[i], r);
	return 0;
}

int draw_pieces(int y, int x, int w, const char *const *pieces, int n, const char *sep, enum role r)
{
	int used = 0, sw = format_width(sep, ascii_mode);

	for (int i = 0; i < n; i++) {
		int pw = format_width(pieces[i], ascii_mode) + (used ? sw : 0);
		if (used + pw > w)
			continue;
		if (used)
			used += draw_text(y, x + used, w - used, sep, r);
		used += draw_text(y, x + used, w - used, pieces[i], r);
	}
	return used;
}

void draw_centered(int y, int x, int w, const char *s, enum role r)
{
	int sw = format_width(s, ascii_mode);
	int off = sw < w ? (w - sw) / 2 : 0;

	draw_text(y, x + off, w - off, s, r);
}

void draw_bar(int y, int x, int w, double pct, enum role r)
{
	char buf[256];

	if (w <= 0)
		return;
	format_bar(pct < 0 ? 0 : pct, w, ascii_mode, buf, sizeof buf);
	/* The filled part carries the class colour; in monochrome the block
	 * characters alone show it. */
	attrset(theme_attr(r));
	mvaddstr(y, x, buf);
	attrset(theme_attr(ROLE_NORMAL));
}

enum role draw_severity_role(enum severity s)
{
	switch (s) {
	case SEV_CRITICAL: return ROLE_CRITICAL;
	case SEV_HIGH:     return ROLE_HIGH;
	case SEV_MEDIUM:   return ROLE_MEDIUM;
	case SEV_INFO:     return ROLE_DIM;
	default:           return ROLE_NORMAL;
	}
}

enum role draw_coverage_role(double pct, const struct thresholds *th)
{
	static const enum role of_band[] = {
		[BAND_CRITICAL] = ROLE_CRITICAL, [BAND_HIGH] = ROLE_HIGH,
		[BAND_MEDIUM] = ROLE_MEDIUM, [BAND_MET] = ROLE_OK,
	};
	return of_band[gaps_coverage_band(th, pct)];
}
