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

/* Where config.ini is: `given` (-c FILE) when not NULL, else $FOURW_CONFIG,
 * else the first readable of ./config.ini, $XDG_CONFIG_HOME/fourw/config.ini
 * (~/.config where unset) and the installed copy.  NULL when none is: err
 * then names every place looked in and how to choose one, so a user run
 * from another folder learns that -c exists.  The path may be built in buf. */
#define CLI_PATH_MAX 4096

/* --lang's value (NULL: not given) chosen as the language of what follows
 * (i18n.h); an unknown one is named on err.  Returns -1 to go on, else the
 * exit status 2. */
int cli_choose_language(const char *lang, FILE *err);
/* The same for a command's own --lang VALUE or --lang=VALUE, read before
 * its other options so that an error or --help anywhere speaks it. */
int cli_language_option(int argc, char **argv, FILE *err);
const char *cli_config_path(const char *given, char *buf, size_t size, FILE *err);

/* Loads config.ini from cli_config_path(given); on failure prints why to
 * err (and, for a config $FOURW_CONFIG chose, that it did) and returns
 * false; cfg must still be freed (config_free). */
bool cli_load_config(const char *given, struct config *cfg, FILE *err);

/* Loads config.ini (config_path, or cli_config_path's choice when NULL)
 * and the sheets (config's when npaths is 0) for a command.  On failure prints "fourw: <message>" to err and returns false;
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
