/* row: turning one data record of a sheet into an activity row, or a
 * rejection.  Every check a row undergoes lives here; the messages name the
 * sheet's own header for the column concerned, so they can be forwarded to
 * the partner as they are. */
#ifndef FOURW_ROW_H
#define FOURW_ROW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "gazetteer.h"
#include "textmemo.h"
#include "table.h"

struct row_context {
	const struct config *cfg;
	struct table *table;      /* where rows, messages and strings go */
	const struct source *src; /* the sheet: its column map */
	uint32_t source;          /* its index in the loaded table's sources */
	int system;               /* the sheet's detected p-code system, 0 if not yet known */
	size_t year_taken;        /* accepted rows with a month name and no year, read
	                           * in the plan year (rule 11; said once per sheet) */
	uint32_t year_taken_line; /* the first of them, 0 if none */
	struct cercle_numbering numbering; /* cercle codes of another numbering, said
	                           * once per sheet (gazetteer.h) */
	struct textmemo memo;     /* answers per distinct place/type/status/date text;
	                           * zero-initialised is ready; free with textmemo_free */
};

enum row_outcome { ROW_ACCEPTED, ROW_REJECTED, ROW_DEFERRED, ROW_BLANK };

/* Converts the record that starts on physical `line`: its cells and
 * their lengths, the cells consecutive NUL-terminated strings of one
 * buffer as the loader keeps a record (rule 10 hashes them as one span).
 * Accepted rows are
 * appended to the table (with any warnings); rejected rows get one REJECT
 * diagnostic naming every problem found in the row.  ROW_DEFERRED: the region is a p-code whose meaning depends
 * on the sheet's system (ML09 with no name) and the system is not known
 * yet — call again with ctx->system set once the whole sheet is read.
 * ROW_BLANK: every cell empty; not a row at all. */
enum row_outcome row_convert(struct row_context *ctx, uint32_t line,
                             const char *const *cells, const size_t *lens, size_t ncells);

/* The system a record's region cells point to (see gazetteer_system_hint). */
int row_system_hint(const struct row_context *ctx, const char *const *cells, size_t ncells);

#endif
