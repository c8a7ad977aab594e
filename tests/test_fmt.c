#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include <stdint.h>
#include <string.h>

#include "fmt.h"

struct int_case {
	long long v;
	char want[32];
};

ParameterizedTestParameters(fmt, int_table)
{
	static struct int_case cases[] = {
		{ 0, "0" },
		{ 7, "7" },
		{ 999, "999" },
		{ 1000, "1,000" },
		{ 1234, "1,234" },
		{ 99999, "99,999" },
		{ 412305, "412,305" },
		{ 1000000, "1,000,000" },
		{ 1300000, "1,300,000" },
		{ -1, "-1" },
		{ -999, "-999" },
		{ -1234, "-1,234" },
		{ -412305, "-412,305" },
		{ INT64_MAX, "9,223,372,036,854,775,807" },
		{ INT64_MIN, "-9,223,372,036,854,775,808" },
	};
	return cr_make_param_array(struct int_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct int_case *c, fmt, int_table)
{
	char buf[32];
	char *r = fmt_int((int64_t)c->v, buf);
	cr_assert_eq(r, buf);
	cr_assert_str_eq(buf, c->want, "fmt_int(%lld) = \"%s\", want \"%s\"",
	                 c->v, buf, c->want);
}

struct short_case {
	long long v;
	char want[16];
};

ParameterizedTestParameters(fmt, short_table)
{
	static struct short_case cases[] = {
		{ 0, "0" },
		{ 950, "950" },
		{ 999, "999" },
		{ 1000, "1k" },
		{ 1234, "1.23k" },
		{ 1500, "1.5k" },
		{ 9999, "10k" },          /* 9.999k rounds to 10.0k */
		{ 12345, "12.3k" },
		{ 12350, "12.4k" },       /* half up */
		{ 99949, "99.9k" },
		{ 99950, "100k" },
		{ 412305, "412k" },
		{ 412500, "413k" },
		{ 800000, "800k" },
		{ 999499, "999k" },
		{ 999500, "1M" },         /* carries into the next unit */
		{ 1000000, "1M" },
		{ 1300000, "1.3M" },
		{ 1234567, "1.23M" },
		{ 29200000, "29.2M" },
		{ 100000000, "100M" },
		{ 1000000000, "1B" },
		{ 2500000000000LL, "2.5T" },
		{ -950, "-950" },
		{ -1300000, "-1.3M" },
		{ -412305, "-412k" },
		{ INT64_MAX, "9.22E" },
		{ INT64_MIN, "-9.22E" },
	};
	return cr_make_param_array(struct short_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct short_case *c, fmt, short_table)
{
	char buf[16];
	char *r = fmt_short((int64_t)c->v, buf);
	cr_assert_eq(r, buf);
	cr_assert_str_eq(buf, c->want, "fmt_short(%lld) = \"%s\", want \"%s\"",
	                 c->v, buf, c->want);
}

Test(fmt, pct)
{
	char buf[16];

	cr_assert_str_eq(fmt_pct(12.46, buf), "12.5%");
	cr_assert_str_eq(fmt_pct(0.0, buf), "0.0%");
	cr_assert_str_eq(fmt_pct(100.0, buf), "100.0%");
	cr_assert_str_eq(fmt_pct(61.5, buf), "61.5%");
	cr_assert_str_eq(fmt_pct(12.25, buf), "12.3%");   /* half up, exact binary */
	cr_assert_str_eq(fmt_pct(0.04, buf), "0.0%");
	cr_assert_str_eq(fmt_pct(0.05, buf), "0.1%");
	cr_assert_str_eq(fmt_pct(99.96, buf), "100.0%");
	cr_assert_str_eq(fmt_pct(250.0, buf), "250.0%");
	cr_assert_str_eq(fmt_pct(-3.14, buf), "-3.1%");
	cr_assert_str_eq(fmt_pct(-0.01, buf), "0.0%");    /* never "-0.0%" */
	cr_assert_str_eq(fmt_pct(999999999.9, buf), "999999999.9%");
	cr_assert_str_eq(fmt_pct(1e9, buf), ">1e9%");
	cr_assert_str_eq(fmt_pct(1e300, buf), ">1e9%");
	cr_assert_str_eq(fmt_pct(-1e300, buf), "<-1e9%");
	cr_assert_lt(strlen(fmt_pct(999999999.8, buf)), 16);
}

Test(fmt, pct_whole)
{
	char b[16];
	cr_assert_str_eq(fmt_pct_whole(111.4, b), "111%");
	cr_assert_str_eq(fmt_pct_whole(99.5, b), "100%", "half away from zero");
	cr_assert_str_eq(fmt_pct_whole(-0.4, b), "0%", "never -0");
}

Test(fmt, pct_not_finite)
{
	char buf[16];
	double zero = 0.0;

	cr_assert_str_eq(fmt_pct(zero / zero, buf), "n/a");
	cr_assert_str_eq(fmt_pct(1.0 / zero, buf), ">1e9%");
	cr_assert_str_eq(fmt_pct(-1.0 / zero, buf), "<-1e9%");
}
