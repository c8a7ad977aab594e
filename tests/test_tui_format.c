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

/* clip (format_clip, or format_clip_left when left) of s to cols gives
 * want, cols_want columns wide. */
static void expect_clip(bool left, const char *s, int cols, bool ascii, const char *want, int cols_want)
{
	char out[64];
	int w = left ? format_clip_left(s, cols, ascii, out, sizeof out)
	             : format_clip(s, cols, ascii, out, sizeof out);
	cr_expect(eq(str, out, (char *)want), "clip of \"%s\" to %d", s, cols);
	cr_expect(eq(int, w, cols_want), "width of the clip of \"%s\" to %d", s, cols);
}

Test(tui_format, clipping_never_shows_part_of_a_number)
{
	/* 18 columns hold 17 characters and the ellipsis: "Kayes: 1,901 of 3";
	 * the 3 of 30,000 goes instead of showing */
	expect_clip(false, "Kayes: 1,901 of 30,000 targeted", 18, false, "Kayes: 1,901 of …", 17);
	expect_clip(false, "(6.3%) expected", 5, false, "(…", 2);
	expect_clip(false, "1234567", 4, false, "…", 1);
	expect_clip(false, "1234", 4, false, "1234", 4);              /* fits: whole */
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

Test(tui_format, clip_left_keeps_the_line_number)
{
	expect_clip(true, "irc_fr.csv:272", 20, false, "irc_fr.csv:272", 14);   /* fits: whole */
	/* 12 columns: the ellipsis and the last 11 characters */
	expect_clip(true, "data/sheets/irc_fr.csv:272", 12, false, "…_fr.csv:272", 12);
	expect_clip(true, "data/sheets/irc_fr.csv:272", 12, true, "~_fr.csv:272", 12);
	/* "éééé:1" is 6 columns: in 4, three é go and one stays whole */
	expect_clip(true, "éééé:1", 4, false, "…é:1", 4);
	expect_clip(true, "abc", 0, false, "", 0);
}

Test(tui_format, figures_whole_or_in_a_shorter_unit)
{
	char buf[32];
	cr_expect(eq(str, (char *)format_figure(1234567, 9, buf), "1,234,567"));   /* 9 characters */
	cr_expect(eq(str, (char *)format_figure(1234567, 8, buf), "1.23M"));       /* 3 significant digits */
	cr_expect(eq(str, (char *)format_figure(12345, 5, buf), "12.3k"));
	cr_expect(eq(str, (char *)format_figure(999, 3, buf), "999"));
	cr_expect(eq(str, (char *)format_figure(0, 1, buf), "0"));
}
