/* Intervention types against the frozen copy of the shipped config.ini:
 * code, label, then the longest whole-word keyword, all compared by stems;
 * and the wordings of public CP material (tests/fixtures/itypes/). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "csvline.h"
#include "itype.h"
#include "load.h"
#include "table.h"
#include "plan_fixture.h"
#include "text.h"

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
	cr_assert_str_eq(type_of("Soutien aux familles"), "PAR");
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

/* A text and the code it must resolve to ("-": no type). */
struct text_type {
	const char *text, *code;
};

static void expect_types(const struct text_type *cases, size_t n)
{
	for (size_t i = 0; i < n; i++)
		cr_expect_str_eq(type_of(cases[i].text), cases[i].code, "'%s'", cases[i].text);
}

Test(itype, plural_feminine_and_spacing_forms)
{
	static const struct text_type cases[] = {
		{ "Espaces amis des enfants", "EAE" },      /* the label */
		{ "Espace ami des enfants", "EAE" },        /* the label, singular */
		{ "espaces sécurisées", "EAE" },            /* keyword "espace securise" */
		{ "Enfants non accompagnées", "ENA" },      /* keyword "non accompagne" */
		{ "prise en charge psycho-sociale", "PSS" },
		{ "PRISE EN CHARGE  PSYCHOSOCIALE", "PSS" },
		{ "Education au risque des mines", "EREE" },
		{ "Jugements supplétifs", "EC" },
		{ "Sensibiliser les parents", "SENS" },     /* verb and noun share a stem */
	};
	expect_types(cases, sizeof cases / sizeof cases[0]);
}

Test(itype, abbreviations_and_synonyms)
{
	static const struct text_type cases[] = {
		{ "EORE", "EREE" }, { "ERM", "EREE" },
		{ "EROE", "EREE" },                          /* as written in an HRP logframe */
		{ "Civil documentation", "EC" }, { "Birth certificates", "EC" },
		{ "CMGT", "GC" }, { "ESFGA", "EAFGA" },
	};
	expect_types(cases, sizeof cases / sizeof cases[0]);
}

/* "reintegration" and "reinsertion" are context keywords of EAFGA: alone
 * (an adults' income-generating activity) they are no CP type; beside a
 * second word of the type they are.  The same for training (RC) and the
 * mine words of EREE. */
Test(itype, context_keyword_needs_a_second_word)
{
	static const struct text_type cases[] = {
		{ "Réinsertion socio-économique", "-" },
		{ "Socio-economic reintegration", "-" },
		{ "Reintegration", "-" },
		{ "Libération et réintégration", "EAFGA" },
		{ "Réinsertion des enfants ex-combattants", "EAFGA" },
		{ "Réintégration socio-économique des EAFGA", "EAFGA" },
		{ "Formation professionnelle des jeunes", "-" },
		{ "Formation des acteurs", "RC" },
		{ "enfants dans les mines d'or", "-" },
		{ "Mines et restes d'explosifs", "EREE" },
	};
	expect_types(cases, sizeof cases / sizeof cases[0]);
}

Test(itype, stems)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "espaces securisees", "espac securis" },
		{ "espace securise", "espac securis" },
		{ "psychosociaux psychosociales psychosocial", "psychosocial psychosocial psychosocial" },
		{ "individuelle individuels", "individuel individuel" },
		{ "activities activity", "activiti activiti" },
		{ "alternative alternatif", "alternatif alternatif" },
		{ "bureaux", "bureau" },
		{ "sensibiliser sensibilisation sensibilisees", "sensibilis sensibilis sensibilis" },
		{ "premiere premiers", "premi premi" },
		{ "armees arme armes", "arme arme arme" },
		{ "mines mine", "mine mine" },
		{ "access stress", "access stress" },        /* a double s is no plural */
		{ "eae ena uasc eree", "eae ena uasc eree" },  /* acronyms of 4 letters or fewer */
		{ "ml0101s r2s", "ml0101s r2s" },            /* words with digits */
		{ "", "" },
	};
	char out[64];
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		text_stem(cases[i].in, out, sizeof out);
		cr_expect_str_eq(out, cases[i].out, "stem of '%s'", cases[i].in);
	}
	/* in place, and bounded: a word that does not fit is left out whole */
	char buf[] = "familles separees";
	text_stem(buf, buf, sizeof buf);
	cr_expect_str_eq(buf, "famill separ");
	text_stem("familles separees", out, 10);
	cr_expect_str_eq(out, "famill");
}

/* ---- the wording fixtures --------------------------------------------------- */

#define FX_WORDINGS "tests/fixtures/itypes/wordings.csv"
#define FX_NOT_CP "tests/fixtures/itypes/not_cp.csv"

struct cells {
	char text[4][512];
	int n;
};

static void on_cell(void *cell, size_t len, void *data)
{
	struct cells *c = data;
	if (c->n < 4) {
		size_t k = len < sizeof c->text[0] - 1 ? len : sizeof c->text[0] - 1;
		memcpy(c->text[c->n], cell, k);
		c->text[c->n][k] = '\0';
	}
	c->n++;
}

/* Reads the next record of a fixture (one record a line); false at the end. */
static bool next_record(FILE *f, struct cells *c, size_t want)
{
	char line[2048];
	struct csvline_cells scratch = { 0 };
	enum csvline_result r;

	do {
		if (!fgets(line, sizeof line, f)) {
			free(scratch.bytes);
			free(scratch.offs);
			free(scratch.line);
			return false;
		}
		c->n = 0;
		r = csvline_split(line, strlen(line), ',', &scratch);
	} while (r == CSVLINE_BLANK);
	for (size_t i = 0; r == CSVLINE_RECORD && i < scratch.n; i++)
		on_cell(scratch.bytes + scratch.offs[i], csvline_cell_len(&scratch, i), c);
	free(scratch.bytes);
	free(scratch.offs);
	free(scratch.line);
	cr_assert_eq(r, CSVLINE_RECORD, "not a simple CSV line: %s", line);
	cr_assert_eq((size_t)c->n, want, "expected %zu cells: %s", want, line);
	return true;
}

static FILE *open_fixture(const char *path, size_t ncells)
{
	struct cells header;
	FILE *f = fopen(path, "r");
	cr_assert_not_null(f, "%s", path);
	cr_assert(next_record(f, &header, ncells));   /* the header */
	return f;
}

/* At least 150 wordings from public CP AoR and 4W material (README.md of
 * the fixture names each source); at least 95 % resolve to the type a
 * person gives them.  The misses are printed. */
Test(itype, public_wordings_at_least_95_percent)
{
	FILE *f = open_fixture(FX_WORDINGS, 4);
	struct cells c;
	unsigned total = 0, matched = 0;

	while (next_record(f, &c, 4)) {
		const char *got = type_of(c.text[0]);
		total++;
		cr_assert(strcmp(c.text[1], "type") == 0 || strcmp(c.text[1], "activity") == 0,
		          "column must be type or activity: %s", c.text[1]);
		cr_assert_not_null(fx_type(&cfg, c.text[2]) >= 0 ? c.text[2] : NULL,
		                   "not a type code: %s", c.text[2]);
		if (strcmp(got, c.text[2]) == 0)
			matched++;
		else
			fprintf(stderr, "itype miss: %s '%s': expected %s, got %s\n", c.text[1],
			        c.text[0], c.text[2], got);
	}
	fclose(f);
	fprintf(stderr, "itype wordings: %u of %u matched (%.1f %%)\n", matched, total,
	        100.0 * matched / total);
	cr_assert_geq(total, 150);
	cr_assert_geq(matched * 100, total * 95, "%u of %u matched", matched, total);
}

/* Activities of other sectors (WASH, shelter, food, nutrition,
 * livelihoods, general protection) and CP concerns with no type of their
 * own: none gets a CP type. */
Test(itype, other_sectors_get_no_cp_type)
{
	FILE *f = open_fixture(FX_NOT_CP, 3);
	struct cells c;
	unsigned total = 0, wrong = 0;
	int other = fx_type(&cfg, "AUTRE");

	while (next_record(f, &c, 3)) {
		int t = itype_resolve(&cfg, c.text[0]);
		total++;
		if (t >= 0 && t != other) {
			wrong++;
			fprintf(stderr, "itype false positive: '%s' (%s) -> %s\n", c.text[0],
			        c.text[1], cfg.types[t].code);
		}
	}
	fclose(f);
	cr_assert_geq(total, 40);
	cr_assert_eq(wrong, 0, "%u of %u activities of other sectors got a CP type", wrong, total);
}

/* ---- the fourth field of [types] -------------------------------------------- */

/* tests/fixtures/itypes/<name>.ini: the smallest config that loads, with
 * the [types] lines a test needs. */
static bool load_types(struct config *c, struct error *e, const char *name)
{
	char path[128];
	snprintf(path, sizeof path, "tests/fixtures/itypes/%s.ini", name);
	memset(c, 0, sizeof *c);
	return config_load(c, path, e);
}

/* Context keywords: one word never counts twice ("demobilise" and
 * "demobilisation" share a stem), two different ones do. */
Test(itype, context_keywords_from_config)
{
	struct config c;
	struct error e;
	cr_assert(load_types(&c, &e, "context_keywords"), "%s", e.msg);
	cr_expect_eq(c.types[0].ncontext, 2);   /* demobilis, liber */
	cr_expect_eq(itype_resolve(&c, "Démobilisation"), -1);
	cr_expect_eq(itype_resolve(&c, "démobilisation et libération"), 0);
	cr_expect_eq(itype_resolve(&c, "CAAFAG"), 0);
	config_free(&c);
}

/* A keyword whose stem is another type's keyword, or context keyword,
 * would be decided by the order of [types]: refused, naming both. */
Test(itype, keyword_stem_of_two_types_is_refused)
{
	struct config c;
	struct error e;
	cr_assert_not(load_types(&c, &e, "stem_two_types"));
	cr_expect(strstr(e.msg, "stem_two_types.ini:13: [types] BB: keyword 'espac securis' is "
	                 "also one of AA"), "%s", e.msg);
	config_free(&c);
	cr_assert_not(load_types(&c, &e, "stem_two_types_context"));
	cr_expect(strstr(e.msg, "stem_two_types_context.ini:13: [types] BB: keyword 'liber' is "
	                 "also one of AA"), "%s", e.msg);
	config_free(&c);
}

/* ---- a row: the type column first -------------------------------------------- */

/* The type a partner wrote wins over what the activity says, even when it
 * names no type (AUTRE, with a warning); the activity is read only when
 * the type column is empty. */
Test(itype, the_type_column_wins_over_the_activity)
{
	static const char sheet[] =
		"Organisation,Region,Cercle,Intervention type,Activity,Reporting month,Total\n"
		"IRC,Mopti,Mopti,Gestion de cas,Sensibilisation des parents,2024-01,5\n"
		"IRC,Mopti,Mopti,,Sensibilisation des parents,2024-01,7\n"
		"IRC,Mopti,Mopti,Appui scolaire,Soutien psychosocial,2024-01,9\n";
	struct table t;
	struct error e;
	size_t from_activity = 0, unknown = 0;

	table_init(&t);
	cr_assert(load_buffer(&t, &cfg, "sheet.csv", sheet, strlen(sheet), &e), "%s", e.msg);
	cr_assert_eq(t.len, 3);
	for (size_t i = 0; i < t.len; i++) {
		uint32_t line = t.rows[i].line;
		cr_expect_str_eq(cfg.types[t.rows[i].itype].code,
		                 line == 2 ? "GC" : line == 3 ? "SENS" : "AUTRE", "line %u", line);
	}
	for (size_t i = 0; i < t.diags.len; i++) {
		from_activity += diag_words_at(&t.diags, i)->code == DC_TYPE_FROM_ACTIVITY;
		unknown += diag_words_at(&t.diags, i)->code == DC_UNKNOWN_TYPE;
	}
	cr_expect_eq(from_activity, 1);
	cr_expect_eq(unknown, 1);
	table_free(&t);
}
