/* diag: located messages about the sheets and the configuration.
 *
 * The core never prints.  It records what it found here, each message with
 * the file, physical line and column it concerns, and the front ends (check,
 * report, the screen) present them.  A REJECT message explains why a row was
 * not counted; a WARNING concerns a row that was counted anyway; a NOTE is
 * about a file as a whole (e.g. "organisation spelled two ways"). */
#ifndef FOURW_DIAG_H
#define FOURW_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

enum diag_level { DIAG_REJECT, DIAG_WARNING, DIAG_NOTE };

/* What a message is about, set where it is raised, so that whoever groups
 * or counts messages (the data-quality flags, the screen) reads the code,
 * and the wording stays free to change or be translated. */
enum diag_code {
	/* place */
	DC_UNKNOWN_REGION_CODE,   /* a region p-code the config does not know */
	DC_REGION_CONFLICT,       /* region p-code and name point to two regions */
	DC_UNKNOWN_REGION,        /* a region name the config does not know */
	DC_UNKNOWN_CERCLE,        /* a cercle unknown (region level, or rejected) */
	DC_CERCLE_NOT_IN_REGION,  /* a known cercle outside the row's region */
	DC_NO_PLACE,              /* neither region nor cercle given */
	DC_REGION_NAME_NEAR,      /* a misspelt region name taken for its p-code's region */
	DC_CERCLE_NAME_NEAR,      /* a misspelt cercle name taken for its p-code's cercle */
	DC_CERCLE_CODE_CONFLICT,  /* cercle p-code and name disagree: the name decided */
	DC_CERCLE_NUMBERING,      /* most of a sheet's cercle codes are of another numbering:
	                           * one note per sheet */
	/* intervention type and status */
	DC_UNKNOWN_TYPE,          /* counted as the "other" type */
	DC_TYPE_FROM_ACTIVITY,    /* type empty, taken from the activity's text */
	DC_NO_TYPE,               /* neither type nor a recognisable activity */
	DC_UNKNOWN_STATUS,
	/* dates */
	DC_IMPOSSIBLE_DATE,       /* a date shape with no such day (31/02) */
	DC_NOT_A_DATE,
	DC_END_BEFORE_START,
	DC_OUTSIDE_PLAN_YEAR,     /* a sheet's rows outside [plan] year: one note per sheet */
	DC_MONTH_WITHOUT_YEAR,    /* a sheet's month names with no year, read in the plan year */
	/* people */
	DC_BAD_COUNT,             /* a count cell that is not a count */
	DC_NO_COUNT,              /* every count cell empty */
	DC_TOTAL_DIFFERS,         /* total differs from the breakdown */
	DC_PLANNED_REACHED,       /* a planned activity reports people reached */
	DC_NO_ORGANISATION,
	DC_REPEATED_ROW,          /* the same in every field as an earlier row of the sheet */
	/* the record as a whole */
	DC_EXTRA_CELLS,           /* cells past the header's width */
	DC_TOO_MANY_CELLS,        /* cells past what a sheet can have */
	DC_CELL_TOO_LONG,         /* a cell no spreadsheet could hold */
	DC_QUOTE_NEVER_CLOSED,
	DC_NO_REQUIRED_COLUMN,    /* a row of a sheet that lacks a required column */
	/* the sheet as a whole */
	DC_COLUMN_NOT_RECOGNISED, /* the header lacks a required column */
	DC_HXL_NOT_PLACED,        /* an HXL #reached column no people group can hold */
	DC_HEADER_NOT_FOUND,
	DC_SYSTEM_GUESSED,        /* old or 2023 p-codes: nothing told which */
	DC_NUL_BYTES,             /* binary or UTF-16, not CSV text */
	DC_ORG_SPELLED_TWO_WAYS,
	/* workbooks */
	DC_WORKSHEET_READ,        /* which worksheet of a workbook was read, which skipped */
	DC_HIDDEN_CELLS,          /* rows or columns hidden in Excel, read as any other */
	DC_COUNT
};

/* What a message says and about which column: shared by every message
 * that says the same (a sheet's unknown cercle "Segu", on 40,000 rows),
 * so its words are kept once. */
struct diag_words {
	const char *msg;        /* owned by the list's arena */
	uint32_t source;        /* index into table.sources: a wording is one sheet's */
	uint32_t col;           /* 1-based column (field) number; 0 = whole row */
	uint8_t level;          /* enum diag_level */
	uint8_t code;           /* enum diag_code */
};

/* One message, 8 bytes however long its words: a sheet with a warning on
 * each of a million rows costs 8 MB, plus its distinct wordings.  Its
 * sheet is its words' (diag_source): the sheets are few beside the rows. */
struct diag {
	uint32_t line;          /* 1-based physical line; 0 = the file as a whole */
	uint32_t words;         /* index into diag_list.words */
};

struct diag_list {
	struct diag *items;
	size_t len, cap;
	struct diag_words *words;   /* distinct (level, code, col, message) */
	size_t nwords, words_cap;
	uint32_t *slots;        /* open-addressing index of words (id + 1, 0 = free) */
	size_t nslots;
	size_t rejects, warnings, notes;
	struct arena arena;
};

_Static_assert(sizeof(struct diag) == 8, "struct diag: 8 bytes a message");
_Static_assert(DC_COUNT <= 256, "struct diag_words: a code fits in 8 bits");

void diag_list_init(struct diag_list *l);
void diag_list_free(struct diag_list *l);
void diag_add(struct diag_list *l, enum diag_level level, enum diag_code code,
              uint32_t source, uint32_t line, uint32_t col, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
void diag_vadd(struct diag_list *l, enum diag_level level, enum diag_code code,
               uint32_t source, uint32_t line, uint32_t col, const char *fmt, va_list ap);
/* Room for n messages in all, exactly: a sheet read in parts joins each
 * part's messages knowing how many come. */
void diag_list_reserve(struct diag_list *l, size_t n);
/* Gives back the room grown for messages that never came (a list that
 * doubled to hold 550,000 warnings holds up to 1,048,576): once every
 * sheet is read, before the figures are computed beside it. */
void diag_list_fit(struct diag_list *l);
/* Adds a message already worded (no format: a row's held warnings);
 * returns its words' id in l, which diag_add_again takes for the same
 * words on another line (a list's ids never change). */
uint32_t diag_add_text(struct diag_list *l, enum diag_level level, enum diag_code code,
                       uint32_t source, uint32_t line, uint32_t col, const char *text);
/* The message of words `words` of l (diag_add_text's id), at another line:
 * a warning said on 500,000 rows is looked up by its text once. */
void diag_add_again(struct diag_list *l, uint32_t line, uint32_t words);
/* Adds a message worded as one of another list (a sheet read in parts),
 * about sheet `source` whichever w names; returns its words' id in l. */
uint32_t diag_add_words(struct diag_list *l, uint32_t source, uint32_t line,
                        const struct diag_words *w);
/* Appends every message of `from` to l, in order: each of from's wordings
 * is looked up in l once, not once per message (a part of a sheet with a
 * warning on each of 100,000 rows has a few hundred wordings). */
void diag_list_append(struct diag_list *l, const struct diag_list *from);

/* The words of message d of l, or of l's message k. */
static inline const struct diag_words *diag_words(const struct diag_list *l, const struct diag *d)
{
	return &l->words[d->words];
}
static inline const struct diag_words *diag_words_at(const struct diag_list *l, size_t k)
{
	return &l->words[l->items[k].words];
}
/* The sheet message d of l is about (an index into table.sources). */
static inline uint32_t diag_source(const struct diag_list *l, const struct diag *d)
{
	return l->words[d->words].source;
}

/* A row's rejection, one message however many problems the row has: the
 * first (more false) adds a REJECT message, each further one (more true)
 * is added to the end of that message, which must be the list's last.  So
 * the partner reads every problem of the row at once, and a rejected row
 * stays one REJECT message for those who count them as rows. */
void diag_vreject(struct diag_list *l, bool more, enum diag_code code, uint32_t source,
                  uint32_t line, uint32_t col, const char *fmt, va_list ap);

/* A fatal error that stops a command (unreadable file, bad config.ini):
 * its message already names file, line and key where they are known. */
struct error {
	char msg[1024];
};
/* Fills e (if not NULL) and returns false, so `return error_set(...)` reads well. */
bool error_set(struct error *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
