/* bigmem_grow: an array grown an item at a time keeps every item across
 * the move from malloc to pages of its own and across each later move,
 * whatever the item's size; and it is never held more than 2 MB ahead. */
#include <criterion/criterion.h>
#include <stdint.h>

#include "bigmem.h"

static void grow_and_check(size_t size, size_t items)
{
	unsigned char *a = NULL;
	size_t cap = 0;
	for (size_t n = 0; n < items; n++) {
		a = bigmem_grow(a, &cap, n + 1, size);
		cr_assert_geq(cap, n + 1);
		if (cap * size >= BIGMEM_ARRAY_BYTES)
			cr_assert_leq(cap * size, (n + 1) * size + ((size_t)2 << 20),
			              "%zu items of %zu bytes: room for %zu", n + 1, size, cap);
		for (size_t b = 0; b < size; b++)
			a[n * size + b] = (unsigned char)((n * 131 + b * 7) >> 2);
	}
	for (size_t n = 0; n < items; n++)
		for (size_t b = 0; b < size; b++)
			cr_assert_eq(a[n * size + b], (unsigned char)((n * 131 + b * 7) >> 2),
			             "item %zu byte %zu of %zu-byte items", n, b, size);
	bigmem_array_free(a, cap, size);
}

Test(bigmem, an_array_grown_an_item_at_a_time_keeps_its_items)
{
	grow_and_check(4, 1500000);           /* 6 MB: malloc, then three moves */
	grow_and_check(12, 400000);           /* an item size 2 MB does not divide */
	grow_and_check(8, 1000);              /* small: malloc throughout */
}

Test(bigmem, room_asked_at_once_is_room_for_that_many)
{
	size_t cap = 0;
	uint32_t *a = bigmem_grow(NULL, &cap, 1000002, sizeof *a);
	cr_assert_geq(cap, 1000002);
	a[0] = 1;
	a[1000001] = 2;
	cr_expect_eq(a[0] + a[1000001], 3);
	bigmem_array_free(a, cap, sizeof *a);
	cap = 0;
	bigmem_array_free(NULL, cap, sizeof *a);
}
