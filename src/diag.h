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

struct diag {
	uint32_t source;        /* index into table.sources */
	uint32_t line;          /* 1-based physical line; 0 = the file as a whole */
	uint32_t col;           /* 1-based column (field) number; 0 = whole row */
	enum diag_level level;
	const char *msg;        /* owned by the list's arena */
};

struct diag_list {
	struct diag *items;
	size_t len, cap;
	size_t rejects, warnings, notes;
	struct arena arena;
};

void diag_list_init(struct diag_list *l);
void diag_list_free(struct diag_list *l);
void diag_add(struct diag_list *l, enum diag_level level, uint32_t source,
              uint32_t line, uint32_t col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
void diag_vadd(struct diag_list *l, enum diag_level level, uint32_t source,
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
