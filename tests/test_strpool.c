/* strpool: equal text gives the same pointer and id, different text a
 * different one — including texts that share their first or last eight bytes, which
 * the hash reads in overlapping loads. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "strpool.h"

Test(strpool, equal_text_same_pointer)
{
	struct strpool p;
	strpool_init(&p);
	const char *texts[] = { "", "a", "ab", "abc", "abcd", "abcde", "abcdefgh", "abcdefghi",
	                        "xbcdefghi", "abcdefghij", "Save the Children", "Save the Childre",
	                        "ave the Children", "Save  the Children", "save the children" };
	size_t n = sizeof texts / sizeof texts[0];
	const char *first[16];
	for (size_t i = 0; i < n; i++)
		first[i] = strpool_intern_cstr(&p, texts[i]);
	char copy[64];
	for (size_t i = 0; i < n; i++) {
		strcpy(copy, texts[i]);
		cr_assert_eq(strpool_intern_cstr(&p, copy), first[i], "'%s'", texts[i]);
		cr_assert_str_eq(first[i], texts[i]);
		for (size_t j = 0; j < i; j++)
			cr_assert_neq(first[i], first[j], "'%s' and '%s'", texts[i], texts[j]);
	}
	cr_assert_eq(p.len, n);
	/* a length counts, not only the bytes before a NUL */
	cr_assert_neq(strpool_intern(&p, "ab\0c", 4), strpool_intern(&p, "ab", 2));
	strpool_free(&p);
}

Test(strpool, many_strings_survive_growth)
{
	struct strpool p;
	strpool_init(&p);
	char s[48];
	const char *kept[3000];
	for (int i = 0; i < 3000; i++) {
		snprintf(s, sizeof s, "Organisation numéro %d de la région", i);
		kept[i] = strpool_intern_cstr(&p, s);
	}
	for (int i = 0; i < 3000; i++) {
		snprintf(s, sizeof s, "Organisation numéro %d de la région", i);
		cr_assert_eq(strpool_intern_cstr(&p, s), kept[i]);
	}
	cr_assert_eq(p.len, 3001);   /* and "" */
	strpool_free(&p);
}

Test(strpool, ids_count_up_from_empty_and_name_their_text)
{
	struct strpool p;
	strpool_init(&p);
	cr_assert_eq(p.len, 1);
	cr_assert_str_eq(strpool_str(&p, 0), "");
	cr_assert_eq(strpool_id_cstr(&p, ""), 0);
	char s[32];
	for (unsigned i = 1; i <= 2000; i++) {     /* the id array moves as it grows */
		snprintf(s, sizeof s, "partner %u", i);
		cr_assert_eq(strpool_id_cstr(&p, s), i);
	}
	for (unsigned i = 1; i <= 2000; i++) {
		snprintf(s, sizeof s, "partner %u", i);
		cr_assert_eq(strpool_id_cstr(&p, s), i);
		cr_assert_str_eq(strpool_str(&p, i), s);
		cr_assert_eq(strpool_intern_cstr(&p, s), strpool_str(&p, i));
	}
	strpool_free(&p);
}

/* A whole row (rule 10) is hashed in four chains of eight bytes: a byte
 * changed anywhere in a long text, in any chain or in the tail read after
 * them, changes the hash, and the same text always hashes alike. */
Test(strpool, a_byte_changed_anywhere_in_a_long_text_changes_its_hash)
{
	char row[171];
	for (size_t i = 0; i < sizeof row - 1; i++)
		row[i] = (char)('a' + i % 26);
	row[sizeof row - 1] = '\0';
	for (size_t n = 0; n < sizeof row; n++) {
		uint32_t h = strpool_hash(row, n);
		char copy[sizeof row];
		memcpy(copy, row, sizeof row);
		cr_assert_eq(strpool_hash(copy, n), h, "length %zu: the same text, another hash", n);
		for (size_t at = 0; at < n; at++) {
			copy[at] = '#';
			cr_assert_neq(strpool_hash(copy, n), h, "length %zu: byte %zu not hashed", n, at);
			copy[at] = row[at];
		}
	}
}

Test(strpool, long_texts_that_differ_in_one_byte_get_their_own_ids)
{
	struct strpool p;
	strpool_init(&p);
	char text[100];
	memset(text, 'x', sizeof text);
	uint32_t first[sizeof text];
	for (size_t at = 0; at < sizeof text; at++) {
		text[at] = 'y';
		first[at] = strpool_id(&p, text, sizeof text);
		text[at] = 'x';
	}
	for (size_t at = 0; at < sizeof text; at++) {
		text[at] = 'y';
		cr_assert_eq(strpool_id(&p, text, sizeof text), first[at]);
		cr_assert_eq(memcmp(strpool_str(&p, first[at]), text, sizeof text), 0);
		text[at] = 'x';
	}
	cr_assert_eq(p.len, 1 + sizeof text, "every text its own id, after the empty text's");
	strpool_free(&p);
}
