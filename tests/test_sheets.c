/* The loader on the fixture sheets and the sample data, against figures
 * worked out by hand in tests/fixtures/sheets/README.md and data/README.md. */
#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "gazetteer.h"
#include "load.h"
#include "table.h"
#include "plan_fixture.h"

static struct config cfg;

static void setup(void)
{
	fx_plan_load(&cfg);
}

static void teardown(void)
{
	config_free(&cfg);
}

TestSuite(sheets, .init = setup, .fini = teardown);

#define FIX "tests/fixtures/sheets/"

static void load_one(struct table *t, const char *path)
{
	struct error e;
	table_init(t);
	cr_assert(load_paths(t, &cfg, (const char *const[]){ path }, 1, &e), "%s", e.msg);
}

/* People of the rows written in a region (written) or counted under a plan
 * region (rule 12). */
static int64_t reached_where(const struct table *t, const char *region_name, bool written)
{
	int64_t sum = 0;
	for (size_t i = 0; i < t->len; i++) {
		const struct activity *a = &t->rows[i];
		int r = written ? a->written_region : a->region;
		if (strcmp(cfg.regions[r].name, region_name) == 0)
			sum += activity_counts(t, a).reached;
	}
	return sum;
}

static int64_t reached_in(const struct table *t, const char *region_name)
{
	return reached_where(t, region_name, true);
}

static int64_t counted_under(const struct table *t, const char *region_name)
{
	return reached_where(t, region_name, false);
}

static int64_t reached_all(const struct table *t)
{
	int64_t sum = 0;
	for (size_t i = 0; i < t->len; i++)
		sum += activity_counts(t, &t->rows[i]).reached;
	return sum;
}

Test(sheets, broken_rows_are_rejected_at_their_line_and_column)
{
	static const struct { unsigned line, col; } want[] = {
		{ 5, 12 }, { 6, 13 }, { 7, 14 }, { 11, 3 }, { 12, 3 },
		{ 13, 6 }, { 14, 0 }, { 15, 9 }, { 16, 3 },
	};
	struct table t;
	load_one(&t, FIX "broken_rows.csv");
	cr_assert_eq(t.sources[0].rows_read, 13);
	cr_assert_eq(t.sources[0].accepted, 4);
	cr_assert_eq(t.sources[0].rejected, 9);
	size_t k = 0;
	for (size_t i = 0; i < t.diags.len; i++) {
		const struct diag *d = &t.diags.items[i];
		if (diag_words(&t.diags, d)->level != DIAG_REJECT)
			continue;
		cr_assert_lt(k, 9);
		cr_assert_eq(d->line, want[k].line, "reject %zu at line %u: %s", k, d->line, diag_words(&t.diags, d)->msg);
		cr_assert_eq(diag_words(&t.diags, d)->col, want[k].col, "reject %zu at col %u: %s", k, diag_words(&t.diags, d)->col, diag_words(&t.diags, d)->msg);
		k++;
	}
	cr_assert_eq(k, 9);
	cr_assert_eq(reached_in(&t, "Mopti"), 36);
	cr_assert_eq(reached_in(&t, "Tombouctou"), 13);
	cr_assert_eq(reached_in(&t, "Ménaka"), 78);
	cr_assert_eq(reached_all(&t), 127);
	table_free(&t);
}

static void assert_same_rows(const struct table *a, const struct table *b, const char *name)
{
	cr_assert_eq(a->len, b->len, "%s: %zu rows vs %zu", name, b->len, a->len);
	for (size_t i = 0; i < a->len; i++) {
		const struct activity *x = &a->rows[i], *y = &b->rows[i];
		const struct row_counts xn = activity_counts(a, x), yn = activity_counts(b, y);
		cr_assert_eq(x->region, y->region, "%s row %zu region", name, i);
		cr_assert_eq(x->cercle, y->cercle, "%s row %zu cercle", name, i);
		cr_assert_eq(x->itype, y->itype, "%s row %zu type", name, i);
		cr_assert_eq(x->month, y->month, "%s row %zu month", name, i);
		cr_assert_eq(x->start_month, y->start_month, "%s row %zu start", name, i);
		cr_assert_eq(x->status, y->status, "%s row %zu status", name, i);
		cr_assert_eq(xn.girls, yn.girls, "%s row %zu girls", name, i);
		cr_assert_eq(xn.boys, yn.boys, "%s row %zu boys", name, i);
		cr_assert_eq(xn.women, yn.women, "%s row %zu women", name, i);
		cr_assert_eq(xn.men, yn.men, "%s row %zu men", name, i);
		cr_assert_eq(xn.reached, yn.reached, "%s row %zu reached", name, i);
		cr_assert_str_eq(table_str(a, x->partner), table_str(b, y->partner), "%s row %zu partner",
		                 name, i);
		cr_assert_str_eq(table_str(a, x->org), table_str(b, y->org), "%s row %zu org",
		                 name, i);
		cr_assert_str_eq(table_str(a, x->activity), table_str(b, y->activity), "%s row %zu activity",
		                 name, i);
		cr_assert_str_eq(table_str(a, x->commune), table_str(b, y->commune), "%s row %zu commune",
		                 name, i);
	}
}

Test(sheets, one_sheet_in_four_dialects_loads_to_identical_rows)
{
	static const char *const others[] = {
		FIX "same_fr_excel.csv", FIX "same_hxl.csv", FIX "same_title.tsv",
	};
	struct table en;
	load_one(&en, FIX "same_en.csv");
	cr_assert_eq(en.len, 8);
	cr_assert_eq(reached_all(&en), 8994);
	cr_assert_eq(reached_in(&en, "Mopti"), 5947);
	cr_assert_eq(reached_in(&en, "Ségou"), 860);
	for (size_t i = 0; i < 3; i++) {
		struct table t;
		load_one(&t, others[i]);
		cr_assert_eq(t.diags.len, 0, "%s: %s", others[i], t.diags.len ? diag_words_at(&t.diags, 0)->msg : "");
		assert_same_rows(&en, &t, others[i]);
		table_free(&t);
	}
	table_free(&en);
}

Test(sheets, ml09_means_bamako_in_the_old_sheet_and_taoudenit_in_the_new)
{
	struct table t;
	load_one(&t, FIX "ml09_old.csv");
	cr_assert_eq(t.sources[0].system, SYS_OLD);
	cr_assert_eq(reached_in(&t, "Bamako"), 132);
	cr_assert_eq(reached_in(&t, "Taoudénit"), 0);
	cr_assert_eq(reached_all(&t), 413);
	table_free(&t);
	load_one(&t, FIX "ml09_new.csv");
	cr_assert_eq(t.sources[0].system, SYS_NEW);
	cr_assert_eq(reached_in(&t, "Taoudénit"), 139);
	cr_assert_eq(reached_in(&t, "Nioro"), 132);
	cr_assert_eq(reached_in(&t, "Bamako"), 33);
	cr_assert_eq(reached_all(&t), 473);
	/* rule 12, the plan being by the old regions: Taoudénit 90 + 7 + 42 under
	 * Tombouctou, Nioro 17 + 115 under Kayes, Bandiagara 56 under Mopti */
	cr_assert_eq(counted_under(&t, "Tombouctou"), 139);
	cr_assert_eq(counted_under(&t, "Kayes"), 132);
	cr_assert_eq(counted_under(&t, "Mopti"), 56);
	cr_assert_eq(counted_under(&t, "Ménaka"), 113);
	cr_assert_eq(counted_under(&t, "Bamako"), 33);
	cr_assert_eq(counted_under(&t, "Taoudénit") + counted_under(&t, "Nioro") +
	             counted_under(&t, "Bandiagara"), 0);
	table_free(&t);
}

static int64_t reached_in_cercle(const struct table *t, const char *code)
{
	int ce = gazetteer_cercle_coded(&cfg, code);
	int64_t sum = 0;
	cr_assert_geq(ce, 0, "no cercle %s", code);
	for (size_t i = 0; i < t->len; i++)
		if (t->rows[i].cercle == ce)
			sum += activity_counts(t, &t->rows[i]).reached;
	return sum;
}

static size_t warnings_coded(const struct table *t, enum diag_code code)
{
	size_t n = 0;
	for (size_t i = 0; i < t->diags.len; i++)
		n += diag_words_at(&t->diags, i)->level == DIAG_WARNING && diag_words_at(&t->diags, i)->code == code;
	return n;
}

/* README: every commune of Nara, Bamako and Ménaka as the 2020 table writes
 * them: no row rejected, no unknown cercle. */
Test(sheets, cod_ab_communes_keep_their_places)
{
	struct table t;
	load_one(&t, FIX "cod_ab_communes.csv");
	cr_assert_eq(t.sources[0].rows_read, 21);
	cr_assert_eq(t.sources[0].rejected, 0);
	cr_assert_eq(t.diags.warnings, 13);
	cr_assert_eq(warnings_coded(&t, DC_REGION_NAME_NEAR), 11);
	cr_assert_eq(warnings_coded(&t, DC_CERCLE_CODE_CONFLICT), 2);
	cr_assert_eq(warnings_coded(&t, DC_UNKNOWN_CERCLE), 0);
	cr_assert_eq(t.diags.notes, 0, "2 of 21 codes of another numbering: no note");
	cr_assert_eq(reached_in(&t, "Koulikoro"), 110);
	cr_assert_eq(reached_in(&t, "Bamako"), 120);
	cr_assert_eq(reached_in(&t, "Ménaka"), 120);
	cr_assert_eq(reached_all(&t), 350);
	cr_assert_eq(reached_in_cercle(&t, "ML0207"), 110);
	cr_assert_eq(reached_in_cercle(&t, "ML0901"), 120);
	cr_assert_eq(reached_in_cercle(&t, "ML1001"), 30);
	cr_assert_eq(reached_in_cercle(&t, "ML1002"), 30);
	cr_assert_eq(reached_in_cercle(&t, "ML1003"), 30);
	cr_assert_eq(reached_in_cercle(&t, "ML1004"), 30);
	table_free(&t);
}

/* README: code and name disagreeing both ways, line by line. */
Test(sheets, cercle_numbering_the_name_decides_in_its_region)
{
	static const struct { unsigned line, col; enum diag_code code; } want[] = {
		{ 2, 5, DC_CERCLE_CODE_CONFLICT }, { 3, 5, DC_CERCLE_CODE_CONFLICT },
		{ 4, 5, DC_CERCLE_CODE_CONFLICT }, { 5, 4, DC_CERCLE_NAME_NEAR },
		{ 6, 4, DC_UNKNOWN_CERCLE }, { 7, 5, DC_UNKNOWN_CERCLE },
		{ 8, 2, DC_UNKNOWN_REGION }, { 9, 2, DC_REGION_CONFLICT },
		{ 10, 2, DC_REGION_NAME_NEAR },
	};
	struct table t;
	load_one(&t, FIX "cercle_numbering.csv");
	cr_assert_eq(t.sources[0].rows_read, 11);
	cr_assert_eq(t.sources[0].accepted, 9);
	cr_assert_eq(t.diags.len, 10);
	for (size_t i = 0; i < 9; i++) {
		const struct diag *d = &t.diags.items[i];
		cr_assert_eq(d->line, want[i].line);
		cr_assert_eq(diag_words(&t.diags, d)->col, want[i].col, "line %u", d->line);
		cr_assert_eq(diag_words(&t.diags, d)->code, want[i].code, "line %u", d->line);
		cr_assert_eq(diag_words(&t.diags, d)->level, d->line == 8 || d->line == 9 ? DIAG_REJECT : DIAG_WARNING);
	}
	cr_assert(strstr(diag_words_at(&t.diags, 0)->msg, "ML0101 is Bafoulabé"), "%s", diag_words_at(&t.diags, 0)->msg);
	cr_assert(strstr(diag_words_at(&t.diags, 1)->msg, "ML0102 is Diéma"), "%s", diag_words_at(&t.diags, 1)->msg);
	cr_assert(strstr(diag_words_at(&t.diags, 2)->msg, "ML0201 is Banamba"), "%s", diag_words_at(&t.diags, 2)->msg);
	/* issue 15: code and name that disagree are each said with their
	 * meaning, and no suggestion names the place already written */
	cr_assert(strstr(diag_words_at(&t.diags, 4)->msg, "ML0101 is Bafoulabé, and 'Kayes' is ML0103, in Kayes"),
	          "%s", diag_words_at(&t.diags, 4)->msg);
	cr_assert(strstr(diag_words_at(&t.diags, 6)->msg, "ML03 is Sikasso, and 'Koulikouro' is no region's name "
	                                        "— did you mean Koulikoro (ML02)?"),
	          "%s", diag_words_at(&t.diags, 6)->msg);
	cr_assert(strstr(diag_words_at(&t.diags, 7)->msg, "ML04 is Ségou, and 'Mopti' is ML05"), "%s",
	          diag_words_at(&t.diags, 7)->msg);
	/* and once for the sheet: 5 of the 7 rows writing a known cercle with
	 * a code (lines 2-7 and 10) give a code of another place */
	const struct diag *note = &t.diags.items[9];
	cr_assert_eq(diag_words(&t.diags, note)->level, DIAG_NOTE);
	cr_assert_eq(diag_words(&t.diags, note)->code, DC_CERCLE_NUMBERING);
	cr_assert(strstr(diag_words(&t.diags, note)->msg, "(5 of the 7 rows writing a known cercle with a p-code: ML0101 "
	                            "written for Kayes, ML0102 for Bafoulabé, ML0201 for Koulikoro …)"),
	          "%s", diag_words(&t.diags, note)->msg);
	cr_assert_eq(reached_in(&t, "Kayes"), 70);
	cr_assert_eq(reached_in(&t, "Koulikoro"), 120);
	cr_assert_eq(reached_in(&t, "Mopti"), 50);
	cr_assert_eq(reached_in(&t, "Gao"), 60);
	cr_assert_eq(reached_in(&t, "Ménaka"), 210);
	cr_assert_eq(reached_all(&t), 510);
	cr_assert_eq(reached_in_cercle(&t, "ML0103"), 10);
	cr_assert_eq(reached_in_cercle(&t, "ML0101"), 60);
	cr_assert_eq(reached_in_cercle(&t, "ML0206"), 30);
	cr_assert_eq(reached_in_cercle(&t, "ML0204"), 90);
	cr_assert_eq(reached_in_cercle(&t, "ML1003"), 210);
	table_free(&t);
}

/* Each region's reached figure, as a README works them out. */
struct region_reached {
	const char *region;
	int64_t reached;
};

static void assert_reached_by_region(const struct table *t, const struct region_reached *want,
                                     size_t n)
{
	int64_t all = 0;
	for (size_t i = 0; i < n; i++) {
		cr_assert_eq(reached_in(t, want[i].region), want[i].reached, "%s", want[i].region);
		all += want[i].reached;
	}
	cr_assert_eq(reached_all(t), all, "every row in one of the regions listed");
}

/* A COD-shaped sheet's counts, as its README works them out: rows read
 * (none rejected), its warnings by code, and its notes. */
struct cod_sheet_counts {
	size_t rows, near_region, code_conflict, unknown_cercle, warnings, notes;
};

static void assert_cod_sheet(struct table *t, const char *path, struct cod_sheet_counts want)
{
	load_one(t, path);
	cr_assert_eq(t->sources[0].rows_read, want.rows);
	cr_assert_eq(t->sources[0].rejected, 0);
	cr_assert_eq(warnings_coded(t, DC_REGION_NAME_NEAR), want.near_region);
	cr_assert_eq(warnings_coded(t, DC_CERCLE_CODE_CONFLICT), want.code_conflict);
	cr_assert_eq(warnings_coded(t, DC_UNKNOWN_CERCLE), want.unknown_cercle);
	cr_assert_eq(t->diags.warnings, want.warnings);
	cr_assert_eq(t->diags.notes, want.notes);
}

/* README: every commune of Mali as the 2020 COD table writes them.  Each
 * row's region and cercle are checked against the codes its own line
 * writes, read here with a plain split of the ASCII file (no quotes in
 * it); the per-region figures are the commune counts awk gave from the
 * source table. */
static void assert_row_placed_as_written(const struct table *t, const long *row_at,
                                         unsigned line, char *text)
{
	char *cells[6], *save = NULL;
	for (int k = 0; k < 6; k++) {
		cells[k] = strtok_r(k == 0 ? text : NULL, ",", &save);
		cr_assert_not_null(cells[k], "line %u", line);
	}
	cr_assert_geq(row_at[line], 0, "line %u not accepted", line);
	const struct activity *a = &t->rows[row_at[line]];
	cr_assert_str_eq(cfg.regions[a->region].codes[0].code, cells[1], "line %u", line);
	cr_assert_geq(a->cercle, 0, "line %u: no cercle", line);
	/* The shipped numbering of Ménaka swaps ML1001 and ML1003 (README). */
	const char *want = strcmp(cells[2], "Menaka") == 0 ? "ML1001"
	                 : strcmp(cells[2], "Anderamboukane") == 0 ? "ML1003" : cells[3];
	cr_assert_str_eq(cfg.cercles[a->cercle].code, want, "line %u (%s)", line, cells[2]);
}

Test(sheets, cod_ab_every_commune_of_mali_is_placed_as_written)
{
	static const struct region_reached want[] = {
		{ "Kayes", 129 }, { "Koulikoro", 108 }, { "Sikasso", 147 }, { "Ségou", 118 },
		{ "Mopti", 108 }, { "Tombouctou", 52 }, { "Gao", 19 }, { "Kidal", 10 },
		{ "Bamako", 6 }, { "Ménaka", 4 },
	};
	struct table t;
	/* no unknown cercle; 2 of 701 codes of another numbering: no note */
	assert_cod_sheet(&t, FIX "cod_ab_mali_communes.csv", (struct cod_sheet_counts){
		.rows = 701, .near_region = 108, .code_conflict = 2, .unknown_cercle = 0,
		.warnings = 110, .notes = 0 });
	assert_reached_by_region(&t, want, sizeof want / sizeof want[0]);
	cr_assert_eq(reached_all(&t), 701);

	long row_at[703];
	for (size_t i = 0; i < 703; i++)
		row_at[i] = -1;
	for (size_t i = 0; i < t.len; i++)
		row_at[t.rows[i].line] = (long)i;
	FILE *f = fopen(FIX "cod_ab_mali_communes.csv", "r");
	cr_assert_not_null(f);
	char text[256];
	unsigned line = 0;
	while (fgets(text, sizeof text, f))
		if (++line > 1)
			assert_row_placed_as_written(&t, row_at, line, text);
	fclose(f);
	cr_assert_eq(line, 702);
	table_free(&t);
}

/* README: every cercle of the 2015 OCHA set, numbered its way: each row
 * in the cercle it names (49 different ones; Ménaka's ML0704 in Gao at
 * region level) and the numbering said once for the sheet. */
Test(sheets, ocha_2015_numbering_is_said_once_and_the_names_decide)
{
	static const struct region_reached want[] = {
		{ "Mopti", 8 }, { "Kayes", 7 }, { "Koulikoro", 7 }, { "Ségou", 7 }, { "Sikasso", 7 },
		{ "Tombouctou", 5 }, { "Gao", 4 }, { "Kidal", 4 }, { "Bamako", 1 }, { "Ménaka", 0 },
	};
	struct table t;
	assert_cod_sheet(&t, FIX "ocha_2015_cercles.csv", (struct cod_sheet_counts){
		.rows = 50, .near_region = 7, .code_conflict = 41, .unknown_cercle = 1,
		.warnings = 49, .notes = 1 });
	for (size_t i = 0; i < t.diags.len; i++)
		if (diag_words_at(&t.diags, i)->level == DIAG_NOTE) {
			cr_assert_eq(diag_words_at(&t.diags, i)->code, DC_CERCLE_NUMBERING);
			cr_assert(strstr(diag_words_at(&t.diags, i)->msg, "(42 of the 50 rows writing a known cercle "
			                 "with a p-code: ML0702 written for Ansongo, ML0703 for Bourem, "
			                 "ML0701 for Gao …)"), "%s", diag_words_at(&t.diags, i)->msg);
		}
	assert_reached_by_region(&t, want, sizeof want / sizeof want[0]);
	cr_assert_eq(reached_all(&t), 50);
	bool seen[512] = { false };
	size_t placed = 0;
	for (size_t i = 0; i < t.len; i++) {
		int ce = t.rows[i].cercle;
		if (ce < 0) {
			cr_assert_eq(t.rows[i].line, 6, "only Ménaka (ML0704) has no cercle");
			continue;
		}
		cr_assert_lt((size_t)ce, sizeof seen / sizeof seen[0]);
		cr_assert(!seen[ce], "line %u: a second row in %s", t.rows[i].line, cfg.cercles[ce].name);
		seen[ce] = true;
		placed++;
	}
	cr_assert_eq(placed, 49);
	cr_assert_eq(reached_in_cercle(&t, "ML0701"), 1);   /* line 3, Ansongo ML0702 */
	cr_assert_eq(reached_in_cercle(&t, "ML0103"), 1);   /* line 9, Kayes ML0101 */
	table_free(&t);
}

/* Every row of every sheet is accepted or rejected, each rejection with
 * its diagnostic: on the sample data and every fixture. */
static void assert_accounted(const char *folder)
{
	struct table t;
	load_one(&t, folder);
	cr_assert_gt(t.nsources, 0);
	size_t accepted = 0;
	for (size_t s = 0; s < t.nsources; s++) {
		const struct source *src = &t.sources[s];
		size_t rejects = 0;
		for (size_t i = 0; i < t.diags.len; i++)
			rejects += diag_words_at(&t.diags, i)->source == s && diag_words_at(&t.diags, i)->level == DIAG_REJECT;
		cr_assert_eq(src->rows_read, src->accepted + src->rejected, "%s", src->path);
		cr_assert_eq(src->rejected, rejects, "%s: %zu rejected, %zu reasons", src->path,
		             src->rejected, rejects);
		accepted += src->accepted;
	}
	cr_assert_eq(accepted, t.len);
	table_free(&t);
}

Test(sheets, every_row_is_accounted_for_in_the_sample_data)
{
	assert_accounted("data/sheets");
}

Test(sheets, every_row_is_accounted_for_in_the_fixtures)
{
	assert_accounted(FIX);
}

Test(sheets, sample_data_totals_match_the_hand_worked_figures)
{
	struct table t;
	load_one(&t, "data/sheets");
	size_t read = 0, rejected = 0;
	for (size_t s = 0; s < t.nsources; s++) {
		read += t.sources[s].rows_read;
		rejected += t.sources[s].rejected;
	}
	cr_assert_eq(t.nsources, 6);
	cr_assert_eq(read, 2116);
	cr_assert_eq(rejected, 1);
	cr_assert_eq(reached_in(&t, "Kidal"), 0);
	table_free(&t);
}

/* The shipped layout: config.ini names data/regional_figures.csv, which sits
 * beside the sample sheets' folder; giving the folder "data" must read the
 * six sheets and not take the figures file for a seventh. */
Test(sheets, data_folder_skips_the_regional_figures_file)
{
	struct config shipped;
	struct table t;
	struct error e = { "" };
	cr_assert(config_load(&shipped, "config.ini", &e), "%s", e.msg);
	table_init(&t);
	cr_assert(load_paths(&t, &shipped, (const char *const[]){ "data" }, 1, &e), "%s", e.msg);
	for (size_t s = 0; s < t.nsources; s++)
		cr_assert_null(strstr(t.sources[s].path, "regional_figures"), "%s", t.sources[s].path);
	cr_assert_eq(t.nsources, 6);
	table_free(&t);
	config_free(&shipped);
}
