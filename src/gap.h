/* gap: one flag a meeting must discuss, and the list that holds them.
 *
 * A flag has a kind, a severity, where it applies, a one-line reason with
 * the numbers in it, and the rows behind it (file and line, so data
 * quality flags can point at rejected rows too).  The rules that raise
 * flags are in gaps.c (figures) and gaps_quality.c (the loader's
 * messages); this module only builds and names them. */
#ifndef FOURW_GAP_H
#define FOURW_GAP_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "aggregate.h"
#include "arena.h"
#include "cube_rows.h"

enum gap_kind {
	GAP_NO_PRESENCE, GAP_LOW_COVERAGE, GAP_MISSING_SERVICE, GAP_CONCENTRATION,
	GAP_ABOVE_TARGET, GAP_ABOVE_NEED, GAP_STALE, GAP_DATA_QUALITY,
	GAP_KIND_COUNT
};

enum severity { SEV_CRITICAL, SEV_HIGH, SEV_MEDIUM, SEV_INFO, SEV_COUNT };

const char *gap_kind_name(enum gap_kind k);   /* "no-presence", "low-coverage"… */
const char *severity_name(enum severity s);   /* "critical", "high", "medium", "info" */
/* The same in the reader's language (i18n.h), for the screen and the text
 * and Markdown reports; the CSV report keeps the names above. */
const char *gap_kind_label(enum gap_kind k);
const char *severity_label(enum severity s);
/* A printf format for n flags of severity s, "%zu critical", the label
 * agreeing with the count where the language wants it ("3 critiques"). */
const char *severity_count_format(enum severity s, size_t n);

struct rowref { uint32_t source, line; };

struct gap {
	enum gap_kind kind;
	enum severity severity;
	int region;               /* index, or -1 (plan-wide) */
	int cercle;               /* index, or -1 */
	int type;                 /* index, or -1 */
	const char *partner;      /* a stale flag's partner (interned in the table), else NULL */
	const char *reason;       /* "Kidal — GC: 61,000 in need, no partner reporting case management" */
	int month;                /* the month it is about (a concentration's period), or -1:
	                           * the report month, the year or no month in particular */
	size_t nrows;             /* the rows behind it: gaps_rows lists them */
	bool explains_others;     /* may be the cause of other flags (a sheet that lost most
	                           * of its rows): first among its severity */
	/* private to the gap modules */
	struct rowref *rows;      /* kept here, or NULL: listed from the cube when asked */
	uint32_t group;           /* a concentration flag's overlap (cube_overlap_rows), or a
	                           * data-quality line's kind (gaps_quality_rows) */
	uint32_t source;          /* a data-quality line's sheet */
};

/* The rows of the data-quality lines, all found in one pass over the
 * messages at the first question and kept for the next (a report lists
 * every flag's rows): flag i's lines, in its own sheet, are
 * line[start[i] .. start[i + 1]).  Private to the gap modules. */
struct gap_rows_memo {
	uint32_t *start;          /* [len + 1], or NULL: not found yet */
	uint32_t *line;
};

struct gap_list {
	struct gap *items;        /* most severe first, then region code, type code */
	size_t len, cap;
	struct arena arena;       /* owns reasons and row lists */
	const struct cube *q;     /* the cube the flags were computed from, */
	uint64_t generation;      /* as it was then */
	struct gap_rows_memo *memo;   /* or NULL: each flag's rows found alone */
};

void gap_list_init(struct gap_list *g);
void gap_list_free(struct gap_list *g);

/* Appends a flag with no cercle and no rows; the reason is formatted into
 * the list's arena.  The pointer is valid until the next append. */
struct gap *gap_list_add(struct gap_list *g, enum gap_kind kind, enum severity sev,
                         int region, int type, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
struct gap *gap_list_vadd(struct gap_list *g, enum gap_kind kind, enum severity sev,
                          int region, int type, const char *fmt, va_list ap);

/* Gives flag `item` a copy of refs, sorted by file and line. */
void gap_list_attach_rows(struct gap_list *g, size_t item, const struct rowref *refs, size_t n);

/* The file and line of cube rows, in a new array (to free). */
struct rowref *gap_refs_of(const struct cube_ref *rows, size_t n);
/* Sorts refs by file and line (they usually are already). */
void gap_sort_refs(struct rowref *refs, size_t n);

/* A sheet as flags and messages name it: its file name, without folders. */
const char *gap_sheet_name(const char *path);

#endif
