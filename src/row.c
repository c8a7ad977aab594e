#include "row.h"
#include "rowbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "colmap.h"
#include "filter.h"
#include "gazetteer.h"
#include "i18n.h"
#include "itype.h"
#include "parse.h"
#include "text.h"

static bool all_blank(const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (cells[i][0])
			return false;
	return true;
}

/* ---- intervention type and status -------------------------------------- */

static int memo_type(struct rowbuf *r, const char *text)
{
	int64_t v;
	if (memo_get(r, MEMO_TYPE, F_ITYPE, F_COUNT, &v))
		return (int)v;
	int t = itype_resolve(r->ctx->cfg, text);
	memo_put(r, MEMO_TYPE, F_ITYPE, F_COUNT, t);
	return t;
}

static enum row_outcome resolve_type(struct rowbuf *r)
{
	const struct config *c = r->ctx->cfg;
	const char *text = cell(r, F_ITYPE), *act = cell(r, F_ACTIVITY);
	int t = *text ? memo_type(r, text) : -1;
	if (t < 0 && *text) {
		warn(r, DC_UNKNOWN_TYPE, F_ITYPE,
		     _("%s: unknown intervention type '%s', counted as %s (%s)"),
		     head(r, F_ITYPE), text, c->types[c->other_type].code,
		     itype_label(&c->types[c->other_type]));
		t = c->other_type;
	}
	if (t < 0 && *act) {
		t = itype_resolve(c, act);
		if (t >= 0)
			warn(r, DC_TYPE_FROM_ACTIVITY, F_ITYPE,
			     _("%s is empty; type %s taken from %s '%s'"),
			     head(r, F_ITYPE), c->types[t].code, head(r, F_ACTIVITY), act);
	}
	if (t < 0)
		return reject(r, DC_NO_TYPE, F_ITYPE,
		              _("no intervention type: %s is empty"), head(r, F_ITYPE));
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
	if (memo_get(r, MEMO_STATUS, F_STATUS, F_COUNT, &v)) {
		r->a.status = (uint8_t)v;
		return;
	}
	text_fold(text, strlen(text), folded, sizeof folded);
	for (size_t i = 0; i < sizeof status_words / sizeof status_words[0]; i++)
		if (strcmp(folded, status_words[i].word) == 0 ||
		    text_has_words(folded, status_words[i].word)) {
			r->a.status = (uint8_t)status_words[i].st;
			memo_put(r, MEMO_STATUS, F_STATUS, F_COUNT, r->a.status);
			return;
		}
	warn(r, DC_UNKNOWN_STATUS, F_STATUS,
	     _("%s: unknown status '%s' (expected planned, ongoing, completed "
	       "or suspended)"), head(r, F_STATUS), text);
}

/* ---- dates ------------------------------------------------------------- */

/* parse_date, once per distinct text (only good dates are remembered). */
static enum date_status memo_date(struct rowbuf *r, enum field f, struct date *d)
{
	const char *text = cell(r, f);
	if (!*text)
		return DATE_MISSING;
	if (parse_date_common(text, cell_len(r, f), d))
		return DATE_OK;
	int64_t v;
	if (memo_get(r, MEMO_DATE, f, F_COUNT, &v)) {
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
		memo_put(r, MEMO_DATE, f, F_COUNT, (int64_t)d->year * 10000 + d->month * 100 + d->day);
	return st;
}

static enum row_outcome read_month(struct rowbuf *r, enum field f, int16_t *month,
                                   struct date *out)
{
	const char *text = cell(r, f);
	struct date d;
	*month = -1;
	switch (memo_date(r, f, &d)) {
	case DATE_MISSING:
		return ROW_ACCEPTED;
	case DATE_IMPOSSIBLE:
		return reject(r, DC_IMPOSSIBLE_DATE, f,
		              _("%s: '%s' is not a real date"), head(r, f), text);
	case DATE_NO_YEAR:
		return reject(r, DC_NOT_A_DATE, f,
		              _("%s: '%s' has no year (with [plan] year set it is read as a "
		                "month of the plan year)"), head(r, f), text);
	case DATE_INVALID:
		return reject(r, DC_NOT_A_DATE, f,
		              _("%s: '%s' is not a date (expected dd/mm/yyyy, yyyy-mm-dd "
		                "or a month such as 'mars 2024')"), head(r, f), text);
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
		     _("%s '%s' is before %s '%s'"), head(r, F_END), cell(r, F_END),
		     head(r, F_START), cell(r, F_START));
	r->a.outside_plan = outside_plan_year(&r->a, r->ctx->cfg->plan_year);
	return ROW_ACCEPTED;
}

/* ---- people ------------------------------------------------------------ */

/* A count that is no count: the row's rejection (rare, so kept out of the
 * way of read_count, which every row calls eight times). */
static enum row_outcome bad_count(struct rowbuf *r, enum field f, const char *text,
                                  enum num_status st)
{
	return reject(r, DC_BAD_COUNT, f, _("%s: '%s' %s"), head(r, f), text,
	              parse_num_status_text(st));
}

static inline enum row_outcome read_count(struct rowbuf *r, enum field f, int32_t *out)
{
	const char *text = cell(r, f);
	int64_t v;
	enum num_status st = parse_people(text, &v);
	if (st == NUM_OK) {
		*out = (int32_t)v;
		return ROW_ACCEPTED;
	}
	*out = COUNT_MISSING;
	return st == NUM_MISSING ? ROW_ACCEPTED : bad_count(r, f, text, st);
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
		              _("no people count: %s, %s, %s, %s and %s are all empty"),
		              head(r, F_GIRLS), head(r, F_BOYS), head(r, F_WOMEN), head(r, F_MEN),
		              head(r, F_TOTAL));
	}
	if (given && r->total != COUNT_MISSING && r->total != sum)
		warn(r, DC_TOTAL_DIFFERS, F_TOTAL,
		     _("%s %d differs from the sum of the breakdown %lld; the "
		       "breakdown is counted"), head(r, F_TOTAL), r->total, (long long)sum);
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
		     /* TRANSLATORS: English says "people" for one too */
		     P_("planned activity reports %d people reached; counted as "
		        "planned presence only", "planned activity reports %d people reached; "
		        "counted as planned presence only", a->reached), a->reached);
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
		              "%s", _("no people count: every #reached column is empty"));
	}
	int64_t less = best == by_age && f != COUNT_MISSING && m != COUNT_MISSING ? by_sex : COUNT_MISSING;
	if (total != COUNT_MISSING && best != total)
		less = total;
	if (less != COUNT_MISSING && less != best)
		warn(r, DC_TOTAL_DIFFERS, F_TOTAL,
		     _("%s %lld differs from the sum of the breakdown %lld; the "
		       "breakdown is counted"), less == total ? head(r, F_TOTAL) : "#reached+f + #reached+m",
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
		return rowbuf_reject_at(r, DC_BAD_COUNT, (uint32_t)bad->col + 1, _("%s: '%s' %s"), bad->label,
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
		warn(r, DC_NO_ORGANISATION, F_ORG, _("no organisation named: %s and %s are empty"),
		     head(r, F_ORG), head(r, F_PARTNER));
	r->a.org = strpool_id(pool, org, cell_len(r, F_ORG));
	/* rule 3: the implementing partner is who is present; rule 13: with
	 * neither, the name stays empty and the row makes no partner */
	r->a.partner = *impl ? strpool_id(pool, impl, cell_len(r, F_PARTNER)) : r->a.org;
	r->a.activity = strpool_id(pool, cell(r, F_ACTIVITY), cell_len(r, F_ACTIVITY));
	r->a.commune = strpool_id(pool, cell(r, F_COMMUNE), cell_len(r, F_COMMUNE));
}

/* Rule 10: the cells as written, so two rows that only read the same
 * (a count given and a planned row's empty one) are not one repeated.
 * The cells are consecutive NUL-terminated strings of one buffer (row.h),
 * so those up to the last non-empty one are hashed as one span (the NULs
 * keep "ab","c" apart from "a","bc"): one pass instead of a hash per cell. */
static uint32_t cells_hash(const char *const *cells, const size_t *lens, size_t ncells)
{
	while (ncells && !lens[ncells - 1])
		ncells--;
	if (ncells == 0)
		return 0;
	return strpool_hash(cells[0], (size_t)(cells[ncells - 1] + lens[ncells - 1] - cells[0]));
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
                             const char *const *cells, const size_t *lens, size_t ncells)
{
	if (all_blank(cells, ncells))
		return ROW_BLANK;
	struct pending held;
	held.n = 0;
	struct rowbuf r = {
		.ctx = ctx, .src = ctx->src, .line = line,
		.cells = cells, .lens = lens, .ncells = ncells, .held = &held,
	};
	r.a.source = ctx->source;
	r.a.line = line;
	enum row_outcome o = row_resolve_place(&r);
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
	table_note_written(ctx->table, cells_hash(cells, lens, ncells));
	if (r.year_taken && (ctx->year_taken++ == 0 || line < ctx->year_taken_line))
		ctx->year_taken_line = line;   /* rows that waited for the system come late */
	rowbuf_flush_warnings(&r);
	return ROW_ACCEPTED;
}
