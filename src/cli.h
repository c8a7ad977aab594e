/* cli: the command-line subcommands, `fourw check`, `fourw report` and
 * `fourw gaps`.  They live in the core (not tui/) so the tests can run them
 * in-process.  Each returns the process exit status:
 *   0  success (check: nothing rejected)
 *   1  check only: rows were rejected
 *   2  usage error, unreadable sheet or bad config.ini; report and gaps:
 *      no row accepted */
#ifndef FOURW_CLI_H
#define FOURW_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "config.h"
#include "table.h"

int cli_check(int argc, char **argv, FILE *out, FILE *err);
int cli_report(int argc, char **argv, FILE *out, FILE *err);
int cli_gaps(int argc, char **argv, FILE *out, FILE *err);

/* Where config.ini is looked for when -c is not given: $FOURW_CONFIG, then
 * ./config.ini, then the installed copy.  Returns a static string. */
const char *cli_default_config(void);

/* Loads config.ini and the sheets (config's when npaths is 0) for a
 * command.  On failure prints "fourw: <message>" to err and returns false;
 * cfg and t must still be freed (config_free, table_free). */
bool cli_load(const char *config_path, const char *const *paths, size_t npaths,
              struct config *cfg, struct table *t, FILE *err);

/* With no row accepted at all (every row rejected, no data row, no sheet),
 * writes "WHO: no row accepted, nothing to count (the sheets and what they
 * lost); run fourw check -c CONFIG PATHS... to see why" to err and returns
 * true: report, gaps and the screen then exit 2 instead of showing zeros.
 * config is -c's value (NULL: none given), paths the sheets named. */
bool cli_no_row_accepted(FILE *err, const char *who, const struct table *t, const char *config,
                         const char *const *paths, size_t npaths);

#endif
