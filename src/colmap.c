#include "colmap.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dialect.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#define FOLD_MAX 256

/* Match quality of a header against a field: higher is better, 0 none.
 * A whole-header match beats any word match; among word matches the
 * longer alias is more specific. */
static int alias_quality(const struct field_aliases *fa, const char *folded)
{
	int best = 0;
	for (size_t i = 0; i < fa->naliases; i++) {
		const char *a = fa->aliases[i];
		if (strcmp(folded, a) == 0)
			return 10000;
		if (text_has_words(folded, a)) {
			int q = (int)strlen(a) + 1;
			if (q > best)
				best = q;
		}
	}
	return best;
}

/* Splits "#reached+f+children" into its hashtag and checks that every
 * attribute of the pattern is among the tag's.  Returns the number of
 * pattern attributes + 1 (specificity), or 0 when it does not match. */
static int hxl_quality_one(const char *tag, const char *pattern)
{
	size_t th = strcspn(tag, "+"), ph = strcspn(pattern, "+");
	if (th != ph || strncmp(tag, pattern, th) != 0)
		return 0;
	int attrs = 1;
	const char *p = pattern + ph;
	while (*p == '+') {
		p++;
		size_t len = strcspn(p, "+");
		bool found = false;
		for (const char *t = tag + th; *t == '+' && !found; ) {
			t++;
			size_t tl = strcspn(t, "+");
			found = tl == len && strncmp(t, p, len) == 0;
			t += tl;
		}
		if (!found)
			return 0;
		attrs++;
		p += len;
	}
	return attrs;
}

static int hxl_quality(const struct field_aliases *fa, const char *tag)
{
	int best = 0;
	for (size_t i = 0; i < fa->nhxl; i++) {
		int q = hxl_quality_one(tag, fa->hxl[i]);
		if (q > best)
			best = q;
	}
	return best;
}

/* The best field for one column and its quality; -1 if none. */
static int best_field(const struct config *c, const char *folded, bool hxl, int *quality)
{
	int best = -1;
	*quality = 0;
	for (int f = 0; f < F_COUNT; f++) {
		int q = hxl ? hxl_quality(&c->fields[f], folded)
		            : alias_quality(&c->fields[f], folded);
		if (q > *quality) {
			*quality = q;
			best = f;
		}
	}
	return best;
}

int colmap_header_score(const struct config *c, const char *const *cells, size_t n)
{
	int score = 0;
	char folded[FOLD_MAX];
	for (size_t i = 0; i < n; i++) {
		text_fold(cells[i], strlen(cells[i]), folded, sizeof folded);
		int q;
		if (*folded && best_field(c, folded, false, &q) >= 0)
			score++;
	}
	return score;
}

void colmap_print_aliases(FILE *f, const struct config *c, const enum field *fields)
{
	for (const enum field *k = fields; *k != F_COUNT; k++) {
		fprintf(f, "%s%s =", k == fields ? "" : "; ", field_key(*k));
		for (size_t i = 0; i < c->fields[*k].naliases; i++)
			fprintf(f, "%s %s", i ? "," : "", c->fields[*k].aliases[i]);
	}
}

struct candidate { int field, quality; };

/* Proposes a field for every column, by tag if the column has one, else
 * by header text (a cell of the hashtag row that is no hashtag, such as a
 * note, leaves its column untagged).  Tags rank above text. */
static void propose(const struct config *c, const char *const *header,
                    const char *const *hxl, size_t n, struct candidate *cand)
{
	char folded[FOLD_MAX];
	for (size_t i = 0; i < n; i++) {
		cand[i].field = -1;
		cand[i].quality = 0;
		if (hxl && dialect_is_hxl_tag(hxl[i])) {
			/* a tagged column is what its tag says or nothing: its header
			 * text is the partner's wording, which the tag overrules */
			text_fold_hxl(hxl[i], strlen(hxl[i]), folded, sizeof folded);
			cand[i].field = best_field(c, folded, true, &cand[i].quality);
			cand[i].quality += 100000;
			continue;
		}
		if (header) {
			text_fold(header[i], strlen(header[i]), folded, sizeof folded);
			cand[i].field = *folded ? best_field(c, folded, false, &cand[i].quality) : -1;
		}
	}
}

void colmap_map(const struct config *c, const char *const *header,
                const char *const *hxl, size_t n, int col[F_COUNT], int *which)
{
	struct candidate *cand = xmalloc(n * sizeof *cand);
	propose(c, header, hxl, n, cand);
	for (int f = 0; f < F_COUNT; f++)
		col[f] = -1;
	for (size_t i = 0; i < n; i++)
		which[i] = -1;
	/* Best matches claim their field first; on equal quality the leftmost
	 * column wins, as a reader would expect. */
	for (;;) {
		size_t pick = n;
		for (size_t i = 0; i < n; i++) {
			if (which[i] >= 0 || cand[i].field < 0 || col[cand[i].field] >= 0)
				continue;
			if (pick == n || cand[i].quality > cand[pick].quality)
				pick = i;
		}
		if (pick == n)
			break;
		col[cand[pick].field] = (int)pick;
		which[pick] = cand[pick].field;
	}
	free(cand);
}

/* ---- people as HXL tags them ---------------------------------------------- */

#define PEOPLE_HASHTAG "#reached"

/* HXL core attributes for age groups.  Infants are children too (under 1
 * or 2 years, under 18): beside +children they are part of it. */
static const struct { const char *attr; enum people_age age; } age_groups[] = {
	{ "children", PEOPLE_CHILDREN }, { "infants", PEOPLE_INFANTS },
	{ "adults", PEOPLE_ADULTS }, { "elderly", PEOPLE_ELDERLY },
};

/* Attributes that put a column's figure outside girls, boys, women, men
 * and older people. */
static const struct { const char *attr, *why; } unplaceable[] = {
	{ "hh", N_("it counts households, not people") },
	{ "households", N_("it counts households, not people") },
	{ "i", N_("fourw has no group for people of another sex (+i)") },
	{ "adolescents", N_("adolescents are partly children and partly adults") },
	{ "youth", N_("youth are partly children and partly adults") },
};

struct tag_reading {
	int sex, age;             /* -1 until an attribute says */
	bool bracket;
	int lo, hi;
	const char *why;
};

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static size_t read_age(const char *a, size_t len, size_t i, int *age)
{
	*age = 0;
	while (i < len && is_digit(a[i]) && *age < 1000)
		*age = *age * 10 + (a[i++] - '0');
	return i;
}

/* An age bracket attribute: "age5_17", "age_5_17", "age60plus", "age_60_plus",
 * "age60" (60 and over). */
static bool parse_bracket(const char *a, size_t len, int *lo, int *hi)
{
	size_t i = 3;
	if (len < 4 || strncmp(a, "age", 3) != 0)
		return false;
	i += a[i] == '_';
	if (i >= len || !is_digit(a[i]))
		return false;
	i = read_age(a, len, i, lo);
	*hi = -1;
	i += i < len && a[i] == '_';
	if (i == len || (len - i == 4 && strncmp(a + i, "plus", 4) == 0))
		return true;
	if (!is_digit(a[i]))
		return false;
	return read_age(a, len, i, hi) == len && *hi >= *lo;
}

/* The age group a bracket lies in, or -1 when it spans 18 or 60. */
static int bracket_group(int lo, int hi)
{
	if (hi >= 0 && hi < 18)
		return PEOPLE_CHILDREN;
	if (lo >= 60)
		return PEOPLE_ELDERLY;
	if (lo >= 18 && hi >= 0 && hi < 60)
		return PEOPLE_ADULTS;
	if (lo >= 18 && hi < 0)
		return PEOPLE_ADULTS;     /* "18 and over": the adults */
	return -1;
}

static void read_sex(struct tag_reading *t, int sex)
{
	if (t->sex >= 0 && t->sex != sex)
		t->why = N_("it has both +f and +m");
	t->sex = sex;
}

static void read_group(struct tag_reading *t, int age)
{
	bool nested = (t->age == PEOPLE_CHILDREN && age == PEOPLE_INFANTS) ||
	              (t->age == PEOPLE_INFANTS && age == PEOPLE_CHILDREN);
	if (nested)
		age = PEOPLE_INFANTS;
	else if (t->age >= 0 && t->age != age)
		t->why = N_("it has two age groups");
	t->age = age;
}

/* One attribute of a #reached tag. */
static void read_attribute(struct tag_reading *t, const char *a, size_t len)
{
	int lo, hi;
	if (len == 1 && (*a == 'f' || *a == 'm')) {
		read_sex(t, *a == 'f' ? PEOPLE_F : PEOPLE_M);
		return;
	}
	for (size_t k = 0; k < sizeof age_groups / sizeof age_groups[0]; k++)
		if (strlen(age_groups[k].attr) == len && strncmp(a, age_groups[k].attr, len) == 0) {
			read_group(t, age_groups[k].age);
			return;
		}
	if (parse_bracket(a, len, &lo, &hi)) {
		if (t->bracket && (lo != t->lo || hi != t->hi))
			t->why = N_("it has two age brackets");
		t->bracket = true;
		t->lo = lo;
		t->hi = hi;
		return;
	}
	for (size_t k = 0; k < sizeof unplaceable / sizeof unplaceable[0]; k++)
		if (strlen(unplaceable[k].attr) == len && strncmp(a, unplaceable[k].attr, len) == 0)
			t->why = unplaceable[k].why;
	/* any other attribute (+ind, +i_fr, +v_…, +idps) does not change who is counted */
}

/* A bracket within an age group must lie in it. */
static void settle_bracket(struct tag_reading *t)
{
	int group = bracket_group(t->lo, t->hi);
	if (group < 0) {
		t->why = N_("its age bracket spans 18 or 60 (children, adults, older people)");
		return;
	}
	bool inside = t->age < 0 || t->age == group ||
	              (t->age == PEOPLE_INFANTS && group == PEOPLE_CHILDREN);
	if (!inside)
		t->why = N_("its age group and age bracket disagree");
	else if (t->age < 0)
		t->age = group;
}

/* Reads a folded tag; false if it is not a #reached tag. */
static bool read_people_tag(const char *tag, struct tag_reading *t)
{
	size_t h = strcspn(tag, "+");
	*t = (struct tag_reading){ .sex = -1, .age = -1 };
	if (h != strlen(PEOPLE_HASHTAG) || strncmp(tag, PEOPLE_HASHTAG, h) != 0)
		return false;
	for (const char *a = tag + h; *a == '+'; ) {
		a++;
		size_t len = strcspn(a, "+");
		read_attribute(t, a, len);
		a += len;
	}
	if (t->bracket && !t->why)
		settle_bracket(t);
	return true;
}

static bool same_figure(const struct people_col *a, const struct people_col *b)
{
	return a->sex == b->sex && a->age == b->age && a->bracket == b->bracket &&
	       (!a->bracket || (a->lo == b->lo && a->hi == b->hi));
}

/* Columns of the same figure (a repeated tag) are chained from the first. */
static void chain_repeats(struct people_plan *p)
{
	for (size_t i = 0; i < p->n; i++)
		p->cols[i].next_same = -1;
	for (size_t i = 0; i < p->n; i++) {
		struct people_col *c = &p->cols[i];
		c->leader = !c->why;
		for (size_t j = 0; j < i && c->leader; j++) {
			struct people_col *d = &p->cols[j];
			if (d->why || !same_figure(c, d))
				continue;
			c->leader = false;
			while (d->next_same >= 0)
				d = &p->cols[d->next_same];
			d->next_same = (int)i;
		}
	}
}

struct people_plan *colmap_people(const char *const *hxl, size_t n)
{
	struct people_plan *p = NULL;
	char folded[FOLD_MAX];
	for (size_t i = 0; i < n; i++) {
		struct tag_reading t;
		if (!dialect_is_hxl_tag(hxl[i]))
			continue;
		text_fold_hxl(hxl[i], strlen(hxl[i]), folded, sizeof folded);
		if (!read_people_tag(folded, &t))
			continue;
		if (!p) {
			p = xmalloc(sizeof *p + n * sizeof p->cols[0]);
			p->n = 0;
		}
		p->cols[p->n++] = (struct people_col){
			.col = (int)i, .next_same = -1, .bracket = t.bracket && !t.why,
			.sex = (unsigned char)(t.sex < 0 ? PEOPLE_ANY_SEX : t.sex),
			.age = (unsigned char)(t.age < 0 ? PEOPLE_ANY_AGE : t.age),
			.lo = t.lo, .hi = t.hi, .why = t.why,
		};
	}
	if (p)
		chain_repeats(p);
	return p;
}

int64_t colmap_people_plus(int64_t a, int64_t b)
{
	if (b == PEOPLE_MISSING)
		return a;
	return a == PEOPLE_MISSING ? b : a + b;
}

/* A repeated tag is one figure: its first non-blank cell. */
static bool read_figure(const struct people_plan *p, const struct people_col *pc,
                        const char *const *cells, size_t n, int64_t *out,
                        const struct people_col **bad, enum num_status *st)
{
	*out = PEOPLE_MISSING;
	for (; pc; pc = pc->next_same >= 0 ? &p->cols[pc->next_same] : NULL) {
		const char *text = (size_t)pc->col < n ? cells[pc->col] : "";
		*st = parse_people(text, out);
		if (*st == NUM_MISSING) {
			*out = PEOPLE_MISSING;
			continue;
		}
		*bad = pc;
		return *st == NUM_OK;
	}
	return true;
}

bool colmap_people_read(const struct people_plan *p, const char *const *cells, size_t n,
                        struct people_split *out, const struct people_col **bad,
                        enum num_status *st)
{
	int64_t brackets[PEOPLE_SEXES][PEOPLE_AGES];
	for (int s = 0; s < PEOPLE_SEXES; s++)
		for (int g = 0; g < PEOPLE_AGES; g++)
			out->cell[s][g] = brackets[s][g] = PEOPLE_MISSING;
	for (size_t k = 0; k < p->n; k++) {
		const struct people_col *pc = &p->cols[k];
		int64_t v;
		if (!pc->leader)
			continue;
		if (!read_figure(p, pc, cells, n, &v, bad, st))
			return false;
		if (pc->bracket)
			brackets[pc->sex][pc->age] = colmap_people_plus(brackets[pc->sex][pc->age], v);
		else
			out->cell[pc->sex][pc->age] = v;
	}
	for (int s = 0; s < PEOPLE_SEXES; s++)
		for (int g = 0; g < PEOPLE_AGES; g++)
			if (out->cell[s][g] == PEOPLE_MISSING)
				out->cell[s][g] = brackets[s][g];
	return true;
}

int64_t colmap_people_children(const struct people_split *s, int sex)
{
	int64_t c = s->cell[sex][PEOPLE_CHILDREN];
	return c != PEOPLE_MISSING ? c : s->cell[sex][PEOPLE_INFANTS];
}

static int64_t group_of(const struct people_split *s, int sex, int age)
{
	return age == PEOPLE_CHILDREN ? colmap_people_children(s, sex) : s->cell[sex][age];
}

int64_t colmap_people_group(const struct people_split *s, int age)
{
	int64_t sexed = colmap_people_plus(group_of(s, PEOPLE_F, age), group_of(s, PEOPLE_M, age));
	return sexed != PEOPLE_MISSING ? sexed : group_of(s, PEOPLE_ANY_SEX, age);
}

static const struct { enum field f; int sex, age; } people_fields[] = {
	{ F_GIRLS, PEOPLE_F, PEOPLE_CHILDREN }, { F_BOYS, PEOPLE_M, PEOPLE_CHILDREN },
	{ F_WOMEN, PEOPLE_F, PEOPLE_ADULTS }, { F_MEN, PEOPLE_M, PEOPLE_ADULTS },
	{ F_OLDER_WOMEN, PEOPLE_F, PEOPLE_ELDERLY }, { F_OLDER_MEN, PEOPLE_M, PEOPLE_ELDERLY },
	{ F_TOTAL, PEOPLE_ANY_SEX, PEOPLE_ANY_AGE },
};

static bool in_plan(const struct people_plan *p, int col)
{
	for (size_t k = 0; k < p->n; k++)
		if (p->cols[k].col == col)
			return true;
	return false;
}

/* A people column of a hashtag-row sheet left untagged, mapped by its
 * header ("Girls"), is read with the tagged ones: after them, so a tag
 * for the same cell comes first. */
static void add_untagged(struct people_plan *p, const int col[F_COUNT])
{
	for (size_t i = 0; i < sizeof people_fields / sizeof people_fields[0]; i++) {
		int c = col[people_fields[i].f];
		if (c < 0 || in_plan(p, c))
			continue;
		p->cols[p->n++] = (struct people_col){
			.col = c, .next_same = -1, .lo = 0, .hi = -1,
			.sex = (unsigned char)people_fields[i].sex,
			.age = (unsigned char)people_fields[i].age,
		};
	}
	chain_repeats(p);
}

void colmap_people_fields(struct people_plan *p, int col[F_COUNT], int *which)
{
	for (size_t k = 0; k < p->n; k++) {
		int c = p->cols[k].col;
		if (which[c] >= 0)
			col[which[c]] = -1;
		which[c] = -1;
	}
	for (size_t i = 0; i < sizeof people_fields / sizeof people_fields[0]; i++) {
		enum field f = people_fields[i].f;
		for (size_t k = 0; k < p->n && col[f] < 0; k++) {
			const struct people_col *pc = &p->cols[k];
			if (pc->leader && !pc->bracket && pc->sex == people_fields[i].sex &&
			    pc->age == people_fields[i].age) {
				col[f] = pc->col;
				which[pc->col] = (int)f;
			}
		}
	}
	add_untagged(p, col);
}
