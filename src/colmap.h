/* colmap: which column of a sheet holds which field.
 *
 * Columns are matched to fields (config.h enum field) by HXL tag when the
 * sheet has a hashtag row, and otherwise — or for untagged columns — by
 * header text against the aliases of config.ini [columns]: first a whole
 * header equal to an alias, then an alias found as whole words inside the
 * header, the longest alias winning ("Older women (60+)" is older_women,
 * not women).  A field is taken by one column only. */
#ifndef FOURW_COLMAP_H
#define FOURW_COLMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "config.h"
#include "parse.h"

/* How many of the cells look like known column headers: the score used to
 * find the header row below title rows. */
int colmap_header_score(const struct config *c, const char *const *cells, size_t n);

/* Maps the columns.  hxl may be NULL.  col[f] receives the column of field
 * f or -1; which[col] receives the field of each column or -1 (array of n). */
void colmap_map(const struct config *c, const char *const *header,
                const char *const *hxl, size_t n, int col[F_COUNT], int *which);

/* Writes, for the fields (ending at F_COUNT), the headers config.ini
 * [columns] recognises: "region = region, admin1; cercle = cercle", folded
 * as they are compared, so a sheet that lacks a column says what to call it. */
void colmap_print_aliases(FILE *f, const struct config *c, const enum field *fields);

/* ---- people as HXL tags them ---------------------------------------------
 *
 * A sheet with a hashtag row may split its people over any number of
 * #reached columns (HXL 1.1 tagging conventions §3.1, §4.1): by sex (+f,
 * +m), by age group (+children, +infants, +adults, +elderly), by age
 * bracket (+age0_4, +age5_17, repeated under one hashtag), or crossed.
 * Each column is placed in one cell of sex × age; unknown attributes are
 * ignored (§3.2).  A column that no cell can hold (+hh households, +i, a
 * bracket across 18 or 60, +f+m) is kept with the reason, for a note. */
enum people_sex { PEOPLE_ANY_SEX, PEOPLE_F, PEOPLE_M, PEOPLE_SEXES };
enum people_age { PEOPLE_ANY_AGE, PEOPLE_CHILDREN, PEOPLE_INFANTS, PEOPLE_ADULTS,
                  PEOPLE_ELDERLY, PEOPLE_AGES };

struct people_col {
	int col;                  /* 0-based column of the sheet */
	int next_same;            /* the next column of the same figure (index here), -1:
	                           * a repeated tag is one figure, its first non-blank cell */
	bool leader;              /* the first column of its figure */
	bool bracket;             /* an age bracket: the brackets of one cell add up */
	unsigned char sex, age;   /* enum people_sex, enum people_age */
	int lo, hi;               /* a bracket's ages; hi -1: and over */
	const char *why;          /* NULL if placed, else why no cell can hold it */
	const char *label;        /* the header (or tag) messages name it by; set by the caller */
};

struct people_plan {
	size_t n;
	struct people_col cols[];
};

/* A record's people by sex × age, PEOPLE_MISSING where not given: a cell
 * is its age-group column's figure, else the sum of its age brackets. */
#define PEOPLE_MISSING (-1)
struct people_split {
	int64_t cell[PEOPLE_SEXES][PEOPLE_AGES];
};

/* The #reached columns of a hashtag row of n cells, in column order; NULL
 * if it has none.  One allocation: free() it. */
struct people_plan *colmap_people(const char *const *hxl, size_t n);

/* Gives the people fields (girls … older_men, total) the #reached columns
 * whose cell they are, in place of what the tag patterns chose: a +f or
 * +children column alone is no field's (col[] and which[] as colmap_map).
 * An untagged column a people field took by its header joins the plan. */
void colmap_people_fields(struct people_plan *p, int col[F_COUNT], int *which);

/* Reads a record's people columns; false at the first cell that is not a
 * count (*bad: its column, *st: what is wrong with it). */
bool colmap_people_read(const struct people_plan *p, const char *const *cells, size_t n,
                        struct people_split *out, const struct people_col **bad,
                        enum num_status *st);
/* Children of one sex: their own column, else the infants (who are
 * children, and part of the children's figure when both are given). */
int64_t colmap_people_children(const struct people_split *s, int sex);
/* One age group for both sexes: girls + boys (women + men…) when either
 * is given, the most specific; else the group's figure for both sexes. */
int64_t colmap_people_group(const struct people_split *s, int age);
/* a + b, where PEOPLE_MISSING adds nothing. */
int64_t colmap_people_plus(int64_t a, int64_t b);

#endif
