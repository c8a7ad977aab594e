/* i18n: see i18n.h.
 *
 * glibc's gettext reads the catalogue of the language in LANGUAGE only when
 * the LC_MESSAGES locale is not "C"; C.UTF-8 is on every Debian system (no
 * French locale needed), so French runs under it when the user's own locale
 * is C, POSIX or not installed.  Texts come back in UTF-8 whatever LC_CTYPE
 * says: the screen's ASCII mode and the reports take UTF-8. */
#include "i18n.h"

#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define DOMAIN "fourw"
#ifndef FOURW_LOCALEDIR
#define FOURW_LOCALEDIR "/usr/local/share/locale"
#endif

static enum i18n_lang language = I18N_EN;
static char catalogue_dir[4096];
static enum i18n_source chosen_by = I18N_FROM_LOCALE;
static bool catalogue_bound;

bool i18n_parse(const char *s, enum i18n_lang *out)
{
	static const char *const fr[] = { "fr", "french", "français", "francais", NULL };
	static const char *const en[] = { "en", "english", "anglais", NULL };
	if (!s)
		return false;
	for (int k = 0; fr[k]; k++)
		if (!strcasecmp(s, fr[k]))
			return *out = I18N_FR, true;
	for (int k = 0; en[k]; k++)
		if (!strcasecmp(s, en[k]))
			return *out = I18N_EN, true;
	/* A locale name: "fr_FR.UTF-8", "en_GB", "fr-CA". */
	if ((s[0] == 'f' || s[0] == 'e') && s[1] && (s[2] == '_' || s[2] == '-' || s[2] == '.')) {
		*out = !strncmp(s, "fr", 2) ? I18N_FR : I18N_EN;
		return !strncmp(s, "fr", 2) || !strncmp(s, "en", 2);
	}
	return false;
}

static bool is_plain_c(const char *locale)
{
	return !locale || !strcmp(locale, "C") || !strcmp(locale, "POSIX");
}

/* The catalogue beside the binary ($(O)/locale, so build/fourw reads the
 * one it was built with), else $FOURW_LOCALEDIR, else the installed one. */
static const char *locale_dir(char *buf, size_t size)
{
	const char *env = getenv("FOURW_LOCALEDIR");
	if (env && *env)
		return env;
	ssize_t n = readlink("/proc/self/exe", buf, size - 1);
	if (n > 0) {
		buf[n] = '\0';
		char *slash = strrchr(buf, '/');
		const char *tail = "/locale/fr/LC_MESSAGES/" DOMAIN ".mo";
		if (slash && (size_t)(slash - buf) + strlen(tail) < size) {
			strcpy(slash, tail);
			if (access(buf, R_OK) == 0) {
				strcpy(slash, "/locale");
				return buf;
			}
		}
	}
	return FOURW_LOCALEDIR;
}

/* The locale named by the environment asks for UTF-8 ("fr_FR.UTF-8" that
 * is not installed still says the terminal speaks UTF-8). */
static bool environment_wants_utf8(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG", NULL };
	for (int k = 0; vars[k]; k++) {
		const char *v = getenv(vars[k]);
		if (v && *v) {
			const char *dot = strchr(v, '.');
			return dot && (!strncasecmp(dot, ".utf-8", 6) || !strncasecmp(dot, ".utf8", 5));
		}
	}
	return false;
}

static void bind_catalogue(void)
{
	char buf[4096];
	if (catalogue_bound)
		return;
	catalogue_bound = true;
	if (is_plain_c(setlocale(LC_CTYPE, NULL)) && environment_wants_utf8())
		setlocale(LC_CTYPE, "C.UTF-8");
	if (is_plain_c(setlocale(LC_MESSAGES, NULL)) && !setlocale(LC_MESSAGES, "C.UTF-8"))
		setlocale(LC_MESSAGES, "C.utf8");
	snprintf(catalogue_dir, sizeof catalogue_dir, "%s", locale_dir(buf, sizeof buf));
	bindtextdomain(DOMAIN, catalogue_dir);
	bind_textdomain_codeset(DOMAIN, "UTF-8");
}

void i18n_choose(enum i18n_source src, enum i18n_lang lang)
{
	if (src < chosen_by)
		return;
	chosen_by = src;
	language = lang;
	if (lang == I18N_FR) {
		/* Before any translation is looked up: gettext keeps what it found
		 * for the language it first saw. */
		setenv("LANGUAGE", "fr", 1);
		bind_catalogue();
	}
}

void i18n_choose_from_environment(void)
{
	static const char *const vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", NULL };
	for (int k = 0; vars[k]; k++) {
		const char *v = getenv(vars[k]);
		if (v && *v) {
			/* LANGUAGE is a list ("fr:en"): its first entry leads. */
			char first[64];
			size_t len = strcspn(v, ":");
			enum i18n_lang lang = I18N_EN;
			if (len >= sizeof first)
				len = sizeof first - 1;
			memcpy(first, v, len);
			first[len] = '\0';
			i18n_parse(first, &lang);
			i18n_choose(I18N_FROM_LOCALE, lang);
			return;
		}
	}
}

const char *i18n_missing_catalogue(void)
{
	static char path[4200];
	if (language == I18N_EN)
		return NULL;
	snprintf(path, sizeof path, "%s/fr/LC_MESSAGES/" DOMAIN ".mo", catalogue_dir);
	return access(path, R_OK) == 0 ? NULL : path;
}

enum i18n_lang i18n_language(void)
{
	return language;
}

const char *i18n_text(const char *msgid)
{
	return language == I18N_EN || !*msgid ? msgid : dgettext(DOMAIN, msgid);
}

const char *i18n_context(const char *ctx, const char *msgid)
{
	char key[256];
	size_t lc = strlen(ctx), lm = strlen(msgid);
	if (language == I18N_EN || lc + lm + 2 > sizeof key)
		return msgid;
	/* gettext keys a context as "ctx\004msgid" (what pgettext builds). */
	memcpy(key, ctx, lc);
	key[lc] = '\004';
	memcpy(key + lc + 1, msgid, lm + 1);
	const char *t = dgettext(DOMAIN, key);
	return t == key ? msgid : t;
}

const char *i18n_column(const char *msgid)
{
	return i18n_context("column", msgid);
}

const char *i18n_plural(const char *singular, const char *plural, unsigned long n)
{
	if (language == I18N_EN)
		return n == 1 ? singular : plural;
	return dngettext(DOMAIN, singular, plural, n);
}
