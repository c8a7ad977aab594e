/* gazetteer: finding regions and cercles by spelling and p-code, and
 * resolving what a sheet wrote against them.
 *
 * Names are compared folded (text_fold), so "Ségou", "SEGOU" and "segou"
 * agree; codes are compared upper-cased and trimmed, and DTM's "MLI09" is
 * read as "ML09" [domain.md §4.1, S30]. */
#include "gazetteer.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "fmt.h"
#include "i18n.h"
#include "text.h"

#define NAME_MAX_FOLDED 256
#define CODE_MAX 16
#define SUGGEST_MAX 3

/* ---- normalising what a sheet wrote ---------------------------------------- */

static bool is_alpha(char ch)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

static bool is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

/* Trims and upper-cases a p-code into out; an ISO alpha-3 prefix ("MLI09")
 * becomes the p-code's alpha-2 one ("ML09").  Returns false if nothing is
 * left. */
static bool norm_code(const char *in, char out[CODE_MAX])
{
	size_t n = 0;
	if (!in)
		return false;
	while (*in == ' ' || *in == '\t')
		in++;
	for (; *in && n < CODE_MAX - 1; in++) {
		char ch = *in;
		out[n++] = ch >= 'a' && ch <= 'z' ? (char)(ch - 'a' + 'A') : ch;
	}
	while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t' || out[n - 1] == '\r'))
		n--;
	out[n] = '\0';
	if (n >= 4 && is_alpha(out[0]) && is_alpha(out[1]) && out[2] == 'I' && is_digit(out[3]))
		memmove(out + 2, out + 3, n - 2);
	return n > 0;
}

static bool norm_name(const char *in, char out[NAME_MAX_FOLDED])
{
	if (!in)
		return false;
	text_fold(in, strlen(in), out, NAME_MAX_FOLDED);
	return out[0] != '\0';
}

/* ---- lookups ---------------------------------------------------------------- */

/* Does a place answer to the folded spelling `name` (its name or a variant)? */
static bool answers(const char *folded, const char *const *variants, size_t n,
                    const char *name)
{
	if (strcmp(folded, name) == 0)
		return true;
	for (size_t i = 0; i < n; i++)
		if (strcmp(variants[i], name) == 0)
			return true;
	return false;
}

int gazetteer_region_named(const struct config *c, const char *folded)
{
	for (size_t i = 0; i < c->nregions; i++)
		if (strcmp(c->regions[i].folded, folded) == 0)
			return (int)i;
	return -1;
}

int gazetteer_region_answering(const struct config *c, const char *folded, int skip)
{
	for (size_t i = 0; i < c->nregions; i++) {
		const struct region *r = &c->regions[i];
		if ((int)i != skip && answers(r->folded, r->variants, r->nvariants, folded))
			return (int)i;
	}
	return -1;
}

/* The systems in which region r uses `code` (0: it does not). */
static int region_code_systems(const struct region *r, const char *code)
{
	for (int k = 0; k < r->ncodes; k++)
		if (strcmp(r->codes[k].code, code) == 0)
			return r->codes[k].system;
	return 0;
}

int gazetteer_region_coded(const struct config *c, const char *code, int systems)
{
	for (size_t i = 0; i < c->nregions; i++)
		if (region_code_systems(&c->regions[i], code) & systems)
			return (int)i;
	return -1;
}

/* The commune of cercle ce that answers to the folded spelling, or -1. */
static int commune_answering(const struct cercle *ce, const char *folded)
{
	for (size_t k = 0; k < ce->ncommunes; k++) {
		const struct commune *m = &ce->communes[k];
		if (answers(m->folded, m->variants, m->nvariants, folded))
			return (int)k;
	}
	return -1;
}

int gazetteer_cercle_answering(const struct config *c, const char *folded, int skip)
{
	for (size_t i = 0; i < c->ncercles; i++) {
		const struct cercle *ce = &c->cercles[i];
		if ((int)i == skip)
			continue;
		if (answers(ce->folded, ce->variants, ce->nvariants, folded) ||
		    commune_answering(ce, folded) >= 0)
			return (int)i;
	}
	return -1;
}

int gazetteer_cercle_coded(const struct config *c, const char *code)
{
	for (size_t i = 0; i < c->ncercles; i++)
		if (strcmp(c->cercles[i].code, code) == 0)
			return (int)i;
	return -1;
}

/* The cercle coded `code` (normalised), or the one holding the commune so
 * coded, or -1. */
static int cercle_by_norm_code(const struct config *c, const char *code)
{
	int ce = gazetteer_cercle_coded(c, code);
	for (size_t i = 0; ce < 0 && i < c->ncercles; i++)
		for (size_t k = 0; k < c->cercles[i].ncommunes; k++)
			if (strcmp(c->cercles[i].communes[k].code, code) == 0)
				return (int)i;
	return ce;
}

int gazetteer_cercle_by_code(const struct config *c, const char *code)
{
	char nc[CODE_MAX];
	return norm_code(code, nc) ? cercle_by_norm_code(c, nc) : -1;
}

int gazetteer_commune_cercle(const struct config *c, const char *written)
{
	char nc[CODE_MAX], nf[NAME_MAX_FOLDED];
	if (!norm_name(written, nf))
		return -1;
	for (size_t i = 0; i < c->ncercles; i++)
		if (commune_answering(&c->cercles[i], nf) >= 0)
			return (int)i;
	if (!norm_code(written, nc))
		return -1;
	for (size_t i = 0; i < c->ncercles; i++)
		for (size_t k = 0; k < c->cercles[i].ncommunes; k++)
			if (strcmp(c->cercles[i].communes[k].code, nc) == 0)
				return (int)i;
	return -1;
}

/* ---- near misses ------------------------------------------------------------ */

/* Edits allowed between a name and its p-code's place: NEAR_NAME_DISTANCE,
 * one for a short name (a two-letter slip in "Gao" is another word), none
 * under three letters. */
static int near_limit(const char *folded)
{
	size_t n = strlen(folded);
	return n >= 6 ? NEAR_NAME_DISTANCE : n >= 3 ? 1 : 0;
}

/* Distance from the folded query to the closest of a place's spellings. */
static int spelling_distance(const char *folded, const char *const *variants, size_t n,
                             const char *q, int limit)
{
	int best = text_distance(q, folded, limit);
	for (size_t i = 0; i < n; i++) {
		int d = text_distance(q, variants[i], limit);
		if (d < best)
			best = d;
	}
	return best;
}

static int cercle_distance(const struct cercle *ce, const char *q, int limit)
{
	int best = spelling_distance(ce->folded, ce->variants, ce->nvariants, q, limit);
	for (size_t k = 0; k < ce->ncommunes; k++) {
		const struct commune *m = &ce->communes[k];
		int d = spelling_distance(m->folded, m->variants, m->nvariants, q, limit);
		if (d < best)
			best = d;
	}
	return best;
}

/* ---- regions --------------------------------------------------------------- */

/* The region with this code; where two regions share it (ML09), the one of
 * the system asked for, the old one when the system is not known. */
static int region_by_code(const struct config *c, const char *code, int system)
{
	int r = gazetteer_region_coded(c, code, system == SYS_NEW ? SYS_NEW : SYS_OLD);
	return r >= 0 ? r : gazetteer_region_coded(c, code, SYS_OLD | SYS_NEW);
}

bool gazetteer_resolved(enum place_status st)
{
	return st == PLACE_OK || st == PLACE_NEAR_NAME || st == PLACE_NAME_OVER_CODE;
}

/* An unknown name beside a known code (NULL: none): the region using that
 * code in either system whose spelling is closest to the name, if close
 * enough (ML09 beside "Taoudenitt" is Taoudénit, beside "Bamakou" Bamako). */
static enum place_status near_region(const struct config *c, const char *code,
                                     const char *q, int *region)
{
	int limit = near_limit(q), best = limit + 1;
	for (size_t i = 0; code && i < c->nregions; i++) {
		const struct region *r = &c->regions[i];
		if (!region_code_systems(r, code))
			continue;
		int d = spelling_distance(r->folded, r->variants, r->nvariants, q, limit);
		if (d < best)
			best = d, *region = (int)i;
	}
	return best <= limit ? PLACE_NEAR_NAME : PLACE_UNKNOWN_NAME;
}

enum place_status gazetteer_resolve_region(const struct config *c, const char *code,
                                           const char *name, int system, int *region)
{
	char nc[CODE_MAX], nf[NAME_MAX_FOLDED];
	bool has_code = norm_code(code, nc), has_name = norm_name(name, nf);
	int by_name = has_name ? gazetteer_region_answering(c, nf, -1) : -1;

	*region = -1;
	if (!has_code && !has_name)
		return PLACE_MISSING;
	if (has_code && region_by_code(c, nc, system) < 0)
		return PLACE_UNKNOWN_CODE;
	if (has_name && by_name < 0)
		return near_region(c, has_code ? nc : NULL, nf, region);
	if (!has_name) {
		*region = region_by_code(c, nc, system);
		return PLACE_OK;
	}
	/* With both, the name decides which region the code means: ML09 is
	 * Bamako beside "Bamako" and Taoudénit beside "Taoudénit". */
	if (has_code && !region_code_systems(&c->regions[by_name], nc))
		return PLACE_CONFLICT;
	*region = by_name;
	return PLACE_OK;
}

/* A system only if exactly one. */
static int single_system(int systems)
{
	return systems == SYS_OLD || systems == SYS_NEW ? systems : 0;
}

static int code_systems(const struct config *c, const char *code)
{
	int sys = 0;
	for (size_t i = 0; i < c->nregions; i++)
		sys |= region_code_systems(&c->regions[i], code);
	return sys;
}

int gazetteer_system_hint(const struct config *c, const char *code, const char *name)
{
	char nc[CODE_MAX], nf[NAME_MAX_FOLDED];
	bool has_code = norm_code(code, nc), has_name = norm_name(name, nf);
	int r, hint = 0;

	if (has_code && has_name && gazetteer_resolved(gazetteer_resolve_region(c, code, name, 0, &r)))
		return single_system(region_code_systems(&c->regions[r], nc));
	if (has_code)
		hint = single_system(code_systems(c, nc));
	if (!hint && has_name && (r = gazetteer_region_answering(c, nf, -1)) >= 0)
		hint = single_system(c->regions[r].systems);
	return hint;
}

/* ---- cercles --------------------------------------------------------------- */

/* Code and name both given, and not of one cercle: a name close to the
 * code's cercle is a misspelling of it; a known name in the region decides. */
static enum place_status cercle_disagreement(const struct config *c, int by_code, int by_name,
                                             const char *q, int region, int *cercle)
{
	const struct cercle *coded = &c->cercles[by_code];
	if (by_name < 0) {
		int limit = near_limit(q);
		if (cercle_distance(coded, q, limit) > limit)
			return PLACE_UNKNOWN_NAME;
		*cercle = by_code;
		return PLACE_NEAR_NAME;
	}
	if (!gazetteer_cercle_in_region(c, by_name, region >= 0 ? region : coded->region_old))
		return PLACE_CONFLICT;
	*cercle = by_name;
	return PLACE_NAME_OVER_CODE;
}

enum place_status gazetteer_resolve_cercle_in(const struct config *c, const char *code,
                                              const char *name, int region, int *cercle)
{
	char nc[CODE_MAX], nf[NAME_MAX_FOLDED];
	bool has_code = norm_code(code, nc), has_name = norm_name(name, nf);
	int by_code = has_code ? cercle_by_norm_code(c, nc) : -1;
	int by_name = has_name ? gazetteer_cercle_answering(c, nf, -1) : -1;

	*cercle = -1;
	if (!has_code && !has_name)
		return PLACE_MISSING;
	if (has_code && by_code < 0)
		return PLACE_UNKNOWN_CODE;
	if (!has_code && by_name < 0)
		return PLACE_UNKNOWN_NAME;
	if (has_code && has_name && by_code != by_name)
		return cercle_disagreement(c, by_code, by_name, nf, region, cercle);
	*cercle = has_code ? by_code : by_name;
	return PLACE_OK;
}

enum place_status gazetteer_resolve_cercle(const struct config *c, const char *code,
                                           const char *name, int *cercle)
{
	return gazetteer_resolve_cercle_in(c, code, name, -1, cercle);
}

int gazetteer_cercle_in_region(const struct config *c, int cercle, int region)
{
	if (cercle < 0 || (size_t)cercle >= c->ncercles || region < 0)
		return 0;
	return c->cercles[cercle].region_old == region || c->cercles[cercle].region_new == region;
}

/* ---- the plan's geography ------------------------------------------------- */

/* New if the figures name a region only the new system has (Nioro, or
 * Bamako as ML00/ML20 alone), else old. */
static uint8_t plan_system_of(const struct config *c)
{
	if (!c->has_regional_figures)
		return 0;
	for (size_t r = 0; r < c->nregions; r++)
		if (c->regions[r].in_plan && c->regions[r].systems == SYS_NEW)
			return SYS_NEW;
	return SYS_OLD;
}

/* The one region every cercle of region r goes to in the other system —
 * old cercles carved into new region r, or the new regions an old region's
 * cercles went to — if it is a plan region; -1 if r has no cercle there,
 * spans two regions or lands outside the plan. */
static int plan_region_holding(const struct config *c, int r, uint8_t plan_sys)
{
	int found = plan_sys == SYS_OLD ? c->regions[r].part_of : -1;
	for (size_t k = 0; k < c->ncercles; k++) {
		const struct cercle *ce = &c->cercles[k];
		int from = plan_sys == SYS_OLD ? ce->region_new : ce->region_old;
		int to = plan_sys == SYS_OLD ? ce->region_old : ce->region_new;
		if (from != r)
			continue;
		if (to < 0 || (found >= 0 && found != to))
			return -1;
		found = to;
	}
	return found >= 0 && c->regions[found].in_plan ? found : -1;
}

void gazetteer_link_plan(struct config *c)
{
	c->plan_system = plan_system_of(c);
	uint8_t other = c->plan_system == SYS_OLD ? SYS_NEW : SYS_OLD;
	for (size_t r = 0; r < c->nregions; r++) {
		struct region *reg = &c->regions[r];
		reg->plan = (int)r;
		if (!c->plan_system || reg->in_plan || reg->systems != other)
			continue;
		int holder = plan_region_holding(c, (int)r, c->plan_system);
		if (holder >= 0)
			reg->plan = holder;
	}
}

int gazetteer_plan_region(const struct config *c, int region, int cercle)
{
	if (cercle >= 0 && c->plan_system) {
		const struct cercle *ce = &c->cercles[cercle];
		int p = c->plan_system == SYS_NEW ? ce->region_new : ce->region_old;
		if (p >= 0 && c->regions[p].in_plan)
			return p;
	}
	return c->regions[region].plan;
}

/* ---- suggestions ----------------------------------------------------------- */

/* A place seen through what suggestions need of it. */
struct candidate {
	const char *name, *folded, *code;
	const char *const *variants;
	size_t nvariants;
};

typedef struct candidate (*candidate_at)(const struct config *c, size_t i);

static struct candidate region_at(const struct config *c, size_t i)
{
	const struct region *r = &c->regions[i];
	return (struct candidate){ r->name, r->folded, r->codes[0].code, r->variants, r->nvariants };
}

static struct candidate cercle_at(const struct config *c, size_t i)
{
	const struct cercle *ce = &c->cercles[i];
	return (struct candidate){ ce->name, ce->folded, ce->code, ce->variants, ce->nvariants };
}

/* Distance from the query to the closest spelling of a candidate. */
static int candidate_distance(const struct candidate *k, const char *q, int limit)
{
	return spelling_distance(k->folded, k->variants, k->nvariants, q, limit);
}

static void append(char *buf, size_t size, size_t *len, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void append(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
	va_list ap;
	if (*len >= size)
		return;
	va_start(ap, fmt);
	int n = vsnprintf(buf + *len, size - *len, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	if ((size_t)n < size - *len) {
		*len += (size_t)n;
		return;
	}
	/* Truncated: never leave half a UTF-8 sequence at the end. */
	size_t end = size - 1, start = end;
	while (start > *len && ((unsigned char)buf[start - 1] & 0xC0) == 0x80)
		start--;
	if (start > *len) {
		unsigned char lead = (unsigned char)buf[start - 1];
		size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
		if (end - (start - 1) < need)
			end = start - 1;
	}
	buf[end] = '\0';
	*len = size;   /* full: nothing more goes in */
}

/* Suggests the candidates at the smallest distance (ties all shown, up to
 * SUGGEST_MAX), as "A (code)", "A (code) or B (code)", "A, B or C"; never
 * candidate `skip` (-1: none), the place a message already names. */
static int suggest(const struct config *c, size_t n, candidate_at at, const char *name,
                   int skip, char *buf, size_t size)
{
	char q[NAME_MAX_FOLDED];
	int best, count = 0, shown = 0;
	size_t len = 0;

	if (size > 0)
		buf[0] = '\0';
	if (size == 0 || !norm_name(name, q))
		return 0;
	int qlen = (int)strlen(q), limit = qlen / 3 > 2 ? qlen / 3 : 2;
	best = limit + 1;
	for (size_t i = 0; i < n; i++) {
		struct candidate k = at(c, i);
		int d = (int)i == skip ? limit + 1 : candidate_distance(&k, q, limit);
		if (d < best)
			best = d, count = 0;
		if (d == best && count < SUGGEST_MAX)
			count++;
	}
	for (size_t i = 0; i < n && best <= limit && shown < count; i++) {
		struct candidate k = at(c, i);
		if ((int)i == skip || candidate_distance(&k, q, limit) != best)
			continue;
		const char *sep = shown == 0 ? "" : shown == count - 1 ? _(" or ") : ", ";
		append(buf, size, &len, "%s%s (%s)", sep, k.name, k.code);
		shown++;
	}
	return shown;
}

int gazetteer_suggest_region(const struct config *c, const char *name, char *buf, size_t size)
{
	return suggest(c, c->nregions, region_at, name, -1, buf, size);
}

int gazetteer_suggest_cercle(const struct config *c, const char *name, char *buf, size_t size)
{
	return suggest(c, c->ncercles, cercle_at, name, -1, buf, size);
}

const char *gazetteer_did_you_mean(const char *names, char *buf, size_t size)
{
	if (!*names)
		return "";
	snprintf(buf, size, _(" — did you mean %s?"), names);
	return buf;
}

/* "is no region's name — did you mean Koulikoro (ML02)?", or without the
 * question when nothing but `skip` is close; is_no_name says the first
 * part ("is no region's name"), translated whole. */
static void unknown_name_meaning(const struct config *c, size_t n, candidate_at at,
                                 const char *is_no_name, const char *name, int skip,
                                 char *buf, size_t size)
{
	char sugg[160], question[200];
	suggest(c, n, at, name, skip, sugg, sizeof sugg);
	snprintf(buf, size, "%s%s", is_no_name, gazetteer_did_you_mean(sugg, question, sizeof question));
}

void gazetteer_region_name_meaning(const struct config *c, const char *name, int skip,
                                   char *buf, size_t size)
{
	char nf[NAME_MAX_FOLDED];
	int named = norm_name(name, nf) ? gazetteer_region_answering(c, nf, -1) : -1;
	if (named >= 0 && c->regions[named].ncodes > 0)
		snprintf(buf, size, _("is %s"), c->regions[named].codes[0].code);
	else
		unknown_name_meaning(c, c->nregions, region_at, _("is no region's name"), name, skip,
		                     buf, size);
}

void gazetteer_cercle_name_meaning(const struct config *c, const char *name, int skip,
                                   char *buf, size_t size)
{
	int named = -1;
	gazetteer_resolve_cercle(c, NULL, name, &named);
	if (named >= 0)
		snprintf(buf, size, _("is %s, in %s"), c->cercles[named].code,
		         c->regions[c->cercles[named].region_old].name);
	else
		unknown_name_meaning(c, c->ncercles, cercle_at, _("is no cercle's name"), name, skip,
		                     buf, size);
}

bool gazetteer_region_mentions(const struct config *c, int r, const char *folded)
{
	const struct region *g = &c->regions[r];
	char code[16];
	if (strstr(g->folded, folded))
		return true;
	for (size_t v = 0; v < g->nvariants; v++)
		if (strstr(g->variants[v], folded))
			return true;
	if (g->ncodes == 0)
		return false;
	text_fold(g->codes[0].code, strlen(g->codes[0].code), code, sizeof code);
	return strstr(code, folded) != NULL;
}

/* ---- a sheet's cercle numbering ------------------------------------------- */

_Static_assert(sizeof(((struct cercle_numbering *)0)->example[0].code) == CODE_MAX,
               "a numbering example holds a normalised code");

/* The cercle the name alone means, when the code means another (or none). */
static int named_against_code(const struct config *c, const char *name, enum place_status st,
                              int cercle)
{
	int named = -1;
	if (st == PLACE_NAME_OVER_CODE)
		return cercle;
	if (st == PLACE_CONFLICT || st == PLACE_UNKNOWN_CODE)
		gazetteer_resolve_cercle(c, NULL, name, &named);
	return named;
}

static void numbering_example(struct cercle_numbering *n, const char *code, int named)
{
	for (int k = 0; k < n->nexamples; k++)
		if (n->example[k].named == named && strcmp(n->example[k].code, code) == 0)
			return;
	if (n->nexamples == NUMBERING_EXAMPLES) {
		n->more = true;
		return;
	}
	snprintf(n->example[n->nexamples].code, CODE_MAX, "%s", code);
	n->example[n->nexamples++].named = named;
}

void gazetteer_numbering_count(const struct config *c, struct cercle_numbering *n,
                               const char *code, const char *name, enum place_status st,
                               int cercle)
{
	char nc[CODE_MAX];
	if (!*code || !*name)
		return;
	if (st == PLACE_OK || st == PLACE_NEAR_NAME) {
		n->coded++;   /* every row of a clean sheet: kept to a test and an add */
		return;
	}
	int named = named_against_code(c, name, st, cercle);
	if (named < 0 || !norm_code(code, nc))
		return;   /* an unknown name says nothing of the numbering */
	n->coded++;
	n->other++;
	numbering_example(n, nc, named);
}

void gazetteer_numbering_merge(struct cercle_numbering *to, const struct cercle_numbering *from)
{
	to->coded += from->coded;
	to->other += from->other;
	to->more |= from->more;
	for (int k = 0; k < from->nexamples; k++)
		numbering_example(to, from->example[k].code, from->example[k].named);
}

bool gazetteer_numbering_note(const struct config *c, const struct cercle_numbering *n,
                              char *buf, size_t size)
{
	size_t len = 0;
	char other[32], coded[32];
	if (n->other < NUMBERING_MIN_ROWS || n->other * 2 <= n->coded || size == 0)
		return false;
	buf[0] = '\0';
	append(buf, size, &len, _("its cercle p-codes follow another numbering (%s of the %s "
	                          "rows writing a known cercle with a p-code: "),
	       fmt_int((int64_t)n->other, other), fmt_int((int64_t)n->coded, coded));
	for (int k = 0; k < n->nexamples; k++)
		append(buf, size, &len, k ? _(", %s for %s") : _("%s written for %s"), n->example[k].code,
		       c->cercles[n->example[k].named].name);
	append(buf, size, &len, _("%s); the names decide where the cercle named lies in the "
	                          "row's region, as each line says"), n->more ? " …" : "");
	return true;
}
