/* idmap: a new key takes the next id from 0, a key met again keeps its
 * id, through growth past the size whose table lives in pages of its own;
 * emptied, the map forgets its keys and numbers from 0 again. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "idmap.h"

/* Enough keys that the table grows past 256 kB (16,384 slots of 24 bytes). */
enum { KEYS = 20000 };

static uint64_t word_of(uint32_t i)
{
	return idmap_pair(i % 97, i / 97);
}

Test(idmap, keys_are_numbered_as_they_first_come_and_keep_their_id)
{
	struct idmap m = { 0 };
	bool fresh;
	for (uint32_t i = 0; i < KEYS; i++) {
		cr_assert_eq(idmap_get(&m, word_of(i), i & 1, &fresh), i);
		cr_assert(fresh, "key %u is new", i);
	}
	for (uint32_t i = KEYS; i-- > 0;) {
		cr_assert_eq(idmap_get(&m, word_of(i), i & 1, &fresh), i, "key %u", i);
		cr_assert_not(fresh);
	}
	cr_assert_eq(idmap_get(&m, word_of(5), 0, &fresh), KEYS, "the second word tells keys apart");
	cr_assert(fresh);
	cr_assert_eq(m.len, KEYS + 1);
	idmap_free(&m);
}

Test(idmap, first_words_are_listed_by_id)
{
	struct idmap m = { 0 };
	bool fresh;
	for (uint32_t i = 0; i < KEYS; i++)
		idmap_get(&m, word_of(KEYS - i), 7, &fresh);
	uint64_t *out = calloc(KEYS, sizeof *out);
	idmap_first_words(&m, out);
	for (uint32_t id = 0; id < KEYS; id++)
		cr_assert_eq(out[id], word_of(KEYS - id), "id %u", id);
	free(out);
	idmap_free(&m);
}

Test(idmap, an_emptied_map_forgets_its_keys_and_numbers_from_zero)
{
	struct idmap m = { 0 };
	bool fresh;
	for (uint32_t i = 0; i < KEYS; i++)
		idmap_get(&m, word_of(i), 0, &fresh);
	idmap_empty(&m);
	cr_assert_eq(m.len, 0);
	cr_assert_eq(idmap_get(&m, word_of(KEYS - 1), 0, &fresh), 0);
	cr_assert(fresh, "a key of before is new again");
	cr_assert_eq(idmap_get(&m, word_of(0), 0, &fresh), 1);
	cr_assert_eq(idmap_get(&m, word_of(KEYS - 1), 0, &fresh), 0);
	cr_assert_not(fresh);
	idmap_free(&m);
	idmap_empty(&m);   /* an empty map, never grown */
	cr_assert_eq(idmap_get(&m, 1, 2, &fresh), 0);
	idmap_free(&m);
}
