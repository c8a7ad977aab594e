/* The table keeps counts up to 65,534 in the row and larger ones (or
 * negative ones, which the loader never gives) in its wide list: whatever
 * table_set_counts was given, activity_counts gives back. */
#include <criterion/criterion.h>

#include "table.h"

static struct table t;

static void setup(void)
{
	table_init(&t);
}

static void teardown(void)
{
	table_free(&t);
}

TestSuite(table, .init = setup, .fini = teardown);

static size_t add(struct row_counts n)
{
	struct activity a = { .line = (uint32_t)t.len + 2 };
	table_set_counts(&t, &a, &n);
	return table_add(&t, &a);
}

static void expect_counts(size_t i, struct row_counts n)
{
	struct row_counts got = activity_counts(&t, &t.rows[i]);
	cr_expect_eq(got.reached, n.reached, "row %zu reached %d", i, got.reached);
	cr_expect_eq(got.girls, n.girls, "row %zu girls %d", i, got.girls);
	cr_expect_eq(got.boys, n.boys, "row %zu boys %d", i, got.boys);
	cr_expect_eq(got.women, n.women, "row %zu women %d", i, got.women);
	cr_expect_eq(got.men, n.men, "row %zu men %d", i, got.men);
	cr_expect_eq(got.older, n.older, "row %zu older %d", i, got.older);
}

Test(table, counts_come_back_as_given)
{
	const int32_t M = COUNT_MISSING;
	const struct row_counts rows[] = {
		{ 15, 2, 3, 4, 6, M },               /* small: in the row */
		{ 0, M, M, M, M, M },                /* planned: nothing given */
		{ 65534, 65534, 0, M, M, M },        /* the largest a row keeps */
		{ 65535, 65535, M, M, M, M },        /* one more: wide */
		{ 70000, 40000, 30000, 0, 0, M },    /* only the sum is too large: wide */
		{ 250000, M, M, M, M, M },           /* a total alone */
		{ 7, 1, 1, 1, 1, 3 },                /* after the wide ones: in the row again */
		{ -5, 1, M, M, M, M },               /* negative: wide, kept as it is */
	};
	const bool wide[] = { false, false, false, true, true, true, false, true };
	size_t n = sizeof rows / sizeof rows[0];
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(add(rows[i]), i);
	for (size_t i = 0; i < n; i++) {
		expect_counts(i, rows[i]);
		cr_expect_eq(t.rows[i].wide, wide[i], "row %zu wide", i);
		cr_expect_eq(t.rows[i].line, i + 2, "row %zu line", i);
	}
	cr_expect_eq(t.nwide, 4);
}

/* A row's bytes do not depend on what an earlier wide row left there: a
 * row made wide after holding small counts gives back only the new ones. */
Test(table, setting_counts_again_replaces_them)
{
	struct activity a = { .line = 9 };
	const struct row_counts small = { 3, 1, 2, COUNT_MISSING, COUNT_MISSING, COUNT_MISSING };
	const struct row_counts big = { 100000, 100000, COUNT_MISSING, COUNT_MISSING, COUNT_MISSING,
	                                COUNT_MISSING };
	table_set_counts(&t, &a, &small);
	table_set_counts(&t, &a, &big);
	table_add(&t, &a);
	expect_counts(0, big);
	table_set_counts(&t, &t.rows[0], &small);
	expect_counts(0, small);
	cr_expect_eq(t.rows[0].wide, 0);
}
