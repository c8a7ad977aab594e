/* The table keeps counts up to 65,534 in the row and larger ones (or
 * negative ones, which the loader never gives) in its wide list: whatever
 * table_set_counts was given, activity_counts gives back. */
#include <criterion/criterion.h>

#include "table.h"
#include "workers.h"

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

static size_t add_in(int region, uint32_t line, int32_t girls)
{
	struct activity a = { .region = (int8_t)region, .written_region = (int8_t)region, .line = line };
	const struct row_counts n = { girls, girls, COUNT_MISSING, COUNT_MISSING, COUNT_MISSING,
	                              COUNT_MISSING };
	table_set_counts(&t, &a, &n);
	return table_add(&t, &a);
}

/* Region order, file order kept within a region, rows of no region last;
 * each row keeps its own counts (wide ones too). */
Test(table, grouping_by_region_keeps_file_order_within_a_region)
{
	const int region[] = { 2, 0, -1, 2, 1, 0, 2, -1, 1 };
	const int32_t girls[] = { 10, 11, 12, 70013, 14, 15, 16, 17, 100018 };
	for (size_t i = 0; i < 9; i++)
		add_in(region[i], (uint32_t)i + 2, girls[i]);
	cr_assert_not(table_grouped_by_region(&t));
	table_group_by_region(&t);
	cr_assert(table_grouped_by_region(&t));
	/* by hand: region 0 lines 3, 7; region 1 lines 6, 10; region 2 lines 2,
	 * 5, 8; none: lines 4, 9 */
	const uint32_t line[] = { 3, 7, 6, 10, 2, 5, 8, 4, 9 };
	const int want_region[] = { 0, 0, 1, 1, 2, 2, 2, -1, -1 };
	const int32_t want_girls[] = { 11, 15, 14, 100018, 10, 70013, 16, 12, 17 };
	cr_assert_eq(t.len, 9);
	for (size_t i = 0; i < 9; i++) {
		cr_expect_eq(t.rows[i].line, line[i], "row %zu line %u", i, t.rows[i].line);
		cr_expect_eq(t.rows[i].region, want_region[i], "row %zu region", i);
		cr_expect_eq(activity_counts(&t, &t.rows[i]).girls, want_girls[i], "row %zu girls", i);
	}
}

Test(table, grouping_an_empty_or_grouped_table_changes_nothing)
{
	table_group_by_region(&t);
	cr_expect_eq(t.len, 0);
	add_in(0, 2, 1);
	add_in(0, 3, 2);
	add_in(3, 4, 3);
	table_group_by_region(&t);
	cr_expect_eq(t.rows[0].line, 2);
	cr_expect_eq(t.rows[1].line, 3);
	cr_expect_eq(t.rows[2].line, 4);
}

/* Enough rows that the old array's pages are handed back while they are
 * copied, and that it is sorted in pieces at once (three, so they are of
 * unequal sizes and each region has rows in several): every row arrives
 * once, where a stable pass region by region (the reference, built here
 * from the input alone) puts it. */
Test(table, grouping_many_rows_matches_a_region_by_region_pass)
{
	enum { N = 300001, NREG = 13 };
	workers_set_max(3);
	static int region_of[N];
	for (int i = 0; i < N; i++) {
		region_of[i] = (int)((unsigned)i * 7919u % NREG) - 1;     /* -1 .. 11 */
		add_in(region_of[i], (uint32_t)i + 2, i % 9 == 0 ? 70000 + i : i % 60000);
	}
	table_group_by_region(&t);
	cr_assert_eq(t.len, N);
	size_t k = 0;
	for (int r = 0; r <= NREG - 1; r++) {          /* regions 0..11, then -1 last */
		int want = r < NREG - 1 ? r : -1;
		for (int i = 0; i < N; i++) {
			if (region_of[i] != want)
				continue;
			const struct activity *a = &t.rows[k];
			cr_assert_eq(a->line, (uint32_t)i + 2, "row %zu: line %u, want %d", k, a->line, i + 2);
			cr_assert_eq(a->region, want, "row %zu region", k);
			cr_assert_eq(activity_counts(&t, a).girls, i % 9 == 0 ? 70000 + i : i % 60000,
			             "row %zu girls", k);
			k++;
		}
	}
	workers_set_max(0);
	cr_assert_eq(k, N);
	cr_assert(table_grouped_by_region(&t));
}

/* The rows move in blocks within their own array, so the cases that test
 * the moving: tables a block long and either side of it, one region
 * nearly everywhere (long chains), regions so rare that their rows never
 * fill a block, sixty-four regions and none, and pieces on 1 to 3 cores.
 * The reference: a stable counting sort of the rows' lines, from the
 * regions drawn alone. */
static void expect_grouped_as_drawn(const int *region_of, size_t n)
{
	size_t at[66] = { 0 };                      /* keys 0..63, then none (-1) at 64 */
	for (size_t i = 0; i < n; i++)
		at[(region_of[i] < 0 ? 64 : region_of[i]) + 1]++;
	for (size_t k = 1; k < 66; k++)
		at[k] += at[k - 1];
	uint32_t *want = malloc(n * sizeof *want);
	cr_assert_not_null(want);
	for (size_t i = 0; i < n; i++)
		want[at[region_of[i] < 0 ? 64 : region_of[i]]++] = (uint32_t)i + 2;
	cr_assert_eq(t.len, n);
	for (size_t i = 0; i < n; i++) {
		cr_assert_eq(t.rows[i].line, want[i], "row %zu of %zu: line %u, want %u", i, n,
		             t.rows[i].line, want[i]);
		cr_assert_eq(activity_counts(&t, &t.rows[i]).girls, (int32_t)(want[i] % 50000),
		             "row %zu counts", i);
	}
	free(want);
}

static int draw_region(uint64_t *seed, int shape)
{
	*seed = *seed * 6364136223846793005u + 1442695040888963407u;
	unsigned r = (unsigned)(*seed >> 33);
	switch (shape) {
	case 0: return (int)(r % 65) - 1;                        /* -1 .. 63, even */
	case 1: return r % 100 < 93 ? 4 : (int)(r % 7);          /* one region nearly everywhere */
	default: return r % 1000 == 0 ? 63 : r % 1000 < 3 ? -1 : (int)(r % 3);   /* rare ones */
	}
}

Test(table, grouping_in_blocks_matches_a_stable_sort)
{
	const size_t sizes[] = { 1, 511, 512, 513, 1024, 1537, 131072 + 7, 262144 };
	uint64_t seed = 12345;
	for (size_t cores = 1; cores <= 3; cores++)
		for (size_t z = 0; z < sizeof sizes / sizeof *sizes; z++)
			for (int shape = 0; shape < 3; shape++) {
				size_t n = sizes[z];
				int *region_of = malloc(n * sizeof *region_of);
				cr_assert_not_null(region_of);
				table_free(&t);
				table_init(&t);
				workers_set_max(cores);
				for (size_t i = 0; i < n; i++) {
					region_of[i] = draw_region(&seed, shape);
					add_in(region_of[i], (uint32_t)i + 2, (int32_t)((i + 2) % 50000));
				}
				table_group_by_region(&t);
				expect_grouped_as_drawn(region_of, n);
				free(region_of);
			}
	workers_set_max(0);
}

/* A row of source s read at line n. */
static void add_at(uint32_t s, uint32_t n)
{
	struct activity a = { .source = s, .line = n };
	struct row_counts c = { 1, 1, COUNT_MISSING, COUNT_MISSING, COUNT_MISSING, COUNT_MISSING };
	table_set_counts(&t, &a, &c);
	table_add(&t, &a);
}

/* Grouped by region, a loaded table is in file order within each region:
 * here two runs, (0:5, 1:2) and (0:2, 0:3, 1:4). */
static void add_two_runs(void)
{
	add_at(0, 5);
	add_at(1, 2);
	add_at(0, 2);
	add_at(0, 3);
	add_at(1, 4);
}

Test(table, lines_found_in_a_few_runs)
{
	add_two_runs();
	struct table_lines l;
	table_lines_build(&l, &t);
	cr_expect_eq(l.nrun, 2);
	cr_expect_null(l.key, "two runs are searched as they lie");
	cr_expect_eq(table_lines_find(&l, &t, 0, 5), 0);
	cr_expect_eq(table_lines_find(&l, &t, 1, 2), 1);
	cr_expect_eq(table_lines_find(&l, &t, 0, 2), 2);
	cr_expect_eq(table_lines_find(&l, &t, 0, 3), 3);
	cr_expect_eq(table_lines_find(&l, &t, 1, 4), 4);
	cr_expect_eq(table_lines_find(&l, &t, 0, 4), -1);
	cr_expect_eq(table_lines_find(&l, &t, 1, 5), -1);
	cr_expect_eq(table_lines_find(&l, &t, 2, 2), -1);
	table_lines_free(&l);
}

/* Walked in ascending order the same runs give the same rows, and a key
 * below the one before is still found (searched for instead). */
Test(table, lines_walked_in_order_as_found_one_by_one)
{
	add_two_runs();
	struct table_lines l;
	table_lines_build(&l, &t);
	struct table_lines_walk w;
	table_lines_walk_init(&w, &l);
	const uint32_t keys[][2] = { { 0, 1 }, { 0, 2 }, { 0, 3 }, { 0, 4 }, { 0, 5 }, { 1, 2 },
	                             { 1, 3 }, { 1, 4 }, { 0, 5 }, { 2, 1 } };
	const long want[] = { -1, 2, 3, -1, 0, 1, -1, 4, 0, -1 };
	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
		cr_expect_eq(table_lines_walk_find(&w, &l, &t, keys[k][0], keys[k][1]), want[k],
		             "key %u:%u", keys[k][0], keys[k][1]);
	table_lines_walk_free(&w);
	table_lines_free(&l);
}

/* Lines 1000 down to 1: every row its own run, too many to search one by
 * one, so the keys are sorted; row i holds line 1000 - i. */
Test(table, lines_found_in_any_order)
{
	for (uint32_t n = 1000; n >= 1; n--)
		add_at(0, n);
	struct table_lines l;
	table_lines_build(&l, &t);
	cr_expect_not_null(l.key);
	for (uint32_t n = 1; n <= 1000; n++)
		cr_assert_eq(table_lines_find(&l, &t, 0, n), 1000 - (long)n, "line %u", n);
	cr_expect_eq(table_lines_find(&l, &t, 0, 1001), -1);
	cr_expect_eq(table_lines_find(&l, &t, 0, 0), -1);
	cr_expect_eq(table_lines_find(&l, &t, 1, 1), -1);
	table_lines_free(&l);
}

Test(table, lines_of_an_empty_table)
{
	struct table_lines l;
	table_lines_build(&l, &t);
	cr_expect_eq(table_lines_find(&l, &t, 0, 2), -1);
	table_lines_free(&l);
}

/* Rule 10 on a sheet large enough to be looked at in partitions at once
 * (three: unequal, and each with repeats): row i has the activity
 * i mod 50,000 and every other field alike but its line, so rows
 * 0 .. 49,999 are distinct and each later row repeats row i mod 50,000,
 * the first with its fields (row 100,000 repeats row 0, not row 50,000).
 * The repeats come in row order. */
struct seen_repeats { size_t n, bad; };

static void count_repeat(void *arg, size_t row, size_t earlier)
{
	struct seen_repeats *s = arg;
	if (row != 50000 + s->n || earlier != row % 50000)
		s->bad++;
	s->n++;
}

Test(table, repeats_in_a_large_sheet_are_found_in_row_order)
{
	enum { N = 120000, DISTINCT = 50000 };
	for (uint32_t i = 0; i < N; i++) {
		struct activity a = { .line = i + 2, .activity = i % DISTINCT, .region = 1,
		                      .written_region = 1, .cercle = -1 };
		struct row_counts c = { 7, 3, 4, COUNT_MISSING, COUNT_MISSING, COUNT_MISSING };
		table_set_counts(&t, &a, &c);
		table_add(&t, &a);
	}
	workers_set_max(3);
	struct seen_repeats s = { 0, 0 };
	size_t repeats = table_mark_repeats(&t, 0, count_repeat, &s);
	workers_set_max(0);
	cr_expect_eq(repeats, N - DISTINCT);
	cr_expect_eq(s.n, N - DISTINCT);
	cr_expect_eq(s.bad, 0, "%zu repeats out of order or naming another row", s.bad);
	size_t marked = 0;
	for (size_t i = 0; i < N; i++)
		marked += t.rows[i].repeated && i >= DISTINCT;
	cr_expect_eq(marked, N - DISTINCT);
	cr_expect_not(t.rows[DISTINCT - 1].repeated);
}
