/* main: the fourw command.  `fourw check|report|gaps ...` run the core's
 * commands; anything else opens the meeting screen.  The config and the
 * sheets are loaded before curses starts, so their errors — and a plan
 * with no accepted row — reach a normal terminal as "fourw: config.ini:12:
 * ..." with exit status 2. */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli.h"
#include "keymap.h"
#include "loop.h"
#include "theme.h"
#include "views.h"

#define FOURW_VERSION "0.1.0"

struct options {
	const char *config;
	const char *theme;
	bool no_color, ascii, help, help_keys, version;
	long max_keys;
	const char **paths;
	size_t npaths;
};

static void usage(FILE *out)
{
	fputs("usage: fourw [options] [SHEET|DIR]...      the meeting screen\n"
	      "       fourw check  [options] [SHEET|DIR]... problems in the sheets\n"
	      "       fourw report [options] [SHEET|DIR]... figures for the minutes\n"
	      "       fourw gaps   [options] [SHEET|DIR]... the gap flags\n"
	      "options of the screen:\n"
	      "  -c, --config PATH   config.ini to use ($FOURW_CONFIG, ./config.ini, installed copy)\n"
	      "  --theme NAME        dark (default), light (projectors) or mono\n"
	      "  --no-color          monochrome (so does NO_COLOR)\n"
	      "  --ascii             ASCII lines and bars (automatic outside UTF-8 locales)\n"
	      "  --help-keys         print the keys as a Markdown table\n"
	      "  --max-keys N        exit after N keys (tests)\n"
	      "  --version, --help\n", out);
}

/* Returns -1 to go on, else the exit status. */
static int parse_options(int argc, char **argv, struct options *o)
{
	o->paths = calloc((size_t)argc + 1, sizeof *o->paths);
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		bool has_arg = i + 1 < argc;
		if ((!strcmp(s, "-c") || !strcmp(s, "--config")) && has_arg)
			o->config = argv[++i];
		else if (!strcmp(s, "--theme") && has_arg)
			o->theme = argv[++i];
		else if (!strcmp(s, "--max-keys") && has_arg)
			o->max_keys = strtol(argv[++i], NULL, 10);
		else if (!strcmp(s, "--no-color"))
			o->no_color = true;
		else if (!strcmp(s, "--ascii"))
			o->ascii = true;
		else if (!strcmp(s, "--help") || !strcmp(s, "-h"))
			o->help = true;
		else if (!strcmp(s, "--help-keys"))
			o->help_keys = true;
		else if (!strcmp(s, "--version"))
			o->version = true;
		else if (s[0] == '-' && s[1]) {
			fprintf(stderr, "fourw: unknown or incomplete option '%s'\n", s);
			usage(stderr);
			return 2;
		} else
			o->paths[o->npaths++] = s;
	}
	return -1;
}

/* Command-line choices override config.ini's [ui] section. */
static int screen_options(const struct options *o, const struct config *cfg, struct app_options *ao)
{
	const char *theme = o->theme ? o->theme : cfg->ui_theme;
	const char *codeset = nl_langinfo(CODESET);

	ao->theme = THEME_DARK;
	if (theme && !theme_parse(theme, &ao->theme)) {
		fprintf(stderr, "fourw: %s: unknown theme '%s' (dark, light or mono)\n",
		        o->theme ? "--theme" : cfg->path, theme);
		return 2;
	}
	ao->color = !o->no_color && cfg->ui_color;
	ao->ascii = o->ascii || !codeset || strcmp(codeset, "UTF-8") != 0;
	ao->max_keys = o->max_keys;
	return -1;
}

static int run_screen(const struct options *o)
{
	struct config cfg;
	struct table tab;
	struct app_options ao;
	struct app app;
	struct cube_index index;
	int status = 2;

	memset(&cfg, 0, sizeof cfg);
	if (cli_load(o->config ? o->config : cli_default_config(), o->paths, o->npaths,
	             &cfg, &tab, stderr) &&
	    !cli_no_row_accepted(stderr, "fourw", &tab, o->config, o->paths, o->npaths) &&
	    (status = screen_options(o, &cfg, &ao)) < 0) {
		cube_index_build(&index, &cfg, &tab);
		app_init(&app, &cfg, &tab, &index, views_all, &ao);
		status = loop_run(&app);
		app_free(&app);
		cube_index_free(&index);
	}
	table_free(&tab);
	config_free(&cfg);
	return status;
}

int main(int argc, char **argv)
{
	struct options o = { 0 };
	int status;

	setlocale(LC_ALL, "");
	if (argc > 1 && !strcmp(argv[1], "check"))
		return cli_check(argc - 1, argv + 1, stdout, stderr);
	if (argc > 1 && !strcmp(argv[1], "report"))
		return cli_report(argc - 1, argv + 1, stdout, stderr);
	if (argc > 1 && !strcmp(argv[1], "gaps"))
		return cli_gaps(argc - 1, argv + 1, stdout, stderr);
	if ((status = parse_options(argc, argv, &o)) >= 0)
		;
	else if (o.help)
		usage(stdout), status = 0;
	else if (o.help_keys)
		keymap_print(stdout), status = 0;
	else if (o.version)
		printf("fourw %s\n", FOURW_VERSION), status = 0;
	else
		status = run_screen(&o);
	free(o.paths);
	return status;
}
