/* Places against the shipped gazetteer (its frozen copy in
 * tests/fixtures/plan/): names folded, p-codes in any case or DTM's MLI
 * form, the ML09 trap both ways, conflicts, near misses beside a valid
 * p-code, a cercle name deciding against another numbering's code, Bamako's
 * communes, system hints and closest-name suggestions. */
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
	/* beside ML04 the same misspelling is a near miss (near_misses_beside_a_valid_code) */
	cr_assert_eq(gazetteer_resolve_region(&cfg, "ML04", "Sgu", 0, &r), PLACE_UNKNOWN_NAME);
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
	/* a near miss tells as much as the name it is taken for */
	cr_assert_eq(gazetteer_system_hint(&cfg, "ML09", "Taoudenitt"), SYS_NEW);
	cr_assert_eq(gazetteer_system_hint(&cfg, "ML09", "Bamakou"), SYS_OLD);
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
	/* Kayes (ML0103) is not in Gao, the region of ML0701 */
	cr_assert_eq(gazetteer_resolve_cercle(&cfg, "ML0701", "Kayes", &ce), PLACE_CONFLICT);
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

/* ---- near misses, other numberings, communes ----------------------------------- */

static int status_region(const char *code, const char *name, int system, int *r)
{
	*r = 12345;
	return gazetteer_resolve_region(&cfg, code, name, system, r);
}

/* The limit is 2 edits for a folded name of 6 letters or more, 1 from 3
 * letters, none below: counted by hand on each pair. */
Test(gazetteer, near_misses_beside_a_valid_code)
{
	int r;
	/* "koulikouro" → "koulikoro": one deletion (the 2015 OCHA and 2020 spelling) */
	cr_assert_eq(status_region("ML02", "Koulikouro", 0, &r), PLACE_NEAR_NAME);
	cr_assert_eq(r, region_index("Koulikoro"));
	/* "segu" (4 letters, limit 1) → "segou": one insertion */
	cr_assert_eq(status_region("ML04", "Segu", 0, &r), PLACE_NEAR_NAME);
	cr_assert_eq(r, region_index("Ségou"));
	/* a listed variant counts: "timbuktoo" → "timbuktu", two edits in 9 letters */
	cr_assert_eq(status_region("ML06", "Timbuktoo", 0, &r), PLACE_NEAR_NAME);
	cr_assert_eq(r, region_index("Tombouctou"));
	/* ML09's two regions: the closer spelling picks, whatever the system */
	cr_assert_eq(status_region("ML09", "Taoudenitt", SYS_OLD, &r), PLACE_NEAR_NAME);
	cr_assert_eq(r, region_index("Taoudénit"));
	cr_assert_eq(status_region("ML09", "Bamakou", SYS_NEW, &r), PLACE_NEAR_NAME);
	cr_assert_eq(r, region_index("Bamako"));
	/* "gau" (3 letters, limit 1) → "gao": one substitution */
	cr_assert_eq(status_region("ML07", "Gau", 0, &r), PLACE_NEAR_NAME);
	cr_assert_eq(r, region_index("Gao"));
	/* "gaoo" (4 letters, limit 1) → "gao": one deletion */
	cr_assert_eq(status_region("ML07", "Gaoo", 0, &r), PLACE_NEAR_NAME);
}

Test(gazetteer, names_too_far_or_without_a_code_stay_unknown)
{
	int r;
	/* "kulikuru" → "koulikoro": an insertion and two substitutions, 3 edits */
	cr_assert_eq(status_region("ML02", "Kulikuru", 0, &r), PLACE_UNKNOWN_NAME);
	cr_assert_eq(r, -1);
	/* no code, no region to be close to */
	cr_assert_eq(status_region(NULL, "Koulikouro", 0, &r), PLACE_UNKNOWN_NAME);
	/* "ga": two letters, no edit allowed */
	cr_assert_eq(status_region("ML07", "Ga", 0, &r), PLACE_UNKNOWN_NAME);
	/* close to Mopti, not to ML04's Ségou: unknown, never another region */
	cr_assert_eq(status_region("ML04", "Moptii", 0, &r), PLACE_UNKNOWN_NAME);
	/* a known name of another region is still a conflict */
	cr_assert_eq(status_region("ML02", "Kayes", 0, &r), PLACE_CONFLICT);
	cr_assert(!gazetteer_resolved(PLACE_CONFLICT));
	cr_assert(gazetteer_resolved(PLACE_NEAR_NAME) && gazetteer_resolved(PLACE_NAME_OVER_CODE));
}

static int status_cercle(const char *code, const char *name, const char *region, int *ce)
{
	*ce = 12345;
	return gazetteer_resolve_cercle_in(&cfg, code, name, region ? region_index(region) : -1, ce);
}

Test(gazetteer, cercle_near_miss_beside_its_code)
{
	int ce;
	/* "bafoulabee" → "bafoulabe": one deletion */
	cr_assert_eq(status_cercle("ML0101", "Bafoulabee", NULL, &ce), PLACE_NEAR_NAME);
	cr_assert_eq(ce, cercle_index("ML0101"));
	/* "tin esako" → "tin essako" (the name folded): one insertion */
	cr_assert_eq(status_cercle("ML0804", "Tin-Esako", "Kidal", &ce), PLACE_NEAR_NAME);
	cr_assert_eq(ce, cercle_index("ML0804"));
	/* "bafulabi" (8 letters) → "bafoulabe": an insertion and a substitution, 2 edits */
	cr_assert_eq(status_cercle("ML0101", "Bafulabi", NULL, &ce), PLACE_NEAR_NAME);
}

/* domain.md §4.2: the 2015 OCHA set numbers ML0101 Kayes, the 2020 table
 * ML1001 Andéramboukane and ML1003 Ménaka; a known name in the row's region
 * decides. */
Test(gazetteer, a_known_name_decides_against_another_numbering)
{
	int ce;
	cr_assert_eq(status_cercle("ML0101", "Kayes", "Kayes", &ce), PLACE_NAME_OVER_CODE);
	cr_assert_eq(ce, cercle_index("ML0103"));
	cr_assert_eq(status_cercle("ML1001", "Anderamboukane", "Ménaka", &ce), PLACE_NAME_OVER_CODE);
	cr_assert_eq(ce, cercle_index("ML1003"));
	cr_assert_eq(status_cercle("ML1003", "Menaka", "Ménaka", &ce), PLACE_NAME_OVER_CODE);
	cr_assert_eq(ce, cercle_index("ML1001"));
	/* no region given: the region of the code's cercle (Gao for ML0701) */
	cr_assert_eq(status_cercle("ML0701", "Bourem", NULL, &ce), PLACE_NAME_OVER_CODE);
	cr_assert_eq(ce, cercle_index("ML0702"));
	/* a new region holds the cercles carved into it: Diéma's code, Nioro's name */
	cr_assert_eq(status_cercle("ML0102", "Nioro", "Nioro", &ce), PLACE_NAME_OVER_CODE);
	cr_assert_eq(ce, cercle_index("ML0106"));
	/* the name's cercle outside the row's region: a conflict, as before */
	cr_assert_eq(status_cercle("ML0101", "Kayes", "Mopti", &ce), PLACE_CONFLICT);
	cr_assert_eq(ce, -1);
	/* agreeing code and name under the 2020 numbering */
	cr_assert_eq(status_cercle("ML1002", "Inekar", "Ménaka", &ce), PLACE_OK);
	cr_assert_eq(status_cercle("ML1004", "Tidermene", "Ménaka", &ce), PLACE_OK);
	/* the 2015 set's ML0704 (Ménaka in Gao) is no code here */
	cr_assert_eq(status_cercle("ML0704", "Ménaka", "Gao", &ce), PLACE_UNKNOWN_CODE);
}

Test(gazetteer, bamako_communes_resolve_to_the_cercle_of_bamako)
{
	int bamako = cercle_index("ML0901");
	cr_assert_str_eq(cercle_of(NULL, "Commune IV"), "ML0901");
	cr_assert_str_eq(cercle_of(NULL, "COMMUNE  iv"), "ML0901");
	cr_assert_str_eq(cercle_of(NULL, "Commune 4"), "ML0901");
	cr_assert_str_eq(cercle_of("ML090104", NULL), "ML0901");
	cr_assert_str_eq(cercle_of(" mli090106 ", "Commune VI"), "ML0901");
	cr_assert_str_eq(cercle_of("ML090101", "Bamako"), "ML0901");
	cr_assert_str_eq(cercle_of("ML0901", "Commune II"), "ML0901");
	cr_assert_eq(gazetteer_cercle_by_code(&cfg, "ml090103"), bamako);
	cr_assert_eq(gazetteer_cercle_by_code(&cfg, "ML0901"), bamako);
	cr_assert_eq(gazetteer_cercle_by_code(&cfg, "ML090107"), -1);
	cr_assert_eq(gazetteer_cercle_answering(&cfg, "commune v", -1), bamako);
	/* the commune column: only communes answer, never a cercle's own name */
	cr_assert_eq(gazetteer_commune_cercle(&cfg, "Commune III"), bamako);
	cr_assert_eq(gazetteer_commune_cercle(&cfg, "ML090105"), bamako);
	cr_assert_eq(gazetteer_commune_cercle(&cfg, "Bamako"), -1);
	cr_assert_eq(gazetteer_commune_cercle(&cfg, "Inékar"), -1);
	cr_assert_eq(gazetteer_commune_cercle(&cfg, "Commune VII"), -1);
	cr_assert_eq(gazetteer_commune_cercle(&cfg, ""), -1);
	cr_assert_eq(gazetteer_commune_cercle(&cfg, NULL), -1);
	/* cercles, not communes, are what the cercle index counts */
	cr_assert_eq(cfg.cercles[bamako].ncommunes, 6);
	cr_assert_str_eq(cfg.cercles[bamako].communes[3].name, "Commune IV");
	cr_assert_str_eq(cfg.cercles[bamako].communes[3].code, "ML090104");
}

Test(gazetteer, nara_and_menaka_cercles)
{
	cr_assert_str_eq(cercle_of("ML0207", "Nara"), "ML0207");
	cr_assert_eq(cfg.cercles[cercle_index("ML0207")].region_old, region_index("Koulikoro"));
	cr_assert_eq(cfg.cercles[cercle_index("ML0207")].region_new, region_index("Nara"));
	cr_assert_str_eq(cercle_of(NULL, "Andéramboukane"), "ML1003");
	cr_assert_str_eq(cercle_of(NULL, "Inékar"), "ML1002");
	cr_assert_str_eq(cercle_of(NULL, "TIDERMENE"), "ML1004");
	cr_assert_str_eq(cercle_of("ML1001", NULL), "ML1001");
	static const char *const menaka[] = { "ML1001", "ML1002", "ML1003", "ML1004" };
	for (size_t k = 0; k < 4; k++) {
		const struct cercle *ce = &cfg.cercles[cercle_index(menaka[k])];
		cr_assert_eq(ce->region_old, region_index("Ménaka"), "%s", menaka[k]);
		cr_assert_eq(ce->region_new, region_index("Ménaka"), "%s", menaka[k]);
	}
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

/* ---- what a written name means, beside a code ---------------------------- */

/* Issue 15: a suggestion never names the place the message already names
 * (the code's own); a known name says its code (and a cercle its region). */
Test(gazetteer, name_meaning_never_suggests_the_codes_own_place)
{
	char buf[200];
	int bafoulabe = gazetteer_cercle_coded(&cfg, "ML0101");
	/* four edits from "bafoulabe": too far to be taken for ML0101's cercle,
	 * and Bafoulabé, the only close name, is the code's own */
	gazetteer_cercle_name_meaning(&cfg, "Bafoulabeeee", bafoulabe, buf, sizeof buf);
	cr_assert_str_eq(buf, "is no cercle's name");
	gazetteer_cercle_name_meaning(&cfg, "Bafoulabeeee", -1, buf, sizeof buf);
	cr_assert_str_eq(buf, "is no cercle's name — did you mean Bafoulabé (ML0101)?");
	/* beside Diéma's code, Bafoulabé is another place: suggested */
	gazetteer_cercle_name_meaning(&cfg, "Bafoulabee", gazetteer_cercle_coded(&cfg, "ML0102"),
	                              buf, sizeof buf);
	cr_assert_str_eq(buf, "is no cercle's name — did you mean Bafoulabé (ML0101)?");
	/* "kida": Kidal and Kita tie; beside Kidal's code only Kita is left */
	gazetteer_region_name_meaning(&cfg, "Kida", region_index("Kidal"), buf, sizeof buf);
	cr_assert_str_eq(buf, "is no region's name — did you mean Kita (ML12)?");
}

Test(gazetteer, name_meaning_of_a_known_name)
{
	char buf[200];
	gazetteer_cercle_name_meaning(&cfg, "KAYES", gazetteer_cercle_coded(&cfg, "ML0101"),
	                              buf, sizeof buf);
	cr_assert_str_eq(buf, "is ML0103, in Kayes");
	gazetteer_cercle_name_meaning(&cfg, "Menaka", -1, buf, sizeof buf);
	cr_assert_str_eq(buf, "is ML1001, in Ménaka");
	gazetteer_region_name_meaning(&cfg, "Mopti", region_index("Ségou"), buf, sizeof buf);
	cr_assert_str_eq(buf, "is ML05");
	gazetteer_region_name_meaning(&cfg, "Nioro", -1, buf, sizeof buf);
	cr_assert_str_eq(buf, "is ML11");
}
