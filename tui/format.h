/* format: turning figures and sheet text into screen strings.  Pure: no
 * curses, so tests/test_tui_format.c checks every rule here.
 *
 * Widths are terminal columns (wcwidth under the current locale), never
 * bytes.  Text from sheets is data: control characters, escape sequences and
 * bidi overrides come out visibly escaped ("\x1b", "\u202e"), invalid UTF-8
 * as "\xNN".  In ASCII mode (locale not UTF-8, or --ascii) accented Latin
 * letters lose their accents and other non-ASCII characters become '?'. */
#ifndef FOURW_TUI_FORMAT_H
#define FOURW_TUI_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gaps.h"

/* The glyphs that differ between UTF-8 and ASCII screens. */
struct glyphs {
	const char *ellipsis, *vline, *hline, *bullet, *warn, *stale, *none;
	const char *sev[SEV_COUNT + 1];  /* by severity; [SEV_COUNT] = no flag */
};
const struct glyphs *format_glyphs(bool ascii);

/* Display width of s as format_clip would print it unclipped. */
int format_width(const char *s, bool ascii);

/* Writes s clipped to at most cols columns into out (NUL-terminated,
 * truncated to size bytes) — ending in an ellipsis when something was cut,
 * never cutting a character, and never right after a figure: the digits
 * (and . , : % / -) before the cut go too, so no number shows partly.
 * Returns the columns written. */
int format_clip(const char *s, int cols, bool ascii, char *out, size_t size);

/* The same, padded with spaces to exactly cols columns; right-aligned when
 * right is true (figures). */
int format_cell(const char *s, int cols, bool right, bool ascii, char *out, size_t size);

/* s clipped from the left to at most cols columns: "…/sheets/irc_fr.csv:272"
 * — the end of a path and its line number are what must show. */
int format_clip_left(const char *s, int cols, bool ascii, char *out, size_t size);

/* v whole ("1,234,567") if that fits in cols, else in a shorter unit
 * ("1.23M", fmt_short): a figure is never cut.  buf >= 32 bytes. */
const char *format_figure(int64_t v, int cols, char *buf);

/* A bar of width columns filled to pct percent (clamped to 0..100) with
 * eighth-blocks in UTF-8, '#' and '.' in ASCII. */
void format_bar(double pct, int width, bool ascii, char *out, size_t size);

/* "2024-03" (French "mars 2024", the month abbreviated where the word is
 * long: "févr. 2024"), or "none" when month < 0; buf >= 16 bytes. */
const char *format_month(int month, char *buf);
/* The columns format_month's widest text takes: a table's month column. */
int format_month_width(void);

#endif
