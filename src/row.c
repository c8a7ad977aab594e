#include "row.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "colmap.h"
#include "filter.h"
#include "gazetteer.h"
#include "itype.h"
#include "parse.h"
#include "text.h"

/* Warnings are held until the row is known to be accepted: a rejected row
 * gets its reasons, not a pile of side remarks. */
#define MAX_PENDING 8
struct pending {
	size_t n;
	struct { enum diag_code code; uint32_t col; char msg[320]; } w[MAX_PENDING];
};

struct rowbuf {
	struct row_context *ctx;
	const struct source *src;
	uint32_t line;
	const char *const *cells;
	size_t ncells;
	struct pending warn;
	struct activity a;
	struct row_counts people;     /* stored in a when the row is accepted */
	int32_t total;            /* the sheet's total column (rule 2 checks it), or COUNT_MISSING */
	int32_t targeted;         /* read so a bad value is reported; not stored */
	bool year_taken;          /* a date was a month name alone, given the plan's year */
	bool rejected;            /* a problem was found: the next is added to its message */
};

static const char *cell(const struct rowbuf *r, enum field f)
{
	int col = r->src->map.col[f];
	return col >= 0 && (size_t)col < r->ncells ? r->cells[col] : "";
}

static uint32_t col_of(const struct rowbuf *r, enum field f)
{
	return (uint32_t)(r->src->map.col[f] + 1);   /* -1 → 0: the row as a whole */
}

/* The sheet's own header for a field, so messages speak the partner's words. */
static const char *head(const struct rowbuf *r, enum field f)
{
	const char *h = r->src->map.header[f];
	return h && *h ? h : field_key(f);
}

/* A problem that rejects the row, at col (0: the row); later ones join its message. */
__attribute__((format(printf, 4, 5)))
static enum row_outcome reject_at(struct rowbuf *r, enum diag_code code, uint32_t col,
                                  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vreject(&r->ctx->table->diags, r->rejected, code, r->ctx->source, r->line, col,
	             fmt, ap);
	va_end(ap);
	r->rejected = true;
	return ROW_REJECTED;
}
#define reject(r, code, f, ...) reject_at(r, code, (f) < F_COUNT ? col_of(r, f) : 0, __VA_ARGS__)

__attribute__((format(printf, 4, 5)))
static void warn(struct rowbuf *r, enum diag_code code, enum field f, const char *fmt, ...)
{
	if (r->warn.n == MAX_PENDING)
		return;
	va_list ap;
	va_start(ap, fmt);
	r->warn.w[r->warn.n].code = code;
	r->warn.w[r->warn.n].col = f < F_COUNT ? col_of(r, f) : 0;
	vsnprintf(r->warn.w[r->warn.n].msg, sizeof r->warn.w[0].msg, fmt, ap);
	va_end(ap);
	r->warn.n++;
}

static void flush_warnings(struct rowbuf *r)
{
	for (size_t i = 0; i < r->warn.n; i++)
		diag_add(&r->ctx->table->diags, DIAG_WARNING, r->warn.w[i].code, r->ctx->source,
		         r->line, r->warn.w[i].col, "%s", r->warn.w[i].msg);
}

static bool all_blank(const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (cells[i][0])
			return false;
	return true;
}

/* ---- remembered answers -------------------------------------------------- */

/* Questions asked of the memo; the region's carries the sheet's system,
 * since ML09 means two places. */
enum { MEMO_CERCLE = 1, MEMO_TYPE, MEMO_STATUS, MEMO_DATE, MEMO_REGION /* + system */ };
#define REGION_DEFERRED (-2)

/* ---- places ------------------------------------------------------------ */

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
		return reject(r, DC_UNKNOWN_REGION_CODE, F_REGION_CODE, "%s: unknown region p-code '%s'",
		              head(r, F_REGION_CODE), code);
	if (st == PLACE_UNKNOWN_CODE)
		return reject(r, DC_UNKNOWN_REGION_CODE, F_REGION_CODE,
		              "%s: unknown region p-code '%s' (%s '%s' %s)", head(r, F_REGION_CODE),
		              code, head(r, F_REGION), name, meaning);
	if (by_code >= 0)
		return reject(r, st == PLACE_CONFLICT ? DC_REGION_CONFLICT : DC_UNKNOWN_REGION,
		              F_REGION, "%s '%s' and %s '%s' disagree: %s is %s, and '%s' %s",
		              head(r, F_REGION_CODE), code, head(r, F_REGION), name, code,
		              c->regions[by_code].name, name, meaning);
	bool any = gazetteer_suggest_region(c, name, meaning, sizeof meaning) > 0;
	return reject(r, DC_UNKNOWN_REGION, F_REGION, "%s: unknown region '%s'%s%s%s", head(r, F_REGION),
	              name, any ? " — did you mean " : "", meaning, any ? "?" : "");
}

/* A cercle taken with a remark: a misspelt name beside its p-code, or a
 * name that decides against a p-code of another numbering. */
static void cercle_remark(struct rowbuf *r, enum place_status st, int cercle)
{
	const struct config *c = r->ctx->cfg;
	const char *code = cell(r, F_CERCLE_CODE), *name = cell(r, F_CERCLE);
	const struct cercle *ce = &c->cercles[cercle];
	if (st == PLACE_NEAR_NAME) {
		warn(r, DC_CERCLE_NAME_NEAR, F_CERCLE, "%s '%s' taken for %s, the cercle of %s '%s'",
		     head(r, F_CERCLE), name, ce->name, head(r, F_CERCLE_CODE), code);
		return;
	}
	int coded = gazetteer_cercle_by_code(c, code);
	warn(r, DC_CERCLE_CODE_CONFLICT, F_CERCLE_CODE,
	     "%s '%s' and %s '%s' disagree: counted in %s (%s), the cercle named; "
	     "%s is %s here", head(r, F_CERCLE_CODE), code, head(r, F_CERCLE), name,
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
	if (!textmemo_get(&r->ctx->memo, MEMO_COMMUNE, commune, NULL, &v)) {
		v = gazetteer_commune_cercle(c, commune);
		textmemo_put(&r->ctx->memo, MEMO_COMMUNE, commune, NULL, v);
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
		snprintf(buf, size, "%s: unknown cercle p-code '%s' (%s '%s' %s)", head(r, *f), code,
		         head(r, F_CERCLE), name, meaning);
	} else if (st == PLACE_UNKNOWN_CODE) {
		snprintf(buf, size, "%s: unknown cercle p-code '%s'", head(r, *f), code);
	} else if (coded >= 0) {
		snprintf(buf, size, "%s '%s' and %s '%s' disagree: %s is %s, and '%s' %s",
		         head(r, F_CERCLE_CODE), code, head(r, F_CERCLE), name, code,
		         c->cercles[coded].name, name, meaning);
	} else {
		gazetteer_suggest_cercle(c, name, meaning, sizeof meaning);
		snprintf(buf, size, "%s: unknown cercle '%s'%s%s%s", head(r, *f), name,
		         *meaning ? " — did you mean " : "", meaning, *meaning ? "?" : "");
	}
}

/* A cercle that cannot be resolved is a warning when the region is known
 * (the row still counts, at region level) and a rejection otherwise. */
static int resolve_cercle(struct rowbuf *r, int region, bool *rejected)
{
	const struct config *c = r->ctx->cfg;
	const char *code = cell(r, F_CERCLE_CODE), *name = cell(r, F_CERCLE);
	int cercle = -1;
	*rejected = false;
	if (!*code && !*name)
		return cercle_of_commune(r, region);
	int64_t v;
	enum place_status st = PLACE_OK;
	if (textmemo_get(&r->ctx->memo, MEMO_CERCLE, code, name, &v))
		cercle = (int)v;
	else if ((st = gazetteer_resolve_cercle_in(c, code, name, region, &cercle)) == PLACE_OK)
		textmemo_put(&r->ctx->memo, MEMO_CERCLE, code, name, cercle);
	gazetteer_numbering_count(c, &r->ctx->numbering, code, name, st, cercle);
	if (st == PLACE_OK)
		return cercle;
	if (gazetteer_resolved(st)) {
		cercle_remark(r, st, cercle);
		return cercle;
	}
	char why[300];
	enum field f;
	cercle_why(r, st, why, sizeof why, &f);
	if (region < 0) {
		*rejected = true;
		reject(r, DC_UNKNOWN_CERCLE, f, "%s and no region given", why);
		return -1;
	}
	warn(r, DC_UNKNOWN_CERCLE, f, "%s; counted at region level", why);
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
	if (textmemo_get(&ctx->memo, tag, code, name, &v)) {
		*region = (int)v;
		return PLACE_OK;
	}
	if (ctx->system == 0 && region_is_ambiguous(ctx->cfg, code, name)) {
		*region = REGION_DEFERRED;
		textmemo_put(&ctx->memo, tag, code, name, REGION_DEFERRED);
		return PLACE_OK;
	}
	enum place_status st = gazetteer_resolve_region(ctx->cfg, code, name, ctx->system, region);
	if (st == PLACE_OK)
		textmemo_put(&ctx->memo, tag, code, name, *region);
	return st;
}

static enum row_outcome resolve_place(struct rowbuf *r)
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
			warn(r, DC_REGION_NAME_NEAR, F_REGION, "%s '%s' taken for %s, the region of %s '%s'",
			     head(r, F_REGION), name, c->regions[region].name, head(r, F_REGION_CODE),
			     code);
	}
	int cercle = resolve_cercle(r, region, &rejected);
	if (rejected)
		return ROW_REJECTED;
	if (region < 0 && cercle < 0)
		return reject(r, DC_NO_PLACE, F_REGION, "no place given: %s and %s are empty",
		              head(r, F_REGION), head(r, F_CERCLE));
	if (region < 0) {
		const struct cercle *ce = &c->cercles[cercle];
		region = r->ctx->system == SYS_NEW && ce->region_new >= 0 ? ce->region_new
		                                                          : ce->region_old;
	} else if (cercle >= 0 && !gazetteer_cercle_in_region(c, cercle, region)) {
		warn(r, DC_CERCLE_NOT_IN_REGION, F_CERCLE,
		     "%s '%s' is not in region %s; counted in %s without a cercle",
		     head(r, F_CERCLE), c->cercles[cercle].name, c->regions[region].name,
		     c->regions[region].name);
		cercle = -1;
	}
	r->a.written_region = (int8_t)region;
	r->a.region = (int8_t)gazetteer_plan_region(c, region, cercle);
	r->a.cercle = (int16_t)cercle;
	return ROW_ACCEPTED;
}

/* ---- intervention type and status -------------------------------------- */

static int memo_type(struct rowbuf *r, const char *text)
{
	int64_t v;
	if (textmemo_get(&r->ctx->memo, MEMO_TYPE, text, NULL, &v))
		return (int)v;
	int t = itype_resolve(r->ctx->cfg, text);
	textmemo_put(&r->ctx->memo, MEMO_TYPE, text, NULL, t);
	return t;
}

static enum row_outcome resolve_type(struct rowbuf *r)
{
	const struct config *c = r->ctx->cfg;
	const char *text = cell(r, F_ITYPE), *act = cell(r, F_ACTIVITY);
	int t = *text ? memo_type(r, text) : -1;
	if (t < 0 && *text) {
		warn(r, DC_UNKNOWN_TYPE, F_ITYPE,
		     "%s: unknown intervention type '%s', counted as %s (%s)",
		     head(r, F_ITYPE), text, c->types[c->other_type].code,
		     c->types[c->other_type].label_en);
		t = c->other_type;
	}
	if (t < 0 && *act) {
		t = itype_resolve(c, act);
		if (t >= 0)
			warn(r, DC_TYPE_FROM_ACTIVITY, F_ITYPE,
			     "%s is empty; type %s taken from %s '%s'",
			     head(r, F_ITYPE), c->types[t].code, head(r, F_ACTIVITY), act);
	}
	if (t < 0)
		return reject(r, DC_NO_TYPE, F_ITYPE,
		              "no intervention type: %s is empty", head(r, F_ITYPE));
	r->a.itype = (uint8_t)t;
	return ROW_ACCEPTED;
}

static const struct { const char *word; enum status st; } status_words[] = {
	{ "planned", STATUS_PLANNED }, { "planifie", STATUS_PLANNED },
	{ "prevu", STATUS_PLANNED }, { "a venir", STATUS_PLANNED },
	{ "pipeline", STATUS_PLANNED }, { "not started", STATUS_PLANNED },
	{ "ongoing", STATUS_ONGOING }, { "en cours", STATUS_ONGOING },
	{ "encours", STATUS_ONGOING }, { "actif", STATUS_ONGOING },
	{ "active", STATUS_ONGOING }, { "in progress", STATUS_ONGOING },
	{ "completed", STATUS_COMPLETED }, { "complete", STATUS_COMPLETED },
	{ "termine", STATUS_COMPLETED }, { "acheve", STATUS_COMPLETED },
	{ "cloture", STATUS_COMPLETED }, { "closed", STATUS_COMPLETED },
	{ "done", STATUS_COMPLETED }, { "finished", STATUS_COMPLETED },
	{ "suspended", STATUS_SUSPENDED }, { "suspendu", STATUS_SUSPENDED },
	{ "annule", STATUS_SUSPENDED }, { "cancelled", STATUS_SUSPENDED },
	{ "canceled", STATUS_SUSPENDED }, { "arrete", STATUS_SUSPENDED },
};

static void resolve_status(struct rowbuf *r)
{
	const char *text = cell(r, F_STATUS);
	char folded[64];
	r->a.status = STATUS_UNKNOWN;
	if (!*text)
		return;
	int64_t v;
	if (textmemo_get(&r->ctx->memo, MEMO_STATUS, text, NULL, &v)) {
		r->a.status = (uint8_t)v;
		return;
	}
	text_fold(text, strlen(text), folded, sizeof folded);
	for (size_t i = 0; i < sizeof status_words / sizeof status_words[0]; i++)
		if (strcmp(folded, status_words[i].word) == 0 ||
		    text_has_words(folded, status_words[i].word)) {
			r->a.status = (uint8_t)status_words[i].st;
			textmemo_put(&r->ctx->memo, MEMO_STATUS, text, NULL, r->a.status);
			return;
		}
	warn(r, DC_UNKNOWN_STATUS, F_STATUS,
	     "%s: unknown status '%s' (expected planned, ongoing, completed "
	     "or suspended)", head(r, F_STATUS), text);
}

/* ---- dates ------------------------------------------------------------- */

/* parse_date, once per distinct text (only good dates are remembered). */
static enum date_status memo_date(struct rowbuf *r, const char *text, struct date *d)
{
	if (!*text)
		return DATE_MISSING;
	int64_t v;
	if (textmemo_get(&r->ctx->memo, MEMO_DATE, text, NULL, &v)) {
		*d = (struct date){ .year = (int)(v / 10000), .month = (int)(v / 100 % 100),
		                    .day = (int)(v % 100) };
		return DATE_OK;
	}
	enum date_status st = parse_date(text, d);
	if (st == DATE_NO_YEAR && r->ctx->cfg->plan_year > 0) {
		d->year = r->ctx->cfg->plan_year;
		r->year_taken = true;
		return DATE_OK;   /* not remembered: each such row is counted */
	}
	if (st == DATE_OK)
		textmemo_put(&r->ctx->memo, MEMO_DATE, text, NULL,
		         (int64_t)d->year * 10000 + d->month * 100 + d->day);
	return st;
}

static enum row_outcome read_month(struct rowbuf *r, enum field f, int16_t *month,
                                   struct date *out)
{
	const char *text = cell(r, f);
	struct date d;
	*month = -1;
	switch (memo_date(r, text, &d)) {
	case DATE_MISSING:
		return ROW_ACCEPTED;
	case DATE_IMPOSSIBLE:
		return reject(r, DC_IMPOSSIBLE_DATE, f,
		              "%s: '%s' is not a real date", head(r, f), text);
	case DATE_NO_YEAR:
		return reject(r, DC_NOT_A_DATE, f,
		              "%s: '%s' has no year (with [plan] year set it is read as a "
		              "month of the plan year)", head(r, f), text);
	case DATE_INVALID:
		return reject(r, DC_NOT_A_DATE, f,
		              "%s: '%s' is not a date (expected dd/mm/yyyy, yyyy-mm-dd "
		              "or a month such as 'mars 2024')", head(r, f), text);
	case DATE_OK:
		break;
	}
	*month = (int16_t)month_index(d.year, d.month);
	if (out)
		*out = d;
	return ROW_ACCEPTED;
}

/* Rule 11, judged on the period as rule 8 and the filter read it: the
 * reporting month, else the [start, end] span, which is inside when it
 * overlaps the plan year at all (an activity begun in 2023 and still running
 * in 2024 reports on 2024).  A row with no date is never outside. */
static bool outside_plan_year(const struct activity *a, int year)
{
	int lo, hi;
	if (year <= 0)
		return false;
	filter_row_span(a, &lo, &hi);
	return lo >= 0 && (hi < month_index(year, 1) || lo > month_index(year, 12));
}

static enum row_outcome resolve_dates(struct rowbuf *r)
{
	struct date start = {0}, end = {0};
	bool ok = read_month(r, F_PERIOD, &r->a.month, NULL) == ROW_ACCEPTED;   /* each named */
	ok &= read_month(r, F_START, &r->a.start_month, &start) == ROW_ACCEPTED;
	if (!(ok &= read_month(r, F_END, &r->a.end_month, &end) == ROW_ACCEPTED))
		return ROW_REJECTED;
	if (r->a.start_month >= 0 && r->a.end_month >= 0 && date_days(&end) < date_days(&start))
		warn(r, DC_END_BEFORE_START, F_END,
		     "%s '%s' is before %s '%s'", head(r, F_END), cell(r, F_END),
		     head(r, F_START), cell(r, F_START));
	r->a.outside_plan = outside_plan_year(&r->a, r->ctx->cfg->plan_year);
	return ROW_ACCEPTED;
}

/* ---- people ------------------------------------------------------------ */

static enum row_outcome read_count(struct rowbuf *r, enum field f, int32_t *out)
{
	const char *text = cell(r, f);
	int64_t v;
	enum num_status st = parse_people(text, &v);
	*out = COUNT_MISSING;
	if (st == NUM_MISSING)
		return ROW_ACCEPTED;
	if (st != NUM_OK)
		return reject(r, DC_BAD_COUNT, f,
		              "%s: '%s' %s", head(r, f), text, parse_num_status_text(st));
	*out = (int32_t)v;
	return ROW_ACCEPTED;
}

static int64_t add_given(int64_t sum, int32_t v, int *given)
{
	if (v == COUNT_MISSING)
		return sum;
	(*given)++;
	return sum + v;
}

/* Rule 2: the disaggregated sum counts; the total only stands in when
 * there is no breakdown at all. */
static enum row_outcome compute_reached(struct rowbuf *r, int32_t older_w, int32_t older_m)
{
	struct row_counts *a = &r->people;
	int given = 0;
	int64_t sum = 0;
	sum = add_given(sum, a->girls, &given);
	sum = add_given(sum, a->boys, &given);
	sum = add_given(sum, a->women, &given);
	sum = add_given(sum, a->men, &given);
	a->older = older_w == COUNT_MISSING && older_m == COUNT_MISSING ? COUNT_MISSING
	         : (older_w > 0 ? older_w : 0) + (older_m > 0 ? older_m : 0);
	sum = add_given(sum, a->older, &given);
	if (!given && r->total == COUNT_MISSING) {
		if (r->a.status == STATUS_PLANNED)
			return ROW_ACCEPTED;
		return reject(r, DC_NO_COUNT, F_COUNT,
		              "no people count: %s, %s, %s, %s and %s are all empty",
		              head(r, F_GIRLS), head(r, F_BOYS), head(r, F_WOMEN), head(r, F_MEN),
		              head(r, F_TOTAL));
	}
	if (given && r->total != COUNT_MISSING && r->total != sum)
		warn(r, DC_TOTAL_DIFFERS, F_TOTAL,
		     "%s %d differs from the sum of the breakdown %lld; the "
		     "breakdown is counted", head(r, F_TOTAL), r->total, (long long)sum);
	a->reached = (int32_t)(given ? sum : r->total);
	return ROW_ACCEPTED;
}

/* Planned activities are presence, not people reached. */
static void clear_planned_people(struct rowbuf *r)
{
	struct row_counts *a = &r->people;
	if (r->a.status != STATUS_PLANNED)
		return;
	if (a->reached > 0)
		warn(r, DC_PLANNED_REACHED, F_STATUS,
		     "planned activity reports %d people reached; counted as "
		     "planned presence only", a->reached);
	a->reached = 0;
	a->girls = a->boys = a->women = a->men = a->older = COUNT_MISSING;
}

/* ---- people as HXL tags them (colmap.h) ---------------------------------- */

_Static_assert(PEOPLE_MISSING == COUNT_MISSING, "one mark for a count not given");

static int32_t narrow(int64_t v)
{
	return v == COUNT_MISSING ? COUNT_MISSING : v > INT32_MAX ? INT32_MAX : (int32_t)v;
}

/* The most specific split given counts: sex × age, else age groups, else
 * sex alone, else the total; a less specific figure that disagrees is a
 * warning, as the total is on a sheet with Girls/Boys/Women/Men. */
static enum row_outcome compute_tagged(struct rowbuf *r, const struct people_split *t)
{
	static const int ages[] = { PEOPLE_CHILDREN, PEOPLE_ADULTS, PEOPLE_ELDERLY };
	struct row_counts *a = &r->people;
	a->girls = narrow(colmap_people_children(t, PEOPLE_F));
	a->boys = narrow(colmap_people_children(t, PEOPLE_M));
	a->women = narrow(t->cell[PEOPLE_F][PEOPLE_ADULTS]);
	a->men = narrow(t->cell[PEOPLE_M][PEOPLE_ADULTS]);
	a->older = narrow(colmap_people_group(t, PEOPLE_ELDERLY));
	int64_t by_age = COUNT_MISSING;
	for (size_t k = 0; k < sizeof ages / sizeof ages[0]; k++)
		by_age = colmap_people_plus(by_age, colmap_people_group(t, ages[k]));
	int64_t f = t->cell[PEOPLE_F][PEOPLE_ANY_AGE], m = t->cell[PEOPLE_M][PEOPLE_ANY_AGE];
	int64_t by_sex = colmap_people_plus(f, m), total = t->cell[PEOPLE_ANY_SEX][PEOPLE_ANY_AGE];
	int64_t best = by_age != COUNT_MISSING ? by_age : by_sex != COUNT_MISSING ? by_sex : total;
	r->total = narrow(total);
	if (best == COUNT_MISSING) {
		if (r->a.status == STATUS_PLANNED)
			return ROW_ACCEPTED;
		return reject(r, DC_NO_COUNT, F_COUNT,
		              "no people count: every #reached column is empty");
	}
	int64_t less = best == by_age && f != COUNT_MISSING && m != COUNT_MISSING ? by_sex : COUNT_MISSING;
	if (total != COUNT_MISSING && best != total)
		less = total;
	if (less != COUNT_MISSING && less != best)
		warn(r, DC_TOTAL_DIFFERS, F_TOTAL,
		     "%s %lld differs from the sum of the breakdown %lld; the "
		     "breakdown is counted", less == total ? head(r, F_TOTAL) : "#reached+f + #reached+m",
		     (long long)less, (long long)best);
	a->reached = narrow(best);
	return ROW_ACCEPTED;
}

static enum row_outcome resolve_tagged_people(struct rowbuf *r)
{
	struct people_split t;
	const struct people_col *bad;
	enum num_status st;
	if (!colmap_people_read(r->src->people, r->cells, r->ncells, &t, &bad, &st))
		return reject_at(r, DC_BAD_COUNT, (uint32_t)bad->col + 1, "%s: '%s' %s", bad->label,
		                 r->cells[bad->col], parse_num_status_text(st));
	if (read_count(r, F_TARGETED, &r->targeted) != ROW_ACCEPTED ||
	    compute_tagged(r, &t) != ROW_ACCEPTED)
		return ROW_REJECTED;
	clear_planned_people(r);
	return ROW_ACCEPTED;
}

static enum row_outcome resolve_people(struct rowbuf *r)
{
	struct row_counts *a = &r->people;
	int32_t ow, om;
	if (r->src->people)
		return resolve_tagged_people(r);
	static const enum field fields[] = { F_GIRLS, F_BOYS, F_WOMEN, F_MEN, F_OLDER_WOMEN,
	                                     F_OLDER_MEN, F_TOTAL, F_TARGETED };
	int32_t *const out[] = { &a->girls, &a->boys, &a->women, &a->men, &ow, &om, &r->total,
	                         &r->targeted };
	bool ok = true;           /* every bad count is named, not the first */
	for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
		ok &= read_count(r, fields[k], out[k]) == ROW_ACCEPTED;
	if (!ok || compute_reached(r, ow, om) != ROW_ACCEPTED)
		return ROW_REJECTED;
	clear_planned_people(r);
	return ROW_ACCEPTED;
}

/* ---- who --------------------------------------------------------------- */

static void resolve_who(struct rowbuf *r)
{
	struct strpool *pool = &r->ctx->table->strings;
	const char *org = cell(r, F_ORG), *impl = cell(r, F_PARTNER);
	if (!*org && !*impl)
		warn(r, DC_NO_ORGANISATION, F_ORG, "no organisation named: %s and %s are empty",
		     head(r, F_ORG), head(r, F_PARTNER));
	r->a.org = strpool_id_cstr(pool, org);
	/* rule 3: the implementing partner is who is present; rule 13: with
	 * neither, the name stays empty and the row makes no partner */
	r->a.partner = strpool_id_cstr(pool, *impl ? impl : org);
	r->a.activity = strpool_id_cstr(pool, cell(r, F_ACTIVITY));
	r->a.commune = strpool_id_cstr(pool, cell(r, F_COMMUNE));
}

/* Rule 10: the cells as written, so two rows that only read the same
 * (a count given and a planned row's empty one) are not one repeated.
 * The loader keeps a record's cells as consecutive NUL-terminated strings
 * of one buffer, so the cells up to the last non-empty one are hashed as
 * one span (the NULs keep "ab","c" apart from "a","bc"): one pass instead
 * of a length and a hash per cell, which cost a fifth of the load. */
static uint32_t cells_hash(const char *const *cells, size_t ncells)
{
	while (ncells && !*cells[ncells - 1])
		ncells--;
	if (ncells == 0)
		return 0;
	const char *end = cells[ncells - 1] + strlen(cells[ncells - 1]);
	bool one_span = true;     /* in order, each right after a NUL: as the loader keeps them */
	for (size_t i = 1; i < ncells && one_span; i++)
		one_span = cells[i] > cells[i - 1] && cells[i][-1] == '\0';
	if (one_span)
		return strpool_hash(cells[0], (size_t)(end - cells[0]));
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < ncells; i++)
		h = (h ^ strpool_hash(cells[i], strlen(cells[i]))) * 16777619u + (uint32_t)i;
	return h;
}

int row_system_hint(const struct row_context *ctx, const char *const *cells, size_t ncells)
{
	const struct source *src = ctx->src;
	int cc = src->map.col[F_REGION_CODE], cn = src->map.col[F_REGION];
	const char *code = cc >= 0 && (size_t)cc < ncells ? cells[cc] : "";
	const char *name = cn >= 0 && (size_t)cn < ncells ? cells[cn] : "";
	return gazetteer_system_hint(ctx->cfg, code, name);
}

enum row_outcome row_convert(struct row_context *ctx, uint32_t line,
                             const char *const *cells, size_t ncells)
{
	if (all_blank(cells, ncells))
		return ROW_BLANK;
	struct rowbuf r = {
		.ctx = ctx, .src = ctx->src, .line = line,
		.cells = cells, .ncells = ncells,
	};
	r.a.source = ctx->source;
	r.a.line = line;
	enum row_outcome o = resolve_place(&r);
	if (o == ROW_DEFERRED)
		return o;
	/* every step runs after a rejection too, each problem joining the row's message */
	bool ok = resolve_type(&r) == ROW_ACCEPTED && o == ROW_ACCEPTED;
	ok = resolve_dates(&r) == ROW_ACCEPTED && ok;
	resolve_status(&r);
	if (!(resolve_people(&r) == ROW_ACCEPTED && ok))
		return ROW_REJECTED;
	resolve_who(&r);
	table_set_counts(ctx->table, &r.a, &r.people);
	table_add(ctx->table, &r.a);
	table_note_written(ctx->table, cells_hash(cells, ncells));
	if (r.year_taken && (ctx->year_taken++ == 0 || line < ctx->year_taken_line))
		ctx->year_taken_line = line;   /* rows that waited for the system come late */
	flush_warnings(&r);
	return ROW_ACCEPTED;
}
