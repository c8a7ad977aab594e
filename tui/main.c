/* main: the fourw command.  `fourw check|report|gaps ...` run the core's
 * commands; anything else opens the meeting screen.  The config and the
 * sheets are loaded before curses starts, so their errors — and a plan
 * with no accepted row — reach a normal terminal as "fourw: config.ini:12:
 * ..." with exit status 2. */
#include <langinfo.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "cli.h"
#include "i18n.h"
#include "keymap.h"
#include "live.h"
#include "loop.h"
#include "safe.h"
#include "theme.h"
#include "views.h"

#define FOURW_VERSION "0.1.0"
#define PRESENT_DEFAULT_SECONDS 20

struct options {
	const char *config;
	const char *lang;
	const char *theme;
	const char *compare;      /* --compare FILE: a saved `fourw report --format csv` */
	bool no_color, ascii, help, help_keys, version;
	long max_keys;
	int present;              /* --present: seconds a page stays; 0: not asked */
	const char *screen_only;  /* the first option of the screen alone, refused before a command */
	int command;              /* argv index of the command; 0: the screen */
	const char **paths;
	size_t npaths;
};

static const char *const commands[] = { "check", "report", "gaps", "help" };

static bool is_command(const char *s)
{
	for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++)
		if (!strcmp(s, commands[k]))
			return true;
	return false;
}

static void usage(FILE *out)
{
	fputs(_("usage: fourw [-c FILE] [options] [SHEET|DIR]...        the meeting screen\n"
	        "       fourw [-c FILE] check  [options] [SHEET|DIR]... problems in the sheets\n"
	        "       fourw [-c FILE] report [options] [SHEET|DIR]... figures for the minutes\n"
	        "       fourw [-c FILE] gaps   [options] [SHEET|DIR]... the gap flags\n"
	        "       fourw help [check|report|gaps]                  a command's options\n"
	        "global options (before the command, as in git):\n"
	        "  -c, --config FILE   config.ini to use; without it the first found of\n"
	        "                      $FOURW_CONFIG, ./config.ini, $XDG_CONFIG_HOME/fourw/config.ini\n"
	        "                      (~/.config/fourw/config.ini) and the installed copy.  Also\n"
	        "                      accepted after the command; given both, the later one wins\n"
	        "  --lang fr|en        the language of the screen, reports and messages; without\n"
	        "                      it config.ini's [ui] language, else the locale (LANG...)\n"
	        "  -h, --help          this help (before a command: the command's help)\n"
	        "  --version           the version\n"
	        "options of the screen (not of the commands):\n"
	        "  --theme NAME        dark (default), light (projectors) or mono\n"
	        "  --no-color          monochrome (so does NO_COLOR)\n"
	        "  --ascii             ASCII lines and bars (automatic outside UTF-8 locales)\n"
	        "  --present [SECONDS] open in the presentation: the key figures, then each\n"
	        "                      region with need, SECONDS (default 20) each; S toggles it\n"
	        "  --help-keys         print the keys as a Markdown table\n"
	        "  --max-keys N        exit after N keys (tests)\n"
	        "Every command, option, key and config.ini key: man fourw\n"), out);
	/* its own message, so the block above keeps its translation */
	fputs(_("what changed (key d) against a saved report instead of the previous month:\n"
	        "  --compare FILE      FILE: an earlier fourw report --format csv\n"), out);
}

/* The value of argv[*i] when it is option `name` (or `short_name`), given
 * as "--name VALUE" or "--name=VALUE"; NULL otherwise or without a value. */
static const char *value_of(int argc, char **argv, int *i, const char *name,
                            const char *short_name)
{
	const char *s = argv[*i];
	size_t len = strlen(name);
	if (!strncmp(s, name, len) && s[len] == '=')
		return s + len + 1;
	if ((strcmp(s, name) && (!short_name || strcmp(s, short_name))) || *i + 1 >= argc)
		return NULL;
	return argv[++*i];
}

/* Remembers the first option of the screen alone, so that a command after
 * it can be refused with its name rather than run without it. */
static void screen_option(struct options *o, const char *s)
{
	if (!o->screen_only)
		o->screen_only = s;
}

/* An option taking no value. */
static bool flag(struct options *o, const char *s)
{
	if (!strcmp(s, "--help") || !strcmp(s, "-h"))
		return o->help = true;
	if (!strcmp(s, "--version"))
		return o->version = true;
	if (!strcmp(s, "--no-color"))
		o->no_color = true;
	else if (!strcmp(s, "--ascii"))
		o->ascii = true;
	else if (!strcmp(s, "--help-keys"))
		o->help_keys = true;
	else
		return false;
	screen_option(o, s);
	return true;
}

static bool valued(int argc, char **argv, int *i, struct options *o)
{
	const char *v, *s = argv[*i];
	if ((v = value_of(argc, argv, i, "--config", "-c"))) {
		o->config = v;
		return true;
	}
	if ((v = value_of(argc, argv, i, "--lang", NULL))) {
		o->lang = v;
		return true;
	}
	if ((v = value_of(argc, argv, i, "--theme", NULL)))
		o->theme = v;
	else if ((v = value_of(argc, argv, i, "--max-keys", NULL)))
		o->max_keys = strtol(v, NULL, 10);
	else if ((v = value_of(argc, argv, i, "--compare", NULL)))
		o->compare = v;
	else
		return false;
	screen_option(o, s);
	return true;
}

/* "--present", "--present N" or "--present=N": a number right after it
 * is its seconds (a sheet named only with digits needs ./ before it).
 * Returns 1 when taken, 0 when not this option, -1 on a bad number. */
static int present_option(int argc, char **argv, int *i, struct options *o)
{
	const char *s = argv[*i], *v = NULL;
	if (!strncmp(s, "--present=", 10))
		v = s + 10;
	else if (strcmp(s, "--present"))
		return 0;
	else if (*i + 1 < argc && argv[*i + 1][0] && strspn(argv[*i + 1], "0123456789") == strlen(argv[*i + 1]))
		v = argv[++*i];
	screen_option(o, "--present");
	o->present = PRESENT_DEFAULT_SECONDS;
	if (!v)
		return 1;
	char *end;
	long n = strtol(v, &end, 10);
	if (*end || end == v || n < 1 || n > 3600) {
		fprintf(stderr, _("fourw: --present: expected seconds from 1 to 3600, got '%s'\n"), v);
		return -1;
	}
	o->present = (int)n;
	return 1;
}

/* Options and paths of the screen in any order; the first word that names
 * a command, before any path, ends them: what came before are global
 * options.  Returns -1 to go on, else the exit status. */
static int parse_options(int argc, char **argv, struct options *o)
{
	o->paths = calloc((size_t)argc + 1, sizeof *o->paths);
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		int present = present_option(argc, argv, &i, o);
		if (present < 0)
			return 2;
		if (present || valued(argc, argv, &i, o) || flag(o, s))
			continue;
		if (s[0] == '-' && s[1]) {
			fprintf(stderr, _("fourw: unknown or incomplete option '%s'\n"), s);
			usage(stderr);
			return 2;
		}
		if (o->npaths == 0 && is_command(s)) {
			o->command = i;
			break;
		}
		o->paths[o->npaths++] = s;
	}
	int status = cli_choose_language(o->lang, stderr);
	const char *missing = i18n_missing_catalogue();
	if (missing)
		fprintf(stderr, "fourw: French was asked for, but %s cannot be read: "
		        "English follows (make install, or FOURW_LOCALEDIR)\n", missing);
	return status;
}

/* Command-line choices override config.ini's [ui] section. */
static int screen_options(const struct options *o, const struct config *cfg, struct app_options *ao)
{
	const char *theme = o->theme ? o->theme : cfg->ui_theme;
	const char *codeset = nl_langinfo(CODESET);

	ao->theme = THEME_DARK;
	if (theme && !theme_parse(theme, &ao->theme)) {
		fprintf(stderr, _("fourw: %s: unknown theme '%s' (dark, light or mono)\n"),
		        o->theme ? "--theme" : cfg->path, theme);
		return 2;
	}
	ao->color = !o->no_color && cfg->ui_color;
	ao->ascii = o->ascii || !codeset || strcmp(codeset, "UTF-8") != 0;
	ao->max_keys = o->max_keys;
	/* projectors wash out a dark background: light unless a theme was chosen */
	ao->present_theme = o->theme || ao->theme == THEME_MONO ? ao->theme : THEME_LIGHT;
	ao->present_seconds = o->present ? o->present : PRESENT_DEFAULT_SECONDS;
	ao->present_at_start = o->present > 0;
	return -1;
}

/* --compare FILE read before the screen starts, so a file that is not a
 * saved report is named on the terminal the command was typed in. */
static bool saved_report(const struct options *o, const struct config *cfg, struct baseline *saved,
                         struct app_options *ao)
{
	struct error e;
	if (!o->compare)
		return true;
	if (!baseline_read_report(saved, cfg, o->compare, &e)) {
		fprintf(stderr, "fourw: --compare: %s\n", e.msg);
		return false;
	}
	ao->saved = saved;
	ao->saved_name = o->compare;
	return true;
}

/* The screen reads keys from a terminal and draws on one: with stdin or
 * stdout elsewhere (a pipe, /dev/null, a file) it would wait for keys that
 * never come or fill a file with escape codes, so it says so and stops. */
static bool on_a_terminal(void)
{
	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		return true;
	fprintf(stderr, _("fourw: the screen needs a terminal, and %s is not one; "
	        "fourw report or fourw check write the same figures without one\n"),
	        isatty(STDIN_FILENO) ? _("the output") : _("the input"));
	return false;
}

static int run_screen(const struct options *o)
{
	struct config cfg;
	struct table tab;
	struct app_options ao = { 0 };
	struct app app;
	struct live live;
	struct baseline saved;
	int status = 2;

	baseline_init(&saved);
	memset(&cfg, 0, sizeof cfg);
	bool ready = cli_load(o->config, o->paths, o->npaths, &cfg, &tab, stderr) &&
	             !cli_no_row_accepted(stderr, "fourw", &tab, o->config, o->paths, o->npaths) &&
	             (status = screen_options(o, &cfg, &ao)) < 0;
	if (ready && !saved_report(o, &cfg, &saved, &ao)) {
		ready = false;
		status = 2;
	}
	if (ready && !on_a_terminal()) {
		status = 2;
	} else if (ready) {
		live_init(&live, &cfg, &tab, o->paths, o->npaths, live_now_ms());
		app_init(&app, &cfg, live.tab, live.index, views_all, &ao);
		status = loop_run(&app, &live);
		app_free(&app);
		live_free(&live);
	}
	baseline_free(&saved);
	table_free(&tab);
	config_free(&cfg);
	return status;
}

static int dispatch(const char *cmd, int argc, char **argv)
{
	if (!strcmp(cmd, "check"))
		return cli_check(argc, argv, stdout, stderr);
	if (!strcmp(cmd, "report"))
		return cli_report(argc, argv, stdout, stderr);
	return cli_gaps(argc, argv, stdout, stderr);
}

/* `fourw help CMD` is `fourw CMD --help`; `fourw help` is `fourw --help`. */
static int help_command(int argc, char **argv, int at)
{
	if (at + 1 >= argc) {
		usage(stdout);
		return 0;
	}
	const char *cmd = argv[at + 1];
	if (!is_command(cmd) || !strcmp(cmd, "help")) {
		fputs(_("fourw help: no command '"), stderr);
		safe_fputs(cmd, stderr);
		fputs(_("' (check, report or gaps)\n"), stderr);
		return 2;
	}
	char *args[] = { (char *)cmd, (char *)"--help", NULL };
	return dispatch(cmd, 2, args);
}

/* A command after global options runs on its own arguments with the
 * global ones first: -c FILE before the command is read before one after
 * it, so the later wins, as a repeated option does within a command. */
static int run_command(int argc, char **argv, const struct options *o)
{
	const char *cmd = argv[o->command];
	if (o->screen_only) {
		fprintf(stderr, _("fourw: %s is an option of the screen, not of '%s' "
		        "(fourw --help lists both)\n"), o->screen_only, cmd);
		return 2;
	}
	if (o->version)
		return printf(_("fourw %s\n"), FOURW_VERSION), 0;
	if (!strcmp(cmd, "help"))
		return help_command(argc, argv, o->command);
	char **args = calloc((size_t)argc + 4, sizeof *args);
	int n = 0;
	args[n++] = (char *)cmd;
	if (o->config) {
		args[n++] = (char *)"-c";
		args[n++] = (char *)o->config;
	}
	if (o->help)
		args[n++] = (char *)"--help";
	for (int i = o->command + 1; i < argc; i++)
		args[n++] = argv[i];
	int status = dispatch(cmd, n, args);
	free(args);
	return status;
}

int main(int argc, char **argv)
{
	struct options o = { 0 };
	int status;

	setlocale(LC_ALL, "");
	i18n_choose_from_environment();
	if ((status = parse_options(argc, argv, &o)) >= 0)
		;
	else if (o.command)
		status = run_command(argc, argv, &o);
	else if (o.help)
		usage(stdout), status = 0;
	else if (o.help_keys)
		keymap_print(stdout), status = 0;
	else if (o.version)
		printf(_("fourw %s\n"), FOURW_VERSION), status = 0;
	else
		status = run_screen(&o);
	free(o.paths);
	return status;
}
