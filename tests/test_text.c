#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include <string.h>

#include "text.h"

static const char *fold(const char *s, char *buf, size_t size)
{
	text_fold(s, strlen(s), buf, size);
	return buf;
}

/* ---- degenerate inputs ---------------------------------------------------- */

Test(text, fold_empty)
{
	char buf[8] = "xxxxxxx";
	cr_assert_eq(text_fold("", 0, buf, sizeof buf), 0);
	cr_assert_str_eq(buf, "");
}

Test(text, fold_only_separators)
{
	char buf[16];
	cr_assert_eq(text_fold("  - / ' ", 8, buf, sizeof buf), 0);
	cr_assert_str_eq(buf, "");
}

Test(text, fold_zero_size_writes_nothing)
{
	char c = 'x';
	cr_assert_eq(text_fold("abc", 3, &c, 0), 0);
	cr_assert_eq(c, 'x');
}

Test(text, fold_invalid_utf8_dropped)
{
	char buf[32];
	/* lone 0xE9 (Latin-1 é), overlong '/', truncated sequence */
	cr_assert_str_eq(fold("S\xE9gou", buf, sizeof buf), "sgou");
	cr_assert_str_eq(fold("a\xC0\xAF" "b", buf, sizeof buf), "ab");
	cr_assert_str_eq(fold("ab\xC3", buf, sizeof buf), "ab");
}

Test(text, fold_respects_length_not_nul)
{
	char buf[16];
	cr_assert_eq(text_fold("Kayes Mopti", 5, buf, sizeof buf), 5);
	cr_assert_str_eq(buf, "kayes");
}

Test(text, fold_truncates_without_splitting)
{
	char buf[4];
	/* "ab" + "ç"→"c" fits 3 bytes; the rest is cut. */
	cr_assert_eq(text_fold("abçdef", strlen("abçdef"), buf, sizeof buf), 3);
	cr_assert_str_eq(buf, "abc");
	/* A kept 2-byte letter never gets split at the end. */
	cr_assert_eq(text_fold("abΩ", strlen("abΩ"), buf, sizeof buf), 2);
	cr_assert_str_eq(buf, "ab");
}

/* ---- folding -------------------------------------------------------------- */

struct fold_case {
	char in[64];
	char want[64];
};

ParameterizedTestParameters(text, fold_table)
{
	static struct fold_case cases[] = {
		{ "Ségou", "segou" },
		{ "SÉGOU", "segou" },
		{ "TIMBUKTU", "timbuktu" },
		{ "Tombouctou", "tombouctou" },
		{ "Type d’intervention", "type d intervention" },
		{ "Type d'intervention", "type d intervention" },
		{ "  Région  ", "region" },
		{ "Cercle/District", "cercle district" },
		{ "Nb_enfants-filles", "nb enfants filles" },
		{ "1\xC2\xA0" "234", "1 234" },           /* NBSP */
		{ "1\xE2\x80\xAF" "234", "1 234" },       /* narrow NBSP */
		{ "Bénéficiaires (garçons)", "beneficiaires garcons" },
		{ "éèêëàâäîïôöûùüÿçñ", "eeeeaaaiioouuuycn" },
		{ "ÉÈÊËÀÂÄÎÏÔÖÛÙÜŸÇÑ", "eeeeaaaiioouuuycn" },
		{ "œuvre Œuvre", "oeuvre oeuvre" },
		{ "Æsop æ", "aesop ae" },
		{ "Straße", "strasse" },
		{ "Łódź Šibenik", "lodz sibenik" },
		{ "N°1", "n 1" },
		{ "Ligne A—B", "ligne a b" },             /* em dash */
		{ "Se\xCC\x81gou", "segou" },             /* decomposed é */
		{ "\xEF\xBB\xBF" "Cercle", "cercle" },    /* stray BOM */
		{ "Αθήνα", "Αθήνα" },                     /* kept as UTF-8 */
		{ "a\tb\r\nc", "a b c" },
	};
	return cr_make_param_array(struct fold_case, cases,
	                           sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct fold_case *c, text, fold_table)
{
	char buf[128];
	size_t n = text_fold(c->in, strlen(c->in), buf, sizeof buf);
	cr_assert_str_eq(buf, c->want, "fold(\"%s\") = \"%s\", want \"%s\"",
	                 c->in, buf, c->want);
	cr_assert_eq(n, strlen(c->want));
}

Test(text, fold_is_idempotent)
{
	char a[64], b[64];
	fold("  Type d’intervention — Ségou ", a, sizeof a);
	fold(a, b, sizeof b);
	cr_assert_str_eq(a, b);
}

Test(text, fold_hxl)
{
	char buf[64];
	const char *in = "#Org +Impl";
	cr_assert_eq(text_fold_hxl(in, strlen(in), buf, sizeof buf), 9);
	cr_assert_str_eq(buf, "#org+impl");
	in = " #ADM2 + Name ";
	text_fold_hxl(in, strlen(in), buf, sizeof buf);
	cr_assert_str_eq(buf, "#adm2+name");
	in = "#affected +f +children_u18";
	text_fold_hxl(in, strlen(in), buf, sizeof buf);
	cr_assert_str_eq(buf, "#affected+f+children_u18");
	in = "";
	cr_assert_eq(text_fold_hxl(in, 0, buf, sizeof buf), 0);
	cr_assert_str_eq(buf, "");
}

/* ---- whole words ---------------------------------------------------------- */

Test(text, has_words)
{
	cr_assert_not(text_has_words("financement", "fin"));
	cr_assert(text_has_words("date de fin", "fin"));
	cr_assert(text_has_words("fin", "fin"));
	cr_assert(text_has_words("fin de projet", "fin"));
	cr_assert_not(text_has_words("confin", "fin"));
	cr_assert_not(text_has_words("afin de", "fin"));
	/* matches past an earlier non-word hit */
	cr_assert(text_has_words("finance fin", "fin"));
	cr_assert(text_has_words("type de gestion de cas", "gestion de cas"));
	cr_assert_not(text_has_words("gestion de cases", "gestion de cas"));
	cr_assert_not(text_has_words("", "fin"));
	cr_assert_not(text_has_words("date de fin", ""));
}

/* ---- distance ------------------------------------------------------------- */

Test(text, distance)
{
	cr_assert_eq(text_distance("", "", 3), 0);
	cr_assert_eq(text_distance("", "abc", 5), 3);
	cr_assert_eq(text_distance("abc", "", 5), 3);
	cr_assert_eq(text_distance("segou", "segou", 2), 0);
	cr_assert_eq(text_distance("segou", "segu", 2), 1);
	cr_assert_eq(text_distance("kitten", "sitting", 5), 3);
	cr_assert_eq(text_distance("tombouctou", "tomboctou", 2), 1);
	cr_assert_eq(text_distance("flaw", "lawn", 4), 2);
}

Test(text, distance_limit)
{
	/* the exact distance is 3; with limit 1 any answer > 1 is right */
	cr_assert_gt(text_distance("kitten", "sitting", 1), 1);
	cr_assert_gt(text_distance("a", "abcdefgh", 2), 2);
	cr_assert_eq(text_distance("kitten", "sitting", 3), 3);
	cr_assert_eq(text_distance("kitten", "sitting", -1), 3);
}

Test(text, distance_long_strings)
{
	char a[201], b[201];
	memset(a, 'a', 200);
	a[200] = '\0';
	memcpy(b, a, sizeof b);
	b[100] = 'b';
	cr_assert_eq(text_distance(a, b, 5), 1);
	cr_assert_eq(text_distance(a, a + 10, 20), 10);
}

/* ---- UTF-8 ---------------------------------------------------------------- */

Test(text, is_utf8)
{
	cr_assert(text_is_utf8("", 0));
	cr_assert(text_is_utf8("abc", 3));
	cr_assert(text_is_utf8("Ségou €𝄞", strlen("Ségou €𝄞")));
	cr_assert_not(text_is_utf8("S\xE9gou", 5));            /* Latin-1 */
	cr_assert_not(text_is_utf8("\xC0\xAF", 2));             /* overlong */
	cr_assert_not(text_is_utf8("\xE0\x80\xAF", 3));         /* overlong */
	cr_assert_not(text_is_utf8("\xF0\x80\x80\xAF", 4));     /* overlong */
	cr_assert_not(text_is_utf8("\xED\xA0\x80", 3));         /* surrogate */
	cr_assert_not(text_is_utf8("\xF4\x90\x80\x80", 4));     /* > U+10FFFF */
	cr_assert_not(text_is_utf8("\xC3", 1));                 /* truncated */
	cr_assert_not(text_is_utf8("\x80", 1));                 /* lone cont. */
	cr_assert_not(text_is_utf8("\xFF", 1));
	/* length is honoured: the bad byte lies beyond n */
	cr_assert(text_is_utf8("ab\xFF", 2));
	cr_assert(text_is_utf8("\xEF\xBF\xBD", 3));             /* U+FFFD */
	cr_assert(text_is_utf8("\xF4\x8F\xBF\xBF", 4));         /* U+10FFFF */
}

/* A letter at every place around the wide steps' edges (a 16- and an
 * 8-byte step): each sequence, good or bad, put at offsets 0 to 40 of
 * ASCII, judged as the list says, and the length honoured at each cut. */
Test(text, is_utf8_at_every_offset)
{
	static const struct { const char *seq; bool good; } seqs[] = {
		{ "\xC3\xA9", true }, { "\xC2\xA0", true }, { "\xE2\x80\x99", true },
		{ "\xF0\x9D\x84\x9E", true }, { "\xC3\x28", false }, { "\xC1\xBF", false },
		{ "\xE9", false }, { "\x80", false }, { "\xED\xA0\x80", false }, { "\xC3", false },
	};
	char buf[64];
	for (size_t k = 0; k < sizeof seqs / sizeof seqs[0]; k++)
		for (size_t at = 0; at <= 40; at++) {
			size_t len = strlen(seqs[k].seq);
			memset(buf, 'a', sizeof buf);
			memcpy(buf + at, seqs[k].seq, len);
			cr_assert_eq(text_is_utf8(buf, 48), seqs[k].good, "sequence %zu at %zu", k, at);
			cr_assert(text_is_utf8(buf, at), "the ASCII before it, sequence %zu at %zu", k, at);
		}
}

Test(text, utf8_len)
{
	cr_assert_eq(text_utf8_len(""), 0);
	cr_assert_eq(text_utf8_len("abc"), 3);
	cr_assert_eq(text_utf8_len("Ségou"), 5);
	cr_assert_eq(text_utf8_len("€𝄞"), 2);
	cr_assert_eq(text_utf8_len("S\xE9gou"), 5);      /* invalid byte = 1 */
	cr_assert_eq(text_utf8_len("\xE2\x82"), 2);      /* truncated: 2 bytes */
}
