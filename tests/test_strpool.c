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
