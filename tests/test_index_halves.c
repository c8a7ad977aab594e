/* The index built in two halves at once (aggregate.c) must give exactly
 * what one thread gives: the whole report and gap list — every figure, and
 * every list in its order — compared both ways on the sample sheets, with
 * and without filters, by the independent method of the single thread. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aggregate.h"
#include "cli.h"

static char *run(int (*cmd)(int, char **, FILE *, FILE *), const char *const *args, size_t split_min)
{
	char *out = NULL, *err = NULL;
	size_t n = 0, m = 0;
	FILE *o = open_memstream(&out, &n), *e = open_memstream(&err, &m);
	char *argv[16];
	int argc = 0;
	for (; args[argc]; argc++)
		argv[argc] = (char *)(uintptr_t)args[argc];
	argv[argc] = NULL;
	aggregate_set_split_min(split_min);
	int rc = cmd(argc, argv, o, e);
	aggregate_set_split_min(65536);
	fclose(o);
	fclose(e);
	cr_assert_eq(rc, 0, "%s", err);
	free(err);
	return out;
}

static void same_both_ways(int (*cmd)(int, char **, FILE *, FILE *), const char *const *args)
{
	char *one = run(cmd, args, SIZE_MAX), *two = run(cmd, args, 0);
	cr_assert_gt(strlen(one), 100);
	cr_assert_str_eq(two, one, "%s %s", args[0], args[1]);
	free(one);
	free(two);
}

Test(index_halves, report_and_gaps_as_one_thread_gives)
{
	const char *const cases[][8] = {
		{ "report", "--format", "csv", "-c", "config.ini", "data/sheets", NULL },
		{ "report", "-c", "config.ini", "data/sheets", NULL },
		{ "report", "--region", "Mopti", "-c", "config.ini", "data/sheets", NULL },
		{ "report", "--type", "PSS", "-c", "config.ini", "data/sheets", NULL },
		{ "report", "--format", "md", "-c", "config.ini", "tests/fixtures/sheets/small_counting.csv", NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		same_both_ways(cli_report, cases[i]);
	const char *const gaps[] = { "gaps", "-c", "config.ini", "data/sheets", NULL };
	same_both_ways(cli_gaps, gaps);
}

/* Many partners in the same cercles, types and months: hundreds of
 * overlap groups and concentration flags, each listing its rows, so that an
 * overlap or cumulative id given wrongly in the merge shows. */
Test(index_halves, crowded_cercles_as_one_thread_gives)
{
	static const char *const cercles[] = { "Bandiagara", "Bankass", "Djenné", "Douentza",
	                                       "Koro", "Mopti", "Ténenkou", "Youwarou" };
	static const char *const types[] = { "PSS", "GBV", "CM" };
	char path[] = "/tmp/fourw-crowded-XXXXXX";
	int fd = mkstemp(path);
	cr_assert(fd >= 0);
	FILE *f = fdopen(fd, "w");
	fprintf(f, "Organisation,Région,Cercle,Type d'intervention,Activité,Mois de rapportage,"
	           "Filles,Garçons\n");
	for (int i = 0; i < 4000; i++)
		fprintf(f, "Partner %d,Mopti,%s,%s,Activity %d,%s 2024,%d,%d\n", i % 7,
		        cercles[i / 7 % 8], types[i / 56 % 3], i % 5,
		        (const char *[]){ "janvier", "février", "mars" }[i / 168 % 3], i % 13, i % 11);
	fclose(f);
	const char *const gaps[] = { "gaps", "-c", "config.ini", path, NULL };
	char *one = run(cli_gaps, gaps, SIZE_MAX), *two = run(cli_gaps, gaps, 0);
	size_t flags = 0;
	for (const char *p = one; (p = strstr(p, "partners active in")); p++)
		flags++;
	cr_assert_gt(flags, 20, "only %zu concentration flags: the test would not see a wrong id", flags);
	cr_assert_str_eq(two, one);
	free(one);
	free(two);
	const char *const report[] = { "report", "--format", "csv", "-c", "config.ini", path, NULL };
	same_both_ways(cli_report, report);
	unlink(path);
}
