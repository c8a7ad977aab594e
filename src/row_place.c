/* row_place: a record's place — region and cercle, by p-code and name,
 * through the gazetteer, each distinct text resolved once (the memo), with
 * the messages that name what was written and what it means. */
#include "rowbuf.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "gazetteer.h"
#include "i18n.h"

static bool region_is_ambiguous(const struct config *c, const char *code, const char *name)
{
	int a, b;
	if (*name || !*code)
		return false;
	return gazetteer_resolve_region(c, code, "", SYS_OLD, &a) == PLACE_OK
	    && gazetteer_resolve_region(c, code, "", SYS_NEW, &b) == PLACE_OK && a != b;
}

/* A region code and name that name no one region: each said with what it
 * means, so the partner sees which of the two to correct. */
static enum row_outcome region_problem(struct rowbuf *r, enum place_status st,
                                       const char *code, const char *name)
{
	const struct config *c = r->ctx->cfg;
	char meaning[200];
	int by_code = -1;
	if (*code)
		gazetteer_resolve_region(c, code, "", r->ctx->system, &by_code);
	gazetteer_region_name_meaning(c, name, by_code, meaning, sizeof meaning);
	if (st == PLACE_UNKNOWN_CODE && !*name)
		return reject(r, DC_UNKNOWN_REGION_CODE, F_REGION_CODE, _("%s: unknown region p-code '%s'"),
		              head(r, F_REGION_CODE), code);
	if (st == PLACE_UNKNOWN_CODE)
		return reject(r, DC_UNKNOWN_REGION_CODE, F_REGION_CODE,
		              _("%s: unknown region p-code '%s' (%s '%s' %s)"), head(r, F_REGION_CODE),
		              code, head(r, F_REGION), name, meaning);
	if (by_code >= 0)
		return reject(r, st == PLACE_CONFLICT ? DC_REGION_CONFLICT : DC_UNKNOWN_REGION,
		              F_REGION, _("%s '%s' and %s '%s' disagree: %s is %s, and '%s' %s"),
		              head(r, F_REGION_CODE), code, head(r, F_REGION), name, code,
		              c->regions[by_code].name, name, meaning);
	char question[260];
	gazetteer_suggest_region(c, name, meaning, sizeof meaning);
	return reject(r, DC_UNKNOWN_REGION, F_REGION, _("%s: unknown region '%s'%s"), head(r, F_REGION),
	              name, gazetteer_did_you_mean(meaning, question, sizeof question));
}

/* A cercle taken with a remark: a misspelt name beside its p-code, or a
 * name that decides against a p-code of another numbering. */
static void cercle_remark(struct rowbuf *r, enum place_status st, int cercle)
{
	const struct config *c = r->ctx->cfg;
	const char *code = cell(r, F_CERCLE_CODE), *name = cell(r, F_CERCLE);
	const struct cercle *ce = &c->cercles[cercle];
	if (st == PLACE_NEAR_NAME) {
		warn(r, DC_CERCLE_NAME_NEAR, F_CERCLE, _("%s '%s' taken for %s, the cercle of %s '%s'"),
		     head(r, F_CERCLE), name, ce->name, head(r, F_CERCLE_CODE), code);
		return;
	}
	int coded = gazetteer_cercle_by_code(c, code);
	warn(r, DC_CERCLE_CODE_CONFLICT, F_CERCLE_CODE,
	     _("%s '%s' and %s '%s' disagree: counted in %s (%s), the cercle named; "
	       "%s is %s here"), head(r, F_CERCLE_CODE), code, head(r, F_CERCLE), name,
	     ce->name, ce->code, code, coded >= 0 ? c->cercles[coded].name : "?");
}

/* The commune question's memo tag: after the region's, one per system. */
#define MEMO_COMMUNE (MEMO_REGION + SYS_OLD + SYS_NEW + 1)

/* With no cercle written, a commune the gazetteer knows (Bamako's "Commune
 * IV") gives its cercle, when that lies in the row's region. */
static int cercle_of_commune(struct rowbuf *r, int region)
{
	const struct config *c = r->ctx->cfg;
	const char *commune = cell(r, F_COMMUNE);
	int64_t v;
	if (!*commune)
		return -1;
	if (!memo_get(r, MEMO_COMMUNE, F_COMMUNE, F_COUNT, &v)) {
		v = gazetteer_commune_cercle(c, commune);
		memo_put(r, MEMO_COMMUNE, F_COMMUNE, F_COUNT, v);
	}
	int cercle = (int)v;
	if (cercle >= 0 && region >= 0 && !gazetteer_cercle_in_region(c, cercle, region))
		return -1;
	return cercle;
}

/* Why a written cercle names none, code and name each said with what it
 * means: an unknown p-code, a code and a name of two places, or an unknown
 * name (with the closest names, never the code's own cercle). */
static void cercle_why(struct rowbuf *r, enum place_status st, char *buf, size_t size,
                       enum field *f)
{
	const struct config *c = r->ctx->cfg;
	const char *code = cell(r, F_CERCLE_CODE), *name = cell(r, F_CERCLE);
	int coded = gazetteer_cercle_by_code(c, code);
	char meaning[200];
	gazetteer_cercle_name_meaning(c, name, coded, meaning, sizeof meaning);
	*f = st == PLACE_UNKNOWN_CODE ? F_CERCLE_CODE : F_CERCLE;
	if (st == PLACE_UNKNOWN_CODE && *name) {
		snprintf(buf, size, _("%s: unknown cercle p-code '%s' (%s '%s' %s)"), head(r, *f), code,
		         head(r, F_CERCLE), name, meaning);
	} else if (st == PLACE_UNKNOWN_CODE) {
		snprintf(buf, size, _("%s: unknown cercle p-code '%s'"), head(r, *f), code);
	} else if (coded >= 0) {
		snprintf(buf, size, _("%s '%s' and %s '%s' disagree: %s is %s, and '%s' %s"),
		         head(r, F_CERCLE_CODE), code, head(r, F_CERCLE), name, code,
		         c->cercles[coded].name, name, meaning);
	} else {
		char question[260];
		gazetteer_suggest_cercle(c, name, meaning, sizeof meaning);
		snprintf(buf, size, _("%s: unknown cercle '%s'%s"), head(r, *f), name,
		         gazetteer_did_you_mean(meaning, question, sizeof question));
	}
}

/* A cercle a sheet wrote that names none, remembered with its message:
 * a sheet that writes "Sévaré" on 40,000 rows looks for the closest names
 * once, not on every row. */
struct cercle_miss {
	enum place_status st;
	enum field f;             /* the column the message points at */
	char why[300];
	char warning[320];        /* said on each row of a known region */
	uint32_t said;            /* its id among the table's messages (rowbuf_warn_kept) */
};

/* The memo's tag for a miss: the answer depends on the row's region (a
 * name decides over a code only inside it). */
#define MEMO_CERCLE_MISS(region) (MEMO_COMMUNE + 2 + (region))

static struct cercle_miss *cercle_missed(struct rowbuf *r, enum place_status st,
                                               int region)
{
	struct cercle_miss *m = textmemo_keep(&r->ctx->memo, sizeof *m);
	m->st = st;
	cercle_why(r, st, m->why, sizeof m->why, &m->f);
	snprintf(m->warning, sizeof m->warning, _("%s; counted at region level"), m->why);
	m->said = DIAG_WORDS_UNSAID;
	memo_put(r, MEMO_CERCLE_MISS(region), F_CERCLE_CODE, F_CERCLE, (intptr_t)m);
	return m;
}

/* The cercle of code and name in region, once per distinct answer; a miss
 * (st not resolved) comes back with its message in *miss. */
static int memo_cercle(struct rowbuf *r, int region, enum place_status *st,
                       struct cercle_miss **miss)
{
	int64_t v;
	int cercle = -1;
	*st = PLACE_OK;
	*miss = NULL;
	if (memo_get(r, MEMO_CERCLE, F_CERCLE_CODE, F_CERCLE, &v))
		return (int)v;
	if (memo_get(r, MEMO_CERCLE_MISS(region), F_CERCLE_CODE, F_CERCLE, &v)) {
		*miss = (struct cercle_miss *)(intptr_t)v;
		*st = (*miss)->st;
		return -1;
	}
	*st = gazetteer_resolve_cercle_in(r->ctx->cfg, cell(r, F_CERCLE_CODE), cell(r, F_CERCLE),
	                                  region, &cercle);
	if (*st == PLACE_OK)
		memo_put(r, MEMO_CERCLE, F_CERCLE_CODE, F_CERCLE, cercle);
	else if (!gazetteer_resolved(*st))
		*miss = cercle_missed(r, *st, region);
	return cercle;
}

/* A cercle that cannot be resolved is a warning when the region is known
 * (the row still counts, at region level) and a rejection otherwise. */
static int resolve_cercle(struct rowbuf *r, int region, bool *rejected)
{
	const char *code = cell(r, F_CERCLE_CODE), *name = cell(r, F_CERCLE);
	*rejected = false;
	if (!*code && !*name)
		return cercle_of_commune(r, region);
	enum place_status st;
	struct cercle_miss *miss;
	int cercle = memo_cercle(r, region, &st, &miss);
	gazetteer_numbering_count(r->ctx->cfg, &r->ctx->numbering, code, name, st, cercle);
	if (gazetteer_resolved(st)) {
		if (st != PLACE_OK)
			cercle_remark(r, st, cercle);
		return cercle;
	}
	if (region < 0) {
		*rejected = true;
		reject(r, DC_UNKNOWN_CERCLE, miss->f, _("%s and no region given"), miss->why);
		return -1;
	}
	rowbuf_warn_kept(r, DC_UNKNOWN_CERCLE, miss->f, miss->warning, &miss->said);
	return -1;
}

/* place_region, once per distinct code × name × system; *region is
 * REGION_DEFERRED when the answer waits for the sheet's system. */
static enum place_status memo_region(struct rowbuf *r, const char *code, const char *name,
                                     int *region)
{
	struct row_context *ctx = r->ctx;
	int tag = MEMO_REGION + ctx->system;
	int64_t v;
	if (memo_get(r, tag, F_REGION_CODE, F_REGION, &v)) {
		*region = (int)v;
		return PLACE_OK;
	}
	if (ctx->system == 0 && region_is_ambiguous(ctx->cfg, code, name)) {
		*region = REGION_DEFERRED;
		memo_put(r, tag, F_REGION_CODE, F_REGION, REGION_DEFERRED);
		return PLACE_OK;
	}
	enum place_status st = gazetteer_resolve_region(ctx->cfg, code, name, ctx->system, region);
	if (st == PLACE_OK)
		memo_put(r, tag, F_REGION_CODE, F_REGION, *region);
	return st;
}

enum row_outcome row_resolve_place(struct rowbuf *r)
{
	const struct config *c = r->ctx->cfg;
	const char *code = cell(r, F_REGION_CODE), *name = cell(r, F_REGION);
	int region = -1;
	bool rejected;
	if (*code || *name) {
		enum place_status st = memo_region(r, code, name, &region);
		if (region == REGION_DEFERRED)
			return ROW_DEFERRED;
		if (!gazetteer_resolved(st))
			return region_problem(r, st, code, name);
		if (st == PLACE_NEAR_NAME)
			warn(r, DC_REGION_NAME_NEAR, F_REGION, _("%s '%s' taken for %s, the region of %s '%s'"),
			     head(r, F_REGION), name, c->regions[region].name, head(r, F_REGION_CODE),
			     code);
	}
	int cercle = resolve_cercle(r, region, &rejected);
	if (rejected)
		return ROW_REJECTED;
	if (region < 0 && cercle < 0)
		return reject(r, DC_NO_PLACE, F_REGION, _("no place given: %s and %s are empty"),
		              head(r, F_REGION), head(r, F_CERCLE));
	if (region < 0) {
		const struct cercle *ce = &c->cercles[cercle];
		region = r->ctx->system == SYS_NEW && ce->region_new >= 0 ? ce->region_new
		                                                          : ce->region_old;
	} else if (cercle >= 0 && !gazetteer_cercle_in_region(c, cercle, region)) {
		warn(r, DC_CERCLE_NOT_IN_REGION, F_CERCLE,
		     _("%s '%s' is not in region %s; counted in %s without a cercle"),
		     head(r, F_CERCLE), c->cercles[cercle].name, c->regions[region].name,
		     c->regions[region].name);
		cercle = -1;
	}
	r->a.written_region = (int8_t)region;
	r->a.region = (int8_t)gazetteer_plan_region(c, region, cercle);
	r->a.cercle = (int16_t)cercle;
	return ROW_ACCEPTED;
}
