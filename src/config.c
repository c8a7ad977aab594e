/* config: what config.ini means — the plan, the intervention types, the
 * column names, the gap thresholds, the screen — and the order its parts
 * are read in.  Reading the file and naming lines in errors is
 * config_ini.c's job; the gazetteer's sections and the regional figures
 * file are read by config_places.c.
 *
 * Every error names the file, the line and the key, and a value that is
 * given but wrong is never replaced by a default. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config_ini.h"
#include "config_places.h"
#include "config_share.h"
#include "i18n.h"
#include "text.h"

/* ---- fields --------------------------------------------------------------- */

/* NULL-terminated, so it also serves as a list of known keys. */
static const char *const field_keys[F_COUNT + 1] = {
	"org", "partner", "region", "region_code", "cercle", "cercle_code",
	"commune", "itype", "activity", "status", "start", "end", "period",
	"girls", "boys", "women", "men", "older_women", "older_men",
	"total", "targeted", NULL,
};

const char *field_key(enum field f)
{
	if ((int)f < 0 || f >= F_COUNT)
		return "?";
	return field_keys[f];
}

static int field_by_key(const char *key)
{
	for (int f = 0; f < F_COUNT; f++)
		if (strcmp(field_keys[f], key) == 0)
			return f;
	return -1;
}

int config_type_by_code(const struct config *c, const char *code)
{
	for (size_t i = 0; i < c->ntypes; i++)
		if (strcasecmp(c->types[i].code, code) == 0)
			return (int)i;
	return -1;
}

/* The sections config.ini may have; any other is a typo. */
static const char *const known_sections[] = {
	"plan", "regions.old", "regions.new", "cercles", "types", "type_targets",
	"columns", "hxl", "gaps", "ui", "share", NULL,
};

/* ---- [plan] --------------------------------------------------------------- */

static const char *const plan_keys[] = {
	"name", "year", "in_need", "targeted", "funding_requested", "funding_received",
	"mode", "repeated_rows", "resent", "report_date", "regional_figures", "sheets", NULL,
};

/* A path in config.ini is relative to the folder config.ini is in. */
static const char *resolve_path(struct ini_file *L, const char *rel)
{
	const char *slash = strrchr(L->path, '/');
	if (rel[0] == '/' || !slash)
		return arena_strdup(&L->c->arena, rel);
	size_t dir = (size_t)(slash - L->path);
	char *out = arena_alloc(&L->c->arena, dir + 1 + strlen(rel) + 1);
	memcpy(out, L->path, dir);
	out[dir] = '/';
	strcpy(out + dir + 1, rel);
	return out;
}

static bool load_plan_name(struct ini_file *L)
{
	const char *v = ini_get(L, "plan", "name");
	if (!v)
		return ini_fail_key(L, "plan", "name", "missing (the plan's name, shown in every header)");
	if (!*v)
		return ini_fail_key(L, "plan", "name", "empty (the plan's name, shown in every header)");
	L->c->plan_name = arena_strdup(&L->c->arena, v);
	return true;
}

static bool load_plan_year(struct ini_file *L)
{
	int64_t year = CONFIG_UNKNOWN;
	if (!ini_get_whole(L, "plan", "year", false, _("a year such as 2024"), &year))
		return false;
	if (year != CONFIG_UNKNOWN && (year < 2000 || year > 2100))
		return ini_fail_key(L, "plan", "year", "expected a year such as 2024, got '%s'",
		                ini_get(L, "plan", "year"));
	L->c->plan_year = (int)year;
	return true;
}

static bool load_plan_figures(struct ini_file *L)
{
	struct config *c = L->c;
	const char *people = _("a whole number of people");
	const char *money = _("a whole amount, without separators");
	return ini_get_whole(L, "plan", "in_need", true, people, &c->in_need) &&
	       ini_get_whole(L, "plan", "targeted", true, people, &c->targeted) &&
	       ini_get_whole(L, "plan", "funding_requested", false, money, &c->funding_requested) &&
	       ini_get_whole(L, "plan", "funding_received", false, money, &c->funding_received);
}

static bool load_plan_mode(struct ini_file *L)
{
	const char *v = ini_get(L, "plan", "mode");
	if (!v)
		return ini_fail_key(L, "plan", "mode", "missing (expected monthly or cumulative)");
	if (strcasecmp(v, "monthly") == 0)
		L->c->mode = MODE_MONTHLY;
	else if (strcasecmp(v, "cumulative") == 0)
		L->c->mode = MODE_CUMULATIVE;
	else
		return ini_fail_key(L, "plan", "mode", "expected monthly or cumulative, got '%s'", v);
	return true;
}

/* An optional [plan] key of two words: *second is set when the value is
 * the second word; empty or absent is the first (the default). */
static bool load_plan_choice(struct ini_file *L, const char *key, const char *first,
                             const char *second, bool *is_second)
{
	const char *v = ini_get(L, "plan", key);
	*is_second = v && strcasecmp(v, second) == 0;
	if (!v || !*v || *is_second || strcasecmp(v, first) == 0)
		return true;
	return ini_fail_key(L, "plan", key, "expected %s or %s, got '%s'", first, second, v);
}

/* Optional: a config without it counts repeated rows as the sheet gives them. */
static bool load_plan_repeated_rows(struct ini_file *L)
{
	bool once;
	if (!load_plan_choice(L, "repeated_rows", "count", "once", &once))
		return false;
	L->c->repeated_rows = once ? REPEATED_ONCE : REPEATED_COUNT;
	return true;
}

/* Optional: a config without it counts a report sent twice once. */
static bool load_plan_resent(struct ini_file *L)
{
	bool sum;
	if (!load_plan_choice(L, "resent", "latest", "sum", &sum))
		return false;
	L->c->resent = sum ? RESENT_SUM : RESENT_LATEST;
	return true;
}

static bool load_plan_report_date(struct ini_file *L)
{
	const char *v = ini_get(L, "plan", "report_date");
	L->c->report_month = -1;
	if (!v || !*v)
		return true;
	if (!ini_parse_year_month(v, &L->c->report_month))
		return ini_fail_key(L, "plan", "report_date",
		                "expected a month as YYYY-MM (e.g. 2024-06) or nothing, got '%s'", v);
	return true;
}

static bool load_plan_paths(struct ini_file *L)
{
	struct config *c = L->c;
	const char *v = ini_get(L, "plan", "regional_figures");
	if (v && *v) {
		c->regional_figures_path = resolve_path(L, v);
		c->has_regional_figures = true;
	}
	v = ini_get(L, "plan", "sheets");
	if (!v || !*v)
		return true;
	size_t max = ini_count_char(v, ',') + 1;
	char **parts = arena_alloc(&L->tmp, max * sizeof *parts);
	int n = ini_split(&L->tmp, v, ',', parts, (int)max);
	c->sheets = arena_alloc(&c->arena, max * sizeof *c->sheets);
	for (int i = 0; i < n; i++)
		if (*parts[i])
			c->sheets[c->nsheets++] = resolve_path(L, parts[i]);
	return true;
}

static bool load_plan(struct ini_file *L)
{
	return ini_check_keys(L, "plan", plan_keys) && load_plan_name(L) && load_plan_year(L) &&
	       load_plan_figures(L) && load_plan_mode(L) && load_plan_repeated_rows(L) &&
	       load_plan_resent(L) &&
	       load_plan_report_date(L) && load_plan_paths(L);
}

/* ---- [regions.old] and [regions.new] -------------------------------------- */

/* Each line is read by config_places.c; here the regions are counted,
 * held and put in display order, as the types are below. */
static bool load_region_section(struct ini_file *L, const char *sec, uint8_t sys)
{
	for (size_t i = 0; i < L->nents; i++)
		if (strcmp(L->ents[i].section, sec) == 0 &&
		    !places_load_region_entry(L, &L->ents[i], sys))
			return false;
	return true;
}

/* Display code first, then name: ML09 Bamako before ML09 Taoudénit. */
static int region_order(const void *a, const void *b)
{
	const struct region *x = a, *y = b;
	int d = strcmp(x->codes[0].code, y->codes[0].code);
	return d ? d : strcmp(x->folded, y->folded);
}

/* A filter holds at most `max` regions or types: more could never be
 * picked on the screen or in a report. */
static bool within_filter(struct ini_file *L, const char *sec, size_t n, size_t max,
                          const char *what)
{
	if (n <= max)
		return true;
	return ini_fail_section(L, sec, "%zu %s, more than the %zu fourw can filter on",
	                        n, what, max);
}

static bool load_regions(struct ini_file *L)
{
	struct config *c = L->c;
	size_t max = ini_section_count(L, "regions.old") + ini_section_count(L, "regions.new");
	if (max == 0)
		return ini_fail_section(L, "regions.old", "no regions: at least one region is "
		                    "needed in [regions.old] or [regions.new]");
	c->regions = arena_alloc(&c->arena, max * sizeof *c->regions);
	/* Old first, so a region's old code becomes its display code. */
	if (!load_region_section(L, "regions.old", SYS_OLD) ||
	    !within_filter(L, "regions.old", c->nregions, CONFIG_MAX_REGIONS, "regions") ||
	    !load_region_section(L, "regions.new", SYS_NEW) ||
	    !within_filter(L, "regions.new", c->nregions, CONFIG_MAX_REGIONS, "regions"))
		return false;
	qsort(c->regions, c->nregions, sizeof *c->regions, region_order);
	return true;
}

/* ---- [types] and [type_targets] ------------------------------------------- */

/* True if the stem `k` is one of type o's keyword or context stems. */
static bool type_has_stem(const struct itype *o, const char *k)
{
	for (size_t j = 0; j < o->nkeywords; j++)
		if (strcmp(o->keyword_stems[j], k) == 0)
			return true;
	for (size_t j = 0; j < o->ncontext; j++)
		if (strcmp(o->context_stems[j], k) == 0)
			return true;
	return false;
}

/* A keyword of two types would be decided by the order of [types] alone;
 * keywords compare by their stems, as the matching does. */
static bool check_keywords(struct ini_file *L, const struct ini_entry *en)
{
	const struct config *c = L->c;
	const struct itype *t = &c->types[c->ntypes - 1];
	size_t nall = t->nkeywords + t->ncontext;
	for (size_t k = 0; k < nall; k++) {
		const char *stem = k < t->nkeywords ? t->keyword_stems[k]
		                                    : t->context_stems[k - t->nkeywords];
		for (size_t i = 0; i + 1 < c->ntypes; i++)
			if (type_has_stem(&c->types[i], stem))
				return ini_fail_key(L, "types", en->key, "keyword '%s' is also "
				                "one of %s", stem, c->types[i].code);
	}
	return true;
}

static const char *stem_dup(struct arena *a, const char *folded)
{
	size_t n = strlen(folded);
	char *d = arena_alloc(a, n + 1);
	text_stem(folded, d, n + 1);
	return d;
}

static const char **stem_list(struct arena *a, const char *const *folded, size_t n)
{
	const char **stems = arena_alloc(a, (n ? n : 1) * sizeof *stems);
	for (size_t i = 0; i < n; i++)
		stems[i] = stem_dup(a, folded[i]);
	return stems;
}

/* The stems matching compares; context keywords are kept as stems only.
 * A context keyword whose stem is already one of the type's ("demobilise"
 * beside "demobilisation") is dropped: one word must not count twice. */
static void stem_type(struct arena *a, struct itype *t, const char *context)
{
	const char **ctx = NULL;
	size_t nctx = 0;
	t->label_en_stem = stem_dup(a, t->label_en_folded);
	t->label_fr_stem = stem_dup(a, t->label_fr_folded);
	t->keyword_stems = stem_list(a, t->keywords, t->nkeywords);
	ini_add_folded_list(a, "", context, &ctx, &nctx);
	t->context_stems = stem_list(a, ctx, nctx);
	t->ncontext = 0;
	for (size_t i = 0; i < nctx; i++) {
		const char *stem = t->context_stems[i];
		if (!type_has_stem(t, stem))
			t->context_stems[t->ncontext++] = stem;
	}
}

static bool load_type_entry(struct ini_file *L, const struct ini_entry *en)
{
	struct config *c = L->c;
	const char *v = ini_entry_value(L, en);
	char *parts[4];
	struct itype *t = &c->types[c->ntypes];

	*t = (struct itype){ .targeted = CONFIG_UNKNOWN };
	if (!ini_code_from_key(en->key, t->code))
		return ini_fail_key(L, "types", en->key, "not a type code (1 to 7 letters and digits)");
	int n = ini_split(&L->tmp, v, '|', parts, 4);
	if (n < 0 || !*parts[0])
		return ini_fail_key(L, "types", en->key, "expected 'English label | French label | "
		                "keywords | context keywords', got '%s'", v);
	for (int i = n; i < 4; i++)
		parts[i] = "";
	t->label_en = arena_strdup(&c->arena, parts[0]);
	t->label_fr = arena_strdup(&c->arena, *parts[1] ? parts[1] : parts[0]);
	t->label_en_folded = ini_fold_dup(&c->arena, t->label_en);
	t->label_fr_folded = ini_fold_dup(&c->arena, t->label_fr);
	ini_add_folded_list(&c->arena, "", parts[2], &t->keywords, &t->nkeywords);
	stem_type(&c->arena, t, parts[3]);
	c->ntypes++;
	return check_keywords(L, en);
}

static bool load_types(struct ini_file *L)
{
	struct config *c = L->c;
	size_t max = ini_section_count(L, "types");
	if (max == 0)
		return ini_fail_section(L, "types", "no intervention types: at least AUTRE is needed");
	c->types = arena_alloc(&c->arena, max * sizeof *c->types);
	for (size_t i = 0; i < L->nents; i++)
		if (strcmp(L->ents[i].section, "types") == 0 && !load_type_entry(L, &L->ents[i]))
			return false;
	if (!within_filter(L, "types", c->ntypes, CONFIG_MAX_TYPES, "types"))
		return false;
	c->other_type = config_type_by_code(c, "AUTRE");
	if (c->other_type < 0)
		return ini_fail_section(L, "types", "no AUTRE type: rows of an unknown type are "
		                    "counted there, so it must exist (AUTRE = Other | Autre |)");
	return true;
}

static bool load_type_targets(struct ini_file *L)
{
	struct config *c = L->c;
	for (size_t i = 0; i < L->nents; i++) {
		const struct ini_entry *en = &L->ents[i];
		if (strcmp(en->section, "type_targets") != 0)
			continue;
		int t = config_type_by_code(c, en->key);
		if (t < 0)
			return ini_fail_key(L, "type_targets", en->key, "not a type of [types]");
		if (!ini_get_whole(L, "type_targets", en->key, true, _("a whole number of people"),
		               &c->types[t].targeted))
			return false;
	}
	return true;
}

/* ---- [columns] and [hxl] -------------------------------------------------- */

/* An HXL pattern folded: "#" then [a-z0-9_]+ groups joined by '+'. */
static bool hxl_pattern_ok(const char *p)
{
	bool need_word = true;
	if (*p++ != '#')
		return false;
	for (; *p; p++) {
		if (*p == '+' || *p == '#') {
			if (need_word || *p == '#')
				return false;
			need_word = true;
		} else {
			need_word = false;
		}
	}
	return !need_word;
}

static bool load_hxl_patterns(struct ini_file *L, const struct ini_entry *en,
                              struct field_aliases *fa, const char *v)
{
	struct arena *a = &L->c->arena;
	size_t max = ini_count_char(v, ',') + 1;
	fa->hxl = arena_alloc(a, max * sizeof *fa->hxl);
	for (const char *p = v; ; ) {
		size_t len = strcspn(p, ",");
		char *pat = arena_alloc(a, len + 2);
		pat[0] = '#';
		text_fold_hxl(p, len, pat + 1, len + 1);
		const char *use = pat[1] == '#' ? pat + 1 : pat;   /* given quoted, with '#' */
		if (use[1] && !hxl_pattern_ok(use))
			return ini_fail_key(L, "hxl", en->key, "'%.*s' is not an HXL tag pattern "
			                "such as org+impl", (int)len, p);
		if (use[1])
			fa->hxl[fa->nhxl++] = use;
		if (!p[len])
			return true;
		p += len + 1;
	}
}

static bool load_field_section(struct ini_file *L, const char *sec, bool hxl)
{
	struct config *c = L->c;
	for (size_t i = 0; i < L->nents; i++) {
		const struct ini_entry *en = &L->ents[i];
		if (strcmp(en->section, sec) != 0)
			continue;
		if (!hxl && strcmp(en->key, "worksheet") == 0) {
			c->worksheet = arena_strdup(&c->arena, ini_entry_value(L, en));
			continue;
		}
		int f = field_by_key(en->key);
		if (f < 0) {
			char known[512];
			ini_join_list(field_keys, known, sizeof known);
			return ini_fail_key(L, sec, en->key, "unknown field (known: %s)", known);
		}
		const char *v = ini_entry_value(L, en);
		struct field_aliases *fa = &c->fields[f];
		if (hxl && !load_hxl_patterns(L, en, fa, v))
			return false;
		if (!hxl)
			ini_add_folded_list(&c->arena, "", v, &fa->aliases, &fa->naliases);
	}
	return true;
}

static bool load_fields(struct ini_file *L)
{
	size_t total = 0;
	if (!load_field_section(L, "columns", false) || !load_field_section(L, "hxl", true))
		return false;
	for (int f = 0; f < F_COUNT; f++)
		total += L->c->fields[f].naliases + L->c->fields[f].nhxl;
	if (total == 0)
		return ini_fail_section(L, "columns", "no column aliases: no sheet column could "
		                    "be mapped to a field");
	return true;
}

/* ---- [gaps] --------------------------------------------------------------- */

static const char *const gaps_keys[] = {
	"critical_pct", "high_pct", "medium_pct", "concentration_partners", "stale_days",
	"essential_types", NULL,
};

static bool get_pct(struct ini_file *L, const char *key, double *out)
{
	const char *v = ini_get(L, "gaps", key);
	if (v && !ini_parse_pct(v, out))
		return ini_fail_key(L, "gaps", key, "expected a percentage such as 25, got '%s'", v);
	/* checked here so that "critical_pct = 250" is named as itself, not
	 * as high_pct failing to be above it */
	if (v && *out > 100)
		return ini_fail_key(L, "gaps", key, "must be at most 100, got %g", *out);
	return true;
}

static bool load_thresholds(struct ini_file *L)
{
	struct thresholds *th = &L->c->th;
	if (!get_pct(L, "critical_pct", &th->critical_pct) || !get_pct(L, "high_pct", &th->high_pct) ||
	    !get_pct(L, "medium_pct", &th->medium_pct))
		return false;
	if (th->critical_pct <= 0)
		return ini_fail_key(L, "gaps", "critical_pct", "must be above 0, got %g", th->critical_pct);
	if (th->high_pct <= th->critical_pct)
		return ini_fail_key(L, "gaps", "high_pct", "must be above critical_pct (%g), got %g",
		                th->critical_pct, th->high_pct);
	if (th->medium_pct <= th->high_pct)
		return ini_fail_key(L, "gaps", "medium_pct", "must be above high_pct (%g), got %g",
		                th->high_pct, th->medium_pct);
	if (th->medium_pct > 100)
		return ini_fail_key(L, "gaps", "medium_pct", "must be at most 100, got %g", th->medium_pct);
	return true;
}

static bool load_counts(struct ini_file *L)
{
	struct thresholds *th = &L->c->th;
	int64_t partners = th->concentration_partners, days = th->stale_days;
	if (!ini_get_whole(L, "gaps", "concentration_partners", false, _("a whole number of partners"),
	               &partners) ||
	    !ini_get_whole(L, "gaps", "stale_days", false, _("a whole number of days"), &days))
		return false;
	if (partners < 2 || partners > 1000)
		return ini_fail_key(L, "gaps", "concentration_partners", "must be at least 2 "
		                "(one partner alone is no concentration), got %lld", (long long)partners);
	if (days < 1 || days > 3660)
		return ini_fail_key(L, "gaps", "stale_days", "must be between 1 and 3660, got %lld",
		                (long long)days);
	th->concentration_partners = (int)partners;
	th->stale_days = (int)days;
	return true;
}

static bool load_essential(struct ini_file *L)
{
	struct config *c = L->c;
	const char *v = ini_get(L, "gaps", "essential_types");
	if (!v || !*v)
		return true;
	char *copy = arena_strdup(&L->tmp, v), *save = NULL;
	for (char *tok = strtok_r(copy, " ,\t", &save); tok;
	     tok = strtok_r(NULL, " ,\t", &save)) {
		int t = config_type_by_code(c, tok);
		if (t < 0)
			return ini_fail_key(L, "gaps", "essential_types", "'%s' is not a type of [types]", tok);
		c->types[t].essential = true;
	}
	return true;
}

static bool load_gaps(struct ini_file *L)
{
	return ini_check_keys(L, "gaps", gaps_keys) && load_thresholds(L) && load_counts(L) &&
	       load_essential(L);
}

/* ---- [ui] ----------------------------------------------------------------- */

/* A [ui] key whose value is one of words (any case), kept in lower case. */
static bool ui_word(struct ini_file *L, const char *key, const char *const *words,
                    const char *expected, const char **out)
{
	const char *v = ini_get(L, "ui", key);
	if (!v)
		return true;
	char *lower = ini_lower_dup(&L->tmp, v);
	if (!ini_in_list(words, lower))
		return ini_fail_key(L, "ui", key, "expected %s, got '%s'", expected, v);
	*out = arena_strdup(&L->c->arena, lower);
	return true;
}

static bool load_ui(struct ini_file *L)
{
	static const char *const ui_keys[] = { "theme", "color", "language", NULL };
	static const char *const themes[] = { "dark", "light", "mono", NULL };
	static const char *const languages[] = { "fr", "en", NULL };
	struct config *c = L->c;
	const char *v;

	if (!ini_check_keys(L, "ui", ui_keys) ||
	    !ui_word(L, "theme", themes, _("dark, light or mono"), &c->ui_theme))
		return false;
	v = ini_get(L, "ui", "color");
	if (v && !ini_parse_bool(v, &c->ui_color))
		return ini_fail_key(L, "ui", "color", "expected true or false, got '%s'", v);
	return ui_word(L, "language", languages, _("fr or en"), &c->ui_language);
}

/* ---- config_load ---------------------------------------------------------- */

static void set_defaults(struct config *c)
{
	c->plan_year = CONFIG_UNKNOWN;
	c->funding_requested = c->funding_received = CONFIG_UNKNOWN;
	c->in_need = c->targeted = CONFIG_UNKNOWN;
	c->mode = MODE_CUMULATIVE;
	c->report_month = -1;
	c->other_type = -1;
	c->th = (struct thresholds){
		.critical_pct = 25, .high_pct = 50, .medium_pct = 75,
		.concentration_partners = 3, .stale_days = 45,
	};
	c->ui_theme = "dark";
	c->ui_color = true;
	c->share = (struct share_options){ .folder = "exports", .mask_below = 5 };
}

static bool link_plan(struct ini_file *L)
{
	gazetteer_link_plan(L->c);
	return true;
}

static bool load_all(struct ini_file *L)
{
	char why[160];
	if (!ini_read_whole(L->path, &L->text, &L->len, why, sizeof why))
		return error_set(L->e, _("%s: cannot read: %s"), L->path, why);
	ini_scan_file(L);
	return ini_parse(L) && ini_check_structure(L, known_sections) && load_plan(L) &&
	       load_regions(L) && places_load_cercles(L) && load_types(L) && load_type_targets(L) &&
	       load_fields(L) && load_gaps(L) && load_ui(L) && config_share_load(L) && places_load_figures(L) &&
	       link_plan(L);
}

bool config_load(struct config *c, const char *path, struct error *e)
{
	struct ini_file L = { .c = c, .e = e, .path = path };
	bool ok;

	memset(c, 0, sizeof *c);
	arena_init(&c->arena, 32 * 1024);
	arena_init(&L.tmp, 16 * 1024);
	set_defaults(c);
	c->path = arena_strdup(&c->arena, path);
	ok = load_all(&L);
	if (L.dict)
		iniparser_freedict(L.dict);
	free(L.text);
	free(L.ents);
	free(L.secs);
	arena_free(&L.tmp);
	if (!ok)
		config_free(c);
	return ok;
}

void config_free(struct config *c)
{
	arena_free(&c->arena);
	memset(c, 0, sizeof *c);
}
