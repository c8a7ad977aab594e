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
#include "load.h"
#include "table.h"

#define HEADER "Organisation,Région,Type,Filles,Garçons\n"

static const char *config_path = "config.ini";
static char tmpdir[] = "/tmp/fourw-hostile-bench-XXXXXX";

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static char *xmalloc_bench(size_t n)
{
	char *p = malloc(n);
	if (!p) {
		fprintf(stderr, "hostile_bench: out of memory (%zu bytes)\n", n);
		exit(3);
	}
	return p;
}

/* Loads one buffer as a sheet; the child's exit status says whether the
 * load call itself succeeded. */
static int load_one_buffer(const char *buf, size_t len)
{
	struct config cfg;
	struct table t;
	struct error e = { "" };
	if (!config_load(&cfg, config_path, &e)) {
		fprintf(stderr, "hostile_bench: %s\n", e.msg);
		return 2;
	}
	table_init(&t);
	bool ok = load_buffer(&t, &cfg, "hostile.csv", buf, len, &e);
	table_free(&t);
	config_free(&cfg);
	return ok ? 0 : 1;
}

/* Loads one path; refused paths are expected for some cases, so the exit
 * status is 0 when the outcome is the expected one. */
static int load_one_path(const char *path, bool expect_refusal)
{
	struct config cfg;
	struct table t;
	struct error e = { "" };
	if (!config_load(&cfg, config_path, &e)) {
		fprintf(stderr, "hostile_bench: %s\n", e.msg);
		return 2;
	}
	table_init(&t);
	const char *paths[] = { path };
	bool ok = load_paths(&t, &cfg, paths, 1, &e);
	table_free(&t);
	config_free(&cfg);
	return ok != expect_refusal ? 0 : 1;
}

static char *sheet_with_big_cell(size_t cell, bool quoted, size_t *len)
{
	static const char head[] = HEADER "UNICEF,Mopti,GC,1,1\n";
	static const char tail[] = ",Mopti,GC,1,1\nUNICEF,Mopti,GC,2,2\n";
	char *buf = xmalloc_bench(sizeof head + cell + sizeof tail + 2), *p = buf;
	memcpy(p, head, sizeof head - 1);
	p += sizeof head - 1;
	if (quoted)
		*p++ = '"';
	memset(p, 'x', cell);
	p += cell;
	if (quoted)
		*p++ = '"';
	memcpy(p, tail, sizeof tail - 1);
	p += sizeof tail - 1;
	*len = (size_t)(p - buf);
	return buf;
}

static int big_quoted_cell(void)
{
	size_t len;
	char *buf = sheet_with_big_cell(50u << 20, true, &len);
	return load_one_buffer(buf, len);
}

static int big_bare_cell(void)
{
	size_t len;
	char *buf = sheet_with_big_cell(50u << 20, false, &len);
	return load_one_buffer(buf, len);
}

static int row_of_100000_fields(void)
{
	static const char head[] = HEADER "UNICEF,Mopti,GC,1,2";
	size_t fields = 100000;
	char *buf = xmalloc_bench(sizeof head + 2 * fields + 2), *p = buf;
	memcpy(p, head, sizeof head - 1);
	p += sizeof head - 1;
	for (size_t i = 5; i < fields; i++) {
		*p++ = ',';
		*p++ = 'z';
	}
	*p++ = '\n';
	return load_one_buffer(buf, (size_t)(p - buf));
}

static int ten_thousand_columns(void)
{
	size_t columns = 10000, rows = 3;
	char *buf = xmalloc_bench(columns * 8 + rows * (columns * 2 + 32) + 64), *p = buf;
	p += sprintf(p, "Organisation,Région,Type,Filles,Garçons");
	for (size_t i = 5; i < columns; i++)
		p += sprintf(p, ",c%zu", i);
	*p++ = '\n';
	for (size_t r = 0; r < rows; r++) {
		p += sprintf(p, "UNICEF,Mopti,GC,%zu,1", r);
		for (size_t i = 5; i < columns; i++) {
			*p++ = ',';
			*p++ = 'v';
		}
		*p++ = '\n';
	}
	return load_one_buffer(buf, (size_t)(p - buf));
}

static int two_million_lone_crs(void)
{
	size_t n = 2000000, head = strlen(HEADER);
	char *buf = xmalloc_bench(head + n);
	memcpy(buf, HEADER, head);
	memset(buf + head, '\r', n);
	return load_one_buffer(buf, head + n);
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
		snprintf(text, sizeof text, HEADER "UNICEF,Mopti,GC,%d,1\n", i % 7);
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
