/* Intervention types against the shipped config.ini: code, label, then the
 * longest whole-word keyword. */
#include <criterion/criterion.h>
#include <string.h>

#include "config.h"
#include "itype.h"
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

TestSuite(itype, .init = setup, .fini = teardown);

/* The code of the type resolved, or "-" when none. */
static const char *type_of(const char *text)
{
	int t = itype_resolve(&cfg, text);
	return t < 0 ? "-" : cfg.types[t].code;
}

Test(itype, by_code)
{
	cr_assert_str_eq(type_of("GC"), "GC");
	cr_assert_str_eq(type_of(" gc "), "GC");
	cr_assert_str_eq(type_of("Eafga"), "EAFGA");
	/* "par" is PAR's code only as the whole text, never as a word */
	cr_assert_str_eq(type_of("PAR"), "PAR");
	cr_assert_str_eq(type_of("Causerie par quartier"), "SENS");
}

Test(itype, by_label_english_or_french)
{
	cr_assert_str_eq(type_of("Gestion de cas"), "GC");
	cr_assert_str_eq(type_of("case management"), "GC");
	cr_assert_str_eq(type_of("CASE MANAGEMENT"), "GC");
	cr_assert_str_eq(type_of("Autre"), "AUTRE");
	cr_assert_str_eq(type_of("Other"), "AUTRE");
	cr_assert_str_eq(type_of("Prévention VBG / mariage d'enfants"), "VBG");
}

Test(itype, by_keyword_as_whole_words)
{
	cr_assert_str_eq(type_of("EAE fixe"), "EAE");
	cr_assert_str_eq(type_of("Soutien psychosocial"), "PSS");
	cr_assert_str_eq(type_of("ENA/ES"), "ENA");
	cr_assert_str_eq(type_of("Prise en charge des ENA"), "ENA");
	cr_assert_str_eq(type_of("Risk education (mines, UXO)"), "EREE");
	cr_assert_str_eq(type_of("Acte de naissance / état civil"), "EC");
	cr_assert_str_eq(type_of("Child-friendly spaces"), "EAE");
	cr_assert_str_eq(type_of("UASC - family tracing and reunification"), "ENA");
	cr_assert_str_eq(type_of("Réintégration EAFGA"), "EAFGA");
}

Test(itype, longest_keyword_wins)
{
	/* "famille d accueil" (ENA, 17) beats "famille" (PAR, 7) */
	cr_assert_str_eq(type_of("Placement en famille d'accueil transitoire (FAT)"), "ENA");
	cr_assert_str_eq(type_of("Famille"), "PAR");
	/* "psychosocial" (PSS, 12) beats "eae" (EAE, 3) and "parents" (PAR, 7) */
	cr_assert_str_eq(type_of("Soutien psychosocial aux parents dans les EAE"), "PSS");
}

Test(itype, nothing_matches)
{
	cr_assert_str_eq(type_of("financement"), "-");   /* no whole-word hit */
	cr_assert_str_eq(type_of("Appui scolaire"), "-");
	cr_assert_str_eq(type_of(""), "-");
	cr_assert_str_eq(type_of(" - "), "-");
	cr_assert_eq(itype_resolve(&cfg, NULL), -1);
}
