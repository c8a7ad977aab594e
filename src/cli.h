/* cli: the command-line subcommands, `fourw check`, `fourw report` and
 * `fourw gaps`.  They live in the core (not tui/) so the tests can run them
 * in-process.  Each returns the process exit status:
 *   0  success (check: nothing rejected)
 *   1  check only: rows were rejected
 *   2  usage error, unreadable sheet or bad config.ini */
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

#endif
