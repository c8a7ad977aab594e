/* table: the activity table — every accepted row of every sheet.
 *
 * One `struct activity` is one partner × place × intervention type ×
 * activity × reporting period (DESIGN.md "The numbers", rule 1).  Strings are
 * interned in table.strings and kept as 4-byte ids (a million rows: 16 MB
 * less than pointers); places and types are indices
 * into the config the table was loaded with.  Each row remembers its source
 * file and physical line, so every figure can be traced back.
 *
 * Rejected rows are not in rows[]; they are diagnostics (level REJECT) in
 * table.diags, one per rejected row, and counted per source. */
#ifndef FOURW_TABLE_H
#define FOURW_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "diag.h"
#include "encoding.h"
#include "strpool.h"

#define COUNT_MISSING (-1)

enum status { STATUS_UNKNOWN, STATUS_PLANNED, STATUS_ONGOING, STATUS_COMPLETED,
              STATUS_SUSPENDED, STATUS_COUNT };

const char *status_name(enum status s);     /* "planned", "ongoing"… ("" for unknown) */

/* A row neither planned nor suspended: presence that delivers. */
static inline bool status_active(unsigned s)
{
	return s != STATUS_PLANNED && s != STATUS_SUSPENDED;
}

/* A row's people counts (rule 2), COUNT_MISSING where not given; reached is
 * the disaggregated sum, else the sheet's total, 0 if planned. */
struct row_counts {
	int32_t reached, girls, boys, women, men, older;
};

/* In a row, counts up to COUNT16_MAX take 16 bits each: most rows count
 * tens or hundreds of people, and a million rows are 12 MB smaller so.  A
 * row with a larger count (or a negative one) is marked wide and keeps its
 * counts in table.wide, so no count is ever cut (activity_counts). */
#define COUNT16_MISSING UINT16_MAX
#define COUNT16_MAX (UINT16_MAX - 1)

struct activity {
	/* strings: ids in table.strings (table_str), compared with == */
	uint32_t org;             /* reporting organisation, "" if absent */
	uint32_t partner;         /* rule 3: implementing partner, else org */
	uint32_t activity;        /* "" if absent */
	uint32_t commune;         /* "" if absent */
	uint32_t source;          /* index into table.sources */
	uint32_t line;            /* physical line where the row starts (1-based) */
	union {
		uint16_t n[6];        /* not wide: reached, girls, boys, women, men, older */
		uint32_t wide_at;     /* wide: index into table.wide */
	} people;                 /* read with activity_counts */
	int8_t region;            /* index into config.regions: the plan region it counts
	                             under (rule 12; config_load allows at most 64 regions) */
	int8_t written_region;    /* the region as the sheet wrote it (the same, or one
	                             the plan region holds) */
	int16_t cercle;           /* index into config.cercles, or -1 */
	int16_t month;            /* reporting month (month_index), or -1 */
	int16_t start_month;      /* -1 if no start date */
	int16_t end_month;        /* -1 if no end date */
	uint8_t itype;            /* index into config.types */
	uint8_t status : 3;       /* enum status */
	uint8_t outside_plan : 1; /* rule 11: its period lies outside [plan] year */
	uint8_t resent : 1;       /* rule 9: the same report is in a newer sheet */
	uint8_t repeated : 1;     /* rule 10: the same in every field as an earlier row of its sheet */
	uint8_t wide : 1;         /* counts in table.wide */
};

_Static_assert(sizeof(struct activity) == 48, "struct activity: 48 bytes a row");
_Static_assert(STATUS_COUNT <= 8, "struct activity: a status fits in its 3 bits");

/* The region that, with the cercle, names a row's finest place: the plan
 * region where a cercle is given (the cercle pins the place down however
 * its region was written), else the region as written — a new region the
 * plan rolls into an old one is a place of its own, not the old region's
 * unnamed rest. */
static inline int activity_place_region(const struct activity *a)
{
	return a->cercle >= 0 ? a->region : a->written_region;
}

/* Rule 8: the month a row belongs to — its reporting month, else its end
 * month, else its start month; -1 if it has none. */
int activity_period(const struct activity *a);

/* How one sheet was read: what `fourw check` prints about it. */
struct column_map {
	int col[F_COUNT];         /* 0-based column index of each field, or -1 */
	const char *header[F_COUNT];  /* the header text (or HXL tag) it was found under */
};

struct source {
	const char *path;
	const char *sheet;        /* a workbook's worksheet read (path ends ":sheet"), else NULL */
	char sha256[65];          /* hex digest of the file's bytes; "" unless table.hash_sources */
	enum encoding encoding;
	char delimiter;           /* ',' ';' '\t' '|' */
	bool crlf;
	uint32_t header_line;     /* physical line of the header row */
	uint32_t hxl_line;        /* physical line of the HXL hashtag row, 0 if none */
	int system;               /* SYS_OLD / SYS_NEW detected from its places, 0 if undecided */
	struct column_map map;
	struct people_plan *people;   /* its HXL #reached columns (colmap.h), NULL if none */
	const char **unmapped;    /* header texts of columns no field took */
	size_t nunmapped;
	size_t rows_read;         /* data rows after the header (blank lines not counted) */
	size_t accepted, rejected, warnings;
	size_t repeated;          /* accepted rows the same as an earlier one (rule 10) */
	size_t resent;            /* accepted rows whose report a newer sheet sent again (rule 9) */
	int latest_month;         /* latest reporting month in this sheet, -1 if none */
	size_t outside_plan;      /* accepted rows outside the plan year (rule 11) */
	int outside_first, outside_last;  /* the months they report, -1 if none */
};

/* Rule 9: a row of one sheet whose report (same key) a newer sheet sent
 * again, and the row that sent it; `same` if that row's counts and status
 * are the ones of this row too. */
struct resent_row {
	uint32_t source, line;
	uint32_t by_source, by_line;
	bool same;
};

/* The rows one sheet (older) sent that another (newer) sent again. */
struct resent_pair {
	uint32_t older, newer;
	size_t rows, same;
};

struct table {
	struct activity *rows;
	size_t len, cap;
	struct row_counts *wide;      /* the counts of rows marked wide */
	size_t nwide, wide_cap;
	struct source *sources;
	size_t nsources, sources_cap;
	struct strpool strings;   /* owns every string above */
	struct diag_list diags;   /* rejects, warnings and notes, in file order */
	struct resent_row *resent;    /* rule 9: the rows superseded, in table order */
	size_t nresent;
	int latest_month;         /* latest period over all rows, -1 if none */
	/* While a sheet loads: a hash of each accepted row's cells as written,
	 * in the order of its rows (written[k] is the sheet's k-th row's), what
	 * rule 10 looks repeats up by; freed once the sheet is read. */
	uint32_t *written;
	size_t nwritten, written_cap;
	bool hash_sources;        /* fill source.sha256 while loading (an extra read of
	                           * each sheet; false after table_init) */
};

/* The text of a row's string field (an id in t->strings). */
static inline const char *table_str(const struct table *t, uint32_t id)
{
	return strpool_str(&t->strings, id);
}

void table_init(struct table *t);
void table_free(struct table *t);
/* Appends a row (copied); returns its index.  Its counts are set already
 * (table_set_counts, with this table). */
size_t table_add(struct table *t, const struct activity *a);
/* Appends an empty source record for path; returns its index. */
uint32_t table_add_source(struct table *t, const char *path);

/* Rule 12's level below: every row counts under the region its sheet
 * wrote, not the plan region holding it (report --by written-region). */
void table_count_as_written(struct table *t);

/* Puts the rows in region order, file order kept within a region (rows
 * with no region last): what the aggregate reads, a region's rows in one
 * stretch.  Row indices taken before no longer hold. */
void table_group_by_region(struct table *t);

/* True if the rows are in region order (as table_group_by_region leaves them). */
bool table_grouped_by_region(const struct table *t);

/* In a table in region order: the first row at or after `from` that
 * belongs to a region after `region` (rows of no region come last). */
size_t table_region_end(const struct table *t, size_t from, size_t region);

/* Finding a row by where it was read, (source, line): to place warnings
 * (which name a file and line) on a row.  Built once over a table's rows
 * as they lie; rows moved or added afterwards need a new one. */
struct table_lines {
	size_t *run;              /* [nrun + 1]: starts of the runs of rows in file order */
	size_t nrun;
	uint64_t *key;            /* keys (source, line) sorted, and their rows: only */
	uint32_t *row;            /* when the rows lie in too many runs to search each */
};

void table_lines_build(struct table_lines *l, const struct table *t);
void table_lines_free(struct table_lines *l);
/* The row of t (the table l was built over) read from (source, line), or -1. */
long table_lines_find(const struct table_lines *l, const struct table *t,
                      uint32_t source, uint32_t line);

/* Many (source, line) looked up in ascending order — a sheet's messages
 * in file order: each run of rows is walked once beside them instead of
 * searched for each (a million-row sheet with a warning on most rows did
 * 550,000 binary searches in every run).  A key below the one before is
 * searched for as table_lines_find does. */
struct table_lines_walk {
	size_t *pos;              /* [nrun]: each run's first row not yet passed */
	uint64_t *next;           /* [nrun]: the key there (UINT64_MAX: the run's end), so a
	                           * look-up reads one small array, not a row of each run */
	bool primed;              /* next[] filled (the first look-up does it) */
	uint64_t last;            /* the key looked up before */
};
void table_lines_walk_init(struct table_lines_walk *w, const struct table_lines *l);
void table_lines_walk_free(struct table_lines_walk *w);
long table_lines_walk_find(struct table_lines_walk *w, const struct table_lines *l,
                           const struct table *t, uint32_t source, uint32_t line);

/* Forgets the hashes of the rows' cells noted so far, and their room. */
void table_drop_written(struct table *t);
/* Room for the hashes of n rows' cells, none noted yet (any kept from an
 * earlier sheet are dropped). */
void table_reserve_written(struct table *t, size_t n);
/* Notes the hash of the cells, as written, of the row just added. */
void table_note_written(struct table *t, uint32_t cells_hash);

/* Rule 10: marks each row of rows[first..len) (one sheet's, in file order)
 * that is the same in every field as an earlier one of them, and calls
 * found(arg, row, earlier) for it, earlier being the first row it repeats.
 * Strings are compared by id, places and types by index, counts as
 * activity_counts gives them, and, where noted (table_note_written), the
 * hash of the cells as written: two rows read the same only if the sheet
 * wrote them the same.  The line alone may differ.  Returns how many
 * rows repeat; the hashes noted are dropped. */
size_t table_mark_repeats(struct table *t, size_t first,
                          void (*found)(void *arg, size_t row, size_t earlier), void *arg);

/* Rule 9, once every sheet is read: a row whose report — organisation,
 * partner, place, type, activity and period — another sheet sent too is
 * marked resent (and listed in t->resent) unless its sheet is the newest
 * of those that sent it: the one whose latest reporting month is the most
 * recent, then the last in name order.  Rows of one sheet never supersede
 * each other.  Fills each source's resent count; returns how many rows. */
size_t table_mark_resent(struct table *t);

/* The pairs of sheets t->resent names, older sheet first, in source order;
 * *pairs is allocated (free it).  Returns how many. */
size_t table_resent_pairs(const struct table *t, struct resent_pair **pairs);

/* True if pair p's newer sheet repeats its older one completely: every row
 * of each is the same report, with the same counts, in the other. */
bool table_resent_whole(const struct table *t, const struct resent_pair *p);

/* Stores counts c in row a, in the row or (wide) in t->wide. */
void table_set_counts(struct table *t, struct activity *a, const struct row_counts *c);

static inline int32_t count16(uint16_t v)
{
	return v == COUNT16_MISSING ? COUNT_MISSING : v;
}

/* Row a's counts, as table_set_counts was given them. */
static inline struct row_counts activity_counts(const struct table *t, const struct activity *a)
{
	if (a->wide)
		return t->wide[a->people.wide_at];
	const uint16_t *n = a->people.n;
	return (struct row_counts){ count16(n[0]), count16(n[1]), count16(n[2]),
	                            count16(n[3]), count16(n[4]), count16(n[5]) };
}

#endif
