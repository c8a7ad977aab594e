/* cube_index: each row's ids are numbered as one pass over the rows in
 * region order meets their tuples — equal tuples share an id, and a new
 * tuple takes the next number — whether the regions were indexed one after
 * the other (a small table) or on the cores at once (a large one).  The
 * expectations are read from the rows' own fields, never from the index. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "cube_index.h"
#include "plan_fixture.h"

static struct fx_world w;

static void setup(void)
{
	fx_world_init(&w, "sheets/a.csv");
}

static void teardown(void)
{
	fx_world_free(&w);
}

TestSuite(cube_index, .init = setup, .fini = teardown);

/* A row's tuple for one kind of id, packed in a word; NO_TUPLE: the row
 * has no id of that kind. */
#define NO_TUPLE UINT64_MAX

static uint64_t field(uint64_t v, int shift)
{
	return (v & 0xFFFF) << shift;
}

static uint64_t place_of(const struct activity *a)
{
	return (uint64_t)(uint8_t)activity_place_region(a) << 16 |
	       (uint64_t)(uint8_t)a->cercle << 8 | a->itype;
}

static uint64_t prt_of(const struct activity *a)
{
	return field(a->partner, 32) | field((uint16_t)a->region, 16) | a->itype;
}

static uint64_t pctp_of(const struct activity *a)
{
	int period = activity_period(a);
	if (a->cercle < 0 || period < 0)
		return NO_TUPLE;
	return field(a->partner, 48) | field((uint16_t)period, 32) | place_of(a);
}

struct seen { uint64_t tuple; uint32_t id; uint32_t row; };

static int by_tuple(const void *x, const void *y)
{
	const struct seen *a = x, *b = y;
	if (a->tuple != b->tuple)
		return a->tuple < b->tuple ? -1 : 1;
	return (a->row > b->row) - (a->row < b->row);
}

/* ids[i] (CUBE_NONE where the row's tuple is NO_TUPLE) are the numbers a
 * pass over the rows gives their tuples: sorted by tuple, one id per tuple
 * and a new id at each new tuple; and taken in row order, each new id is
 * one more than the last new one. */
static void expect_numbered_in_row_order(const char *kind, const uint64_t *tuple,
                                         const uint32_t *ids, size_t n)
{
	struct seen *v = malloc((n + 1) * sizeof *v);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		cr_assert_eq(tuple[i] == NO_TUPLE, ids[i] == CUBE_NONE, "%s: row %zu", kind, i);
		if (tuple[i] != NO_TUPLE)
			v[m++] = (struct seen){ tuple[i], ids[i], (uint32_t)i };
	}
	qsort(v, m, sizeof *v, by_tuple);
	size_t distinct = 0;
	for (size_t k = 0; k < m; k++) {
		bool first = k == 0 || v[k].tuple != v[k - 1].tuple;
		distinct += first;
		if (!first)
			cr_assert_eq(v[k].id, v[k - 1].id, "%s: one tuple, two ids (rows %u, %u)",
			             kind, v[k - 1].row, v[k].row);
	}
	uint32_t next = 0;
	bool *met = calloc(distinct + 1, 1);
	for (size_t i = 0; i < n; i++) {
		if (ids[i] == CUBE_NONE)
			continue;
		cr_assert_lt(ids[i], distinct, "%s: row %zu: id %u of %zu tuples", kind, i, ids[i],
		             distinct);
		if (!met[ids[i]]) {
			cr_assert_eq(ids[i], next, "%s: row %zu meets a new tuple: id %u, not %u", kind, i,
			             ids[i], next);
			met[ids[i]] = true;
			next++;
		}
	}
	cr_assert_eq(next, distinct, "%s: two tuples share an id", kind);
	free(met);
	free(v);
}

static void expect_ids_as_one_pass_numbers_them(void)
{
	size_t n = w.tab.len;
	const struct activity *rows = w.ix.rows;
	uint64_t *tuple = calloc(n + 1, sizeof *tuple);
	uint32_t *ids = calloc(n + 1, sizeof *ids);
	for (size_t i = 0; i < n; i++) {
		tuple[i] = place_of(&rows[i]);
		ids[i] = w.ix.ids[i].place;
	}
	expect_numbered_in_row_order("place", tuple, ids, n);
	for (size_t i = 0; i < n; i++) {
		tuple[i] = prt_of(&rows[i]);
		ids[i] = w.ix.ids[i].prt;
	}
	expect_numbered_in_row_order("partner, region, type", tuple, ids, n);
	for (size_t i = 0; i < n; i++) {
		tuple[i] = pctp_of(&rows[i]);
		ids[i] = w.ix.ids[i].pctp;
	}
	expect_numbered_in_row_order("partner, cercle, type, period", tuple, ids, n);
	/* (partner, type) and (partner, region) through the rows' first tuple */
	for (size_t i = 0; i < n; i++) {
		tuple[i] = field(rows[i].partner, 32) | rows[i].itype;
		ids[i] = w.ix.prt_pt[w.ix.ids[i].prt];
	}
	expect_numbered_in_row_order("partner, type", tuple, ids, n);
	for (size_t i = 0; i < n; i++) {
		tuple[i] = field(rows[i].partner, 32) | (uint16_t)rows[i].region;
		ids[i] = w.ix.prt_pr[w.ix.ids[i].prt];
		cr_assert_eq(w.ix.pr_region[ids[i]], (uint32_t)rows[i].region);
		cr_assert_eq(w.ix.prt_type[w.ix.ids[i].prt], rows[i].itype);
		cr_assert_eq(w.ix.place_cercle[w.ix.ids[i].place], rows[i].cercle);
	}
	expect_numbered_in_row_order("partner, region", tuple, ids, n);
	if (w.ix.gid) {           /* the cumulative key: a new one in each region */
		for (size_t i = 0; i < n; i++) {
			tuple[i] = field(rows[i].partner, 48) | (uint64_t)(uint8_t)rows[i].activity << 40 |
			           (uint64_t)(uint8_t)rows[i].commune << 32 |
			           (uint64_t)(uint8_t)rows[i].region << 24 | place_of(&rows[i]);
			ids[i] = w.ix.gid[i];
		}
		expect_numbered_in_row_order("cumulative key", tuple, ids, n);
	}
	free(tuple);
	free(ids);
}

/* n rows of partners A-E in every region, some at cercle level (in their
 * region), with months in and out of the plan year. */
static void add_rows(size_t n)
{
	static const char *partners[] = { "A", "B", "C", "D", "E" };
	static const char *regions[] = { "Gao", "Mopti", "Kidal", "Ségou", "Tombouctou" };
	static const char *cercles[][2] = { { "Ansongo", "Bourem" }, { "Douentza", "Mopti" },
	                                    { "Kidal", NULL }, { "Ségou", NULL },
	                                    { "Tombouctou", NULL } };
	static const char *types[] = { "GC", "PSS", "EAE", "ENA", "SENS", "AUTRE" };
	unsigned seed = 99;
	for (size_t i = 0; i < n; i++) {
		int r = rand_r(&seed) % 5;
		fx_add(&w.tab, &w.cfg, (struct fx_row){
			.src = w.src, .partner = partners[rand_r(&seed) % 5], .region = regions[r],
			.cercle = cercles[r][rand_r(&seed) % 3 % 2], .type = types[rand_r(&seed) % 6],
			.activity = rand_r(&seed) % 2 ? "x" : "y", .commune = rand_r(&seed) % 3 ? "c" : "d",
			.ym = 202301 + rand_r(&seed) % 24, .girls = 1 });
	}
}

Test(cube_index, a_small_table_is_numbered_as_one_pass_would)
{
	add_rows(3000);
	cube_index_build(&w.ix, &w.cfg, &w.tab);
	expect_ids_as_one_pass_numbers_them();
}

/* Large enough that the regions are indexed on the cores at once. */
Test(cube_index, a_large_table_is_numbered_as_one_pass_would)
{
	add_rows(70000);
	cube_index_build(&w.ix, &w.cfg, &w.tab);
	expect_ids_as_one_pass_numbers_them();
}

Test(cube_index, a_large_table_counted_cumulatively_is_numbered_as_one_pass_would)
{
	w.cfg.mode = MODE_CUMULATIVE;
	add_rows(70000);
	cube_index_build(&w.ix, &w.cfg, &w.tab);
	cr_assert_not_null(w.ix.gid);
	expect_ids_as_one_pass_numbers_them();
}

/* A region-level place is named by the region as written; should two plan
 * regions hold rows written under one region, the place is one place, as
 * one pass would see it, though each region is indexed on its own. */
Test(cube_index, a_place_met_in_two_regions_keeps_one_id)
{
	add_rows(70000);
	for (size_t i = 0; i < w.tab.len; i += 7)
		if (w.tab.rows[i].cercle < 0)
			w.tab.rows[i].written_region = (int8_t)fx_region(&w.cfg, "Kidal");
	cube_index_build(&w.ix, &w.cfg, &w.tab);
	expect_ids_as_one_pass_numbers_them();
	int kidal = fx_region(&w.cfg, "Kidal"), last_region = -1;
	size_t regions_met = 0;
	uint32_t place = CUBE_NONE;
	for (size_t i = 0; i < w.tab.len; i++) {
		const struct activity *a = &w.ix.rows[i];
		if (a->cercle >= 0 || a->written_region != kidal || a->itype != 0)
			continue;
		if (a->region != last_region)
			regions_met++;
		last_region = a->region;
		if (place == CUBE_NONE)
			place = w.ix.ids[i].place;
		cr_assert_eq(w.ix.ids[i].place, place, "row %zu, region %d", i, a->region);
	}
	cr_assert_geq(regions_met, 2, "the fixture puts the place in several regions");
}
