/* config_load on the shipped config.ini and on the small fixtures of
 * tests/fixtures/config/ (each broken one is minimal.ini with one line
 * changed; its expected line number was counted in the file by hand).
 * Tests run from the repository root. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <criterion/redirect.h>
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "parse.h"

#define FIX "tests/fixtures/config/"

static struct config cfg;

static void load_ok(const char *path)
{
	struct error e = { "" };
	cr_assert(config_load(&cfg, path, &e), "%s", e.msg);
}

static void unload(void)
{
	config_free(&cfg);
}

static int region_index(const char *name)
{
	for (size_t i = 0; i < cfg.nregions; i++)
		if (strcmp(cfg.regions[i].name, name) == 0)
			return (int)i;
	return -1;
}

static const struct region *region(const char *name)
{
	int i = region_index(name);
	cr_assert_geq(i, 0, "no region %s", name);
	return &cfg.regions[i];
}

static const struct cercle *cercle(const char *code)
{
	for (size_t i = 0; i < cfg.ncercles; i++)
		if (strcmp(cfg.cercles[i].code, code) == 0)
			return &cfg.cercles[i];
	cr_assert_fail("no cercle %s", code);
	return NULL;
}

static bool has_string(const char *const *list, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return true;
	return false;
}

/* ---- the shipped config.ini ------------------------------------------------ */

static void load_shipped(void)
{
	load_ok("config.ini");
}

TestSuite(shipped, .init = load_shipped, .fini = unload);

Test(shipped, plan_figures_of_the_seed_page)
{
	cr_assert(strstr(cfg.plan_name, "Protection de l'Enfant") != NULL, "%s", cfg.plan_name);
	cr_assert_eq(cfg.plan_year, 2024);
	cr_assert_eq(cfg.in_need, 1300000);
	cr_assert_eq(cfg.targeted, 800000);
	cr_assert_eq(cfg.funding_requested, 29200000);
	cr_assert_eq(cfg.funding_received, 600000);
	cr_assert_eq(cfg.mode, MODE_CUMULATIVE);
	cr_assert_eq(cfg.report_month, -1);
	cr_assert_str_eq(cfg.path, "config.ini");
}

Test(shipped, paths_relative_to_the_config_folder)
{
	/* config.ini has no folder part, so paths stay as written. */
	cr_assert(cfg.has_regional_figures);
	cr_assert_str_eq(cfg.regional_figures_path, "data/regional_figures.csv");
	cr_assert_eq(cfg.nsheets, 1);
	cr_assert_str_eq(cfg.sheets[0], "data/sheets");
}

Test(shipped, twenty_regions_in_display_order)
{
	static const char *const names[] = {
		"Kayes", "Koulikoro", "Sikasso", "Ségou", "Mopti", "Tombouctou", "Gao",
		"Kidal", "Bamako", "Taoudénit", "Ménaka", "Nioro", "Kita", "Dioïla", "Nara",
		"Bougouni", "Koutiala", "San", "Douentza", "Bandiagara",
	};
	static const char *const codes[] = {
		"ML01", "ML02", "ML03", "ML04", "ML05", "ML06", "ML07", "ML08", "ML09", "ML09",
		"ML10", "ML11", "ML12", "ML13", "ML14", "ML15", "ML16", "ML17", "ML18", "ML19",
	};
	cr_assert_eq(cfg.nregions, 20);
	for (size_t i = 0; i < 20; i++) {
		cr_assert_str_eq(cfg.regions[i].name, names[i]);
		cr_assert_str_eq(cfg.regions[i].codes[0].code, codes[i]);
	}
}

Test(shipped, ten_old_regions_share_the_national_figures)
{
	int64_t need = 0, target = 0;
	int old = 0;
	for (size_t i = 0; i < cfg.nregions; i++) {
		const struct region *r = &cfg.regions[i];
		if (!(r->systems & SYS_OLD)) {
			/* new-only regions are not in the file: nothing invented */
			cr_assert_eq(r->in_need, CONFIG_UNKNOWN, "%s", r->name);
			cr_assert_eq(r->targeted, CONFIG_UNKNOWN, "%s", r->name);
			continue;
		}
		old++;
		cr_assert_geq(r->in_need, 0, "%s", r->name);
		cr_assert_leq(r->targeted, r->in_need, "%s", r->name);
		need += r->in_need;
		target += r->targeted;
	}
	cr_assert_eq(old, 10);
	cr_assert_eq(need, 1300000);
	cr_assert_eq(target, 800000);
	cr_assert_eq(region("Kidal")->in_need, 61000);
	cr_assert_eq(region("Bamako")->in_need, 104000);
	cr_assert_eq(region("Mopti")->targeted, 190000);
}

Test(shipped, old_and_new_kayes_are_one_region)
{
	const struct region *r = region("Kayes");
	cr_assert_eq(r->ncodes, 1);
	cr_assert_str_eq(r->codes[0].code, "ML01");
	cr_assert_eq(r->codes[0].system, SYS_OLD | SYS_NEW);
	cr_assert_eq(r->systems, SYS_OLD | SYS_NEW);
}

Test(shipped, bamako_has_three_codes_and_taoudenit_is_apart)
{
	const struct region *b = region("Bamako"), *t = region("Taoudénit");
	cr_assert_eq(b->ncodes, 3);
	cr_assert_str_eq(b->codes[0].code, "ML09");
	cr_assert_eq(b->codes[0].system, SYS_OLD);
	cr_assert_str_eq(b->codes[1].code, "ML00");
	cr_assert_eq(b->codes[1].system, SYS_NEW);
	cr_assert_str_eq(b->codes[2].code, "ML20");
	cr_assert_eq(b->codes[2].system, SYS_NEW);
	cr_assert(has_string(b->variants, b->nvariants, "district de bamako"));
	cr_assert_eq(t->ncodes, 1);
	cr_assert_str_eq(t->codes[0].code, "ML09");
	cr_assert_eq(t->systems, SYS_NEW);
	cr_assert_str_eq(t->folded, "taoudenit");
	/* "Taoudénit" is the name, so only spellings that fold differently */
	cr_assert_eq(t->nvariants, 3);
	cr_assert(has_string(t->variants, t->nvariants, "taoudenni"));
}

Test(shipped, cercles_of_section_4_2)
{
	/* the 49 of [S27], Nara and Ménaka's other three from the 2020 table;
	 * Bamako's six communes are inside ML0901, not cercles */
	cr_assert_eq(cfg.ncercles, 53);
	const struct cercle *ce = cercle("ML0603");
	cr_assert_str_eq(ce->name, "Gourma-Rharous");
	cr_assert_eq(ce->region_old, region_index("Tombouctou"));
	cr_assert(has_string(ce->variants, ce->nvariants, "rharous"));
	/* listed as "Gourma Rharous" too, but that folds like the name */
	cr_assert(!has_string(ce->variants, ce->nvariants, "gourma rharous"));
	cr_assert_eq(cercle("ML1001")->region_old, region_index("Ménaka"));
	cr_assert_eq(cercle("ML0901")->region_old, region_index("Bamako"));
}

Test(shipped, nara_bamako_communes_and_menaka_cercles)
{
	cr_assert_str_eq(cercle("ML0207")->name, "Nara");
	cr_assert_eq(cercle("ML0207")->region_old, region_index("Koulikoro"));
	cr_assert_eq(cercle("ML0207")->region_new, region_index("Nara"));
	const struct cercle *bamako = cercle("ML0901");
	cr_assert_eq(bamako->ncommunes, 6);
	static const char *const communes[][3] = {
		{ "Commune I", "ML090101", "commune 1" }, { "Commune II", "ML090102", "commune 2" },
		{ "Commune III", "ML090103", "commune 3" }, { "Commune IV", "ML090104", "commune 4" },
		{ "Commune V", "ML090105", "commune 5" }, { "Commune VI", "ML090106", "commune 6" },
	};
	for (size_t k = 0; k < 6; k++) {
		const struct commune *m = &bamako->communes[k];
		cr_assert_str_eq(m->name, communes[k][0]);
		cr_assert_str_eq(m->code, communes[k][1]);
		cr_assert(has_string(m->variants, m->nvariants, communes[k][2]), "%s", m->name);
	}
	/* the shipped ML1001 = Ménaka kept; the others as the 2020 table, but
	 * Andéramboukane on the code it leaves free */
	static const char *const menaka[][2] = {
		{ "ML1001", "Ménaka" }, { "ML1002", "Inékar" },
		{ "ML1003", "Andéramboukane" }, { "ML1004", "Tidermène" },
	};
	for (size_t k = 0; k < 4; k++) {
		cr_assert_str_eq(cercle(menaka[k][0])->name, menaka[k][1]);
		cr_assert_eq(cercle(menaka[k][0])->region_old, region_index("Ménaka"));
		cr_assert_eq(cercle(menaka[k][0])->region_new, region_index("Ménaka"));
	}
}

Test(shipped, cercles_carved_into_new_regions)
{
	cr_assert_eq(cercle("ML0102")->region_old, region_index("Kayes"));
	cr_assert_eq(cercle("ML0102")->region_new, region_index("Nioro"));
	cr_assert_eq(cercle("ML0202")->region_new, region_index("Dioïla"));
	cr_assert_eq(cercle("ML0505")->region_new, region_index("Bandiagara"));
	/* Kati stays in Koulikoro (REACH also maps it to Bamako: not copied) */
	cr_assert_eq(cercle("ML0204")->region_new, region_index("Koulikoro"));
	cr_assert_eq(cercle("ML0901")->region_new, region_index("Bamako"));
}

Test(shipped, intervention_types_of_table_d)
{
	static const char *const codes[] = {
		"GC", "PSS", "EAE", "ENA", "EAFGA", "VBG", "EREE", "EC", "SENS", "RC", "PAR",
		"REF", "AUTRE",
	};
	cr_assert_eq(cfg.ntypes, 13);
	for (size_t i = 0; i < 13; i++) {
		cr_assert_str_eq(cfg.types[i].code, codes[i]);
		cr_assert_eq(cfg.types[i].targeted, CONFIG_UNKNOWN);
		cr_assert_eq(cfg.types[i].essential, i == 0 || i == 3, "%s", codes[i]);
	}
	cr_assert_eq(cfg.other_type, 12);
	cr_assert_str_eq(cfg.types[0].label_en, "Case management");
	cr_assert_str_eq(cfg.types[0].label_fr, "Gestion de cas");
	cr_assert_str_eq(cfg.types[0].label_fr_folded, "gestion de cas");
	/* keywords are stored folded: "famille d'accueil" */
	cr_assert(has_string(cfg.types[3].keywords, cfg.types[3].nkeywords, "famille d accueil"));
	cr_assert_eq(config_type_by_code(&cfg, "ena"), 3);
	cr_assert_eq(config_type_by_code(&cfg, "XYZ"), -1);
}

Test(shipped, column_aliases_and_hxl_patterns)
{
	const struct field_aliases *partner = &cfg.fields[F_PARTNER];
	const struct field_aliases *total = &cfg.fields[F_TOTAL];
	const struct field_aliases *girls = &cfg.fields[F_GIRLS];
	cr_assert(has_string(partner->aliases, partner->naliases, "partenaire d execution"));
	cr_assert(has_string(partner->hxl, partner->nhxl, "#org+impl"));
	cr_assert_eq(total->nhxl, 2);
	cr_assert_str_eq(total->hxl[0], "#reached");
	cr_assert_str_eq(total->hxl[1], "#reached+ind");
	cr_assert_eq(girls->nhxl, 1);
	cr_assert_str_eq(girls->hxl[0], "#reached+f+children");
	for (int f = 0; f < F_COUNT; f++)
		cr_assert_gt(cfg.fields[f].naliases, 0, "field %s has no alias", field_key(f));
}

/* domain.md §4.5: the COD-AB names, as text_fold writes them */
Test(shipped, cod_ab_column_names)
{
	static const struct { enum field f; const char *alias; } cod[] = {
		{ F_REGION_CODE, "pcode ad 1" }, { F_REGION_CODE, "adm1 pcode" },
		{ F_REGION_CODE, "admin1pcode" }, { F_REGION_CODE, "admin1pcod" },
		{ F_REGION, "admin1 nam" }, { F_REGION, "admin1name fr" }, { F_REGION, "adm1 fr" },
		{ F_CERCLE_CODE, "pcode ad 2" }, { F_CERCLE_CODE, "adm2 pcode" },
		{ F_CERCLE_CODE, "admin2pcode" }, { F_CERCLE, "admin2 nam" },
		{ F_CERCLE, "admin2name" }, { F_CERCLE, "adm2 fr" }, { F_CERCLE, "adm2 name" },
		{ F_COMMUNE, "admin3 nam" }, { F_COMMUNE, "adm3 fr" }, { F_COMMUNE, "adm3 name" },
	};
	for (size_t i = 0; i < sizeof cod / sizeof cod[0]; i++) {
		const struct field_aliases *fa = &cfg.fields[cod[i].f];
		cr_assert(has_string(fa->aliases, fa->naliases, cod[i].alias), "%s", cod[i].alias);
	}
}

Test(shipped, gaps_and_ui)
{
	cr_assert_float_eq(cfg.th.critical_pct, 25, 1e-9);
	cr_assert_float_eq(cfg.th.high_pct, 50, 1e-9);
	cr_assert_float_eq(cfg.th.medium_pct, 75, 1e-9);
	cr_assert_eq(cfg.th.concentration_partners, 3);
	cr_assert_eq(cfg.th.stale_days, 45);
	cr_assert_str_eq(cfg.ui_theme, "dark");
	cr_assert(cfg.ui_color);
}

/* ---- field keys ------------------------------------------------------------- */

Test(config, field_keys)
{
	cr_assert_str_eq(field_key(F_ORG), "org");
	cr_assert_str_eq(field_key(F_REGION_CODE), "region_code");
	cr_assert_str_eq(field_key(F_OLDER_WOMEN), "older_women");
	cr_assert_str_eq(field_key(F_TARGETED), "targeted");
	cr_assert_str_eq(field_key(F_COUNT), "?");
}

/* ---- valid fixtures ----------------------------------------------------------- */

Test(config, minimal_gets_the_documented_defaults, .fini = unload)
{
	load_ok(FIX "minimal.ini");
	cr_assert_eq(cfg.mode, MODE_MONTHLY);
	cr_assert_eq(cfg.repeated_rows, REPEATED_COUNT);
	cr_assert_eq(cfg.funding_requested, CONFIG_UNKNOWN);
	cr_assert_eq(cfg.funding_received, CONFIG_UNKNOWN);
	cr_assert_eq(cfg.report_month, -1);
	cr_assert_eq(cfg.nsheets, 0);
	cr_assert_float_eq(cfg.th.critical_pct, 25, 1e-9);
	cr_assert_float_eq(cfg.th.high_pct, 50, 1e-9);
	cr_assert_float_eq(cfg.th.medium_pct, 75, 1e-9);
	cr_assert_eq(cfg.th.concentration_partners, 3);
	cr_assert_eq(cfg.th.stale_days, 45);
	cr_assert_str_eq(cfg.ui_theme, "dark");
	cr_assert(cfg.ui_color);
	cr_assert_eq(cfg.other_type, 2);
	cr_assert(!cfg.types[0].essential);
	cr_assert_str_eq(cfg.share.folder, "exports");
	cr_assert_not(cfg.share.excel_fr);
	cr_assert_not(cfg.share.mask_on_screen);
	cr_assert_eq(cfg.share.mask_below, 5);
}

Test(config, minimal_regions_merge_and_order, .fini = unload)
{
	load_ok(FIX "minimal.ini");
	/* Ségou ML04 (old+new), Bamako ML09 old + ML20 new, Taoudénit ML09 new,
	 * San ML17 new */
	cr_assert_eq(cfg.nregions, 4);
	cr_assert_str_eq(cfg.regions[0].name, "Ségou");
	cr_assert_str_eq(cfg.regions[1].name, "Bamako");
	cr_assert_str_eq(cfg.regions[2].name, "Taoudénit");
	cr_assert_str_eq(cfg.regions[3].name, "San");
	cr_assert_eq(cfg.regions[1].ncodes, 2);
	cr_assert_str_eq(cfg.regions[1].codes[1].code, "ML20");
	cr_assert_eq(cfg.ncercles, 2);
	cr_assert_eq(cfg.cercles[0].region_old, 0);
	cr_assert_eq(cfg.cercles[0].region_new, 3);
	cr_assert_eq(cfg.cercles[1].region_new, -1);
}

Test(config, partial_regional_figures, .fini = unload)
{
	load_ok(FIX "minimal.ini");
	cr_assert_str_eq(cfg.regional_figures_path, FIX "minimal_figures.csv");
	cr_assert_eq(cfg.regions[0].in_need, 700);
	cr_assert_eq(cfg.regions[0].targeted, 400);
	/* ML09 beside "Bamako" is Bamako, beside "Taoudeni" Taoudénit */
	cr_assert_eq(cfg.regions[1].in_need, 100);
	cr_assert_eq(cfg.regions[1].targeted, 50);
	cr_assert_eq(cfg.regions[2].in_need, 50);
	cr_assert_eq(cfg.regions[2].targeted, CONFIG_UNKNOWN);   /* empty cell */
	cr_assert_eq(cfg.regions[3].in_need, CONFIG_UNKNOWN);    /* San: not in the file */
	cr_assert_eq(cfg.regions[3].targeted, CONFIG_UNKNOWN);
	/* 850 in need in the file, 1000 in [plan]: a partial file is allowed */
	cr_assert_eq(cfg.in_need, 1000);
}

/* The figures file is CSV: a quoted cell may hold a comma, and "" in it
 * is a quote.  Splitting the line at every comma would make the Bamako
 * line five fields and "150,000" two. */
Test(config, quoted_regional_figures, .fini = unload)
{
	load_ok(FIX "quoted_figures.ini");
	/* ' "Ségou" ' and '"700"': quotes and the spaces around them dropped */
	cr_assert_eq(region("Ségou")->in_need, 700);
	cr_assert_eq(region("Ségou")->targeted, 400);
	/* "Bamako, District de" folds to the variant "Bamako District de" */
	cr_assert_eq(region("Bamako")->in_need, 100);
	cr_assert_eq(region("Bamako")->targeted, 50);
	cr_assert_eq(region("Taoudénit")->in_need, CONFIG_UNKNOWN);
}

Test(config, quoted_figure_with_a_separator_is_named_whole)
{
	struct config c;
	struct error e = { "" };
	cr_assert(!config_load(&c, FIX "quoted_number.ini", &e));
	cr_assert_str_eq(e.msg, FIX "quoted_number.csv:3: in_need: expected a whole number "
	                 "of people, got '150,000'");
	config_free(&c);
}

Test(config, quoted_unknown_region_is_named_as_written)
{
	struct config c;
	struct error e = { "" };
	cr_assert(!config_load(&c, FIX "quoted_unknown.ini", &e));
	cr_assert_str_eq(e.msg, FIX "quoted_unknown.csv:3: unknown region 'Mopti \"centre\", "
	                 "région' (ML05): not in [regions.old] or [regions.new] of "
	                 FIX "quoted_unknown.ini");
	config_free(&c);
}

Test(config, every_optional_key, .fini = unload)
{
	load_ok(FIX "full_options.ini");
	cr_assert_eq(cfg.mode, MODE_CUMULATIVE);
	cr_assert_eq(cfg.repeated_rows, REPEATED_ONCE);   /* written "Once": case is free */
	cr_assert_eq(cfg.funding_requested, 5000);
	cr_assert_eq(cfg.funding_received, 0);
	cr_assert_eq(cfg.report_month, month_index(2024, 6));
	cr_assert_eq(cfg.nsheets, 2);
	cr_assert_str_eq(cfg.sheets[0], FIX "sheets_a");
	cr_assert_str_eq(cfg.sheets[1], "/abs/sheets_b");
	cr_assert_eq(cfg.types[1].targeted, 250);
	cr_assert_eq(cfg.types[0].targeted, CONFIG_UNKNOWN);
	cr_assert(cfg.types[0].essential && cfg.types[1].essential && !cfg.types[2].essential);
	cr_assert_float_eq(cfg.th.critical_pct, 20, 1e-9);
	cr_assert_float_eq(cfg.th.high_pct, 40.5, 1e-9);
	cr_assert_float_eq(cfg.th.medium_pct, 100, 1e-9);
	cr_assert_eq(cfg.th.concentration_partners, 4);
	cr_assert_eq(cfg.th.stale_days, 30);
	cr_assert_str_eq(cfg.ui_theme, "light");
	cr_assert(!cfg.ui_color);
	cr_assert_eq(cfg.fields[F_GIRLS].naliases, 2);
	cr_assert_str_eq(cfg.fields[F_GIRLS].aliases[1], "f 0 17");
	cr_assert_str_eq(cfg.fields[F_GIRLS].hxl[0], "#reached+f+children");
	cr_assert_str_eq(cfg.share.folder, "minutes/exports");
	cr_assert(cfg.share.excel_fr);
	cr_assert_eq(cfg.share.mask_below, 10);
}

/* ---- broken fixtures ---------------------------------------------------------- */

/* Arrays, not pointers: Criterion may run each case in a new process. */
struct broken {
	char file[64];
	char expect[160];     /* a part of the message: file:line: [section] key */
};

ParameterizedTestParameters(config, broken)
{
	static struct broken cases[] = {
		{ "continued_line.ini", "continued_line.ini:7: [plan] in_need: expected a whole number of people, got 'lots'" },
		{ "bad_number.ini", "bad_number.ini:6: [plan] in_need: expected a whole number of people, got '1.3M'" },
		{ "missing_in_need.ini", "missing_in_need.ini:3: [plan] in_need: missing" },
		{ "missing_mode.ini", "missing_mode.ini:3: [plan] mode: missing" },
		{ "bad_mode.ini", "bad_mode.ini:8: [plan] mode: expected monthly or cumulative, got 'weekly'" },
		{ "bad_report_date.ini", "bad_report_date.ini:9: [plan] report_date: expected a month as YYYY-MM" },
		{ "bad_year.ini", "bad_year.ini:5: [plan] year: " },
		{ "unknown_plan_key.ini", "unknown_plan_key.ini:7: [plan] targetted: unknown key (did you mean targeted?)" },
		{ "syntax_error.ini", "syntax_error.ini:22: syntax error" },
		{ "section_comment.ini", "section_comment.ini:25: syntax error" },
		{ "duplicate_region.ini", "duplicate_region.ini:14: [regions.old] ML04: given twice with different values (first on line 12)" },
		{ "bad_cercle_region.ini", "bad_cercle_region.ini:24: [cercles] ML0501: ML05 is not a region of [regions.old]" },
		{ "carved_unknown.ini", "carved_unknown.ini:18: [regions.new] ML17: 'ML0407' is not a cercle p-code" },
		{ "no_regions.ini", "no_regions.ini:11: [regions.old]: no regions" },
		{ "no_autre.ini", "no_autre.ini:25: [types]: no AUTRE type" },
		{ "duplicate_keyword.ini", "duplicate_keyword.ini:27: [types] PSS: keyword 'gestion de cas' is also one of GC" },
		{ "bad_thresholds.ini", "bad_thresholds.ini:35: [gaps] high_pct: must be above critical_pct (25), got 20" },
		{ "bad_medium.ini", "bad_medium.ini:36: [gaps] medium_pct: must be at most 100" },
		{ "bad_partners.ini", "bad_partners.ini:34: [gaps] concentration_partners: must be at least 2" },
		{ "bad_stale.ini", "bad_stale.ini:34: [gaps] stale_days: " },
		{ "unknown_essential.ini", "unknown_essential.ini:34: [gaps] essential_types: 'ENA' is not a type" },
		{ "bad_theme.ini", "bad_theme.ini:34: [ui] theme: expected dark, light or mono, got 'blue'" },
		{ "bad_color.ini", "bad_color.ini:34: [ui] color: expected true or false, got 'maybe'" },
		{ "bad_mask.ini", "bad_mask.ini:34: [share] mask_below: expected a count from 1 to 100, got 0" },
		{ "bad_excel.ini", "bad_excel.ini:34: [share] excel_fr: expected true or false, got 'oui'" },
		{ "unknown_section.ini", "unknown_section.ini:33: [gap]: unknown section" },
		{ "unknown_field.ini", "unknown_field.ini:32: [columns] organisation: unknown field" },
		{ "bad_hxl.ini", "bad_hxl.ini:34: [hxl] partner: 'org++impl' is not an HXL tag pattern" },
		{ "bad_type_target.ini", "bad_type_target.ini:35: [type_targets] ENA: not a type" },
		{ "missing_figures.ini", "missing_figures.ini:9: [plan] regional_figures: cannot read '" FIX "no_such_figures.csv'" },
		{ "bad_figures.ini", "bad_figures.csv:4: in_need: expected a whole number of people, got '1 000'" },
		{ "unknown_figures_region.ini", "unknown_region_figures.csv:4: unknown region 'Mopti' (ML05)" },
	};
	return cr_make_param_array(struct broken, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct broken *b, config, broken)
{
	char path[256];
	struct config c;
	struct error e = { "" };
	snprintf(path, sizeof path, FIX "%s", b->file);
	cr_assert(!config_load(&c, path, &e), "%s loaded", b->file);
	cr_assert(strstr(e.msg, b->expect) != NULL, "message: %s\nexpected: %s", e.msg, b->expect);
	cr_assert(strncmp(e.msg, "tests/fixtures/config/", 22) == 0, "%s", e.msg);
	/* left empty, and freeing it (twice) is safe */
	cr_assert_null(c.regions);
	cr_assert_eq(c.nregions, 0);
	cr_assert_null(c.plan_name);
	config_free(&c);
	config_free(&c);
}

/* One spelling naming two places would make a sheet's name ambiguous. */
Test(config, a_spelling_names_one_region_only)
{
	struct config c;
	struct error e = { "" };
	cr_assert(!config_load(&c, FIX "region_spelling_clash.ini", &e));
	cr_assert_str_eq(e.msg, FIX "region_spelling_clash.ini:13: [regions.old] ML09: "
	                 "spelling 'segou' of Bamako is also one of Ségou");
	config_free(&c);
}

Test(config, a_spelling_names_one_cercle_only)
{
	struct config c;
	struct error e = { "" };
	cr_assert(!config_load(&c, FIX "cercle_spelling_clash.ini", &e));
	cr_assert_str_eq(e.msg, FIX "cercle_spelling_clash.ini:23: [cercles] ML0406: "
	                 "spelling 'san' is also cercle ML0405 (San)");
	config_free(&c);
}

Test(config, same_key_twice_with_the_same_value, .fini = unload)
{
	load_ok(FIX "repeated_same.ini");
	cr_assert_eq(cfg.ncercles, 2);
	cr_assert_eq(cfg.plan_year, 2024);
}

/* iniparser prints syntax errors to stderr unless told otherwise; the core
 * never prints, so the message must only be in e.msg. */
Test(config, syntax_errors_are_not_printed, .init = cr_redirect_stderr)
{
	struct config c;
	struct error e;
	cr_assert(!config_load(&c, FIX "syntax_error.ini", &e));
	fflush(stderr);
	cr_assert_stderr_eq_str("");
	/* and the next load is not confused by the caught message */
	cr_assert(config_load(&c, FIX "minimal.ini", &e), "%s", e.msg);
	config_free(&c);
}

Test(config, syntax_error_quotes_the_line)
{
	struct config c;
	struct error e;
	cr_assert(!config_load(&c, FIX "section_comment.ini", &e));
	cr_assert(strstr(e.msg, "'[types]   ; the intervention types'") != NULL, "%s", e.msg);
	cr_assert(strstr(e.msg, "comment may not follow a [section] header") != NULL, "%s", e.msg);
	config_free(&c);
}

Test(config, missing_file)
{
	struct config c;
	struct error e;
	cr_assert(!config_load(&c, FIX "no_such_config.ini", &e));
	cr_assert_str_eq(e.msg, FIX "no_such_config.ini: cannot read: No such file or directory");
	config_free(&c);
}

Test(config, free_a_zeroed_config)
{
	struct config c;
	memset(&c, 0, sizeof c);
	config_free(&c);
	cr_assert_null(c.regions);
}

Test(config, no_error_struct_needed)
{
	struct config c;
	cr_assert(!config_load(&c, FIX "bad_number.ini", NULL));
	config_free(&c);
}

/* A device or FIFO named as a file is refused at once, never read. */
Test(config, regional_figures_must_be_a_regular_file)
{
	char path[] = "/tmp/fourw-cfg-XXXXXX";
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	FILE *out = fdopen(fd, "w"), *in = fopen("tests/fixtures/config/minimal.ini", "r");
	cr_assert(out && in);
	char line[512];
	while (fgets(line, sizeof line, in))
		fputs(strncmp(line, "regional_figures", 16) == 0
		      ? "regional_figures = /dev/zero\n" : line, out);
	fclose(in);
	fclose(out);
	struct config c;
	struct error e;
	memset(&c, 0, sizeof c);
	bool ok = config_load(&c, path, &e);
	config_free(&c);
	remove(path);
	cr_assert_not(ok);
	cr_assert(strstr(e.msg, "regional_figures") && strstr(e.msg, "/dev/zero"), "%s", e.msg);
}

/* A config with `nregions` regions in [regions.old] and `ntypes` types
 * (AUTRE among them), written to a temporary file; loads it into *c and
 * returns whether it loaded, the message in *e. */
static bool load_generated(struct config *c, struct error *e, int nregions, int ntypes)
{
	char path[] = "/tmp/fourw-cfg-XXXXXX";
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	FILE *out = fdopen(fd, "w");
	cr_assert_not_null(out);
	fputs("[plan]\nname = Generated\nyear = 2024\nin_need = 1000\ntargeted = 600\n"
	      "mode = monthly\n\n[regions.old]\n", out);
	for (int i = 0; i < nregions; i++)   /* R0 = Region AA, R1 = Region AB, … */
		fprintf(out, "R%d = Region %c%c\n", i, 'A' + i / 26, 'A' + i % 26);
	fputs("\n[types]\nAUTRE = Other | Autre |\n", out);
	for (int i = 1; i < ntypes; i++)
		fprintf(out, "T%d = Type %c%c | Type %c%c |\n", i, 'A' + i / 26, 'A' + i % 26,
		        'A' + i / 26, 'A' + i % 26);
	fputs("\n[columns]\nregion = region\n", out);
	fclose(out);
	memset(c, 0, sizeof *c);
	bool ok = config_load(c, path, e);
	remove(path);
	return ok;
}

/* The filter holds 64 regions and 64 types: 64 of each load, a 65th is
 * refused with the file and the section named. */
Test(config, at_most_64_regions_and_64_types)
{
	struct config c;
	struct error e;
	cr_assert(load_generated(&c, &e, 64, 64), "%s", e.msg);
	cr_expect_eq(c.nregions, 64);
	cr_expect_eq(c.ntypes, 64);
	config_free(&c);

	cr_assert_not(load_generated(&c, &e, 65, 3));
	cr_expect(strstr(e.msg, "/tmp/fourw-cfg-") == e.msg, "%s", e.msg);
	cr_expect(strstr(e.msg, ": [regions.old]: 65 regions, more than the 64 fourw can filter on"),
	          "%s", e.msg);
	config_free(&c);

	cr_assert_not(load_generated(&c, &e, 2, 65));
	cr_expect(strstr(e.msg, "/tmp/fourw-cfg-") == e.msg, "%s", e.msg);
	cr_expect(strstr(e.msg, ": [types]: 65 types, more than the 64 fourw can filter on"),
	          "%s", e.msg);
	config_free(&c);
}

/* [plan] repeated_rows takes count or once, and names the key otherwise. */
Test(config, repeated_rows_other_than_count_or_once_is_refused)
{
	char path[] = "/tmp/fourw-cfg-XXXXXX";
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	FILE *out = fdopen(fd, "w");
	cr_assert_not_null(out);
	fputs("[plan]\nname = R\nin_need = 10\ntargeted = 6\nmode = monthly\n"
	      "repeated_rows = twice\n\n[regions.old]\nR0 = Region A\n\n"
	      "[types]\nAUTRE = Other | Autre |\n\n[columns]\nregion = region\n", out);
	fclose(out);
	struct config c;
	struct error e;
	memset(&c, 0, sizeof c);
	bool ok = config_load(&c, path, &e);
	remove(path);
	config_free(&c);
	cr_assert_not(ok);
	cr_expect(strstr(e.msg, ":6: [plan] repeated_rows: expected count or once, got 'twice'"),
	          "%s", e.msg);
}

/* minimal.ini with `extra` put after its [cercles] lines and no regional
 * figures file, written to a temporary file and loaded into *c. */
static bool load_with_cercles(struct config *c, struct error *e, const char *extra)
{
	char path[] = "/tmp/fourw-cfg-XXXXXX";
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	FILE *out = fdopen(fd, "w"), *in = fopen(FIX "minimal.ini", "r");
	cr_assert(out && in);
	char line[512];
	while (fgets(line, sizeof line, in)) {
		if (strncmp(line, "regional_figures", 16) == 0)
			continue;
		fputs(line, out);
		if (strncmp(line, "ML0406 = ", 9) == 0)
			fputs(extra, out);
	}
	fclose(in);
	fclose(out);
	memset(c, 0, sizeof *c);
	bool ok = config_load(c, path, e);
	remove(path);
	return ok;
}

/* A key of a cercle's code and more digits is a commune inside it, not a
 * cercle of its own. */
Test(config, a_commune_key_lists_a_commune_inside_its_cercle)
{
	struct config c;
	struct error e = { "" };
	cr_assert(load_with_cercles(&c, &e, "ML040601 = Pelengana | Pelingana\n"
	                                    "ml040626 = Ségou Commune\n"), "%s", e.msg);
	cr_assert_eq(c.ncercles, 2);
	const struct cercle *segou = &c.cercles[1];
	cr_assert_str_eq(segou->code, "ML0406");
	cr_assert_eq(segou->ncommunes, 2);
	cr_assert_str_eq(segou->communes[0].name, "Pelengana");
	cr_assert_str_eq(segou->communes[0].code, "ML040601");
	cr_assert_str_eq(segou->communes[0].variants[0], "pelingana");
	cr_assert_str_eq(segou->communes[1].code, "ML040626");
	cr_assert_eq(c.cercles[0].ncommunes, 0);
	config_free(&c);
}

Test(config, a_commune_spelling_names_one_cercle_only)
{
	struct config c;
	struct error e = { "" };
	cr_assert_not(load_with_cercles(&c, &e, "ML040601 = San\n"));
	cr_assert(strstr(e.msg, "[cercles] ML040601: spelling 'san' is also cercle ML0405 (San)"),
	          "%s", e.msg);
	config_free(&c);
}

/* A commune whose cercle is not (yet) listed is no cercle either: its key
 * is too long for a cercle p-code. */
Test(config, a_commune_needs_its_cercle_listed_first)
{
	struct config c;
	struct error e = { "" };
	cr_assert_not(load_with_cercles(&c, &e, "ML040701 = Tominian\n"));
	cr_assert(strstr(e.msg, "[cercles] ML040701: not a cercle p-code"), "%s", e.msg);
	config_free(&c);
}
