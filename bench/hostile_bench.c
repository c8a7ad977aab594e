/* hostile_bench: how long the hostile sheets of tests/test_hostile.c take
 * and how much memory they hold, as figures for `make bench`.
 *
 *   bench/hostile_bench [-c CONFIG]
 *
 * The unit tests check what each hostile input gives (a clear message,
 * every row accounted for); they never time it, since a clock in a test
 * fails on a busy machine or under a sanitizer for no fault of the code.
 * The costs are measured here instead, each case in a child process of its
 * own so that its peak resident memory (wait4's ru_maxrss) is its own.
 * Prints a Markdown table: case, wall seconds, peak RSS, and the budget the
 * case is expected to stay well under on an idle machine. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "hostile_sheets.h"
#include "load.h"
#include "table.h"

static const char *config_path = "config.ini";
static char tmpdir[] = "/tmp/fourw-hostile-bench-XXXXXX";

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Loads one buffer (path NULL) or one path with the config; the child's
 * exit status is 0 when the load ends as expected: a buffer read, or a path
 * read or refused as expect_refusal says. */
static int load_with_config(const char *buf, size_t len, const char *path, bool expect_refusal)
{
	struct config cfg;
	struct table t;
	struct error e = { "" };
	if (!config_load(&cfg, config_path, &e)) {
		fprintf(stderr, "hostile_bench: %s\n", e.msg);
		return 2;
	}
	table_init(&t);
	bool ok = path ? load_paths(&t, &cfg, (const char *const[]){ path }, 1, &e)
	               : load_buffer(&t, &cfg, "hostile.csv", buf, len, &e);
	table_free(&t);
	config_free(&cfg);
	return ok != expect_refusal ? 0 : 1;
}

static int load_one_buffer(char *buf, size_t len)
{
	int status = load_with_config(buf, len, NULL, false);
	free(buf);
	return status;
}

static int load_one_path(const char *path, bool expect_refusal)
{
	return load_with_config(NULL, 0, path, expect_refusal);
}

static int big_quoted_cell(void)
{
	size_t len;
	char *buf = hostile_big_cell_sheet(50u << 20, true, &len);
	return load_one_buffer(buf, len);
}

static int big_bare_cell(void)
{
	size_t len;
	char *buf = hostile_big_cell_sheet(50u << 20, false, &len);
	return load_one_buffer(buf, len);
}

static int row_of_100000_fields(void)
{
	size_t len;
	char *buf = hostile_row_of_fields(100000, &len);
	return load_one_buffer(buf, len);
}

static int ten_thousand_columns(void)
{
	size_t len;
	char *buf = hostile_sheet_of_columns(10000, 3, &len);
	return load_one_buffer(buf, len);
}

static int two_million_lone_crs(void)
{
	size_t len;
	char *buf = hostile_lone_crs(2000000, &len);
	return load_one_buffer(buf, len);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
		fprintf(stderr, "hostile_bench: %s: %s\n", path, strerror(errno));
		exit(3);
	}
}

static int folder_of_ten_thousand_sheets(void)
{
	char path[600];
	snprintf(path, sizeof path, "%s/many", tmpdir);
	return load_one_path(path, false);
}

static int fifo_refused(void)
{
	char path[600];
	snprintf(path, sizeof path, "%s/pipe.csv", tmpdir);
	return load_one_path(path, true);
}

static int dev_zero_refused(void)
{
	return load_one_path("/dev/zero", true);
}

struct bench_case {
	const char *name;
	int (*run)(void);
	const char *budget;      /* what an idle machine should stay well under */
};

static const struct bench_case cases[] = {
	{ "50 MB quoted cell (row rejected)", big_quoted_cell, "10 s, 300 MB" },
	{ "50 MB bare cell (row rejected)", big_bare_cell, "10 s, 300 MB" },
	{ "one row of 100,000 fields", row_of_100000_fields, "5 s" },
	{ "10,000 columns x 3 rows", ten_thousand_columns, "10 s" },
	{ "2,000,000 lone CRs", two_million_lone_crs, "5 s" },
	{ "folder of 10,000 one-row sheets", folder_of_ten_thousand_sheets, "20 s" },
	{ "a FIFO refused", fifo_refused, "5 s" },
	{ "/dev/zero refused", dev_zero_refused, "5 s" },
};

/* Runs one case in a child; prints its table line. */
static bool run_case(const struct bench_case *bc)
{
	double start = now();
	pid_t pid = fork();
	if (pid < 0) {
		perror("hostile_bench: fork");
		return false;
	}
	if (pid == 0)
		_exit(bc->run());
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) < 0) {
		perror("hostile_bench: wait4");
		return false;
	}
	double secs = now() - start;
	bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
	printf("| %-58s | %7.2f | %11.1f | %-13s | %s |\n", bc->name, secs,
	       (double)ru.ru_maxrss / 1024.0, bc->budget, ok ? "as expected" : "UNEXPECTED");
	return ok;
}

static void make_dir(const char *path)
{
	if (mkdir(path, 0700) != 0) {
		fprintf(stderr, "hostile_bench: %s: %s\n", path, strerror(errno));
		exit(3);
	}
}

/* The folder of sheets and the FIFO are made before any case is timed. */
static void make_inputs(void)
{
	char path[600], text[128];
	if (!mkdtemp(tmpdir)) {
		perror("hostile_bench: mkdtemp");
		exit(3);
	}
	snprintf(path, sizeof path, "%s/many", tmpdir);
	make_dir(path);
	for (int i = 0; i < 10000; i++) {
		snprintf(path, sizeof path, "%s/many/s%05d.csv", tmpdir, i);
		snprintf(text, sizeof text, HOSTILE_HEADER "UNICEF,Mopti,GC,%d,1\n", i % 7);
		write_file(path, text);
	}
	snprintf(path, sizeof path, "%s/pipe.csv", tmpdir);
	if (mkfifo(path, 0600) != 0) {
		fprintf(stderr, "hostile_bench: %s: %s\n", path, strerror(errno));
		exit(3);
	}
}

static void remove_inputs(void)
{
	char cmd[700];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "hostile_bench: could not remove %s\n", tmpdir);
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "-c"))
		config_path = argv[2];
	else if (argc != 1) {
		fputs("usage: hostile_bench [-c CONFIG]\n", stderr);
		return 2;
	}
	make_inputs();
	puts("| case                                                       |  wall s | peak RSS MB | budget        | outcome |");
	puts("|------------------------------------------------------------|---------|-------------|---------------|---------|");
	fflush(stdout);
	bool all = true;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		all &= run_case(&cases[i]);
		fflush(stdout);
	}
	remove_inputs();
	return all ? 0 : 1;
}
