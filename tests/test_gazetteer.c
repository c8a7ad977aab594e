/* Places against the shipped gazetteer (its frozen copy in
 * tests/fixtures/plan/): names folded, p-codes in any case or DTM's MLI
 * form, the ML09 trap both ways, conflicts, system hints and closest-name
 * suggestions. */
#include <criterion/criterion.h>
#include <string.h>

#include "config.h"
#include "gazetteer.h"
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

TestSuite(gazetteer, .init = setup, .fini = teardown);

/* The region resolved, by name, or "" when not PLACE_OK. */
static const char *region_of(const char *code, const char *name, int system)
{
	int r = 12345;
	enum place_status st = gazetteer_resolve_region(&cfg, code, name, system, &r);
	if (st != PLACE_OK) {
		cr_assert_eq(r, -1);
		return "";
	}
	return cfg.regions[r].name;
}

static const char *cercle_of(const char *code, const char *name)
{
	int ce = 12345;
	if (gazetteer_resolve_cercle(&cfg, code, name, &ce) != PLACE_OK) {
		cr_assert_eq(ce, -1);
		return "";
	}
	return cfg.cercles[ce].code;
}

static int region_index(const char *name)
{
	for (size_t i = 0; i < cfg.nregions; i++)
		if (strcmp(cfg.regions[i].name, name) == 0)
			return (int)i;
	return -1;
}

static int cercle_index(const char *code)
{
	for (size_t i = 0; i < cfg.ncercles; i++)
		if (strcmp(cfg.cercles[i].code, code) == 0)
			return (int)i;
	return -1;
}

/* ---- regions ------------------------------------------------------------- */

Test(gazetteer, segou_however_spelled)
{
	cr_assert_str_eq(region_of(NULL, "Segou", 0), "Ségou");
	cr_assert_str_eq(region_of(NULL, "SEGOU", SYS_OLD), "Ségou");
	cr_assert_str_eq(region_of("", "Ségou", SYS_NEW), "Ségou");
	cr_assert_str_eq(region_of("", " ségou ", 0), "Ségou");
	cr_assert_str_eq(region_of("ML04", NULL, 0), "Ségou");
	cr_assert_str_eq(region_of("ml04", "Segou", 0), "Ségou");
	cr_assert_str_eq(cfg.regions[region_index("Ségou")].codes[0].code, "ML04");
}

Test(gazetteer, names_and_variants)
{
	cr_assert_str_eq(region_of(NULL, "Timbuktu", 0), "Tombouctou");
	cr_assert_str_eq(region_of(NULL, "TIMBUKTU", 0), "Tombouctou");
	cr_assert_str_eq(region_of(NULL, "Menaka", 0), "Ménaka");
	cr_assert_str_eq(region_of(NULL, "District de Bamako", 0), "Bamako");
	cr_assert_str_eq(region_of(NULL, "Taoudenni", 0), "Taoudénit");
	cr_assert_str_eq(region_of(NULL, "taoudenie", 0), "Taoudénit");
	cr_assert_str_eq(region_of(NULL, "Bandjagara", 0), "Bandiagara");
	cr_assert_str_eq(region_of(NULL, "Dioila", 0), "Dioïla");
}

Test(gazetteer, ml09_alone_follows_the_system)
{
	cr_assert_str_eq(region_of("ML09", "", 0), "Bamako");
	cr_assert_str_eq(region_of("ML09", "", SYS_OLD), "Bamako");
	cr_assert_str_eq(region_of("ML09", "", SYS_NEW), "Taoudénit");
}

Test(gazetteer, ml09_with_a_name_follows_the_name)
{
	cr_assert_str_eq(region_of("ML09", "Taoudénit", SYS_OLD), "Taoudénit");
	cr_assert_str_eq(region_of("ML09", "Taoudeni", 0), "Taoudénit");
	cr_assert_str_eq(region_of("ML09", "Bamako", SYS_NEW), "Bamako");
	cr_assert_str_eq(region_of("ML09", "Bamako", 0), "Bamako");
}

Test(gazetteer, bamako_new_codes_and_dtm_form)
{
	cr_assert_str_eq(region_of("ML00", "", SYS_NEW), "Bamako");
	cr_assert_str_eq(region_of("ML20", "Bamako", 0), "Bamako");
	cr_assert_str_eq(region_of("MLI09", NULL, 0), "Bamako");
	cr_assert_str_eq(region_of(" mli09 ", NULL, 0), "Bamako");
	cr_assert_str_eq(region_of("MLI04", NULL, 0), "Ségou");
	cr_assert_str_eq(region_of("ML11", NULL, SYS_OLD), "Nioro");
}

Test(gazetteer, code_and_name_disagree)
{
	int r = 7;
	cr_assert_eq(gazetteer_resolve_region(&cfg, "ML04", "Mopti", 0, &r), PLACE_CONFLICT);
	cr_assert_eq(r, -1);
	/* Taoudénit is ML09 only: ML06 beside it is a conflict */
	cr_assert_eq(gazetteer_resolve_region(&cfg, "ML06", "Taoudénit", SYS_NEW, &r), PLACE_CONFLICT);
	/* Bamako answers to ML00 but not to ML10 */
	cr_assert_eq(gazetteer_resolve_region(&cfg, "ML10", "Bamako", SYS_NEW, &r), PLACE_CONFLICT);
}

Test(gazetteer, unknown_and_missing)
{
	int r = 7;
	cr_assert_eq(gazetteer_resolve_region(&cfg, "ML99", NULL, 0, &r), PLACE_UNKNOWN_CODE);
	cr_assert_eq(r, -1);
	cr_assert_eq(gazetteer_resolve_region(&cfg, "ML99", "Ségou", 0, &r), PLACE_UNKNOWN_CODE);
	cr_assert_eq(gazetteer_resolve_region(&cfg, NULL, "Segu", 0, &r), PLACE_UNKNOWN_NAME);
	cr_assert_eq(gazetteer_resolve_region(&cfg, "ML04", "Segu", 0, &r), PLACE_UNKNOWN_NAME);
	cr_assert_eq(gazetteer_resolve_region(&cfg, NULL, NULL, 0, &r), PLACE_MISSING);
	cr_assert_eq(gazetteer_resolve_region(&cfg, "  ", " - ", 0, &r), PLACE_MISSING);
	/* ISO 3166-2 is not a p-code: ML-9 is Ménaka there, not ML09 */
	cr_assert_eq(gazetteer_resolve_region(&cfg, "ML-9", NULL, 0, &r), PLACE_UNKNOWN_CODE);
}

/* ---- system hints ---------------------------------------------------------- */

Test(gazetteer, system_hints)
{
	cr_assert_eq(gazetteer_system_hint(&cfg, "ML11", ""), SYS_NEW);
	cr_assert_eq(gazetteer_system_hint(&cfg, "ML00", NULL), SYS_NEW);
	cr_assert_eq(gazetteer_system_hint(&cfg, "ML20", NULL), SYS_NEW);
	cr_assert_eq(gazetteer_system_hint(&cfg, "", "Nioro"), SYS_NEW);
	cr_assert_eq(gazetteer_system_hint(&cfg, "", "Taoudéni"), SYS_NEW);
	cr_assert_eq(gazetteer_system_hint(&cfg, "ML09", "Taoudénit"), SYS_NEW);
	/* ML09 meaning Bamako is the old system's code */
	cr_assert_eq(gazetteer_system_hint(&cfg, "ML09", "Bamako"), SYS_OLD);
	/* nothing to tell: shared by both systems */
	cr_assert_eq(gazetteer_system_hint(&cfg, "ML09", ""), 0);
	cr_assert_eq(gazetteer_system_hint(&cfg, "ML04", "Ségou"), 0);
	cr_assert_eq(gazetteer_system_hint(&cfg, "", "Kayes"), 0);
	cr_assert_eq(gazetteer_system_hint(&cfg, "", "Bamako"), 0);
	cr_assert_eq(gazetteer_system_hint(&cfg, "ML99", "Atlantis"), 0);
	cr_assert_eq(gazetteer_system_hint(&cfg, NULL, NULL), 0);
}

/* ---- cercles ---------------------------------------------------------------- */

Test(gazetteer, cercle_names_and_variants)
{
	cr_assert_str_eq(cercle_of(NULL, "Gourma-Rharous"), "ML0603");
	cr_assert_str_eq(cercle_of(NULL, "Gourma Rharous"), "ML0603");
	cr_assert_str_eq(cercle_of(NULL, "gourma_rharous"), "ML0603");
	cr_assert_str_eq(cercle_of(NULL, "Rharous"), "ML0603");
	cr_assert_str_eq(cercle_of(NULL, "Ti-n-Essako"), "ML0804");
	cr_assert_str_eq(cercle_of(NULL, "tin_essako"), "ML0804");
	cr_assert_str_eq(cercle_of(NULL, "Abeibara"), "ML0801");
	cr_assert_str_eq(cercle_of(NULL, "Dioila"), "ML0202");
	cr_assert_str_eq(cercle_of(NULL, "Niafunke"), "ML0604");
	cr_assert_str_eq(cercle_of(NULL, "Nioro du Sahel"), "ML0106");
}

Test(gazetteer, cercle_codes)
{
	int ce = 7;
	cr_assert_str_eq(cercle_of("ML0701", NULL), "ML0701");
	cr_assert_str_eq(cercle_of("mli0701", "Ansongo"), "ML0701");
	cr_assert_eq(gazetteer_resolve_cercle(&cfg, "ML0701", "Bourem", &ce), PLACE_CONFLICT);
	cr_assert_eq(ce, -1);
	cr_assert_eq(gazetteer_resolve_cercle(&cfg, "ML0799", NULL, &ce), PLACE_UNKNOWN_CODE);
	cr_assert_eq(gazetteer_resolve_cercle(&cfg, NULL, "Atlantis", &ce), PLACE_UNKNOWN_NAME);
	cr_assert_eq(gazetteer_resolve_cercle(&cfg, "", "", &ce), PLACE_MISSING);
}

Test(gazetteer, cercle_in_region_either_system)
{
	int diema = cercle_index("ML0102");
	cr_assert(gazetteer_cercle_in_region(&cfg, diema, region_index("Kayes")));
	cr_assert(gazetteer_cercle_in_region(&cfg, diema, region_index("Nioro")));
	cr_assert(!gazetteer_cercle_in_region(&cfg, diema, region_index("Ségou")));
	cr_assert(gazetteer_cercle_in_region(&cfg, cercle_index("ML0901"), region_index("Bamako")));
	cr_assert(!gazetteer_cercle_in_region(&cfg, -1, 0));
	cr_assert(!gazetteer_cercle_in_region(&cfg, diema, -1));
	cr_assert(!gazetteer_cercle_in_region(&cfg, 100000, 0));
}

/* ---- suggestions ------------------------------------------------------------- */

Test(gazetteer, suggest_one_region)
{
	char buf[160];
	cr_assert_eq(gazetteer_suggest_region(&cfg, "Segu", buf, sizeof buf), 1);
	cr_assert_str_eq(buf, "Ségou (ML04)");
	cr_assert_eq(gazetteer_suggest_region(&cfg, "Tombuctu", buf, sizeof buf), 1);
	cr_assert_str_eq(buf, "Tombouctou (ML06)");
	/* a variant counts: "timbuctu" is one letter from "timbuktu" */
	cr_assert_eq(gazetteer_suggest_region(&cfg, "Timbuctu", buf, sizeof buf), 1);
	cr_assert_str_eq(buf, "Tombouctou (ML06)");
}

Test(gazetteer, suggest_ties)
{
	char buf[160];
	/* kidal and kita are both one edit from "kida" */
	cr_assert_eq(gazetteer_suggest_region(&cfg, "Kida", buf, sizeof buf), 2);
	cr_assert_str_eq(buf, "Kidal (ML08) or Kita (ML12)");
	/* "ka": gao, kita and san are two edits away, kayes three */
	cr_assert_eq(gazetteer_suggest_region(&cfg, "Ka", buf, sizeof buf), 3);
	cr_assert_str_eq(buf, "Gao (ML07), Kita (ML12) or San (ML17)");
}

Test(gazetteer, suggest_nothing_close)
{
	char buf[160] = "junk";
	cr_assert_eq(gazetteer_suggest_region(&cfg, "Ouagadougou", buf, sizeof buf), 0);
	cr_assert_str_eq(buf, "");
	cr_assert_eq(gazetteer_suggest_region(&cfg, "", buf, sizeof buf), 0);
	cr_assert_str_eq(buf, "");
}

Test(gazetteer, suggest_into_a_small_buffer)
{
	char buf[8];
	cr_assert_eq(gazetteer_suggest_region(&cfg, "Segu", buf, sizeof buf), 1);
	cr_assert_str_eq(buf, "Ségou ");   /* 7 bytes: "S" + 2-byte é + "gou " */
	cr_assert_eq(gazetteer_suggest_region(&cfg, "Segu", buf, 0), 0);
	/* cut inside "é": the lone lead byte is dropped too */
	cr_assert_eq(gazetteer_suggest_region(&cfg, "Segu", buf, 3), 1);
	cr_assert_str_eq(buf, "S");
	cr_assert_eq(gazetteer_suggest_region(&cfg, "Segu", buf, 4), 1);
	cr_assert_str_eq(buf, "Sé");
}

Test(gazetteer, suggest_cercle)
{
	char buf[160];
	cr_assert_eq(gazetteer_suggest_cercle(&cfg, "Gourma Rarous", buf, sizeof buf), 1);
	cr_assert_str_eq(buf, "Gourma-Rharous (ML0603)");
	cr_assert_eq(gazetteer_suggest_cercle(&cfg, "Bankas", buf, sizeof buf), 1);
	cr_assert_str_eq(buf, "Bankass (ML0502)");
}

/* ---- lookups by exact spelling and code, on a small fixture ---------------- */

/* tests/fixtures/config/minimal.ini: old ML04 Ségou, ML09 Bamako (variant
 * "District de Bamako"); new ML04 Ségou, ML09 Taoudénit (variant
 * "Taoudeni"), ML17 San, ML20 Bamako; cercles ML0405 San, ML0406 Ségou. */
static void load_minimal(void)
{
	struct error e;
	cr_assert(config_load(&cfg, "tests/fixtures/config/minimal.ini", &e), "%s", e.msg);
}

TestSuite(gazetteer_lookup, .init = load_minimal, .fini = teardown);

Test(gazetteer_lookup, region_named_by_its_own_name_only)
{
	cr_assert_eq(gazetteer_region_named(&cfg, "segou"), region_index("Ségou"));
	cr_assert_eq(gazetteer_region_named(&cfg, "taoudenit"), region_index("Taoudénit"));
	cr_assert_eq(gazetteer_region_named(&cfg, "taoudeni"), -1);   /* a variant */
	cr_assert_eq(gazetteer_region_named(&cfg, "Segou"), -1);      /* not folded */
}

Test(gazetteer_lookup, region_answering_skips_the_one_asked_to)
{
	int t = region_index("Taoudénit");
	cr_assert_eq(gazetteer_region_answering(&cfg, "taoudeni", -1), t);
	cr_assert_eq(gazetteer_region_answering(&cfg, "taoudenit", -1), t);
	cr_assert_eq(gazetteer_region_answering(&cfg, "taoudeni", t), -1);
	cr_assert_eq(gazetteer_region_answering(&cfg, "district de bamako", -1),
	             region_index("Bamako"));
	cr_assert_eq(gazetteer_region_answering(&cfg, "mopti", -1), -1);
}

Test(gazetteer_lookup, region_coded_in_a_system)
{
	int bamako = region_index("Bamako"), taoudenit = region_index("Taoudénit");
	cr_assert_eq(gazetteer_region_coded(&cfg, "ML09", SYS_OLD), bamako);
	cr_assert_eq(gazetteer_region_coded(&cfg, "ML09", SYS_NEW), taoudenit);
	cr_assert_eq(gazetteer_region_coded(&cfg, "ML20", SYS_NEW), bamako);
	cr_assert_eq(gazetteer_region_coded(&cfg, "ML20", SYS_OLD), -1);
	cr_assert_eq(gazetteer_region_coded(&cfg, "ML04", SYS_OLD | SYS_NEW), region_index("Ségou"));
	cr_assert_eq(gazetteer_region_coded(&cfg, "ml04", SYS_OLD | SYS_NEW), -1);
	cr_assert_eq(gazetteer_region_coded(&cfg, "ML05", SYS_OLD | SYS_NEW), -1);
}

Test(gazetteer_lookup, cercles_by_code_and_spelling)
{
	int san = cercle_index("ML0405"), segou = cercle_index("ML0406");
	cr_assert_eq(gazetteer_cercle_coded(&cfg, "ML0405"), san);
	cr_assert_eq(gazetteer_cercle_coded(&cfg, "ML0407"), -1);
	/* the cercle Ségou, not the region of that name */
	cr_assert_eq(gazetteer_cercle_answering(&cfg, "segou", -1), segou);
	cr_assert_eq(gazetteer_cercle_answering(&cfg, "segou", segou), -1);
	cr_assert_eq(gazetteer_cercle_answering(&cfg, "san", -1), san);
}
