/* filter: which rows the meeting is looking at.
 *
 * A filter is a plain value: the screen, `fourw report` and the tests
 * build the same one, so they select the same rows.  An empty set means
 * "all" (no region chosen = every region).  Criteria combine with AND;
 * values inside one criterion combine with OR. */
#ifndef FOURW_FILTER_H
#define FOURW_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "table.h"

#define FILTER_MAX_PARTNERS 32
#define FILTER_MAX_REGIONS CONFIG_MAX_REGIONS
#define FILTER_MAX_TYPES CONFIG_MAX_TYPES
#define FILTER_TEXT_MAX 128

struct filter {
	/* read and set with the functions below, never by hand */
	uint64_t regions;         /* bit r = config.regions[r]; 0 = all */
	uint64_t types;           /* bit t = config.types[t]; 0 = all */
	uint32_t statuses;        /* bit s = enum status; 0 = all */
	int from_month, to_month; /* month_index() bounds, inclusive; -1 = open */
	/* partners, folded (text_fold), matched against the folded partner or
	 * organisation name exactly */
	char partners[FILTER_MAX_PARTNERS][96];
	size_t npartners;
	/* free text, folded: a row matches if it occurs in its folded partner,
	 * organisation, region, cercle, commune, type code or label, or
	 * activity ("segou" finds Ségou, "timbuktu" finds Tombouctou via the
	 * region's variants) */
	char text[FILTER_TEXT_MAX];
};

void filter_init(struct filter *f);               /* everything selected */
bool filter_is_empty(const struct filter *f);
void filter_set_text(struct filter *f, const char *utf8);   /* folds it */
bool filter_add_partner(struct filter *f, const char *utf8); /* false if full */

/* Regions and types (indices into the config): none picked means all. */
bool filter_has_region(const struct filter *f, int r);   /* r is looked at */
bool filter_has_type(const struct filter *f, int t);
bool filter_limits_regions(const struct filter *f);       /* some regions picked */
bool filter_limits_types(const struct filter *f);
int filter_single_region(const struct filter *f);   /* the one region picked, else -1 */
/* Picks one more; false (and nothing picked) past FILTER_MAX_REGIONS/TYPES. */
bool filter_add_region(struct filter *f, int r);
bool filter_add_type(struct filter *f, int t);
/* Picks r alone; r < 0 (or past the maximum) picks none, i.e. all. */
void filter_only_region(struct filter *f, int r);
void filter_only_type(struct filter *f, int t);
void filter_clear_regions(struct filter *f);
/* Ends the period window at month `to` (an earlier end stays) and, when it
 * has no start, starts it at `from` (-1: still open); months as
 * month_index(). */
void filter_close_window(struct filter *f, int from, int to);

/* Period rule 8: a row with a reporting month is in the range if that month
 * is; otherwise if its [start, end] months overlap it; a row with no date
 * at all is kept only when the range is open on both sides. */
bool filter_match(const struct filter *f, const struct config *c,
                  const struct table *t, const struct activity *a);

/* Writes the indices of the matching rows into *out (malloc'd, caller
 * frees); returns how many. */
size_t filter_rows(const struct filter *f, const struct config *c,
                   const struct table *t, uint32_t **out);

/* "region Ségou, Mopti; type GC; 2024-01..2024-03" or "none" — for headers
 * and the report. */
void filter_describe(const struct filter *f, const struct config *c,
                     char *buf, size_t size);

/* A filter made ready to test many rows: the region, cercle and type
 * names are folded once, and each distinct interned string of the table
 * (partner, organisation, activity, commune) is folded once and its
 * verdict cached by string id, so testing a million rows does not fold a
 * million strings.  filter_match() is this with no reuse. */
/* The free text's words a row must all hold; more are read as part of
 * the last. */
#define FILTER_WORDS_MAX 6

struct filter_prep {
	const struct filter *f;
	const struct config *c;
	const struct table *t;    /* whose string ids the rows carry */
	bool any_text, any_partner;
	/* The free text's words, each to be found somewhere in a row (AND):
	 * "mopti gc" is Mopti's case management.  Per place and type, the
	 * words it holds, one bit a word. */
	char words[FILTER_WORDS_MAX][FILTER_TEXT_MAX];
	int nwords;
	uint8_t *region_text, *cercle_text, *type_text;
	uint8_t *verdict;         /* [string id]: PREP_* bits and the words it holds shifted
	                           * by PREP_WORD_SHIFT; 0 = not judged yet */
};

void filter_prep_init(struct filter_prep *p, const struct filter *f,
                      const struct config *c, const struct table *t);
bool filter_prep_match(struct filter_prep *p, const struct activity *a);
void filter_prep_free(struct filter_prep *p);

/* filter_prep_match in two halves, so aggregate can test the cheap half on
 * its compact copy of the rows and read a row only for the other:
 *   - the keys: region, type, status and the period span [lo, hi] that
 *     filter_row_span gives (lo = hi = -1: the row has no date);
 *   - the strings: partners and free text (true when neither is set). */
void filter_row_span(const struct activity *a, int *lo, int *hi);
bool filter_keys_match(const struct filter *f, int region, int type, int status,
                       int lo, int hi);
bool filter_prep_needs_row(const struct filter_prep *p);
bool filter_strings_match(struct filter_prep *p, const struct activity *a);
/* Whether the filter's text names region r (its name, a variant or its
 * p-code) or type t (its code or a label). */
bool filter_prep_text_names_region(const struct filter_prep *p, size_t r);
bool filter_prep_text_names_type(const struct filter_prep *p, size_t t);

#endif
