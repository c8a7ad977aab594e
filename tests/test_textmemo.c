/* textmemo: answers found again by equal text (not by pointer), kept apart
 * by tag and by the second text, across growth; keys are copies. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "textmemo.h"

Test(textmemo, equal_text_finds_the_answer)
{
	struct textmemo m = {0};
	int64_t v = -1;
	char cell[32];
	cr_assert_not(textmemo_get(&m, 1, "Mopti", strlen("Mopti"), NULL, 0, &v));
	strcpy(cell, "Mopti");
	textmemo_put(&m, 1, cell, strlen(cell), NULL, 0, 5);
	strcpy(cell, "Gao");                 /* the memo kept its own copy */
	cr_assert(textmemo_get(&m, 1, "Mopti", strlen("Mopti"), NULL, 0, &v));
	cr_assert_eq(v, 5);
	cr_assert(textmemo_get(&m, 1, "Mopti", strlen("Mopti"), "", 0, &v),
	          "NULL and \"\" are the same key");
	cr_assert_not(textmemo_get(&m, 2, "Mopti", strlen("Mopti"), NULL, 0, &v), "another question");
	cr_assert_not(textmemo_get(&m, 1, "Mopti", strlen("Mopti"), "ML05", 4, &v),
	              "another second text");
	cr_assert_not(textmemo_get(&m, 1, "Mopti", 4, NULL, 0, &v), "a shorter text");
	cr_assert_not(textmemo_get(&m, 1, "Moptis", 6, NULL, 0, &v), "a longer text");
	cr_assert_not(textmemo_get(&m, 1, "mopti", strlen("mopti"), NULL, 0, &v), "text is compared exactly");
	textmemo_put(&m, 1, "Mopti", strlen("Mopti"), NULL, 0, 7);
	cr_assert(textmemo_get(&m, 1, "Mopti", strlen("Mopti"), NULL, 0, &v));
	cr_assert_eq(v, 7, "a second put replaces the answer");
	textmemo_free(&m);
}

Test(textmemo, many_keys_survive_growth)
{
	struct textmemo m = {0};
	char a[32], b[32];
	for (int i = 0; i < 5000; i++) {
		snprintf(a, sizeof a, "ML%04d", i);
		snprintf(b, sizeof b, "%d", i % 7);
		textmemo_put(&m, 1 + i % 3, a, strlen(a), b, strlen(b), i);
	}
	for (int i = 0; i < 5000; i++) {
		int64_t v = -1;
		snprintf(a, sizeof a, "ML%04d", i);
		snprintf(b, sizeof b, "%d", i % 7);
		cr_assert(textmemo_get(&m, 1 + i % 3, a, strlen(a), b, strlen(b), &v), "%s", a);
		cr_assert_eq(v, i);
	}
	cr_assert_eq(m.len, 5000);
	textmemo_free(&m);
}
