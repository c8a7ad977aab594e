#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include <stdio.h>
#include <string.h>

#include "parse.h"

/* ---- people counts -------------------------------------------------------- */

struct num_case {
	char in[48];
	enum num_status st;
	long long want;   /* only checked when st == NUM_OK */
};

static void check_num(const struct num_case *c)
{
	int64_t v = -12345;
	enum num_status st = parse_people(c->in, &v);

	cr_assert_eq(st, c->st, "parse_people(\"%s\"): status %d (%s), want %d (%s)",
	             c->in, st, parse_num_status_text(st), c->st,
	             parse_num_status_text(c->st));
	if (c->st == NUM_OK)
		cr_assert_eq(v, c->want, "parse_people(\"%s\") = %lld, want %lld",
		             c->in, (long long)v, c->want);
}

ParameterizedTestParameters(parse, people_missing)
{
	static struct num_case cases[] = {
		{ "", NUM_MISSING, 0 },
		{ "   ", NUM_MISSING, 0 },
		{ "\t\r\n", NUM_MISSING, 0 },
		{ "\xC2\xA0", NUM_MISSING, 0 },
		{ "\xE2\x80\xAF ", NUM_MISSING, 0 },
		{ "-", NUM_MISSING, 0 },
		{ " - ", NUM_MISSING, 0 },
		{ "N/A", NUM_MISSING, 0 },
		{ "n/a", NUM_MISSING, 0 },
		{ "NA", NUM_MISSING, 0 },
		{ "na", NUM_MISSING, 0 },
		{ "ND", NUM_MISSING, 0 },
		{ "nd", NUM_MISSING, 0 },
		{ "#N/A", NUM_MISSING, 0 },
		{ "#n/a", NUM_MISSING, 0 },
		{ " #N/A ", NUM_MISSING, 0 },
	};
	return cr_make_param_array(struct num_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct num_case *c, parse, people_missing)
{
	check_num(c);
}

ParameterizedTestParameters(parse, people_ok)
{
	static struct num_case cases[] = {
		{ "0", NUM_OK, 0 },
		{ "7", NUM_OK, 7 },
		{ "007", NUM_OK, 7 },
		{ "1234", NUM_OK, 1234 },
		{ " 1234 ", NUM_OK, 1234 },
		{ "\xC2\xA0" "1234\xC2\xA0", NUM_OK, 1234 },
		{ "+7", NUM_OK, 7 },
		{ "1 234", NUM_OK, 1234 },                   /* U+0020 */
		{ "1\xC2\xA0" "234", NUM_OK, 1234 },         /* U+00A0 */
		{ "1\xE2\x80\xAF" "234", NUM_OK, 1234 },     /* U+202F */
		{ "1,234", NUM_OK, 1234 },
		{ "1.234", NUM_OK, 1234 },
		{ "1'234", NUM_OK, 1234 },
		{ "1\xE2\x80\x99" "234", NUM_OK, 1234 },     /* ’ */
		{ "1,000", NUM_OK, 1000 },
		{ "999,999", NUM_OK, 999999 },
		{ "1 234 567", NUM_OK, 1234567 },
		{ "1\xC2\xA0" "234\xC2\xA0" "567", NUM_OK, 1234567 },
		{ "1.234.567", NUM_OK, 1234567 },
		{ "1,234,567", NUM_OK, 1234567 },
		{ "1'234'567", NUM_OK, 1234567 },
		{ "1'234.00", NUM_OK, 1234 },
		{ "12,0", NUM_OK, 12 },
		{ "12.00", NUM_OK, 12 },
		{ "12.", NUM_OK, 12 },
		{ "1.234,00", NUM_OK, 1234 },
		{ "1,234.00", NUM_OK, 1234 },
		{ "1 234,00", NUM_OK, 1234 },
		{ "1 234,0", NUM_OK, 1234 },
		{ "-0", NUM_OK, 0 },
		{ "-0,00", NUM_OK, 0 },
		{ "100000000", NUM_OK, 100000000 },
		{ "100 000 000", NUM_OK, 100000000 },
	};
	return cr_make_param_array(struct num_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct num_case *c, parse, people_ok)
{
	check_num(c);
}

ParameterizedTestParameters(parse, people_errors)
{
	static struct num_case cases[] = {
		/* fractions: decimal marks */
		{ "12,5", NUM_FRACTION, 0 },
		{ "12.5", NUM_FRACTION, 0 },
		{ "12,34", NUM_FRACTION, 0 },
		{ "0,5", NUM_FRACTION, 0 },
		{ ",5", NUM_FRACTION, 0 },
		{ "0,500", NUM_FRACTION, 0 },      /* leading 0: not grouping */
		{ "1234,567", NUM_FRACTION, 0 },   /* 4 digits: not grouping */
		{ "1.234,5", NUM_FRACTION, 0 },
		{ "1,234.50", NUM_FRACTION, 0 },
		{ "1 234,5", NUM_FRACTION, 0 },
		{ "1 234,567", NUM_FRACTION, 0 },  /* blanks group, so ',' is decimal */
		{ "1'234.5", NUM_FRACTION, 0 },
		/* negatives */
		{ "-3", NUM_NEGATIVE, 0 },
		{ " -3 ", NUM_NEGATIVE, 0 },
		{ "\xE2\x88\x92" "3", NUM_NEGATIVE, 0 },   /* U+2212 minus */
		{ "-1 234", NUM_NEGATIVE, 0 },
		{ "-1,5", NUM_NEGATIVE, 0 },
		{ "-99999999999999999999", NUM_NEGATIVE, 0 },
		/* too large */
		{ "100000001", NUM_TOO_LARGE, 0 },
		{ "100 000 001", NUM_TOO_LARGE, 0 },
		{ "1.000.000.000", NUM_TOO_LARGE, 0 },
		{ "99999999999999999999", NUM_TOO_LARGE, 0 },
		{ "9223372036854775808", NUM_TOO_LARGE, 0 },
		/* not numbers */
		{ "1e309", NUM_INVALID, 0 },
		{ "1e5", NUM_INVALID, 0 },
		{ "0x10", NUM_INVALID, 0 },
		{ "12abc", NUM_INVALID, 0 },
		{ "abc", NUM_INVALID, 0 },
		{ "12 %", NUM_INVALID, 0 },
		{ "+", NUM_INVALID, 0 },
		{ "--3", NUM_INVALID, 0 },
		{ ".", NUM_INVALID, 0 },
		{ ",", NUM_INVALID, 0 },
		{ "1,2,3", NUM_INVALID, 0 },
		{ "1.2.3", NUM_INVALID, 0 },
		{ "1,234,56", NUM_INVALID, 0 },
		{ "1..234", NUM_INVALID, 0 },
		{ "1,234.5.6", NUM_INVALID, 0 },
		{ "1.234,5,6", NUM_INVALID, 0 },
		{ "12 34", NUM_INVALID, 0 },
		{ "1234 567", NUM_INVALID, 0 },
		{ "1  234", NUM_INVALID, 0 },
		{ "1 234'567", NUM_INVALID, 0 },  /* two grouping styles */
		{ "1,234 5", NUM_INVALID, 0 },
		{ "\xFF", NUM_INVALID, 0 },        /* invalid UTF-8 */
		{ "12\xC3", NUM_INVALID, 0 },
		{ "\xD9\xA1\xD9\xA2", NUM_INVALID, 0 },   /* Arabic-Indic digits */
	};
	return cr_make_param_array(struct num_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct num_case *c, parse, people_errors)
{
	check_num(c);
}

Test(parse, people_huge_digit_string)
{
	char big[400];
	int64_t v;

	memset(big, '9', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	cr_assert_eq(parse_people(big, &v), NUM_TOO_LARGE);
	big[200] = 'x';
	cr_assert_eq(parse_people(big, &v), NUM_INVALID);
}

Test(parse, status_text)
{
	cr_assert_str_eq(parse_num_status_text(NUM_NEGATIVE), "is negative");
	cr_assert_str_eq(parse_num_status_text(NUM_MISSING), "is missing");
	cr_assert_str_eq(parse_num_status_text(NUM_INVALID), "is not a number");
	cr_assert_str_eq(parse_num_status_text(NUM_FRACTION), "is not a whole number");
	cr_assert_not_null(parse_num_status_text(NUM_TOO_LARGE));
	cr_assert_not_null(parse_num_status_text(NUM_OK));
}

/* ---- dates ---------------------------------------------------------------- */

struct date_case {
	char in[48];
	enum date_status st;
	int y, m, d;   /* only checked when st == DATE_OK */
};

static void check_date(const struct date_case *c)
{
	struct date d = { -1, -1, -1 };
	enum date_status st = parse_date(c->in, &d);

	cr_assert_eq(st, c->st, "parse_date(\"%s\"): status %d, want %d",
	             c->in, st, c->st);
	if (c->st != DATE_OK)
		return;
	cr_assert(d.year == c->y && d.month == c->m && d.day == c->d,
	          "parse_date(\"%s\") = %04d-%02d-%02d, want %04d-%02d-%02d",
	          c->in, d.year, d.month, d.day, c->y, c->m, c->d);
}

/* Rule 11: a month name alone is a month of no year yet (the loader gives
 * it the plan's); anything more than the name is not such a month. */
Test(parse, month_name_without_year)
{
	static const struct { const char *in; int month; } cases[] = {
		{ "juin", 6 }, { "June", 6 }, { " JUIN ", 6 }, { "Février", 2 },
		{ "fevr", 2 }, { "Sept", 9 }, { "décembre", 12 }, { "mai", 5 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct date d = { -1, -1, -1 };
		cr_assert_eq(parse_date(cases[i].in, &d), DATE_NO_YEAR, "%s", cases[i].in);
		cr_assert(d.year == 0 && d.month == cases[i].month && d.day == 0,
		          "%s: %d-%d-%d", cases[i].in, d.year, d.month, d.day);
	}
	struct date d;
	cr_assert_eq(parse_date("lundi", &d), DATE_INVALID);
	cr_assert_eq(parse_date("/juin", &d), DATE_INVALID);
	cr_assert_eq(parse_date("15 juin", &d), DATE_INVALID);
	cr_assert_eq(parse_date("juni", &d), DATE_INVALID);
}

ParameterizedTestParameters(parse, date_missing_invalid)
{
	static struct date_case cases[] = {
		{ "", DATE_MISSING, 0, 0, 0 },
		{ "   ", DATE_MISSING, 0, 0, 0 },
		{ "\xC2\xA0", DATE_MISSING, 0, 0, 0 },
		{ "-", DATE_MISSING, 0, 0, 0 },
		{ "N/A", DATE_MISSING, 0, 0, 0 },
		{ "#N/A", DATE_MISSING, 0, 0, 0 },
		{ "nd", DATE_MISSING, 0, 0, 0 },
		{ "\xFF", DATE_INVALID, 0, 0, 0 },
		{ "15/03/2024\xFF", DATE_INVALID, 0, 0, 0 },
		{ "hello", DATE_INVALID, 0, 0, 0 },
		{ "mars", DATE_NO_YEAR, 0, 0, 0 },
		{ "15 mars", DATE_INVALID, 0, 0, 0 },
		{ "foo 2024", DATE_INVALID, 0, 0, 0 },
		{ "15 foo 2024", DATE_INVALID, 0, 0, 0 },
		{ "2024", DATE_INVALID, 0, 0, 0 },
		{ "12345", DATE_INVALID, 0, 0, 0 },
		{ "19999", DATE_INVALID, 0, 0, 0 },
		{ "80001", DATE_INVALID, 0, 0, 0 },
		{ "45292.", DATE_INVALID, 0, 0, 0 },
		{ "15/03", DATE_INVALID, 0, 0, 0 },
		{ "03/24", DATE_INVALID, 0, 0, 0 },
		{ "15/03-2024", DATE_INVALID, 0, 0, 0 },
		{ "15 03 2024", DATE_INVALID, 0, 0, 0 },
		{ "15//03//2024", DATE_INVALID, 0, 0, 0 },
		{ "/03/2024", DATE_INVALID, 0, 0, 0 },
		{ "2024-03-15-01", DATE_INVALID, 0, 0, 0 },
		{ "15/03/202", DATE_INVALID, 0, 0, 0 },
		{ "15/03/2024abc", DATE_INVALID, 0, 0, 0 },
		{ "2024-03-15T25", DATE_INVALID, 0, 0, 0 },
		{ "15/03/2024 garbage:00", DATE_INVALID, 0, 0, 0 },
		{ "15/03/2024 8:0", DATE_INVALID, 0, 0, 0 },
		{ "(15/03/2024)", DATE_INVALID, 0, 0, 0 },
		{ "115/03/2024", DATE_INVALID, 0, 0, 0 },
	};
	return cr_make_param_array(struct date_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct date_case *c, parse, date_missing_invalid)
{
	check_date(c);
}

ParameterizedTestParameters(parse, date_numeric)
{
	static struct date_case cases[] = {
		{ "2024-03-15", DATE_OK, 2024, 3, 15 },
		{ " 2024-03-15 ", DATE_OK, 2024, 3, 15 },
		{ "2024-3-5", DATE_OK, 2024, 3, 5 },
		{ "2024/03/15", DATE_OK, 2024, 3, 15 },
		{ "15/03/2024", DATE_OK, 2024, 3, 15 },
		{ "15-03-2024", DATE_OK, 2024, 3, 15 },
		{ "15.03.2024", DATE_OK, 2024, 3, 15 },
		{ "15/03/24", DATE_OK, 2024, 3, 15 },
		{ "5/3/24", DATE_OK, 2024, 3, 5 },
		{ "01/02/2024", DATE_OK, 2024, 2, 1 },     /* day first */
		{ "12/11/2024", DATE_OK, 2024, 11, 12 },
		{ "01/01/99", DATE_OK, 2099, 1, 1 },       /* 2-digit years: 20yy */
		{ "2024-03", DATE_OK, 2024, 3, 0 },
		{ "2024/03", DATE_OK, 2024, 3, 0 },
		{ "03/2024", DATE_OK, 2024, 3, 0 },
		{ "3/2024", DATE_OK, 2024, 3, 0 },
		{ "03-2024", DATE_OK, 2024, 3, 0 },
		{ "29/02/2024", DATE_OK, 2024, 2, 29 },
		{ "29/02/2000", DATE_OK, 2000, 2, 29 },
		{ "31/12/2024", DATE_OK, 2024, 12, 31 },
		/* times of day written after the date are ignored */
		{ "2024-03-15T10:30:00", DATE_OK, 2024, 3, 15 },
		{ "2024-03-15T10:30:00Z", DATE_OK, 2024, 3, 15 },
		{ "2024-03-15 00:00:00", DATE_OK, 2024, 3, 15 },
		{ "2024-03-15 00:00:00.000", DATE_OK, 2024, 3, 15 },
		{ "15/03/2024 08:00", DATE_OK, 2024, 3, 15 },
		{ "15/03/2024 8:00 AM", DATE_OK, 2024, 3, 15 },
	};
	return cr_make_param_array(struct date_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct date_case *c, parse, date_numeric)
{
	check_date(c);
}

/* Serials worked by hand: 2024-01-01 is 54*365+13 = 19723 days after
 * 1970-01-01, and 1970-01-01 is serial 25569, so 45292; 2024-03-15 adds
 * 31+29+14 = 74 → 45366; 2020-01-01 = 50*365+12+25569 = 43831;
 * 20000 is 5569 days before 1970: 1955-01-01 is -5479, 90 more back is
 * 1954-10-03; 80000 is day 54431 and 2119-01-01 is 149*365+36 = 54421. */
ParameterizedTestParameters(parse, date_serial)
{
	static struct date_case cases[] = {
		{ "45292", DATE_OK, 2024, 1, 1 },
		{ "45366", DATE_OK, 2024, 3, 15 },
		{ "43831", DATE_OK, 2020, 1, 1 },
		{ "25569", DATE_OK, 1970, 1, 1 },
		{ "45351", DATE_OK, 2024, 2, 29 },
		{ "45352", DATE_OK, 2024, 3, 1 },
		{ "20000", DATE_OK, 1954, 10, 3 },
		{ "80000", DATE_OK, 2119, 1, 11 },
		{ "45292.75", DATE_OK, 2024, 1, 1 },
		{ "45292,5", DATE_OK, 2024, 1, 1 },
		{ " 45292 ", DATE_OK, 2024, 1, 1 },
	};
	return cr_make_param_array(struct date_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct date_case *c, parse, date_serial)
{
	check_date(c);
}

ParameterizedTestParameters(parse, date_named)
{
	static struct date_case cases[] = {
		{ "mars 2024", DATE_OK, 2024, 3, 0 },
		{ "Mars 2024", DATE_OK, 2024, 3, 0 },
		{ "MARS 2024", DATE_OK, 2024, 3, 0 },
		{ "March 2024", DATE_OK, 2024, 3, 0 },
		{ "Mar-24", DATE_OK, 2024, 3, 0 },
		{ "mars-24", DATE_OK, 2024, 3, 0 },
		{ "mars\xC2\xA0" "2024", DATE_OK, 2024, 3, 0 },
		{ "15 mars 2024", DATE_OK, 2024, 3, 15 },
		{ "1er mars 2024", DATE_OK, 2024, 3, 1 },
		{ "15-Mar-2024", DATE_OK, 2024, 3, 15 },
		{ "15-mars-24", DATE_OK, 2024, 3, 15 },
		{ "March 15, 2024", DATE_OK, 2024, 3, 15 },
		{ "15th March 2024", DATE_OK, 2024, 3, 15 },
		{ "vendredi 15 mars 2024", DATE_OK, 2024, 3, 15 },
		{ "Friday, March 15, 2024", DATE_OK, 2024, 3, 15 },
		/* French, full and abbreviated, with and without accents */
		{ "janvier 2024", DATE_OK, 2024, 1, 0 },
		{ "janv. 2024", DATE_OK, 2024, 1, 0 },
		{ "février 2024", DATE_OK, 2024, 2, 0 },
		{ "fevrier 2024", DATE_OK, 2024, 2, 0 },
		{ "FÉVRIER 2024", DATE_OK, 2024, 2, 0 },
		{ "févr. 2024", DATE_OK, 2024, 2, 0 },
		{ "avril 2024", DATE_OK, 2024, 4, 0 },
		{ "avr. 2024", DATE_OK, 2024, 4, 0 },
		{ "mai 2024", DATE_OK, 2024, 5, 0 },
		{ "juin 2024", DATE_OK, 2024, 6, 0 },
		{ "juillet 2024", DATE_OK, 2024, 7, 0 },
		{ "juil. 2024", DATE_OK, 2024, 7, 0 },
		{ "août 2024", DATE_OK, 2024, 8, 0 },
		{ "aout 2024", DATE_OK, 2024, 8, 0 },
		{ "septembre 2024", DATE_OK, 2024, 9, 0 },
		{ "sept. 2024", DATE_OK, 2024, 9, 0 },
		{ "octobre 2024", DATE_OK, 2024, 10, 0 },
		{ "oct. 2024", DATE_OK, 2024, 10, 0 },
		{ "novembre 2024", DATE_OK, 2024, 11, 0 },
		{ "nov. 2024", DATE_OK, 2024, 11, 0 },
		{ "décembre 2024", DATE_OK, 2024, 12, 0 },
		{ "decembre 2024", DATE_OK, 2024, 12, 0 },
		{ "déc. 2024", DATE_OK, 2024, 12, 0 },
		{ "déc-24", DATE_OK, 2024, 12, 0 },
		/* English */
		{ "Jan-24", DATE_OK, 2024, 1, 0 },
		{ "January 2024", DATE_OK, 2024, 1, 0 },
		{ "Feb-24", DATE_OK, 2024, 2, 0 },
		{ "February 2024", DATE_OK, 2024, 2, 0 },
		{ "Apr-24", DATE_OK, 2024, 4, 0 },
		{ "April 2024", DATE_OK, 2024, 4, 0 },
		{ "May 2024", DATE_OK, 2024, 5, 0 },
		{ "Jun-24", DATE_OK, 2024, 6, 0 },
		{ "June 2024", DATE_OK, 2024, 6, 0 },
		{ "Jul-24", DATE_OK, 2024, 7, 0 },
		{ "July 2024", DATE_OK, 2024, 7, 0 },
		{ "Aug-24", DATE_OK, 2024, 8, 0 },
		{ "August 2024", DATE_OK, 2024, 8, 0 },
		{ "Sep-24", DATE_OK, 2024, 9, 0 },
		{ "Sept 2024", DATE_OK, 2024, 9, 0 },
		{ "September 2024", DATE_OK, 2024, 9, 0 },
		{ "Oct-24", DATE_OK, 2024, 10, 0 },
		{ "October 2024", DATE_OK, 2024, 10, 0 },
		{ "Nov-24", DATE_OK, 2024, 11, 0 },
		{ "November 2024", DATE_OK, 2024, 11, 0 },
		{ "Dec-24", DATE_OK, 2024, 12, 0 },
		{ "December 2024", DATE_OK, 2024, 12, 0 },
	};
	return cr_make_param_array(struct date_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct date_case *c, parse, date_named)
{
	check_date(c);
}

ParameterizedTestParameters(parse, date_impossible)
{
	static struct date_case cases[] = {
		{ "31/02/2024", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "30/02/2024", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "29/02/2023", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "29/02/2100", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "31/04/2024", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "32/01/2024", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "15/13/2024", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "00/03/2024", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "15/00/2024", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "2024-02-30", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "2024-00", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "13/2024", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "15/03/1850", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "15/03/2300", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "31 février 2024", DATE_IMPOSSIBLE, 0, 0, 0 },
		{ "0 mars 2024", DATE_IMPOSSIBLE, 0, 0, 0 },
	};
	return cr_make_param_array(struct date_case, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct date_case *c, parse, date_impossible)
{
	check_date(c);
}

/* The fast path agrees with parse_date on every form it takes: over years
 * at and past the limits, months 0..13 and days 0..32 in the four fixed
 * forms, it answers exactly when parse_date finds a date (with a day, in
 * the day forms) and gives the same date; hand-picked ones below. */
static void expect_common(const char *s, bool want, int y, int m, int d)
{
	struct date got = { -1, -1, -1 };
	cr_expect_eq(parse_date_common(s, strlen(s), &got), want, "%s", s);
	if (want)
		cr_expect(got.year == y && got.month == m && got.day == d, "%s: %d-%d-%d", s,
		          got.year, got.month, got.day);
}

Test(parse, common_date_forms_read_as_parse_date_reads_them)
{
	static const int years[] = { 1899, 1900, 2023, 2024, 2100, 2200, 2201 };
	char s[48];               /* room for any int, so no format is cut */
	size_t agreed = 0;
	for (size_t k = 0; k < sizeof years / sizeof years[0]; k++)
		for (int m = 0; m <= 13; m++)
			for (int d = 0; d <= 32; d++)
				for (int form = 0; form < 4; form++) {
					int y = years[k];
					if (form == 0) snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, d);
					if (form == 1) snprintf(s, sizeof s, "%02d/%02d/%04d", d, m, y);
					if (form == 2) snprintf(s, sizeof s, "%04d-%02d", y, m);
					if (form == 3) snprintf(s, sizeof s, "%02d/%04d", m, y);
					struct date slow, fast;
					bool ok = parse_date(s, &slow) == DATE_OK;
					bool quick = parse_date_common(s, strlen(s), &fast);
					cr_assert_eq(quick, ok, "%s: parse_date %d, fast path %d", s, ok, quick);
					if (ok)
						cr_assert(fast.year == slow.year && fast.month == slow.month &&
						          fast.day == slow.day, "%s", s);
					agreed += quick;
				}
	cr_expect_gt(agreed, 2000, "the fast path took %zu dates", agreed);
	expect_common("2024-02-29", true, 2024, 2, 29);
	expect_common("29/02/2023", false, 0, 0, 0);
	expect_common("31/04/2024", false, 0, 0, 0);
	expect_common("2024-03", true, 2024, 3, 0);
	expect_common("03/2024", true, 2024, 3, 0);
	expect_common("2024-3-15", false, 0, 0, 0);     /* parse_date's to read */
	expect_common("15.03.2024", false, 0, 0, 0);
	expect_common("2024-0x-15", false, 0, 0, 0);
	expect_common("15/03/24", false, 0, 0, 0);
}

/* ---- calendar helpers ----------------------------------------------------- */

Test(parse, date_days)
{
	/* by hand: 2000-01-01 = 30*365+7; 1900-01-01 = -(70*365+17) */
	struct date epoch = { 1970, 1, 1 }, before = { 1969, 12, 31 };
	struct date y2k = { 2000, 1, 1 }, leap = { 2000, 3, 1 };
	struct date d2024 = { 2024, 1, 1 }, mid = { 2024, 3, 15 };
	struct date month_only = { 2024, 3, 0 }, first = { 2024, 3, 1 };
	struct date y1900 = { 1900, 1, 1 };

	cr_assert_eq(date_days(&epoch), 0);
	cr_assert_eq(date_days(&before), -1);
	cr_assert_eq(date_days(&y2k), 10957);
	cr_assert_eq(date_days(&leap), 10957 + 31 + 29);
	cr_assert_eq(date_days(&d2024), 19723);
	cr_assert_eq(date_days(&mid), 19723 + 31 + 29 + 14);
	cr_assert_eq(date_days(&month_only), date_days(&first));
	cr_assert_eq(date_days(&y1900), -25567);
}

Test(parse, month_index_helpers)
{
	cr_assert_eq(month_index(2024, 3), 290);
	cr_assert_eq(month_index(2000, 1), 0);
	cr_assert_eq(month_index(1999, 12), -1);
	cr_assert_eq(month_year(290), 2024);
	cr_assert_eq(month_month(290), 3);
	cr_assert_eq(month_year(-1), 1999);
	cr_assert_eq(month_month(-1), 12);
	cr_assert_eq(month_year(-12), 1999);
	cr_assert_eq(month_month(-12), 1);
}

Test(parse, month_format)
{
	char buf[8];
	month_format(290, buf);
	cr_assert_str_eq(buf, "2024-03");
	month_format(0, buf);
	cr_assert_str_eq(buf, "2000-01");
	month_format(-1, buf);
	cr_assert_str_eq(buf, "1999-12");
	month_format(month_index(2024, 12), buf);
	cr_assert_str_eq(buf, "2024-12");
}

Test(parse, month_parse)
{
	int idx = -999;

	cr_assert(month_parse("2024-03", &idx));
	cr_assert_eq(idx, 290);
	cr_assert(month_parse("2024-3", &idx));
	cr_assert_eq(idx, 290);
	cr_assert(month_parse("2000-01", &idx));
	cr_assert_eq(idx, 0);
	cr_assert(month_parse("1999-12", &idx));
	cr_assert_eq(idx, -1);

	idx = 7;
	cr_assert_not(month_parse("", &idx));
	cr_assert_not(month_parse("2024-13", &idx));
	cr_assert_not(month_parse("2024-00", &idx));
	cr_assert_not(month_parse("2024-03-01", &idx));
	cr_assert_not(month_parse("2024-03 ", &idx));
	cr_assert_not(month_parse("2024-003", &idx));
	cr_assert_not(month_parse("24-03", &idx));
	cr_assert_not(month_parse("12024-03", &idx));
	cr_assert_not(month_parse("2024/03", &idx));
	cr_assert_not(month_parse("2024-", &idx));
	cr_assert_not(month_parse("abcd-ef", &idx));
	cr_assert_not(month_parse("1850-01", &idx));
	cr_assert_eq(idx, 7, "a failed parse leaves idx alone");
}

Test(parse, month_roundtrip)
{
	char buf[8];
	int back;

	for (int idx = month_index(1990, 1); idx <= month_index(2040, 12); idx++) {
		month_format(idx, buf);
		cr_assert(month_parse(buf, &back), "month_parse(\"%s\")", buf);
		cr_assert_eq(back, idx);
	}
}
