/* i18n: the words the user reads, in the user's language.
 *
 * Every text a person reads on the screen, in the text and Markdown
 * reports, in check's messages and in --help goes through _() (or N_() where
 * it sits in a static table and is translated where it is printed).  What
 * machines read — the CSV report's header and cells, diagnostic codes,
 * config keys, HXL tags — never does.
 *
 * English is the source language; French comes from GNU gettext's
 * catalogue po/fr.po (domain "fourw").  The language is chosen by the
 * strongest of three sources: --lang, then config.ini's [ui] language, then
 * the locale (the first non-empty of LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as
 * gettext reads them).  French works on a server with no French locale:
 * the catalogue is read under C.UTF-8 when the locale is C or missing. */
#ifndef FOURW_I18N_H
#define FOURW_I18N_H

#include <stdbool.h>

enum i18n_lang { I18N_EN, I18N_FR };

/* Weakest first: a choice replaces one from a source no stronger. */
enum i18n_source { I18N_FROM_LOCALE, I18N_FROM_CONFIG, I18N_FROM_OPTION };

/* "fr", "en" (any case; "fr_FR.UTF-8", "french", "français" too) into *out;
 * false for anything else. */
bool i18n_parse(const char *s, enum i18n_lang *out);

/* Chooses lang when src is at least as strong as the source of the
 * language in force. */
void i18n_choose(enum i18n_source src, enum i18n_lang lang);

/* The locale's choice: French when the first non-empty of LANGUAGE (its
 * first entry), LC_ALL, LC_MESSAGES and LANG starts with "fr". */
void i18n_choose_from_environment(void);

/* With French chosen, the catalogue's path when it cannot be read (texts
 * then stay English), else NULL: the front end says so. */
const char *i18n_missing_catalogue(void);

enum i18n_lang i18n_language(void);
static inline bool i18n_french(void) { return i18n_language() == I18N_FR; }

/* The translation of msgid in the language chosen, or msgid itself. */
const char *i18n_text(const char *msgid);
/* The singular or plural form of a message counted n, translated. */
const char *i18n_plural(const char *singular, const char *plural, unsigned long n);

/* msgid as the heading of a narrow column: French may need a shorter
 * word there than elsewhere ("Partners" is "Partenaires" in a sentence,
 * "Acteurs" over eight columns). */
const char *i18n_column(const char *msgid);

#define _(msgid) i18n_text(msgid)
#define N_(msgid) (msgid)
/* gettext's contexts: C_("column", "Partners") is translated apart from
 * "Partners"; NC_ marks one in a static table, translated by C_ later. */
#define C_(ctx, msgid) i18n_context(ctx, msgid)
#define NC_(ctx, msgid) (msgid)
const char *i18n_context(const char *ctx, const char *msgid);
#define P_(singular, plural, n) i18n_plural(singular, plural, (unsigned long)(n))

#endif
