/* cli_config_path: which config.ini a command reads when -c is not given,
 * and what it says when there is none.  Each test runs in its own process
 * (Criterion forks), so changing folder and environment stays local. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static char dir[64], buf[CLI_PATH_MAX];

static void touch(const char *path)
{
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f, "%s", path);
	fclose(f);
}

/* An empty folder as the current one, HOME inside it, no variable set. */
static void fresh(void)
{
	strcpy(dir, "/tmp/fourw-cli-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	cr_assert_eq(chdir(dir), 0);
	setenv("HOME", dir, 1);
	unsetenv("FOURW_CONFIG");
	unsetenv("XDG_CONFIG_HOME");
}

static void cleanup(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

static void user_dirs(void)
{
	char p[128];
	snprintf(p, sizeof p, "%s/.config", dir);
	mkdir(p, 0700);
	snprintf(p, sizeof p, "%s/.config/fourw", dir);
	mkdir(p, 0700);
	snprintf(p, sizeof p, "%s/xdg", dir);
	mkdir(p, 0700);
	snprintf(p, sizeof p, "%s/xdg/fourw", dir);
	mkdir(p, 0700);
}

static const char *lookup(void)
{
	return cli_config_path(NULL, buf, sizeof buf, stderr);
}

Test(config_path, c_wins_over_everything, .init = fresh, .fini = cleanup)
{
	touch("config.ini");
	setenv("FOURW_CONFIG", "env.ini", 1);
	cr_assert_str_eq(cli_config_path("given.ini", buf, sizeof buf, stderr), "given.ini");
}

Test(config_path, fourw_config_before_the_folder, .init = fresh, .fini = cleanup)
{
	touch("config.ini");
	setenv("FOURW_CONFIG", "env.ini", 1);     /* used even if missing: it was asked for */
	cr_assert_str_eq(lookup(), "env.ini");
	setenv("FOURW_CONFIG", "", 1);            /* empty: as if unset */
	cr_assert_str_eq(lookup(), "config.ini");
}

Test(config_path, folder_before_xdg, .init = fresh, .fini = cleanup)
{
	char p[128];
	user_dirs();
	snprintf(p, sizeof p, "%s/.config/fourw/config.ini", dir);
	touch(p);
	touch("config.ini");
	cr_assert_str_eq(lookup(), "config.ini");
	unlink("config.ini");
	cr_assert_str_eq(lookup(), p);
}

Test(config_path, xdg_config_home_before_home, .init = fresh, .fini = cleanup)
{
	char x[128], h[128], p[128];
	user_dirs();
	snprintf(x, sizeof x, "%s/xdg", dir);
	snprintf(p, sizeof p, "%s/xdg/fourw/config.ini", dir);
	snprintf(h, sizeof h, "%s/.config/fourw/config.ini", dir);
	touch(p);
	touch(h);
	setenv("XDG_CONFIG_HOME", x, 1);
	cr_assert_str_eq(lookup(), p);
	setenv("XDG_CONFIG_HOME", "xdg", 1);      /* relative: ignored, as the XDG rules say */
	cr_assert_str_eq(lookup(), h);
}

Test(config_path, none_names_every_place_in_order, .init = fresh, .fini = cleanup)
{
	char *text = NULL, h[128];
	size_t len = 0;
	FILE *err = open_memstream(&text, &len);
	if (access(FOURW_DATADIR "/config.ini", R_OK) == 0)
		cr_skip_test("a config is installed in " FOURW_DATADIR);
	cr_assert_null(cli_config_path(NULL, buf, sizeof buf, err));
	fclose(err);
	snprintf(h, sizeof h, "%s/.config/fourw/config.ini", dir);
	const char *env = strstr(text, "$FOURW_CONFIG"), *here = strstr(text, "./config.ini"),
	           *user = strstr(text, h), *inst = strstr(text, FOURW_DATADIR "/config.ini"),
	           *how = strstr(text, "-c FILE");
	cr_assert(env && here && user && inst && how, "%s", text);
	cr_assert(env < here && here < user && user < inst && inst < how, "%s", text);
	free(text);
}
