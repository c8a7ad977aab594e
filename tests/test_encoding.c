#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include <stdlib.h>
#include <string.h>

#include "encoding.h"

/* Decodes len bytes and checks encoding, text and length. */
static void expect(const char *in, size_t len, enum encoding want_enc,
                   const char *want)
{
	enum encoding enc = (enum encoding)-1;
	size_t out_len = (size_t)-1;
	char *out = encoding_to_utf8(in, len, &enc, &out_len);

	cr_assert_not_null(out);
	cr_assert_eq(enc, want_enc, "encoding %s, want %s",
	             encoding_name(enc), encoding_name(want_enc));
	cr_assert_eq(out_len, strlen(want), "length %zu, want %zu",
	             out_len, strlen(want));
	cr_assert_eq(memcmp(out, want, out_len), 0, "got \"%s\" want \"%s\"",
	             out, want);
	cr_assert_eq(out[out_len], '\0');
	free(out);
}

/* ---- degenerate inputs ---------------------------------------------------- */

Test(encoding, empty)
{
	expect("", 0, ENC_UTF8, "");
}

Test(encoding, bom_only)
{
	expect("\xEF\xBB\xBF", 3, ENC_UTF8_BOM, "");
}

Test(encoding, partial_bom_is_cp1252)
{
	/* EF BB without BF is not UTF-8 at all */
	expect("\xEF\xBB", 2, ENC_CP1252, "ï»");
}

Test(encoding, embedded_nul_kept)
{
	enum encoding enc;
	size_t n;
	char *out = encoding_to_utf8("a\0b", 3, &enc, &n);
	cr_assert_eq(enc, ENC_UTF8);
	cr_assert_eq(n, 3);
	cr_assert_eq(memcmp(out, "a\0b", 4), 0);
	free(out);
}

Test(encoding, names)
{
	cr_assert_str_eq(encoding_name(ENC_UTF8), "UTF-8");
	cr_assert_str_eq(encoding_name(ENC_UTF8_BOM), "UTF-8 with BOM");
	cr_assert_str_eq(encoding_name(ENC_CP1252), "Windows-1252");
}

/* ---- detection ------------------------------------------------------------ */

Test(encoding, plain_ascii_is_utf8)
{
	expect("Region;Cercle\r\n", 15, ENC_UTF8, "Region;Cercle\r\n");
}

Test(encoding, utf8_kept)
{
	const char *s = "Région;Ségou;Tombouctou €";
	expect(s, strlen(s), ENC_UTF8, s);
}

Test(encoding, utf8_bom_stripped)
{
	const char *s = "\xEF\xBB\xBFRégion;Ségou";
	expect(s, strlen(s), ENC_UTF8_BOM, "Région;Ségou");
}

Test(encoding, bom_in_middle_is_kept)
{
	const char *s = "a\xEF\xBB\xBF" "b";
	expect(s, strlen(s), ENC_UTF8, s);
}

Test(encoding, cp1252_file)
{
	/* "Région;Ségou;Bénéficiaires" as Excel's plain CSV save writes it */
	const char *s = "R\xE9gion;S\xE9gou;B\xE9n\xE9" "ficiaires";
	expect(s, strlen(s), ENC_CP1252, "Région;Ségou;Bénéficiaires");
}

Test(encoding, cp1252_whole_file_even_if_some_bytes_look_utf8)
{
	/* C3 A9 would be "é" in UTF-8, but the 0xE9 elsewhere makes the file
	 * Windows-1252, so those two bytes are "Ã©". */
	const char *s = "\xC3\xA9;\xE9";
	expect(s, strlen(s), ENC_CP1252, "Ã©;é");
}

Test(encoding, bom_with_stray_cp1252_byte)
{
	/* A BOM says UTF-8: valid sequences stay, the stray byte is cp1252. */
	const char *s = "\xEF\xBB\xBFSégou;S\xE9gou";
	expect(s, strlen(s), ENC_UTF8_BOM, "Ségou;Ségou");
}

Test(encoding, overlong_and_surrogate_are_not_utf8)
{
	expect("\xC0\xAF", 2, ENC_CP1252, "À¯");
	expect("\xED\xA0\x80", 3, ENC_CP1252, "í\xC2\xA0€");
}

/* ---- the Windows-1252 table ----------------------------------------------- */

struct cp_case {
	unsigned char byte;
	char want[8];
};

ParameterizedTestParameters(encoding, cp1252_bytes)
{
	static struct cp_case cases[] = {
		{ 0xE9, "é" }, { 0x80, "€" }, { 0x9C, "œ" }, { 0x8C, "Œ" },
		{ 0x92, "’" }, { 0x91, "‘" }, { 0x93, "“" }, { 0x94, "”" },
		{ 0x96, "–" }, { 0x97, "—" }, { 0x85, "…" }, { 0x99, "™" },
		{ 0x82, "‚" }, { 0x83, "ƒ" }, { 0x84, "„" }, { 0x86, "†" },
		{ 0x87, "‡" }, { 0x88, "ˆ" }, { 0x89, "‰" }, { 0x8A, "Š" },
		{ 0x8B, "‹" }, { 0x8E, "Ž" }, { 0x95, "•" }, { 0x98, "˜" },
		{ 0x9A, "š" }, { 0x9B, "›" }, { 0x9E, "ž" }, { 0x9F, "Ÿ" },
		{ 0x81, "\xEF\xBF\xBD" }, { 0x8D, "\xEF\xBF\xBD" },
		{ 0x8F, "\xEF\xBF\xBD" }, { 0x90, "\xEF\xBF\xBD" },
		{ 0x9D, "\xEF\xBF\xBD" },
		{ 0xA0, "\xC2\xA0" }, { 0xA9, "©" }, { 0xB0, "°" },
		{ 0xC0, "À" }, { 0xC7, "Ç" }, { 0xE0, "à" }, { 0xE7, "ç" },
		{ 0xE8, "è" }, { 0xEA, "ê" }, { 0xEB, "ë" }, { 0xEE, "î" },
		{ 0xEF, "ï" }, { 0xF4, "ô" }, { 0xF9, "ù" }, { 0xFB, "û" },
		{ 0xFF, "ÿ" }, { 0xC9, "É" },
	};
	return cr_make_param_array(struct cp_case, cases,
	                           sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct cp_case *c, encoding, cp1252_bytes)
{
	char in[1] = { (char)c->byte };
	expect(in, 1, ENC_CP1252, c->want);
}

Test(encoding, cp1252_every_byte_decodes_to_valid_utf8)
{
	char in[256];
	enum encoding enc;
	size_t n;
	char *out;

	for (int i = 0; i < 256; i++)
		in[i] = (char)(i == 0 ? 0x80 : i); /* no NUL so strlen-free */
	out = encoding_to_utf8(in, sizeof in, &enc, &n);
	cr_assert_eq(enc, ENC_CP1252);
	/* 0x00..0x7F: 1 byte (0x80 replaces the NUL: 3); 0x80..0x9F: 3 each
	 * except 0x83 ƒ, 0x8A Š, 0x8C Œ, 0x8E Ž, 0x9A š, 0x9C œ, 0x9E ž,
	 * 0x9F Ÿ, 0x88 ˆ, 0x98 ˜ which take 2; 0xA0..0xFF: 2 each. */
	cr_assert_eq(n, 3 + 127 + (22 * 3 + 10 * 2) + 96 * 2);
	free(out);
}

/* ---- encoding_put_utf8 ---------------------------------------------------- */

Test(encoding, put_utf8)
{
	char b[4];
	cr_assert_eq(encoding_put_utf8(0x41, b), 1);
	cr_assert_eq(b[0], 'A');
	cr_assert_eq(encoding_put_utf8(0xE9, b), 2);
	cr_assert_eq(memcmp(b, "\xC3\xA9", 2), 0);
	cr_assert_eq(encoding_put_utf8(0x20AC, b), 3);
	cr_assert_eq(memcmp(b, "\xE2\x82\xAC", 3), 0);
	cr_assert_eq(encoding_put_utf8(0x1D11E, b), 4);
	cr_assert_eq(memcmp(b, "\xF0\x9D\x84\x9E", 4), 0);
	cr_assert_eq(encoding_put_utf8(0x7FF, b), 2);
	cr_assert_eq(memcmp(b, "\xDF\xBF", 2), 0);
	cr_assert_eq(encoding_put_utf8(0x800, b), 3);
	cr_assert_eq(memcmp(b, "\xE0\xA0\x80", 3), 0);
	cr_assert_eq(encoding_put_utf8(0x10FFFF, b), 4);
	cr_assert_eq(memcmp(b, "\xF4\x8F\xBF\xBF", 4), 0);
	/* no UTF-8 form: replacement character */
	cr_assert_eq(encoding_put_utf8(0xD800, b), 3);
	cr_assert_eq(memcmp(b, "\xEF\xBF\xBD", 3), 0);
	cr_assert_eq(encoding_put_utf8(0x110000, b), 3);
	cr_assert_eq(memcmp(b, "\xEF\xBF\xBD", 3), 0);
}
