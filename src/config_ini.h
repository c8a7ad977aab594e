/* config_ini: config.ini as it was written — private to config.c and
 * config_places.c.
 *
 * iniparser parses the file, but it reports no line numbers for values and
 * silently keeps the last of two equal keys.  So the file is also scanned
 * here, line by line, with iniparser's own rules: the scan gives every
 * section:key its line (for messages), the keys of a section in file order,
 * and the keys given twice.  Values are always taken from iniparser.  The
 * errors made here name the file, the line and the key; config.c and
 * config_places.c give the sections their meaning. */
#ifndef FOURW_CONFIG_INI_H
#define FOURW_CONFIG_INI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <iniparser.h>

#include "arena.h"
#include "config.h"

/* One key = value line as the scan saw it. */
struct ini_entry {
	const char *section;      /* lower-cased, as iniparser stores it */
	const char *key;          /* lower-cased */
	const char *written;      /* the key as written ("ML04"), for messages */
	const char *value;        /* the value as iniparser would read it */
	unsigned line;
};

struct ini_section {
	const char *name;
	unsigned line;            /* first header of that name */
};

/* config.ini while it is read: the config being filled, where the first
 * error goes, and what the scan and iniparser found. */
struct ini_file {
	struct config *c;
	struct error *e;
	const char *path;
	char *text;               /* the whole file */
	size_t len;
	dictionary *dict;
	struct arena tmp;         /* scan results, freed when the load ends */
	struct ini_entry *ents;
	size_t nents, cap_ents;
	struct ini_section *secs;
	size_t nsecs, cap_secs;
	size_t dup;               /* index + 1 of a key given twice with different values */
	unsigned dup_line;
};

/* ---- reading ---------------------------------------------------------------- */

/* Reads a config file whole (regular files only, up to 64 MB); on failure
 * `why` says why in words. */
bool ini_read_whole(const char *path, char **text, size_t *len, char *why, size_t size);
/* Scans L->text: fills L->ents and L->secs, notes a key given twice. */
void ini_scan_file(struct ini_file *L);
/* Parses L->path with iniparser into L->dict; a syntax error names its line. */
bool ini_parse(struct ini_file *L);

/* ---- values and errors ------------------------------------------------------ */

/* The value iniparser read for [sec] key, or NULL if the key is absent. */
const char *ini_get(const struct ini_file *L, const char *sec, const char *key);
/* The value of a scanned entry. */
const char *ini_entry_value(const struct ini_file *L, const struct ini_entry *en);
/* How many keys [sec] has. */
size_t ini_section_count(const struct ini_file *L, const char *sec);
/* A whole number; absent keys keep *out (the default) unless required. */
bool ini_get_whole(struct ini_file *L, const char *sec, const char *key,
                   bool required, const char *what, int64_t *out);

/* An error about [sec] key, on the key's line (a missing key: on the
 * section's header); always false. */
__attribute__((format(printf, 4, 5)))
bool ini_fail_key(struct ini_file *L, const char *sec, const char *key, const char *fmt, ...);
/* An error about a section as a whole; always false. */
__attribute__((format(printf, 3, 4)))
bool ini_fail_section(struct ini_file *L, const char *sec, const char *fmt, ...);

/* An unknown section, a key outside any section, a key given twice with
 * two different values. */
bool ini_check_structure(struct ini_file *L, const char *const *known_sections);
/* Unknown keys in a section with a fixed set of keys (a close one is
 * suggested). */
bool ini_check_keys(struct ini_file *L, const char *sec, const char *const *keys);
bool ini_in_list(const char *const *list, const char *s);
void ini_join_list(const char *const *list, char *out, size_t size);

/* ---- text as config.ini writes it --------------------------------------------- */

char *ini_trim_dup(struct arena *a, const char *s, size_t n);
char *ini_lower_dup(struct arena *a, const char *s);
const char *ini_fold_dup(struct arena *a, const char *s);
/* Splits v at `sep` into at most max trimmed parts (in a); returns the
 * number of parts, or -1 if there are more than max. */
int ini_split(struct arena *a, const char *v, char sep, char **parts, int max);
size_t ini_count_char(const char *s, char ch);
/* Adds the comma-separated items of `list`, folded, to *items (grown in
 * a), skipping empty ones, `folded_name` and items already there: the
 * spelling variants of a place, the keywords of a type, the aliases of a
 * column. */
void ini_add_folded_list(struct arena *a, const char *folded_name, const char *list,
                         const char ***items, size_t *n);
/* A p-code or type code from a lower-cased key: upper-cased, 1 to 7
 * letters and digits. */
bool ini_code_from_key(const char *key, char out[8]);
bool ini_parse_whole(const char *s, int64_t *out);   /* digits only */
bool ini_parse_pct(const char *s, double *out);      /* "25", "33.3", "25%" */
bool ini_parse_bool(const char *s, bool *out);       /* true/yes/on/1, false/no/off/0 */
bool ini_parse_year_month(const char *s, int *idx);  /* "YYYY-MM" into a month index */

#endif
