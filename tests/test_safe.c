/* Text from sheets on its way to a terminal: expected escapes by hand. */
#include <criterion/criterion.h>
#include <string.h>

#include "safe.h"

static const char *esc(const char *s)
{
	static char buf[256];
	safe_escape(s, buf, sizeof buf);
	return buf;
}

Test(safe, empty_and_plain_text_pass_unchanged)
{
	cr_assert_str_eq(esc(""), "");
	cr_assert_str_eq(esc("Ségou — Tombouctou"), "Ségou — Tombouctou");
}

Test(safe, escape_sequences_become_visible)
{
	cr_assert_str_eq(esc("a\x1b[2Jb"), "a\\x1b[2Jb");
	cr_assert_str_eq(esc("\x1b]52;c;aGk=\x07"), "\\x1b]52;c;aGk=\\x07");
	cr_assert_str_eq(esc("tab\there\n"), "tab\\x09here\\x0a");
	cr_assert_str_eq(esc("\x7f"), "\\x7f");
}

Test(safe, c1_controls_and_bidi_overrides_are_escaped)
{
	cr_assert_str_eq(esc("\xc2\x9b" "2J"), "\\x9b2J");          /* U+009B CSI */
	cr_assert_str_eq(esc("abc\xe2\x80\xae" "def"), "abc\\u202edef");   /* U+202E RLO */
	cr_assert_str_eq(esc("\xe2\x81\xa6"), "\\u2066");           /* U+2066 LRI */
}

Test(safe, invalid_utf8_bytes_are_escaped_one_by_one)
{
	cr_assert_str_eq(esc("\xff\xbe\xbe"), "\\xff\\xbe\\xbe");   /* F5–FF lead no character */
	cr_assert_str_eq(esc("\xc0\xaf"), "\\xc0\\xaf");            /* overlong '/' */
	cr_assert_str_eq(esc("\xed\xa0\x80"), "\\xed\\xa0\\x80");   /* a surrogate */
	cr_assert_str_eq(esc("x\xe9y"), "x\\xe9y");                 /* Windows-1252 é */
}

Test(safe, truncation_reports_the_full_length)
{
	char small[4];
	size_t need = safe_escape("\x1b\x1b", small, sizeof small);
	cr_assert_eq(need, 8);
	cr_assert_str_eq(small, "\\x1");
}
