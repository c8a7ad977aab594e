/* The screen's words on any terminal: long texts wrap at spaces (a gap's
 * reason read whole in its pane), and under a locale that is not UTF-8
 * every symbol the program writes has an ASCII twin, never "?". */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "format.h"
#include "wrap.h"

static void utf8_locale(void)
{
	/* Widths come from wcwidth, which needs a UTF-8 locale. */
	cr_assert(setlocale(LC_ALL, "C.UTF-8") != NULL);
}

TestSuite(tui_text, .init = utf8_locale);

/* The lines wrap_line cuts s into at cols columns, joined by '|'. */
static const char *lines_of(const char *s, int cols, bool ascii)
{
	static char out[512];
	size_t used = 0;

	out[0] = '\0';
	while (*s) {
		const char *start = s;
		size_t len = wrap_line(s, cols, ascii, &s);
		used += (size_t)snprintf(out + used, sizeof out - used, "%s%.*s", used ? "|" : "",
		                         (int)len, start);
	}
	return out;
}

Test(tui_text, wraps_at_the_last_space_that_fits)
{
	cr_expect(eq(str, (char *)lines_of("Mopti — Bandiagara — PSS: 4 partners", 12, false),
	             "Mopti —|Bandiagara —|PSS: 4|partners"));
	cr_expect(eq(int, wrap_count("Mopti — Bandiagara — PSS: 4 partners", 12, false), 4));
	/* exactly the width: one line */
	cr_expect(eq(str, (char *)lines_of("abc def", 7, false), "abc def"));
	cr_expect(eq(str, (char *)lines_of("abc def", 6, false), "abc|def"));
}

Test(tui_text, a_word_longer_than_the_line_stands_alone)
{
	cr_expect(eq(str, (char *)lines_of("a data/sheets/unicef_en.csv b", 8, false),
	             "a|data/sheets/unicef_en.csv|b"));
}

Test(tui_text, wrapping_counts_columns_not_bytes)
{
	/* "Ségou" is 5 columns in 6 bytes */
	cr_expect(eq(str, (char *)lines_of("Ségou Ségou", 11, false), "Ségou Ségou"));
	cr_expect(eq(int, wrap_count("", 10, false), 0));
	cr_expect(eq(int, wrap_count("   ", 10, false), 1));
}

/* Every non-ASCII character in the program's own screen words: the glyphs,
 * the bars' blocks, the dashes and dots of reasons and messages, the
 * spaces of French figures, quotes. */
static const char *const symbols[] = {
	"—", "–", "…", "·", "●", "▲", "✖", "⚠", "⏱", "│", "─", "█", "░", "▏", "▎", "▍", "▌",
	"▋", "▊", "▉", "▕", "×", "→", "←", "²", "°", "\u00a0", "\u202f", "«", "»", "’", "“", "”",
};

Test(tui_text, every_symbol_has_an_ascii_twin)
{
	char out[32];

	for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
		format_clip(symbols[i], 8, true, out, sizeof out);
		cr_expect(strcmp(out, "?") != 0, "%s has no ASCII twin", symbols[i]);
		for (const char *p = out; *p; p++)
			cr_expect(lt(int, (unsigned char)*p, 0x80), "%s gives %s", symbols[i], out);
	}
	format_clip("Mopti — Bandiagara … 1\u202f300", 40, true, out, sizeof out);
	cr_expect(eq(str, out, "Mopti - Bandiagara ... 1 300"));
}

/* The glyphs the views draw: ASCII ones of one column each. */
Test(tui_text, the_ascii_glyphs_are_ascii)
{
	const struct glyphs *g = format_glyphs(true);
	const char *all[] = { g->ellipsis, g->vline, g->hline, g->bullet, g->warn, g->stale, g->none };

	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		cr_expect(eq(int, format_width(all[i], true), 1));
		for (const char *p = all[i]; *p; p++)
			cr_expect(lt(int, (unsigned char)*p, 0x80));
	}
}
