/* core_bench: the core's own figures, in process (issue 5).
 *
 *   bench/core_bench [-c CONFIG] [--changes N] [--line] SHEET...
 *
 * Links build/libfourw.a and times, on the sheets given:
 *   - loading them (config_load, then load_paths: decode, parse, normalise);
 *   - grouping the table by region (table_group_by_region, the first step of
 *     cube_index_build, timed apart);
 *   - aggregating every row (the cube behind the first screen): the first
 *     time with the index built before it (cube_index_build), and again;
 *   - the first screen's figures: config + load + aggregate + gap rules;
 *   - a region filter change as the screen makes it — a new filter, the cube
 *     recomputed for it and the gap rules run again — N times (default
 *     1,000) cycling through the regions that have rows (a region without
 *     any would flatter the figure), with its median and 99th percentile;
 *   - peak resident memory (getrusage), and per row above what the process
 *     held before loading.
 * --line prints one tab-separated line instead (for the scaling table):
 *   rows bytes load_s aggregate_s peak_kb base_kb change_median_ms change_p99_ms
 * where aggregate_s is the first aggregate, index included, with the grouping
 * of the table by region before it. */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "aggregate.h"
#include "config.h"
#include "filter.h"
#include "gaps.h"
#include "load.h"
#include "table.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static long peak_rss_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;       /* kilobytes on Linux */
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The q-th quantile (0..1) of sorted values, nearest rank. */
static double quantile(const double *sorted, size_t n, double q)
{
	size_t k = (size_t)(q * (double)n + 0.999999);
	if (k < 1)
		k = 1;
	if (k > n)
		k = n;
	return sorted[k - 1];
}

struct options {
	const char *config;
	size_t changes;
	bool line;
	const char *const *sheets;
	size_t nsheets;
};

static void usage(void)
{
	fputs("usage: core_bench [-c CONFIG] [--changes N] [--line] SHEET...\n", stderr);
	exit(2);
}

static struct options parse_args(int argc, char **argv)
{
	struct options op = { .config = "config.ini", .changes = 1000 };
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
			op.config = argv[++i];
		else if (strcmp(argv[i], "--changes") == 0 && i + 1 < argc)
			op.changes = strtoul(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--line") == 0)
			op.line = true;
		else
			usage();
	}
	if (i == argc || op.changes == 0)
		usage();
	op.sheets = (const char *const *)argv + i;
	op.nsheets = (size_t)(argc - i);
	return op;
}

static long long file_bytes(const struct options *op)
{
	long long total = 0;
	for (size_t i = 0; i < op->nsheets; i++) {
		struct stat st;
		if (stat(op->sheets[i], &st) == 0)
			total += st.st_size;
	}
	return total;
}

/* The month the gap rules take as "now": the config's report date, else
 * the latest month in the sheets (as `fourw report` does). */
static int report_month(const struct config *c, const struct table *t)
{
	return c->report_month >= 0 ? c->report_month : t->latest_month;
}

/* One region filter change: what the screen does on a keystroke.  Returns
 * the seconds it took; *agg_s is the part spent in filter + aggregate (the
 * rest is the gap rules). */
static double filter_change(const struct config *c, const struct table *t,
                            struct cube_index *ix, struct cube *q, int region, double *agg_s)
{
	double t0 = now();
	struct filter f;
	filter_init(&f);
	filter_only_region(&f, region);
	cube_compute(q, ix, &f);
	*agg_s = now() - t0;
	struct gap_list g;
	gap_list_init(&g);
	gaps_compute(&g, c, t, q, report_month(c, t));
	gap_list_free(&g);
	return now() - t0;
}

struct figures {
	size_t rows, rejected;
	double config_s, load_s, group_s, aggregate_s, reaggregate_s, gaps_s;
	double change_median, change_p99, change_max;
	double agg_median, agg_p99;  /* of which filter + aggregate */
	long base_kb, peak_kb;
	size_t changes, nregions;    /* regions with rows, cycled through */
	uint64_t total_reached;
};

/* q holds the cube of every row on entry. */
static void measure_changes(const struct options *op, const struct config *c,
                            const struct table *t, struct cube_index *ix, struct cube *q,
                            struct figures *fig)
{
	int regions[64];
	size_t n = 0;
	for (size_t r = 0; r < c->nregions && n < 64; r++)
		if (q->region[r].activities > 0)
			regions[n++] = (int)r;
	double *s = malloc(op->changes * sizeof *s), *a = malloc(op->changes * sizeof *a);
	if (!s || !a || n == 0) {
		fputs("core_bench: no rows to filter\n", stderr);
		exit(1);
	}
	for (size_t i = 0; i < op->changes; i++)
		s[i] = filter_change(c, t, ix, q, regions[i % n], &a[i]);
	qsort(s, op->changes, sizeof *s, cmp_double);
	qsort(a, op->changes, sizeof *a, cmp_double);
	fig->agg_median = quantile(a, op->changes, 0.5);
	fig->agg_p99 = quantile(a, op->changes, 0.99);
	fig->change_median = quantile(s, op->changes, 0.5);
	fig->change_p99 = quantile(s, op->changes, 0.99);
	fig->change_max = s[op->changes - 1];
	fig->changes = op->changes;
	fig->nregions = n;
	free(s);
	free(a);
}

static void print_figures(const struct options *op, const struct figures *fig)
{
	long long bytes = file_bytes(op);
	double mb = (double)bytes / 1e6, rows = (double)(fig->rows ? fig->rows : 1);
	double first = fig->config_s + fig->load_s + fig->group_s + fig->aggregate_s + fig->gaps_s;
	printf("sheets: %zu file(s), %.1f MB; rows accepted %zu, rejected %zu\n",
	       op->nsheets, mb, fig->rows, fig->rejected);
	printf("people reached (all rows, rule 2 sum): %llu\n",
	       (unsigned long long)fig->total_reached);
	printf("config_load:              %9.1f ms\n", fig->config_s * 1e3);
	printf("load_paths:               %9.1f ms  (%.0f MB/s, %.2f us/row)\n",
	       fig->load_s * 1e3, mb / fig->load_s, fig->load_s * 1e6 / rows);
	printf("table_group_by_region:    %9.1f ms  (%.1f ns/row; rows in region order, for the index)\n",
	       fig->group_s * 1e3, fig->group_s * 1e9 / rows);
	printf("aggregate, all rows:      %9.1f ms  (%.1f ns/row; the first call, after cube_index_build)\n",
	       fig->aggregate_s * 1e3, fig->aggregate_s * 1e9 / rows);
	printf("aggregate again:          %9.1f ms  (%.1f ns/row; index built)\n",
	       fig->reaggregate_s * 1e3, fig->reaggregate_s * 1e9 / rows);
	printf("gaps_compute, all rows:   %9.1f ms\n", fig->gaps_s * 1e3);
	printf("first screen's figures:   %9.1f ms  (config + load + grouping + aggregate + gaps)\n",
	       first * 1e3);
	printf("region filter change:     %9.2f ms median, %.2f ms p99, %.2f ms max  "
	       "(filter + aggregate + gaps_compute; %zu changes cycling the %zu regions with rows)\n",
	       fig->change_median * 1e3, fig->change_p99 * 1e3, fig->change_max * 1e3,
	       fig->changes, fig->nregions);
	printf("  of which filter + aggregate: %6.2f ms median, %.2f ms p99 (the rest: gaps_compute)\n",
	       fig->agg_median * 1e3, fig->agg_p99 * 1e3);
	printf("peak RSS:                 %9.1f MB  (%.1f MB before loading; %.0f bytes/row above it)\n",
	       (double)fig->peak_kb / 1024, (double)fig->base_kb / 1024,
	       (double)(fig->peak_kb - fig->base_kb) * 1024 / rows);
}

static void print_line(const struct options *op, const struct figures *fig)
{
	printf("%zu\t%lld\t%.4f\t%.4f\t%ld\t%ld\t%.3f\t%.3f\n", fig->rows, file_bytes(op),
	       fig->load_s, fig->group_s + fig->aggregate_s, fig->peak_kb, fig->base_kb,
	       fig->change_median * 1e3, fig->change_p99 * 1e3);
}

/* The index built and every row counted (the first screen's cube), then
 * counted again with the index kept; leaves the cube of every row in q. */
static void measure_aggregate(const struct config *c, struct table *t, struct cube_index *ix,
                              struct cube *q, struct figures *fig)
{
	struct filter all;
	filter_init(&all);
	double t0 = now();
	cube_index_build(ix, c, t);
	cube_compute(q, ix, &all);
	fig->aggregate_s = now() - t0;
	t0 = now();
	cube_compute(q, ix, &all);
	fig->reaggregate_s = now() - t0;
	fig->total_reached = (uint64_t)q->total.reached;
}

int main(int argc, char **argv)
{
	struct options op = parse_args(argc, argv);
	struct figures fig = { 0 };
	struct error e = { { 0 } };
	struct config c;
	struct table t;

	double t0 = now();
	if (!config_load(&c, op.config, &e)) {
		fprintf(stderr, "core_bench: %s\n", e.msg);
		return 2;
	}
	fig.config_s = now() - t0;
	fig.base_kb = peak_rss_kb();

	table_init(&t);
	t0 = now();
	if (!load_paths(&t, &c, op.sheets, op.nsheets, &e)) {
		fprintf(stderr, "core_bench: %s\n", e.msg);
		return 2;
	}
	fig.load_s = now() - t0;
	t0 = now();
	table_group_by_region(&t);           /* cube_index_build's first step, timed apart */
	fig.group_s = now() - t0;
	fig.rows = t.len;
	for (size_t i = 0; i < t.nsources; i++)
		fig.rejected += t.sources[i].rejected;

	struct filter all;
	struct cube_index ix;
	struct cube q;
	filter_init(&all);
	cube_init(&q);
	measure_aggregate(&c, &t, &ix, &q, &fig);

	struct gap_list g;
	gap_list_init(&g);
	t0 = now();
	gaps_compute(&g, &c, &t, &q, report_month(&c, &t));
	fig.gaps_s = now() - t0;
	gap_list_free(&g);

	measure_changes(&op, &c, &t, &ix, &q, &fig);
	fig.peak_kb = peak_rss_kb();

	if (op.line)
		print_line(&op, &fig);
	else
		print_figures(&op, &fig);

	cube_free(&q);
	cube_index_free(&ix);
	table_free(&t);
	config_free(&c);
	return 0;
}
