/* French: the language choice (--lang, [ui] language, the locale), French
 * figures from fmt.c, and the catalogue build/locale read under C.UTF-8.
 * Criterion runs each test in its own process, so a language chosen in one
 * does not leak into the next. */
#include <criterion/criterion.h>

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "date.h"
#include "diag_kind.h"
#include "fmt.h"
#include "gap.h"
#include "i18n.h"
#include "format.h"
#include "parse.h"

#define NBSP "\xc2\xa0"

static void french(void)
{
	i18n_choose(I18N_FROM_OPTION, I18N_FR);
}

Test(i18n, english_by_default_and_identity)
{
	cr_assert_eq(i18n_language(), I18N_EN);
	cr_assert_str_eq(_("Reached"), "Reached");
	cr_assert_str_eq(P_("%s  (%zu row)", "%s  (%zu rows)", 1), "%s  (%zu row)");
	cr_assert_str_eq(P_("%s  (%zu row)", "%s  (%zu rows)", 0), "%s  (%zu rows)");
}

Test(i18n, parse_names_and_locales)
{
	enum i18n_lang l = I18N_EN;
	cr_assert(i18n_parse("fr", &l) && l == I18N_FR);
	cr_assert(i18n_parse("EN", &l) && l == I18N_EN);
	cr_assert(i18n_parse("fr_FR.UTF-8", &l) && l == I18N_FR);
	cr_assert(i18n_parse("en_GB", &l) && l == I18N_EN);
	cr_assert(i18n_parse("français", &l) && l == I18N_FR);
	cr_assert(!i18n_parse("de", &l));
	cr_assert(!i18n_parse("C.UTF-8", &l));
	cr_assert(!i18n_parse("", &l));
}

/* The option beats config.ini, which beats the locale, whatever the order. */
Test(i18n, stronger_source_wins)
{
	i18n_choose(I18N_FROM_OPTION, I18N_EN);
	i18n_choose(I18N_FROM_CONFIG, I18N_FR);
	i18n_choose(I18N_FROM_LOCALE, I18N_FR);
	cr_assert_eq(i18n_language(), I18N_EN);
}

Test(i18n, config_beats_locale)
{
	i18n_choose(I18N_FROM_LOCALE, I18N_FR);
	i18n_choose(I18N_FROM_CONFIG, I18N_EN);
	cr_assert_eq(i18n_language(), I18N_EN);
}

/* The first non-empty of LANGUAGE, LC_ALL, LC_MESSAGES, LANG; LANGUAGE's
 * first entry; no French locale needs to be installed for this. */
Test(i18n, environment_first_non_empty)
{
	setenv("LANGUAGE", "", 1);
	setenv("LC_ALL", "", 1);
	setenv("LC_MESSAGES", "fr_FR.UTF-8", 1);
	setenv("LANG", "en_US.UTF-8", 1);
	i18n_choose_from_environment();
	cr_assert_eq(i18n_language(), I18N_FR);
}

Test(i18n, environment_language_list)
{
	setenv("LANGUAGE", "en:fr", 1);
	setenv("LANG", "fr_FR.UTF-8", 1);
	i18n_choose_from_environment();
	cr_assert_eq(i18n_language(), I18N_EN);
}

Test(i18n, environment_c_is_english)
{
	unsetenv("LANGUAGE");
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	setenv("LANG", "C.UTF-8", 1);
	i18n_choose_from_environment();
	cr_assert_eq(i18n_language(), I18N_EN);
}

/* The catalogue is read from build/locale beside the test binary, under
 * the C locale the tests run in (no fr_FR installed). */
Test(i18n, french_catalogue_read)
{
	french();
	cr_assert_str_eq(_("Reached"), "Atteintes");
	cr_assert_str_eq(C_("column", "Partners"), "Acteurs");
	cr_assert_str_eq(_("Partners"), "Partenaires");
	cr_assert_str_eq(P_("%s  (%zu row)", "%s  (%zu rows)", 1), "%s  (%zu ligne)");
	cr_assert_str_eq(P_("%s  (%zu row)", "%s  (%zu rows)", 2), "%s  (%zu lignes)");
	cr_assert_str_eq(_("no such text"), "no such text");
	cr_assert_str_eq(severity_label(SEV_CRITICAL), "critique");
	cr_assert_str_eq(severity_name(SEV_CRITICAL), "critical");   /* the CSV's */
}

Test(i18n, french_figures)
{
	char b[32];
	french();
	cr_assert_str_eq(fmt_int(1300000, b), "1" NBSP "300" NBSP "000");
	cr_assert_str_eq(fmt_int(-1000, b), "-1" NBSP "000");
	cr_assert_str_eq(fmt_int(999, b), "999");
	cr_assert_str_eq(fmt_pct(44.8, b), "44,8" NBSP "%");
	cr_assert_str_eq(fmt_pct(0.0, b), "0,0" NBSP "%");
	/* the shorter form where the tenths do not fit: 111.4 rounds to 111 */
	cr_assert_str_eq(fmt_pct_whole(111.4, b), "111" NBSP "%");
	cr_assert_str_eq(fmt_short(1300000, b), "1,3" NBSP "M");
	cr_assert_str_eq(fmt_short(412000, b), "412" NBSP "k");
	cr_assert_str_eq(fmt_short(950, b), "950");
	cr_assert_str_eq(fmt_short(2500000000LL, b), "2,5" NBSP "Md");
}

/* The widest int64 still fits in fmt_int's 32 bytes: from 10^18 up the
 * groups are set apart by plain spaces. */
Test(i18n, french_widest_integers_fit)
{
	char b[32];
	french();
	cr_assert_str_eq(fmt_int(INT64_MIN, b), "-9 223 372 036 854 775 808");
	cr_assert_str_eq(fmt_int(INT64_MAX, b), "9 223 372 036 854 775 807");
	cr_assert_str_eq(fmt_int(999999999999999999LL, b),
	                 "999" NBSP "999" NBSP "999" NBSP "999" NBSP "999" NBSP "999");
}

Test(i18n, months)
{
	char b[FMT_MONTH_SIZE];
	cr_assert_str_eq(fmt_month(month_index(2024, 4), b), "2024-04");
	french();
	cr_assert_str_eq(fmt_month(month_index(2024, 4), b), "avril 2024");
	cr_assert_str_eq(fmt_month(month_index(2024, 2), b), "février 2024");
	cr_assert_str_eq(fmt_month(month_index(2023, 12), b), "décembre 2023");
	cr_assert_str_eq(fmt_month(-1, b), "aucun");
}

/* The screen's months: abbreviated where the French word is long, and
 * every one as narrow as the month column the rows and partners views
 * give them. */
Test(i18n, screen_months)
{
	char b[16];
	cr_assert_str_eq(format_month(month_index(2024, 4), b), "2024-04");
	cr_assert_eq(format_month_width(), 7);
	french();
	cr_assert_str_eq(format_month(month_index(2024, 4), b), "avr. 2024");
	cr_assert_str_eq(format_month(month_index(2024, 2), b), "févr. 2024");
	cr_assert_str_eq(format_month(month_index(2024, 5), b), "mai 2024");
	cr_assert_str_eq(format_month(-1, b), "aucun");
	for (int m = 1; m <= 12; m++)
		cr_assert_leq(format_width(format_month(month_index(2024, m), b), false),
		              format_month_width(), "%s", b);
}

/* check's words agree with their count as French wants: one and zero
 * take the singular ("0 rejetée", "1 ligne lue"). */
Test(i18n, counts_agree)
{
	french();
	cr_assert_str_eq(P_("%s rows read", "%s rows read", 0), "%s ligne lue");
	cr_assert_str_eq(P_("%s rows read", "%s rows read", 1), "%s ligne lue");
	cr_assert_str_eq(P_("%s rows read", "%s rows read", 2), "%s lignes lues");
	cr_assert_str_eq(P_("%s rejected", "%s rejected", 1), "%s rejetée");
	cr_assert_str_eq(severity_count_format(SEV_CRITICAL, 3), "%zu critiques");
	cr_assert_str_eq(severity_count_format(SEV_HIGH, 1), "%zu élevée");
	cr_assert_str_eq(parse_num_status_text(NUM_NEGATIVE), "est négatif");
}

/* One owner for a kind's words in both languages: diag_kind.c. */
Test(i18n, diag_kinds_follow_the_language)
{
	const char *en = diag_kind_name_in(DC_UNKNOWN_CERCLE, false);
	const char *fr = diag_kind_name_in(DC_UNKNOWN_CERCLE, true);
	cr_assert_str_eq(diag_kind_name(DC_UNKNOWN_CERCLE), en);
	french();
	cr_assert_str_eq(diag_kind_name(DC_UNKNOWN_CERCLE), fr);
	cr_assert_str_eq(diag_kind_name_in(DC_UNKNOWN_CERCLE, false), en);
	cr_assert_str_neq(diag_kind_meaning(DC_UNKNOWN_CERCLE), "the cercle is unknown (counted at region level)");
}

Test(i18n, type_labels)
{
	struct itype t = { .code = "GC", .label_en = "Case management", .label_fr = "Gestion de cas" };
	struct itype no_fr = { .code = "X", .label_en = "Other" };
	cr_assert_str_eq(itype_label(&t), "Case management");
	french();
	cr_assert_str_eq(itype_label(&t), "Gestion de cas");
	cr_assert_str_eq(itype_label(&no_fr), "Other");
}

/* An ASCII screen (--ascii, or a locale that is not UTF-8) shows French
 * figures and apostrophes readably, one column each as on a UTF-8 one. */
Test(i18n, ascii_screen_twins)
{
	char out[64];
	cr_assert(setlocale(LC_CTYPE, "C.UTF-8") != NULL);   /* wcwidth for the UTF-8 width */
	cr_assert_eq(format_width("1" NBSP "300" NBSP "000", false), 9);
	format_clip("1" NBSP "300" NBSP "000", 20, true, out, sizeof out);
	cr_assert_str_eq(out, "1 300 000");
	format_clip("44,8" NBSP "% d\xe2\x80\x99intervention N\xc2\xb0", 40, true, out, sizeof out);
	cr_assert_str_eq(out, "44,8 % d'intervention No");
}
