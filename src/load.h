/* load: reading partner 4W sheets into the activity table.
 *
 * For each file: decode (encoding.h), sniff the delimiter, find the header
 * row below any title rows (and the HXL row under it), map columns to
 * fields by HXL tag or alias, then read every data row.  Each row ends up
 * accepted into t->rows or rejected with a REJECT diagnostic naming file,
 * line and column; problems that do not reject a row are WARNINGs.  The
 * invariant rows_read = accepted + rejected holds for every source. */
#ifndef FOURW_LOAD_H
#define FOURW_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "diag.h"
#include "table.h"

/* Loads one sheet.  Returns false only when the file cannot be read at
 * all (e->msg names it and why); a sheet with no recognisable header gets
 * a NOTE and each of its non-blank rows is rejected, not a failure. */
bool load_sheet(struct table *t, const struct config *c, const char *path,
                struct error *e);

/* Loads every path: files are read, folders are searched (down to four
 * levels, hidden entries skipped) for *.csv, *.tsv and *.txt files, in name
 * order; the config's regional figures file is never read as a sheet.  With npaths == 0, loads config's sheets.
 * After loading, marks the rows a newer sheet sent again (rule 9,
 * table_mark_resent), notes organisations spelled two ways across sheets
 * and fills t->latest_month.  Returns false on the first unreadable path. */
bool load_paths(struct table *t, const struct config *c,
                const char *const *paths, size_t npaths, struct error *e);

/* Memory-only variant used by tests and the fuzzer: `name` is what
 * messages call the sheet. */
bool load_buffer(struct table *t, const struct config *c, const char *name,
                 const char *buf, size_t len, struct error *e);

#endif
