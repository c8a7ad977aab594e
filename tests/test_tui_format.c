/* Screen strings: clipping by display width, escaping, bars (tui/format.c). */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <locale.h>
#include <string.h>

#include "format.h"

static void utf8_locale(void)
{
	/* Widths come from wcwidth, which needs a UTF-8 locale. */
	cr_assert(setlocale(LC_ALL, "C.UTF-8") != NULL);
}

TestSuite(tui_format, .init = utf8_locale);

Test(tui_format, empty_and_degenerate)
{
	char out[16] = "x";
	cr_expect(eq(int, format_width("", false), 0));
	cr_expect(eq(int, format_width(NULL, false), 0));
	cr_expect(eq(int, format_clip("abc", 0, false, out, sizeof out), 0));
	cr_expect(eq(str, out, ""));
	cr_expect(eq(int, format_clip("abc", 5, false, out, 0), 0));
}

Test(tui_format, accents_take_one_column_each)
{
	char out[64];
	cr_expect(eq(int, format_width("Ségou", false), 5));
	cr_expect(eq(int, format_clip("Ségou", 5, false, out, sizeof out), 5));
	cr_expect(eq(str, out, "Ségou"));
}

Test(tui_format, clips_with_ellipsis_never_mid_character)
{
	char out[64];
	cr_expect(eq(int, format_clip("Tombouctou", 6, false, out, sizeof out), 6));
	cr_expect(eq(str, out, "Tombo…"));
	/* "é" is two bytes: a byte cut would leave half of it */
	cr_expect(eq(int, format_clip("éééé", 3, false, out, sizeof out), 3));
	cr_expect(eq(str, out, "éé…"));
}

Test(tui_format, wide_characters_are_not_split)
{
	char out[64];
	/* 作者 is 4 columns; 3 columns hold one wide glyph and the ellipsis */
	cr_expect(eq(int, format_width("作者", false), 4));
	int w = format_clip("作者x", 4, false, out, sizeof out);
	cr_expect(eq(str, out, "作…"));
	cr_expect(eq(int, w, 3));
}

Test(tui_format, control_characters_are_escaped)
{
	char out[64];
	format_clip("a\x1b[31mb", 40, false, out, sizeof out);
	cr_expect(eq(str, out, "a\\x1B[31mb"));
	format_clip("x\xe2\x80\xaey", 40, false, out, sizeof out);     /* U+202E bidi override */
	cr_expect(eq(str, out, "x\\u202Ey"));
	format_clip("bad\xff", 40, false, out, sizeof out);
	cr_expect(eq(str, out, "bad\\xFF"));
	format_clip("tab\there", 40, false, out, sizeof out);
	cr_expect(eq(str, out, "tab\\x09here"));
}

Test(tui_format, ascii_mode_drops_accents)
{
	char out[64];
	format_clip("Ségou, Ménaka, Élevé", 40, true, out, sizeof out);
	cr_expect(eq(str, out, "Segou, Menaka, Eleve"));
	format_clip("Tombouctou", 6, true, out, sizeof out);
	cr_expect(eq(str, out, "Tombo~"));
}

Test(tui_format, cells_pad_to_exact_width)
{
	char out[64];
	cr_expect(eq(int, format_cell("Ségou", 8, false, false, out, sizeof out), 8));
	cr_expect(eq(str, out, "Ségou   "));
	format_cell("1.3M", 6, true, false, out, sizeof out);
	cr_expect(eq(str, out, "  1.3M"));
}

Test(tui_format, bars)
{
	char out[128];
	format_bar(50, 4, true, out, sizeof out);
	cr_expect(eq(str, out, "##.."));
	format_bar(150, 4, true, out, sizeof out);       /* above target: full, not longer */
	cr_expect(eq(str, out, "####"));
	format_bar(-3, 3, true, out, sizeof out);
	cr_expect(eq(str, out, "..."));
	format_bar(100, 2, false, out, sizeof out);
	cr_expect(eq(str, out, "██"));
	format_bar(12.5, 1, false, out, sizeof out);     /* one eighth */
	cr_expect(eq(str, out, "▏"));
	format_bar(0, 2, false, out, sizeof out);
	cr_expect(eq(str, out, "░░"));
	cr_expect(eq(int, format_width(out, false), 2));
}

Test(tui_format, months)
{
	char buf[16];
	cr_expect(eq(str, (char *)format_month(-1, buf), "none"));
	cr_expect(eq(str, (char *)format_month(290, buf), "2024-03"));
}

Test(tui_format, every_symbol_has_an_ascii_twin)
{
	const struct glyphs *a = format_glyphs(true);
	for (int s = 0; s <= SEV_COUNT; s++) {
		cr_expect(eq(int, format_width(a->sev[s], true), 1));
		for (const char *p = a->sev[s]; *p; p++)
			cr_expect(lt(int, (unsigned char)*p, 0x80));
	}
	cr_expect(strcmp(format_glyphs(false)->sev[SEV_CRITICAL], a->sev[SEV_CRITICAL]) != 0);
}
