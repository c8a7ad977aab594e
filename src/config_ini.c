/* config_ini: config.ini as it was written (see config_ini.h). */
#include "config_ini.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "parse.h"
#include "readfile.h"
#include "text.h"
#include "xalloc.h"

/* ---- errors --------------------------------------------------------------- */

static bool vfail(struct ini_file *L, unsigned line, const char *what,
                  const char *fmt, va_list ap)
{
	char msg[768];
	vsnprintf(msg, sizeof msg, _(fmt), ap);   /* the callers' texts: xgettext reads them (Makefile) */
	if (line > 0)
		return error_set(L->e, "%s:%u: %s: %s", L->path, line, what, msg);
	return error_set(L->e, "%s: %s: %s", L->path, what, msg);
}

static const struct ini_entry *find_entry(const struct ini_file *L, const char *sec,
                                          const char *key)
{
	for (size_t i = 0; i < L->nents; i++)
		if (strcmp(L->ents[i].section, sec) == 0 && strcmp(L->ents[i].key, key) == 0)
			return &L->ents[i];
	return NULL;
}

static unsigned section_line(const struct ini_file *L, const char *sec)
{
	for (size_t i = 0; i < L->nsecs; i++)
		if (strcmp(L->secs[i].name, sec) == 0)
			return L->secs[i].line;
	return 0;
}

/* An error about [sec] key: on the key's line, or, for a missing key, on
 * the section's header. */
bool ini_fail_key(struct ini_file *L, const char *sec, const char *key,
                  const char *fmt, ...)
{
	const struct ini_entry *en = find_entry(L, sec, key);
	char what[300];
	va_list ap;
	bool r;

	snprintf(what, sizeof what, "[%s] %s", sec, en ? en->written : key);
	va_start(ap, fmt);
	r = vfail(L, en ? en->line : section_line(L, sec), what, fmt, ap);
	va_end(ap);
	return r;
}

/* An error about a section as a whole. */
bool ini_fail_section(struct ini_file *L, const char *sec, const char *fmt, ...)
{
	char what[300];
	va_list ap;
	bool r;

	snprintf(what, sizeof what, "[%s]", sec);
	va_start(ap, fmt);
	r = vfail(L, section_line(L, sec), what, fmt, ap);
	va_end(ap);
	return r;
}

/* The value iniparser read for [sec] key, or NULL if the key is absent. */
const char *ini_get(const struct ini_file *L, const char *sec, const char *key)
{
	char full[2048];
	snprintf(full, sizeof full, "%s:%s", sec, key);
	return iniparser_getstring(L->dict, full, NULL);
}

/* The value of a scanned entry ("" should iniparser not have it, which
 * the scan's mirroring of iniparser's rules is meant to rule out). */
const char *ini_entry_value(const struct ini_file *L, const struct ini_entry *en)
{
	const char *v = ini_get(L, en->section, en->key);
	return v ? v : "";
}

/* ---- small text helpers --------------------------------------------------- */

static bool is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '\v' || ch == '\f';
}

static char ascii_lower(char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
}

static char ascii_upper(char ch)
{
	return ch >= 'a' && ch <= 'z' ? (char)(ch - 'a' + 'A') : ch;
}

/* [s, s+n) without its leading and trailing white space, copied into a. */
char *ini_trim_dup(struct arena *a, const char *s, size_t n)
{
	while (n > 0 && is_space(*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_space(s[n - 1]))
		n--;
	return arena_strndup(a, s, n);
}

char *ini_lower_dup(struct arena *a, const char *s)
{
	char *d = arena_strdup(a, s);
	for (char *p = d; *p; p++)
		*p = ascii_lower(*p);
	return d;
}

/* Folding never lengthens text (every separator run comes from at least
 * one byte, every replacement is no longer than its UTF-8 source). */
const char *ini_fold_dup(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	char *d = arena_alloc(a, n + 1);
	text_fold(s, n, d, n + 1);
	return d;
}

/* Splits v at `sep` into at most max trimmed parts (in a); returns the
 * number of parts, or -1 if there are more than max. */
int ini_split(struct arena *a, const char *v, char sep, char **parts, int max)
{
	int n = 0;
	for (;;) {
		const char *end = strchr(v, sep);
		size_t len = end ? (size_t)(end - v) : strlen(v);
		if (n == max)
			return -1;
		parts[n++] = ini_trim_dup(a, v, len);
		if (!end)
			return n;
		v = end + 1;
	}
}

size_t ini_count_char(const char *s, char ch)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == ch;
	return n;
}

void ini_add_folded_list(struct arena *a, const char *folded_name, const char *list,
                         const char ***items, size_t *n)
{
	size_t extra = ini_count_char(list, ',') + 1;
	const char **grown = arena_alloc(a, (*n + extra) * sizeof *grown);
	if (*n)
		memcpy(grown, *items, *n * sizeof *grown);
	*items = grown;
	for (const char *p = list; ; ) {
		size_t len = strcspn(p, ",");
		char *one = arena_strndup(a, p, len);
		const char *f = ini_fold_dup(a, one);
		bool known = !*f || strcmp(f, folded_name) == 0;
		for (size_t i = 0; i < *n && !known; i++)
			known = strcmp(grown[i], f) == 0;
		if (!known)
			grown[(*n)++] = f;
		if (!p[len])
			break;
		p += len + 1;
	}
}

/* A p-code or type code from a key iniparser lower-cased: upper-cased,
 * 1 to 7 letters and digits. */
bool ini_code_from_key(const char *key, char out[8])
{
	size_t n = strlen(key);
	if (n == 0 || n > 7)
		return false;
	for (size_t i = 0; i < n; i++) {
		char ch = ascii_upper(key[i]);
		if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')))
			return false;
		out[i] = ch;
	}
	out[n] = '\0';
	return true;
}

/* A whole number of people (or money): digits only. */
bool ini_parse_whole(const char *s, int64_t *out)
{
	int64_t v = 0;
	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > (INT64_MAX - 9) / 10)
			return false;
		v = v * 10 + (*s - '0');
	}
	*out = v;
	return true;
}

/* A percentage: "25", "33.3" or "25%". */
bool ini_parse_pct(const char *s, double *out)
{
	char *end;
	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	double v = strtod(s, &end);
	if (*end == '%')
		end++;
	if (*end || errno)
		return false;
	*out = v;
	return true;
}

bool ini_parse_bool(const char *s, bool *out)
{
	static const char *const yes[] = { "true", "yes", "on", "1" };
	static const char *const no[] = { "false", "no", "off", "0" };
	for (size_t i = 0; i < 4; i++) {
		if (strcasecmp(s, yes[i]) == 0)
			return *out = true, true;
		if (strcasecmp(s, no[i]) == 0)
			return *out = false, true;
	}
	return false;
}

/* "YYYY-MM" into a month index. */
bool ini_parse_year_month(const char *s, int *idx)
{
	for (int i = 0; i < 7; i++) {
		bool digit = s[i] >= '0' && s[i] <= '9';
		if (i == 4 ? s[i] != '-' : !digit)
			return false;
	}
	if (s[7])
		return false;
	int year = atoi(s), month = atoi(s + 5);
	if (year < 2000 || month < 1 || month > 12)
		return false;
	*idx = month_index(year, month);
	return true;
}

/* ---- reading and scanning the file ---------------------------------------- */

/* Configuration files are small; anything bigger is a mistake. */
#define CONFIG_FILE_MAX ((off_t)64 << 20)

/* Reads a config file whole (readfile.h: regular files only, within the
 * limit); on failure `why` says why in words. */
bool ini_read_whole(const char *path, char **text, size_t *len, char *why, size_t size)
{
	struct readfile r;
	enum readfile_status st = readfile_read(path, CONFIG_FILE_MAX, &r);
	if (st != READFILE_OK) {
		readfile_describe(st, &r, CONFIG_FILE_MAX, why, size);
		return false;
	}
	*text = r.buf;
	*len = r.len;
	return true;
}

/* The value as iniparser reads it after '=': quoted, or up to a comment. */
static char *scan_value(struct arena *a, const char *v)
{
	while (is_space(*v))
		v++;
	if (*v == '"' || *v == '\'') {
		const char *end = strchr(v + 1, *v);
		if (end)
			return arena_strndup(a, v + 1, (size_t)(end - v - 1));
	}
	return ini_trim_dup(a, v, strcspn(v, ";#"));
}

/* Records a [section] header; returns the section's name as stored (a
 * repeated header continues the section it names, as in iniparser). */
static const char *add_section(struct ini_file *L, const char *line, unsigned lineno)
{
	size_t n = strcspn(line + 1, "]");
	char *name = ini_trim_dup(&L->tmp, line + 1, n);
	for (char *p = name; *p; p++)
		*p = ascii_lower(*p);
	for (size_t i = 0; i < L->nsecs; i++)
		if (strcmp(L->secs[i].name, name) == 0)
			return L->secs[i].name;
	L->secs = xgrow(L->secs, &L->cap_secs, L->nsecs + 1, sizeof *L->secs);
	L->secs[L->nsecs++] = (struct ini_section){ name, lineno };
	return name;
}

static void add_entry(struct ini_file *L, const char *sec, const char *line, unsigned lineno)
{
	const char *eq = strchr(line, '=');
	char *written = ini_trim_dup(&L->tmp, line, (size_t)(eq - line));
	struct ini_entry en = {
		.section = sec, .key = ini_lower_dup(&L->tmp, written), .written = written,
		.value = scan_value(&L->tmp, eq + 1), .line = lineno,
	};
	const struct ini_entry *prev = find_entry(L, sec, en.key);

	if (prev) {
		/* iniparser would keep the second one without a word. */
		if (strcmp(prev->value, en.value) != 0 && !L->dup) {
			L->dup = (size_t)(prev - L->ents) + 1;
			L->dup_line = lineno;
		}
		return;
	}
	L->ents = xgrow(L->ents, &L->cap_ents, L->nents + 1, sizeof *L->ents);
	L->ents[L->nents++] = en;
}

/* One logical line (continuations joined), classified as iniparser does. */
static void scan_line(struct ini_file *L, char *line, const char **sec, unsigned lineno)
{
	size_t n = strlen(line);
	while (n > 0 && is_space(line[n - 1]))
		line[--n] = '\0';
	while (is_space(*line)) {
		line++;
		n--;
	}
	if (n == 0 || *line == '#' || *line == ';')
		return;
	if (line[0] == '[' && line[n - 1] == ']') {
		*sec = add_section(L, line, lineno);
		return;
	}
	if (strchr(line, '='))
		add_entry(L, *sec, line, lineno);
	/* anything else is a syntax error, which iniparser reports */
}

/* Mirrors iniparser_load: a line ending in '\' continues on the next one
 * (the backslash dropped); a logical line is known by its first line. */
void ini_scan_file(struct ini_file *L)
{
	const char *p = L->text, *end = L->text + L->len;
	const char *sec = "";
	char *logical = NULL;
	size_t llen = 0, lcap = 0;
	unsigned lineno = 0, first = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		lineno++;
		if (llen == 0)
			first = lineno;
		while (n > 0 && is_space(p[n - 1]))
			n--;
		logical = xgrow(logical, &lcap, llen + n + 1, 1);
		memcpy(logical + llen, p, n);
		llen += n;
		logical[llen] = '\0';
		p = nl ? nl + 1 : end;
		if (n > 0 && logical[llen - 1] == '\\') {
			logical[--llen] = '\0';
			continue;
		}
		scan_line(L, logical, &sec, first);
		llen = 0;
	}
	if (llen > 0)
		scan_line(L, logical, &sec, first);
	free(logical);
}

/* ---- iniparser ------------------------------------------------------------ */

/* iniparser prints its syntax errors to stderr; the core never prints, so
 * the first message is caught here and reported with its line. */
static char ini_error[512];

static int ini_error_catch(const char *fmt, ...)
{
	va_list ap;
	if (ini_error[0])
		return 0;
	va_start(ap, fmt);
	vsnprintf(ini_error, sizeof ini_error, fmt, ap);
	va_end(ap);
	return 0;
}

/* The line number in "iniparser: syntax error in FILE (LINE):", or 0. */
static unsigned ini_error_line(void)
{
	size_t first = strcspn(ini_error, "\n");
	unsigned line = 0;
	for (size_t i = first; i > 0; i--) {
		if (ini_error[i - 1] == '(' && sscanf(ini_error + i, "%u)", &line) == 1)
			return line;
	}
	return 0;
}

/* The text of physical line `lineno`, for quoting it in a message. */
static void physical_line(const struct ini_file *L, unsigned lineno, char *out, size_t size)
{
	const char *p = L->text, *end = L->text + L->len;
	for (unsigned i = 1; i < lineno && p < end; i++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
	}
	size_t n = strcspn(p, "\r\n");
	snprintf(out, size, "%.*s", (int)n, p);
}

bool ini_parse(struct ini_file *L)
{
	ini_error[0] = '\0';
	iniparser_set_error_callback(ini_error_catch);
	L->dict = iniparser_load(L->path);
	iniparser_set_error_callback(NULL);
	if (L->dict)
		return true;

	unsigned line = ini_error_line();
	char text[200];
	if (line == 0)
		return error_set(L->e, "%s: %s", L->path,
		                 ini_error[0] ? ini_error : _("cannot be read"));
	if (strstr(ini_error, "too long"))
		return error_set(L->e, _("%s:%u: syntax error: line longer than 1023 characters"),
		                 L->path, line);
	physical_line(L, line, text, sizeof text);
	if (text[0] == '[' && strpbrk(text, ";#"))
		return error_set(L->e, _("%s:%u: syntax error: '%s' (a comment may not "
		                 "follow a [section] header on the same line)"), L->path, line, text);
	return error_set(L->e, _("%s:%u: syntax error: '%s' (expected [section], "
	                 "key = value or a comment)"), L->path, line, text);
}

/* ---- sections and keys ---------------------------------------------------- */



bool ini_in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return true;
	return false;
}

void ini_join_list(const char *const *list, char *out, size_t size)
{
	size_t len = 0;
	out[0] = '\0';
	for (; *list && len < size; list++)
		len += (size_t)snprintf(out + len, size - len, "%s%s", len ? ", " : "", *list);
}

/* Catches typos: an unknown section, a key outside any section, a key
 * given twice with two different values. */
bool ini_check_structure(struct ini_file *L, const char *const *known_sections)
{
	char known[256];
	for (size_t i = 0; i < L->nsecs; i++) {
		if (ini_in_list(known_sections, L->secs[i].name))
			continue;
		ini_join_list(known_sections, known, sizeof known);
		return ini_fail_section(L, L->secs[i].name, "unknown section (known: %s)", known);
	}
	for (size_t i = 0; i < L->nents; i++)
		if (L->ents[i].section[0] == '\0')
			return error_set(L->e, _("%s:%u: %s: key outside any [section]"), L->path,
			                 L->ents[i].line, L->ents[i].written);
	if (L->dup) {
		const struct ini_entry *first = &L->ents[L->dup - 1];
		return error_set(L->e, _("%s:%u: [%s] %s: given twice with different values "
		                 "(first on line %u)"), L->path, L->dup_line, first->section,
		                 first->written, first->line);
	}
	return true;
}

/* The known key closest to a misspelt one, or NULL if none is close. */
static const char *closest_key(const char *const *keys, const char *key)
{
	const char *best = NULL;
	int best_d = 3;
	for (; *keys; keys++) {
		int d = text_distance(key, *keys, 2);
		if (d < best_d) {
			best = *keys;
			best_d = d;
		}
	}
	return best;
}

/* Unknown keys in a section with a fixed set of keys are typos. */
bool ini_check_keys(struct ini_file *L, const char *sec, const char *const *keys)
{
	char known[512];
	for (size_t i = 0; i < L->nents; i++) {
		const struct ini_entry *en = &L->ents[i];
		if (strcmp(en->section, sec) != 0 || ini_in_list(keys, en->key))
			continue;
		const char *near = closest_key(keys, en->key);
		if (near)
			return ini_fail_key(L, sec, en->key, "unknown key (did you mean %s?)", near);
		ini_join_list(keys, known, sizeof known);
		return ini_fail_key(L, sec, en->key, "unknown key (known: %s)", known);
	}
	return true;
}

size_t ini_section_count(const struct ini_file *L, const char *sec)
{
	size_t n = 0;
	for (size_t i = 0; i < L->nents; i++)
		n += strcmp(L->ents[i].section, sec) == 0;
	return n;
}

/* A whole number; absent keys keep *out (the default) unless required. */
bool ini_get_whole(struct ini_file *L, const char *sec, const char *key,
                   bool required, const char *what, int64_t *out)
{
	const char *v = ini_get(L, sec, key);
	if (!v)
		return required ? ini_fail_key(L, sec, key, "missing (expected %s)", what) : true;
	if (!ini_parse_whole(v, out))
		return ini_fail_key(L, sec, key, "expected %s, got '%s'", what, v);
	return true;
}
